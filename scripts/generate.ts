/**
 * Writes the files derived from the rule registry and the configuration schema:
 * - docs/rules/<id>.md, one page per rule;
 * - docs/rules.md, the index table;
 * - schemas/proposal-reply.schema.json, the JSON schema of the project file;
 * - package.json's `contributes.configuration` (the `proposalReply.*` settings) and their
 *   descriptions in package.nls.json (English) and package.nls.zh-cn.json (Chinese).
 * `npm run generate` writes them; the test suite fails when the committed files drift.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { CONFIG_KEYS, PROJECT_FILE_NAME, projectSetting, schemaOf, SEVERITY_SETTINGS } from '../server/src/config/schema';
import { EDITOR_SETTINGS, SETTINGS_SECTION } from '../server/src/config/settings';
import { KIND_NAME } from '../server/src/core/labels';
import { RULES } from '../server/src/rules';
import { MISSING_RULES } from '../server/src/core/elements';
import { NOT_STARTED_NOTE } from '../server/src/rules/engine';
import type { Rule } from '../server/src/rules/types';

const ROOT = path.resolve(__dirname, '..', '..');

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示', off: '关闭' };

function sourceLine(s: Rule['sources'][number]): string {
  return `- **${s.kind}${s.clause ? ` ${s.clause}` : ''}** — ${s.note.zh}  \n  ${s.note.en}`;
}

export function rulePage(r: Rule): string {
  const kinds = r.appliesTo ? r.appliesTo.map((k) => `${KIND_NAME[k].zh}（${k}）`).join('、') : '全部文种（all kinds）';
  const lines = [
    `# ${r.id}`,
    '',
    `**${r.title.zh}** · ${r.title.en}`,
    '',
    `| 默认级别 default | 适用文种 applies to |`,
    `|---|---|`,
    `| ${SEVERITY_ZH[r.defaultSeverity]}（${r.defaultSeverity}） | ${kinds} |`,
    '',
    '## 说明',
    '',
    r.description.zh,
    '',
    '## Description',
    '',
    r.description.en,
    '',
    '## 依据 Norm source',
    '',
    ...r.sources.map(sourceLine),
    '',
  ];
  if (MISSING_RULES.has(r.id)) {
    lines.push('## 尚未动笔的文档 A document not started', '', NOT_STARTED_NOTE.zh, '', NOT_STARTED_NOTE.en, '');
  }
  if (r.example) {
    lines.push('## 示例 Example', '', '不规范 (flagged):', '', '```text', r.example.bad, '```', '', '规范 (correct):', '', '```text', r.example.good || '（删除）', '```', '');
  }
  lines.push(
    '## 配置 Configuration',
    '',
    `在 \`${PROJECT_FILE_NAME}\` 或 VS Code 设置 \`proposalReply.rules\` 中调整级别（${SEVERITY_SETTINGS.join(' / ')}）：`,
    '',
    '```json',
    JSON.stringify({ rules: { [r.id]: r.defaultSeverity === 'off' ? 'warning' : 'off' } }, null, 2),
    '```',
    '',
  );
  return lines.join('\n');
}

export function rulesIndex(): string {
  const rows = (RULES as readonly Rule[]).map((r) => {
    const src = r.sources.map((s) => `${s.kind}${s.clause ? ` ${s.clause}` : ''}`).join('; ');
    return `| [\`${r.id}\`](rules/${r.id}.md) | ${r.title.zh} · ${r.title.en} | ${r.defaultSeverity} | ${src} |`;
  });
  return [
    '# 规则 Rules',
    '',
    '由 `npm run generate` 从规则注册表生成，请勿手改。Generated from the rule registry by `npm run generate`; do not edit.',
    '',
    '| id | 检查内容 what it checks | 默认级别 default | 依据 source |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** A zod schema as JSON schema (draft-07), without its `$schema`. */
function json(s: z.ZodType): Record<string, unknown> {
  const j = z.toJSONSchema(s, { target: 'draft-07' }) as Record<string, unknown>;
  delete j.$schema;
  return j;
}

/** The severity of each rule, as the project file's `rules` and the `proposalReply.rules` setting take it. */
function ruleProperties(describe: (r: Rule) => Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries((RULES as readonly Rule[]).map((r) => [r.id, { enum: [...SEVERITY_SETTINGS], ...describe(r) }]));
}

export function projectFileSchema(): string {
  const properties: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const setting = projectSetting(key)!;
    const { about } = setting;
    const description = `${about.zh}${about.en}`;
    properties[key] = key === '$schema' ? { type: 'string' }
      : key === 'rules' ? {
        type: 'object', description, additionalProperties: false,
        properties: ruleProperties((r) => ({ description: `${r.title.zh} · ${r.title.en}（默认 default: ${r.defaultSeverity}）`, markdownDescription: `${r.title.zh} · ${r.title.en}\n\n默认 default: \`${r.defaultSeverity}\`` })),
      }
      : { ...json(schemaOf(setting)), description };
  }
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '提案建议答复检查项目配置 · proposal-reply project configuration',
    description: `${PROJECT_FILE_NAME}: 命令行与编辑器共用的项目配置。Shared by the CLI and the editor.`,
    type: 'object',
    additionalProperties: false,
    properties,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

type Nls = Record<string, { zh: string; en: string }>;

/** The `%key%` texts of the generated settings; every generated key starts with `config.`. */
export function settingsNls(): Nls {
  const nls: Nls = { 'config.title': { zh: '提案建议答复检查', en: 'Proposal Reply' } };
  for (const { key, editor } of EDITOR_SETTINGS) {
    nls[`config.${key}`] = editor.text;
    for (const [value, text] of Object.entries(editor.valueText ?? {})) nls[`config.${key}.${value}`] = text;
  }
  for (const r of RULES as readonly Rule[]) {
    nls[`config.rule.${r.id}`] = {
      zh: `${r.title.zh}（默认：${SEVERITY_ZH[r.defaultSeverity]} ${r.defaultSeverity}）`,
      en: `${r.title.en} (default: ${r.defaultSeverity})`,
    };
  }
  return nls;
}

/** The `contributes.configuration` of package.json: the settings, validated like the project file. */
export function settingsContribution(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  EDITOR_SETTINGS.forEach(({ key, editor }, order) => {
    const project = projectSetting(key);
    const { values, valueText } = editor;
    // the type: the editor's own values, the registry's rules, or what the project file accepts
    // (an empty list means "not set here", so the setting allows it)
    const type = values ? { type: 'string', enum: [...values] }
      : key === 'rules' ? { type: 'object', properties: ruleProperties((r) => ({ type: 'string', description: `%config.rule.${r.id}%` })), additionalProperties: false }
      : (({ minItems: _minItems, ...rest }) => rest)(json(schemaOf(project!)));
    const enumValues = (type as { enum?: string[] }).enum;
    const markdown = key === 'categories' || key === 'rules';
    properties[`${SETTINGS_SECTION}.${key}`] = {
      ...type,
      ...(valueText && enumValues ? { enumDescriptions: enumValues.map((v) => `%config.${key}.${v}%`) } : {}),
      default: editor.default,
      scope: editor.scope,
      [markdown ? 'markdownDescription' : 'description']: `%config.${key}%`,
      order,
    };
  });
  return { title: '%config.title%', properties };
}

/** package.json with its generated settings; every other field as it stands. */
export function packageJson(current: string): string {
  const pkg = JSON.parse(current) as { contributes?: Record<string, unknown> };
  pkg.contributes = { ...(pkg.contributes ?? {}), configuration: settingsContribution() };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** A package.nls file with its generated `config.*` keys; the hand-written keys as they stand. */
export function nlsFile(current: string, locale: 'zh' | 'en'): string {
  const kept = Object.entries(JSON.parse(current) as Record<string, string>).filter(([k]) => !k.startsWith('config.'));
  const generated = Object.entries(settingsNls()).map(([k, v]) => [k, v[locale]] as const);
  return `${JSON.stringify(Object.fromEntries([...kept, ...generated]), null, 2)}\n`;
}

/**
 * README.md with its rule table (rules by default severity) and its count of rules, between their
 * markers, generated like the rule pages; the rest as it stands.
 */
export function readme(current: string): string {
  const rules = RULES as readonly Rule[];
  const row = (level: string, note = ''): string => {
    const ids = rules.filter((r) => r.defaultSeverity === level).map((r) => `\`${r.id}\``);
    return ids.length > 0 ? `| ${level} | ${ids.join(' ')}${note} |\n` : '';
  };
  const table = `| 级别 | 规则 |\n|---|---|\n${['error', 'warning', 'information', 'hint'].map((l) => row(l)).join('')}${row('off', '（地方要求时打开）')}`;
  return current
    .replace(/(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${table}$2`)
    .replace(/(<!-- rules-count -->)\d+(<!-- \/rules-count -->)/, `$1${rules.length}$2`);
}

function readOr(rel: string, fallback: string): string {
  const p = path.join(ROOT, rel);
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : fallback;
}

/** Every generated file with its expected content, keyed by path relative to the root. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of RULES as readonly Rule[]) files.set(`docs/rules/${r.id}.md`, rulePage(r));
  files.set('docs/rules.md', rulesIndex());
  files.set('schemas/proposal-reply.schema.json', projectFileSchema());
  files.set('package.json', packageJson(readOr('package.json', '{}')));
  files.set('package.nls.json', nlsFile(readOr('package.nls.json', '{}'), 'en'));
  files.set('package.nls.zh-cn.json', nlsFile(readOr('package.nls.zh-cn.json', '{}'), 'zh'));
  files.set('README.md', readme(readOr('README.md', '')));
  return files;
}

if (require.main === module) {
  for (const [rel, content] of generatedFiles()) {
    const p = path.join(ROOT, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    const old = fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
    if (old !== content) {
      fs.writeFileSync(p, content);
      console.log(`wrote ${rel}`);
    }
  }
  // pages of rules that no longer exist
  const known = new Set((RULES as readonly Rule[]).map((r) => `${r.id}.md`));
  for (const f of fs.readdirSync(path.join(ROOT, 'docs', 'rules'))) {
    if (!known.has(f)) {
      fs.unlinkSync(path.join(ROOT, 'docs', 'rules', f));
      console.log(`removed docs/rules/${f}`);
    }
  }
}
