/**
 * The memory of a server under test: it runs with `--expose-gc --require gcProbe.js` (PROBE); on
 * request it collects garbage and reports its heap, and the resident size is read from
 * /proc/<pid>/status, so that tests read settled figures instead of whatever the last allocation left.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type TestClient, withTimeout } from './lspClient';

/** The probe to preload: `execArgv: ['--expose-gc', '--require', PROBE]`. */
export const PROBE = path.join(__dirname, 'gcProbe.js');

export function rssOf(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(m, 'VmRSS in /proc/<pid>/status');
  return Number(m[1]) * 1024;
}

/** Asks the server to collect garbage and waits for its answer; then its resident size. */
export async function settledRss(client: TestClient): Promise<{ rss: number; heapUsed: number }> {
  const answer = withTimeout(new Promise<{ heapUsed: number; collected: boolean }>((resolve) => {
    let buffered = '';
    const onData = (d: Buffer): void => {
      buffered += d.toString();
      const m = /gc-probe (\{.*\})\n/.exec(buffered);
      if (!m) return;
      client.process.stderr!.off('data', onData);
      resolve(JSON.parse(m[1]!) as { heapUsed: number; collected: boolean });
    };
    client.process.stderr!.on('data', onData);
  }), 15_000, () => 'no answer from the gc probe');
  client.process.kill('SIGUSR2');
  const { heapUsed, collected } = await answer;
  assert.ok(collected, 'the server runs with --expose-gc');
  return { rss: rssOf(client.process.pid!), heapUsed };
}
