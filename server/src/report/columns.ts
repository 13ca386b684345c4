/**
 * The report's columns, shared by the HTML, Markdown and CSV formats: what each shows for a row
 * and how it sorts. One row per register entry and reply.
 */
import { ELEMENT } from '../core/elements';
import { KIND_NAME } from '../core/labels';
import { capitalize } from '../core/text';
import { isoDate, ITEM_KIND_NAME } from '../register/match';
import { type Locale, type Localized, localize } from '../core/vocabulary';
import { ENTRY_STATES, type ReportRow, STATE_LABEL } from './batch';
import { elementExpected, REPORT_ELEMENTS, type ReportElement } from './summary';

/** An element column's header: the element's name (core/elements.ts). */
function elementHeader(el: ReportElement): Localized {
  const { zh, en } = ELEMENT[el].label;
  return { zh, en: capitalize(en) };
}

export interface Cell {
  readonly text: string;
  /** A key that sorts as text the way the column should (numbers padded, states in order). */
  readonly sort?: string;
  /** For element columns: present or missing; absent when there is no reply or the kind has no such element. */
  readonly present?: boolean;
  /** For element columns: the document's kind does not call for the element. */
  readonly notApplicable?: boolean;
}

export interface Column {
  readonly id: string;
  readonly header: Localized;
  readonly numeric?: boolean;
  cell(row: ReportRow, locale: Locale): Cell;
}

/** `D022` → `D000000000022`, so that numbers sort by value within their prefix. */
export function numberSortKey(n: string): string {
  const m = /^([A-Za-z]*)(\d+)(.*)$/.exec(n);
  return m ? `${m[1]!.toUpperCase()}${m[2]!.replace(/^0+(?=\d)/, '').padStart(12, '0')}${m[3]}` : n;
}

export function rowNumber(row: ReportRow): string {
  return row.entry?.number ?? row.reply?.numbers.join('、') ?? '';
}

export function rowTitle(row: ReportRow): string {
  return row.entry?.title || row.reply?.quotedTitle || row.reply?.title || '';
}

export function rowKind(row: ReportRow, locale: Locale): string {
  const kind = row.entry?.kind;
  const reply = row.reply;
  const base = kind ? ITEM_KIND_NAME[kind]
    : reply?.kind === 'proposal-reply' ? ITEM_KIND_NAME.proposal
      : reply?.kind === 'suggestion-reply' ? ITEM_KIND_NAME.suggestion
        : reply ? KIND_NAME[reply.kind] : undefined;
  const text = base ? localize(base, locale) : '';
  if (kind && reply?.kind === 'co-handling-opinion') return localize({ zh: `${text}（协办）`, en: `${text} (co-handling)` }, locale);
  return text;
}

/** The reply's category, else the register's; both when they differ: `A（登记表 B）`. */
export function rowCategory(row: ReportRow, locale: Locale = 'zh-cn'): string {
  const marked = row.reply?.category;
  const registered = row.entry?.category;
  if (marked && registered && marked !== registered) return localize({ zh: `${marked}（登记表 ${registered}）`, en: `${marked} (register: ${registered})` }, locale);
  return marked ?? registered ?? '';
}

export function rowDeadline(row: ReportRow): string {
  return row.entry?.deadline ? isoDate(row.entry.deadline) : '';
}

export function rowState(row: ReportRow, locale: Locale): string {
  const label = localize(STATE_LABEL[row.state], locale);
  const notes: string[] = [];
  if (row.unregistered) notes.push(localize({ zh: '未登记', en: 'not in register' }, locale));
  if (row.duplicate) notes.push(localize({ zh: '重复答复', en: 'duplicate' }, locale));
  return notes.length === 0 ? label : localize({ zh: `${label}（${notes.join('，')}）`, en: `${label} (${notes.join(', ')})` }, locale);
}

export function overdueText(row: ReportRow, locale: Locale): string {
  if (!row.overdue) return '';
  return localize({ zh: `逾期${row.daysOverdue}天`, en: `overdue ${row.daysOverdue} d` }, locale);
}

export const COLUMNS: readonly Column[] = [
  { id: 'number', header: { zh: '编号', en: 'Number' }, cell: (r) => ({ text: rowNumber(r), sort: numberSortKey(rowNumber(r)) }) },
  { id: 'title', header: { zh: '案由', en: 'Item title' }, cell: (r) => ({ text: rowTitle(r) }) },
  { id: 'kind', header: { zh: '类型', en: 'Kind' }, cell: (r, l) => ({ text: rowKind(r, l) }) },
  { id: 'category', header: { zh: '类别', en: 'Category' }, cell: (r, l) => ({ text: rowCategory(r, l) }) },
  {
    id: 'deadline', header: { zh: '办理期限', en: 'Deadline' },
    cell: (r) => ({ text: rowDeadline(r), sort: rowDeadline(r) || '9999' }),
  },
  ...REPORT_ELEMENTS.map((el): Column => ({
    id: `element-${el}`,
    header: elementHeader(el),
    cell: (r) => {
      if (!r.reply) return { text: '—' };
      if (!r.reply.elements[el] && !elementExpected(el, r.reply.kind)) return { text: '/', notApplicable: true };
      return { text: r.reply.elements[el] ? '✓' : '✗', present: r.reply.elements[el] };
    },
  })),
  { id: 'errors', header: { zh: '错误', en: 'Errors' }, numeric: true, cell: (r) => ({ text: r.reply ? String(r.reply.counts.error) : '—', sort: String(r.reply ? r.reply.counts.error : -1) }) },
  { id: 'warnings', header: { zh: '警告', en: 'Warnings' }, numeric: true, cell: (r) => ({ text: r.reply ? String(r.reply.counts.warning) : '—', sort: String(r.reply ? r.reply.counts.warning : -1) }) },
  { id: 'state', header: { zh: '状态', en: 'State' }, cell: (r, l) => ({ text: rowState(r, l), sort: String(ENTRY_STATES.indexOf(r.state)) }) },
  { id: 'file', header: { zh: '答复文件', en: 'Reply file' }, cell: (r) => ({ text: r.reply?.path ?? '' }) },
];
