/**
 * Opening a reply in a fresh editor: from the start of the language server's process to the first
 * diagnostics of a 10 KB reply, as a client sees them over stdio (spawn, initialize, initialized,
 * didOpen, a textDocument/diagnostic pull as VS Code sends it). The server as the .vsix ships it
 * (dist/server.js, bundled here into .bench/dist/ from the current code) and, for comparison, the
 * compiled tree a development checkout runs; the two alternate run by run.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../../test/support/lspClient';
import { bundle } from '../../scripts/bundle';
import { type Budget, ms, type Section, stats, type Stats } from '../runner';

/** One start: milliseconds to the initialize result and to the first diagnostics, and how many. */
async function startToDiagnostics(serverModule: string, uri: string, text: string): Promise<{ initializeMs: number; diagnosticsMs: number; count: number }> {
  const t0 = performance.now();
  const client = await TestClient.start({ pull: true, locale: 'zh-cn', serverModule });
  const t1 = performance.now();
  try {
    await client.open(uri, text);
    const report = await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } }, 30_000);
    return { initializeMs: t1 - t0, diagnosticsMs: performance.now() - t0, count: report.items.length };
  } finally {
    await client.stop();
  }
}

export const lspStartupSection: Section = {
  id: 'lsp-startup',
  title: '语言服务器启动 Language server: process start to the first diagnostics of a 10 KB reply',
  async run(ctx) {
    const input = ctx.inputs.sizes.find((s) => s.label === '10 KB');
    if (!input) throw new Error('lsp-startup: no 10 KB input');
    ctx.log('lsp-startup: bundling the server as the .vsix ships it');
    const bundled = path.join((await bundle(path.join(ctx.work, 'dist'))).outdir, 'server.js');
    const servers = [
      { name: 'bundled server (dist/server.js, as in the .vsix)', module: bundled },
      { name: 'compiled tree (out/server/src/main.js)', module: path.join(ctx.root, 'out', 'server', 'src', 'main.js') },
    ];
    const uri = pathToFileURL(input.path).href;
    const runs = ctx.quick ? 2 : 30;
    const samples = servers.map(() => ({ initialize: [] as number[], diagnostics: [] as number[], count: 0 }));
    ctx.log(`lsp-startup: ${runs} starts of each server`);
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < servers.length; k++) {
        // alternate which server starts first
        const s = (i + k) % servers.length;
        const r = await startToDiagnostics(servers[s]!.module, uri, input.text);
        samples[s]!.initialize.push(r.initializeMs);
        samples[s]!.diagnostics.push(r.diagnosticsMs);
        samples[s]!.count = r.count;
      }
    }
    const result = servers.map((s, i) => ({ name: s.name, initializeMs: stats(samples[i]!.initialize), diagnosticsMs: stats(samples[i]!.diagnostics), diagnostics: samples[i]!.count }));
    const shipped = result[0]!.diagnosticsMs;
    const budgets: Budget[] = [
      { name: `语言服务器启动 server start → first diagnostics of a ${input.label} reply, p50 (bundled, ${runs} starts)`, figure: `${ms(shipped.median)} ms`, limit: '—', pass: undefined },
      { name: `语言服务器启动 server start → first diagnostics of a ${input.label} reply, p99 (bundled, ${runs} starts)`, figure: `${ms(shipped.p99)} ms`, limit: '—', pass: undefined },
    ];
    const row = (r: { name: string; initializeMs: Stats; diagnosticsMs: Stats; diagnostics: number }): Array<string | number> => [r.name, r.diagnosticsMs.n, ms(r.initializeMs.median), ms(r.diagnosticsMs.median), ms(r.diagnosticsMs.p99), r.diagnostics];
    return {
      columns: ['server', 'starts', 'initialize p50 ms', 'first diagnostics p50 ms', 'p99 ms', 'diagnostics'],
      rows: result.map(row),
      budgets,
      data: { bytes: input.bytes, runs, servers: result },
      note: 'From spawn of `node SERVER --stdio` to the answer of the textDocument/diagnostic pull that follows initialize, initialized and didOpen (the test client answers the server\'s configuration requests at once). With fewer than 100 starts the p99 is the slowest. Issue 20 sets no limit for this figure.',
    };
  },
};
