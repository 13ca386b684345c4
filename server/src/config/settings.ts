/**
 * The editor settings (`proposalReply.*` in VS Code) as a configuration layer. The settings share
 * the project file's zod schema per key; a setting left at its contributed default defers to the
 * project file, so that a workspace's `.proposal-reply.json` is not overridden by untouched settings.
 * The generator writes package.json's configuration contributions from these definitions.
 */
import type { Locale } from '../rules/types';
import type { ConfigLayer } from './resolve';

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
