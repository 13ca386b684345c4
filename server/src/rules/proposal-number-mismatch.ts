import type { ProposalNumberRef } from '../model';
import { defineRule, type Localized } from './types';
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
    const receiptRefs = reply.receipt?.proposalNumbers ?? [];
    const titleRefs = reply.title?.proposalNumbers ?? [];
    const reference: ProposalNumberRef[] = receiptRefs.length > 0 ? receiptRefs : titleRefs;
    if (reference.length === 0) return;
    const refName: Localized = receiptRefs.length > 0 ? { zh: '收文说明', en: 'the receipt line' } : { zh: '标题', en: 'the title' };
    const keys = new Set(reference.map((r) => r.key));
    const check = (ref: ProposalNumberRef, where: Localized): void => {
      if (keys.has(ref.key)) return;
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
    if (receiptRefs.length > 0) for (const r of titleRefs) check(r, { zh: '标题', en: 'the title' });
    for (const keysOfTitle of titleRefs) keys.add(keysOfTitle.key);
    for (const r of bodyCitations(reply)) check(r, { zh: '正文', en: 'the body' });
  },
});
