import * as assert from 'node:assert/strict';
import { parseProjectFile } from '../../server/src/config/projectFile';
import { formatConfigIssue, resolveConfig } from '../../server/src/config/resolve';
import { DEFAULT_CATEGORIES } from '../../server/src/config/schema';

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
});
