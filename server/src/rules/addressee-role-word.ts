import { defineRule } from './types';

export const rule = defineRule({
  id: 'addressee-role-word',
  defaultSeverity: 'warning',
  title: { zh: '主送称谓不完整', en: 'Addressee role word cut short' },
  description: {
    zh: '主送的称谓应写全“委员”“代表”。网页转载或录入时丢字，会留下“伏正洪代：”“马青、周丽等员：”这样残缺的称谓；检查器仍把它读作主送，并提示补全。',
    en: 'The addressee’s role word is written in full, 委员 or 代表. A character lost in a web copy or in typing leaves “伏正洪代：” or “马青、周丽等员：”; the checker still reads it as the addressee and asks for the word in full.',
  },
  sources: [
    { kind: 'practice', note: { zh: '提案答复称“××委员”，建议答复称“××代表”。', en: 'Proposal replies address “×× 委员”, suggestion replies “×× 代表”.' } },
  ],
  example: { bad: '伏正洪代：', good: '伏正洪代表：' },
  check(ctx) {
    const cut = ctx.reply.addressee?.roleCut;
    if (!cut) return;
    const written = ctx.reply.text.slice(cut.span.start, cut.span.end);
    ctx.report({
      ...cut.span,
      message: {
        zh: `主送的称谓“${cut.role}”少了一个字（只有“${written}”），应写作“${cut.role}”。`,
        en: `The addressee’s role word ${cut.role} lost a character (only “${written}”); write “${cut.role}”.`,
      },
      fixes: [{ title: { zh: `改为“${cut.role}”`, en: `Change to “${cut.role}”` }, edits: [{ ...cut.span, newText: cut.role }] }],
    });
  },
});
