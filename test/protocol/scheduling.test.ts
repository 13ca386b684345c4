/**
 * Diagnostics under rapid typing, from the real server over stdio: pushed, a burst of edits is
 * analysed once after the burst, diagnostics of an older version never arrive after a newer
 * version's, and the last diagnostics are those of the final text; pulled, the answer after a burst
 * is that of the final text.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { createReplyService } from '../../server/src/service';
import { EXAMPLES, readText } from '../support/fixtures';
import { TestClient } from '../support/lspClient';

const CLEAN = readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply'));

function shape(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.severity} ${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}

describe('protocol: diagnostics under rapid edits', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false, locale: 'zh-cn' });
  });
  after(async () => client.stop());

  it('never sends an older version after a newer one, coalesces a burst, and ends with the final text’s diagnostics', async () => {
    const uri = 'file:///push/rapid.reply';
    const local = TextDocument.create(uri, 'proposal-reply', 1, CLEAN);
    await client.open(uri, CLEAN);
    const opened = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const before = client.published.length;

    // a burst of edits, none waiting for the server: half-width commas typed between Chinese
    // characters of the paragraphs, right to left so that each position still holds, each one a
    // new punctuation-width finding
    const han = /\p{Script=Han}/u;
    const targets: Array<{ line: number; character: number }> = [];
    CLEAN.split('\n').forEach((l, line) => {
      for (let c = 10; c < l.length; c += 12) if (han.test(l[c - 1]!) && han.test(l[c]!)) targets.push({ line, character: c });
    });
    targets.splice(30);
    targets.reverse();
    assert.equal(targets.length, 30, 'enough places to type into');
    let version = 1;
    for (const at of targets) {
      const change: TextDocumentContentChangeEvent = { range: { start: at, end: at }, text: ',' };
      version++;
      TextDocument.update(local, [change], version);
      await client.change(uri, version, [change]);
    }
    const final = await client.waitForDiagnostics(uri, (p) => p.version === version);
    const burstText = TextDocument.create(uri, 'proposal-reply', version, local.getText());

    // one more edit and its diagnostics: anything stale still under way would arrive before them
    const at = { line: targets[0]!.line, character: 0 };
    const last: TextDocumentContentChangeEvent = { range: { start: at, end: at }, text: '　' };
    TextDocument.update(local, [last], version + 1);
    await client.change(uri, version + 1, [last]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === version + 1);

    const burst: PublishDiagnosticsParams[] = client.published.slice(before).filter((p) => p.uri === uri);
    const versions = burst.map((p) => p.version!);
    for (let k = 1; k < versions.length; k++) assert.ok(versions[k]! >= versions[k - 1]!, `version ${versions[k]} arrived after ${versions[k - 1]}: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], version + 1);
    assert.ok(versions.length < targets.length / 2, `${targets.length} rapid edits gave ${versions.length} publications: ${versions.join(', ')}`);

    // the diagnostics of each final text are those the service computes on it in process
    const service = createReplyService();
    assert.deepEqual(shape(final.diagnostics), shape(service.diagnostics(burstText, DEFAULT_CONFIG, 'zh-cn', true)));
    assert.ok(final.diagnostics.filter((d) => d.code === 'punctuation-width').length > opened.diagnostics.filter((d) => d.code === 'punctuation-width').length, 'the typed commas are found');
    assert.deepEqual(shape(after.diagnostics), shape(service.diagnostics(local, DEFAULT_CONFIG, 'zh-cn', true)));
  });

  it('a pull after a burst of edits answers for the final text', async () => {
    const pull = await TestClient.start({ pull: true, locale: 'zh-cn' });
    try {
      const uri = 'file:///pull/rapid.reply';
      const local = TextDocument.create(uri, 'proposal-reply', 1, CLEAN);
      await pull.open(uri, CLEAN);
      const lines = CLEAN.split('\n');
      const line = lines.findIndex((l) => l.length > 60);
      for (let k = 0; k < 20; k++) {
        // a half-width comma typed after the k-th character, and nothing waits for the server
        const at = { line, character: 10 + 2 * k };
        const change: TextDocumentContentChangeEvent = { range: { start: at, end: at }, text: ',' };
        TextDocument.update(local, [change], k + 2);
        await pull.change(uri, k + 2, [change]);
      }
      const report = await pull.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(shape(report.items), shape(createReplyService().diagnostics(local, DEFAULT_CONFIG, 'zh-cn', true)));
      assert.ok(report.items.some((d) => d.code === 'punctuation-width' && d.range.start.line === line), 'the typed commas are found');
    } finally {
      await pull.stop();
    }
  });
});
