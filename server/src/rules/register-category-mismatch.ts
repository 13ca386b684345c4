import { entryRef } from '../register/match';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'register-category-mismatch',
  defaultSeverity: 'warning',
  title: { zh: '答复类别与登记表不一致', en: 'Category differs from the register' },
  description: {
    zh: '登记表记有该件的答复类别（如与提案人沟通后确定的 A、B、C 类）时，答复标注的类别应与之一致。登记表中不在配置项 categories 允许范围内的类别在登记表上报告，不参与核对。',
    en: 'When the register records the item’s category (A, B or C, as agreed with the proposer), the category marked on the reply is the same. A register value outside the categories option is reported on the register and not compared.',
  },
  sources: [
    { kind: 'practice', note: { zh: '答复类别在登记表和答复中一致标注，便于统计办理结果。', en: 'The category is marked alike in the register and the reply for the statistics.' } },
    { kind: 'configuration', note: { zh: '登记表由配置项 register 指定，允许的类别由 categories 设定。', en: 'The register option names the register; categories sets the allowed values.' } },
  ],
  example: {
    bad: '（登记表答复类别：A）\n答复类别：B类',
    good: '答复类别：A类',
  },
  check(ctx) {
    const c = ctx.reply.category;
    const entry = ctx.register?.link.entry;
    if (!c || !entry?.category || c.value === entry.category) return;
    ctx.report({
      start: c.valueSpan.start,
      end: c.valueSpan.end,
      message: {
        zh: `答复类别“${c.value}”与${entryRef(entry).zh}记载的“${entry.category}”不一致；应为“${entry.category}”，或先更正登记表。`,
        en: `The category “${c.value}” differs from “${entry.category}” in ${entryRef(entry).en}; it should be “${entry.category}”, or correct the register first.`,
      },
      fixes: [{ title: { zh: `改为“${entry.category}”`, en: `Change to “${entry.category}”` }, edits: [{ start: c.valueSpan.start, end: c.valueSpan.end, newText: entry.category }] }],
    });
  },
});
