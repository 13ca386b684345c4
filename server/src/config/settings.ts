/**
 * The editor settings (`proposalReply.*` in VS Code) as a configuration layer. The settings share
 * the project file's zod schema per key; a setting left at its contributed default defers to the
 * project file, so that a workspace's `.proposal-reply.json` is not overridden by untouched settings.
 * The generator writes package.json's configuration contributions from these definitions.
 */
import type { Locale } from '../core/vocabulary';
import { closest, type ConfigIssue, type ConfigLayer } from './resolve';
import { EDITOR_LOCALES, type EditorSetting, SETTINGS, type SettingSpec } from './schema';

/** The settings section: `proposalReply.kind`, `proposalReply.rules` … */
export const SETTINGS_SECTION = 'proposalReply';

/** Where issues in editor settings are said to come from. */
export const SETTINGS_SOURCE = 'VS Code settings (proposalReply.*)';

/** The settings VS Code shows, with their contributed defaults (config/schema.ts SETTINGS). */
export const EDITOR_SETTINGS: ReadonlyArray<{ readonly key: string; readonly editor: EditorSetting; readonly shared: boolean }> = Object.entries(SETTINGS as Record<string, SettingSpec>)
  .flatMap(([key, spec]) => (spec.editor ? [{ key, editor: spec.editor, shared: spec.project !== undefined && key !== 'locale' }] : []));

/**
 * The settings that are also project-file keys and lie over the project file as a layer. (`locale`
 * is both too, but in the editor it picks the window's language, which `auto` leaves to VS Code.)
 */
export const SHARED_SETTING_KEYS = EDITOR_SETTINGS.filter((s) => s.shared).map((s) => s.key);

/** A shared setting at its contributed default (or blank) says nothing: the project file decides. */
function isDefault(key: string, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  const d = EDITOR_SETTINGS.find((s) => s.key === key)!.editor.default;
  if (typeof value === 'string') return value.trim() === d;
  if (Array.isArray(value)) return Array.isArray(d) && value.length === 0;
  return typeof value === 'object' && typeof d === 'object' && !Array.isArray(d) && Object.keys(value).length === 0;
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
  const known = EDITOR_SETTINGS.map((s) => s.key.split('.')[0]!);
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
    if (!known.includes(key)) {
      const near = closest(key, known);
      const names = EDITOR_SETTINGS.map((s) => `${SETTINGS_SECTION}.${s.key}`);
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
