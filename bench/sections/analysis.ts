/**
 * Analysis throughput: parse + every rule (default configuration) on each sized reply, in this
 * process, as the language server and the CLI run it. Time per MB across sizes shows whether the
 * cost grows linearly with the text.
 */
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { parseReply } from '../../server/src/parse';
import { runRules } from '../../server/src/rules/engine';
import { type Budget, fmt, MiB, ms, ratio, repeat, type Section, type Stats, stats } from '../runner';

const TODAY = { year: 2026, month: 1, day: 1 };

/** Parse + all rules, as `service.analyze` does without the cache. */
export function analyze(text: string): number {
  const reply = parseReply(text);
  return runRules(reply, DEFAULT_CONFIG, { today: TODAY }).length;
}

/**
 * Repetitions per size: enough for a p99 at the small sizes; at 1 MB and 10 MB enough that the
 * median outlasts the machine's slow stretches (seconds in which memory-bound code runs ~2× slower:
 * 12 runs at 10 MB, one second, gave per-run ratios whose median moved by ±10% between runs,
 * and 40 runs cost three seconds more). The warm-up runs
 * until V8 has optimised the code (measured: a 10 KB analysis takes ~2.5× its settled time for its
 * first ~2 500 runs, a 100 KB one ~1.8× for ~1 200), so that the figures are of the settled code
 * and not of a median that falls wherever the tiering happens to be. A fresh process pays the
 * difference on its first documents; `first ms` in the analysis table shows the first run.
 */
export function repsFor(bytes: number, quick: boolean): { reps: number; warmup: number } {
  if (quick) return { reps: 3, warmup: 1 };
  if (bytes <= 16 * 1024) return { reps: 500, warmup: 3000 };
  if (bytes <= 160 * 1024) return { reps: 200, warmup: 1500 };
  if (bytes <= 2 * MiB) return { reps: 100, warmup: 60 };
  return { reps: 40, warmup: 4 };
}

export interface AnalysisData {
  readonly sizes: Array<{
    label: string;
    bytes: number;
    findings: number;
    /** The first run in this process (the earlier sizes' runs have warmed the code). */
    firstMs: number;
    ms: Stats;
    mbPerS: number;
    msPerMb: number;
  }>;
  /** The largest rise of time per MB from a smaller size to a larger one: ≤ 1 is linear (or better). */
  readonly linearity: number;
  /** Time per MB per size from the interleaved rounds the linearity is taken from (medians over rounds). */
  readonly roundMsPerMb: number[];
  readonly rounds: number;
}

/**
 * Time per MB of every size in rounds: each round runs every size in turn, a small one as many
 * times as take about as long as one 1 MB run, so that all sizes of a round see the same machine.
 * Measured one size after another, the sizes met different phases of this shared machine (its
 * speed moves by up to 2× between seconds), and a slow phase on the 10 MB runs alone read as
 * superlinear growth (1.98× in one run whose rounds, repeated, gave 1.1×). Returns, per round, the
 * milliseconds per MB of each size.
 */
function timePerMbInRounds(inputs: ReadonlyArray<{ text: string; bytes: number }>, rounds: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    out.push(inputs.map((input) => {
      const runs = Math.max(1, Math.round(MiB / input.bytes));
      const t0 = performance.now();
      for (let k = 0; k < runs; k++) analyze(input.text);
      return (performance.now() - t0) / runs / (input.bytes / MiB);
    }));
  }
  return out;
}

export const analysisSection: Section = {
  id: 'analysis',
  title: '分析吞吐 Analysis throughput (parse + all rules)',
  async run(ctx) {
    const sizes: AnalysisData['sizes'] = [];
    for (const input of ctx.inputs.sizes) {
      ctx.log(`analysis: ${input.label}`);
      const t0 = performance.now();
      const findings = analyze(input.text);
      const firstMs = performance.now() - t0;
      const t = await repeat(() => analyze(input.text), repsFor(input.bytes, ctx.quick));
      const mb = input.bytes / MiB;
      sizes.push({ label: input.label, bytes: input.bytes, findings, firstMs, ms: t, mbPerS: mb / (t.median / 1000), msPerMb: t.median / mb });
    }
    // superlinear work shows as time per MB rising with the size; a fixed cost per document only
    // makes small documents dearer per MB, which is not growth. Per pair of sizes, the median over
    // the rounds of the rise within a round.
    const rounds = ctx.quick ? 2 : 15;
    const perRound = timePerMbInRounds(ctx.inputs.sizes, rounds);
    let linearity = 0;
    for (let i = 0; i < sizes.length; i++) {
      for (let j = i + 1; j < sizes.length; j++) linearity = Math.max(linearity, stats(perRound.map((r) => r[j]! / r[i]!)).median);
    }
    const roundMsPerMb = sizes.map((_, i) => stats(perRound.map((r) => r[i]!)).median);
    const data: AnalysisData = { sizes, linearity, roundMsPerMb, rounds };
    const budgets: Budget[] = [{
      name: '线性增长 linear growth (worst rise of time/MB from a smaller to a larger size, in interleaved rounds)',
      figure: ratio(linearity),
      limit: '≤ 1.5×',
      pass: linearity <= 1.5,
    }];
    return {
      columns: ['size', 'bytes', 'findings', 'first ms', 'runs', 'median ms', 'p99 ms', 'MB/s', 'ms/MB'],
      rows: sizes.map((s) => [s.label, s.bytes, s.findings, ms(s.firstMs), s.ms.n, ms(s.ms.median), ms(s.ms.p99), fmt(s.mbPerS), ms(s.msPerMb)]),
      budgets,
      data,
      note: `MB = 2²⁰ bytes of UTF-8; one run = parseReply + runRules with the default configuration. Medians and p99 after the warm-up (repsFor); \`first ms\` is the first run of each size, the 10 KB one in a cold process. Linear growth from ${rounds} rounds that run every size in turn (the small ones repeated to about 1 MB of text), the median rise per pair of sizes: ms/MB ${roundMsPerMb.map((x) => ms(x)).join(' / ')}.`,
    };
  },
};
