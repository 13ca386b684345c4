/**
 * The practical floor: the same text through a bare line scan in the same process — split into
 * lines, test one regular expression per line. The regex looks for half-width punctuation after a
 * Chinese character, so it has to read every character of every line, as any checker must.
 * Budget: analysis within 5× of the floor at every size.
 */
import { type Budget, fmt, MiB, ms, ratio, repeat, type Section, type Stats } from '../runner';
import { type AnalysisData, repsFor } from './analysis';

/** One unanchored test per line: it reads the whole line unless it finds a match. */
const FLOOR_RE = /[\u4e00-\u9fff][,;:?!]/;

export function lineScan(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let hits = 0;
  for (const line of lines) if (FLOOR_RE.test(line)) hits++;
  return hits;
}

export const floorSection: Section = {
  id: 'floor',
  title: '下限 Bare line scan (split into lines + one regex per line)',
  async run(ctx) {
    const analysis = ctx.results.get('analysis')?.data as AnalysisData | undefined;
    const sizes: Array<{ label: string; bytes: number; ms: Stats; mbPerS: number; analysisOverFloor: number | null }> = [];
    for (const input of ctx.inputs.sizes) {
      ctx.log(`floor: ${input.label}`);
      const t = await repeat(() => lineScan(input.text), repsFor(input.bytes, ctx.quick));
      const a = analysis?.sizes.find((s) => s.label === input.label);
      sizes.push({ label: input.label, bytes: input.bytes, ms: t, mbPerS: input.bytes / MiB / (t.median / 1000), analysisOverFloor: a ? a.ms.median / t.median : null });
    }
    const budgets: Budget[] = sizes.filter((s) => s.analysisOverFloor !== null).map((s) => ({
      name: `分析 ≤ 5× 下限 analysis within 5× of the line scan (${s.label})`,
      figure: ratio(s.analysisOverFloor!),
      limit: '≤ 5×',
      pass: s.analysisOverFloor! <= 5,
    }));
    return {
      columns: ['size', 'runs', 'median ms', 'p99 ms', 'MB/s', 'analysis ÷ floor'],
      rows: sizes.map((s) => [s.label, s.ms.n, ms(s.ms.median), ms(s.ms.p99), fmt(s.mbPerS), s.analysisOverFloor === null ? '—' : ratio(s.analysisOverFloor)]),
      budgets,
      data: { regex: FLOOR_RE.source, sizes },
      note: `Floor: text.split(/\\r\\n|\\r|\\n/) and ${String(FLOOR_RE)}.test(line) for every line; ratios are of medians.`,
    };
  },
};
