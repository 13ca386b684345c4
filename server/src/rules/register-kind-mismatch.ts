import type { Reply } from '../core/model';
import { entryRef, ITEM_KIND_NAME } from '../register/match';
import type { ItemKind } from '../register/types';
import type { Span } from '../core/text';
import { type TextEdit } from '../core/vocabulary';
import { defineRule } from './types';

interface Evidence extends Span {
  /** The word to replace and what names the other kind. */
  readonly word: string;
}

/**
 * Where a reply names its item as the other kind than `expected`: 提案 / 建议 outside quoted titles
 * in the title and the receipt line, and the addressee's 委员 / 代表.
 */
function conflicts(reply: Reply, expected: ItemKind): Evidence[] {
  const out: Evidence[] = [];
  // 提案 anywhere names a proposal (suggestions never call themselves so); 建议 only where it names
  // the item, since proposal titles themselves read 关于…的建议
  const wrong = expected === 'suggestion'
    ? /提案(?!人)/g
    : /(?<=号|代表|人大|闭会期间|次会议)建议/g;
  for (const span of [reply.title, reply.receipt]) {
    if (!span) continue;
    const s = reply.folded.slice(span.start, span.end).replace(/《[^》]*》|“[^”]*”/g, (q) => ' '.repeat(q.length));
    for (const m of s.matchAll(wrong)) {
      const at = span.start + m.index + m[0].length - 2;
      out.push({ start: at, end: at + 2, word: reply.text.slice(at, at + 2) });
    }
  }
  const a = reply.addressee;
  if (a && reply.kind !== 'co-handling-opinion' && reply.kind !== 'rectification-report') {
    const role = expected === 'suggestion' ? '委员' : '代表';
    if ((expected === 'suggestion' ? a.role === 'member' : a.role === 'deputy') && reply.text.slice(a.namesSpan.end - 2, a.namesSpan.end) === role) {
      out.push({ start: a.namesSpan.end - 2, end: a.namesSpan.end, word: role });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

const RIGHT_WORD: Record<string, Record<ItemKind, string>> = {
  提案: { proposal: '提案', suggestion: '建议' },
  建议: { proposal: '提案', suggestion: '建议' },
  委员: { proposal: '委员', suggestion: '代表' },
  代表: { proposal: '委员', suggestion: '代表' },
};

export const rule = defineRule({
  id: 'register-kind-mismatch',
  defaultSeverity: 'warning',
  title: { zh: '提案、建议与登记表不符', en: 'Proposal or suggestion, unlike the register' },
  description: {
    zh: '登记表写明该件是政协委员的提案还是人大代表的建议（或由届次、表头推断）；答复的标题、收文说明（书名号内的标题不计）和主送应与之相符：提案称“提案”、主送“委员”，建议称“建议”、主送“代表”。',
    en: 'The register says whether the item is a CPPCC member’s proposal (提案) or an NPC deputy’s suggestion (建议), or implies it by its session or headers. The reply’s title, receipt line (quoted titles aside) and addressee agree: a proposal is called 提案 and goes to a 委员, a suggestion is called 建议 and goes to a 代表.',
  },
  appliesTo: ['proposal-reply', 'suggestion-reply', 'co-handling-opinion'],
  sources: [
    { kind: 'practice', note: { zh: '政协委员提案、人大代表建议分别办理、分别答复。', en: 'Members’ proposals and deputies’ suggestions are handled and answered separately.' } },
    { kind: 'configuration', note: { zh: '登记表由配置项 register 指定。', en: 'The register is set by the register option.' } },
  ],
  example: {
    bad: '（登记表类型：建议）\n……关于市十七届人大三次会议第0087号提案的答复',
    good: '……关于市十七届人大三次会议第0087号建议的答复',
  },
  check(ctx) {
    const entry = ctx.register?.link.entry;
    const kind = entry?.kind;
    if (!entry || !kind) return;
    const found = conflicts(ctx.reply, kind);
    if (found.length === 0) return;
    const first = found[0]!;
    const name = ITEM_KIND_NAME[kind];
    const edits: TextEdit[] = found.map((e) => ({ start: e.start, end: e.end, newText: RIGHT_WORD[e.word]?.[kind] ?? e.word }));
    ctx.report({
      start: first.start,
      end: first.end,
      message: {
        zh: `${entryRef(entry).zh}是${kind === 'proposal' ? '政协委员的提案' : '人大代表的建议'}${entry.kindSource === 'inferred' ? '（由届次或表头推断）' : ''}，答复此处却称“${first.word}”；应称“${RIGHT_WORD[first.word]?.[kind] ?? name.zh}”。`,
        en: `${entryRef(entry).en} is ${kind === 'proposal' ? 'a CPPCC member’s proposal' : 'an NPC deputy’s suggestion'}${entry.kindSource === 'inferred' ? ' (inferred from its session or headers)' : ''}, yet the reply says “${first.word}” here; it should say “${RIGHT_WORD[first.word]?.[kind] ?? name.zh}”.`,
      },
      fixes: [{
        title: found.length > 1
          ? { zh: `按登记表改为“${name.zh}”（${found.length} 处）`, en: `Follow the register: ${name.en} (${found.length} places)` }
          : { zh: `改为“${edits[0]!.newText}”`, en: `Change to “${edits[0]!.newText}”` },
        edits,
      }],
    });
  },
});
