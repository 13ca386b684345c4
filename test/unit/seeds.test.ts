/**
 * The five real replies in ../shared/corpus/seeds: every element each one has is found on the
 * right line, and the error and warning findings are exactly those a careful reviewer would agree
 * with (published web copies drop signatures and closings, and carry web-page junk).
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import type { MeasureHeading, Reply } from '../../server/src/core/model';
import { createReplyService } from '../../server/src/service';
import type { Span } from '../../server/src/core/text';
import { readText, seedPath } from '../support/fixtures';

const service = createReplyService({ now: () => new Date(2026, 10, 23, 12) });

function analyse(prefix: string): { reply: Reply; line: (s: Span | undefined) => number; serious: string[] } {
  const text = readText(seedPath(prefix));
  const doc = TextDocument.create(`file:///seed/${prefix}`, 'proposal-reply', 1, text);
  const { reply, findings } = service.analyze(doc, DEFAULT_CONFIG);
  const line = (s: Span | undefined): number => {
    assert.ok(s, 'element not found');
    return doc.positionAt(s.start).line + 1;
  };
  const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.severity} ${f.ruleId}@${doc.positionAt(f.start).line + 1}`);
  return { reply, line, serious };
}

function outlineLines(hs: readonly MeasureHeading[], line: (s: Span) => number): unknown[] {
  return hs.map((h) => (h.children.length ? [line(h), outlineLines(h.children, line)] : line(h)));
}

describe('seed corpus', () => {
  it('000: a long proposal reply with a numbered tree and web junk', () => {
    const { reply: r, line, serious } = analyse('000');
    assert.equal(r.kind, 'proposal-reply');
    assert.deepEqual([line(r.docNumber), line(r.title), line(r.addressee), line(r.receipt), line(r.opening)], [1, 1, 5, 7, 9]);
    assert.equal(r.title!.organ, '市教育局');
    assert.deepEqual(r.title!.proposalNumbers.map((p) => p.value), ['41019']);
    assert.equal(r.addressee!.form, 'body');
    assert.deepEqual(r.receipt!.quotedTitles.map((q) => q.text), ['关于大力推进我市教育优质均衡的建议']);
    assert.deepEqual(outlineLines(r.measures, line), [11, [15, [17, 19, 21, 23]], [25, [27, 29, 31]], [33, [35, 37, 39]], 41, [51, [57, 59, 61, 63, 65]], 67]);
    assert.deepEqual([line(r.closing), line(r.signature), line(r.date)], [73, 75, 77]);
    assert.deepEqual(r.date!.value, { year: 2019, month: 10, day: 15 });
    assert.deepEqual(r.junk.map((j) => line(j)), [3, 79, 81]);
    assert.deepEqual(serious, ['warning pasted-junk@3', 'warning pasted-junk@79']);
  });

  it('001: a whole reply collapsed onto one line', () => {
    const { reply: r, line, serious } = analyse('001');
    assert.equal(r.kind, 'proposal-reply');
    assert.deepEqual([line(r.title), line(r.category), line(r.addressee), line(r.receipt), line(r.opening)], [1, 4, 4, 4, 4]);
    assert.equal(r.category!.value, 'A');
    assert.deepEqual(r.addressee!.names, ['林灵委员']);
    assert.deepEqual(r.receipt!.proposalNumbers.map((p) => p.value), ['156']);
    assert.deepEqual(r.measures.map((m) => [m.marker.text, m.children.map((c) => c.marker.text)]), [
      ['一、', ['(一)', '(二)']], ['二、', ['(一)', '(二)', '(三)', '(四)']], ['三、', ['(一)', '(二)', '(三)']],
    ]);
    assert.deepEqual(r.signature!.names, ['普洱市教育体育局']);
    assert.deepEqual(r.date!.value, { year: 2023, month: 7, day: 12 });
    assert.equal(r.contacts.length, 1);
    assert.equal(r.closing, undefined);
    assert.deepEqual(serious, [
      // (the table borders of lines 2 and 3 are one finding)
      'warning pasted-junk@1', 'warning pasted-junk@2',
      'warning closing-missing@4', 'warning pasted-junk@4', 'warning pasted-junk@5',
    ]);
  });

  it('002: a proposal reply with a category line and a next-steps section', () => {
    const { reply: r, line, serious } = analyse('002');
    assert.equal(r.kind, 'proposal-reply');
    assert.deepEqual([line(r.docNumber), line(r.category), line(r.addressee), line(r.receipt)], [1, 2, 3, 4]);
    assert.equal(r.addressee!.form, 'body');
    assert.deepEqual(r.receipt!.proposalNumbers.map((p) => p.value), ['20244077']);
    assert.deepEqual(outlineLines(r.measures, line), [5, [8, [9, 11, 13, 15, 17, 19, 21]], [23, [25, 27, 29, 31, 33, 35, 37]]]);
    assert.deepEqual(r.nextSteps.map((n) => [n.form, line(n)]), [['heading', 23]]);
    assert.deepEqual([line(r.signature), line(r.date)], [39, 40]);
    assert.deepEqual(serious, ['warning closing-missing@39', 'warning pasted-junk@41', 'warning pasted-junk@44']);
  });

  it('003: a rectification report whose web copy lost its signature and date', () => {
    const { reply: r, line, serious } = analyse('003');
    assert.equal(r.kind, 'rectification-report');
    assert.deepEqual([line(r.title), line(r.addressee), line(r.receipt)], [1, 2, 3]);
    assert.equal(r.receipt!.transition!.text, '现将整改情况报告如下:');
    assert.deepEqual(outlineLines(r.measures, line), [4, [13, [14, 15, 16, 17]]]);
    assert.equal(r.measures[1]!.isNextSteps, true);
    assert.deepEqual(r.enumerations.map((e) => [line(e), e.items.length]), [[6, 4], [8, 3], [10, 3], [12, 5]]);
    assert.equal(r.signature, undefined);
    assert.equal(r.date, undefined);
    assert.deepEqual(serious, ['warning closing-missing@17', 'error signature-missing@17', 'error date-missing@17', 'warning pasted-junk@18']);
  });

  it('004: a reply to several members with next steps inside each section', () => {
    const { reply: r, line, serious } = analyse('004');
    assert.equal(r.kind, 'proposal-reply');
    assert.deepEqual([line(r.addressee), line(r.receipt), line(r.opening)], [1, 2, 3]);
    assert.equal(r.addressee!.form, 'persons');
    assert.equal(r.receipt!.quotedTitles.length, 2);
    assert.deepEqual(r.measures.map((m) => line(m)), [5, 8, 11]);
    assert.deepEqual(r.nextSteps.map((n) => [n.form, line(n)]), [['paragraph', 7], ['paragraph', 10], ['paragraph', 13]]);
    assert.deepEqual([line(r.closing), line(r.signature), line(r.date), line(r.annotation)], [14, 15, 16, 17]);
    assert.deepEqual(serious, []);
  });
});
