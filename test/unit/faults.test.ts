import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { RULES } from '../../server/src/rules';
import { runRules } from '../../server/src/rules/engine';
import { parseReply } from '../../server/src/parse';
import { defineRule, type Rule } from '../../server/src/rules/types';
import { createReplyService } from '../../server/src/service';

const broken = defineRule({
  id: 'broken-rule',
  defaultSeverity: 'error',
  title: { zh: '故障', en: 'broken' },
  description: { zh: '故障', en: 'broken' },
  sources: [{ kind: 'practice', note: { zh: '测试', en: 'test' } }],
  check() {
    throw new TypeError('cannot read properties of undefined');
  },
});

describe('fault containment', () => {
  it('a rule that throws is skipped, logged once with its id, and the other rules still report', () => {
    const logs: string[] = [];
    const service = createReplyService({ rules: [...(RULES as readonly Rule[]), broken as Rule], log: (m) => logs.push(m) });
    const text = '林灵委员\n您提出的建议收悉。\n';
    for (let v = 1; v <= 3; v++) {
      const { findings } = service.analyze(TextDocument.create('file:///a.reply', 'proposal-reply', v, `${text}${'。'.repeat(v)}`), DEFAULT_CONFIG);
      assert.ok(findings.some((f) => f.ruleId === 'addressee-colon'));
      assert.ok(findings.some((f) => f.ruleId === 'signature-missing'));
      assert.ok(!findings.some((f) => f.ruleId === 'broken-rule'));
    }
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /^rule broken-rule failed and was skipped: TypeError: cannot read properties of undefined/);
  });

  it('analyses once per version and configuration, and again when either changes', () => {
    let runs = 0;
    const counting = defineRule({ ...broken, id: 'counting-rule', check: () => void runs++ });
    const service = createReplyService({ rules: [counting as Rule] });
    const doc = TextDocument.create('file:///a.reply', 'proposal-reply', 1, '正文。');
    service.analyze(doc, DEFAULT_CONFIG);
    service.analyze(doc, DEFAULT_CONFIG);
    assert.equal(runs, 1);
    service.analyze(doc, { ...DEFAULT_CONFIG, organization: '厦门市教育局' });
    assert.equal(runs, 2);
    service.analyze(TextDocument.update(doc, [{ text: '新正文。' }], 2), DEFAULT_CONFIG);
    assert.equal(runs, 3);
    service.forget(doc.uri);
    service.analyze(TextDocument.create('file:///a.reply', 'proposal-reply', 2, '新正文。'), DEFAULT_CONFIG);
    assert.equal(runs, 4);
  });

  it('outline, symbols, folding and completion read the one parse of a version and never run the rules', () => {
    let runs = 0;
    const counting = defineRule({ ...broken, id: 'counting-rule', check: () => void runs++ });
    const service = createReplyService({ rules: [counting as Rule] });
    const doc = TextDocument.create('file:///a.reply', 'proposal-reply', 1, '林灵委员：\n\n一、加强管理\n\n正文。\n');
    service.symbols(doc, DEFAULT_CONFIG, 'zh-cn');
    service.folding(doc, DEFAULT_CONFIG);
    service.outline(doc, DEFAULT_CONFIG);
    service.completion(doc, DEFAULT_CONFIG, { line: 5, character: 0 }, { locale: 'zh-cn', snippets: true });
    assert.equal(runs, 0, 'no rule ran for the structure features');
    const { reply } = service.analyze(doc, DEFAULT_CONFIG);
    assert.equal(runs, 1);
    service.diagnostics(doc, DEFAULT_CONFIG, 'zh-cn');
    service.hover(doc, DEFAULT_CONFIG, { line: 2, character: 0 }, 'zh-cn');
    assert.equal(runs, 1, 'diagnostics and hover reuse the findings');
    assert.equal(service.analyze(doc, DEFAULT_CONFIG).reply, reply, 'one parse per version');
  });

  it('runs each rule at the severity of the configuration it is given, and drops what a rule reported before it threw', () => {
    const reporting = defineRule({ ...broken, id: 'reporting-rule', defaultSeverity: 'warning', check: (ctx) => ctx.report({ start: 0, end: 1, message: { zh: '甲', en: 'a' } }) });
    const half = defineRule({
      ...broken, id: 'half-rule',
      check: (ctx) => {
        ctx.report({ start: 0, end: 1, message: { zh: '乙', en: 'b' } });
        throw new Error('after reporting');
      },
    });
    const rules = [half as Rule, reporting as Rule];
    const reply = parseReply('正文。');
    const today = { year: 2026, month: 1, day: 1 };
    const run = (overrides: Record<string, 'error' | 'off'>): string[] => {
      const failed: string[] = [];
      const found = runRules(reply, { ...DEFAULT_CONFIG, rules: overrides }, { today, rules, onRuleError: (id) => failed.push(id) });
      assert.deepEqual(failed, ['half-rule']);
      return found.map((f) => `${f.ruleId}:${f.severity}`);
    };
    assert.deepEqual(run({}), ['reporting-rule:warning']);
    assert.deepEqual(run({ 'reporting-rule': 'error' }), ['reporting-rule:error']);
    assert.deepEqual(run({ 'reporting-rule': 'off' }), []);
    assert.deepEqual(runRules(reply, DEFAULT_CONFIG, { today, rules }).map((f) => `${f.ruleId}:${f.severity}`), ['reporting-rule:warning']);
  });
});
