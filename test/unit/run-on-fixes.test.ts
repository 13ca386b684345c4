/**
 * Missing-element fixes in run-on pasted lines: the new line goes right before (or after) the
 * element within the line, not before the whole collapsed line (where it would land outside the body).
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { applyEdits } from '../../server/src/features/edits';
import { createReplyService } from '../../server/src/service';

function fix(text: string, ruleId: string): string {
  const { findings } = createReplyService().analyze(TextDocument.create('file:///run-on.reply', 'proposal-reply', 1, text), DEFAULT_CONFIG);
  const f = findings.find((x) => x.ruleId === ruleId);
  assert.ok(f?.fixes?.[0], `${ruleId} did not fire with a fix`);
  return applyEdits(text, f.fixes[0].edits);
}

describe('fixes in run-on lines', () => {
  it('breaks the line before the signature to insert the closing', () => {
    assert.equal(
      fix('林灵委员: 您提出的《关于课后服务的建议》收悉,现答复如下: 我局已出台办法。 厦门市教育局 2025年5月20日', 'closing-missing'),
      '林灵委员: 您提出的《关于课后服务的建议》收悉,现答复如下: 我局已出台办法。\n感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。\n厦门市教育局 2025年5月20日',
    );
  });

  it('breaks the line after the addressee to insert the receipt line, and resolves the finding', () => {
    const text = '林灵委员: 近年来,我局已出台办法。 厦门市教育局 2025年5月20日';
    const fixed = fix(text, 'receipt-missing');
    assert.equal(fixed, '林灵委员:\n您提出的《×××》（第×号提案）收悉，现答复如下：\n近年来,我局已出台办法。 厦门市教育局 2025年5月20日');
    const { findings } = createReplyService().analyze(TextDocument.create('file:///fixed.reply', 'proposal-reply', 1, fixed), DEFAULT_CONFIG);
    assert.ok(!findings.some((f) => f.ruleId === 'receipt-missing'));
  });

  it('keeps inserting whole lines where the element starts its own line', () => {
    assert.equal(fix('林灵委员：\n近年来，我局已出台办法。', 'receipt-missing'), '林灵委员：\n您提出的《×××》（第×号提案）收悉，现答复如下：\n近年来，我局已出台办法。');
  });
});
