import { compareDates, daysBetween, entryRef, formatDate } from '../register/match';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'register-deadline-passed',
  defaultSeverity: 'warning',
  title: { zh: '成文日期晚于办理期限', en: 'Reply dated after the deadline' },
  description: {
    zh: '答复的成文日期不应晚于登记表中该件的办理期限。日期晚于期限，或是答复逾期（应事先按规定申请延期），或是日期写错。',
    en: 'The reply’s date is not later than the deadline the register gives for the item. A later date means the reply is overdue (an extension should have been requested) or the date is wrong.',
  },
  sources: [
    { kind: 'practice', note: { zh: '提案、建议办理办法规定办理期限（一般自交办之日起三个月内办复）。', en: 'Handling rules set a deadline, usually three months from assignment.' } },
    { kind: 'configuration', note: { zh: '登记表由配置项 register 指定，期限取“办理期限”列。', en: 'The register (register option) gives the deadline column.' } },
  ],
  example: {
    bad: '（登记表办理期限：2025-06-30）\n2025年7月10日',
    good: '2025年6月28日',
  },
  check(ctx) {
    const date = ctx.reply.date;
    const entries = ctx.register?.link.entries ?? [];
    if (!date) return;
    let earliest: (typeof entries)[number] | undefined;
    for (const e of entries) if (e.deadline && (!earliest || compareDates(e.deadline, earliest.deadline!) < 0)) earliest = e;
    if (!earliest?.deadline || compareDates(date.value, earliest.deadline) <= 0) return;
    const late = daysBetween(earliest.deadline, date.value);
    ctx.report({
      start: date.start,
      end: date.end,
      message: {
        zh: `成文日期${formatDate(date.value)}晚于${entryRef(earliest).zh}的办理期限${formatDate(earliest.deadline)}（逾期 ${late} 天）；答复应在期限内办结，确需延期的应按规定申请。`,
        en: `The date ${formatDate(date.value)} is after the deadline ${formatDate(earliest.deadline)} in ${entryRef(earliest).en} (${late} day(s) late); reply within the deadline or request an extension.`,
      },
    });
  },
});
