/**
 * Helpers the rules share: where a missing element goes, the document's line break, how the reply
 * should address its reader, and the kind-specific wording of templates.
 */
import type { DocumentKind, EnumerationItem, MeasureHeading, NumberingMarker, ProposalNumberRef, Reply, RoleSpan } from '../core/model';
import { bodyAbbreviation, findProposalNumbers } from '../parse/header';
import { toCjkNumeral, withOrdinal } from '../parse/numbering';
import { findQuotedTitles } from '../parse/receipt';
import { titleKey } from '../register/match';
import { isBlank, lineIndexAt, type Span } from '../core/text';
import type { Localized, TextEdit } from '../core/vocabulary';

/**
 * How sure a "missing" finding is (addressee-missing, signature-missing, date-missing): an error
 * only when no block could be the element; when a block in its place looks almost like it, a
 * warning that names that line, with a fix that completes it rather than inserting a second one.
 */
export const MISSING_POLICY: Localized = {
  zh: '只有在找不到任何可能是该要素的行时才按错误报告；如该位置有一行像是该要素但不完整，则按警告报告并指出该行，快速修复补全该行，而不是另插一行。',
  en: 'Reported as an error only when no line could be the element; when a line in its place looks almost like it, the finding is a warning that names that line, and its fix completes the line instead of inserting a second one.',
};

/**
 * Whether the text was copied from a PDF or a printout: the parser found paragraphs broken at the
 * page width, or page numbers. Such a copy puts a blank between digits and Chinese characters
 * wherever the font changes (pdftotext of a reply laid out to GB/T 9704 gives `2025 年 5 月 20 日`
 * and `〔2025〕18 号` for every date and number), so blanks there say little about the document.
 */
export function copiedFromPrint(reply: Reply): boolean {
  return reply.wraps.length > 0 || reply.junk.some((j) => j.reason === 'page-number');
}

/** What a finding whose only fault is such blanks adds in a copy from print. */
export const PRINT_COPY_BLANKS: Localized = { zh: '（从 PDF 或打印稿复制的文字常带此类空格）', en: ' (text copied from a PDF or a printout often has such blanks)' };

/**
 * The lines that hold more than one content block, each as its blocks in document order: where a
 * web page ran paragraphs together (`林灵委员： 您提出的…收悉，现答复如下： 一、…`), or a table row's
 * cells. Page furniture between them is left out.
 */
export function runOnLines(reply: Reply): RoleSpan[][] {
  const out: RoleSpan[][] = [];
  let run: RoleSpan[] = [];
  let runLine = -1;
  for (const b of reply.roles) {
    if (b.role === 'junk') continue;
    if (b.line !== runLine) {
      if (run.length > 1) out.push(run);
      run = [];
      runLine = b.line;
    }
    run.push(b);
  }
  if (run.length > 1) out.push(run);
  return out;
}

/** `第 5 行“张三：”` / `line 5 (“张三：”)`: how a finding names a candidate line. */
export function lineLabel(reply: Reply, span: Span): Localized {
  const n = lineIndexAt(reply.lines, span.start) + 1;
  const t = reply.text.slice(span.start, span.end).trim();
  const shown = t.length > 20 ? `${t.slice(0, 20)}…` : t;
  return { zh: `第 ${n} 行“${shown}”`, en: `line ${n} (“${shown}”)` };
}

/** The line break the document already uses (CRLF when it has any), so inserted lines match it. */
export function eolOf(reply: Reply): string {
  return reply.text.includes('\r\n') ? '\r\n' : reply.text.includes('\r') && !reply.text.includes('\n') ? '\r' : '\n';
}

/** The whole line that contains `offset`, without its line break. */
export function lineSpanAt(reply: Reply, offset: number): Span {
  const l = reply.lines[lineIndexAt(reply.lines, offset)]!;
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
 * Deletes the whole lines `span` lies on (one, or the lines of a hard-wrapped paragraph) with the
 * last one's line break. Between two blank lines (paragraphs separated by a blank line) one of them
 * goes too, so that the paragraphs around stay one blank line apart.
 */
export function deleteLines(reply: Reply, span: Span): TextEdit {
  const first = lineIndexAt(reply.lines, span.start);
  const last = lineIndexAt(reply.lines, span.end);
  const end = blankLine(reply, first - 1) && blankLine(reply, last + 1) ? reply.lines[last + 1]!.next : reply.lines[last]!.next;
  return { start: reply.lines[first]!.start, end, newText: '' };
}

/**
 * Inserts a paragraph above the line that contains `offset`, followed by a blank line when the
 * document separates its paragraphs by blank lines (the line above `offset` is blank).
 */
export function insertParagraphBefore(reply: Reply, offset: number, content: string): TextEdit {
  const index = lineIndexAt(reply.lines, offset);
  return insertLineBefore(reply, offset, blankLine(reply, index - 1) && reply.lines[index]!.start === offset ? content + eolOf(reply) : content);
}

/** Appends `content` as a last line. */
export function appendLine(reply: Reply, content: string): TextEdit {
  const n = reply.text.length;
  const endsWithBreak = n > 0 && /[\r\n]$/.test(reply.text);
  return { start: n, end: n, newText: n === 0 ? content : endsWithBreak ? content + eolOf(reply) : eolOf(reply) + content };
}

/** The first line with content, where a document-level finding is shown when nothing better exists. */
export function firstContent(reply: Reply): Span {
  const b = reply.blocks[0];
  return b ? lineSpanAt(reply, b.start) : { start: 0, end: 0 };
}

/** Where the signature, date and closing belong: after the last body paragraph. */
export function bodyTail(reply: Reply): Span {
  const last = reply.body.at(-1) ?? reply.receipt ?? reply.addressee ?? reply.blocks.at(-1);
  return last ? { start: last.start, end: last.end } : { start: 0, end: 0 };
}

/** How to address the reader, from the addressee: 您, 你们, or 贵委 / 贵局 … for a body. */
export function youForm(reply: Reply): string {
  const a = reply.addressee;
  if (!a) return '您';
  if (a.form === 'person') return '您';
  if (a.form === 'persons') return '你们';
  return `贵${bodyAbbreviation(a.names.at(-1) ?? '')}`;
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
 * must count 1, 2, 3 … on its own (GB/T 9704-2012 7.3.3). An unnumbered lead-in before a `1` starts
 * a new run (see restartedRuns).
 */
export function numberingRuns(reply: Reply): Array<readonly MeasureHeading[]> {
  const runs: Array<readonly MeasureHeading[]> = [];
  const restarts = restartedRuns(reply);
  const collect = (siblings: readonly MeasureHeading[]): void => {
    // siblings of one level are one run; a level skipped among them makes a run per level, in the
    // order the levels first appear
    const byLevel = new Map<number, MeasureHeading[]>();
    for (const h of siblings) {
      const run = byLevel.get(h.marker.level);
      if (run && !restarts.has(h)) run.push(h);
      else {
        if (run) runs.push(run);
        byLevel.set(h.marker.level, [h]);
      }
      collect(h.children);
    }
    runs.push(...byLevel.values());
  };
  collect(reply.measures);
  return runs;
}

/** The longest line read as an unnumbered sub-heading (`关于降低农村寄递成本的建议`). */
const LEAD_IN_HEADING_MAX = 40;

/**
 * The headings numbered 1 that start a list of their own: right after an unnumbered paragraph that
 * announces a list (ends with a colon: `下一步，我局将重点做好以下工作：`) or an unnumbered sub-heading
 * (a short line without punctuation that ends or divides a sentence: `关于降低农村寄递成本的建议`).
 * The parser's tree takes only numbered headings for parents, so such a list is a sibling of the
 * items before the lead-in; counting on from them would call its `1.` a repeat.
 */
function restartedRuns(reply: Reply): Set<MeasureHeading> {
  const out = new Set<MeasureHeading>();
  const { body, folded } = reply;
  let bi = 0;
  let previous: MeasureHeading | undefined;
  for (const h of reply.headings) {
    while (bi < body.length && body[bi]!.end <= h.start) bi++;
    const before = body[bi - 1];
    if (h.marker.ordinal === 1 && before && before.start >= (previous?.title.end ?? 0)) {
      const s = folded.slice(before.start, before.end).trim();
      if (s.endsWith(':') || (s.length <= LEAD_IN_HEADING_MAX && !/[。!?;,:]/.test(s))) out.add(h);
    }
    previous = h;
  }
  return out;
}

/**
 * The body's citations of the item itself: `《T》（第N号）` or `《T》第N号`, a number right after a quoted
 * title T that the receipt line or the title quotes for the item (compared as register titles are:
 * width, blanks and quote style aside). A body also cites other items by their own titles — an
 * earlier one (`去年您提出的《关于规范养犬管理的提案》（第0131号）我局已作答复`), one handled with it —
 * and their numbers are not this item's, so they are left out; so is every citation when the reply
 * quotes no title for its item.
 */
export function bodyCitations(reply: Reply): ProposalNumberRef[] {
  const out: ProposalNumberRef[] = [];
  const { text, folded } = reply;
  const itemTitles = [...(reply.receipt?.quotedTitles ?? []), ...(reply.title ? findQuotedTitles(text, folded, reply.title) : [])];
  const own = new Set(itemTitles.map((q) => titleKey(q.text)));
  if (own.size === 0) return out;
  for (const b of reply.body) {
    for (const q of findQuotedTitles(text, folded, b)) {
      if (folded[q.end - 1] !== '》' || !own.has(titleKey(q.text))) continue;
      const at = folded[q.end] === '(' ? q.end + 1 : q.end;
      const ref = findProposalNumbers(folded, { start: at, end: Math.min(b.end, at + 20) })[0];
      if (ref && ref.start === at) out.push(ref);
    }
  }
  return out;
}

/**
 * The largest ordinal a marker or a cue is written with and read back as (`九十九、`, `99.`,
 * `九十九是`): one past it would not be a marker, so renumbering leaves the items past it as written.
 */
const MAX_ORDINAL = 99;

/**
 * The edit that gives a heading's marker another ordinal, or undefined when it has it (or the
 * ordinal is past MAX_ORDINAL): the marker as the document writes it, its numeral changed (a
 * marker a hard wrap broke keeps its line break).
 */
export function markerEdit(reply: Reply, marker: NumberingMarker, ordinal: number): TextEdit | undefined {
  if (ordinal > MAX_ORDINAL) return undefined;
  const written = reply.text.slice(marker.start, marker.end);
  const want = withOrdinal(written, marker.level, ordinal);
  return want === written ? undefined : { start: marker.start, end: marker.end, newText: want };
}

/** The edit that gives an inline enumeration's cue (`二是`) another ordinal, or undefined when it has it (see markerEdit): its numeral only. */
export function enumerationEdit(reply: Reply, item: EnumerationItem, ordinal: number): TextEdit | undefined {
  if (ordinal > MAX_ORDINAL) return undefined;
  const numeral = /^[一二三四五六七八九十]*/.exec(reply.text.slice(item.start, item.end))![0];
  const want = toCjkNumeral(ordinal);
  return numeral === want ? undefined : { start: item.start, end: item.start + numeral.length, newText: want };
}
