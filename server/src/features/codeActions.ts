/**
 * Code actions. Quick fixes map the findings behind the diagnostics in the request's context to
 * their rules' fixes (the first fix of each is preferred). Refactorings and source actions:
 * renumber the level at the cursor or the whole document, make punctuation full-width in the
 * selection or the document, and clean up pasted text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { EffectiveConfig } from '../config/schema';
import type { DateValue, Reply } from '../model';
import { type Finding, type Locale, localize, type TextEdit } from '../rules/types';
import type { Span } from '../text';
import { cleanupEdit, planCleanup } from './cleanup';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toLspEdits } from './edits';
import { renumberDocument, renumberLevelAt } from './renumber';
import { runRule } from './runRule';

export const RENUMBER_DOCUMENT_KIND = `${CodeActionKind.Source}.renumber`;
export const RENUMBER_LEVEL_KIND = `${CodeActionKind.RefactorRewrite}.renumber`;
export const FULL_WIDTH_SELECTION_KIND = `${CodeActionKind.RefactorRewrite}.fullWidth`;
export const FULL_WIDTH_DOCUMENT_KIND = `${CodeActionKind.Source}.fullWidth`;
export const CLEANUP_KIND = `${CodeActionKind.Source}.cleanupPasted`;

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, RENUMBER_LEVEL_KIND, FULL_WIDTH_SELECTION_KIND, RENUMBER_DOCUMENT_KIND, FULL_WIDTH_DOCUMENT_KIND, CLEANUP_KIND];

export interface CodeActionOptions {
  readonly locale: Locale;
  readonly today: DateValue;
  /** The kinds the client asked for (`context.only`); all when absent. */
  readonly only?: readonly string[];
}

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function edit(doc: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  return { changes: { [doc.uri]: toLspEdits(doc, edits) } };
}

/** The findings a diagnostic was made from: same rule, same place (and same message when several). */
export function findingsFor(doc: TextDocument, findings: readonly Finding[], d: Diagnostic, locale: Locale): Finding[] {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') return [];
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  const same = findings.filter((f) => f.ruleId === d.code && f.start === start && f.end === end);
  const exact = same.filter((f) => localize(f.message, locale) === d.message);
  return exact.length > 0 ? exact : same;
}

export function codeActions(reply: Reply, findings: readonly Finding[], doc: TextDocument, range: Span, diagnostics: readonly Diagnostic[], config: EffectiveConfig, options: CodeActionOptions): CodeAction[] {
  const { locale, only } = options;
  const out: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const d of diagnostics) {
      for (const f of findingsFor(doc, findings, d, locale)) {
        (f.fixes ?? []).forEach((fix, i) => {
          if (fix.edits.length === 0) return;
          out.push({ title: localize(fix.title, locale), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0, edit: edit(doc, fix.edits) });
        });
      }
    }
  }
  if (wanted(RENUMBER_LEVEL_KIND, only)) {
    const edits = renumberLevelAt(reply, range.start);
    if (edits.length > 0) {
      out.push({ title: locale === 'en' ? `Renumber this level (${edits.length} marker(s) change)` : `重新编号本级（改动 ${edits.length} 处编号）`, kind: RENUMBER_LEVEL_KIND, edit: edit(doc, edits) });
    }
  }
  if (range.end > range.start && wanted(FULL_WIDTH_SELECTION_KIND, only)) {
    const edits = widthEdits(reply, config, options.today, range);
    if (edits.length > 0) {
      out.push({ title: locale === 'en' ? `Make ${edits.length} punctuation mark(s) in the selection full-width` : `将选中文字的 ${edits.length} 处半角标点改为全角`, kind: FULL_WIDTH_SELECTION_KIND, edit: edit(doc, edits) });
    }
  }
  if (wanted(RENUMBER_DOCUMENT_KIND, only)) {
    const edits = renumberDocument(reply);
    if (edits.length > 0) {
      out.push({ title: locale === 'en' ? `Renumber all headings (${edits.length} marker(s) change)` : `重新编号全文标题（改动 ${edits.length} 处编号）`, kind: RENUMBER_DOCUMENT_KIND, edit: edit(doc, edits) });
    }
  }
  if (wanted(FULL_WIDTH_DOCUMENT_KIND, only)) {
    const edits = widthEdits(reply, config, options.today);
    if (edits.length > 0) {
      out.push({ title: locale === 'en' ? `Make all ${edits.length} half-width punctuation mark(s) full-width` : `将全文 ${edits.length} 处半角标点改为全角`, kind: FULL_WIDTH_DOCUMENT_KIND, edit: edit(doc, edits) });
    }
  }
  if (wanted(CLEANUP_KIND, only)) {
    const plan = planCleanup(reply, config, options.today);
    // offered for pasted text only: junk or run-on lines (width alone has its own action)
    if (plan.junkLines + plan.junkFragments + plan.splits > 0) {
      const { edit: cleanup, summary } = cleanupEdit(doc, plan, locale);
      out.push({ title: `${locale === 'en' ? 'Clean up pasted text: ' : '清理粘贴文本：'}${summary.text}`, kind: CLEANUP_KIND, edit: cleanup });
    }
  }
  return out;
}

/** Half-width punctuation in Chinese text made full-width, within `range` or everywhere. */
export function widthEdits(reply: Reply, config: EffectiveConfig, today: DateValue, range?: Span): TextEdit[] {
  const edits = runRule('punctuation-width', reply, config, today).flatMap((r) => r.fixes?.[0]?.edits ?? []);
  return range ? edits.filter((e) => e.start >= range.start && e.end <= range.end) : edits;
}
