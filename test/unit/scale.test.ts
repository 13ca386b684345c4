import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { parseReply } from '../../server/src/parse';
import { runRules } from '../../server/src/rules/engine';

/** Documents far larger than a reply: no rule may fail on them (the engine would contain it and stay silent). */
describe('large documents', () => {
  it('every rule runs on a document with more headings than a function call takes arguments', () => {
    const parts = ['林灵委员：', '您提出的《关于课后服务的提案》收悉，现答复如下：'];
    for (let i = 0; i < 75_000; i++) parts.push(`（${(i % 99) + 1}）做好第${i}项工作。`, '1.细化措施。');
    parts.push('一、下一步工作', '此复。', '厦门市教育局', '2024年4月15日');
    const reply = parseReply(parts.join('\n'));
    assert.equal(reply.parseError, undefined);
    assert.ok(reply.headings.length > 150_000);
    const failed: string[] = [];
    const findings = runRules(reply, DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 }, onRuleError: (id, e) => failed.push(`${id}: ${String(e)}`) });
    assert.deepEqual(failed, []);
    // the stray level-2 headings before the first 一、 are reported once
    assert.equal(findings.filter((f) => f.ruleId === 'numbering-level').length, 2);
  });
});
