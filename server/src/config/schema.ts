/**
 * Configuration: one zod schema per key, shared by the project file (`.proposal-reply.json`),
 * the editor settings (`proposalReply.*`) and the CLI. Each key is validated on its own, so one
 * bad value falls back to its default and the rest still applies.
 *
 * The schemas are written as functions of zod and built when a value is first validated
 * (`schemaOf`): a check with no project file never loads zod, which was ~85 ms of the CLI's
 * ~250 ms start-up (issue 20, docs/performance.md).
 */
import type { z as ZodApi, ZodType } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/model';
import { REGISTER_FIELDS, type RegisterField } from '../register/types';
import { KIND_NAME } from '../core/labels';
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

type Zod = typeof ZodApi;

/** A category as the configuration writes it: `"A"`, or `{ "value": "A", "meaning": "…" }`. */
type CategoryEntry = string | { value: string; meaning?: string };

const categoryEntry = (z: Zod) => z.union([
  z.string().trim().min(1).max(8),
  z.strictObject({ value: z.string().trim().min(1).max(8), meaning: z.string().max(200).optional() }),
]);

const fontName = (z: Zod) => z.string().trim().min(1).max(60).optional();

const columnNames = (z: Zod) => z.union([z.string().trim().min(1).max(60), z.array(z.string().trim().min(1).max(60)).min(1).max(10)]).optional();

/** A setting in the project file (and the CLI): its schema, and what it accepts in words for messages. */
export interface ProjectSetting {
  /** Its schema, given zod (built by `schemaOf`). */
  readonly schema: (z: Zod) => ZodType;
  /** What the key means (the project file's JSON schema shows it). */
  readonly about: Localized;
  readonly allowed: Localized;
}

/** A setting VS Code shows as `proposalReply.<key>`: what its contributed default, scope and text are. */
export interface EditorSetting {
  /**
   * The contributed default. For a key the project file has too, it means "not set here": a setting
   * at its default defers to the project file (config/settings.ts).
   */
  readonly default: unknown;
  readonly scope: 'resource' | 'window';
  readonly text: Localized;
  /** Values of its own, when they differ from the project file's (`locale` has `auto`). */
  readonly values?: readonly string[];
  /** Text for each value, where the editor's list shows one. */
  readonly valueText?: Readonly<Record<string, Localized>>;
}

export interface SettingSpec {
  readonly project?: ProjectSetting;
  readonly editor?: EditorSetting;
}

export const EDITOR_LOCALES = ['auto', ...LOCALE_SETTINGS] as const;

/**
 * Every setting, one table: how the project file (`.proposal-reply.json`) and the CLI take it, and
 * how VS Code's settings show it. The resolver's checks and messages, the project file's JSON
 * schema and package.json's settings (scripts/generate.ts) derive from it. `rules` entries are
 * checked one by one against the registry (config/resolve.ts).
 */
export const SETTINGS = {
  $schema: { project: { schema: (z) => z.string(), about: { zh: 'JSON 架构地址。', en: 'The JSON schema URI.' }, allowed: { zh: '字符串（JSON 架构地址）', en: 'a string (the JSON schema URI)' } } },
  kind: {
    project: { schema: (z) => z.enum(KIND_SETTINGS), about: { zh: '文种；auto 为自动识别。', en: 'Document kind; auto detects it.' }, allowed: { zh: KIND_SETTINGS.join('、'), en: KIND_SETTINGS.join(', ') } },
    editor: {
      default: 'auto', scope: 'resource',
      text: { zh: '文种。auto 为自动识别；保持 auto 时使用项目配置文件（.proposal-reply.json）中的设置。', en: 'Document kind. auto detects it; left at auto, the project file (.proposal-reply.json) decides.' },
      valueText: { auto: { zh: '自动识别文种', en: 'Detect the kind from the text' }, ...KIND_NAME },
    },
  },
  organization: {
    project: { schema: (z) => z.string().trim().max(100), about: { zh: '应署的发文机关全称。', en: 'The expected signing organisation.' }, allowed: { zh: '不超过 100 字的字符串（发文机关全称）', en: 'a string of at most 100 characters (the signing organisation)' } },
    editor: {
      default: '', scope: 'resource',
      text: { zh: '应署的发文机关全称（signature-organ 规则据此检查署名，补全署名时也使用它）。留空时使用项目配置文件中的设置。', en: 'The signing organisation (checked by signature-organ, offered when completing the signature). Empty: the project file decides.' },
    },
  },
  categories: {
    project: {
      schema: (z) => z.array(categoryEntry(z)).min(1).max(26),
      about: { zh: '允许的答复类别（默认 A、B、C）。', en: 'Allowed reply categories (default A, B, C).' },
      allowed: { zh: '1 至 26 项的数组，每项为类别值字符串（如 "A"）或 {"value": "A", "meaning": "…"}', en: 'an array of 1 to 26 entries, each a category value string (e.g. "A") or {"value": "A", "meaning": "…"}' },
    },
    editor: {
      default: [], scope: 'resource',
      text: { zh: '允许的答复类别，每项为类别值（如 "A"）或 `{"value": "A", "meaning": "…"}`。留空时使用项目配置文件中的设置，再缺省为 A、B、C。', en: 'Allowed reply categories, each a value (e.g. "A") or `{"value": "A", "meaning": "…"}`. Empty: the project file decides, then A, B, C.' },
    },
  },
  rules: {
    project: { schema: (z) => z.record(z.string(), z.enum(SEVERITY_SETTINGS)), about: { zh: '各规则的级别或 off。', en: 'Severity or off per rule.' }, allowed: { zh: `以规则 id 为键、${SEVERITY_SETTINGS.join('/')} 为值的对象`, en: `an object mapping rule ids to ${SEVERITY_SETTINGS.join('/')}` } },
    editor: {
      default: {}, scope: 'resource',
      text: { zh: '各规则的级别（error、warning、information、hint 或 off），按规则 id 逐条覆盖项目配置文件中的设置。', en: 'Severity per rule (error, warning, information, hint or off), overriding the project file rule by rule.' },
    },
  },
  locale: {
    project: { schema: (z) => z.enum(LOCALE_SETTINGS), about: { zh: '命令行提示语言。', en: 'Message language of the CLI.' }, allowed: { zh: LOCALE_SETTINGS.join('、'), en: LOCALE_SETTINGS.join(', ') } },
    editor: {
      default: 'auto', scope: 'window', values: EDITOR_LOCALES,
      text: { zh: '编辑器中扩展显示的一切文字（诊断、视图、状态栏、通知、选择列表、办理情况报告）所用的语言，每个窗口一种。auto 跟随 VS Code 的显示语言（中文以外的语言显示英文）。', en: 'The language of everything the extension shows in the editor (diagnostics, views, status bar, notifications, pickers, the report), one per window. auto follows VS Code’s display language (English for languages other than Chinese).' },
      valueText: { auto: { zh: '跟随 VS Code 显示语言', en: 'Follow VS Code’s display language' }, 'zh-cn': { zh: '中文', en: 'Chinese' }, en: { zh: '英文', en: 'English' } },
    },
  },
  register: { project: { schema: (z) => z.string().trim().min(1).max(400), about: { zh: '提案（建议）登记表文件（CSV、JSON 或 .xlsx），相对本文件，须在本文件所在文件夹之内。', en: 'The proposal register (CSV, JSON or .xlsx), relative to this file and inside its folder.' }, allowed: { zh: '登记表文件（CSV、JSON 或 .xlsx）的相对路径，须在项目文件所在文件夹之内', en: 'a relative path to the register file (CSV, JSON or .xlsx), inside the project file’s folder' } } },
  registerColumns: {
    project: {
      schema: (z) => z.strictObject(Object.fromEntries(REGISTER_FIELDS.map((f) => [f, columnNames(z)])) as Record<RegisterField, ReturnType<typeof columnNames>>),
      about: { zh: '登记表各字段对应的表头列名（表头无法自动识别时使用）。', en: 'Header names per register field, when the headers are not recognised.' },
      allowed: { zh: `以字段名（${REGISTER_FIELDS.join('、')}）为键、表头列名（或列名数组）为值的对象`, en: `an object mapping fields (${REGISTER_FIELDS.join(', ')}) to a header name or an array of header names` },
    },
  },
  registerSheet: { project: { schema: (z) => z.string().trim().min(1).max(31), about: { zh: '.xlsx 登记表的工作表名称（默认第一个工作表）。', en: 'The worksheet of an .xlsx register (default: the first).' }, allowed: { zh: '.xlsx 登记表中工作表的名称（默认第一个工作表）', en: 'the worksheet name of an .xlsx register (default: the first sheet)' } } },
  export: {
    project: {
      schema: (z) => z.strictObject({
        sealed: z.boolean().optional(),
        boldTitle: z.boolean().optional(),
        fonts: z.strictObject(Object.fromEntries(EXPORT_FONT_KEYS.map((k) => [k, fontName(z)])) as Record<(typeof EXPORT_FONT_KEYS)[number], ReturnType<typeof fontName>>).optional(),
      }),
      about: { zh: '导出 Word（公文格式）：sealed 加盖印章（默认 true），boldTitle 标题加粗，fonts 写入文件的字体名。', en: 'Word export: sealed document, bold title, font names written.' },
      allowed: {
        zh: `{"sealed": 布尔值（加盖印章，默认 true）, "boldTitle": 布尔值, "fonts": {${EXPORT_FONT_KEYS.join('、')} 的字体名}}`,
        en: `{"sealed": boolean (sealed document, default true), "boldTitle": boolean, "fonts": {font names for ${EXPORT_FONT_KEYS.join(', ')}}}`,
      },
    },
  },
  'trace.server': {
    editor: {
      default: 'off', scope: 'window', values: ['off', 'messages', 'verbose'],
      text: { zh: '记录编辑器与语言服务器之间的通信（排查问题时使用）。', en: 'Trace the communication between VS Code and the language server (for troubleshooting).' },
    },
  },
} as const satisfies Record<string, SettingSpec>;

/** The keys of the project file. */
export type ConfigKey = { [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K] extends { project: ProjectSetting } ? K : never }[keyof typeof SETTINGS];

export const CONFIG_KEYS = (Object.keys(SETTINGS) as Array<keyof typeof SETTINGS>).filter((k): k is ConfigKey => 'project' in SETTINGS[k]);

/** The project file's setting of a key (own keys only: `constructor` is no key). */
export function projectSetting(key: string): ProjectSetting | undefined {
  return Object.hasOwn(SETTINGS, key) ? (SETTINGS[key as keyof typeof SETTINGS] as SettingSpec).project : undefined;
}

let zod: Zod | undefined;
const built = new Map<ProjectSetting, ZodType>();

/** A setting's schema, built on first use (zod is loaded then). */
export function schemaOf(setting: ProjectSetting): ZodType {
  let schema = built.get(setting);
  if (!schema) {
    zod ??= (require('zod') as typeof import('zod')).z;
    schema = setting.schema(zod);
    built.set(setting, schema);
  }
  return schema;
}

export function normalizeCategories(entries: readonly CategoryEntry[]): CategoryValue[] {
  return entries.map((e) => (typeof e === 'string' ? { value: e.toUpperCase() } : { value: e.value.toUpperCase(), ...(e.meaning ? { meaning: e.meaning } : {}) }));
}
