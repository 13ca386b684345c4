/**
 * Helpers the rules share: where a missing element goes, the document's line break, how the reply
 * should address its reader, and the kind-specific wording of templates.
 */
import type { DocumentKind, MeasureHeading, ProposalNumberRef, Reply } from '../model';
import { proposalNumberAt } from '../parse/header';
import { marksOf } from '../parse/marks';
import { isBlank, lastOf, type Span } from '../text';
import type { TextEdit } from './types';

/** The line break the document already uses (CRLF when it has any), so inserted lines match it. */
export function eolOf(reply: Reply): string {
  return reply.text.includes('\r\n') ? '\r\n' : reply.text.includes('\r') && !reply.text.includes('\n') ? '\r' : '\n';
}

/** Index of the line that contains `offset`. */
export function lineIndexAt(reply: Reply, offset: number): number {
  const lines = reply.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The whole line that contains `offset`, without its line break. */
export function lineSpanAt(reply: Reply, offset: number): Span {
  const l = reply.lines[lineIndexAt(reply, offset)]!;
  return { start: l.start, end: l.end };
}

/**
 * Inserts `content` as a new line above the line that contains `offset`. When text precedes
 * `offset` on its line (a run-on pasted line holding several paragraphs), the line is broken
 * there instead, so that the new line lands right before the element, not before the whole line.
 */
export function insertLineBefore(reply: Reply, offset: number, content: string): TextEdit {
  const line = lineSpanAt(reply, offset);
  let s = offset;
  while (s > line.start && isBlank(reply.text.charCodeAt(s - 1))) s--;
  if (s === line.start) return { start: line.start, end: line.start, newText: content + eolOf(reply) };
  return { start: s, end: offset, newText: eolOf(reply) + content + eolOf(reply) };
}

/**
 * Inserts `content` as a new line below the line that contains `offset`; within a run-on line the
 * line is broken right after `offset` instead (see insertLineBefore).
 */
export function insertLineAfter(reply: Reply, offset: number, content: string): TextEdit {
  const line = lineSpanAt(reply, offset);
  let e = offset;
  while (e < line.end && isBlank(reply.text.charCodeAt(e))) e++;
  if (e >= line.end) return { start: line.end, end: line.end, newText: eolOf(reply) + content };
  return { start: offset, end: e, newText: eolOf(reply) + content + eolOf(reply) };
}

/** Whether a line holds nothing but blanks. */
function blankLine(reply: Reply, index: number): boolean {
  const l = reply.lines[index];
  if (!l) return false;
  for (let i = l.start; i < l.end; i++) if (!isBlank(reply.text.charCodeAt(i))) return false;
  return true;
}

/**
 * Deletes a whole line with its line break. Between two blank lines (paragraphs separated by a
 * blank line) one of them goes too, so that the paragraphs around stay one blank line apart.
 */
export function deleteLine(reply: Reply, index: number): TextEdit {
  const line = reply.lines[index]!;
  const end = blankLine(reply, index - 1) && blankLine(reply, index + 1) ? reply.lines[index + 1]!.next : line.next;
  return { start: line.start, end, newText: '' };
}

/**
 * Inserts a paragraph above the line that contains `offset`, followed by a blank line when the
 * document separates its paragraphs by blank lines (the line above `offset` is blank).
 */
export function insertParagraphBefore(reply: Reply, offset: number, content: string): TextEdit {
  const index = lineIndexAt(reply, offset);
  return insertLineBefore(reply, offset, blankLine(reply, index - 1) && reply.lines[index]!.start === offset ? content + eolOf(reply) : content);
}

/** Appends `content` as a last line. */
export function appendLine(reply: Reply, content: string): TextEdit {
  const n = reply.text.length;
  const endsWithBreak = n > 0 && /[\r\n]$/.test(reply.text);
  return { start: n, end: n, newText: n === 0 ? content : endsWithBreak ? content + eolOf(reply) : eolOf(reply) + content };
}

/** The last span of the document's content: the last block, or the document start when empty. */
export function lastContent(reply: Reply): Span {
  const b = lastOf(reply.blocks);
  return b ? { start: b.start, end: b.end } : { start: 0, end: 0 };
}

/** The first line with content, where a document-level finding is shown when nothing better exists. */
export function firstContent(reply: Reply): Span {
  const b = reply.blocks[0];
  return b ? lineSpanAt(reply, b.start) : { start: 0, end: 0 };
}

/** Where the signature, date and closing belong: after the last body paragraph. */
export function bodyTail(reply: Reply): Span {
  const last = lastOf(reply.body) ?? reply.receipt ?? reply.addressee ?? lastOf(reply.blocks);
  return last ? { start: last.start, end: last.end } : { start: 0, end: 0 };
}

/** How to address the reader, from the addressee: 您, 你们, or 贵委 / 贵局 … for a body. */
export function youForm(reply: Reply): string {
  const a = reply.addressee;
  if (!a) return '您';
  if (a.form === 'person') return '您';
  if (a.form === 'persons') return '你们';
  return `贵${bodyAbbreviation(lastOf(a.names) ?? '')}`;
}

/** The one-character organ word used in 贵委, 贵局, 贵办 … */
export function bodyAbbreviation(name: string): string {
  const m = /(委员会|委|局|厅|办公室|办|院|部|处|室|会|中心|政府|社|盟|党|联)$/.exec(name);
  if (!m) return '单位';
  switch (m[1]) {
    case '委员会': case '委': return '委';
    case '办公室': case '办': return '办';
    case '政府': return '政府';
    case '中心': return '中心';
    case '社': case '盟': case '党': case '联': return '党派';
    default: return m[1]!;
  }
}

/** The receipt line a draft of this kind would start with. */
export function receiptTemplate(reply: Reply): string {
  const you = youForm(reply);
  switch (reply.kind) {
    case 'suggestion-reply': return `${you}提出的《×××》（第×号建议）收悉，现答复如下：`;
    case 'co-handling-opinion': return `${you}单位主办的《×××》（第×号）收悉，我单位作为协办单位，现提出协办意见如下：`;
    case 'rectification-report': return `《×××》收悉后，我们高度重视，现将整改情况报告如下：`;
    case 'proposal-reply': return `${you}提出的《×××》（第×号提案）收悉，现答复如下：`;
  }
}

/** The transition that ends a receipt line of this kind. */
export function transitionTemplate(kind: DocumentKind): string {
  switch (kind) {
    case 'co-handling-opinion': return '现提出协办意见如下：';
    case 'rectification-report': return '现将整改情况报告如下：';
    default: return '现答复如下：';
  }
}

/** The closing of this kind. */
export function closingTemplate(reply: Reply): string {
  switch (reply.kind) {
    case 'co-handling-opinion': return '以上意见供参考。';
    case 'rectification-report': return '特此报告。';
    default: return `感谢${youForm(reply)}对我们工作的关心和支持，欢迎继续提出宝贵意见。`;
  }
}

/** The addressee a draft of this kind would name. */
export function addresseeTemplate(kind: DocumentKind): string {
  switch (kind) {
    case 'suggestion-reply': return '×××代表：';
    case 'co-handling-opinion': return '×××（主办单位）：';
    case 'rectification-report': return '×××（督办单位）：';
    case 'proposal-reply': return '×××委员：';
  }
}

/**
 * The numbering runs of a reply: the headings that share a parent and a level, in order. Each run
 * must count 1, 2, 3 … on its own (GB/T 9704-2012 7.3.3).
 */
export function numberingRuns(reply: Reply): Array<readonly MeasureHeading[]> {
  const runs: Array<readonly MeasureHeading[]> = [];
  const collect = (siblings: readonly MeasureHeading[]): void => {
    if (siblings.length === 0) return; // most headings have no children
    let mixed = false;
    for (const h of siblings) {
      if (h.marker.level !== siblings[0]!.marker.level) mixed = true;
      collect(h.children);
    }
    // siblings of one level (nearly always) are one run as they are: no map or copy per group
    if (!mixed) {
      runs.push(siblings);
      return;
    }
    // a level skipped among siblings: a run per level, in the order the levels first appear
    const levels: number[] = [];
    const groups: MeasureHeading[][] = [];
    for (const h of siblings) {
      const g = levels.indexOf(h.marker.level);
      if (g >= 0) groups[g]!.push(h);
      else {
        levels.push(h.marker.level);
        groups.push([h]);
      }
    }
    for (const g of groups) runs.push(g);
  };
  collect(reply.measures);
  return runs;
}

/**
 * The body's citations of the item itself: a `第N号` right after a quoted title, `《…》（第N号）` or
 * `《…》第N号`, within one block. Found from the 》 in the parser's list of brackets, walked once
 * alongside the blocks, instead of trying every 第 of the body.
 */
export function bodyCitations(reply: Reply): ProposalNumberRef[] {
  const out: ProposalNumberRef[] = [];
  const { folded, body } = reply;
  let bi = 0;
  for (const k of marksOf(reply).brackets) {
    if (folded.charCodeAt(k) !== 0x300b /* 》 */) continue;
    while (bi < body.length && body[bi]!.end <= k) bi++;
    if (bi === body.length) break;
    const b = body[bi]!;
    if (k < b.start) continue;
    const ref = proposalNumberAt(folded, folded.charCodeAt(k + 1) === 0x28 /* ( */ ? k + 2 : k + 1, b.end);
    if (ref) out.push(ref);
  }
  return out;
}
