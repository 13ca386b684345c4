/**
 * Renumbering: every numbering run (the headings that share a parent and a level) counts 1, 2, 3 …
 * again, and so does every inline enumeration `一是…二是…`. Only the numerals in the markers change;
 * how each marker is written (brackets, separator, width) stays. Renumbering twice is renumbering once.
 */
import type { MeasureHeading, Reply } from '../core/model';
import type { TextEdit } from '../core/vocabulary';
import { enumerationEdit, markerEdit, numberingRuns } from '../rules/util';

function runEdits(reply: Reply, run: readonly MeasureHeading[]): TextEdit[] {
  return run.flatMap((h, i) => markerEdit(reply, h.marker, i + 1) ?? []);
}

/** Edits that renumber the whole document: every heading run and every inline enumeration. */
export function renumberDocument(reply: Reply): TextEdit[] {
  const edits = numberingRuns(reply).flatMap((run) => runEdits(reply, run));
  for (const en of reply.enumerations) edits.push(...en.items.flatMap((item, i) => enumerationEdit(reply, item, i + 1) ?? []));
  return edits.sort((a, b) => a.start - b.start);
}

/** The heading whose line holds `offset` (its marker or its title), if any. */
export function headingAt(reply: Reply, offset: number): MeasureHeading | undefined {
  let found: MeasureHeading | undefined;
  for (const h of reply.headings) if (h.start <= offset && offset <= Math.max(h.title.end, h.marker.end)) found = h;
  return found;
}

/** Edits that renumber only the run (level under one parent) of the heading at `offset`. */
export function renumberLevelAt(reply: Reply, offset: number): TextEdit[] {
  const h = headingAt(reply, offset);
  if (!h) return [];
  const run = numberingRuns(reply).find((r) => r.includes(h));
  return run ? runEdits(reply, run) : [];
}
