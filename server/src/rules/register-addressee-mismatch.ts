import { entryPeople, entryRef, isMasked, leadUnits, personAmong, unitsMatch } from '../register/match';
import { personName } from '../register/cells';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'register-addressee-mismatch',
  defaultSeverity: 'warning',
  title: { zh: '主送与登记表不符', en: 'Addressee differs from the register' },
  description: {
    zh: '答复主送提出提案（建议）的人：主送的姓名应在登记表该件的提案人（领衔代表）或附议人之中；协办意见主送主办单位，应与登记表的主办单位一致（可省略地名前缀，如“市教育局”与“泉州市教育局”）。打了星号的姓名不检查。',
    en: 'A reply is addressed to whoever made the proposal or suggestion: every name in the addressee is among the register’s proposers or seconders for the item. A co-handling opinion is addressed to the lead unit the register names (a place prefix may be left out). Masked names (***) are not checked.',
  },
  appliesTo: ['proposal-reply', 'suggestion-reply', 'co-handling-opinion'],
  sources: [
    { kind: 'practice', note: { zh: '答复主送提案人（领衔代表），协办意见主送主办单位。', en: 'Replies go to the proposer (lead deputy); co-handling opinions go to the lead unit.' } },
    { kind: 'configuration', note: { zh: '登记表由配置项 register 指定。', en: 'The register is set by the register option.' } },
  ],
  example: {
    bad: '（登记表提案人：陈明远）\n陈明元委员：',
    good: '陈明远委员：',
  },
  check(ctx) {
    const reg = ctx.register;
    const a = ctx.reply.addressee;
    const entries = reg?.link.entries ?? [];
    if (!a || entries.length === 0) return;
    const entry = entries[0]!;
    const shown = ctx.reply.text.slice(a.namesSpan.start, a.namesSpan.end);
    if (ctx.reply.kind === 'co-handling-opinion') {
      const leads = leadUnits(entries);
      if (leads.length === 0 || a.names.some((n) => isMasked(n))) return;
      if (a.names.some((n) => leads.some((l) => unitsMatch(l, n)))) return;
      ctx.report({
        start: a.namesSpan.start,
        end: a.namesSpan.end,
        message: {
          zh: `协办意见应主送主办单位：${entryRef(entry).zh}的主办单位是“${leads.join('、')}”，主送却是“${shown}”。`,
          en: `A co-handling opinion goes to the lead unit: ${entryRef(entry).en} names “${leads.join('、')}”, but the addressee is “${shown}”.`,
        },
        ...(leads.length === 1 ? { fixes: [{ title: { zh: `改为“${leads[0]}”`, en: `Change to “${leads[0]}”` }, edits: [{ start: a.namesSpan.start, end: a.namesSpan.end, newText: leads[0]! }] }] } : {}),
      });
      return;
    }
    const people = entryPeople(entries);
    if (people.length === 0) return;
    const stray = a.names.filter((n) => !isMasked(personName(n)) && personName(n) !== '' && !personAmong(n, people));
    if (stray.length === 0) return;
    const role = /(委员|代表|同志)$/.exec(shown)?.[1] ?? '';
    const proposers = entry.proposers;
    const right = proposers.length > 0 && a.form !== 'body' ? `${proposers.join('、')}${role}` : undefined;
    ctx.report({
      start: a.namesSpan.start,
      end: a.namesSpan.end,
      message: {
        zh: `主送中的“${stray.map(personName).join('、')}”不是${entryRef(entry).zh}的提案人或附议人（${people.join('、')}）${right ? `，主送应为“${right}”` : ''}。`,
        en: `“${stray.map(personName).join('、')}” in the addressee is not among the proposers or seconders in ${entryRef(entry).en} (${people.join('、')})${right ? `; address it to “${right}”` : ''}.`,
      },
      ...(right && entries.length === 1 ? { fixes: [{ title: { zh: `改为“${right}”`, en: `Change to “${right}”` }, edits: [{ start: a.namesSpan.start, end: a.namesSpan.end, newText: right }] }] } : {}),
    });
  },
});
