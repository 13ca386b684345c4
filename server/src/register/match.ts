/**
 * How the cross-checks compare what a reply says with what the register holds: titles up to
 * width, blanks and the style of quote marks; people by name without role words; units by name, allowing the
 * place prefix one side leaves out (市教育局 and 泉州市教育局 are one unit).
 */
import type { DateValue } from '../core/model';
import { foldWidth } from '../core/text';
import { personName, splitNames } from './cells';
import type { ItemKind, RegisterEntry } from './types';

/** A title's comparable form: full-width folded, blanks removed, every quote style as one mark, 〈〉 as <>. */
export function titleKey(title: string): string {
  return foldWidth(title)
    .replace(/[\s\u00a0\u200b]/g, '')
    .replace(/["“”「」『』]/g, '"')
    .replace(/['‘’]/g, "'")
    .replace(/〈/g, '<')
    .replace(/〉/g, '>');
}

/** Pairs of ASCII double quotes (as CSV leaves them) become Chinese quotes “…” for text put into a reply. */
export function chineseQuotes(title: string): string {
  let open = true;
  return title.includes('"') && (title.match(/"/g)!.length % 2 === 0) ? title.replace(/"/g, () => ((open = !open) ? '”' : '“')) : title;
}

export function titlesMatch(a: string, b: string): boolean {
  return titleKey(a) === titleKey(b);
}

/** Masked names in published copies: `***`, `×××`, `XXX`. */
export function isMasked(name: string): boolean {
  return /^[*＊×xX○〇?？]+$/.test(name.trim());
}

/** Unit names compare equal, or one is the other with a place prefix: 市教育局 / 泉州市教育局. */
export function unitsMatch(a: string, b: string): boolean {
  const x = foldWidth(a).replace(/\s/g, '');
  const y = foldWidth(b).replace(/\s/g, '');
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length < 2 || !long.endsWith(short)) return false;
  // the longer name adds a place (…省, …市, …区, …县, …州) before the shorter one, or the shorter starts with 市/区/县/省
  const prefix = long.slice(0, long.length - short.length);
  return /[省市区县州盟旗]$/.test(prefix) || /^[省市区县州]/.test(short);
}

/** The people (or bodies) an entry names as proposers and seconders. */
export function entryPeople(entries: readonly RegisterEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) for (const p of [...e.proposers, ...e.seconders]) if (!out.includes(p)) out.push(p);
  return out;
}

/** Whether one addressee name is among the entry's people. */
export function personAmong(name: string, people: readonly string[]): boolean {
  const n = personName(name);
  return people.some((p) => p === n || unitsMatch(p, n));
}

/** The lead units of the entries (a lead unit cell may name several, 、-separated). */
export function leadUnits(entries: readonly RegisterEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) if (e.leadUnit) for (const u of splitNames(e.leadUnit)) if (!out.includes(u)) out.push(u);
  return out;
}

export function compareDates(a: DateValue, b: DateValue): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: DateValue, b: DateValue): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400000);
}

export function formatDate(d: DateValue): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

export function isoDate(d: DateValue): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export const ITEM_KIND_NAME: Readonly<Record<ItemKind, { zh: string; en: string }>> = {
  proposal: { zh: '提案', en: 'proposal' },
  suggestion: { zh: '建议', en: 'suggestion' },
};

/** How the register entry is cited in messages: `登记表第 3 行（第20250136号）`. */
export function entryRef(e: RegisterEntry): { zh: string; en: string } {
  return { zh: `登记表第 ${e.row} 行（第${e.number}号）`, en: `register row ${e.row} (No. ${e.number})` };
}
