/**
 * `npm run bench:hostile`: the figures of the README's reliability table for hostile input (issue
 * 23). For each adversarial shape, files of doubling size are checked by the CLI and opened in the
 * real language server over stdio, each in a process with a 256 MB heap (`--max-old-space-size=256`);
 * the script prints, per shape, the largest file each of them checked (not refused by a limit, not
 * crashed) and the time it took, and what happened to the next size. Then, for a 1 MB document of
 * each shape (or the most lines under the command line's limit), the size of the SARIF output and of
 * the code actions of the whole document (listed lazily as for VS Code, with their edits for other
 * clients, and the largest single resolved action). Figures, not a test: the tests assert bounds.
 *
 *   npm run bench:hostile               sizes 256 KB … 64 MB (about 10 minutes)
 *   npm run bench:hostile -- --quick    256 KB … 4 MB
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from '../test/support/lspClient';
import { sizedReply } from './inputs';
import { ROOT } from './runner';

const MiB = 1024 * 1024;
const HEAP = '--max-old-space-size=256';
const BIN = path.join(ROOT, 'bin', 'proposal-reply.js');
const CLI_MAX_LINES = 200_000;
const SERVER_MAX_LINES = 100_000;

/** The text cut to fewer lines than `max`: the largest document of its shape a line limit lets through. */
const cut = (text: string, max: number): string => (lines(text) < max ? text : text.split('\n').slice(0, max - 1).join('\n'));

interface Shape {
  readonly name: string;
  /** A document of about `bytes` UTF-8 bytes. */
  readonly make: (bytes: number) => string;
}

const repeat = (unit: string) => (bytes: number): string => unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))));

const SHAPES: readonly Shape[] = [
  { name: '`中,` lines (a finding per line)', make: repeat('中,\n') },
  { name: 'unclosed `（` (one line)', make: repeat('（') },
  { name: 'blank lines', make: repeat('\n') },
  { name: 'list items all `1.` (26 KB per 500)', make: repeat('1. 加强领导，完善机制，推进工作落实\n') },
  { name: '`1.x` lines (a heading per 4 bytes)', make: repeat('1.x\n') },
  { name: '`中,` in one paragraph', make: repeat('中,') },
  { name: 'sentences without a numeral, one line with a blank (a date looked for after each)', make: (bytes) => `${repeat('我们很好地完成了工作。')(bytes)} 完成` },
  { name: 'unclosed `<!--` (pasted markup, one line)', make: repeat('<!--') },
  { name: 'table bars in one line (`a\\|`, a cell each)', make: repeat('a|') },
  { name: 'headings run together in one line (`(一)x。`)', make: repeat('(一)x。') },
  { name: '`<p>中&nbsp;</p>` lines (markup past its cap)', make: repeat('<p>中&nbsp;</p>\n') },
  { name: 'a real-looking reply (bench input)', make: (bytes) => sizedReply(bytes) },
];

const mb = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(n >= 10 * MiB ? 0 : 1)} MB` : `${Math.round(n / 1024)} KB`);
const lines = (text: string): number => text.split('\n').length;

interface Outcome {
  readonly checked: boolean;
  readonly ms: number;
  /** Why not: refused (with the reason) or crashed. */
  readonly note: string;
}

/** The CLI on one file in a process with a 256 MB heap. */
function cliRun(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(process.execPath, [HEAP, BIN, 'check', '--format', 'json', '--fail-on', 'none', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.length));
    child.stderr.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('close', (code, signal) => {
      const ms = Date.now() - start;
      if (code === 0) resolve({ checked: true, ms, note: `${mb(stdout)} of JSON` });
      else if (code === 2) resolve({ checked: false, ms, note: `refused: ${(stderr.trim().split('\n').pop() ?? '').split(': ').slice(2).join(': ')}` });
      else resolve({ checked: false, ms, note: `crashed (${signal ?? `exit ${code}`}${/heap out of memory/.test(stderr) ? ', heap out of memory' : ''})` });
    });
  });
}

/** The server, opened with one document, in a process with a 256 MB heap: the time to its diagnostics. */
async function serverRun(text: string): Promise<Outcome> {
  const client = await TestClient.start({ pull: false, execArgv: [HEAP] });
  const uri = 'file:///hostile/doc.reply';
  const start = Date.now();
  try {
    await client.open(uri, text);
    const exited = client.exited().then(() => undefined);
    const p = await Promise.race([client.waitForDiagnostics(uri, () => true, 300_000), exited]);
    const ms = Date.now() - start;
    if (!p) return { checked: false, ms, note: 'crashed' };
    const notice = (p as PublishDiagnosticsParams).diagnostics.find((d: Diagnostic) => d.range.end.line === 0 && d.range.end.character === 0 && d.severity === 3 && /文件|行数/.test(String(d.message)));
    if (notice && /不检查|不像答复/.test(String(notice.message))) return { checked: false, ms, note: `refused: ${String(notice.message).split('，')[0]}` };
    return { checked: true, ms, note: notice ? 'on open and save' : 'live' };
  } catch (e) {
    return { checked: false, ms: Date.now() - start, note: `no answer: ${String(e).slice(0, 80)}` };
  } finally {
    if (!client.hasExited) await client.stop();
  }
}

/** Code-action and SARIF sizes for one document (the real server, and the CLI's SARIF). */
async function payloads(text: string, dir: string): Promise<{ sarif: number; lazy: number; eager: number; resolved: number }> {
  const file = path.join(dir, 'payload.reply');
  fs.writeFileSync(file, text);
  const sarif = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [HEAP, BIN, 'check', '--format', 'sarif', '--fail-on', 'none', file], { stdio: ['ignore', 'pipe', 'ignore'] });
    let n = 0;
    child.stdout.on('data', (d: Buffer) => void (n += d.length));
    child.on('close', () => resolve(n));
  });
  const sizes = { lazy: 0, eager: 0, resolved: 0 };
  for (const resolve of [true, false]) {
    const client = await TestClient.start({ pull: true, codeActionResolve: resolve, execArgv: [HEAP] });
    try {
      const uri = 'file:///hostile/payload.reply';
      await client.open(uri, text);
      const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, 300_000);
      const range = { start: { line: 0, character: 0 }, end: { line: lines(text), character: 0 } };
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: items } }, 300_000);
      const bytes = Buffer.byteLength(JSON.stringify(actions));
      if (!resolve) sizes.eager = bytes;
      else {
        sizes.lazy = bytes;
        for (const a of actions) sizes.resolved = Math.max(sizes.resolved, Buffer.byteLength(JSON.stringify(await client.request<CodeAction>('codeAction/resolve', a, 300_000))));
      }
    } finally {
      await client.stop();
    }
  }
  return { sarif, ...sizes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' } } });
  const sizes = [256 * 1024, 512 * 1024, MiB, 2 * MiB, 4 * MiB, ...(values.quick ? [] : [8 * MiB, 16 * MiB, 32 * MiB, 64 * MiB])];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-hostile-bench-'));
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stdout.write(`# Hostile input within a 256 MB heap (load ${load}; ${os.cpus().length} cores; Node ${process.version})\n\n`);
  process.stdout.write('| shape | CLI: largest checked (time) | CLI: next size | server: largest checked (time to diagnostics) | server: next size |\n|---|---|---|---|---|\n');
  try {
    for (const shape of SHAPES) {
      const best = { cli: '—', cliNext: '—', server: '—', serverNext: '—' };
      let cliDone = false;
      let serverDone = false;
      for (const size of sizes) {
        if (cliDone && serverDone) break;
        const text = shape.make(size);
        const bytes = Buffer.byteLength(text);
        const label = (t: string): string => `${mb(Buffer.byteLength(t))}, ${lines(t)} lines`;
        if (!cliDone) {
          // past the line limit, the most lines it takes first
          for (const t of lines(text) >= CLI_MAX_LINES ? [cut(text, CLI_MAX_LINES), text] : [text]) {
            const file = path.join(dir, 'doc.reply');
            fs.writeFileSync(file, t);
            const r = await cliRun(file);
            if (r.checked) best.cli = `${label(t)} (${(r.ms / 1000).toFixed(1)} s)`;
            else {
              best.cliNext = `${mb(Buffer.byteLength(t))}: ${r.note}`;
              cliDone = true;
              break;
            }
          }
        }
        if (!serverDone && bytes > 20 * MiB) {
          best.serverNext = `${mb(bytes)}: refused (over 20 MB)`;
          serverDone = true;
        }
        if (!serverDone) {
          for (const t of lines(text) >= SERVER_MAX_LINES ? [cut(text, SERVER_MAX_LINES), text] : [text]) {
            const r = await serverRun(t);
            if (r.checked) best.server = `${label(t)}, ${r.note} (${(r.ms / 1000).toFixed(1)} s)`;
            else {
              best.serverNext = `${mb(Buffer.byteLength(t))}: ${r.note}`;
              serverDone = true;
              break;
            }
          }
        }
      }
      process.stdout.write(`| ${shape.name} | ${best.cli} | ${best.cliNext} | ${best.server} | ${best.serverNext} |\n`);
    }
    process.stdout.write('\n# Output for a 1 MB document (fewer lines than the editor’s limit of 100 000)\n\n| shape | SARIF | code actions, listed (VS Code) | with edits (other clients) | largest resolved action |\n|---|---|---|---|---|\n');
    for (const shape of SHAPES) {
      const text = cut(shape.make(MiB), SERVER_MAX_LINES);
      const p = await payloads(text, dir);
      const bytes = Buffer.byteLength(text);
      const rel = (n: number): string => `${mb(n)} (${(n / bytes).toFixed(2)}×)`;
      process.stdout.write(`| ${shape.name} (${mb(bytes)}) | ${rel(p.sarif)} | ${rel(p.lazy)} | ${rel(p.eager)} | ${rel(p.resolved)} |\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
