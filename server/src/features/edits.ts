/** Text edits: from the core's offset form to LSP ranges, and applied to text (previews, tests). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { TextEdit } from '../rules/types';
import { rangeOf } from './diagnostics';

export function toLspEdit(doc: TextDocument, e: TextEdit): LspTextEdit {
  return { range: rangeOf(doc, e), newText: e.newText };
}

export function toLspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => toLspEdit(doc, e));
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
