/**
 * Configuration: one zod schema per key, shared by the project file (`.proposal-reply.json`),
 * the editor settings (`proposalReply.*`) and the CLI. Each key is validated on its own, so one
 * bad value falls back to its default and the rest still applies.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/model';
import { REGISTER_FIELDS, type RegisterField } from '../register/types';
import type { Localized } from '../core/vocabulary';
import type { CategoryValue, RuleSettings } from '../rules/types';

export const PROJECT_FILE_NAME = '.proposal-reply.json';

export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export const KIND_SETTINGS = ['auto', ...DOCUMENT_KINDS] as const;
export const LOCALE_SETTINGS = ['zh-cn', 'en'] as const;

/** The whole configuration: what the rules read (RuleSettings) and the rest. */
export interface EffectiveConfig extends RuleSettings {
  readonly kind: 'auto' | DocumentKind;
  readonly locale?: (typeof LOCALE_SETTINGS)[number];
  /** Path of the proposal register (CSV or JSON), relative to the project file and inside its folder. */
  readonly register?: string;
  /** Header names of the register's columns, per field, when its headers are not recognised. */
  readonly registerColumns?: Partial<Readonly<Record<RegisterField, string | readonly string[]>>>;
  /** The worksheet of an .xlsx register (default: the first). */
  readonly registerSheet?: string;
  /** How `export` lays out the Word document: sealed or not, and the font names written. */
  readonly export?: ExportConfig;
}

export const EXPORT_FONT_KEYS = ['title', 'body', 'heading1', 'heading2', 'pageNumber'] as const;

export interface ExportConfig {
  readonly sealed?: boolean;
  readonly boldTitle?: boolean;
  readonly fonts?: Partial<Readonly<Record<(typeof EXPORT_FONT_KEYS)[number], string>>>;
}

/** The A/B/C categories in their most common wording; regions that differ configure their own. */
export const DEFAULT_CATEGORIES: readonly CategoryValue[] = [
  { value: 'A', meaning: '所提问题已经解决或基本解决，所提建议已被采纳' },
  { value: 'B', meaning: '所提问题正在解决或已列入计划逐步解决' },
  { value: 'C', meaning: '所提问题因条件限制或其他原因暂时不能解决，留作参考' },
];

export const DEFAULT_CONFIG: EffectiveConfig = { kind: 'auto', categories: DEFAULT_CATEGORIES, rules: {} };

const categoryEntry = z.union([
  z.string().trim().min(1).max(8),
  z.strictObject({ value: z.string().trim().min(1).max(8), meaning: z.string().max(200).optional() }),
]);

const fontName = z.string().trim().min(1).max(60);

const columnNames = z.union([z.string().trim().min(1).max(60), z.array(z.string().trim().min(1).max(60)).min(1).max(10)]);

/** The schema of each top-level key. `rules` entries are checked one by one against the registry. */
export const KEY_SCHEMAS = {
  $schema: z.string(),
  kind: z.enum(KIND_SETTINGS),
  organization: z.string().trim().max(100),
  categories: z.array(categoryEntry).min(1).max(26),
  rules: z.record(z.string(), z.enum(SEVERITY_SETTINGS)),
  locale: z.enum(LOCALE_SETTINGS),
  register: z.string().trim().min(1).max(400),
  registerColumns: z.strictObject(Object.fromEntries(REGISTER_FIELDS.map((f) => [f, columnNames.optional()])) as Record<RegisterField, z.ZodOptional<typeof columnNames>>),
  registerSheet: z.string().trim().min(1).max(31),
  export: z.strictObject({
    sealed: z.boolean().optional(),
    boldTitle: z.boolean().optional(),
    fonts: z.strictObject(Object.fromEntries(EXPORT_FONT_KEYS.map((k) => [k, fontName.optional()])) as Record<(typeof EXPORT_FONT_KEYS)[number], z.ZodOptional<typeof fontName>>).optional(),
  }),
} as const;

export type ConfigKey = keyof typeof KEY_SCHEMAS;

/** What a key accepts, in words, for messages. */
export const ALLOWED: Record<ConfigKey, Localized> = {
  $schema: { zh: '字符串（JSON 架构地址）', en: 'a string (the JSON schema URI)' },
  kind: { zh: KIND_SETTINGS.join('、'), en: KIND_SETTINGS.join(', ') },
  organization: { zh: '不超过 100 字的字符串（发文机关全称）', en: 'a string of at most 100 characters (the signing organisation)' },
  categories: {
    zh: '1 至 26 项的数组，每项为类别值字符串（如 "A"）或 {"value": "A", "meaning": "…"}',
    en: 'an array of 1 to 26 entries, each a category value string (e.g. "A") or {"value": "A", "meaning": "…"}',
  },
  rules: { zh: `以规则 id 为键、${SEVERITY_SETTINGS.join('/')} 为值的对象`, en: `an object mapping rule ids to ${SEVERITY_SETTINGS.join('/')}` },
  locale: { zh: LOCALE_SETTINGS.join('、'), en: LOCALE_SETTINGS.join(', ') },
  register: { zh: '登记表文件（CSV 或 JSON）的相对路径，须在项目文件所在文件夹之内', en: 'a relative path to the register file (CSV or JSON), inside the project file’s folder' },
  registerColumns: {
    zh: `以字段名（${REGISTER_FIELDS.join('、')}）为键、表头列名（或列名数组）为值的对象`,
    en: `an object mapping fields (${REGISTER_FIELDS.join(', ')}) to a header name or an array of header names`,
  },
  registerSheet: { zh: '.xlsx 登记表中工作表的名称（默认第一个工作表）', en: 'the worksheet name of an .xlsx register (default: the first sheet)' },
  export: {
    zh: `{"sealed": 布尔值（加盖印章，默认 true）, "boldTitle": 布尔值, "fonts": {${EXPORT_FONT_KEYS.join('、')} 的字体名}}`,
    en: `{"sealed": boolean (sealed document, default true), "boldTitle": boolean, "fonts": {font names for ${EXPORT_FONT_KEYS.join(', ')}}}`,
  },
};

/** The project file's whole schema, for the generated JSON schema. */
export const PROJECT_FILE_SCHEMA = z.strictObject({
  $schema: KEY_SCHEMAS.$schema.optional(),
  kind: KEY_SCHEMAS.kind.optional(),
  organization: KEY_SCHEMAS.organization.optional(),
  categories: KEY_SCHEMAS.categories.optional(),
  rules: KEY_SCHEMAS.rules.optional(),
  locale: KEY_SCHEMAS.locale.optional(),
  register: KEY_SCHEMAS.register.optional(),
  registerColumns: KEY_SCHEMAS.registerColumns.optional(),
  registerSheet: KEY_SCHEMAS.registerSheet.optional(),
  export: KEY_SCHEMAS.export.optional(),
});

export function normalizeCategories(entries: ReadonlyArray<z.infer<typeof categoryEntry>>): CategoryValue[] {
  return entries.map((e) => (typeof e === 'string' ? { value: e.toUpperCase() } : { value: e.value.toUpperCase(), ...(e.meaning ? { meaning: e.meaning } : {}) }));
}
