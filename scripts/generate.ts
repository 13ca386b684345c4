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
import { KEY_SCHEMAS, KIND_SETTINGS, PROJECT_FILE_NAME, SEVERITY_SETTINGS } from '../server/src/config/schema';
import { EDITOR_LOCALES, SETTING_DEFAULTS, SETTING_TEXT, SETTINGS_SECTION, TRACE_LEVELS } from '../server/src/config/settings';
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

export function projectFileSchema(): string {
  const ruleProps: Record<string, unknown> = {};
  for (const r of RULES as readonly Rule[]) {
    ruleProps[r.id] = { enum: [...SEVERITY_SETTINGS], description: `${r.title.zh} · ${r.title.en}（默认 default: ${r.defaultSeverity}）`, markdownDescription: `${r.title.zh} · ${r.title.en}\n\n默认 default: \`${r.defaultSeverity}\`` };
  }
  const json = (s: z.ZodType): Record<string, unknown> => {
    const j = z.toJSONSchema(s, { target: 'draft-07' }) as Record<string, unknown>;
    delete j.$schema;
    return j;
  };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '提案建议答复检查项目配置 · proposal-reply project configuration',
    description: `${PROJECT_FILE_NAME}: 命令行与编辑器共用的项目配置。Shared by the CLI and the editor.`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      kind: { ...json(KEY_SCHEMAS.kind), description: '文种；auto 为自动识别。Document kind; auto detects it.' },
      organization: { ...json(KEY_SCHEMAS.organization), description: '应署的发文机关全称。The expected signing organisation.' },
      categories: { ...json(KEY_SCHEMAS.categories), description: '允许的答复类别（默认 A、B、C）。Allowed reply categories (default A, B, C).' },
      rules: {
        type: 'object',
        description: '各规则的级别或 off。Severity or off per rule.',
        properties: ruleProps,
        additionalProperties: false,
      },
      locale: { ...json(KEY_SCHEMAS.locale), description: '命令行提示语言。Message language of the CLI.' },
      register: { ...json(KEY_SCHEMAS.register), description: '提案（建议）登记表文件（CSV、JSON 或 .xlsx），相对本文件，须在本文件所在文件夹之内。The proposal register (CSV, JSON or .xlsx), relative to this file and inside its folder.' },
      registerColumns: {
        ...json(KEY_SCHEMAS.registerColumns),
        description: '登记表各字段对应的表头列名（表头无法自动识别时使用）。Header names per register field, when the headers are not recognised.',
      },
      registerSheet: { ...json(KEY_SCHEMAS.registerSheet), description: '.xlsx 登记表的工作表名称（默认第一个工作表）。The worksheet of an .xlsx register (default: the first).' },
      export: {
        ...json(KEY_SCHEMAS.export),
        description: '导出 Word（公文格式）：sealed 加盖印章（默认 true），boldTitle 标题加粗，fonts 写入文件的字体名。Word export: sealed document, bold title, font names written.',
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

type Nls = Record<string, { zh: string; en: string }>;

/** The `%key%` texts of the generated settings; every generated key starts with `config.`. */
export function settingsNls(): Nls {
  const nls: Nls = {
    'config.title': SETTING_TEXT.title,
    'config.kind': SETTING_TEXT.kind,
    'config.kind.auto': SETTING_TEXT.kindAuto,
    'config.organization': SETTING_TEXT.organization,
    'config.categories': SETTING_TEXT.categories,
    'config.rules': SETTING_TEXT.rules,
    'config.locale': SETTING_TEXT.locale,
    'config.locale.auto': SETTING_TEXT.localeAuto,
    'config.locale.zh-cn': SETTING_TEXT.localeZh,
    'config.locale.en': SETTING_TEXT.localeEn,
    'config.trace.server': SETTING_TEXT.trace,
  };
  for (const k of KIND_SETTINGS) if (k !== 'auto') nls[`config.kind.${k}`] = KIND_NAME[k];
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
  const json = (s: z.ZodType): Record<string, unknown> => {
    const j = z.toJSONSchema(s, { target: 'draft-07' }) as Record<string, unknown>;
    delete j.$schema;
    return j;
  };
  const ruleProps: Record<string, unknown> = {};
  for (const r of RULES as readonly Rule[]) ruleProps[r.id] = { type: 'string', enum: [...SEVERITY_SETTINGS], description: `%config.rule.${r.id}%` };
  // an empty list means "not set here" (the project file decides), so the setting allows it
  const { minItems: _minItems, ...categories } = json(KEY_SCHEMAS.categories);
  const p = `${SETTINGS_SECTION}.`;
  return {
    title: '%config.title%',
    properties: {
      [`${p}kind`]: {
        type: 'string', enum: [...KIND_SETTINGS], enumDescriptions: KIND_SETTINGS.map((k) => `%config.kind.${k}%`),
        default: SETTING_DEFAULTS.kind, scope: 'resource', description: '%config.kind%', order: 0,
      },
      [`${p}organization`]: { ...json(KEY_SCHEMAS.organization), default: SETTING_DEFAULTS.organization, scope: 'resource', description: '%config.organization%', order: 1 },
      [`${p}categories`]: { ...categories, default: SETTING_DEFAULTS.categories, scope: 'resource', markdownDescription: '%config.categories%', order: 2 },
      [`${p}rules`]: { type: 'object', default: SETTING_DEFAULTS.rules, properties: ruleProps, additionalProperties: false, scope: 'resource', markdownDescription: '%config.rules%', order: 3 },
      [`${p}locale`]: {
        type: 'string', enum: [...EDITOR_LOCALES], enumDescriptions: EDITOR_LOCALES.map((l) => `%config.locale.${l}%`),
        default: SETTING_DEFAULTS.locale, scope: 'window', description: '%config.locale%', order: 4,
      },
      [`${p}trace.server`]: { type: 'string', enum: [...TRACE_LEVELS], default: SETTING_DEFAULTS['trace.server'], scope: 'window', description: '%config.trace.server%', order: 5 },
    },
  };
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
