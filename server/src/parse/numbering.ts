/**
 * Numbering markers of GB/T 9704-2012 7.3.3 (`一、` `（一）` `1.` `（1）`) in their real-world
 * variants: half-width brackets, `1、`, `（一）、`, full-width digits, stray spaces.
 */
import type { NumberingLevel } from '../model';
import { isDigitCode, isRegexSpace } from '../text';

const CJK_DIGITS = new Map<number, number>([...'〇零一二两三四五六七八九'].map((ch, i) => [ch.charCodeAt(0), [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][i]!]));
const TEN = 0x5341; // 十
const HUNDRED = 0x767e; // 百

/**
 * Parses a Chinese numeral such as 三, 十二, 二十一, 一百零五 (all of `s`, or `s[start, end)`).
 * Returns undefined when it is not one.
 */
export function parseCjkNumeral(s: string, start = 0, end = s.length): number | undefined {
  if (end <= start) return undefined;
  let total = 0;
  let current = 0;
  let sawUnit = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === TEN || c === HUNDRED) {
      total += (current === 0 ? 1 : current) * (c === TEN ? 10 : 100);
      current = 0;
      sawUnit = true;
    } else {
      // (a surrogate half is no digit either: the answer is the same as reading by code point)
      const d = CJK_DIGITS.get(c);
      if (d === undefined) return undefined;
      current = current * (sawUnit ? 1 : 10) + d;
      if (!sawUnit && end - start > 1 && current > 9) {
        // digit-by-digit forms such as 二〇 are years, not ordinals
        return undefined;
      }
    }
  }
  return total + current;
}

const CJK_FOR_DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes an ordinal as a Chinese numeral: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一. */
export function toCjkNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0) return String(n);
  if (n < 10) return CJK_FOR_DIGIT[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : CJK_FOR_DIGIT[n % 10]}`;
  if (n < 100) return `${CJK_FOR_DIGIT[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CJK_FOR_DIGIT[n % 10]}`;
  return String(n);
}

/** Writes the canonical marker of a level for an ordinal: 一、 （一） 1. （1）. */
export function canonicalMarker(level: NumberingLevel, ordinal: number): string {
  switch (level) {
    case 1: return `${toCjkNumeral(ordinal)}、`;
    case 2: return `（${toCjkNumeral(ordinal)}）`;
    case 3: return `${ordinal}.`;
    case 4: return `（${ordinal}）`;
  }
}

/** Short label of a marker for paths and messages: 二, （三）, 1, （2）. */
export function markerLabel(level: NumberingLevel, ordinal: number): string {
  switch (level) {
    case 1: return toCjkNumeral(ordinal);
    case 2: return `（${toCjkNumeral(ordinal)}）`;
    case 3: return String(ordinal);
    case 4: return `（${ordinal}）`;
  }
}

export interface MarkerMatch {
  readonly level: NumberingLevel;
  readonly ordinal: number;
  /** Length of the marker in the text (separator included). */
  readonly length: number;
  /** Offset of the separator after the numeral or closing bracket, or -1. */
  readonly separatorAt: number;
}

// All forms are read on width-folded text (（ → (, ． → ., １ → 1), as these patterns would read them:
//   一、          /([一二三四五六七八九十百]{1,4})[ \t]?([、.])/y
//   （一）         /\([ \t]?([一二三四五六七八九十百]{1,4})[ \t]?\)([、.])?/y
//   1.           /(\d{1,2})[ \t]?([.、])(?![\d.])/y
//   （1）         /\([ \t]?(\d{1,2})[ \t]?\)([、.])?/y
// They are read by code unit instead: a regex call and its match array at every candidate block
// cost more than the rest of the recogniser (a test compares the two on generated markers).

/** A numeral of a heading marker: 一–十 and 百. */
export function isMarkerNumeral(c: number): boolean {
  return isEnumerationNumeral(c) || c === HUNDRED;
}

/** The end of the run of code units from `i` that `is` accepts, if it is 1–`max` long; otherwise -1. */
function runEnd(s: string, i: number, max: number, is: (c: number) => boolean): number {
  let j = i;
  while (j < s.length && j - i <= max && is(s.charCodeAt(j))) j++;
  return j > i && j - i <= max ? j : -1;
}

/** After a blank or tab, if there is one. */
function skipBlank(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c === 32 || c === 9 ? i + 1 : i;
}

/** 、 or . */
function isSeparator(c: number): boolean {
  return c === 0x3001 || c === 46;
}

/**
 * Recognises a numbering marker starting exactly at `pos` of the folded text. Inline forms that
 * are not headings (`一是`, decimals like `2.9亿`, citations like `（第156号）`) do not match.
 */
export function matchMarker(folded: string, pos: number): MarkerMatch | undefined {
  const c = folded.charCodeAt(pos);
  if (c === 40 /* ( */) {
    const numStart = skipBlank(folded, pos + 1);
    const first = folded.charCodeAt(numStart);
    const level = isMarkerNumeral(first) ? 2 : isDigitCode(first) ? 4 : 0;
    if (level === 0) return undefined;
    const numEnd = level === 2 ? runEnd(folded, numStart, 4, isMarkerNumeral) : runEnd(folded, numStart, 2, isDigitCode);
    if (numEnd < 0) return undefined;
    const close = skipBlank(folded, numEnd);
    if (folded.charCodeAt(close) !== 41 /* ) */) return undefined;
    const ordinal = level === 2 ? parseCjkNumeral(folded, numStart, numEnd) : Number(folded.slice(numStart, numEnd));
    if (ordinal === undefined || ordinal === 0) return undefined;
    const hasSeparator = isSeparator(folded.charCodeAt(close + 1));
    const end = close + (hasSeparator ? 2 : 1);
    return { level, ordinal, length: end - pos, separatorAt: hasSeparator ? end - 1 : -1 };
  }
  if (isDigitCode(c)) {
    if (pos > 0 && isDigitCode(folded.charCodeAt(pos - 1))) return undefined;
    const numEnd = runEnd(folded, pos, 2, isDigitCode);
    if (numEnd < 0) return undefined;
    const sep = skipBlank(folded, numEnd);
    if (!isSeparator(folded.charCodeAt(sep))) return undefined;
    // not a decimal or a date: no digit or full stop after the separator
    const after = folded.charCodeAt(sep + 1);
    if (isDigitCode(after) || after === 46) return undefined;
    const ordinal = Number(folded.slice(pos, numEnd));
    if (ordinal === 0) return undefined;
    return { level: 3, ordinal, length: sep + 1 - pos, separatorAt: sep };
  }
  // a level-1 marker starts with a numeral: most positions are ruled out at once
  if (!isMarkerNumeral(c)) return undefined;
  const numEnd = runEnd(folded, pos, 4, isMarkerNumeral);
  if (numEnd < 0) return undefined;
  const sep = skipBlank(folded, numEnd);
  if (!isSeparator(folded.charCodeAt(sep))) return undefined;
  const ordinal = parseCjkNumeral(folded, pos, numEnd);
  if (ordinal === undefined || ordinal === 0) return undefined;
  // `一、二年级` style lists of numerals are not headings: a numeral 一–十 and 、 or 年 right after
  const after = sep + 1;
  const next = folded.charCodeAt(after + 1);
  if (isEnumerationNumeral(folded.charCodeAt(after)) && (next === 0x3001 /* 、 */ || next === 0x5e74 /* 年 */)) return undefined;
  return { level: 1, ordinal, length: after - pos, separatorAt: sep };
}

/** The inline enumeration cue `一是` `二是` …, preceded by a sentence or clause boundary. */
export const ENUMERATION_CUE = /(^|[。;:,!?\s、])([一二三四五六七八九十]{1,3})是(?![否非])/g;

/** 一二三四五六七八九十, compared rather than looked up in a Set (this runs at every 是 of the body). */
export function isEnumerationNumeral(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}

/** 。;:,!?、 (folded), likewise. */
function isClauseBoundary(c: number): boolean {
  return c === 0x3002 || c === 59 || c === 58 || c === 44 || c === 33 || c === 63 || c === 0x3001;
}

/**
 * Every match of ENUMERATION_CUE in `s[start, end)`, in order, handed to `visit` as where the
 * numeral starts (an offset into `s`) and how long it is. It looks for 是 with indexOf and checks
 * the numerals and the boundary before it, which is many times faster than the regex (whose first
 * character can be anything) and finds the same matches; nothing is allocated per block or per cue.
 */
export function eachEnumerationCue(s: string, start: number, end: number, visit: (at: number, length: number) => void): void {
  for (let k = s.indexOf('是', start); k >= 0 && k < end; k = s.indexOf('是', k + 1)) {
    const after = k + 1 < end ? s.charCodeAt(k + 1) : NaN;
    if (after === 0x5426 /* 否 */ || after === 0x975e /* 非 */) continue;
    // the run of numerals before 是: one to three, after a boundary or at the start
    let j = k;
    while (j > start && k - j < 4 && isEnumerationNumeral(s.charCodeAt(j - 1))) j--;
    if (j === k || k - j > 3) continue;
    if (j > start) {
      const before = s.charCodeAt(j - 1);
      if (!isClauseBoundary(before) && !isRegexSpace(before)) continue;
    }
    visit(j, k - j);
  }
}

/** The same marker with another ordinal, keeping how it was written (brackets, separator, width). */
export function withOrdinal(markerText: string, level: NumberingLevel, ordinal: number): string {
  return level <= 2
    ? markerText.replace(/[一二三四五六七八九十百〇零两]+/, toCjkNumeral(ordinal))
    : markerText.replace(/[0-9\uff10-\uff19]+/, String(ordinal));
}
