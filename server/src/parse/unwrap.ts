/**
 * Hard-wrapped text: a reply copied from a PDF or a printout, or from a web page that kept the
 * printed lines, breaks every paragraph at the page width (`您提出的《关于加强…的提` / `案》收悉。`).
 * Read line by line, such a reply has no receipt (its 收悉 is on the next line), brackets that open
 * on one line and close on the next, and continuation lines that look like headings. The parser
 * reads a wrapped paragraph as one block: it parses the text with the wrap's line breaks taken out,
 * and this module maps what it finds back onto the text as written.
 *
 * A text is hard-wrapped when several lines that end mid-sentence are about equally wide (the page
 * width) and hardly any line is wider. A line then runs on into the next when it is that wide and
 * ends mid-sentence (or inside a quote or a bracket of its paragraph), and the next line is not
 * indented, page furniture, pasted markup, an addressee, a labelled foot line or a numbered item
 * after an item or a clause. A paragraph that a page's end cut runs on past the page number (and
 * the blank lines and form feed a PDF copy puts around it) into the next page's first line. A line
 * that ends a sentence is not joined otherwise: at worst a paragraph stays cut at a sentence end,
 * which reads as two paragraphs (a paragraph that ends at the margin, joined to the next, could
 * take a closing or a date with it).
 */
import type { Reply } from '../core/model';
import { countBefore, foldWidth, type LineInfo, lineIndexAt, PRINT_BLANK, splitLines, trimSpan } from '../core/text';
import { matchAddressee, matchTitleLine } from './header';
import { NO_LINE_START, OWN_LINE_LABEL } from './blocks';
import { junkReason } from './junk';
import { hasMarkup } from './markup';
import { matchMarker } from './numbering';

/** Only lines up to this long are measured: a printed line holds at most ~40 characters. */
const MAX_WRAP_CHARS = 100;
/** The widest page taken for one, in columns. */
const MAX_COLUMNS = 2 * MAX_WRAP_CHARS;
/** The narrowest page width taken for one, in columns (a Chinese character is two). */
const MIN_WRAP_COLUMNS = 30;
/** How many lines at the page width make a text hard-wrapped, at least. */
const MIN_FULL_LINES = 4;
/** A line a character wider than the page width still fills it (a mark hung at the margin). */
const HANG_COLUMNS = 2;

/** A line ends its sentence (or its addressee, its transition): it runs on only inside a quote or a bracket. */
const SENTENCE_END = /[。!?:][”’")》]*$/;
/** A line laid out with blanks: centred or aligned right, or with a gap inside (`厦门市教育局      2024年5月1日`). */
const LAID_OUT = /^[ \t\u3000\u00a0]{10,}|\S[ \t\u3000\u00a0]{3,}\S/;
/** A paragraph's first-line indent (one ASCII blank is what a wrap left of a gap, `研究办理，` / ` 现答复如下：`). */
const INDENT = /^(\u3000|\t|[ \u00a0]{2})/;

/** After these, a numbered item on the next line is a new paragraph, not the rest of this one. */
const ITEM_END = /[,;、]$/;

/** Whether a (folded) line addresses people or a body: `周明远委员：`. */
function addresses(folded: string): boolean {
  return matchAddressee(folded, folded, 0, folded.length) !== undefined;
}

/** Whether a line starts with a numbering marker followed by text (`1.5万` is no marker, `2.2020年以来` is). */
function startsItem(folded: string): boolean {
  const m = matchMarker(folded, 0);
  return m !== undefined && m.length < folded.length;
}

/** The text with the wrap's line breaks taken out, and where they were. */
export interface Unwrapped {
  readonly text: string;
  /** The lines of the text as written. */
  readonly lines: LineInfo[];
  /** Per join, ascending: where it is in `text` and how many characters were taken out before it, this one's included. */
  readonly joins: ReadonlyArray<{ readonly at: number; readonly removed: number }>;
}

/** Columns a line takes on the page, its indent included: two for a Chinese character or full-width mark, one for ASCII. */
function columns(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n += text.charCodeAt(i) < 0x1100 ? 1 : 2;
  return n;
}

/**
 * The numerals of markers past their first character (`二十六、`, `(十一)`, `12.`): a line is
 * measured as if each numeral were one character, so that renumbering (`五、` → `二十六、`) does not
 * change how the text is read.
 */
const LONG_NUMERAL = /[一二三四五六七八九十百]{2,4}(?=[、.,)])|(?<!\d)\d\d(?=[.、)])/g;

/** How many characters and columns the markers' numerals of a (folded) line take past one character each. */
function numeralExcess(folded: string): { chars: number; columns: number } {
  let chars = 0;
  let cols = 0;
  for (const m of folded.matchAll(LONG_NUMERAL)) {
    chars += m[0].length - 1;
    cols += (m[0].length - 1) * (m[0].charCodeAt(0) < 0x1100 ? 1 : 2);
  }
  return { chars, columns: cols };
}

/**
 * The widths of a line that fills a page `width` wide: a line holds a few narrow digits or squeezed
 * marks more or less, and may hang a mark past the margin.
 */
function fillRange(width: number): { min: number; max: number } {
  return { min: width - Math.max(4, Math.round(width / 8)), max: width + HANG_COLUMNS };
}

function fills(columns: number, width: number): boolean {
  const { min, max } = fillRange(width);
  return columns >= min && columns <= max;
}

interface Measured {
  readonly span: { start: number; end: number };
  /** Columns, or Infinity for a line longer than a printed one. */
  readonly columns: number;
  /**
   * Columns with every character two wide, as a wrap at a number of characters counts them (not the
   * blanks a copy from print puts around digits, which are no characters of the printed line).
   */
  readonly wide: number;
  /** Its trimmed text, folded, or '' for a blank line. */
  readonly folded: string;
  /** It ends mid-sentence. */
  readonly open: boolean;
  /** It is indented: it starts a paragraph. */
  readonly indented: boolean;
  /** It starts with a numbering marker (not with a 、 the line before handed it, see NO_LINE_START). */
  readonly item: boolean;
  /** Page furniture or pasted markup: the web page's, never a printed line. */
  readonly junk: boolean;
  /** A page number alone on its line (`— 1 —`): with the blank lines around it, where a page ends. */
  readonly pageNumber: boolean;
  /** Laid out with blanks (centred, a signature and its date): its width is not the page's. */
  readonly laidOut: boolean;
}

/** How a wrap measured its lines: a PDF or a page counts ASCII as half a character, a wrap at a number of characters as one. */
type Measure = (m: Measured) => number;
const MEASURES: readonly Measure[] = [(m) => m.columns, (m) => m.wide];

interface Page {
  readonly measure: Measure;
  readonly width: number;
  /** How many open lines fill it. */
  readonly full: number;
}

/** How many more quotes and brackets a line opens than it closes (on folded text). */
function openedMarks(folded: string): number {
  return (folded.match(/[《“(〔]/g)?.length ?? 0) - (folded.match(/[》”)〕]/g)?.length ?? 0);
}

/** The page a hard-wrapped text was wrapped at by `measure`, or undefined when it is not hard-wrapped by it. */
function pageOf(measured: readonly Measured[], measure: Measure): Page | undefined {
  // how wide the lines are that could run on: open, and the next line no new paragraph or item
  // (a printed line is at most MAX_COLUMNS wide)
  const count = new Array<number>(MAX_COLUMNS + 1).fill(0);
  for (const [i, m] of measured.entries()) {
    const next = measured[i + 1];
    if (m.open && !m.junk && !m.laidOut && measure(m) <= MAX_COLUMNS && next && next.folded !== '' && !next.indented && !next.item) count[measure(m)]!++;
  }
  let best: Page | undefined;
  for (let width = MIN_WRAP_COLUMNS; width <= MAX_COLUMNS; width++) {
    let full = 0;
    // (only the widths that fill it: trying all of them for every width cost 5 ms in each process)
    const { min, max } = fillRange(width);
    for (let w = Math.max(MIN_WRAP_COLUMNS, min); w <= Math.min(MAX_COLUMNS, max); w++) full += count[w]!;
    if (!best || full >= best.full) best = { measure, width, full };
  }
  if (!best || best.full < MIN_FULL_LINES) return undefined;
  // a text of long paragraphs has a few open lines of one width by chance (titles, headings), and
  // many lines wider than any page
  const wider = measured.filter((m) => m.folded !== '' && !m.junk && !m.laidOut && measure(m) > best!.width + 2 * HANG_COLUMNS).length;
  return wider * 3 <= best.full ? best : undefined;
}

/** The text with the line breaks inside wrapped paragraphs taken out, or undefined when it is not hard-wrapped. */
export function unwrapText(text: string): Unwrapped | undefined {
  const lines = splitLines(text);
  const spans = lines.map((line) => trimSpan(text, line.start, line.end));
  // too few lines short enough to be printed ones, or too many longer ones, for a wrapped page (see
  // pageOf): most texts go no further
  const short = spans.filter((s) => s.end > s.start && s.end - s.start <= MAX_WRAP_CHARS).length;
  const long = spans.filter((s) => s.end - s.start > MAX_WRAP_CHARS).length;
  if (short < MIN_FULL_LINES || long * 3 > short) return undefined;
  const measured: Measured[] = lines.map((line, i) => {
    const span = spans[i]!;
    const length = span.end - span.start;
    const indented = INDENT.test(text.slice(line.start, span.start));
    if (length === 0) return { span, columns: 0, wide: 0, folded: '', open: false, indented, item: false, junk: false, pageNumber: false, laidOut: false };
    if (length > MAX_WRAP_CHARS) return { span, columns: Infinity, wide: Infinity, folded: '', open: false, indented, item: false, junk: false, pageNumber: false, laidOut: false };
    const folded = foldWidth(text.slice(span.start, span.end));
    const excess = numeralExcess(folded);
    const junk = junkReason(folded);
    return {
      span, columns: columns(text, line.start, span.end) - excess.columns, wide: 2 * (span.end - line.start - excess.chars - (folded.match(PRINT_BLANK)?.length ?? 0)), folded, open: !SENTENCE_END.test(folded), indented,
      item: !NO_LINE_START.test(folded) && startsItem(folded), junk: junk !== undefined || hasMarkup(folded), pageNumber: junk === 'page-number', laidOut: LAID_OUT.test(text.slice(line.start, span.end)),
    };
  });
  // the measure more lines fill the page by
  let page: Page | undefined;
  for (const measure of MEASURES) {
    const p = pageOf(measured, measure);
    if (p && (!page || p.full > page.full)) page = p;
  }
  if (!page) return undefined;
  const { measure, width } = page;
  /**
   * The line after `i` as the paragraph reads on: the next one, or past the end of a page (blank
   * lines around a page number, a form feed) the first line of the next page.
   */
  const nextLine = (i: number): number => {
    let k = i + 1;
    let pageEnd = false;
    // (blank: an empty span; a line too long to be a printed one has no folded text either)
    for (; k < lines.length && (measured[k]!.span.start === measured[k]!.span.end || measured[k]!.pageNumber); k++) if (measured[k]!.pageNumber) pageEnd = true;
    return pageEnd && k < lines.length ? k : i + 1;
  };
  /** Whether line `i` runs on into line `n`; `quoted`: it leaves a quote or a bracket of its paragraph open. */
  const runsOn = (i: number, n: number, quoted: boolean): boolean => {
    const m = measured[i]!;
    const next = measured[n]!;
    if (next.folded === '' || !fills(measure(m), width)) return false;
    if (m.junk || next.junk) return false;
    // a mark no line starts with (`、建议。`) goes with the line before it
    if (NO_LINE_START.test(next.folded)) return true;
    if (!(m.open || quoted)) return false;
    if (next.indented) return false;
    // a numbered item after an item or the end of a clause (not `统` / `一、…` of a word cut in two)
    if (next.item && (m.item || ITEM_END.test(m.folded))) return false;
    // a whole title that fills the page ends its line (not a clause of a sentence that opens with 对
    // and ends with 情况: `对1人予以记大过处分，…现将整改具体情况` / `报告如下：`)
    const title = matchTitleLine(m.folded, { start: 0, end: m.folded.length });
    if (!quoted && title?.opens && title.complete && !m.folded.includes(',')) return false;
    // an addressee with its colon starts a paragraph, unless it is the end of names this line began
    if (next.folded.endsWith(':') && addresses(next.folded) && !addresses(m.folded + next.folded)) return false;
    // a contact, copy-to or annotation line starts a line of its own, and a contact's number ends one
    if (OWN_LINE_LABEL.test(m.folded) && /\d$/.test(m.folded) && !/^\d/.test(next.folded)) return false;
    return !OWN_LINE_LABEL.test(next.folded);
  };
  let out = '';
  let from = 0;
  let removed = 0;
  const joins: Array<{ at: number; removed: number }> = [];
  let depth = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    depth = Math.max(0, depth + openedMarks(measured[i]!.folded));
    const n = nextLine(i);
    if (!runsOn(i, n, depth > 0)) {
      depth = 0;
      continue;
    }
    // the line's trailing blanks and its line break go, and at a page's end the page number and
    // the blanks and form feed before the next page's first line
    const cutStart = measured[i]!.span.end;
    const cutEnd = n === i + 1 ? lines[n]!.start : measured[n]!.span.start;
    out += text.slice(from, cutStart);
    removed += cutEnd - cutStart;
    joins.push({ at: out.length, removed });
    from = cutEnd;
    i = n - 1;
  }
  if (joins.length === 0) return undefined;
  return { text: out + text.slice(from), lines, joins };
}

/**
 * The reply parsed from the unwrapped text, on the text as written: every span maps back (a span
 * over a join covers the line break it took out), every block's line is its first line's, and
 * the folded text gets its line breaks back.
 */
export function rewrap(reply: Reply, text: string, unwrapped: Unwrapped): Reply {
  const { joins } = unwrapped;
  /** How many characters were taken out before the character at `at` of the unwrapped text. */
  const removedBefore = (at: number): number => {
    const k = countBefore(joins.length, (i) => joins[i]!.at <= at);
    return k === 0 ? 0 : joins[k - 1]!.removed;
  };
  const lines = unwrapped.lines;
  const seen = new Set<object>();
  // the parser's objects are its own, made for this parse: they are mapped in place, once each
  // (a heading is in `measures`, `headings` and its parent's `children`)
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const o = value as { start?: unknown; end?: unknown; line?: unknown };
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      const start = o.start + removedBefore(o.start);
      o.end = o.end > o.start ? o.end + removedBefore(o.end - 1) : start;
      o.start = start;
      if (typeof o.line === 'number') o.line = lineIndexAt(lines, start);
    }
    for (const v of Object.values(o)) visit(v);
  };
  const { text: _joined, folded: joinedFolded, lines: _lines, ...elements } = reply;
  visit(elements);
  // what the joins took out; the folded text: the parse's (its markup masked) between them, and theirs
  const wraps = joins.map(({ at, removed }, k) => ({ start: at + (k === 0 ? 0 : joins[k - 1]!.removed), end: at + removed }));
  let folded = '';
  let from = 0;
  for (const [k, { at }] of joins.entries()) {
    folded += joinedFolded.slice(from, at) + foldWidth(text.slice(wraps[k]!.start, wraps[k]!.end));
    from = at;
  }
  folded += joinedFolded.slice(from);
  return { ...elements, text, folded, lines, wraps };
}

/** The text of `[start, end)` as its paragraph reads: without the line breaks of a hard wrap in it. */
export function textWithoutWraps(reply: Reply, start: number, end: number): string {
  const wraps = reply.wraps;
  let out = '';
  let from = start;
  // from the first wrap that ends after `start` (they are in document order)
  for (let k = countBefore(wraps.length, (i) => wraps[i]!.end <= start); k < wraps.length && wraps[k]!.start < end; k++) {
    out += reply.text.slice(from, wraps[k]!.start);
    from = wraps[k]!.end;
  }
  return out + reply.text.slice(from, end);
}
