/**
 * What a register cell holds, read as the register's values: numbers, names, kinds, dates and
 * categories as spreadsheets write them. Plain functions, which the rules use too; the schemas
 * that validate a row with them are in `values.ts` (zod is loaded only when a register is read).
 */
import type { DateValue } from '../core/model';
import { foldWidth } from '../core/text';
import type { ItemKind } from './types';

/** Blanks as they come out of spreadsheets: spaces, U+3000, NBSP, zero-width space, BOM. */
const BLANKS = /[\s\u3000\u00a0\u200b\ufeff]+/g;

export function cleanCell(v: string): string {
  return v.replace(BLANKS, ' ').trim();
}

/** `第0087号` → `0087`; `D 022` → `D022`; full-width digits folded. */
export function normalizeNumber(raw: string): string {
  return foldWidth(raw).replace(BLANKS, '').replace(/^第/, '').replace(/号$/, '').replace(/(提案|建议)$/, '');
}

/** Splits a list of names: 陈明远、李娜 / 陈明远,李娜 / 陈明远；李娜 / one per line. */
export function splitNames(raw: string): string[] {
  return raw.split(/[、,，;；/|\n\r]+|\s{2,}/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A person's name as the register writes it, without the role word or a note: 陈明远委员（民盟） → 陈明远. */
export function personName(raw: string): string {
  return foldWidth(raw)
    .replace(BLANKS, '')
    .replace(/\([^)]*\)|（[^）]*）/g, '')
    .replace(/^尊敬的/, '')
    .replace(/等\d*[名位人个]?(委员|代表)?$/, '')
    .replace(/(?<!委员会|政协|人大)(委员|代表|同志|先生|女士)$/, '');
}

const KIND_WORDS: ReadonlyArray<readonly [ItemKind, RegExp]> = [
  ['proposal', /^(提案|政协提案|委员提案|集体提案|界别提案|党派提案|团体提案|个人提案|联名提案|proposal|cppcc)$/i],
  ['suggestion', /^(建议|人大建议|代表建议|建议批评和意见|建议、批评和意见|意见建议|闭会期间建议|大会期间建议|suggestion|npc)$/i],
];

export function kindOfWord(raw: string): ItemKind | undefined {
  const w = foldWidth(raw).replace(BLANKS, '');
  for (const [kind, re] of KIND_WORDS) if (re.test(w)) return kind;
  return undefined;
}

/** The kind a session implies: 政协 sessions receive proposals, 人大 sessions suggestions. */
export function kindOfSession(session: string): ItemKind | undefined {
  if (/政协/.test(session)) return 'proposal';
  if (/人大|人民代表大会/.test(session)) return 'suggestion';
  return undefined;
}

export function isValidDate(v: DateValue): boolean {
  if (v.year < 1949 || v.year > 2200 || v.month < 1 || v.month > 12 || v.day < 1) return false;
  return v.day <= new Date(Date.UTC(v.year, v.month, 0)).getUTCDate();
}

/**
 * A deadline as spreadsheets write it: 2025-06-30, 2025/6/30, 2025.6.30, 2025年6月30日, 20250630,
 * with or without a time of day, or an Excel serial day number (45838) when the cell lost its format.
 */
export function parseDateCell(raw: string): DateValue | 'invalid' | undefined {
  const s = foldWidth(raw).replace(BLANKS, ' ').trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').replace(/T.*$/, '');
  if (s === '') return undefined;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const v = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    return isValidDate(v) ? v : 'invalid';
  }
  m = /^(\d{5})(\.0+)?$/.exec(s);
  if (m) {
    const serial = Number(m[1]);
    if (serial < 20000 || serial > 80000) return 'invalid';
    // Excel day 1 is 1900-01-01, counted as if 1900 were a leap year: day 0 falls on 1899-12-30
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  return 'invalid';
}

/** `A`, `A类`, `a`, `甲类` → `A`, `甲`. */
export function normalizeCategory(raw: string): string {
  return foldWidth(raw).replace(BLANKS, '').replace(/类$/, '').toUpperCase();
}
