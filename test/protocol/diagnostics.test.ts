/**
 * Diagnostics over the protocol, from the real server started over stdio: pulled by a client that
 * advertises pull diagnostics, pushed to one that does not, never both; rule id as code, a link to
 * the rule's page, the client's language, related information.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { readText, seedPath } from '../support/fixtures';
import { TestClient } from '../support/lspClient';

const SEED = seedPath('000_');
const SEED_URI = pathToFileURL(SEED).href;
const SEED_TEXT = readText(SEED);

/** `severity code@line` for everything but hints, 1-based lines. */
function summary(ds: readonly Diagnostic[]): string[] {
  return ds.filter((d) => d.severity !== 4).map((d) => `${d.severity} ${d.code}@${d.range.start.line + 1}`);
}

const SEED_000_EXPECTED = [
  '2 pasted-junk@3',
  '3 numbering-level@17',
  '3 numbering-level@27',
  '3 numbering-level@35',
  '3 numbering-level@57',
  '3 next-steps-missing@71',
  // (the two widget lines at the foot are one finding)
  '2 pasted-junk@79',
];

describe('protocol: diagnostics', function () {
  this.timeout(30000);

  describe('a client with pull diagnostics', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ pull: true, locale: 'zh-cn' });
    });
    after(async () => client.stop());

    it('announces a diagnostic provider and answers textDocument/diagnostic on seed 000', async () => {
      assert.ok(client.initializeResult.capabilities.diagnosticProvider, 'no diagnosticProvider');
      await client.open(SEED_URI, SEED_TEXT);
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: SEED_URI } });
      assert.equal(report.kind, 'full');
      const items = (report as { items: Diagnostic[] }).items;
      assert.deepEqual(summary(items), SEED_000_EXPECTED);
      assert.ok(items.filter((d) => d.code === 'punctuation-width').length >= 20);
      for (const d of items) {
        assert.equal(d.source, 'proposal-reply');
        assert.match(d.message as string, /\p{Script=Han}/u, 'a Chinese message');
        const href = d.codeDescription?.href;
        assert.ok(href, `${d.code} has no code description`);
        assert.ok(href.startsWith('file:') && href.endsWith(`/docs/rules/${d.code}.md`), href);
        assert.ok(fs.existsSync(fileURLToPath(href)), `${href} does not exist`);
      }
      const junk = items.find((d) => d.code === 'pasted-junk')!;
      assert.deepEqual(junk.range, { start: { line: 2, character: 0 }, end: { line: 2, character: SEED_TEXT.split(/\r?\n/)[2]!.trimEnd().length } });
      assert.equal(junk.message, '网页发布信息（发布时间、来源、浏览次数、编辑等）不属于答复内容，应删除。');
    });

    it('never pushes diagnostics to it, also after a change', async () => {
      const uri = 'file:///pull/changed.reply';
      await client.open(uri, '林灵委员\n您提出的建议收悉。\n');
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, text: '：' }]);
      const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(!report.items.some((d) => d.code === 'addressee-colon'), 'the colon was added by the change');
      assert.ok(report.items.some((d) => d.code === 'signature-missing'));
      // further round trips: a push, had one been sent, would have arrived before their answers
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/diagnostic', { textDocument: { uri: SEED_URI } });
      assert.equal(client.published.length, 0);
    });

    it('gives related information for a proposal number that differs from the title', async () => {
      const uri = 'file:///pull/related.reply';
      const text = '厦门市教育局关于第41019号提案的答复\n\n***委员会：\n\n你委提出的《关于大力推进教育优质均衡的建议》（第41091号）收悉，现答复如下：\n';
      await client.open(uri, text);
      const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      const d = items.find((x) => x.code === 'proposal-number-mismatch');
      assert.ok(d, 'proposal-number-mismatch missing');
      // the receipt line's number is reported, the title's (the reference) is the related place
      assert.equal(d.range.start.line, 4);
      const at = text.split('\n')[0]!.indexOf('第41019号');
      assert.deepEqual(d.relatedInformation, [{
        location: { uri, range: { start: { line: 0, character: at }, end: { line: 0, character: at + 7 } } },
        message: '标题中的编号',
      }]);
    });

    it('answers an empty report for a document it does not know', async () => {
      const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere.reply' } });
      assert.deepEqual(report, { kind: 'full', items: [] });
    });
  });

  describe('a client without pull diagnostics', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ pull: false, locale: 'zh-CN' });
    });
    after(async () => client.stop());

    it('announces no diagnostic provider and pushes the same diagnostics on open', async () => {
      assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
      await client.open(SEED_URI, SEED_TEXT);
      const pushed = await client.waitForDiagnostics(SEED_URI);
      assert.equal(pushed.version, 1);
      assert.deepEqual(summary(pushed.diagnostics), SEED_000_EXPECTED);
      assert.ok(pushed.diagnostics.every((d) => d.codeDescription?.href.endsWith(`/docs/rules/${d.code}.md`)));
    });

    it('pushes again for each incremental change, for the new version', async () => {
      // delete the junk line 3 (0-based 2) with its line break
      await client.change(SEED_URI, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
      const pushed = await client.waitForDiagnostics(SEED_URI, (p) => p.version === 2);
      assert.deepEqual(summary(pushed.diagnostics), SEED_000_EXPECTED.slice(1).map((s) => s.replace(/@(\d+)$/, (_m, n: string) => `@${Number(n) - 1}`)));
    });

    it('clears the diagnostics of a closed document', async () => {
      await client.close(SEED_URI);
      const cleared = await client.waitForDiagnostics(SEED_URI, (p) => p.diagnostics.length === 0);
      assert.equal(cleared.diagnostics.length, 0);
    });
  });

  describe('the client’s language', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ pull: false, locale: 'en-US' });
    });
    after(async () => client.stop());

    it('gives English messages to an English client', async () => {
      await client.open(SEED_URI, SEED_TEXT);
      const pushed = await client.waitForDiagnostics(SEED_URI);
      const junk = pushed.diagnostics.find((d) => d.code === 'pasted-junk');
      assert.equal(junk?.message, 'Web-page metadata (publication time, source, view count, editor …) is not part of the reply; delete it.');
      assert.ok(pushed.diagnostics.every((d) => !/\p{Script=Han}{4}/u.test((d.message as string).replace(/[“《（][^”》）]*[”》）]/gu, ''))), 'no Chinese prose in English messages');
    });
  });
});
