/**
 * What the batch view and the report keep of one analysed reply: which elements it has, its link
 * to the register, its date and category, and how many findings of each severity. Small enough to
 * hold for ten thousand replies, where the full reply models would not be.
 */
import type { DateValue, DocumentKind, Reply } from '../core/model';
import { ELEMENT } from '../core/elements';
import type { LinkSource, RegisterLink } from '../register/types';
import type { Severity } from '../core/vocabulary';
import type { Finding } from '../rules/types';

/** The structural elements the report shows as present or missing, in document order. */
export const REPORT_ELEMENTS = ['title', 'addressee', 'receipt', 'measure', 'nextSteps', 'closing', 'signature', 'date'] as const;
export type ReportElement = (typeof REPORT_ELEMENTS)[number];

export interface ReplySummary {
  /** The reply as the caller identifies it: a path shown to the user, or a document URI. */
  readonly path: string;
  readonly kind: DocumentKind;
  /** Keys of the register entries it answers, the linked entry first; empty when not linked. */
  readonly entryKeys: readonly string[];
  readonly via?: LinkSource;
  /** The numbers it cites in its title and receipt line, as written. */
  readonly numbers: readonly string[];
  readonly elements: Readonly<Record<ReportElement, boolean>>;
  readonly date?: DateValue;
  readonly category?: string;
  /** The reply's own title, and the item title its receipt line quotes. */
  readonly title?: string;
  readonly quotedTitle?: string;
  readonly counts: Readonly<Record<Severity, number>>;
}

/**
 * Whether a document of this kind is expected to have the element: unless the element is required
 * of other kinds only (a co-handling opinion owes no next steps; core/elements.ts).
 */
export function elementExpected(element: ReportElement, kind: DocumentKind): boolean {
  const { requiredFor } = ELEMENT[element];
  return requiredFor.length === 0 || requiredFor.includes(kind);
}

export function elementsOf(reply: Reply): Record<ReportElement, boolean> {
  const nextParagraphs = new Set(reply.nextSteps.filter((n) => n.form === 'paragraph').map((n) => n.start));
  const measure = reply.measures.some((h) => !h.isNextSteps)
    || reply.body.some((p) => p.start !== reply.opening?.start && ![...nextParagraphs].some((s) => s >= p.start && s < p.end));
  return {
    title: reply.title !== undefined,
    addressee: reply.addressee !== undefined,
    receipt: reply.receipt !== undefined,
    measure,
    nextSteps: reply.nextSteps.length > 0 || reply.headings.some((h) => h.isNextSteps),
    closing: reply.closing !== undefined,
    signature: reply.signature !== undefined,
    date: reply.date !== undefined,
  };
}

/** Findings per severity; the finding that stands for those past the engine's caps counts as all of them. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity] += f.omitted ?? 1;
  return counts;
}

/** Summarises one analysed reply (see `ReplyService.analyze`). */
export function summarizeReply(path: string, analysis: { readonly reply: Reply; readonly findings: readonly Finding[]; readonly link?: RegisterLink }): ReplySummary {
  const { reply, findings, link } = analysis;
  const numbers: string[] = [];
  for (const r of [...(reply.title?.proposalNumbers ?? []), ...(reply.receipt?.proposalNumbers ?? [])]) if (!numbers.includes(r.value)) numbers.push(r.value);
  const quoted = reply.receipt?.quotedTitles[0]?.text;
  return {
    path,
    kind: reply.kind,
    entryKeys: link?.entries.map((e) => e.key) ?? [],
    ...(link?.via ? { via: link.via } : {}),
    numbers,
    elements: elementsOf(reply),
    ...(reply.date ? { date: reply.date.value } : {}),
    ...(reply.category ? { category: reply.category.value } : {}),
    ...(reply.title ? { title: reply.title.text } : {}),
    ...(quoted ? { quotedTitle: quoted } : {}),
    counts: countFindings(findings),
  };
}
