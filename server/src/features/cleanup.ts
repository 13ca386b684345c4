/**
 * Cleaning up text pasted from a web page, as one edit that changes nothing but what it names:
 * - junk lines (publication metadata, share widgets, site footers, table borders) are deleted, and
 *   junk fragments at the edge of a content line and invisible characters (zero-width spaces and the
 *   like); pasted markup becomes its plain text (`&ldquo;` → “, a tag nothing);
 * - run-on lines are split where the parser found paragraph boundaries inside one line (before a
 *   numbering marker, after a sentence end followed by blanks, after the addressee or `…如下：`,
 *   before a date or contact line); the blanks and junk between the pieces become one line break;
 * - the lines of a paragraph copied from a PDF or a printout are joined (paragraph-line-break), and
 *   the blanks such a copy puts between digits and Chinese text are taken out;
 * - in a text typed the Latin way, the blanks after its commas and sentence ends are taken out;
 * - half-width punctuation in Chinese text becomes full-width (the punctuation-width rule's fixes).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { EffectiveConfig } from '../config/schema';
import type { DateValue, Reply } from '../core/model';
import type { CleanupCounts, CleanupResult } from '../protocol';
import { type Locale, type Localized, type TextEdit as SpanEdit, localize } from '../core/vocabulary';
import { typedLatinWay } from '../parse/blocks';
import { copiedFromPrint, deleteLines, eolOf, runOnLines } from '../rules/util';
import { capitalize, PRINT_BLANK } from '../core/text';
import { toLspEdits } from './edits';
import { runRule } from './runRule';

export type CleanupGroup = 'junk' | 'split' | 'join' | 'spacing' | 'latin' | 'width';

/**
 * The blanks after a comma, colon, semicolon or sentence end before Chinese text, where a text typed
 * the Latin way has them (`重视, 立即部署。 各区…`): a Chinese mark carries its own space.
 */
const LATIN_BLANK = /(?<=[,:;!?。，：；！？])[ \t\u00a0\u3000]+(?=[\p{Script=Han}《“（(])/gu;

export interface CleanupEdit extends SpanEdit {
  readonly group: CleanupGroup;
}

export interface CleanupPlan extends CleanupCounts {
  readonly edits: CleanupEdit[];
}

/** Whether a span meets one of `edits`, for spans asked about in document order. */
function meetsAny(edits: readonly SpanEdit[]): (start: number, end: number) => boolean {
  const sorted = edits.slice().sort((a, b) => a.start - b.start);
  let k = 0;
  return (start, end) => {
    while (k < sorted.length && sorted[k]!.end <= start) k++;
    return k < sorted.length && sorted[k]!.start < end;
  };
}

export function planCleanup(reply: Reply, config: EffectiveConfig, today: DateValue): CleanupPlan {
  const edits: CleanupEdit[] = [];
  const eol = eolOf(reply);
  let junkLines = 0;
  let junkFragments = 0;
  let invisible = 0;
  let splits = 0;
  const junkLineSet = new Set<number>();
  for (const j of reply.junk) {
    if (!j.wholeLine || junkLineSet.has(j.line)) continue;
    junkLineSet.add(j.line);
    edits.push(Object.assign(deleteLines(reply, j), { group: 'junk' as const }));
    junkLines++;
  }
  // the gaps between the blocks of a run-on line, in document order, each with the plain text of markup in it
  const gaps: Array<{ start: number; end: number; kept: string }> = [];
  for (const run of runOnLines(reply)) {
    for (let i = 1; i < run.length; i++) gaps.push({ start: run[i - 1]!.end, end: run[i]!.start, kept: '' });
  }
  // junk fragments, in document order: one inside a gap goes with the gap, except what pasted
  // markup stands for (a stray `&rdquo;` stays, before the line break); markup on a junk line goes
  // with the line (`&nbsp;发布时间：…`)
  let g = 0;
  for (const j of reply.junk) {
    if (j.wholeLine || junkLineSet.has(j.line)) continue;
    while (g < gaps.length && gaps[g]!.end < j.end) g++;
    const gap = gaps[g];
    if (gap && gap.start <= j.start) gap.kept += j.plainText?.trim() ?? '';
    else edits.push({ start: j.start, end: j.end, newText: j.plainText ?? '', group: 'junk' });
    if (j.reason === 'invisible-character') invisible++;
    else junkFragments++;
  }
  for (const { start, end, kept } of gaps) {
    edits.push({ start, end, newText: kept + eol, group: 'split' });
    splits++;
  }
  // the breaks inside hard-wrapped paragraphs (in document order), but for one inside junk, which
  // goes with the junk (`&nbs` / `p;`)
  let joins = 0;
  const inJunk = meetsAny(edits);
  for (const r of runRule('paragraph-line-break', reply, config, today)) {
    for (const e of r.fixes?.[0]?.edits ?? []) {
      if (inJunk(e.start, e.end)) continue;
      edits.push({ ...e, group: 'join' });
      joins++;
    }
  }
  // blanks the text does not need, but for those inside an earlier edit: how many were deleted
  const deleteBlanks = (blanks: RegExp, group: CleanupGroup): number => {
    const inEdit = meetsAny(edits);
    let n = 0;
    for (const m of reply.text.matchAll(blanks)) {
      if (inEdit(m.index, m.index + m[0].length)) continue;
      edits.push({ start: m.index, end: m.index + m[0].length, newText: '', group });
      n++;
    }
    return n;
  };
  // in a copy from print, the blanks around its digits; in a text typed the Latin way, those after its punctuation
  const spacing = copiedFromPrint(reply) ? deleteBlanks(PRINT_BLANK, 'spacing') : 0;
  const latinBlanks = typedLatinWay(reply.folded) ? deleteBlanks(LATIN_BLANK, 'latin') : 0;
  let punctuation = 0;
  const others = edits.slice().sort((a, b) => a.start - b.start);
  for (const r of runRule('punctuation-width', reply, config, today)) {
    for (const e of r.fixes?.[0]?.edits ?? []) {
      if (e.end - e.start === 1) {
        edits.push({ ...e, group: 'width' });
        punctuation++;
        continue;
      }
      // a paragraph of many marks comes as one edit of its span, one character for one: cut it
      // around the junk and split edits inside it, keeping the pieces that change something
      for (const piece of around(e, others)) {
        let changed = 0;
        for (let i = piece.start; i < piece.end; i++) if (piece.newText.charAt(i - piece.start) !== reply.text.charAt(i)) changed++;
        if (changed === 0) continue;
        edits.push({ ...piece, group: 'width' });
        punctuation += changed;
      }
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits, junkLines, junkFragments, invisible, splits, joins, spacing, latinBlanks, punctuation };
}

/** The parts of a same-length edit that lie outside the (sorted, disjoint) other edits. */
function around(e: SpanEdit, others: readonly SpanEdit[]): SpanEdit[] {
  const pieces: SpanEdit[] = [];
  let from = e.start;
  for (const o of others) {
    if (o.end <= from || o.start >= e.end) continue;
    if (o.start > from) pieces.push({ start: from, end: o.start, newText: e.newText.slice(from - e.start, o.start - e.start) });
    from = Math.max(from, o.end);
  }
  if (from < e.end) pieces.push({ start: from, end: e.end, newText: e.newText.slice(from - e.start) });
  return pieces;
}

export function cleanupSummaryText(plan: CleanupPlan, locale: Locale): string {
  if (plan.edits.length === 0) return localize({ zh: '没有需要清理的内容。', en: 'Nothing to clean up.' }, locale);
  const junk = plan.junkLines + plan.junkFragments;
  // what the plan does, each kind named when it does any of it
  const parts: Array<[number, Localized]> = [
    [junk, { zh: `删除网页残留 ${junk} 处（整行 ${plan.junkLines} 行）`, en: `remove ${plan.junkLines} junk line(s) and ${plan.junkFragments} junk fragment(s)` }],
    [plan.invisible, { zh: `删除不可见字符 ${plan.invisible} 处`, en: `delete ${plan.invisible} run(s) of invisible characters` }],
    [plan.splits, { zh: `拆分粘连段落 ${plan.splits} 处`, en: `split ${plan.splits} run-on paragraph(s)` }],
    [plan.joins, { zh: `合并段内换行 ${plan.joins} 处`, en: `join ${plan.joins} line break(s) inside paragraphs` }],
    [plan.spacing, { zh: `删除数字、字母与汉字之间的空格 ${plan.spacing} 处`, en: `remove ${plan.spacing} blank(s) between digits or letters and Chinese text` }],
    [plan.latinBlanks, { zh: `删除标点之后的空格 ${plan.latinBlanks} 处`, en: `remove the blanks after ${plan.latinBlanks} punctuation mark(s)` }],
    [plan.punctuation, { zh: `半角标点改为全角 ${plan.punctuation} 处`, en: `make ${plan.punctuation} punctuation mark(s) full-width` }],
  ];
  const done = parts.filter(([n]) => n > 0).map(([, text]) => text);
  return localize({ zh: `${done.map((t) => t.zh).join('，')}。`, en: `${capitalize(done.map((t) => t.en).join(', '))}.` }, locale);
}

/**
 * The cleanup as one workspace edit on the document's current version (a client refuses it once the
 * document has changed), with a summary by kind. Applied at once: VS Code's extension shows its own
 * preview first (client/src/cleanupPreview.ts); another client applies it as a code action whose
 * title says what it does.
 */
export function cleanupEdit(doc: TextDocument, plan: CleanupPlan, locale: Locale): CleanupResult {
  const { edits: planned, ...counts } = plan;
  const summary = { ...counts, text: cleanupSummaryText(plan, locale) };
  if (planned.length === 0) return { edit: {}, summary };
  // past EDITS_MERGED_ABOVE edits one edit of the span (compactEdits): a pasted list of 15 000 `中,`
  // lines made 1.4 MB of positions for 78 KB of text
  const edits: TextEdit[] = toLspEdits(doc, planned);
  return { edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }, summary };
}
