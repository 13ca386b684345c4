/**
 * Pure helpers of the batch view and its commands (no vscode API, so unit tests run them): the
 * report format a chosen file name asks for, and the register entries offered for a new reply.
 */
import type { BatchItem, BatchResult } from '../../server/src/protocol';
import type { ReportFormat } from '../../server/src/report/formats';

/** The report format of a file name by its extension; HTML unless it says .md, .csv or .json. */
export function reportFormatOf(fileName: string): ReportFormat {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'csv' || ext === 'json') return ext;
  return 'html';
}

/** The report's default file name: `办理情况报告-2025-05-08.html`. */
export function defaultReportName(today: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `办理情况报告-${today.getFullYear()}-${p(today.getMonth() + 1)}-${p(today.getDate())}.html`;
}

export interface EntryChoice {
  readonly projectFile: string;
  readonly item: BatchItem;
}

/**
 * The register entries a new reply can be written for, those without a reply first (overdue
 * ones before the others), then those that have one; each entry once.
 */
export function entryChoices(result: BatchResult): EntryChoice[] {
  const out: EntryChoice[] = [];
  const seen = new Set<string>();
  for (const b of result.batches) {
    for (const g of b.groups) {
      for (const item of g.items) {
        if (item.entryKey === undefined) continue;
        const key = `${b.projectFile}\u0000${item.entryKey}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ projectFile: b.projectFile, item });
      }
    }
  }
  const rank = (c: EntryChoice): number => (c.item.state === 'missing' ? (c.item.overdue ? 0 : 1) : 2);
  return out.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}
