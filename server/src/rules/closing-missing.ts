import { defineRule } from './types';
import { bodyTail, closingTemplate, insertLineAfter, insertLineBefore } from './util';

export const rule = defineRule({
  id: 'closing-missing',
  defaultSeverity: 'warning',
  title: { zh: '缺少结束语', en: 'Closing missing' },
  description: {
    zh: '答复正文之后、署名之前应有结束语，如“此复。”“特此函复。”、致谢或欢迎继续提出意见的话；整改报告用“特此报告。”。网上公开的答复常删去结束语，定稿前应补上。',
    en: 'After the body and before the signature a reply closes: “此复。”, “特此函复。”, thanks, or an invitation to further comments; a rectification report closes with “特此报告。”. Published copies often drop it; a draft must have it.',
  },
  sources: [
    { kind: 'practice', note: { zh: '函的结尾用语：此复、特此函复、特此报告等。', en: 'Letters close with 此复, 特此函复, 特此报告 and the like.' } },
    { kind: 'corpus', note: { zh: '样本答复多以致谢或“此复”结尾；未结尾者为网页转载删减。', en: 'Sample replies mostly close with thanks or 此复; those without are trimmed web copies.' } },
  ],
  example: { bad: '……推动工作落实。\n贵阳市教育局', good: '……推动工作落实。\n此复。\n贵阳市教育局' },
  check(ctx) {
    const { reply } = ctx;
    if (reply.closing) return;
    const anchor = reply.signature ?? reply.date ?? bodyTail(reply);
    const tpl = closingTemplate(reply);
    ctx.report({
      start: anchor.start,
      end: anchor.end,
      message: {
        zh: `缺少结束语：正文之后、署名之前应有结束语，如“${tpl}”。`,
        en: `Closing missing: after the body and before the signature, close the reply, e.g. “${tpl}”.`,
      },
      fixes: [{
        title: { zh: '插入结束语', en: 'Insert a closing' },
        edits: [reply.signature || reply.date ? insertLineBefore(reply, (reply.signature ?? reply.date)!.start, tpl) : insertLineAfter(reply, anchor.end, tpl)],
      }],
    });
  },
});
