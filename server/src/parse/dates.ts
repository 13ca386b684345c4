/**
 * Dates as clerks write them: `2024年4月15日` (GB/T 9704-2012 7.3.5.4), the superseded
 * `二〇二四年四月十五日`, the format errors `2024年04月15日`, `2024.4.15`, `2024-04-15`, `…15号`, and
 * what web pages leave of a date: digits that lost 年月日 (`20211022`, `2023831`) or one or two of
 * them (`2023年7月12`, `20237月12日`), a date that lost a number (`年7月12日`), a year and month, or a
 * bare year.
 */
import type { DateStyle, DateValue } from '../core/model';
import { parseCjkNumeral } from './numbering';

export interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly value: DateValue;
  readonly styles: DateStyle[];
}

// Patterns run on width-folded text (full-width digits already folded to ASCII digits).
const ARABIC = /(\d{4}|\d{2})([ \t]*)年([ \t]*)(\d{1,2})([ \t]*)月([ \t]*)(\d{1,2})([ \t]*)([日号])/y;
const CHINESE = /([〇○零O0一二三四五六七八九](?:[ \t]?[〇○零O0一二三四五六七八九]){1,3})[ \t]*年[ \t]*([一二三四五六七八九十]{1,3})[ \t]*月[ \t]*([一二三四五六七八九十]{1,4})[ \t]*([日号])/y;
const NUMERIC = /(\d{4})[ \t]*([.\-/])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{1,2})(?!\d|\.\d)/y;
/** Year, month and day run together: only where nothing else stands on the line (see dateElement). */
const RUN_TOGETHER = /(20\d{2}|19\d{2})(\d{2,4})(?!\d)/y;
const YEAR_MONTH = /(\d{4})[ \t]*年[ \t]*(\d{1,2})[ \t]*月(?![ \t]*\d)/y;
const YEAR_ONLY = /(20\d{2}|19\d{2})(?![\d.年-])/y;
/**
 * One or two of 年月日 lost with the numbers all there, or blanks for them, or the mark a page puts
 * for a lost character: `2023年7月12`, `20237月12日`, `2023年712日`, `2023 7 12`, `2022\ufffd5月20日`
 * (the year, its mark or blank, the month, its mark or blank, the day, 日); with no 月 or blank after
 * the month, month and day are one run of digits.
 */
const LOST_MARK = /(\d{4})([ \t]*[年\ufffd□]?[ \t]*)(\d{1,4})(?:([ \t]*[月\ufffd□][ \t]*|[ \t]+)(\d{1,2}))?(?:[ \t]*([日\ufffd□]))?(?![\d月])/y;
/** The year's or the month's number lost: `年7月12日`, `2023年月12日`. */
const LOST_NUMBER = /(\d{4})?[ \t]*年[ \t]*(\d{1,2})?[ \t]*月[ \t]*(\d{1,2})[ \t]*日/y;

/** A blank as written, not an invisible character the folded text reads as one. */
const VISIBLE_BLANK = /[ \t\u3000\u00a0]/;

const YEAR_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, O: 0, '0': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function execAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/**
 * A date starting exactly at `pos`. `text` is the original, `folded` its width-folded copy. With
 * `degraded`, digits that lost 年月日 and a bare year are dates too (a line that holds nothing else).
 */
export function matchDateAt(text: string, folded: string, pos: number, degraded = false): DateMatch | undefined {
  if (pos > 0 && /\d/.test(folded.charAt(pos - 1))) return undefined;
  let m = execAt(ARABIC, folded, pos);
  if (m) {
    const [, y, s1, s2, mo, s3, s4, d, s5, suffix] = m as unknown as string[];
    const styles: DateStyle[] = [];
    let year = Number(y);
    if (y!.length === 2) {
      styles.push('short-year');
      year += 2000;
    }
    if (/^0\d/.test(mo!) || /^0\d/.test(d!)) styles.push('leading-zero');
    if (suffix === '号') styles.push('hao');
    const end = pos + m[0].length;
    // (a blank the reader sees: an invisible character is read as a blank, and pasted-junk reports it)
    if ((s1 || s2 || s3 || s4 || s5) && VISIBLE_BLANK.test(text.slice(pos, end))) styles.push('spaced');
    if (/[\uff10-\uff19]/.test(text.slice(pos, end))) styles.push('full-width-digits');
    return { start: pos, end, value: { year, month: Number(mo), day: Number(d) }, styles };
  }
  m = execAt(NUMERIC, folded, pos);
  if (m) return { start: pos, end: pos + m[0].length, value: { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }, styles: ['numeric'] };
  // (not inside a year that blanks part: `二 0 一七年` is read from its 二, never from its 0)
  m = /[〇○零O0一二三四五六七八九][ \t]?$/.test(folded.slice(Math.max(0, pos - 2), pos)) ? null : execAt(CHINESE, folded, pos);
  if (m) {
    // (a copy from print puts blanks around the digit 0 a clerk typed into the year: `二 0 一七年`)
    const yearText = m[1]!.replace(/[ \t]/g, '');
    // 二〇 is a year's beginning; two numerals alone must be a two-digit year like 二四 (not 十二)
    if (yearText.length === 2 && !/^[一二三四五六七八九〇○零O0]{2}$/.test(yearText)) return undefined;
    let year = 0;
    for (const ch of yearText) year = year * 10 + (YEAR_DIGITS[ch] ?? 0);
    if (yearText.length === 2) year += 2000;
    const month = parseCjkNumeral(m[2]!);
    const day = parseCjkNumeral(m[3]!);
    if (month === undefined || day === undefined) return undefined;
    const styles: DateStyle[] = ['chinese-numerals'];
    if (m[4] === '号') styles.push('hao');
    if (/[ \t]/.test(m[0]) && VISIBLE_BLANK.test(text.slice(pos, pos + m[0].length))) styles.push('spaced');
    return { start: pos, end: pos + m[0].length, value: { year, month, day }, styles };
  }
  if (!degraded) return undefined;
  // (before RUN_TOGETHER, which would read the 202111 of `202111月19日` as 2021-1-1)
  m = execAt(LOST_MARK, folded, pos);
  if (m) {
    const year = Number(m[1]);
    // month and day as one run of digits only with 年 or 日 left (digits alone are RUN_TOGETHER's,
    // `2023 12` is no date)
    const value = m[4] && m[5] ? { year, month: Number(m[3]), day: Number(m[5]) }
      : /[年\ufffd□]/.test(m[2]!) || m[6] ? readRunTogether(year, m[3]!) : undefined;
    if (value && isRealDate(value)) return { start: pos, end: pos + m[0].length, value, styles: ['lost-mark'] };
  }
  m = execAt(RUN_TOGETHER, folded, pos);
  if (m) {
    const value = readRunTogether(Number(m[1]), m[2]!);
    if (value) return { start: pos, end: pos + m[0].length, value, styles: ['run-together'] };
  }
  m = execAt(LOST_NUMBER, folded, pos) ?? execAt(YEAR_MONTH, folded, pos) ?? execAt(YEAR_ONLY, folded, pos);
  if (m) return { start: pos, end: pos + m[0].length, value: { year: Number(m[1] ?? 0), month: Number(m[2] ?? 0), day: Number(m[3] ?? 0) }, styles: ['incomplete'] };
  return undefined;
}

/** Month and day from the digits after the year (`1022` → 10-22, `831` → 8-31): the first real reading. */
function readRunTogether(year: number, digits: string): DateValue | undefined {
  const readings = digits.length === 4 ? [[2, 2]] : digits.length === 3 ? [[1, 2], [2, 1]] : [[1, 1]];
  for (const [m] of readings) {
    const value = { year, month: Number(digits.slice(0, m)), day: Number(digits.slice(m)) };
    if (isRealDate(value)) return value;
  }
  return undefined;
}

/**
 * The first date within `[start, end)`. (Only the window is searched for its numerals: searching
 * the folded text from `start` ran on to the next numeral of the document, quadratic for a caller
 * that steps along a long line — 1.3 s on a 160 000-character line without numerals.)
 */
export function findDateIn(text: string, folded: string, start: number, end: number): DateMatch | undefined {
  const window = folded.slice(start, end);
  const re = /[\d〇○零一二三四五六七八九]/g;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const d = matchDateAt(text, folded, start + m.index);
    if (d && d.end <= end) return d;
  }
  return undefined;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** True when the date names a real calendar day. */
export function isRealDate(v: DateValue): boolean {
  return v.year >= 1900 && v.year <= 2999 && v.month >= 1 && v.month <= 12 && v.day >= 1 && v.day <= daysInMonth(v.year, v.month);
}

/** Compares two dates: negative when a is earlier. */
export function compareDates(a: DateValue, b: DateValue): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The GB/T 9704-2012 7.3.5.4 form: 2024年4月15日. */
export function formatDate(v: DateValue): string {
  return `${v.year}年${v.month}月${v.day}日`;
}

/** Today's date in the local time zone of the machine that checks. */
export function todayOf(now: Date): DateValue {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
