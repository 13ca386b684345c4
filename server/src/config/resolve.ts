/**
 * Merges configuration layers (defaults ← project file ← editor settings ← command line) into the
 * effective configuration. Every bad value yields one clear issue naming the source, the key and
 * what is allowed, and falls back alone; the rest of the layer still applies.
 */
import { ruleById, RULES } from '../rules';
import type { CategoryValue } from '../rules/types';
import { type Localized, localize, type SeverityOrOff } from '../core/vocabulary';
import {
  CONFIG_KEYS, type ConfigKey, DEFAULT_CONFIG, type EffectiveConfig, normalizeCategories, projectSetting, schemaOf, SETTINGS, SEVERITY_SETTINGS,
} from './schema';

export interface ConfigLayer {
  /** Where the values come from, as shown in messages: a file path, or `settings`. */
  readonly source: string;
  readonly data: unknown;
}

export interface ConfigIssue {
  readonly source: string;
  /** Dotted key path, e.g. `rules.date-format`; empty for the whole file. */
  readonly key: string;
  readonly message: Localized;
  /** Where in the file's text, when the issue is not about a key (a JSON syntax error). */
  readonly at?: { readonly offset: number; readonly length: number };
}

export interface ResolvedConfig {
  readonly config: EffectiveConfig;
  readonly issues: ConfigIssue[];
}

export function resolveConfig(layers: readonly ConfigLayer[]): ResolvedConfig {
  const issues: ConfigIssue[] = [];
  let kind = DEFAULT_CONFIG.kind;
  let organization: string | undefined;
  let categories: readonly CategoryValue[] = DEFAULT_CONFIG.categories;
  let locale: EffectiveConfig['locale'];
  let register: string | undefined;
  let registerColumns: EffectiveConfig['registerColumns'];
  let registerSheet: string | undefined;
  let exportConfig: EffectiveConfig['export'];
  const rules: Record<string, SeverityOrOff> = {};

  for (const layer of layers) {
    const { source, data } = layer;
    if (data === undefined || data === null) continue;
    if (typeof data !== 'object' || Array.isArray(data)) {
      issues.push({
        source, key: '',
        message: { zh: '配置应为 JSON 对象，已忽略此文件，使用默认配置。', en: 'the configuration must be a JSON object; the file is ignored and defaults apply.' },
      });
      continue;
    }
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      // own keys only: `constructor` or `toString` are not configuration keys
      const setting = projectSetting(key);
      if (!setting) {
        const known = CONFIG_KEYS.filter((k) => k !== '$schema');
        const near = closest(key, known);
        issues.push({
          source, key,
          message: {
            zh: `未知的配置项，已忽略。${near ? `是否想写“${near}”？` : ''}可用的配置项：${known.join('、')}。`,
            en: `unknown key, ignored.${near ? ` Did you mean "${near}"?` : ''} Known keys: ${known.join(', ')}.`,
          },
        });
        continue;
      }
      if (key === 'rules') {
        resolveRules(source, value, rules, issues);
        continue;
      }
      const parsed = schemaOf(setting).safeParse(value);
      if (!parsed.success) {
        issues.push({
          source, key,
          message: {
            zh: `值 ${show(value)} 不合法，已忽略，沿用${fallbackZh(key)}。允许的值：${setting.allowed.zh}。`,
            en: `value ${show(value)} is not allowed and was ignored; ${fallbackEn(key)} applies. Allowed: ${setting.allowed.en}.`,
          },
        });
        continue;
      }
      const v = parsed.data;
      switch (key as ConfigKey) {
        case 'kind': kind = v as EffectiveConfig['kind']; break;
        case 'organization': organization = (v as string) || undefined; break;
        case 'categories': categories = normalizeCategories(v as Parameters<typeof normalizeCategories>[0]); break;
        case 'locale': locale = v as EffectiveConfig['locale']; break;
        case 'register': register = v as string; break;
        case 'registerColumns': registerColumns = v as EffectiveConfig['registerColumns']; break;
        case 'registerSheet': registerSheet = v as string; break;
        case 'export': exportConfig = v as EffectiveConfig['export']; break;
        case '$schema': case 'rules': break;
      }
    }
  }
  const config: EffectiveConfig = {
    kind,
    ...(organization ? { organization } : {}),
    categories,
    rules,
    ...(locale ? { locale } : {}),
    ...(register ? { register } : {}),
    ...(registerColumns ? { registerColumns } : {}),
    ...(registerSheet ? { registerSheet } : {}),
    ...(exportConfig ? { export: exportConfig } : {}),
  };
  return { config, issues };
}

function resolveRules(source: string, value: unknown, rules: Record<string, SeverityOrOff>, issues: ConfigIssue[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({
      source, key: 'rules',
      message: { zh: `应为对象，已忽略。允许的值：${SETTINGS.rules.project.allowed.zh}。`, en: `must be an object; ignored. Allowed: ${SETTINGS.rules.project.allowed.en}.` },
    });
    return;
  }
  for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
    const rule = ruleById(id);
    if (!rule) {
      const near = closest(id, RULES.map((r) => r.id));
      issues.push({
        source, key: `rules.${id}`,
        message: {
          zh: `未知的规则 id，已忽略。${near ? `是否想写“${near}”？` : ''}规则列表见 docs/rules.md。`,
          en: `unknown rule id, ignored.${near ? ` Did you mean "${near}"?` : ''} See docs/rules.md for the rules.`,
        },
      });
      continue;
    }
    if (typeof sev !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
      issues.push({
        source, key: `rules.${id}`,
        message: {
          zh: `严重程度 ${show(sev)} 不合法，已忽略，沿用默认值 ${rule.defaultSeverity}。允许的值：${SEVERITY_SETTINGS.join('、')}。`,
          en: `severity ${show(sev)} is not allowed and was ignored; the default ${rule.defaultSeverity} applies. Allowed: ${SEVERITY_SETTINGS.join(', ')}.`,
        },
      });
      continue;
    }
    rules[id] = sev as SeverityOrOff;
  }
}

function fallbackZh(key: string): string {
  return key === 'kind' ? '自动识别（auto）' : key === 'categories' ? '默认类别 A、B、C' : '默认值';
}

function fallbackEn(key: string): string {
  return key === 'kind' ? 'automatic detection (auto)' : key === 'categories' ? 'the default categories A, B, C' : 'the default';
}

function show(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** The known name nearest to a misspelt one, if it is near enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** `file: key: message`, the one-line form used on stderr and in the editor's output channel. */
export function formatConfigIssue(issue: ConfigIssue, locale: 'zh-cn' | 'en'): string {
  const msg = localize(issue.message, locale);
  return issue.key ? `${issue.source}: ${issue.key}: ${msg}` : `${issue.source}: ${msg}`;
}
