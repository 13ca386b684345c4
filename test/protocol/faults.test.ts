/**
 * Faults over the protocol: malformed requests and notifications make a handler throw, and the
 * server answers the empty result, logs the failure by handler name and goes on; a killed server
 * is restarted the way the extension restarts it (the client's own RestartPolicy decides, the open
 * documents are opened again), its diagnostics come back the same, and after MAX_RESTARTS quick
 * crashes it stays down. The recovery time is printed.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { type CloseDecision, MAX_RESTARTS, RestartPolicy } from '../../client/src/restart';
import * as path from 'node:path';
import { EXAMPLES, readText } from '../support/fixtures';
import { TestClient } from '../support/lspClient';

const example = (name: string): string => readText(path.join(EXAMPLES, name));
const brief = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${String(d.code)} ${JSON.stringify(d.range)} ${d.message as string}`);

describe('protocol: faults', function () {
  this.timeout(60_000);

  it('survives handler exceptions from malformed requests and notifications, logging each by handler', async () => {
    const client = await TestClient.start({ pull: false });
    try {
      const uri = 'file:///faults/a.reply';
      const text = example('flawed/02-numbering.reply');
      await client.open(uri, text);
      const before = await client.waitForDiagnostics(uri);
      assert.ok(before.diagnostics.length > 0);

      const bad = [{}, { textDocument: null }, { textDocument: { uri: 42 }, position: null, range: 'everything' }];
      for (const params of bad) {
        assert.equal(await client.request('textDocument/hover', params), null);
        assert.deepEqual(await client.request('textDocument/completion', params), []);
        assert.deepEqual(await client.request('textDocument/documentSymbol', params), []);
        assert.deepEqual(await client.request('textDocument/foldingRange', params), []);
        assert.deepEqual(await client.request('textDocument/codeAction', params), []);
        assert.equal(await client.request('proposalReply/structure', params), null);
        assert.equal(await client.request('proposalReply/cleanup', params), null);
        assert.equal(await client.request('proposalReply/renumber', params), null);
        assert.deepEqual(await client.request('proposalReply/checkFiles', params), { results: [], skipped: [] });
      }
      // a real document, impossible positions and ranges: answered, whatever the answer
      const odd = { textDocument: { uri }, position: { line: -3, character: 1e9 }, range: { start: { line: 1e9, character: -1 }, end: { line: -1, character: 0 } }, context: { diagnostics: 'none' } };
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'proposalReply/renumber']) await client.request(method, odd);
      // notifications that make no sense: text that is not a string, a change to an unknown document, a change past the end
      await client.open('file:///faults/number.reply', 42 as unknown as string);
      await client.change('file:///faults/unknown.reply', 2, [{ text: '正文' }]);
      await client.change(uri, 2, [{ range: { start: { line: 10_000, character: 5 }, end: { line: 10_001, character: 0 } }, text: '' }]);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'all' });
      await client.connection.sendNotification('workspace/didChangeConfiguration', null);

      // still answering, and the document's findings are those of its text
      const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
      assert.deepEqual(brief(after.diagnostics), brief(before.diagnostics));
      assert.ok((await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })).length > 0);
      assert.equal(client.hasExited, false);
      for (const name of ['hover', 'completion', 'documentSymbol', 'foldingRange', 'codeAction', 'structure', 'cleanup', 'renumber', 'checkFiles']) {
        assert.ok(client.logs.some((l) => l.startsWith(`${name} failed: TypeError`)), `${name}: no log of its failure`);
      }
    } finally {
      await client.stop();
    }
  });

  describe('a crashed server', () => {
    const docs = new Map([
      ['file:///faults/flawed.reply', example('flawed/01-missing-elements.reply')],
      ['file:///faults/clean.reply', example('clean/suggestion-reply.reply')],
      ['file:///faults/empty.reply', '关于口袋公园建设的答复\n近年来，我局加快口袋公园建设。\n'],
    ]);

    /** Starts a server and opens the documents, as the extension does on start and on restart. */
    async function launch(): Promise<{ client: TestClient; diagnostics: Map<string, string[]> }> {
      const client = await TestClient.start({ pull: false });
      for (const [uri, text] of docs) await client.open(uri, text);
      const diagnostics = new Map<string, string[]>();
      for (const uri of docs.keys()) diagnostics.set(uri, brief((await client.waitForDiagnostics(uri)).diagnostics));
      return { client, diagnostics };
    }

    /** Kills the server; the policy decides, and a restart opens the documents again. */
    async function crash(client: TestClient, policy: RestartPolicy): Promise<{ decision: CloseDecision; next?: Awaited<ReturnType<typeof launch>>; ms: number }> {
      const t0 = performance.now();
      client.process.kill('SIGKILL');
      await client.exited();
      client.connection.dispose();
      const decision = policy.closed();
      if (!decision.restart) return { decision, ms: performance.now() - t0 };
      const next = await launch();
      return { decision, next, ms: performance.now() - t0 };
    }

    it(`is restarted with the same diagnostics, up to ${MAX_RESTARTS} times in the window, then left down`, async () => {
      const policy = new RestartPolicy();
      let current = await launch();
      const expected = current.diagnostics;
      assert.ok(expected.get('file:///faults/flawed.reply')!.length > 0 && expected.get('file:///faults/empty.reply')!.length > 0);
      const times: number[] = [];
      try {
        for (let i = 1; i <= MAX_RESTARTS; i++) {
          const r = await crash(current.client, policy);
          assert.deepEqual(r.decision, { restart: true, crash: i });
          current = r.next!;
          assert.deepEqual(current.diagnostics, expected, `after restart ${i}`);
          times.push(r.ms);
        }
        const last = await crash(current.client, policy);
        assert.deepEqual(last.decision, { restart: false, crashes: MAX_RESTARTS + 1, windowMinutes: 3 });
        assert.equal(last.next, undefined);
      } finally {
        if (!current.client.hasExited) await current.client.stop();
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`      recovery after a server crash (kill → restarted → diagnostics of ${docs.size} documents): median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${times.length} restarts`);
    });
  });
});
