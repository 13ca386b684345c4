/**
 * Load over the protocol: 1 000 rapid edits to one document, each followed by requests that the
 * next edit cancels ($/cancelRequest), and 20 documents opened at once. The final diagnostics must
 * equal a fresh analysis of the final texts, and the server's memory must come back near where it
 * started once the documents are closed. Memory is read from /proc/<pid>/status after the server
 * (preloaded with test/support/gcProbe.js) collects garbage; the figures are printed.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic, DocumentDiagnosticReport, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sizedReply } from '../../bench/inputs';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { createReplyService } from '../../server/src/service';
import { prng } from '../../scripts/prng';
import { EXAMPLES, readText } from '../support/fixtures';
import { TestClient } from '../support/lspClient';
import { PROBE, rssOf, settledRss } from '../support/memory';

const MiB = 1024 * 1024;
const EDITS = 1000;
const DOCUMENTS = 20;

function fresh(uri: string, text: string): string[] {
  return brief(createReplyService().diagnostics(TextDocument.create(uri, 'proposal-reply', 1, text), DEFAULT_CONFIG, 'zh-cn'));
}
const brief = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${String(d.code)} ${JSON.stringify(d.range)} ${d.message as string}`);

const TYPED = ['一', '、', '加强', '，', '。', '\n', '二、', '（一）', '2025年5月20日', '此复。', '林灵委员：', ',', '(', '𠀋'];

/** A random typing step: insert a piece, delete a few characters, or replace some with a piece. */
function edit(doc: TextDocument, next: () => number): TextDocumentContentChangeEvent {
  const n = doc.getText().length;
  let start = Math.floor(next() * (n + 1));
  const kind = next();
  let end = kind < 0.6 ? start : Math.min(n, start + 1 + Math.floor(next() * 4));
  // never between the halves of a surrogate pair: an editor does not split a character
  const text = doc.getText();
  const low = (i: number): boolean => i > 0 && i < n && /[\udc00-\udfff]/.test(text.charAt(i));
  if (low(start)) start--;
  if (low(end)) end++;
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: kind < 0.85 ? TYPED[Math.floor(next() * TYPED.length)]! : '' };
}


const mb = (bytes: number): string => (bytes / MiB).toFixed(1);

describe('protocol: load', function () {
  this.timeout(300_000);

  it(`takes ${EDITS} rapid edits with cancelled requests and ${DOCUMENTS} documents at once, ends with fresh diagnostics, and gives the memory back`, async () => {
    const client = await TestClient.start({ pull: true, execArgv: ['--expose-gc', '--require', PROBE] });
    const pid = client.process.pid!;
    let peak = 0;
    const sampler = setInterval(() => void (peak = Math.max(peak, rssOf(pid))), 20);
    const pull = (uri: string, token?: CancellationTokenSource): Promise<DocumentDiagnosticReport> =>
      client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, 120_000, token?.token);
    const items = (r: DocumentDiagnosticReport): string[] => brief(r.kind === 'full' ? r.items : assert.fail('expected a full report'));
    try {
      // warm up: one document opened, checked and closed, so that the baseline holds the loaded code
      const warm = 'file:///load/warm.reply';
      await client.open(warm, readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply')));
      await pull(warm);
      await client.close(warm);
      const start = await settledRss(client);

      // 1 000 edits as fast as they can be sent; after each, a diagnostic pull and an outline request,
      // both cancelled by the next edit if still running
      const uri = 'file:///load/typed.reply';
      let doc = TextDocument.create(uri, 'proposal-reply', 1, readText(path.join(EXAMPLES, 'flawed', '02-numbering.reply')));
      await client.open(uri, doc.getText());
      const next = prng(20261123);
      const answered: Array<Promise<unknown>> = [];
      let cancelled = 0;
      let inFlight: CancellationTokenSource | undefined;
      for (let v = 2; v <= EDITS + 1; v++) {
        const change = edit(doc, next);
        doc = TextDocument.update(doc, [change], v);
        inFlight?.cancel();
        void client.change(uri, v, [change]);
        inFlight = new CancellationTokenSource();
        for (const p of [pull(uri, inFlight), client.request('textDocument/documentSymbol', { textDocument: { uri } }, 120_000, inFlight.token)]) {
          // a cancelled request ends with ServerCancelled / RequestCancelled or an empty answer; anything else fails
          answered.push(p.catch((e: { code?: number }) => {
            if (e.code !== -32802 && e.code !== -32800) throw e;
            cancelled++;
          }));
        }
      }
      await Promise.all(answered);
      assert.deepEqual(items(await pull(uri)), fresh(uri, doc.getText()), 'the final diagnostics are those of the final text');

      // 20 documents of 100 KB opened at once and pulled at once
      const texts = Array.from({ length: DOCUMENTS }, (_, i) => `厦教提案函〔2025〕${i + 1}号\n${sizedReply(100 * 1024)}`);
      const uris = texts.map((_, i) => `file:///load/doc${i}.reply`);
      await Promise.all(uris.map((u, i) => client.open(u, texts[i]!)));
      const reports = await Promise.all(uris.map((u) => pull(u)));
      reports.forEach((r, i) => assert.deepEqual(items(r), fresh(uris[i]!, texts[i]!), uris[i]));
      const loaded = await settledRss(client);

      for (const u of [uri, ...uris]) await client.close(u);
      assert.deepEqual(items(await pull(warm)), [], 'a closed document answers nothing');
      const end = await settledRss(client);
      clearInterval(sampler);
      peak = Math.max(peak, loaded.rss);

      console.log(`      load: ${EDITS} edits (${cancelled} of ${EDITS * 2} requests cancelled), ${DOCUMENTS} × 100 KB documents; server RSS start ${mb(start.rss)} MB, peak ${mb(peak)} MB, with the documents open ${mb(loaded.rss)} MB, after closing them ${mb(end.rss)} MB; heap ${mb(start.heapUsed)} → ${mb(loaded.heapUsed)} → ${mb(end.heapUsed)} MB`);
      // closed documents leave nothing behind: of the heap the open documents took, less than 40 % is
      // still in use, and the resident size (which V8 gives back lazily) stays within a tolerant bound
      const took = loaded.heapUsed - start.heapUsed;
      assert.ok(took > 2 * MiB, `the open documents took ${mb(took)} MB of heap`);
      assert.ok(end.heapUsed - start.heapUsed < 0.4 * took, `heap after closing: ${mb(end.heapUsed - start.heapUsed)} of ${mb(took)} MB still in use`);
      assert.ok(end.rss - start.rss < 64 * MiB, `RSS grew by ${mb(end.rss - start.rss)} MB`);
    } finally {
      clearInterval(sampler);
      await client.stop();
    }
  });
});
