/**
 * The command line over a folder of replies (10 000 in a full run, 200 in quick mode): wall time of
 * `proposal-reply check` as a user runs it (a new process, text output), with worker threads on
 * every core and with one thread, and whether both print the same. Budget: the 10 000-file folder
 * in under 10 s on 2 cores.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Budget, fmt, MiB, stats, type Section, type Stats } from '../runner';

interface Run {
  readonly ms: number;
  readonly code: number | null;
  readonly stdoutHash: string;
  readonly lastLine: string;
}

/** Runs the CLI in a new process and times it from spawn to exit. */
function runCli(root: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin', 'proposal-reply.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      hash.update(b);
      tail = (tail + b.toString('utf8')).slice(-400);
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0 && code !== 1) reject(new Error(`proposal-reply check exited with ${code}: ${stderr.slice(0, 800)}`));
      else resolve({ ms, code, stdoutHash: hash.digest('hex'), lastLine: tail.trimEnd().split('\n').pop() ?? '' });
    });
  });
}

export const cliSection: Section = {
  id: 'cli',
  title: '命令行 CLI: proposal-reply check over a folder',
  async run(ctx) {
    const folder = ctx.inputs.folder();
    const cores = os.availableParallelism();
    const reps = ctx.quick ? 1 : 5;
    const base = ['check', '--today', '2026-01-01', '--fail-on', 'none'];
    const modes: Array<{ name: string; jobs: number; args: string[] }> = [
      // the default picks every core for a folder this size; quick mode's 200 files would stay in
      // one thread, so the worker path is forced there to keep it exercised
      { name: `worker threads (${ctx.quick ? `--jobs ${cores}` : 'default'})`, jobs: cores, args: ctx.quick ? ['--jobs', String(cores)] : [] },
      { name: 'one thread (--jobs 1)', jobs: 1, args: ['--jobs', '1'] },
    ];
    const results: Array<{ name: string; jobs: number; ms: Stats; filesPerS: number; mbPerS: number; stdoutHash: string; summary: string }> = [];
    for (const mode of modes) {
      const runs: Run[] = [];
      for (let i = 0; i < reps; i++) {
        ctx.log(`cli: ${mode.name}, run ${i + 1}/${reps}`);
        runs.push(await runCli(ctx.root, [...base, ...mode.args, folder.path]));
      }
      const hashes = new Set(runs.map((r) => r.stdoutHash));
      if (hashes.size !== 1) throw new Error(`cli: ${mode.name} printed different output on repeated runs`);
      const t = stats(runs.map((r) => r.ms));
      results.push({
        name: mode.name, jobs: mode.jobs, ms: t,
        filesPerS: folder.files / (t.median / 1000), mbPerS: folder.bytes / MiB / (t.median / 1000),
        stdoutHash: runs[0]!.stdoutHash, summary: runs[0]!.lastLine,
      });
    }
    const identical = results.every((r) => r.stdoutHash === results[0]!.stdoutHash);
    if (!identical) throw new Error('cli: worker threads and one thread printed different output');
    const parallel = results[0]!;
    const budgets: Budget[] = folder.files >= 10_000
      ? [{ name: `${fmt(folder.files)} 个文件 files in < 10 s (${cores} cores)`, figure: `${(parallel.ms.median / 1000).toFixed(2)} s`, limit: '< 10 s', pass: parallel.ms.median < 10_000 }]
      : [];
    return {
      columns: ['mode', 'files', 'MB', 'runs', 'median s', 'p99 s', 'files/s', 'MB/s'],
      rows: results.map((r) => [r.name, folder.files, fmt(folder.bytes / MiB), r.ms.n, (r.ms.median / 1000).toFixed(2), (r.ms.p99 / 1000).toFixed(2), fmt(r.filesPerS), fmt(r.mbPerS)]),
      budgets,
      data: { folder: { files: folder.files, bytes: folder.bytes }, cores, identicalOutput: identical, summary: parallel.summary, modes: results },
      note: `Wall time of a new process, text output to a pipe; both modes printed identical output (${parallel.summary}).`,
    };
  },
};
