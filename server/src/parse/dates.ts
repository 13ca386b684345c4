/**
 * Dates as clerks write them: `2024年4月15日` (GB/T 9704-2012 7.3.5.4), the superseded
 * `二〇二四年四月十五日`, and the format errors `2024年04月15日`, `2024.4.15`, `2024-04-15`, `…15号`.
 */
import type { DateStyle, DateValue } from '../model';
import { hasFullWidthDigit, isDigitCode } from '../text';
import { isEnumerationNumeral, parseCjkNumeral } from './numbering';

export interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly value: DateValue;
  readonly styles: DateStyle[];
}

// Patterns run on width-folded text (full-width digits already folded to ASCII digits).
const ARABIC = /(\d{2,4})([ \t]*)年([ \t]*)(\d{1,2})([ \t]*)月([ \t]*)(\d{1,2})([ \t]*)([日号])/y;
export const CHINESE = /([〇○零O0一二三四五六七八九]{2,4})[ \t]*年[ \t]*([一二三四五六七八九十]{1,3})[ \t]*月[ \t]*([一二三四五六七八九十]{1,4})[ \t]*([日号])/y;
const NUMERIC = /(\d{4})[ \t]*([.\-/])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{1,2})(?![\d.])/y;

const YEAR_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, O: 0, '0': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Whether CHINESE can match at a code unit (a digit of its year, or 十); most blocks start otherwise. */
export function mayStartChineseYear(c: number): boolean {
  return isEnumerationNumeral(c) || c === 0x3007 /* 〇 */ || c === 0x25cb /* ○ */ || c === 0x96f6 /* 零 */ || c === 0x4f /* O */ || c === 0x30 /* 0 */;
}

/** Recognises a date starting exactly at `pos`. `text` is the original, `folded` its width-folded copy. */
export function matchDateAt(text: string, folded: string, pos: number): DateMatch | undefined {
  const c = folded.charCodeAt(pos);
  if (isDigitCode(c)) {
    if (pos > 0 && isDigitCode(folded.charCodeAt(pos - 1))) return undefined;
    ARABIC.lastIndex = pos;
    let m = ARABIC.exec(folded);
    if (m) {
      const styles: DateStyle[] = [];
      const [, y, s1, s2, mo, s3, s4, d, s5, suffix] = m as unknown as string[];
      let year = Number(y);
      if (y!.length !== 4) {
        if (y!.length !== 2) return undefined;
        styles.push('short-year');
        year += 2000;
      }
      if ((mo!.length === 2 && mo!.startsWith('0')) || (d!.length === 2 && d!.startsWith('0'))) styles.push('leading-zero');
      if (suffix === '号') styles.push('hao');
      if (s1 || s2 || s3 || s4 || s5) styles.push('spaced');
      const end = pos + m[0].length;
      if (hasFullWidthDigit(text, pos, end)) styles.push('full-width-digits');
      return { start: pos, end, value: { year, month: Number(mo), day: Number(d) }, styles };
    }
    NUMERIC.lastIndex = pos;
    m = NUMERIC.exec(folded);
    if (m) {
      const end = pos + m[0].length;
      return { start: pos, end, value: { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }, styles: ['numeric'] };
    }
    return undefined;
  }
  if (!mayStartChineseYear(c)) return undefined;
  CHINESE.lastIndex = pos;
  const m = CHINESE.exec(folded);
  if (!m) return undefined;
  const yearText = m[1]!;
  if (!/[〇○零O0]/.test(yearText) && yearText.length === 2 && !/^[一二三四五六七八九]{2}$/.test(yearText)) return undefined;
  let year = 0;
  for (const ch of yearText) year = year * 10 + (YEAR_DIGITS[ch] ?? 0);
  if (yearText.length === 2) year += 2000;
  const month = parseCjkNumeral(m[2]!);
  const day = parseCjkNumeral(m[3]!);
  if (month === undefined || day === undefined) return undefined;
  const styles: DateStyle[] = ['chinese-numerals'];
  if (m[4] === '号') styles.push('hao');
  return { start: pos, end: pos + m[0].length, value: { year, month, day }, styles };
}

/** Finds the first date within `[start, end)`. */
export function findDate(text: string, folded: string, start: number, end: number): DateMatch | undefined {
  for (let i = start; i < end; i++) {
    const c = folded.charCodeAt(i);
    if (isDigitCode(c) || c === 0x3007 || c === 0x25cb || c === 0x96f6 || (c >= 0x4e00 && c <= 0x4e5d)) {
      const m = matchDateAt(text, folded, i);
      if (m && m.end <= end) return m;
    }
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
