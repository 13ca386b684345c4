/**
 * The batch as the language server keeps it: one summary per open or workspace reply, updated as
 * documents change, with the register links that feed `register-duplicate-reply` and the report
 * that feeds the batch view. Pure and incremental: setting one reply costs work in proportion to
 * the entries it touches, not to the batch.
 */
import type { DateValue } from '../core/model';
import type { Register } from '../register/types';
import { type BatchReport, buildReport } from './batch';
import type { ReplySummary } from './summary';

export * from './batch';
export * from './summary';

export class BatchIndex {
  private readonly summaries = new Map<string, ReplySummary>();
  private readonly byKey = new Map<string, Set<string>>();
  private linksCache: Map<string, string[]> | undefined;

  get size(): number {
    return this.summaries.size;
  }

  get(path: string): ReplySummary | undefined {
    return this.summaries.get(path);
  }

  /**
   * Records a reply's summary (its `path` identifies it: the document URI in the server). Returns
   * the other replies whose duplicate status may have changed, which the server re-checks.
   */
  set(summary: ReplySummary): string[] {
    const old = this.summaries.get(summary.path);
    this.summaries.set(summary.path, summary);
    return this.relink(summary.path, old?.entryKeys ?? [], summary.entryKeys);
  }

  /** Forgets a reply (file deleted); returns the replies whose duplicate status may have changed. */
  delete(path: string): string[] {
    const old = this.summaries.get(path);
    if (!old) return [];
    this.summaries.delete(path);
    return this.relink(path, old.entryKeys, []);
  }

  /** Entry key → the replies linked to it, for keys with two or more: `AnalyzeExtras.batchLinks`. */
  links(): ReadonlyMap<string, readonly string[]> {
    if (!this.linksCache) {
      this.linksCache = new Map();
      for (const [key, paths] of this.byKey) if (paths.size > 1) this.linksCache.set(key, [...paths].sort());
    }
    return this.linksCache;
  }

  /** The report over every reply held, in path order. */
  report(input: { readonly register?: Register; readonly registerSource?: string; readonly today: DateValue }): BatchReport {
    const replies = [...this.summaries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return buildReport({ ...input, replies });
  }

  private relink(path: string, before: readonly string[], after: readonly string[]): string[] {
    if (before.length === after.length && before.every((k, i) => k === after[i])) return [];
    this.linksCache = undefined;
    const affected = new Set<string>();
    for (const k of before) {
      const set = this.byKey.get(k);
      if (!set) continue;
      set.delete(path);
      for (const p of set) affected.add(p);
      if (set.size === 0) this.byKey.delete(k);
    }
    for (const k of after) {
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      for (const p of set) affected.add(p);
      set.add(path);
    }
    affected.delete(path);
    return [...affected].sort();
  }
}
