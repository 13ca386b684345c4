/**
 * One zod schema per register field, the way the configuration validates one key at a time: a
 * cell that does not validate is reported and, unless the field is required, dropped alone.
 * Schemas take what a CSV cell or a JSON value holds and produce the entry's typed value (with the
 * readers of `cells.ts`); their issue messages are keys that `cellMessage` says in Chinese and
 * English.
 */
import type { ZodType } from 'zod';
import { proposalKey } from '../parse/header';
import type { Localized } from '../core/vocabulary';
import { cleanCell, kindOfWord, normalizeCategory, normalizeNumber, parseDateCell, personName, splitNames } from './cells';
import type { RegisterField } from './types';

const NUMBER = /^[A-Za-z]{0,3}\d{1,10}[A-Za-z]?$/;

// ---------------------------------------------------------------- schemas

/**
 * Builds one schema per field; `categories` are the values the configuration allows. zod loads with
 * the first register read (config/schema.ts does the same for settings): the language server starts
 * ~50 ms sooner without it (issue 20).
 */
export function fieldSchemas(categories: readonly string[]) {
  const { z } = require('zod') as typeof import('zod');
  // JSON registers may hold numbers and arrays; CSV cells are strings. Everything becomes a string or a list.
  const text = z.union([z.string(), z.number().transform(String)]).transform(cleanCell);
  const list = z.union([z.array(z.union([z.string(), z.number().transform(String)])).transform((a) => a.join('、')), z.string(), z.number().transform(String)]);
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
  } satisfies Record<RegisterField, ZodType>;
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
