/**
 * One zod schema per register field, the way the configuration validates one key at a time: a
 * cell that does not validate is reported and, unless the field is required, dropped alone.
 * Schemas take what a CSV cell or a JSON value holds and produce the entry's typed value; their
 * issue messages are keys into `CELL_MESSAGES`, which says in Chinese and English what is wrong.
 */
import { z } from 'zod';
import type { DateValue } from '../core/model';
import { proposalKey } from '../parse/header';
import type { Localized } from '../core/vocabulary';
import { foldWidth } from '../core/text';
import type { ItemKind, RegisterField } from './types';

/** Blanks as they come out of spreadsheets: spaces, U+3000, NBSP, zero-width space, BOM. */
const BLANKS = /[\s\u3000\u00a0\u200b\ufeff]+/g;

export function cleanCell(v: string): string {
  return v.replace(BLANKS, ' ').trim();
}

const NUMBER = /^[A-Za-z]{0,3}\d{1,10}[A-Za-z]?$/;

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

// ---------------------------------------------------------------- schemas

/** JSON registers may hold numbers and arrays; CSV cells are strings. Everything becomes a string or a list. */
const text = z.union([z.string(), z.number().transform(String)]).transform(cleanCell);
const list = z.union([z.array(z.union([z.string(), z.number().transform(String)])).transform((a) => a.join('、')), z.string(), z.number().transform(String)]);

/** Builds one schema per field; `categories` are the values the configuration allows. */
export function fieldSchemas(categories: readonly string[]) {
  return {
    number: text.transform((v, ctx) => {
      if (v === '') {
        ctx.addIssue({ code: 'custom', message: 'number-missing' });
        return z.NEVER;
      }
      if (/^\d(\.\d+)?e\+?\d+$/i.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'number-scientific' });
        return z.NEVER;
      }
      const n = normalizeNumber(v);
      if (!NUMBER.test(n)) {
        ctx.addIssue({ code: 'custom', message: 'number-format' });
        return z.NEVER;
      }
      return { number: n, key: proposalKey(n) };
    }),
    title: text.transform((v, ctx) => {
      const t = v.replace(/^[《“"]+|[》”"]+$/g, '').trim();
      if (t === '') ctx.addIssue({ code: 'custom', message: 'title-missing' });
      else if (t.length > 300) ctx.addIssue({ code: 'custom', message: 'title-long' });
      return t;
    }),
    proposers: list.transform((v) => splitNames(v).map(personName).filter((n) => n.length > 0)).pipe(z.array(z.string().max(60, 'name-long')).max(200, 'names-many')),
    seconders: list.transform((v) => splitNames(v).map(personName).filter((n) => n.length > 0)).pipe(z.array(z.string().max(60, 'name-long')).max(500, 'names-many')),
    kind: text.transform((v, ctx) => {
      if (v === '') return undefined;
      const k = kindOfWord(v);
      if (!k) ctx.addIssue({ code: 'custom', message: 'kind-unknown' });
      return k;
    }),
    session: text.pipe(z.string().max(100, 'session-long')),
    leadUnit: text.pipe(z.string().max(200, 'unit-long')),
    coUnits: list.transform((v) => splitNames(v)).pipe(z.array(z.string().max(100, 'unit-long')).max(100, 'names-many')),
    deadline: text.transform((v, ctx) => {
      const d = parseDateCell(v);
      if (d === 'invalid') {
        ctx.addIssue({ code: 'custom', message: 'deadline-invalid' });
        return z.NEVER;
      }
      return d;
    }),
    category: text.transform((v, ctx) => {
      if (v === '') return undefined;
      const c = normalizeCategory(v);
      if (!categories.includes(c)) {
        ctx.addIssue({ code: 'custom', message: 'category-unknown' });
        return z.NEVER;
      }
      return c;
    }),
  } satisfies Record<RegisterField, z.ZodType>;
}

export type FieldSchemas = ReturnType<typeof fieldSchemas>;

/** The fields without which a row is skipped. */
export const REQUIRED_FIELDS: ReadonlySet<RegisterField> = new Set(['number']);

/** What is wrong with a cell, by the key a schema reported; `value` is the cell as written. */
export function cellMessage(key: string, value: string, categories: readonly string[]): Localized {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  switch (key) {
    case 'number-missing': return { zh: '编号为空，此行已跳过。', en: 'the number is empty; the row is skipped.' };
    case 'number-scientific': return {
      zh: `编号“${shown}”被表格软件写成了科学计数法，已跳过此行；请把编号列设为“文本”格式后重新导出。`,
      en: `the number “${shown}” was written in scientific notation by the spreadsheet; the row is skipped. Format the column as text and export again.`,
    };
    case 'number-format': return {
      zh: `编号“${shown}”不是提案（建议）编号，已跳过此行；编号应为数字，可带字母前缀，如 0087、20250136、D022。`,
      en: `“${shown}” is not a proposal number; the row is skipped. A number is digits with an optional letter prefix, e.g. 0087, 20250136, D022.`,
    };
    case 'title-missing': return { zh: '案由（标题）为空，无法核对答复中引用的标题。', en: 'the title is empty; quoted titles cannot be checked.' };
    case 'title-long': return { zh: '案由（标题）超过 300 字，已忽略；请检查是否把正文粘贴进了标题列。', en: 'the title is longer than 300 characters and was ignored; was the text pasted into the title column?' };
    case 'kind-unknown': return {
      zh: `类型“${shown}”无法识别，已忽略；应为“提案”或“建议”。`,
      en: `the kind “${shown}” is not recognised and was ignored; use 提案 (proposal) or 建议 (suggestion).`,
    };
    case 'deadline-invalid': return {
      zh: `办理期限“${shown}”不是有效日期，已忽略；请写作 2025-06-30 或 2025年6月30日。`,
      en: `the deadline “${shown}” is not a valid date and was ignored; write 2025-06-30 or 2025年6月30日.`,
    };
    case 'category-unknown': return {
      zh: `答复类别“${shown}”不在允许范围（${categories.join('、')}）内，已忽略；允许的类别在配置项 categories 中设定。`,
      en: `the category “${shown}” is not one of ${categories.join(', ')} and was ignored; the categories option sets the allowed values.`,
    };
    case 'name-long': return { zh: `“${shown}”中有过长的姓名或单位名称，已忽略；多个姓名请用顿号分隔。`, en: `a name in “${shown}” is too long and was ignored; separate names with 、.` };
    case 'names-many': return { zh: '名单过长，已忽略。', en: 'the list is too long and was ignored.' };
    case 'session-long': return { zh: '届次超过 100 字，已忽略。', en: 'the session is longer than 100 characters and was ignored.' };
    case 'unit-long': return { zh: '单位名称过长，已忽略。', en: 'the unit name is too long and was ignored.' };
    default: return { zh: `“${shown}”不合法，已忽略。`, en: `“${shown}” is not valid and was ignored.` };
  }
}
