/**
 * The outline of a reply: its elements in document order, measures nested by level. It serves the
 * editor's document symbols and the CLI's `outline` command. It lists at most OUTLINE_MAX_HEADINGS
 * headings and as many next-steps paragraphs (the first, in document order): a real reply has
 * dozens, and a pasted list of 200 000 lines `1.x` (or of 4 000 lines `今后，`) would make an outline
 * 20–50 times the size of its text (`outlineOmitted` counts the rest).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { ElementKind, MeasureHeading, NextSteps, Reply } from '../core/model';
import { countBefore, ellipsis, type Span, squash } from '../core/text';
import { textWithoutWraps } from '../parse/unwrap';
import { rangeOf } from './diagnostics';

/** The most headings, and the most next-steps paragraphs, an outline lists. */
export const OUTLINE_MAX_HEADINGS = 1000;

/** How many headings and next-steps paragraphs the outline of a reply leaves out. */
export function outlineOmitted(reply: Reply): number {
  return Math.max(0, reply.headings.length - OUTLINE_MAX_HEADINGS) + Math.max(0, nextStepsParagraphs(reply).length - OUTLINE_MAX_HEADINGS);
}

function nextStepsParagraphs(reply: Reply): NextSteps[] {
  return reply.nextSteps.filter((n) => n.form === 'paragraph');
}

export interface OutlineNode {
  readonly kind: ElementKind;
  readonly name: string;
  readonly range: Range;
  /** The part to select and reveal: the marker and title of a heading, the element itself otherwise. */
  readonly selectionRange: Range;
  /** GB/T 9704 numbering level (1–4) of a measure or next-steps heading. */
  readonly level?: number;
  readonly children: OutlineNode[];
}

interface Draft {
  kind: ElementKind;
  name: string;
  span: Span;
  selection: Span;
  level?: number;
  children: Draft[];
}

export function buildOutline(reply: Reply, doc: TextDocument): OutlineNode[] {
  const top: Draft[] = [];
  const leaf = (kind: ElementKind, span: Span | undefined, name: string): void => {
    if (span) top.push({ kind, name, span, selection: span, children: [] });
  };
  leaf('docNumber', reply.docNumber, reply.docNumber ? textWithoutWraps(reply, reply.docNumber.start, reply.docNumber.end) : '');
  leaf('title', reply.title, reply.title ? ellipsis(reply.title.text, 60) : '');
  leaf('category', reply.category, reply.category ? `答复类别：${reply.category.value}` : '');
  leaf('addressee', reply.addressee, reply.addressee ? reply.addressee.names.join('、') : '');
  if (reply.receipt) {
    const q = reply.receipt.quotedTitles[0];
    const num = reply.receipt.proposalNumbers.map((p) => `第${p.value}号`).join('、');
    const name = `${q ? `《${ellipsis(q.text, 30)}》` : ''}${num ? `（${num}）` : ''}`;
    leaf('receipt', reply.receipt, name || ellipsis(textWithoutWraps(reply, reply.receipt.start, reply.receipt.end), 30));
  }
  leaf('opening', reply.opening, reply.opening ? ellipsis(textWithoutWraps(reply, reply.opening.start, reply.opening.end), 24) : '');

  // measures with next-steps paragraphs placed in the section that holds them (the innermost:
  // children are drafted first). Paragraphs and children are in document order, so each heading
  // finds its paragraphs and the child around one by binary search, not by testing them all.
  const paragraphs = nextStepsParagraphs(reply).slice(0, OUTLINE_MAX_HEADINGS);
  const placed = new Set<NextSteps>();
  let headings = 0;
  const heading = (h: MeasureHeading): Draft => {
    headings++;
    const children: Draft[] = [];
    for (const c of h.children) if (headings < OUTLINE_MAX_HEADINGS) children.push(heading(c));
    const d: Draft = {
      kind: 'measure',
      name: squash(`${h.marker.text}${h.titleText}`),
      span: h,
      selection: { start: h.marker.start, end: h.title.end },
      level: h.marker.level,
      children,
    };
    // a numbered next-steps heading is a measure that holds the next steps: both show
    const cue = h.isNextSteps ? reply.nextSteps.find((n) => n.form === 'heading' && n.start === h.start) : undefined;
    if (cue) d.children.push({ kind: 'nextSteps', name: ellipsis(h.titleText, 20), span: { start: h.marker.start, end: h.title.end }, selection: cue.cue, children: [] });
    for (let i = firstAtOrAfter(paragraphs, h.start); i < paragraphs.length && paragraphs[i]!.start < h.end; i++) {
      const p = paragraphs[i]!;
      if (placed.has(p) || insideChild(h.children, p.start)) continue;
      placed.add(p);
      d.children.push(nextStepsDraft(reply, p));
    }
    d.children.sort((a, b) => a.span.start - b.span.start);
    return d;
  };
  // a loop, not push(...spread): a huge document has more headings than a call takes arguments
  for (const h of reply.measures) if (headings < OUTLINE_MAX_HEADINGS) top.push(heading(h));
  for (const p of paragraphs) if (!placed.has(p)) top.push(nextStepsDraft(reply, p));

  leaf('closing', reply.closing, reply.closing ? ellipsis(textWithoutWraps(reply, reply.closing.start, reply.closing.end), 24) : '');
  leaf('signature', reply.signature, reply.signature ? reply.signature.names.join(' ') : '');
  leaf('date', reply.date, reply.date ? reply.date.raw : '');
  for (const c of reply.contacts) leaf('contact', c, ellipsis(textWithoutWraps(reply, c.start, c.end), 40));
  leaf('annotation', reply.annotation, reply.annotation ? squash(textWithoutWraps(reply, reply.annotation.start, reply.annotation.end)) : '');
  leaf('copyTo', reply.copyTo, reply.copyTo ? ellipsis(textWithoutWraps(reply, reply.copyTo.start, reply.copyTo.end), 40) : '');

  top.sort((a, b) => a.span.start - b.span.start);
  const finish = (d: Draft): OutlineNode => ({
    kind: d.kind,
    name: d.name || d.kind,
    range: rangeOf(doc, d.span),
    selectionRange: rangeOf(doc, d.selection),
    ...(d.level !== undefined ? { level: d.level } : {}),
    children: d.children.map(finish),
  });
  return top.map(finish);
}

/** The index of the first item starting at or after `offset` (items in document order). */
function firstAtOrAfter(items: readonly Span[], offset: number): number {
  return countBefore(items.length, (i) => items[i]!.start < offset);
}

/** Whether a child section (children in document order, not overlapping) holds `offset`. */
function insideChild(children: readonly MeasureHeading[], offset: number): boolean {
  const i = firstAtOrAfter(children, offset + 1) - 1; // the last child starting at or before offset
  return i >= 0 && offset < children[i]!.end;
}

function nextStepsDraft(reply: Reply, p: NextSteps): Draft {
  return { kind: 'nextSteps', name: ellipsis(textWithoutWraps(reply, p.start, p.end), 20), span: p, selection: p.cue, children: [] };
}
