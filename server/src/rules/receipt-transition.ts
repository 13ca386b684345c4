import { defineRule } from './types';
import { transitionTemplate } from './util';

/** How long a paragraph that is only the transition is at most. */
const TRANSITION_PARAGRAPH_MAX = 40;

export const rule = defineRule({
  id: 'receipt-transition',
  defaultSeverity: 'hint',
  title: { zh: '收文说明缺少过渡语', en: 'Receipt line without transition' },
  description: {
    zh: '收文说明通常以“现答复如下：”“现将办理情况答复如下：”等过渡语结束，再转入正文。措辞可以不同，但以“如下：”收尾便于阅读。',
    en: 'A receipt line usually ends with a transition such as “现答复如下：” before the body. The wording varies; ending with “如下：” helps the reader.',
  },
  sources: [
    { kind: 'corpus', note: { zh: '约半数真实答复使用“现答复如下”，其余使用其他“……如下：”句式。', en: 'About half of real replies use “现答复如下”; the rest use other “……如下：” wordings.' } },
  ],
  example: { bad: '您提出的《关于……的提案》收悉。', good: '您提出的《关于……的提案》收悉，现答复如下：' },
  check(ctx) {
    const r = ctx.reply.receipt;
    if (!r) return;
    const t = r.transition;
    if (t) {
      const last = ctx.reply.text.charAt(t.end - 1);
      if (last === '：' || last === ':') return;
      // 如下 (or the opinion named after it: 如下协办意见) followed by another mark, or by nothing
      const hasMark = /[。，；,;.]/.test(last);
      const words = t.text.slice(t.text.lastIndexOf('如下'), hasMark ? -1 : undefined);
      ctx.report({
        start: t.start,
        end: t.end,
        message: { zh: `过渡语“……${words}”之后应使用全角冒号“：”。`, en: `The transition “……${words}” should end with a full-width colon “：”.` },
        fixes: [{
          title: { zh: `改为“${words}：”`, en: `End with “${words}：”` },
          edits: [hasMark ? { start: t.end - 1, end: t.end, newText: '：' } : { start: t.end, end: t.end, newText: '：' }],
        }],
      });
      return;
    }
    const text = ctx.reply.text;
    // the transition may be a paragraph of its own after the receipt: `经认真研究，现答复如下：`
    const next = ctx.reply.body.find((b) => b.start >= r.end);
    if (next && next.end - next.start <= TRANSITION_PARAGRAPH_MAX && /如下[:：]$/.test(text.slice(next.start, next.end))) return;
    const endsWithStop = /[。.]$/.test(text.slice(r.start, r.end));
    const tpl = transitionTemplate(ctx.reply.kind);
    ctx.report({
      start: Math.max(r.start, r.end - 6),
      end: r.end,
      message: {
        zh: `收文说明之后缺少过渡语，可在句末加“${tpl}”引出正文。`,
        en: `The receipt line has no transition into the body; consider ending it with “${tpl}”.`,
      },
      fixes: [{
        title: { zh: `加上“${tpl}”`, en: `Add “${tpl}”` },
        edits: [endsWithStop ? { start: r.end - 1, end: r.end, newText: `，${tpl}` } : { start: r.end, end: r.end, newText: `，${tpl}` }],
      }],
    });
  },
});
