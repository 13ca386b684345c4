/**
 * The extension manifest agrees with the code: the contributed settings accept exactly what the zod
 * schema and the rule registry accept (or defer to the project file at their default), every rule
 * has its setting, texts in both languages and its documentation page; every `%key%`, command,
 * view and l10n string is defined once on each side; the language's files exist.
 */
import Ajv from 'ajv';
import * as assert from 'node:assert/strict';
import { ELEMENTS, MISSING_RULES } from '../../server/src/core/elements';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageJson, projectFileSchema, settingsNls } from '../../scripts/generate';
import { resolveConfig } from '../../server/src/config/resolve';
import { KIND_SETTINGS, SEVERITY_SETTINGS } from '../../server/src/config/schema';
import { EDITOR_SETTINGS, settingsLayer, SHARED_SETTING_KEYS } from '../../server/src/config/settings';
import { RULES } from '../../server/src/rules';
import { EXAMPLES, ROOT, readText, seedFiles } from '../support/fixtures';

interface Manifest {
  main: string;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  l10n: string;
  capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: { supported: boolean | string } };
  contributes: {
    languages: Array<{ id: string; extensions: string[]; firstLine: string; configuration: string }>;
    grammars: Array<{ path: string }>;
    snippets: Array<{ language: string; path: string }>;
    jsonValidation: Array<{ fileMatch: string; url: string }>;
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string }>>;
    views: Record<string, Array<{ id: string; name: string }>>;
    configuration: { properties: Record<string, Record<string, unknown>> };
  };
}

const PKG_TEXT = readText(path.join(ROOT, 'package.json'));
const PKG = JSON.parse(PKG_TEXT) as Manifest;
const NLS_EN = JSON.parse(readText(path.join(ROOT, 'package.nls.json'))) as Record<string, string>;
const NLS_ZH = JSON.parse(readText(path.join(ROOT, 'package.nls.zh-cn.json'))) as Record<string, string>;
const CLIENT_SOURCES = fs.readdirSync(path.join(ROOT, 'client', 'src')).filter((f) => f.endsWith('.ts')).map((f) => readText(path.join(ROOT, 'client', 'src', f))).join('\n');
const props = PKG.contributes.configuration.properties;

/** Whether the core accepts a setting's value: it defers (its default) or resolves without an issue. */
function coreAccepts(key: string, value: unknown): boolean {
  const layer = settingsLayer({ [key]: value });
  return layer === undefined || resolveConfig([layer]).issues.length === 0;
}

describe('package.json contributions agree with the code', () => {
  it('is what `npm run generate` writes (settings and their texts)', () => {
    assert.equal(PKG_TEXT, packageJson(PKG_TEXT), 'package.json is out of date: run `npm run generate`');
    for (const [key, text] of Object.entries(settingsNls())) {
      assert.equal(NLS_EN[key], text.en, key);
      assert.equal(NLS_ZH[key], text.zh, key);
    }
  });

  it('contributes every shared setting with its default, accepting what the zod schema and the registry accept', () => {
    const ajv = new Ajv({ strict: false });
    assert.deepEqual(SHARED_SETTING_KEYS, ['kind', 'organization', 'categories', 'rules']);
    const samples: Record<string, unknown[]> = {
      kind: [...KIND_SETTINGS, 'letter', '', 3, ['auto']],
      organization: ['', '厦门市教育局', 'x'.repeat(100), 'x'.repeat(101), 5, []],
      categories: [[], ['A'], ['A', 'B', 'C'], ['甲', '乙', '丙'], [{ value: 'A', meaning: '已解决' }], [{ value: 'A', extra: 1 }], [''], ['TOOLONGVAL'], 'A', Array(26).fill('A'), Array(27).fill('A'), [{ meaning: 'x' }]],
      rules: [{}, { 'date-format': 'off' }, { 'date-format': 'error', 'contact-missing': 'warning' }, { 'date-format': 'loud' }, { 'no-such-rule': 'off' }, { 'date-format': 1 }, [], 'off'],
    };
    for (const key of SHARED_SETTING_KEYS) {
      const schema = props[`proposalReply.${key}`];
      assert.ok(schema, `proposalReply.${key} is not contributed`);
      assert.deepEqual(schema.default, EDITOR_SETTINGS.find((s) => s.key === key)!.editor.default, `${key}: default`);
      assert.equal(schema.scope, 'resource', `${key}: settings are read per resource`);
      const validate = ajv.compile(schema);
      for (const value of samples[key]!) {
        assert.equal(validate(value), coreAccepts(key, value), `proposalReply.${key} = ${JSON.stringify(value)}: the editor's validation and the core disagree`);
      }
    }
    assert.deepEqual(props['proposalReply.kind']!.enum, [...KIND_SETTINGS]);
    assert.deepEqual(Object.keys(props).sort(), ['proposalReply.categories', 'proposalReply.kind', 'proposalReply.locale', 'proposalReply.organization', 'proposalReply.rules', 'proposalReply.trace.server']);
    assert.deepEqual(props['proposalReply.trace.server']!.enum, ['off', 'messages', 'verbose']);
  });

  it('has a setting, both texts and a documentation page for every rule of the registry, and no other', () => {
    const ruleProps = props['proposalReply.rules']!.properties as Record<string, { enum: string[]; description: string }>;
    assert.deepEqual(Object.keys(ruleProps), RULES.map((r) => r.id));
    const schemaRules = (JSON.parse(projectFileSchema()) as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties;
    assert.deepEqual(Object.keys(schemaRules), RULES.map((r) => r.id), 'the project-file schema lists the same rules');
    for (const r of RULES) {
      assert.deepEqual(ruleProps[r.id]!.enum, [...SEVERITY_SETTINGS]);
      const key = ruleProps[r.id]!.description.replace(/^%|%$/g, '');
      assert.ok(NLS_ZH[key]!.startsWith(r.title.zh) && NLS_ZH[key]!.includes(r.defaultSeverity), `${key} (zh)`);
      assert.ok(NLS_EN[key]!.startsWith(r.title.en) && NLS_EN[key]!.includes(r.defaultSeverity), `${key} (en)`);
      const page = readText(path.join(ROOT, 'docs', 'rules', `${r.id}.md`));
      assert.ok(page.startsWith(`# ${r.id}\n`), `docs/rules/${r.id}.md`);
      assert.ok(page.includes(`（${r.defaultSeverity}）`), `docs/rules/${r.id}.md states the default severity`);
    }
  });

  it('defines every %key% in both package.nls files, in Chinese and English, and no unused key', () => {
    const used = new Set([...PKG_TEXT.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    assert.deepEqual(Object.keys(NLS_EN).sort(), [...used].sort());
    assert.deepEqual(Object.keys(NLS_ZH).sort(), [...used].sort());
    for (const k of used) {
      assert.match(NLS_ZH[k]!, /\p{Script=Han}/u, `${k} (zh)`);
      assert.match(NLS_EN[k]!, /[A-Za-z]/, `${k} (en)`);
    }
  });

  it('registers in the client exactly the commands the manifest declares, and its view', () => {
    const declared = PKG.contributes.commands.map((c) => c.command).sort();
    const registered = [...CLIENT_SOURCES.matchAll(/register\('([^']+)'/g)].map((m) => m[1]!).sort();
    assert.deepEqual(registered, declared);
    for (const list of Object.values(PKG.contributes.menus)) for (const m of list) assert.ok(declared.includes(m.command), m.command);
    for (const c of PKG.contributes.commands) assert.match(c.title, /^%command\./, `${c.command} has a translated title`);
    const views = Object.values(PKG.contributes.views).flat().map((v) => v.id);
    assert.deepEqual(views, ['proposalReply.structure', 'proposalReply.batch']);
    for (const v of views) assert.ok(CLIENT_SOURCES.includes(`createTreeView('${v}'`), v);
  });

  it('translates every l10n message of the client into Chinese, keeping its placeholders', () => {
    const bundle = JSON.parse(readText(path.join(ROOT, PKG.l10n, 'bundle.l10n.zh-cn.json'))) as Record<string, string>;
    const messages = new Set([...CLIENT_SOURCES.matchAll(/l10n\.t\('([^']+)'/g)].map((m) => m[1]!));
    assert.ok(messages.size >= 20);
    assert.deepEqual(Object.keys(bundle).sort(), [...messages].sort());
    for (const m of messages) {
      assert.match(bundle[m]!, /\p{Script=Han}/u, m);
      assert.deepEqual((bundle[m]!.match(/\{\d\}/g) ?? []).sort(), (m.match(/\{\d\}/g) ?? []).sort(), `placeholders of “${m}”`);
    }
  });

  it('associates *.reply and *.reply.txt, and files whose first line looks like a reply', () => {
    const lang = PKG.contributes.languages[0]!;
    assert.equal(lang.id, 'proposal-reply');
    assert.deepEqual(lang.extensions, ['.reply', '.reply.txt']);
    const firstLine = new RegExp(lang.firstLine);
    const firsts = [
      ...seedFiles().map(readText),
      ...['clean', 'flawed'].flatMap((d) => fs.readdirSync(path.join(EXAMPLES, d)).filter((f) => f.endsWith('.reply')).map((f) => readText(path.join(EXAMPLES, d, f)))),
    ]
      .map((t) => t.split(/\r?\n/)[0]!)
      // flawed examples open with pasted web junk and with a document number that lost its brackets
      .filter((l) => !l.startsWith('发布时间') && !l.startsWith('厦教议函2025'));
    assert.equal(firsts.length, 14);
    for (const l of firsts) assert.ok(firstLine.test(l), `first line not recognised: ${l}`);
    for (const l of ['近年来，我市持续加大学前教育投入。', '# Notes', '会议纪要', '关于召开会议的通知', '关于2024年工作的报告', '关于第3号文件的说明', '2024-04-15 meeting', '各位委员：请于周五前提交材料。']) assert.ok(!firstLine.test(l), `not a reply: ${l}`);
    for (const p of [lang.configuration, PKG.contributes.grammars[0]!.path, PKG.contributes.snippets[0]!.path, PKG.contributes.jsonValidation[0]!.url]) {
      assert.ok(fs.existsSync(path.join(ROOT, p)), p);
      JSON.parse(readText(path.join(ROOT, p)));
    }
    assert.deepEqual(PKG.contributes.jsonValidation, [{ fileMatch: '.proposal-reply.json', url: './schemas/proposal-reply.schema.json' }]);
  });

  it('targets an engine that code-server 4.139 satisfies, with API types no newer than the engine', () => {
    assert.equal(PKG.engines.vscode, '^1.91.0');
    const types = PKG.devDependencies['@types/vscode']!.replace(/^[~^]/, '');
    const [major, minor] = types.split('.').map(Number);
    assert.ok(major === 1 && minor! >= 91 && minor! <= 99, `@types/vscode ${types}`);
    const installed = (JSON.parse(readText(path.join(ROOT, 'node_modules', '@types', 'vscode', 'package.json'))) as { version: string }).version;
    assert.ok(installed.startsWith('1.91.'), `installed @types/vscode ${installed}`);
    assert.equal(PKG.main, './dist/extension.js');
    assert.equal(PKG.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(PKG.capabilities.virtualWorkspaces.supported, 'limited');
  });
});

describe('the element table', () => {
  it('names only rules of the registry, and every missing-element rule of the registry', () => {
    const ids = new Set<string>(RULES.map((r) => r.id));
    for (const e of ELEMENTS) for (const id of [...(e.missingRule ? [e.missingRule] : []), ...e.problemRules]) assert.ok(ids.has(id), `${e.kind}: ${id} is no rule`);
    assert.deepEqual([...MISSING_RULES].sort(), RULES.map((r) => r.id).filter((id) => id.endsWith('-missing')).sort());
  });
});
