/**
 * The command line over a folder of replies (10 000 in a full run, 200 in quick mode): wall time of
 * `proposal-reply check` as a user runs it (a new process, text output), with the default number of
 * threads (cli/check.ts chooses it from the cores and the files) and with the other choice (one
 * thread, or worker threads), runs interleaved, and whether both print the same. Budget: the
 * 10 000-file folder in under 10 s on 2 cores.
 */
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultJobs } from '../../server/src/cli/check';
import { type Budget, fmt, MiB, stats, type Section, type Stats, timeNode } from '../runner';

export const cliSection: Section = {
  id: 'cli',
  title: '命令行 CLI: proposal-reply check over a folder',
  async run(ctx) {
    const folder = ctx.inputs.folder();
    const cores = os.availableParallelism();
    const reps = ctx.quick ? 1 : 5;
    const base = [path.join(ctx.root, 'bin', 'proposal-reply.js'), 'check', '--today', '2026-01-01', '--fail-on', 'none'];
    const byDefault = defaultJobs(folder.files);
    // the other choice: worker threads when the default is one thread (at least two, so that quick
    // mode exercises the pool on one core too), else one thread
    const other = byDefault === 1 ? Math.max(2, cores) : 1;
    const modes = [
      { name: `default (${byDefault === 1 ? 'one thread' : `${byDefault} threads`})`, jobs: byDefault, args: [] as string[] },
      { name: other === 1 ? 'one thread (--jobs 1)' : `worker threads (--jobs ${other})`, jobs: other, args: ['--jobs', String(other)] },
    ];
    const runs = modes.map(() => [] as Array<{ ms: number; hash: string; summary: string }>);
    for (let i = 0; i < reps; i++) {
      for (let k = 0; k < modes.length; k++) {
        // alternate which mode runs first
        const m = (i + k) % modes.length;
        ctx.log(`cli: ${modes[m]!.name}, run ${i + 1}/${reps}`);
        const hash = createHash('sha256');
        const run = await timeNode([...base, ...modes[m]!.args, folder.path], { cwd: ctx.root, okCodes: [0, 1], onStdout: (b) => hash.update(b) });
        runs[m]!.push({ ms: run.ms, hash: hash.digest('hex'), summary: run.tail.trimEnd().split('\n').pop() ?? '' });
      }
    }
    const hashes = new Set(runs.flat().map((r) => r.hash));
    if (hashes.size !== 1) throw new Error('cli: the runs printed different output (repeated, or one thread against workers)');
    const results: Array<{ name: string; jobs: number; ms: Stats; filesPerS: number; mbPerS: number }> = modes.map((mode, k) => {
      const t = stats(runs[k]!.map((r) => r.ms));
      return { name: mode.name, jobs: mode.jobs, ms: t, filesPerS: folder.files / (t.median / 1000), mbPerS: folder.bytes / MiB / (t.median / 1000) };
    });
    const summary = runs[0]![0]!.summary;
    const chosen = results[0]!;
    const budgets: Budget[] = folder.files >= 10_000
      ? [{ name: `${fmt(folder.files)} 个文件 files in < 10 s (${cores} cores, default threads)`, figure: `${(chosen.ms.median / 1000).toFixed(2)} s`, limit: '< 10 s', pass: chosen.ms.median < 10_000 }]
      : [];
    return {
      columns: ['mode', 'files', 'MB', 'runs', 'median s', 'p99 s', 'files/s', 'MB/s'],
      rows: results.map((r) => [r.name, folder.files, fmt(folder.bytes / MiB), r.ms.n, (r.ms.median / 1000).toFixed(2), (r.ms.p99 / 1000).toFixed(2), fmt(r.filesPerS), fmt(r.mbPerS)]),
      budgets,
      data: { folder: { files: folder.files, bytes: folder.bytes }, cores, defaultJobs: byDefault, identicalOutput: true, summary, modes: results },
      note: `Wall time of a new process, text output to a pipe, the two modes alternating run by run; every run printed the same output (${summary}).`,
    };
  },
};
