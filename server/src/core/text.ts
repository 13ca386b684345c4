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

/**
 * How many of `n` items in order come before a point: `before(i)` holds for a first run of them
 * and then never (a binary search).
 */
export function countBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the line that contains `offset`. */
export function lineIndexAt(lines: readonly LineInfo[], offset: number): number {
  return Math.max(0, countBefore(lines.length, (i) => lines[i]!.start <= offset) - 1);
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
 * Folds full-width ASCII forms (U+FF01–U+FF5E) to their half-width twins, and U+3000 and the
 * no-break space U+00A0 (what `&nbsp;` of a web page becomes) to a space.
 * Each character maps to exactly one character, so offsets in the folded text equal offsets in the
 * original: recognisers match the folded text and style checks look at the original at the same offset.
 *
 * The code units are folded in a buffer and decoded once, and the buffer (up to 8 MB) is kept for
 * the next text. CPU per 10 MB text: 8.5 ms so; 12–28 ms with a fresh buffer per text (the garbage
 * collector pays for it); 22 ms copying by charCodeAt; ~120 ms with a regex replace that calls back
 * for every full-width comma; TextDecoder (the way without Buffer, in a browser) ~60 ms.
 */
export function foldWidth(text: string): string {
  const size = 2 * text.length;
  if (typeof Buffer === 'undefined') {
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    foldUnits(units);
    return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units);
  }
  const bytes = scratch && scratch.length >= size ? scratch : Buffer.allocUnsafeSlow(Math.max(size, 4096));
  if (bytes.length <= SCRATCH_KEEP) scratch = bytes;
  bytes.write(text, 0, size, 'utf16le');
  foldUnits(new Uint16Array(bytes.buffer, bytes.byteOffset, text.length));
  return bytes.toString('utf16le', 0, size);
}

let scratch: Buffer | undefined;
const SCRATCH_KEEP = 8 * 1024 * 1024;

function foldUnits(units: Uint16Array): void {
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!;
    if (c >= 0xff01 && c <= 0xff5e) units[i] = c - 0xfee0;
    else if (c === 0x3000 || c === 0xa0) units[i] = 32;
  }
}

/**
 * A blank between a digit or a Latin letter and a Chinese character or mark, either way round: what
 * a copy from print puts wherever the font changes (`2025 年 5 月 20 日`, `〔2025〕18 号`; see
 * copiedFromPrint). One blank only: a run of them lays out a line.
 */
export const PRINT_BLANK = /(?<=[\p{Script=Han}\u3001-\u303f\uff01-\uff5e]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[\p{Script=Han}\u3001-\u303f\uff01-\uff5e])/gu;

/**
 * The text with the characters of each span (ascending, disjoint) replaced by spaces: what the
 * parser reads past (pasted markup, invisible characters) while offsets stay those of the document.
 */
export function blankOut(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const s of spans) {
    parts.push(text.slice(from, s.start), ' '.repeat(s.end - s.start));
    from = s.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Ascending offsets of the characters that match `re` (a global regex of single characters): `test`
 * leaves `lastIndex` just past each match. (`exec` made a match array per mark, ~5 MB of garbage for
 * the 40 000 brackets of a 4 MB reply: issue 20.) In an Int32Array, 4 bytes an offset: a plain
 * array takes 8–12, and a pasted line of 21 million `（` (64 MB, the command line's limit) then
 * took a 256 MB heap over the edge.
 */
export function offsetsOf(text: string, re: RegExp): Int32Array {
  let out = new Int32Array(64);
  let n = 0;
  re.lastIndex = 0;
  while (re.test(text)) {
    if (n === out.length) {
      const grown = new Int32Array(2 * n);
      grown.set(out);
      out = grown;
    }
    out[n++] = re.lastIndex - 1;
  }
  return out.subarray(0, n);
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
