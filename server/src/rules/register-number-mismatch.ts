import type { ProposalNumberRef } from '../core/model';
import { entryRef } from '../register/match';
import type { LinkSource } from '../register/types';
import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';
import { bodyCitations } from './util';

const WHERE: Record<'title' | 'receipt' | 'body', Localized> = {
  title: { zh: '标题', en: 'the title' },
  receipt: { zh: '收文说明', en: 'the receipt line' },
  body: { zh: '正文', en: 'the body' },
};

export const VIA: Record<LinkSource, Localized> = {
  title: { zh: '按标题中的编号', en: 'by the number in the title' },
  receipt: { zh: '按收文说明中的编号', en: 'by the number in the receipt line' },
  'file-name': { zh: '按文件名中的编号', en: 'by the number in the file name' },
};

export const rule = defineRule({
  id: 'register-number-mismatch',
  defaultSeverity: 'error',
  title: { zh: '编号与登记表不一致', en: 'Number differs from the register' },
  description: {
    zh: '答复依次按标题中的编号、收文说明中的编号、文件名中的编号与登记表中的条目对应。对应之后，标题、收文说明和正文引用的编号都应是该件（合并答复时为所答复各件）在登记表中的编号；其他编号多为笔误或套用旧稿，应改为登记表中的编号。',
    en: 'A reply is tied to its register entry by the number in its title, else in its receipt line, else in its file name. Every number it then cites in the title, the receipt line or the body is that entry’s number (or, for a joint reply, one of its entries’); any other number is a slip or left over from an old draft and should be the register’s.',
  },
  sources: [
    { kind: 'practice', note: { zh: '审核要点：提案编号与标题、收文说明、登记表一致。', en: 'Review checklist: the number agrees across title, receipt line and register.' } },
    { kind: 'configuration', note: { zh: '登记表由配置项 register 指定。', en: 'The register is set by the register option.' } },
  ],
  example: {
    bad: '（登记表第 3 行：第20250136号）\n……市政协十四届四次会议第20250163号提案的答复',
    good: '……市政协十四届四次会议第20250136号提案的答复',
  },
  check(ctx) {
    const reg = ctx.register;
    const entry = reg?.link.entry;
    if (!reg || !entry || !reg.link.via) return;
    const { reply } = ctx;
    const keys = new Set(reg.link.entries.map((e) => e.key));
    const refs: Array<[ProposalNumberRef, Localized]> = [];
    for (const r of reply.title?.proposalNumbers ?? []) refs.push([r, WHERE.title]);
    for (const r of reply.receipt?.proposalNumbers ?? []) refs.push([r, WHERE.receipt]);
    for (const r of bodyCitations(reply)) refs.push([r, WHERE.body]);
    const ref = entryRef(entry);
    const via = VIA[reg.link.via];
    for (const [r, where] of refs) {
      if (keys.has(r.key)) continue;
      const right = reg.link.entries.map((e) => `第${e.number}号`);
      ctx.report({
        start: r.start,
        end: r.end,
        message: {
          zh: `${where.zh}中的“第${r.value}号”与本答复对应的${ref.zh}不一致（${via.zh}对应），应为“${right.join('”或“')}”。`,
          en: `“第${r.value}号” in ${where.en} differs from ${ref.en}, which this reply answers (linked ${via.en}); it should be “${right.join('” or “')}”.`,
        },
        ...(reg.link.entries.length === 1 ? {
          fixes: [{ title: { zh: `改为“第${entry.number}号”`, en: `Change to “第${entry.number}号”` }, edits: [{ start: r.start, end: r.end, newText: `第${entry.number}号` }] }],
        } : {}),
      });
    }
  },
});
