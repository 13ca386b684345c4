import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseProjectFile } from '../../server/src/config/projectFile';
import { formatConfigIssue, resolveConfig } from '../../server/src/config/resolve';
import { type ConfigKey, DEFAULT_CATEGORIES, DEFAULT_CONFIG, projectSetting } from '../../server/src/config/schema';
import { settingsIssues } from '../../server/src/config/settings';
import { projectFileDiagnostics } from '../../server/src/features/projectFileDiagnostics';

describe('configuration', () => {
  it('applies valid values from every layer, later layers winning', () => {
    const { config, issues } = resolveConfig([
      { source: 'a.json', data: { kind: 'suggestion-reply', organization: '厦门市教育局', rules: { 'date-format': 'error', 'punctuation-width': 'off' } } },
      { source: 'settings', data: { rules: { 'date-format': 'hint' }, categories: ['甲', { value: '乙', meaning: '正在解决' }] } },
    ]);
    assert.deepEqual(issues, []);
    assert.equal(config.kind, 'suggestion-reply');
    assert.equal(config.organization, '厦门市教育局');
    assert.deepEqual(config.rules, { 'date-format': 'hint', 'punctuation-width': 'off' });
    assert.deepEqual(config.categories, [{ value: '甲' }, { value: '乙', meaning: '正在解决' }]);
  });

  it('falls back for one bad value and keeps the rest, naming file, key and allowed values', () => {
    const { config, issues } = resolveConfig([{ source: '.proposal-reply.json', data: { kind: 'memo', organization: '厦门市教育局', categories: [] } }]);
    assert.equal(config.kind, 'auto');
    assert.equal(config.organization, '厦门市教育局');
    assert.deepEqual(config.categories, DEFAULT_CATEGORIES);
    assert.deepEqual(issues.map((i) => i.key), ['kind', 'categories']);
    const line = formatConfigIssue(issues[0]!, 'en');
    assert.match(line, /^\.proposal-reply\.json: kind: value "memo" is not allowed/);
    assert.match(line, /proposal-reply, suggestion-reply, co-handling-opinion, rectification-report/);
    assert.match(formatConfigIssue(issues[0]!, 'zh-cn'), /允许的值：auto、proposal-reply/);
  });

  it('reports unknown keys and rule ids with a suggestion, and bad severities with the default kept', () => {
    const { config, issues } = resolveConfig([{ source: 'p.json', data: { organisation: 'x', rules: { 'date-fromat': 'off', 'date-format': 'fatal', 'closing-missing': 'error' } } }]);
    assert.deepEqual(config.rules, { 'closing-missing': 'error' });
    assert.deepEqual(issues.map((i) => i.key), ['organisation', 'rules.date-fromat', 'rules.date-format']);
    assert.match(issues[0]!.message.en, /Did you mean "organization"/);
    assert.match(issues[1]!.message.en, /Did you mean "date-format"/);
    assert.match(issues[2]!.message.en, /the default warning applies\. Allowed: error, warning, information, hint, off/);
  });

  it('rejects a configuration that is not an object', () => {
    for (const data of [[1, 2], 'rules', 42]) {
      const { config, issues } = resolveConfig([{ source: 'p.json', data }]);
      assert.equal(config.kind, 'auto');
      assert.equal(issues.length, 1);
    }
    assert.equal(resolveConfig([{ source: 'p.json', data: { rules: ['a'] } }]).issues[0]!.key, 'rules');
  });

  it('reads JSON with comments, and reports syntax errors with line and column while using the rest', () => {
    const ok = parseProjectFile('p.json', '// team settings\n{ "kind": "proposal-reply", /* ours */ "rules": { "date-format": "off" }, }');
    assert.deepEqual(ok.issues, []);
    assert.deepEqual(resolveConfig([ok.layer!]).config.rules, { 'date-format': 'off' });
    const broken = parseProjectFile('p.json', '{\n  "kind": "proposal-reply"\n  "organization": "厦门市教育局"\n}');
    assert.equal(broken.issues.length, 1);
    assert.equal(broken.issues[0]!.source, 'p.json:3:3');
    assert.match(broken.issues[0]!.message.en, /JSON syntax error \(CommaExpected\)/);
    assert.equal(resolveConfig([broken.layer!]).config.organization, '厦门市教育局');
  });

  it('ignores an oversized project file with a message', () => {
    const r = parseProjectFile('p.json', ' '.repeat(300 * 1024));
    assert.equal(r.layer, undefined);
    assert.match(r.issues[0]!.message.en, /larger than 256 KB/);
  });

  it('gives a value of the wrong type one issue naming its key and the allowed values, and applies the rest', () => {
    const wrong: Record<Exclude<ConfigKey, '$schema'>, unknown> = {
      kind: 3, organization: { name: '厦门市教育局' }, categories: 'A,B,C', rules: 'off', locale: ['en'], register: 7, registerColumns: { number: 5 },
      registerSheet: '', export: { sealed: 'no', fonts: { body: 3 } },
    };
    for (const [key, value] of Object.entries(wrong)) {
      const { config, issues } = resolveConfig([{ source: '/w/.proposal-reply.json', data: { [key]: value, organization: key === 'organization' ? value : '厦门市教育局', rules: key === 'rules' ? value : { 'date-format': 'off' } } }]);
      assert.deepEqual(issues.map((i) => i.key), [key], key);
      const line = formatConfigIssue(issues[0]!, 'zh-cn');
      assert.ok(line.startsWith(`/w/.proposal-reply.json: ${key}: `), line);
      assert.ok(line.includes(projectSetting(key)!.allowed.zh), `${key}: names the allowed values: ${line}`);
      if (key !== 'organization') assert.equal(config.organization, '厦门市教育局', `${key}: the rest applies`);
      if (key !== 'rules') assert.deepEqual(config.rules, { 'date-format': 'off' }, `${key}: the rest applies`);
      if (key === 'kind') assert.equal(config.kind, DEFAULT_CONFIG.kind);
    }
  });

  it('reports unknown and misspelt editor settings and a bad locale setting, once each', () => {
    const issues = settingsIssues({ kind: 'auto', organisation: '厦门市教育局', rules: {}, locale: 'fr', trace: { server: 'off' }, colour: 'red' });
    assert.deepEqual(issues.map((i) => i.key), ['organisation', 'locale', 'colour']);
    assert.match(formatConfigIssue(issues[0]!, 'zh-cn'), /^VS Code settings \(proposalReply\.\*\): organisation: 未知的设置项，已忽略。是否想写“proposalReply\.organization”？可用的设置项：proposalReply\.kind、/);
    assert.match(formatConfigIssue(issues[1]!, 'en'), /locale: value "fr" is not allowed and was ignored; messages follow VS Code's language\. Allowed: auto, zh-cn, en\.$/);
    assert.doesNotMatch(issues[2]!.message.en, /Did you mean/);
    assert.deepEqual(settingsIssues({ kind: 'auto', organization: '', categories: [], rules: {}, locale: 'zh-cn', trace: { server: 'verbose' } }), []);
  });

  it('places each issue of an open project file where it is: syntax error, unknown name, bad value', () => {
    const text = '\ufeff{\n  "kind": "memo",\n  "organisation": "厦门市教育局",\n  "rules": { "date-fromat": "off", "date-format": "loud" }\n  "locale": "en"\n}\n';
    const doc = TextDocument.create('file:///w/.proposal-reply.json', 'json', 1, text);
    const at = (d: { range: Parameters<typeof doc.getText>[0] }): string => doc.getText(d.range);
    const ds = projectFileDiagnostics(doc, 'zh-cn');
    assert.deepEqual(ds.map((d) => [d.severity, at(d), (d.message as string).split('：')[0]]), [
      [1, '"locale"', 'JSON 语法错误（CommaExpected），已尽量读取其余内容。'],
      [2, '"memo"', 'kind: 值 "memo" 不合法，已忽略，沿用自动识别（auto）。允许的值'],
      [2, '"organisation"', 'organisation: 未知的配置项，已忽略。是否想写“organization”？可用的配置项'],
      [2, '"date-fromat"', 'rules.date-fromat: 未知的规则 id，已忽略。是否想写“date-format”？规则列表见 docs/rules.md。'],
      [2, '"loud"', 'rules.date-format: 严重程度 "loud" 不合法，已忽略，沿用默认值 warning。允许的值'],
    ]);
    assert.equal(ds[0]!.range.start.line, 4, 'the syntax error at the token after the missing comma');
    const array = TextDocument.create('file:///w/.proposal-reply.json', 'json', 1, '[1, 2]');
    assert.deepEqual(projectFileDiagnostics(array, 'en').map((d) => array.getText(d.range)), ['[1, 2]']);
    assert.deepEqual(projectFileDiagnostics(TextDocument.create('file:///w/.proposal-reply.json', 'json', 1, '{ "kind": "auto" }'), 'en'), []);
  });
});
