import { defineRule } from './types';
import { firstContent, insertLineAfter, insertLineBefore, receiptTemplate } from './util';

export const rule = defineRule({
  id: 'receipt-missing',
  defaultSeverity: 'error',
  title: { zh: '缺少收文说明', en: 'Receipt line missing' },
  description: {
    zh: '主送之后应有一句收文说明：写明已收悉（或交由本单位办理）的提案、建议的标题和编号，并以“现答复如下：”之类的过渡语结束。',
    en: 'After the addressee, one sentence acknowledges the item (收悉, or that it was handed over), names its title and number, and ends with a transition such as “现答复如下：”.',
  },
  sources: [
    { kind: 'practice', note: { zh: '答复首句说明收到何件提案或建议，是答复的固定要素。', en: 'The first sentence states which proposal or suggestion was received; every reply has it.' } },
    { kind: 'corpus', note: { zh: '样本答复均有收文说明（“收悉”“交我们办理”等）。', en: 'Every sample reply has one (收悉, 交我们办理 …).' } },
  ],
  example: { bad: '林灵委员：\n近年来，我市……', good: '林灵委员：\n您提出的《关于……的提案》（第156号）收悉，现答复如下：\n近年来，我市……' },
  check(ctx) {
    const { reply } = ctx;
    if (reply.receipt) return;
    const anchor = reply.addressee ?? reply.body[0] ?? firstContent(reply);
    const edit = reply.addressee
      ? insertLineAfter(reply, reply.addressee.end, receiptTemplate(reply))
      : reply.body[0]
        ? insertLineBefore(reply, reply.body[0].start, receiptTemplate(reply))
        : { start: 0, end: 0, newText: `${receiptTemplate(reply)}\n` };
    ctx.report({
      start: anchor.start,
      end: anchor.end,
      message: {
        zh: '缺少收文说明：主送之后应写明已收悉的提案（建议）标题和编号，并以“现答复如下：”等过渡语引出正文。',
        en: 'Receipt line missing: after the addressee, acknowledge the item by its title and number and lead into the body with a transition such as “现答复如下：”.',
      },
      fixes: [{ title: { zh: '插入收文说明', en: 'Insert a receipt line' }, edits: [edit] }],
    });
  },
});
