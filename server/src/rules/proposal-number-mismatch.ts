import type { ProposalNumberRef } from '../core/model';
import { proposalKeys } from '../parse/header';
import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';
import { bodyCitations } from './util';

export const rule = defineRule({
  id: 'proposal-number-mismatch',
  defaultSeverity: 'error',
  title: { zh: '提案（建议）编号前后不一致', en: 'Proposal number mismatch' },
  description: {
    zh: '标题、收文说明和正文中引用本件提案（建议）时，编号应一致；收文说明合并答复多件时，其他位置的编号应在其中。',
    en: 'The proposal or suggestion number agrees wherever the reply cites its item: title, receipt line and body; when the receipt line answers several items, every other citation is one of them.',
  },
  sources: [
    { kind: 'practice', note: { zh: '审核要点：提案编号与标题、收文说明、登记表一致。', en: 'Review checklist: the number agrees across title, receipt line and register.' } },
  ],
  example: { bad: '……第41019号界别提案的答复\n……《关于……的建议》（第41091号）收悉', good: '……第41019号界别提案的答复\n……《关于……的建议》（第41019号）收悉' },
  check(ctx) {
    const { reply } = ctx;
    const titleRefs = reply.title?.proposalNumbers ?? [];
    const receiptRefs = reply.receipt?.proposalNumbers ?? [];
    // The title is the reference: it is made from the register; the receipt line and the body cite
    // the item again, and a slip of the pen there is the likelier one. A receipt line that answers
    // several items agrees when one of its numbers is the title's.
    const report = (ref: ProposalNumberRef, where: Localized, reference: readonly ProposalNumberRef[], refName: Localized): void => {
      const first = reference[0]!;
      ctx.report({
        start: ref.start,
        end: ref.end,
        message: {
          zh: `${where.zh}中的编号“第${ref.value}号”与${refName.zh}中的“${reference.map((r) => `第${r.value}号`).join('、')}”不一致。`,
          en: `The number “第${ref.value}号” in ${where.en} differs from “${reference.map((r) => `第${r.value}号`).join(', ')}” in ${refName.en}.`,
        },
        related: [{ start: first.start, end: first.end, message: { zh: `${refName.zh}中的编号`, en: `the number in ${refName.en}` } }],
      });
    };
    const TITLE: Localized = { zh: '标题', en: 'the title' };
    const RECEIPT: Localized = { zh: '收文说明', en: 'the receipt line' };
    const agrees = (ref: ProposalNumberRef, keys: ReadonlySet<string>): boolean => proposalKeys(ref).some((k) => keys.has(k));
    const titleKeys = new Set(titleRefs.flatMap(proposalKeys));
    if (titleRefs.length > 0 && receiptRefs.length > 0 && !receiptRefs.some((r) => agrees(r, titleKeys))) report(receiptRefs[0]!, RECEIPT, titleRefs, TITLE);
    const reference = titleRefs.length > 0 ? titleRefs : receiptRefs;
    if (reference.length === 0) return;
    const known = new Set([...titleRefs, ...receiptRefs].flatMap(proposalKeys));
    for (const r of bodyCitations(reply)) if (!agrees(r, known)) report(r, { zh: '正文', en: 'the body' }, reference, titleRefs.length > 0 ? TITLE : RECEIPT);
  },
});
