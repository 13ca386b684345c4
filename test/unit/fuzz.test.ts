/**
 * Property and fuzz tests over the parser and every rule. CI runs a bounded number of cases;
 * `npm run fuzz` runs many more (FUZZ_RUNS). The number of cases per invariant is printed.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, type EffectiveConfig } from '../../server/src/config/schema';
import { parseReply } from '../../server/src/parse';
import { RULES } from '../../server/src/rules';
import type { TextEdit } from '../../server/src/core/vocabulary';
import type { Finding } from '../../server/src/rules/types';
import { createReplyService } from '../../server/src/service';
import { anyText, count, mutatedReply, RUNS } from '../support/mutations';

/** Every rule on, so that default-off rules are fuzzed too. */
const ALL_ON: EffectiveConfig = { ...DEFAULT_CONFIG, rules: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity === 'off' ? 'warning' : r.defaultSeverity])) };
const NOW = (): Date => new Date(2026, 10, 23, 12);

let version = 0;
function analyse(text: string, config: EffectiveConfig = ALL_ON): readonly Finding[] {
  const service = createReplyService({ now: NOW, log: (m) => assert.fail(m) });
  return service.analyze(TextDocument.create('file:///fuzz.reply', 'proposal-reply', ++version, text), config).findings;
}

/** Every `{start, end}` anywhere in a value. */
function spans(value: unknown, out: Array<{ start: number; end: number; at: string }> = [], at = 'reply', seen = new Set<unknown>()): typeof out {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  const v = value as Record<string, unknown>;
  if (typeof v.start === 'number' && typeof v.end === 'number') out.push({ start: v.start, end: v.end, at });
  for (const [k, child] of Object.entries(v)) if (k !== 'lines' || Array.isArray(child)) spans(child, out, `${at}.${k}`, seen);
  return out;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const surrogate = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return surrogate || (text.charAt(offset - 1) === '\r' && text.charAt(offset) === '\n');
}

/** Rules whose fix replaces exactly what the finding names: after it, the rule reports less. */
const SELF_RESOLVING = new Set(['date-format', 'doc-number-format', 'heading-punctuation', 'addressee-colon', 'numbering-style', 'punctuation-width', 'pasted-junk', 'paragraphs-run-together', 'receipt-transition', 'category-invalid']);

describe('property and fuzz tests', function () {
  this.timeout(600_000);

  it('the parser never throws and keeps the text', () => {
    fc.assert(fc.property(anyText, (text) => {
      count('parser never throws');
      const r = parseReply(text);
      assert.equal(r.parseError, undefined, r.parseError);
      assert.equal(r.text, text);
    }), { numRuns: RUNS * 2 });
  });

  it('every range of the model and of every finding lies inside the document, start before end', () => {
    fc.assert(fc.property(anyText, (text) => {
      count('ranges inside the document');
      const n = text.length;
      const check = (s: { start: number; end: number }, at: string): void => {
        assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= n, `${at}: ${s.start}..${s.end} of ${n}`);
      };
      for (const s of spans(parseReply(text))) check(s, s.at);
      for (const f of analyse(text)) {
        check(f, f.ruleId);
        for (const r of f.related ?? []) check(r, `${f.ruleId} related`);
        for (const fix of f.fixes ?? []) for (const e of fix.edits) check(e, `${f.ruleId} fix`);
      }
    }), { numRuns: RUNS });
  });

  it('a finding cut at a fixed length keeps whole characters (found by npm run fuzz)', () => {
    const text = '𐀀𐀀𐀀𐀀𐀀\u0000𐀀您提出的《关于教育的建议》（第156号）收悉，现答复如下：';
    const f = analyse(text).find((x) => x.ruleId === 'addressee-missing')!;
    assert.deepEqual([f.start, f.end], [0, 13], 'the cut at 12 units would split 𐀀');
  });

  it('analysis is deterministic', () => {
    fc.assert(fc.property(anyText, (text) => {
      count('analysis deterministic');
      assert.deepEqual(JSON.parse(JSON.stringify(analyse(text))), JSON.parse(JSON.stringify(analyse(text))));
    }), { numRuns: RUNS });
  });

  it('every quick fix changes only the text its edits name, never splitting a character or a CRLF', () => {
    fc.assert(fc.property(anyText, (text) => {
      for (const f of analyse(text)) {
        for (const fix of f.fixes ?? []) {
          count('fix leaves the rest untouched');
          const edits = [...fix.edits].sort((a, b) => a.start - b.start);
          for (let i = 1; i < edits.length; i++) assert.ok(edits[i]!.start >= edits[i - 1]!.end, `${f.ruleId}: overlapping edits`);
          for (const e of edits) assert.ok(!splitsPair(text, e.start) && !splitsPair(text, e.end), `${f.ruleId}: edit splits a pair at ${e.start}..${e.end}`);
          const out = applyEdits(text, edits);
          // the text between edits is byte-for-byte the same, in order
          let pos = 0;
          let cursor = 0;
          for (const e of edits) {
            const kept = text.slice(pos, e.start);
            assert.equal(out.slice(cursor, cursor + kept.length), kept, `${f.ruleId}: text before an edit changed`);
            cursor += kept.length + e.newText.length;
            pos = e.end;
          }
          assert.equal(out.slice(cursor), text.slice(pos), `${f.ruleId}: text after the last edit changed`);
        }
      }
    }), { numRuns: RUNS });
  });

  it('a quick fix that replaces what its finding names removes that finding (and mostly makes the rule report less)', () => {
    fc.assert(fc.property(mutatedReply, (text) => {
      const before = analyse(text);
      for (const f of before) {
        const fix = f.fixes?.[0];
        if (!fix || !SELF_RESOLVING.has(f.ruleId)) continue;
        count('fix resolves its finding');
        const after = analyse(applyEdits(text, fix.edits));
        const n = (fs: readonly Finding[]): number => fs.filter((x) => x.ruleId === f.ruleId).length;
        if (n(after) < n(before)) continue;
        // the fix may change the paragraphs so that the rule finds something elsewhere (deleting the
        // full stop of `一、标题。 正文` joins heading and text); its own finding must still be gone
        // (the same place and text: a junk line deleted brings the next one, junk too, to its place)
        const fixed = applyEdits(text, fix.edits);
        const shift = fix.edits.filter((e) => e.end <= f.start).reduce((d, e) => d + e.newText.length - (e.end - e.start), 0);
        const same = (x: Finding): boolean => x.ruleId === f.ruleId && x.start === f.start + shift && fixed.slice(x.start, x.end) === text.slice(f.start, f.end);
        assert.ok(!after.some(same), `${f.ruleId}: ${n(before)} → ${n(after)} after “${fix.title.en}”, the finding itself still there`);
        count('fix resolves its finding, another appears');
      }
    }), { numRuns: Math.ceil(RUNS / 3) });
  });
});
