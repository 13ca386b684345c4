/**
 * The reviewer's view of a batch: every register entry with its reply (or none), every reply no
 * entry answers, each in one state — no reply yet, draft with errors, draft with warnings,
 * complete — with overdue entries marked. One pass over the replies and one over the register.
 * The report formats, the CLI and the editor's batch view all read this model.
 */
import type { DateValue } from '../core/model';
import { compareDates, daysBetween } from '../register/match';
import type { Register, RegisterEntry } from '../register/types';
import type { Localized } from '../core/vocabulary';
import type { ReplySummary } from './summary';

export const ENTRY_STATES = ['missing', 'errors', 'warnings', 'complete'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const STATE_LABEL: Readonly<Record<EntryState, Localized>> = {
  missing: { zh: '未答复', en: 'no reply yet' },
  errors: { zh: '有错误', en: 'draft with errors' },
  warnings: { zh: '有警告', en: 'draft with warnings' },
  complete: { zh: '已完成', en: 'complete' },
};

export interface ReportRow {
  /** The register entry; absent for a reply that no entry answers. */
  readonly entry?: RegisterEntry;
  /** The reply; absent when the entry has none yet. */
  readonly reply?: ReplySummary;
  readonly state: EntryState;
  /** Past the deadline: a reply dated after it, or no (dated) reply by today. */
  readonly overdue: boolean;
  /** Days past the deadline, when overdue. */
  readonly daysOverdue?: number;
  /** The entry has more than one reply in the batch. */
  readonly duplicate: boolean;
  /** A register is in use and no entry matches this reply. */
  readonly unregistered: boolean;
}

export interface ReportTotals extends Readonly<Record<EntryState, number>> {
  readonly rows: number;
  readonly entries: number;
  readonly replies: number;
  readonly overdue: number;
  readonly unregistered: number;
  readonly duplicates: number;
  /** Findings over all replies, by severity (the state counts are `errors` and `warnings`). */
  readonly errorFindings: number;
  readonly warningFindings: number;
}

export interface BatchReport {
  readonly rows: readonly ReportRow[];
  readonly totals: ReportTotals;
  readonly today: DateValue;
  /** Whether a register was used, its name as shown, and how many issues it has. */
  readonly register?: { readonly source: string; readonly entries: number; readonly issues: number };
}

/** The state of a reply from its findings: errors, else warnings, else complete. */
export function replyState(s: ReplySummary): Exclude<EntryState, 'missing'> {
  return s.counts.error > 0 ? 'errors' : s.counts.warning > 0 ? 'warnings' : 'complete';
}

/**
 * Entry key → the replies linked to it, for `register-duplicate-reply` (pass it as
 * `AnalyzeExtras.batchLinks`). Only keys with two or more replies are kept.
 */
export function batchLinks(summaries: Iterable<Pick<ReplySummary, 'path' | 'entryKeys'>>): Map<string, string[]> {
  const all = new Map<string, string[]>();
  for (const s of summaries) {
    for (const k of s.entryKeys) {
      const list = all.get(k);
      if (list) list.push(s.path);
      else all.set(k, [s.path]);
    }
  }
  for (const [k, list] of all) if (list.length < 2) all.delete(k);
  return all;
}

export interface BuildReportInput {
  readonly register?: Register;
  /** How the register is named in the report (its path). */
  readonly registerSource?: string;
  readonly replies: readonly ReplySummary[];
  readonly today: DateValue;
}

export function buildReport(input: BuildReportInput): BatchReport {
  const { register, today } = input;
  const byEntry = new Map<string, ReplySummary[]>();
  const unlinked: ReplySummary[] = [];
  for (const s of input.replies) {
    const keys = register ? s.entryKeys.filter((k) => register.byKey.has(k)) : [];
    if (keys.length === 0) unlinked.push(s);
    for (const k of keys) {
      const list = byEntry.get(k);
      if (list) list.push(s);
      else byEntry.set(k, [s]);
    }
  }
  const rows: ReportRow[] = [];
  const overdueOf = (entry: RegisterEntry | undefined, reply: ReplySummary | undefined): number | undefined => {
    const deadline = entry?.deadline;
    if (!deadline) return undefined;
    // a dated reply is late when its date is after the deadline, whatever its findings (a draft
    // dated in time is not overdue); no reply, or one without a date, when today is
    const d = reply?.date ?? today;
    return compareDates(d, deadline) > 0 ? daysBetween(deadline, d) : undefined;
  };
  for (const entry of register?.entries ?? []) {
    const replies = byEntry.get(entry.key) ?? [];
    if (replies.length === 0) {
      const days = overdueOf(entry, undefined);
      rows.push({ entry, state: 'missing', overdue: days !== undefined, ...(days !== undefined ? { daysOverdue: days } : {}), duplicate: false, unregistered: false });
      continue;
    }
    for (const reply of replies) {
      const state = replyState(reply);
      const days = overdueOf(entry, reply);
      rows.push({ entry, reply, state, overdue: days !== undefined, ...(days !== undefined ? { daysOverdue: days } : {}), duplicate: replies.length > 1, unregistered: false });
    }
  }
  for (const reply of unlinked) {
    rows.push({ reply, state: replyState(reply), overdue: false, duplicate: false, unregistered: register !== undefined });
  }
  const counts: Record<EntryState, number> = { missing: 0, errors: 0, warnings: 0, complete: 0 };
  let overdue = 0;
  let unregistered = 0;
  let duplicates = 0;
  let errorFindings = 0;
  let warningFindings = 0;
  for (const r of rows) {
    counts[r.state]++;
    if (r.overdue) overdue++;
    if (r.unregistered) unregistered++;
    if (r.duplicate) duplicates++;
  }
  for (const s of input.replies) {
    errorFindings += s.counts.error;
    warningFindings += s.counts.warning;
  }
  return {
    rows,
    totals: {
      ...counts, rows: rows.length, entries: register?.entries.length ?? 0, replies: input.replies.length, overdue, unregistered, duplicates, errorFindings, warningFindings,
    },
    today,
    ...(register ? { register: { source: input.registerSource ?? '', entries: register.entries.length, issues: register.issues.length } } : {}),
  };
}

export interface StateGroup {
  readonly state: EntryState;
  readonly label: Localized;
  readonly rows: readonly ReportRow[];
  readonly overdue: number;
}

/** The batch view's top level: the rows grouped by state, in the order a reviewer works through them. */
export function groupByState(report: BatchReport): StateGroup[] {
  return ENTRY_STATES.map((state) => {
    const rows = report.rows.filter((r) => r.state === state);
    return { state, label: STATE_LABEL[state], rows, overdue: rows.filter((r) => r.overdue).length };
  });
}
