/**
 * The editor settings (`proposalReply.*` in VS Code) as a configuration layer. The settings share
 * the project file's zod schema per key; a setting left at its contributed default defers to the
 * project file, so that a workspace's `.proposal-reply.json` is not overridden by untouched settings.
 * The generator writes package.json's configuration contributions from these definitions.
 */
import type { Locale } from '../core/vocabulary';
import { closest, type ConfigIssue, type ConfigLayer } from './resolve';

/** The settings section: `proposalReply.kind`, `proposalReply.rules` … */
export const SETTINGS_SECTION = 'proposalReply';

/** Where issues in editor settings are said to come from. */
export const SETTINGS_SOURCE = 'VS Code settings (proposalReply.*)';

export const EDITOR_LOCALES = ['auto', 'zh-cn', 'en'] as const;
export const TRACE_LEVELS = ['off', 'messages', 'verbose'] as const;

/**
 * The contributed default of every setting. For the keys shared with the project file the default
 * means "not set here": `auto` kind, empty organisation, no categories, no rule overrides.
 */
export const SETTING_DEFAULTS = {
  kind: 'auto',
  organization: '',
  categories: [] as unknown[],
  rules: {} as Record<string, unknown>,
  locale: 'auto',
  'trace.server': 'off',
} as const;

/** The settings that are also project-file keys, in the order they are listed. */
export const SHARED_SETTING_KEYS = ['kind', 'organization', 'categories', 'rules'] as const;

function isDefault(key: (typeof SHARED_SETTING_KEYS)[number], value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (key) {
    case 'kind': return value === SETTING_DEFAULTS.kind;
    case 'organization': return typeof value === 'string' && value.trim() === '';
    case 'categories': return Array.isArray(value) && value.length === 0;
    case 'rules': return typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
  }
}

/**
 * The settings object of the `proposalReply` section as a layer over the project file. Keys at
 * their default are left out so the project file (or the built-in default) applies; `rules`
 * entries override the project file one rule at a time.
 */
export function settingsLayer(settings: unknown): ConfigLayer | undefined {
  if (typeof settings !== 'object' || settings === null) return undefined;
  const s = settings as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const key of SHARED_SETTING_KEYS) if (!isDefault(key, s[key])) data[key] = s[key];
  return Object.keys(data).length > 0 ? { source: SETTINGS_SOURCE, data } : undefined;
}

/**
 * What the shared layer does not cover in the `proposalReply` section: unknown settings (a
 * misspelt `proposalReply.organisation` would otherwise do nothing, silently) and a bad `locale`.
 */
export function settingsIssues(settings: unknown): ConfigIssue[] {
  if (typeof settings !== 'object' || settings === null) return [];
  const known = Object.keys(SETTING_DEFAULTS).map((k) => k.split('.')[0]!);
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
    if (!known.includes(key)) {
      const near = closest(key, known);
      const names = Object.keys(SETTING_DEFAULTS).map((k) => `${SETTINGS_SECTION}.${k}`);
      issues.push({
        source: SETTINGS_SOURCE, key,
        message: {
          zh: `未知的设置项，已忽略。${near ? `是否想写“${SETTINGS_SECTION}.${near}”？` : ''}可用的设置项：${names.join('、')}。`,
          en: `unknown setting, ignored.${near ? ` Did you mean "${SETTINGS_SECTION}.${near}"?` : ''} Known settings: ${names.join(', ')}.`,
        },
      });
    } else if (key === 'locale' && value !== undefined && value !== null && !(EDITOR_LOCALES as readonly unknown[]).includes(value)) {
      issues.push({
        source: SETTINGS_SOURCE, key,
        message: {
          zh: `值 ${JSON.stringify(value)} 不合法，已忽略，提示语言跟随 VS Code。允许的值：${EDITOR_LOCALES.join('、')}。`,
          en: `value ${JSON.stringify(value)} is not allowed and was ignored; messages follow VS Code's language. Allowed: ${EDITOR_LOCALES.join(', ')}.`,
        },
      });
    }
  }
  return issues;
}

/** The message language: the `locale` setting when set, otherwise the editor's display language (zh unless it says otherwise). */
export function messageLocale(settings: unknown, clientLocale: string | undefined): Locale {
  const setting = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>).locale : undefined;
  if (setting === 'zh-cn' || setting === 'en') return setting;
  return clientLocaleOf(clientLocale);
}

/** `initialize`'s `locale`: anything starting with zh is Chinese; another language is English; none is Chinese. */
export function clientLocaleOf(locale: string | undefined): Locale {
  if (!locale) return 'zh-cn';
  return /^zh/i.test(locale) ? 'zh-cn' : 'en';
}

/** What each contributed setting means, for package.json (through package.nls*.json). */
export const SETTING_TEXT = {
  title: { zh: '提案建议答复检查', en: 'Proposal Reply' },
  kind: {
    zh: '文种。auto 为自动识别；保持 auto 时使用项目配置文件（.proposal-reply.json）中的设置。',
    en: 'Document kind. auto detects it; left at auto, the project file (.proposal-reply.json) decides.',
  },
  kindAuto: { zh: '自动识别文种', en: 'Detect the kind from the text' },
  organization: {
    zh: '应署的发文机关全称（signature-organ 规则据此检查署名，补全署名时也使用它）。留空时使用项目配置文件中的设置。',
    en: 'The signing organisation (checked by signature-organ, offered when completing the signature). Empty: the project file decides.',
  },
  categories: {
    zh: '允许的答复类别，每项为类别值（如 "A"）或 `{"value": "A", "meaning": "…"}`。留空时使用项目配置文件中的设置，再缺省为 A、B、C。',
    en: 'Allowed reply categories, each a value (e.g. "A") or `{"value": "A", "meaning": "…"}`. Empty: the project file decides, then A, B, C.',
  },
  rules: {
    zh: '各规则的级别（error、warning、information、hint 或 off），按规则 id 逐条覆盖项目配置文件中的设置。',
    en: 'Severity per rule (error, warning, information, hint or off), overriding the project file rule by rule.',
  },
  locale: { zh: '编辑器中扩展显示的一切文字（诊断、视图、状态栏、通知、选择列表、办理情况报告）所用的语言，每个窗口一种。auto 跟随 VS Code 的显示语言（中文以外的语言显示英文）。', en: 'The language of everything the extension shows in the editor (diagnostics, views, status bar, notifications, pickers, the report), one per window. auto follows VS Code’s display language (English for languages other than Chinese).' },
  localeAuto: { zh: '跟随 VS Code 显示语言', en: 'Follow VS Code’s display language' },
  localeZh: { zh: '中文', en: 'Chinese' },
  localeEn: { zh: '英文', en: 'English' },
  trace: { zh: '记录编辑器与语言服务器之间的通信（排查问题时使用）。', en: 'Trace the communication between VS Code and the language server (for troubleshooting).' },
} as const;
