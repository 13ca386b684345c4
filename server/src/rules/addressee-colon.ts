import { defineRule } from './types';

export const rule = defineRule({
  id: 'addressee-colon',
  defaultSeverity: 'warning',
  title: { zh: '主送后缺少冒号', en: 'Addressee without colon' },
  description: {
    zh: '主送对象之后应紧跟全角冒号“：”，不用逗号、句号，也不能省略。半角冒号由 punctuation-width 规则提示。',
    en: 'The addressee is followed by a full-width colon “：”, not a comma or full stop, and not left bare. A half-width colon is reported by punctuation-width.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.1', note: { zh: '主送机关名称后标全角冒号。', en: 'A full-width colon follows the last addressee name.' } },
  ],
  example: { bad: '林灵委员，', good: '林灵委员：' },
  check(ctx) {
    const a = ctx.reply.addressee;
    if (!a) return;
    if (a.colon && /[:：]/.test(a.colon.char)) return;
    if (a.colon) {
      ctx.report({
        start: a.colon.span.start,
        end: a.colon.span.end,
        message: {
          zh: `主送之后应使用全角冒号“：”，不应使用“${a.colon.char}”。`,
          en: `The addressee should end with a full-width colon “：”, not “${a.colon.char}”.`,
        },
        fixes: [{ title: { zh: `将“${a.colon.char}”改为“：”`, en: `Replace “${a.colon.char}” with “：”` }, edits: [{ ...a.colon.span, newText: '：' }] }],
      });
      return;
    }
    ctx.report({
      start: a.namesSpan.start,
      end: a.namesSpan.end,
      message: { zh: '主送之后缺少全角冒号“：”。', en: 'The addressee lacks its full-width colon “：”.' },
      fixes: [{ title: { zh: '在主送后加“：”', en: 'Add “：” after the addressee' }, edits: [{ start: a.namesSpan.end, end: a.namesSpan.end, newText: '：' }] }],
    });
  },
});
