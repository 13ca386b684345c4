/**
 * Text helpers shared by the parser, the rules and the editor features.
 *
 * Every offset in the product is a UTF-16 code-unit offset into the document text exactly as the
 * editor holds it, so that ranges survive characters outside the basic plane and CRLF line ends.
 */

/** A half-open span `[start, end)` of UTF-16 offsets into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One physical line: `start`..`end` excludes the line break, `next` is where the following line starts. */
export interface LineInfo {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

/** Splits text into physical lines at `\r\n`, `\n` or a lone `\r`, as editors do. */
export function splitLines(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  const n = text.length;
  if (text.indexOf('\r') < 0) {
    // the common case: indexOf finds each \n far faster than a loop over the characters
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ start, end: i, next: i + 1 });
      start = i + 1;
    }
    lines.push({ start, end: n, next: n });
    return lines;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push({ start, end: i, next: i + 1 });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      const next = i + 1 < n && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ start, end: n, next: n });
  return lines;
}

/** White space as it occurs in pasted Chinese text: ASCII space and tabs, U+3000, NBSP, BOM, zero-width space. */
export function isBlank(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x200b ||
    code === 11 || code === 12 || code === 0x2002 || code === 0x2003 || code === 0x2009
  );
}

/** Shrinks `[start, end)` past blank characters on both sides. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Folds full-width ASCII forms (U+FF01–U+FF5E) to their half-width twins and U+3000 to a space.
 * Each character maps to exactly one character, so offsets in the folded text equal offsets in the
 * original: recognisers match the folded text and style checks look at the original at the same offset.
 */
export function foldWidth(text: string): string {
  return scanText(text).folded;
}

/**
 * Ascending offsets recorded by scanText: a plain array when there are few (most replies), a typed
 * array when there are many (see OffsetList.take).
 */
export type Offsets = readonly number[] | Int32Array;

/**
 * The one pass over the whole text: width folding, and where the marks are that the text-hygiene
 * checks look at, so that they need not read every character again.
 */
export interface TextScan {
  readonly folded: string;
  /** Offsets of 《》“”()〔〕 in the folded text (so （） are here too), ascending. */
  readonly brackets: Offsets;
  /** Offsets of the half-width marks , : ; ? ! ( ) . as written (not folded from full width), ascending. */
  readonly halfWidth: Offsets;
  /**
   * Offsets of blanks (isBlank) and sentence ends 。!? in the folded text (so ！？ are here too),
   * ascending: where a run-on line may break (parse/blocks.ts).
   */
  readonly breaks: Offsets;
  /** Offsets of [ and ] in the folded text (so ［］ are here too), ascending: brackets to the block splitter only. */
  readonly squares: Offsets;
}

/** What scanText records of a code unit below U+3016, as bits (Han characters, most of the text, are above). */
const HALF_WIDTH = 1; // , : ; ? ! ( ) . → TextScan.halfWidth
const BRACKET = 2; // ( ) “ ” 《 》 〔 〕 → TextScan.brackets
const BREAK = 4; // blanks and 。!? → TextScan.breaks
const IDEOGRAPHIC_SPACE = 8; // U+3000, folded to a space
const SQUARE = 16; // [ ] → TextScan.squares
const SCAN_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(0x3016);
  for (const ch of ',:;?!().') t[ch.charCodeAt(0)]! |= HALF_WIDTH;
  for (const ch of '()“”《》〔〕') t[ch.charCodeAt(0)]! |= BRACKET;
  for (let c = 0; c < t.length; c++) if (isBlank(c)) t[c]! |= BREAK;
  for (const ch of '。!?') t[ch.charCodeAt(0)]! |= BREAK;
  for (const ch of '[]') t[ch.charCodeAt(0)]! |= SQUARE;
  t[0x3000]! |= IDEOGRAPHIC_SPACE;
  return t;
})();

/**
 * The code units are copied into this buffer, folded in place and decoded once. It is kept for the
 * next text (a fresh buffer per text costs more than the copy: new pages, garbage collection), up
 * to SCRATCH_KEEP bytes, so that one huge document does not pin its size in memory.
 */
let scratch: Scratch | undefined;
const SCRATCH_KEEP = 4 * 1024 * 1024;

/** The buffer and the views of it the scan reads, made once per buffer rather than once per text. */
interface Scratch {
  readonly bytes: Buffer;
  /** Its code units. */
  readonly units: Uint16Array;
  /** Its code units two at a time (the buffer is its own ArrayBuffer, so it starts aligned). */
  readonly pairs: Int32Array;
}

function scratchFor(n: number): Scratch {
  if (scratch && scratch.units.length >= n) return scratch;
  const bytes = Buffer.allocUnsafeSlow(Math.max(2 * n, 4096));
  const made: Scratch = {
    bytes,
    units: new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1),
    pairs: new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2),
  };
  if (bytes.length <= SCRATCH_KEEP) scratch = made;
  return made;
}

/** What each of the four lists keeps between texts: 256 Ki offsets, more than a 10 MB reply holds. */
const LIST_KEEP = 1024 * 1024;

/**
 * Up to this many offsets a list is handed out as a plain array (16 KB of small integers on the
 * heap at most): a typed array of more than 16 elements gets a backing store outside the heap, and
 * allocating four of those cost a fifth of the scan of a 10 KB reply.
 */
const PLAIN_MAX = 4096;

/**
 * A list of offsets being recorded: a typed array kept from text to text (doubled when full) and
 * copied out at its exact length once the scan is done. JavaScript arrays grown by push would
 * allocate about three times their final size on the heap for every text (at 10 MB ~4.7 MB of the
 * analysis's ~26 MB, which is what sets how often the young generation is collected); a typed
 * array's contents live outside the heap.
 */
class OffsetList {
  items = new Int32Array(256);
  length = 0;

  push(i: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[this.length++] = i;
  }

  private grow(): void {
    const bigger = new Int32Array(this.items.length * 2);
    bigger.set(this.items);
    this.items = bigger;
  }

  /** The recorded offsets, copied; the list is empty again and keeps its buffer up to LIST_KEEP bytes. */
  take(): Offsets {
    const n = this.length;
    let out: Offsets;
    if (n <= PLAIN_MAX) {
      const plain = new Array<number>(n);
      for (let i = 0; i < n; i++) plain[i] = this.items[i]!;
      out = plain;
    } else {
      out = this.items.slice(0, n);
    }
    this.length = 0;
    if (this.items.byteLength > LIST_KEEP) this.items = new Int32Array(256);
    return out;
  }
}

interface Recorder {
  readonly brackets: OffsetList;
  readonly halfWidth: OffsetList;
  readonly breaks: OffsetList;
  readonly squares: OffsetList;
}

const recorder: Recorder = { brackets: new OffsetList(), halfWidth: new OffsetList(), breaks: new OffsetList(), squares: new OffsetList() };

export function scanText(text: string): TextScan {
  const n = text.length;
  const rec = recorder;
  let changed = false;
  let folded: string;
  if (typeof Buffer === 'undefined') {
    const units = new Uint16Array(n);
    for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
    for (let i = 0; i < n; i++) if (scanUnit(units, i, rec)) changed = true;
    folded = changed ? foldByReplace(text) : text;
  } else {
    // Copy the UTF-16 code units, fold them in place and decode once: several times faster than a
    // regex replace that calls back for every full-width comma in Chinese text.
    const { bytes, units, pairs } = scratchFor(n);
    bytes.write(text, 0, 'utf16le');
    // Two code units at a time: a pair whose high bytes both lie in 0x31–0xFD (Han, most of the
    // text) holds nothing to record or fold, which three additions and masks tell for both at once.
    // Each 16-bit lane of `h` is one unit's high byte, with room above it for the carries.
    const m = n >> 1;
    for (let w = 0; w < m; w++) {
      const h = (pairs[w]! >>> 8) & 0x00ff00ff;
      if (((h + 0x00cf00cf) & ~(h + 0x00020002) & 0x01000100) === 0x01000100) continue;
      if (scanUnit(units, 2 * w, rec)) changed = true;
      if (scanUnit(units, 2 * w + 1, rec)) changed = true;
    }
    if (n & 1 && scanUnit(units, n - 1, rec)) changed = true;
    folded = changed ? bytes.toString('utf16le', 0, 2 * n) : text;
  }
  return {
    folded,
    brackets: rec.brackets.take(),
    halfWidth: rec.halfWidth.take(),
    breaks: rec.breaks.take(),
    squares: rec.squares.take(),
  };
}

/** Records and folds the code unit at `i`; true when it was folded. */
function scanUnit(units: Uint16Array, i: number, rec: Recorder): boolean {
  const c = units[i]!;
  if (c < 0x3016) {
    const k = SCAN_CLASS[c]!;
    if (k === 0) return false;
    if (k & HALF_WIDTH) rec.halfWidth.push(i);
    if (k & BRACKET) rec.brackets.push(i);
    if (k & BREAK) rec.breaks.push(i);
    if (k & SQUARE) rec.squares.push(i);
    if (k & IDEOGRAPHIC_SPACE) {
      units[i] = 32;
      return true;
    }
  } else if (c >= 0xfeff) {
    if (c >= 0xff01 && c <= 0xff5e) {
      units[i] = c - 0xfee0;
      if (c === 0xff08 || c === 0xff09) rec.brackets.push(i); // （）
      else if (c === 0xff01 || c === 0xff1f) rec.breaks.push(i); // ！？
      else if (c === 0xff3b || c === 0xff3d) rec.squares.push(i); // ［］
      return true;
    }
    if (c === 0xfeff) rec.breaks.push(i);
  }
  return false;
}

/** The same folding where there is no Buffer (a browser). */
function foldByReplace(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Maps a half-width ASCII punctuation mark or digit to its full-width form. */
export function toFullWidth(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : c;
}

/** Whether `s[start, end)` holds a full-width digit ０–９ (what `/[\uff10-\uff19]/` finds), without a regex call. */
export function hasFullWidthDigit(s: string, start = 0, end = s.length): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return true;
  }
  return false;
}

/** What `\s` matches in a regular expression. */
export function isRegexSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a UTF-16 code unit is an ASCII digit 0–9. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

const HAN = /\p{Script=Han}/u;

/** True for a Chinese character (Han script), which makes the neighbouring punctuation Chinese punctuation. */
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  // CJK Unified Ideographs, nearly every Chinese character, without a regex call
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  // nothing below the CJK radicals (U+2E80) is Han: digits, Latin and most punctuation, without a regex call
  if (c < 0x2e80) return false;
  return HAN.test(ch);
}

/** True for CJK punctuation and full-width forms. */
export function isCjkPunct(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019;
}

/**
 * The last element, or undefined for an empty list, without reading index -1: on an empty array
 * that is a lookup of the property "-1" along the prototype chain, V8's slow path.
 */
export function lastOf<T>(xs: readonly T[]): T | undefined {
  return xs.length > 0 ? xs[xs.length - 1] : undefined;
}

/** Collapses blank runs for display (names in outlines, messages). */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0\ufeff]+/g, ' ').trim();
}

/** Shortens text for display in a message or an outline. */
export function ellipsis(s: string, max = 24): string {
  const t = squash(s);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Upper-cases the first letter of an English message fragment. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
