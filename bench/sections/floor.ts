/**
 * The practical floor: the same text through a bare line scan in the same process — split into
 * lines, run one regular expression over each line. The regex looks for half-width punctuation
 * after a Chinese character and every match in a line is counted, so it reads every character of
 * every line, as a checker that reports each finding must. (A `test` per line stops at a line's
 * first match: on the 100 000-character pasted line of the 1 MB reply, whose first match is ~10 000
 * characters in, it skipped 90% of that line, a quarter of the text, and the floor was ~19% faster.)
 * Budget: analysis within 5× of the floor at every size.
 */
import { type Budget, fmt, MiB, ms, ratio, type Section, type Stats, stats } from '../runner';
import { analyze, repsFor } from './analysis';

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
    const sizes: Array<{ label: string; bytes: number; ms: Stats; mbPerS: number; analysisMs: Stats; analysisOverFloor: number }> = [];
    for (const input of ctx.inputs.sizes) {
      ctx.log(`floor: ${input.label}`);
      // The floor and the analysis alternate, run by run, so that both see the same machine: on a
      // shared virtual machine the speed drifts by a factor of two between minutes, and a ratio of
      // figures taken minutes apart would measure the drift.
      const { reps, warmup } = repsFor(input.bytes, ctx.quick);
      for (let i = 0; i < warmup; i++) {
        lineScan(input.text);
        analyze(input.text);
      }
      const floor: number[] = [];
      const analysis: number[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        lineScan(input.text);
        const t1 = performance.now();
        analyze(input.text);
        const t2 = performance.now();
        floor.push(t1 - t0);
        analysis.push(t2 - t1);
        ratios.push((t2 - t1) / (t1 - t0));
      }
      const t = stats(floor);
      sizes.push({ label: input.label, bytes: input.bytes, ms: t, mbPerS: input.bytes / MiB / (t.median / 1000), analysisMs: stats(analysis), analysisOverFloor: stats(ratios).median });
    }
    const budgets: Budget[] = sizes.map((s) => ({
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
      note: `Floor: text.split(/\\r\\n|\\r|\\n/) and every match of ${String(FLOOR_RE)} in every line. Each run times the floor and then the analysis on the same text; the ratio is the median of the per-run ratios.`,
    };
  },
};
