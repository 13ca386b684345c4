/**
 * The benchmark's frame: what a measurement section is, the context it runs in, timing statistics,
 * and the table and JSON output. Sections are plain modules listed in `sections/index.ts`; each one
 * measures one thing, returns a table, its budgets and machine-readable data, and may read the
 * results of the sections that ran before it (the floor section reads the analysis figures).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Inputs } from './inputs';

/** A budget (issues 6 and 20), evaluated on this run's figures. */
export interface Budget {
  /** What is promised, e.g. `analysis ≤ 5× bare line scan (1 MB)`. */
  readonly name: string;
  /** The figure measured, as printed, e.g. `3.1×`. */
  readonly figure: string;
  /** The limit, as printed, e.g. `≤ 5×`; `—` for a figure that has no limit yet. */
  readonly limit: string;
  /** Undefined for a figure that has no limit yet. */
  readonly pass: boolean | undefined;
}

export type Cell = string | number;

export interface SectionResult {
  /** Column headers of the section's table. */
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
  readonly budgets: readonly Budget[];
  /** Machine-readable figures (milliseconds, bytes, counts), printed under the section id by `--json`. */
  readonly data: unknown;
  /** A sentence printed under the table: what was measured and how. */
  readonly note?: string;
}

export interface BenchContext {
  /** Small sizes, few repetitions, a 200-file folder: for CI, where only breakage matters. */
  readonly quick: boolean;
  /** The repository root. */
  readonly root: string;
  /** The git-ignored working folder (`.bench/`) where inputs are generated. */
  readonly work: string;
  /** The generated inputs (sized replies and the folder). */
  readonly inputs: Inputs;
  /** Results of the sections that already ran, by section id. */
  readonly results: ReadonlyMap<string, SectionResult>;
  /** Progress messages (stderr), so that stdout stays the table or the JSON. */
  log(message: string): void;
}

/**
 * One measurement section. To add one: write `sections/<id>.ts` exporting a `Section`, and add it
 * to the list in `sections/index.ts` (the order is the run order and the print order).
 */
export interface Section {
  /** Stable id, the key in the JSON output, e.g. `analysis`. */
  readonly id: string;
  /** Heading of the section's table, Chinese first. */
  readonly title: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}

// ---------------------------------------------------------------- statistics

export interface Stats {
  readonly n: number;
  readonly median: number;
  /** Nearest-rank 99th percentile: with fewer than 100 samples, the slowest run. */
  readonly p99: number;
  readonly min: number;
  readonly mean: number;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  const p99 = s[Math.min(n - 1, Math.ceil(0.99 * n) - 1)]!;
  return { n, median, p99, min: s[0]!, mean: s.reduce((a, b) => a + b, 0) / n };
}

export interface RepeatOptions {
  /** Repetitions wanted. */
  readonly reps: number;
  /** Untimed runs first, so that the JIT has compiled the hot paths. */
  readonly warmup?: number;
  /** Stop early (after at least `minReps`) once this much time has gone into the timed runs. */
  readonly maxSeconds?: number;
  readonly minReps?: number;
}

/** Times `fn` (milliseconds per call) over repeated runs. */
export async function repeat(fn: () => unknown, options: RepeatOptions): Promise<Stats> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await fn();
  const samples: number[] = [];
  const budget = (options.maxSeconds ?? Infinity) * 1000;
  const minReps = Math.min(options.minReps ?? 3, options.reps);
  let spent = 0;
  for (let i = 0; i < options.reps; i++) {
    const t0 = performance.now();
    await fn();
    const dt = performance.now() - t0;
    samples.push(dt);
    spent += dt;
    if (samples.length >= minReps && spent > budget) break;
  }
  return stats(samples);
}

// ---------------------------------------------------------------- processes

export interface ProcessRun {
  /** Wall time from spawn to exit, milliseconds. */
  readonly ms: number;
  readonly code: number | null;
  /** The last 400 characters of standard output. */
  readonly tail: string;
}

/**
 * Runs `node ARGS` in a new process and times it from spawn to exit, as a user waits for it.
 * Standard output is read and dropped (its tail kept); an exit code outside `okCodes` throws.
 */
export function timeNode(args: readonly string[], options: { cwd: string; okCodes?: readonly number[]; onStdout?: (chunk: Buffer) => void }): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      options.onStdout?.(b);
      tail = (tail + b.toString('utf8')).slice(-400);
    });
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString('utf8')).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (!(options.okCodes ?? [0]).includes(code ?? -1)) reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`));
      else resolve({ ms, code, tail });
    });
  });
}

/**
 * Times two commands in interleaved pairs, `a` first in even pairs and `b` first in odd ones, so
 * that both meet the same moments of a shared machine; returns both lists of times and the ratio
 * b ÷ a of each pair.
 */
export async function timePairs(pairs: number, a: () => Promise<number>, b: () => Promise<number>): Promise<{ a: number[]; b: number[]; ratios: number[] }> {
  const out = { a: [] as number[], b: [] as number[], ratios: [] as number[] };
  for (let i = 0; i < pairs; i++) {
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = await a();
      tb = await b();
    } else {
      tb = await b();
      ta = await a();
    }
    out.a.push(ta);
    out.b.push(tb);
    out.ratios.push(tb / ta);
  }
  return out;
}

// ---------------------------------------------------------------- formatting

export const MiB = 1024 * 1024;

export function fmt(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '—';
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Math.abs(x) >= 100) return x.toFixed(Math.max(0, digits - 1));
  if (Math.abs(x) >= 1) return x.toFixed(digits);
  return x.toPrecision(2);
}

export function ms(x: number): string {
  return fmt(x, x < 10 ? 2 : 1);
}

export function ratio(x: number): string {
  return `${fmt(x, x < 10 ? 2 : 1)}×`;
}

export function sizeLabel(bytes: number): string {
  return bytes >= MiB ? `${Math.round(bytes / MiB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function markdownTable(columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)));
  const lines = [`| ${columns.join(' | ')} |`, `|${columns.map((_c, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of cells) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

export function budgetTable(budgets: readonly Budget[]): string {
  const result = (b: Budget): string => (b.pass === undefined ? '—' : b.pass ? '✔ pass' : '✖ FAIL');
  return markdownTable(['预算 budget', '实测 measured', '要求 limit', '结果 result'], budgets.map((b) => [b.name, b.figure, b.limit, result(b)]));
}

/** The repository root from `out/bench/*.js`. */
export const ROOT = path.resolve(__dirname, '..', '..');

export function ensureDir(p: string): string {
  fs.mkdirSync(p, { recursive: true });
  return p;
}
