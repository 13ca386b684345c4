/** Text edits: from the core's offset form to LSP ranges, and applied to text (previews, tests). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { type TextEdit } from '../core/vocabulary';
import { EDITS_MERGED_ABOVE } from '../rules/types';
import { rangeOf } from './diagnostics';

export function toLspEdit(doc: TextDocument, e: TextEdit): LspTextEdit {
  return { range: rangeOf(doc, e), newText: e.newText };
}

/**
 * A change as it is sent (to the editor, in SARIF): its edits, or past EDITS_MERGED_ABOVE one edit
 * that replaces the span from the first to the last by that span edited: the same text, in a size
 * that grows with the span instead of some 100 bytes of positions per edit (a paragraph of 300 000
 * half-width commas, a pasted list of 200 000 items to renumber).
 */
export function compactEdits(text: string, edits: readonly TextEdit[]): readonly TextEdit[] {
  if (edits.length <= EDITS_MERGED_ABOVE) return edits;
  let start = Infinity;
  let end = 0;
  for (const e of edits) {
    start = Math.min(start, e.start);
    end = Math.max(end, e.end);
  }
  const edited = applyEdits(text, edits);
  return [{ start, end, newText: edited.slice(start, end + edited.length - text.length) }];
}

export function toLspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return compactEdits(doc.getText(), edits).map((e) => toLspEdit(doc, e));
}

/** Applies non-overlapping offset edits to a text, in one pass. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    parts.push(text.slice(pos, e.start), e.newText);
    pos = Math.max(pos, e.end);
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** True when no two edits overlap (insertions at one point count as overlapping). */
export function disjoint(edits: readonly TextEdit[]): boolean {
  const s = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < s.length; i++) if (s[i]!.start < s[i - 1]!.end || (s[i]!.start === s[i - 1]!.start && s[i]!.end === s[i - 1]!.end)) return false;
  return true;
}
