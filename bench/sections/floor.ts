/**
 * The practical floor: the same text through a bare line scan in the same process — split into
 * lines, run one regular expression over each line. The regex looks for half-width punctuation
 * after a Chinese character and every match in a line is counted, so it reads every character of
 * every line, as a checker that reports each finding must. (A `test` per line stops at a line's
 * first match: on the 100 000-character pasted line of the 1 MB reply, whose first match is ~10 000
 * characters in, it skipped 90% of that line, a quarter of the text, and the floor was ~19% faster.)
 * Budget: analysis within 5× of the floor at 1 MB and 10 MB, where the ratio measures the
 * algorithm. At 10 KB and 100 KB it measured the fixed cost per reply, tens of microseconds nobody
 * feels (issue 20); a full run leaves those sizes out, quick mode runs its small sizes only to check
 * that the section works.
 */
import { type Budget, fmt, MiB, ms, ratio, type Section, type Stats, stats } from '../runner';
import { analyze, repsFor } from './analysis';

/** How many rounds the runs of each size are spread over (see the section). */
const FLOOR_ROUNDS = 10;

/** Half-width punctuation after a Chinese character; global, so that every match of a line is found. */
const FLOOR_RE = /[\u4e00-\u9fff][,;:?!]/g;

/** The floor: how many matches of FLOOR_RE the lines hold. */
export function lineScan(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let hits = 0;
  for (const line of lines) {
    FLOOR_RE.lastIndex = 0;
    while (FLOOR_RE.test(line)) hits++;
  }
  return hits;
}

export const floorSection: Section = {
  id: 'floor',
  title: '下限 Bare line scan (split into lines + one regex per line)',
  async run(ctx) {
    const sizes: Array<{ label: string; bytes: number; target: number; ms: Stats; mbPerS: number; analysisMs: Stats; analysisOverFloor: number }> = [];
    // The floor and the analysis alternate, run by run, so that both see the same machine: on a
    // shared virtual machine the speed drifts by a factor of two between minutes, and a ratio of
    // figures taken minutes apart would measure the drift. And the runs of each size are spread
    // over rounds that take every size in turn (a few seconds in all), so that a size's figure is
    // not decided by the one moment its runs happened to meet: in the slow stretches of this
    // machine (tens to hundreds of milliseconds) the analysis slows a little more than the floor,
    // and the 500 runs at 10 KB, done at once, last 30 ms.
    const rounds = ctx.quick ? 1 : FLOOR_ROUNDS;
    const measured = ctx.quick ? ctx.inputs.sizes : ctx.inputs.sizes.filter((s) => s.target >= MiB);
    const runs = measured.map((input) => {
      ctx.log(`floor: ${input.label} (warm-up)`);
      const { reps, warmup } = repsFor(input.bytes, ctx.quick);
      for (let i = 0; i < warmup; i++) {
        lineScan(input.text);
        analyze(input.text);
      }
      return { input, reps, floor: [] as number[], analysis: [] as number[], ratios: [] as number[] };
    });
    for (let r = 0; r < rounds; r++) {
      ctx.log(`floor: round ${r + 1} of ${rounds}`);
      for (const run of runs) {
        // this round's share of the size's runs
        const count = Math.floor(((r + 1) * run.reps) / rounds) - Math.floor((r * run.reps) / rounds);
        for (let i = 0; i < count; i++) {
          const t0 = performance.now();
          lineScan(run.input.text);
          const t1 = performance.now();
          analyze(run.input.text);
          const t2 = performance.now();
          run.floor.push(t1 - t0);
          run.analysis.push(t2 - t1);
          run.ratios.push((t2 - t1) / (t1 - t0));
        }
      }
    }
    for (const { input, floor, analysis, ratios } of runs) {
      const t = stats(floor);
      sizes.push({ label: input.label, bytes: input.bytes, target: input.target, ms: t, mbPerS: input.bytes / MiB / (t.median / 1000), analysisMs: stats(analysis), analysisOverFloor: stats(ratios).median });
    }
    const budgets: Budget[] = sizes.filter((s) => s.target >= MiB).map((s) => ({
      name: `分析 ≤ 5× 下限 analysis within 5× of the line scan (${s.label})`,
      figure: ratio(s.analysisOverFloor),
      limit: '≤ 5×',
      pass: s.analysisOverFloor <= 5,
    }));
    return {
      columns: ['size', 'runs', 'floor median ms', 'p99 ms', 'MB/s', 'analysis median ms (paired)', 'analysis ÷ floor'],
      rows: sizes.map((s) => [s.label, s.ms.n, ms(s.ms.median), ms(s.ms.p99), fmt(s.mbPerS), ms(s.analysisMs.median), ratio(s.analysisOverFloor)]),
      budgets,
      data: { regex: FLOOR_RE.source, sizes },
      note: `Floor: text.split(/\\r\\n|\\r|\\n/) and every match of ${String(FLOOR_RE)} in every line. Each run times the floor and then the analysis on the same text; the ratio is the median of the per-run ratios. The runs of each size are spread over ${rounds} rounds that take every size in turn.`,
    };
  },
};
