/**
 * Bounded work and output on hostile input (issue 23): findings are capped per rule and per
 * document with one finding saying how many were left out; one level's renumbering is carried
 * once, not by every finding of the level; SARIF writes a fix once; code actions stay small.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatSarif } from '../../server/src/cli/sarif';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { planCleanup } from '../../server/src/features/cleanup';
import { widthEdits } from '../../server/src/features/codeActions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { applyEdits, disjoint } from '../../server/src/features/edits';
import { countFindings } from '../../server/src/report/summary';
import { RULES } from '../../server/src/rules';
import { FINDINGS_PER_DOCUMENT, FINDINGS_PER_RULE } from '../../server/src/rules/engine';
import { defineRule, type Finding, type Rule } from '../../server/src/rules/types';
import { createReplyService } from '../../server/src/service';

const NOW = (): Date => new Date(2026, 10, 23, 12);

function analyse(text: string, rules?: readonly Rule[]): { doc: TextDocument; findings: readonly Finding[] } {
  const doc = TextDocument.create('file:///bounds.reply', 'proposal-reply', 1, text);
  return { doc, findings: createReplyService({ now: NOW, ...(rules ? { rules } : {}) }).analyze(doc, DEFAULT_CONFIG).findings };
}

const perRule = (findings: readonly Finding[]): Map<string, Finding[]> => {
  const m = new Map<string, Finding[]>();
  for (const f of findings) m.set(f.ruleId, [...(m.get(f.ruleId) ?? []), f]);
  return m;
};

/** A rule that reports `n` findings, one per character. */
const flooding = (id: string, n: number): Rule => defineRule({
  id,
  defaultSeverity: 'warning',
  title: { zh: id, en: id },
  description: { zh: id, en: id },
  sources: [{ kind: 'practice', note: { zh: '测试', en: 'test' } }],
  check(ctx) {
    for (let i = 0; i < n; i++) ctx.report({ start: i, end: i + 1, message: { zh: `第 ${i} 处`, en: `place ${i}` } });
  },
}) as Rule;

describe('bounded findings and fixes', () => {
  it('keeps at most FINDINGS_PER_RULE findings of a rule and says at the next place how many more there are', () => {
    // 30 000 lines of `中,`: one half-width comma finding per line, on main 30 000 findings
    const text = '中,\n'.repeat(30_000);
    const { findings } = analyse(text);
    const width = perRule(findings).get('punctuation-width')!;
    assert.equal(width.length, FINDINGS_PER_RULE + 1);
    const summary = width.find((f) => f.omitted !== undefined)!;
    assert.equal(summary.omitted, 30_000 - FINDINGS_PER_RULE);
    assert.equal(summary.start, text.indexOf(',', 3 * FINDINGS_PER_RULE), 'at the first finding left out');
    assert.match(summary.message.zh, new RegExp(`还有 ${30_000 - FINDINGS_PER_RULE} 处同类问题未逐一列出（每份文档每条规则最多列出 ${FINDINGS_PER_RULE} 处）`));
    assert.equal(summary.fixes, undefined);
    // the report counts what was found, not what was listed
    assert.equal(countFindings(findings).hint, 30_000);
  });

  it('keeps at most FINDINGS_PER_DOCUMENT findings over all rules, one summary per rule cut short', () => {
    const rules = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => flooding(`flood-${id}`, 1000));
    const { findings } = analyse('x'.repeat(1000), rules);
    const kept = findings.filter((f) => f.omitted === undefined);
    const summaries = findings.filter((f) => f.omitted !== undefined);
    assert.ok(kept.length <= FINDINGS_PER_DOCUMENT, `${kept.length} kept`);
    assert.equal(summaries.length, rules.length);
    assert.equal(kept.length + summaries.reduce((n, f) => n + f.omitted!, 0), 7000);
    assert.ok(findings.length <= FINDINGS_PER_DOCUMENT + rules.length);
    // the rules late in the registry lost theirs to the document's cap and say so
    assert.match(summaries.find((f) => f.ruleId === 'flood-g')!.message.zh, /每份文档最多列出 1000 处问题/);
  });

  it('lets every rule of the registry report at most its cap on any hostile shape', () => {
    const shapes = ['中,\n', '（', '“', '\n', '1. 加强领导\n', '一、\n（一）\n', '一是二是四是', '中。。\n', '第1号第2号'];
    for (const unit of shapes) {
      const { findings } = analyse(unit.repeat(Math.ceil(200_000 / unit.length)));
      for (const [id, list] of perRule(findings)) assert.ok(list.length <= FINDINGS_PER_RULE + 1, `${JSON.stringify(unit)}: ${id} ${list.length}`);
      assert.ok(findings.length <= FINDINGS_PER_DOCUMENT + RULES.length, `${JSON.stringify(unit)}: ${findings.length}`);
    }
  });

  it('carries one level’s renumbering once, so that SARIF grows with the items, not their square', () => {
    const items = (n: number): string => `林灵委员：\n您提出的《关于课后服务的建议》收悉，现答复如下：\n${'1. 加强领导，完善机制，推进工作落实\n'.repeat(n)}`;
    const sizes: number[] = [];
    for (const n of [90, 180]) {
      const text = items(n);
      const { doc, findings } = analyse(text);
      const sequence = findings.filter((f) => f.ruleId === 'numbering-sequence');
      assert.equal(sequence.length, n - 1);
      // the first finding of the run offers the whole level (up to the 99th item: `100.` would be
      // no marker); the others their own marker
      assert.deepEqual(sequence.map((f) => f.fixes!.length), [2, ...new Array<number>(n - 2).fill(1)]);
      assert.equal(sequence[0]!.fixes![1]!.edits.length, Math.min(n, 99) - 1);
      const sarif = formatSarif([{ path: 'a.reply', kind: 'proposal-reply', doc, findings, diagnostics: toDiagnostics(doc, findings, { locale: 'zh-cn' }) }], [], 'zh-cn', '0', '/');
      sizes.push(Buffer.byteLength(sarif) / Buffer.byteLength(text));
    }
    // doubling the items leaves the size per input byte about the same (it doubled on main)
    assert.ok(sizes[1]! < sizes[0]! * 1.2, `SARIF per input byte ${sizes.map((s) => s.toFixed(0)).join(' → ')}`);
  });

  it('makes a paragraph of many half-width marks full-width with one edit, which the selection’s width and the cleanup take apart', () => {
    // 4 000 marks in one paragraph: one edit the length of its span, not 4 000 edit objects
    const para = '中,'.repeat(4000);
    const text = `林灵委员：\n${para}\n`;
    const { doc, findings } = analyse(text);
    const width = findings.find((f) => f.ruleId === 'punctuation-width')!;
    const [edit] = width.fixes![0]!.edits;
    assert.equal(width.fixes![0]!.edits.length, 1);
    // from the first mark to the last, each made full-width (compared as a boolean: the strings are long)
    assert.ok(edit!.start === text.indexOf(',') && edit!.newText === `，${'中，'.repeat(3999)}`, 'the edit makes every mark of the span full-width');
    assert.match(width.fixes![0]!.title.zh, /将本段 4000 处半角标点改为全角/);
    const { reply } = createReplyService({ now: NOW }).analyze(doc, DEFAULT_CONFIG);
    // the selection: the marks inside it, one by one
    const start = text.indexOf(',', 100);
    const selected = widthEdits(reply, DEFAULT_CONFIG, { year: 2026, month: 11, day: 23 }, { start, end: start + 10 });
    assert.deepEqual(selected.map((e) => [e.start, e.newText]), [[start, '，'], [start + 2, '，'], [start + 4, '，'], [start + 6, '，'], [start + 8, '，']]);
    // the cleanup: the width edit cut around a junk fragment inside the paragraph, every mark counted once
    const withJunk = `林灵委员：\n${'中,'.repeat(2000)}分享到：${'中,'.repeat(2000)}\n`;
    const plan = planCleanup(createReplyService({ now: NOW }).analyze(TextDocument.create('file:///j.reply', 'proposal-reply', 1, withJunk), DEFAULT_CONFIG).reply, DEFAULT_CONFIG, { year: 2026, month: 11, day: 23 });
    assert.ok(disjoint(plan.edits), 'the cleanup’s edits do not overlap');
    assert.equal(plan.punctuation, 4000);
    assert.equal(applyEdits(withJunk, plan.edits).replace(/分享到：/, '').split(',').length, 1, 'no half-width comma is left');
  });

  it('writes a fix that several findings share once in SARIF', () => {
    const shared = { title: { zh: '全部改正', en: 'fix all' }, edits: Array.from({ length: 100 }, (_, i) => ({ start: i, end: i + 1, newText: 'y' })) };
    const sharing = defineRule({
      ...flooding('sharing', 0),
      check(ctx) {
        for (let i = 0; i < 100; i++) ctx.report({ start: i, end: i + 1, message: { zh: '甲', en: 'a' }, fixes: [shared] });
      },
    }) as Rule;
    const { doc, findings } = analyse('x'.repeat(100), [sharing]);
    const sarif = JSON.parse(formatSarif([{ path: 'a.reply', kind: 'proposal-reply', doc, findings, diagnostics: [] }], [], 'zh-cn', '0', '/')) as { runs: Array<{ results: Array<{ fixes?: unknown[] }> }> };
    const results = sarif.runs[0]!.results;
    assert.equal(results.length, 100);
    assert.deepEqual(results.map((r) => r.fixes?.length ?? 0), [1, ...new Array<number>(99).fill(0)]);
  });
});
