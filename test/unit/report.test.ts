/**
 * The batch report: states, overdue marks, duplicates and unregistered replies from summaries;
 * the formats (JSON, CSV with BOM, Markdown, HTML) and their escaping.
 */
import * as assert from 'node:assert/strict';
import { parseRegister } from '../../server/src/register';
import { batchLinks, buildReport, groupByState } from '../../server/src/report/batch';
import { numberSortKey } from '../../server/src/report/columns';
import { BatchIndex } from '../../server/src/report';
import { csvCell, formatReportCsv, formatReportJson, formatReportMarkdown, mdCell } from '../../server/src/report/formats';
import { escapeHtml, formatReportHtml, relativeHref } from '../../server/src/report/html';
import { REPORT_ELEMENTS, type ReplySummary } from '../../server/src/report/summary';

const REGISTER = parseRegister([
  '编号,案由,提案人,类型,办理期限,答复类别',
  '101,关于甲的建议,张三,提案,2025-06-30,A',
  '102,"关于<script>alert(1)</script>|乙的建议",李四,建议,2025-06-30,',
  '103,关于丙的建议,王五,提案,2025-08-31,',
  '104,关于丁的建议,赵六,提案,2025-05-31,',
  '105,=HYPERLINK("x"),钱七,提案,,',
].join('\n'));

const ALL = Object.fromEntries(REPORT_ELEMENTS.map((e) => [e, true])) as ReplySummary['elements'];

function summary(path: string, keys: string[], counts: Partial<ReplySummary['counts']> = {}, extra: Partial<ReplySummary> = {}): ReplySummary {
  return {
    path, kind: 'proposal-reply', entryKeys: keys, numbers: keys, elements: ALL,
    counts: { error: 0, warning: 0, information: 0, hint: 0, ...counts }, ...extra,
  };
}

const TODAY = { year: 2025, month: 7, day: 1 };

function sample() {
  return buildReport({
    register: REGISTER,
    registerSource: 'register.csv',
    today: TODAY,
    replies: [
      summary('101.reply', ['101'], {}, { date: { year: 2025, month: 6, day: 20 }, category: 'A' }),
      summary('102-a.reply', ['102'], { error: 2, warning: 1 }, { elements: { ...ALL, receipt: false, date: false } }),
      summary('102-b.reply', ['102'], { warning: 1 }, { date: { year: 2025, month: 6, day: 28 } }),
      summary('104.reply', ['104'], {}, { date: { year: 2025, month: 6, day: 3 } }),
      summary('stray.reply', [], { warning: 1 }, { numbers: ['999'], quotedTitle: '关于戊的建议' }),
    ],
  });
}

describe('batch report', () => {
  it('has one row per entry or reply, in register order, each in one state', () => {
    const r = sample();
    assert.deepEqual(r.rows.map((x) => [x.entry?.number ?? '', x.reply?.path ?? '', x.state, x.overdue, x.daysOverdue ?? null, x.duplicate, x.unregistered]), [
      ['101', '101.reply', 'complete', false, null, false, false],
      // a draft without a date is overdue once today is past the deadline; one dated in time is not
      ['102', '102-a.reply', 'errors', true, 1, true, false],
      ['102', '102-b.reply', 'warnings', false, null, true, false],
      ['103', '', 'missing', false, null, false, false],
      // a complete reply dated after the deadline is overdue by its date
      ['104', '104.reply', 'complete', true, 3, false, false],
      ['105', '', 'missing', false, null, false, false],
      ['', 'stray.reply', 'warnings', false, null, false, true],
    ]);
    assert.deepEqual(
      { ...r.totals },
      { missing: 2, errors: 1, warnings: 2, complete: 2, rows: 7, entries: 5, replies: 5, overdue: 2, unregistered: 1, duplicates: 2, errorFindings: 2, warningFindings: 3 },
    );
    assert.deepEqual(groupByState(r).map((g) => [g.state, g.label.zh, g.rows.length, g.overdue]), [
      ['missing', '未答复', 2, 0], ['errors', '有错误', 1, 1], ['warnings', '有警告', 2, 0], ['complete', '已完成', 2, 1],
    ]);
  });

  it('works without a register: one row per reply', () => {
    const r = buildReport({ today: TODAY, replies: [summary('a.reply', []), summary('b.reply', [], { error: 1 })] });
    assert.deepEqual(r.rows.map((x) => [x.reply?.path, x.state, x.unregistered]), [['a.reply', 'complete', false], ['b.reply', 'errors', false]]);
    assert.equal(r.register, undefined);
  });

  it('collects the batch links of entries with two or more replies', () => {
    const links = batchLinks([{ path: 'a', entryKeys: ['1'] }, { path: 'b', entryKeys: ['1', '2'] }, { path: 'c', entryKeys: ['3'] }]);
    assert.deepEqual([...links], [['1', ['a', 'b']]]);
  });

  it('holds a register and a batch of 10 000 (timings: npm run bench:report)', () => {
    const n = 10_000;
    const csv = ['编号,案由,提案人,办理期限', ...Array.from({ length: n }, (_, i) => `${20250000 + i},关于第${i}件事的建议,张${i},2025-06-30`)].join('\n');
    const register = parseRegister(csv);
    assert.equal(register.entries.length, n);
    assert.equal(register.entries[n - 1]!.line, n + 1);
    const replies = Array.from({ length: n - 1 }, (_, i) => summary(`${20250000 + i}.reply`, [String(20250000 + i)], { warning: i % 2 }, { date: { year: 2025, month: 6, day: 20 } }));
    const r = buildReport({ register, today: TODAY, replies });
    assert.equal(r.rows.length, n);
    assert.deepEqual([r.totals.complete, r.totals.warnings, r.totals.missing, r.totals.overdue], [5000, 4999, 1, 1]);
    const html = formatReportHtml(r, { locale: 'zh-cn' });
    assert.equal((html.match(/<tr data-state=/g) ?? []).length, n);
  });
});

describe('batch index (the language server keeps one)', () => {
  it('keeps links up to date and says whose duplicate status changed', () => {
    const index = new BatchIndex();
    assert.deepEqual(index.set(summary('file:///a.reply', ['101'])), []);
    assert.deepEqual([...index.links()], []);
    // b joins a's entry: a must be re-checked
    assert.deepEqual(index.set(summary('file:///b.reply', ['101'])), ['file:///a.reply']);
    assert.deepEqual([...index.links()], [['101', ['file:///a.reply', 'file:///b.reply']]]);
    // an edit that keeps the link affects nobody else
    assert.deepEqual(index.set(summary('file:///b.reply', ['101'], { warning: 1 })), []);
    // b moves to another entry where c already is: a and c are affected
    index.set(summary('file:///c.reply', ['102']));
    assert.deepEqual(index.set(summary('file:///b.reply', ['102'])), ['file:///a.reply', 'file:///c.reply']);
    assert.deepEqual([...index.links()], [['102', ['file:///b.reply', 'file:///c.reply']]]);
    assert.deepEqual(index.delete('file:///c.reply'), ['file:///b.reply']);
    assert.deepEqual(index.delete('file:///nope.reply'), []);
    assert.equal(index.size, 2);
    const report = index.report({ register: REGISTER, today: TODAY });
    assert.deepEqual(report.rows.filter((r) => r.reply).map((r) => [r.entry?.number, r.reply!.path]), [['101', 'file:///a.reply'], ['102', 'file:///b.reply']]);
    assert.deepEqual(groupByState(report).map((g) => g.rows.length), [3, 0, 0, 2]);
  });
});

describe('report formats', () => {
  it('writes the documented JSON', () => {
    const doc = JSON.parse(formatReportJson(sample())) as { version: number; today: string; register: unknown; totals: { rows: number }; rows: Array<Record<string, unknown>> };
    assert.equal(doc.version, 1);
    assert.equal(doc.today, '2025-07-01');
    assert.deepEqual(doc.register, { source: 'register.csv', entries: 5, issues: 0 });
    assert.equal(doc.rows.length, doc.totals.rows);
    assert.deepEqual(Object.keys(doc.rows[0]!).sort(), [
      'category', 'counts', 'daysOverdue', 'deadline', 'duplicate', 'elements', 'file', 'kind', 'linkedBy', 'number', 'overdue', 'registerCategory',
      'registerRow', 'replyKind', 'state', 'title', 'unregistered',
    ]);
    assert.deepEqual(doc.rows[1]!.elements, { ...ALL, receipt: false, date: false });
    assert.equal(doc.rows[3]!.elements, null);
    assert.equal(doc.rows[6]!.number, '999');
    assert.equal(doc.rows[6]!.title, '关于戊的建议');
  });

  it('writes CSV with a BOM, CRLF, Chinese headers, quoting and no formulas', () => {
    const csv = formatReportCsv(sample(), 'zh-cn');
    assert.ok(csv.startsWith('\ufeff编号,案由,类型,类别,办理期限,逾期,标题,主送,收文说明,措施,下一步,结束语,署名,成文日期,错误,警告,状态,答复文件\r\n'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 8);
    assert.equal(lines[2], '102,关于<script>alert(1)</script>|乙的建议,建议,,2025-06-30,逾期1天,有,有,缺,有,有,有,有,缺,2,1,有错误（重复答复）,102-a.reply');
    assert.equal(lines[4], '103,关于丙的建议,提案,,2025-08-31,,,,,,,,,,,,未答复,');
    assert.equal(lines[6], `105,"'=HYPERLINK(""x"")",提案,,,,,,,,,,,,,,未答复,`);
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.match(formatReportCsv(sample(), 'en'), /^\ufeffNumber,Item title,Kind,Category,Deadline,Overdue,Title,/);
  });

  it('writes a Markdown table with escaped cells', () => {
    const md = formatReportMarkdown(sample(), 'zh-cn');
    assert.match(md, /^# 提案建议答复办理情况报告\n\n统计日期：2025-07-01。登记表：register\.csv（5 件，登记表问题 0 个）。答复：5 份。\n\n共 7 行：未答复 2，有错误 1，有警告 2，已完成 2；逾期 2；未登记的答复 1。\n/);
    assert.ok(md.includes('| 102 | 关于&lt;script&gt;alert(1)&lt;/script&gt;\\|乙的建议 | 建议 |  | 2025-06-30 **逾期1天** | ✓ | ✓ | ✗ |'));
    const table = md.split('\n').filter((l) => l.startsWith('|'));
    assert.equal(table.length, 2 + 7);
    assert.ok(table.every((l) => l.split(/(?<!\\)\|/).length === table[0]!.split('|').length));
    assert.equal(mdCell('a*b_c`d[e]'), 'a\\*b\\_c\\`d\\[e\\]');
  });

  it('writes one self-contained HTML page with every text escaped', () => {
    const html = formatReportHtml(sample(), { locale: 'zh-cn', hrefOf: (p) => relativeHref(`../replies/${p}`), generator: 'proposal-reply 0.1.0' });
    assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/);
    assert.ok(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`));
    assert.doesNotMatch(html, /<(script|link|img|iframe)[^>]+(src|href)=/i);
    assert.doesNotMatch(html, /https?:\/\//);
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('关于&lt;script&gt;alert(1)&lt;/script&gt;|乙的建议'));
    assert.equal((html.match(/<tr data-state=/g) ?? []).length, 7);
    assert.ok(html.includes('<span class="count" data-count="missing">2</span>'));
    assert.ok(html.includes('<span class="count" data-count="overdue">2</span>'));
    assert.ok(html.includes('<a href="../replies/102-a.reply">102-a.reply</a>'));
    assert.ok(html.includes('@media print'));
    assert.match(html, /<th scope="col" aria-sort="none" data-col="number" title="Number"><button type="button">编号<\/button><\/th>/);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(relativeHref('../a b/第1号#?.reply'), '../a%20b/%E7%AC%AC1%E5%8F%B7%23%3F.reply');
    assert.match(formatReportHtml(sample(), { locale: 'en' }), /<html lang="en">[\s\S]*<button type="button">Number<\/button>/);
  });

  it('sorts numbers by value within their prefix', () => {
    assert.deepEqual(['D22', '0087', '20250136', '9', 'D101'].sort((a, b) => (numberSortKey(a) < numberSortKey(b) ? -1 : 1)), ['9', '0087', '20250136', 'D22', 'D101']);
  });
});
