import { defineRule } from './types';

export const rule = defineRule({
  id: 'kind-mismatch',
  defaultSeverity: 'information',
  title: { zh: '提案与建议混淆', en: 'Proposal and suggestion confused' },
  description: {
    zh: '提案由政协委员提出，建议由人大代表提出：主送为“代表”的答复不应称“提案”，主送为“委员”的答复不应称“建议”（书名号内的标题不计）。',
    en: 'Proposals (提案) come from CPPCC members (委员), suggestions (建议) from NPC deputies (代表): a reply to a 代表 does not speak of a 提案, nor one to a 委员 of a 建议 (quoted titles aside).',
  },
  sources: [
    { kind: 'practice', note: { zh: '政协委员提案、人大代表建议分别办理、分别答复。', en: 'Members’ proposals and deputies’ suggestions are handled and answered separately.' } },
  ],
  example: { bad: '张三代表：\n您提出的第12号提案收悉', good: '张三代表：\n您提出的第12号建议收悉' },
  check(ctx) {
    const { reply } = ctx;
    const a = reply.addressee;
    if (!a || a.role === 'other') return;
    const wrong = a.role === 'deputy' ? '提案' : '建议';
    const right = a.role === 'deputy' ? '建议' : '提案';
    // only the words that name this item: in the title and the receipt line, outside quoted titles
    for (const span of [reply.title, reply.receipt]) {
      if (!span) continue;
      // both patterns end in the wrong word: without it there is nothing to look for
      const raw = reply.folded.slice(span.start, span.end);
      if (!raw.includes(wrong)) continue;
      const s = raw.replace(/《[^》]*》|“[^”]*”/g, (q) => ' '.repeat(q.length));
      const re = a.role === 'deputy' ? /(号|届|次会议|代表|委员)?提案/ : /号建议|代表建议|(?<=的)建议(?=的?答复)/;
      const m = re.exec(s);
      if (!m || s.includes(right)) continue;
      const at = span.start + m.index + m[0].length - 2;
      ctx.report({
        start: at,
        end: at + 2,
        message: {
          zh: `主送是${a.role === 'deputy' ? '人大代表' : '政协委员'}，此处却称“${wrong}”；${a.role === 'deputy' ? '代表提出的是“建议”' : '委员提出的是“提案”'}。`,
          en: `The addressee is ${a.role === 'deputy' ? 'an NPC deputy' : 'a CPPCC member'}, yet this says “${wrong}”; ${a.role === 'deputy' ? 'deputies make suggestions (建议)' : 'members make proposals (提案)'}.`,
        },
        related: [{ start: a.start, end: a.end, message: { zh: '主送', en: 'addressee' } }],
        fixes: [{ title: { zh: `改为“${right}”`, en: `Change to “${right}”` }, edits: [{ start: at, end: at + 2, newText: right }] }],
      });
      return;
    }
  },
});
