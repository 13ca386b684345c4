import * as assert from 'node:assert/strict';
import { folderReply, generateReply } from '../../bench/generate';
import { lineScan } from '../../bench/sections/floor';
import { smallReply } from '../../bench/inputs';
import { stats, timePairs } from '../../bench/runner';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { parseReply } from '../../server/src/parse';
import { runRules } from '../../server/src/rules/engine';

const TODAY = { year: 2026, month: 1, day: 1 };

/** The benchmark's inputs must be what they claim: reply-shaped, deterministic, of the asked size. */
describe('benchmark inputs', () => {
  it('a generated reply is deterministic, of the asked size, and parses as a complete reply', () => {
    const a = generateReply(11, { bytes: 100 * 1024, kind: 'proposal-reply', halfWidth: 0.03 });
    assert.equal(generateReply(11, { bytes: 100 * 1024, kind: 'proposal-reply', halfWidth: 0.03 }), a);
    assert.notEqual(generateReply(12, { bytes: 100 * 1024, kind: 'proposal-reply', halfWidth: 0.03 }), a);
    const bytes = Buffer.byteLength(a);
    assert.ok(bytes >= 90 * 1024 && bytes <= 110 * 1024, `${bytes} bytes`);
    const reply = parseReply(a);
    assert.equal(reply.kind, 'proposal-reply');
    for (const part of ['addressee', 'receipt', 'opening', 'closing', 'signature', 'date'] as const) assert.ok(reply[part], part);
    assert.deepEqual([...new Set(reply.headings.map((h) => h.marker.level))].sort(), [1, 2, 3, 4]);
    assert.ok(reply.enumerations.length > 0 && reply.nextSteps.length > 0);
    // clean but for the paragraphs that lost their full-width punctuation
    const rules = new Set(runRules(reply, DEFAULT_CONFIG, { today: TODAY }).map((f) => f.ruleId));
    assert.deepEqual([...rules].filter((id) => id !== 'punctuation-width'), []);
  });

  it('a large input has a run-on pasted line of the asked length, split back into paragraphs', () => {
    const text = generateReply(5, { bytes: 300 * 1024, kind: 'proposal-reply', longLine: 50_000 });
    const reply = parseReply(text);
    const longest = Math.max(...reply.lines.map((l) => l.end - l.start));
    assert.ok(longest >= 50_000, `${longest}`);
    assert.ok(reply.blocks.every((b) => b.end - b.start < 5_000));
  });

  it('the folder holds every kind of reply, complete, with only what pasting from the web leaves', () => {
    const kinds = new Set<string>();
    const fired = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const reply = parseReply(folderReply(3, i));
      kinds.add(reply.kind);
      for (const part of ['addressee', 'receipt', 'signature', 'date'] as const) assert.ok(reply[part], `${i}: ${part}`);
      for (const f of runRules(reply, DEFAULT_CONFIG, { today: TODAY })) fired.add(f.ruleId);
    }
    assert.deepEqual([...kinds].sort(), ['co-handling-opinion', 'proposal-reply', 'rectification-report', 'suggestion-reply']);
    assert.deepEqual([...fired].filter((id) => id !== 'punctuation-width' && id !== 'pasted-junk'), []);
  });

  it('the start-up reply is about 5 KB, the same on every run', () => {
    const text = smallReply(5 * 1024);
    assert.equal(smallReply(5 * 1024), text);
    assert.ok(Math.abs(Buffer.byteLength(text) - 5 * 1024) <= 512, `${Buffer.byteLength(text)} bytes`);
    assert.equal(parseReply(text).kind, 'proposal-reply');
  });

  it('interleaved pairs alternate which command runs first, and each ratio is of its own pair', async () => {
    const order: string[] = [];
    let clock = 0;
    const t = await timePairs(4, async () => (order.push('a'), ++clock), async () => (order.push('b'), 10 * ++clock));
    assert.deepEqual(order, ['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
    assert.deepEqual(t.a, [1, 4, 5, 8]);
    assert.deepEqual(t.b, [20, 30, 60, 70]);
    assert.deepEqual(t.ratios, [20, 7.5, 12, 8.75]);
  });

  it('the floor counts every match of every line, and the statistics are nearest-rank', () => {
    assert.equal(lineScan('中文,标点;又一处\n中文，标点\r\nok, fine\r数字1,000\n末行?'), 3);
    const s = stats([5, 1, 3, 2, 4]);
    assert.deepEqual([s.n, s.median, s.p99, s.min, s.mean], [5, 3, 5, 1, 3]);
    assert.equal(stats(Array.from({ length: 200 }, (_x, i) => i + 1)).p99, 198);
  });
});
