/**
 * Which column holds which field. Registers come from many offices, each with its own headers
 * (编号, 提案编号, 案号; 案由, 标题; 提案人, 领衔代表 …), written with stray spaces, full-width
 * letters, notes in brackets (办理期限（截止）) or a `*` for required. Headers are normalised, then
 * matched against the configured names first, the known aliases next, and key words last.
 */
import { foldWidth } from '../core/text';
import { REGISTER_FIELDS, type RegisterField } from './types';

/** Configured header names per field (`registerColumns` in the project file). */
export type ColumnMapping = Partial<Readonly<Record<RegisterField, string | readonly string[]>>>;

/** Known header names per field, normalised. English names serve hand-made JSON registers. */
export const HEADER_ALIASES: Readonly<Record<RegisterField, readonly string[]>> = {
  number: ['编号', '提案编号', '建议编号', '案号', '提案号', '建议号', '提案案号', '建议案号', '登记号', '立案号', '文号', 'number', 'no', 'id'],
  title: ['案由', '标题', '提案标题', '建议标题', '题目', '提案题目', '建议题目', '名称', '提案名称', '建议名称', '提案案由', '建议案由', 'title'],
  proposers: ['提案人', '提出人', '领衔人', '领衔代表', '领衔委员', '提案者', '代表', '委员', '代表姓名', '委员姓名', '第一提案人', '提案单位', '提出者', 'proposer', 'proposers'],
  seconders: ['附议人', '联名人', '联名代表', '附议代表', '附议委员', '联名委员', '联名提出人', 'seconder', 'seconders'],
  kind: ['类型', '提案建议', '案别', '种类', '来源', '文种', 'kind', 'type'],
  session: ['届次', '会议', '届次会议', '会次', 'session'],
  leadUnit: ['主办单位', '主办', '承办单位', '牵头单位', '主办部门', '承办部门', '主办单位名称', 'lead', 'leadunit'],
  coUnits: ['协办单位', '协办', '会办单位', '协办部门', '会办', '协办单位名称', 'counits', 'cohandling'],
  deadline: ['办理期限', '期限', '答复期限', '办结期限', '截止日期', '办复期限', '截止时间', '办理时限', '答复时限', 'deadline', 'due'],
  category: ['答复类别', '办复类别', '类别', '答复类型', '办理结果类别', '办理类别', 'category'],
};

/** Key words, tried in this order when no alias matches: a header like 主办单位（牵头） still maps. */
const KEYWORDS: ReadonlyArray<readonly [RegisterField, RegExp]> = [
  ['coUnits', /协办|会办/],
  ['leadUnit', /主办|承办|牵头/],
  ['deadline', /期限|截止|时限/],
  ['category', /答复类|办复类|类别/],
  ['seconders', /附议|联名/],
  ['proposers', /提案人|领衔|提出人|代表姓名|委员姓名/],
  ['number', /(?<!序)(编号|案号|号码)$/],
  ['title', /案由|标题|题目/],
  ['session', /届次/],
  ['kind', /类型|案别/],
];

/** The comparable form of a header: full-width folded, blanks, `*` and bracketed notes removed. */
export function normalizeHeader(header: string): string {
  return foldWidth(header)
    .replace(/^\ufeff/, '')
    .replace(/[(（\[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s\u00a0*:：_\-]/g, '')
    .toLowerCase();
}

export interface HeaderMatch {
  /** Column index per field found. */
  readonly fields: Partial<Record<RegisterField, number>>;
  /** Indices of columns with a header that names no field. */
  readonly unknown: readonly number[];
}

/** Maps header cells to fields: configured names, then aliases, then key words; each column feeds one field. */
export function matchHeaders(headers: readonly string[], configured: ColumnMapping = {}): HeaderMatch {
  const norm = headers.map(normalizeHeader);
  const fields: Partial<Record<RegisterField, number>> = {};
  const used = new Set<number>();
  const take = (field: RegisterField, index: number): void => {
    if (fields[field] === undefined && !used.has(index)) {
      fields[field] = index;
      used.add(index);
    }
  };
  for (const field of REGISTER_FIELDS) {
    const names = configured[field];
    if (names === undefined) continue;
    for (const name of typeof names === 'string' ? [names] : names) {
      const i = norm.indexOf(normalizeHeader(name));
      if (i >= 0) take(field, i);
    }
  }
  for (const field of REGISTER_FIELDS) {
    if (fields[field] !== undefined || configured[field] !== undefined) continue;
    const i = norm.findIndex((h, j) => !used.has(j) && HEADER_ALIASES[field].includes(h));
    if (i >= 0) take(field, i);
  }
  for (const [field, re] of KEYWORDS) {
    if (fields[field] !== undefined || configured[field] !== undefined) continue;
    const i = norm.findIndex((h, j) => !used.has(j) && h.length > 0 && re.test(h));
    if (i >= 0) take(field, i);
  }
  const unknown = norm.map((h, i) => (h.length > 0 && !used.has(i) ? i : -1)).filter((i) => i >= 0);
  return { fields, unknown };
}

/** Display names of the fields, for messages and the report. */
export const FIELD_LABEL: Readonly<Record<RegisterField, { zh: string; en: string }>> = {
  number: { zh: '编号', en: 'number' },
  title: { zh: '案由（标题）', en: 'title' },
  proposers: { zh: '提案人（领衔代表）', en: 'proposers' },
  seconders: { zh: '附议人', en: 'seconders' },
  kind: { zh: '类型', en: 'kind' },
  session: { zh: '届次', en: 'session' },
  leadUnit: { zh: '主办单位', en: 'lead unit' },
  coUnits: { zh: '协办单位', en: 'co-handling units' },
  deadline: { zh: '办理期限', en: 'deadline' },
  category: { zh: '答复类别', en: 'category' },
};
