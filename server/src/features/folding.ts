/**
 * Folding ranges: every measure section (a heading with the paragraphs and sub-items under it)
 * that spans more than one line, the header and the foot; at most FOLDING_MAX_RANGES, the limit
 * VS Code applies itself (editor.foldingMaximumRegions), so a pasted list of 100 000 items does not
 * send 100 000 ranges.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { MeasureHeading, Reply } from '../core/model';
import type { Span } from '../core/text';

export const FOLDING_MAX_RANGES = 5000;

export function foldingRanges(reply: Reply, doc: TextDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (span: Span | undefined, kind?: FoldingRangeKind): void => {
    // (the header and the foot, two ranges, are added whatever the sections took)
    if (!span || (out.length >= FOLDING_MAX_RANGES && !kind)) return;
    const startLine = doc.positionAt(span.start).line;
    const endLine = doc.positionAt(span.end).line;
    if (endLine > startLine) out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  const section = (h: MeasureHeading): void => {
    add(h);
    h.children.forEach(section);
  };
  reply.measures.forEach(section);
  for (const n of reply.nextSteps) if (n.form === 'paragraph') add(n);
  // the header: document number, title and category; the foot: signature to the last footer line
  const head: Span[] = [reply.docNumber, reply.title, reply.category, reply.signatory].filter((s) => s !== undefined).filter((s) => s.start < (reply.addressee?.start ?? Infinity));
  if (head.length > 0) add({ start: Math.min(...head.map((s) => s.start)), end: Math.max(...head.map((s) => s.end)) }, FoldingRangeKind.Region);
  const footEnds = [reply.date, reply.copyTo, reply.annotation, ...reply.contacts].filter((s): s is Span => s !== undefined).map((s) => s.end);
  if (reply.signature && footEnds.length > 0) add({ start: reply.signature.start, end: Math.max(...footEnds) }, FoldingRangeKind.Region);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
