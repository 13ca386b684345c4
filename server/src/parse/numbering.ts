/**
 * Numbering markers of GB/T 9704-2012 7.3.3 (`一、` `（一）` `1.` `（1）`) in their real-world
 * variants: half-width brackets, `1、`, `（一）、`, full-width digits, stray spaces.
 */
import type { NumberingLevel } from '../core/model';

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

/**
 * The four levels of GB/T 9704-2012 7.3.3 as real replies write them, on width-folded text (（ → (,
 * ． → ., １ → 1): half-width brackets, `1、`, `（一）、`, `一，` or `一 ` for `一、`, `1）` for
 * `（1）`, stray blanks. Not headings: `一、二年级`
 * (a list of numerals), `2.5亿` and `2019.` (a decimal or a date), `（第156号）` (a citation), and
 * (matchMarker) a pair of quarters or months (`三、四季度`, `七、八月份`).
 */
const MARKERS: ReadonlyArray<readonly [RegExp, NumberingLevel]> = [
  [/\([ \t]?([一二三四五六七八九十百]{1,4})[ \t]?\)([、.])?/y, 2],
  [/\([ \t]?(\d{1,2})[ \t]?\)([、.])?/y, 4],
  // (a blank for a lost 、 before a heading's words: `一 加强领导`, not `一 是…`)
  [/([一二三四五六七八九十百]{1,4})(?:[ \t]?([、.,])|[ \t]+(?=\p{Script=Han})(?!是))(?![一二三四五六七八九十][、,年])/uy, 1],
  // 1. — not a decimal (2.5亿) or a date (2019.), but `1.2017年以来…` opens with a year
  [/(\d{1,2})[ \t]?([.、])(?![\d.]|%)|(\d{1,2})[ \t]?(\.)(?=(?:19|20)\d\d(?:年|-|—))/y, 3],
  // the opening bracket left out: `1）加强领导`, `一）完善机制` (numbering-style asks for it)
  [/([一二三四五六七八九十百]{1,4})[ \t]?\)([、.])?/y, 2],
  [/(\d{1,2})[ \t]?\)([、.])?/y, 4],
];

const MARKER_START = /[一二三四五六七八九十百(\d、]/;

/** A bracketed level's marker written without its opening bracket (`1）`, `一）`). */
export function lacksOpeningBracket(marker: { readonly level: NumberingLevel; readonly text: string }): boolean {
  return (marker.level === 2 || marker.level === 4) && !/^[(（]/.test(marker.text);
}

/** Recognises a numbering marker starting exactly at `pos` of the folded text. */
export function matchMarker(folded: string, pos: number): MarkerMatch | undefined {
  // a marker starts with a numeral, a bracket or the 、 of a lost numeral, and not right after a digit
  if (!MARKER_START.test(folded.charAt(pos)) || /\d/.test(folded.charAt(pos - 1))) return undefined;
  // a heading whose numeral a web page lost: `、关于…` (ordinal 0, reported by numbering-sequence)
  if (folded.charAt(pos) === '、' && /[^\s\d、]/.test(folded.charAt(pos + 1))) return { level: 1, ordinal: 0, length: 1, separatorAt: pos };
  for (const [re, level] of MARKERS) {
    re.lastIndex = pos;
    const m = re.exec(folded);
    if (!m) continue;
    const numeral = m[1] ?? m[3]!;
    const ordinal = level <= 2 ? parseCjkNumeral(numeral) : Number(numeral);
    if (!ordinal) return undefined;
    if (level === 1 && namesPeriodPair(folded, pos + m[0].length, ordinal)) return undefined;
    return { level, ordinal, length: m[0].length, separatorAt: (m[2] ?? m[4]) ? pos + m[0].length - 1 : -1 };
  }
  return undefined;
}

const PERIOD = /([一二三四五六七八九十]{1,2})(季度|月)/y;

/**
 * Whether the numeral after a marker at `at` is the next one, naming a quarter or a month with it:
 * `三、四季度，我们将…`, `七、八月份`, `十一、十二月` are two periods, not heading 三 and its words.
 * Any other numeral may open a heading's title (`二、三农工作`, `二、十月底前完成整改`).
 */
function namesPeriodPair(folded: string, at: number, ordinal: number): boolean {
  PERIOD.lastIndex = at;
  const m = PERIOD.exec(folded);
  return m !== null && parseCjkNumeral(m[1]!) === ordinal + 1;
}

/**
 * The inline enumeration cue `一是` `二是` …; it counts after a sentence or clause boundary or at
 * the start of a line (isCueBoundary). (The boundary is tested apart: as a lookbehind it made the
 * search three times slower.)
 */
export const ENUMERATION_CUE = /([一二三四五六七八九十]{1,3})是(?![否非])/g;

/** Whether the character before an enumeration cue lets it count: none, a line break, or 。;:,!?、 and blanks. */
export function isCueBoundary(before: string): boolean {
  return before === '' || /[。;:,!?\s、]/.test(before);
}

/** The same marker with another ordinal, keeping how it was written (brackets, separator, width). */
export function withOrdinal(markerText: string, level: NumberingLevel, ordinal: number): string {
  // a marker that lost its numeral gets one before its separator
  if (!/[一二三四五六七八九十百〇零两0-9\uff10-\uff19]/.test(markerText)) return `${level <= 2 ? toCjkNumeral(ordinal) : ordinal}${markerText}`;
  return level <= 2
    ? markerText.replace(/[一二三四五六七八九十百〇零两]+/, toCjkNumeral(ordinal))
    : markerText.replace(/[0-9\uff10-\uff19]+/, String(ordinal));
}
