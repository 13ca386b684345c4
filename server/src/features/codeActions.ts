/**
 * Code actions. Quick fixes map the findings behind the diagnostics in the request's context to
 * their rules' fixes (the first fix of each is preferred; a fix several findings share is one
 * action for all of them). Refactorings and source actions: renumber the level at the cursor or the
 * whole document, make punctuation full-width in the selection or the document, and clean up
 * pasted text.
 *
 * Edits are made when an action is chosen, not when the actions are listed: for a client that
 * resolves code actions (`codeAction/resolve` with `edit` among its properties) each action carries
 * only `data` naming what to compute, so that listing the actions of a whole document answers in
 * a payload that grows with the diagnostics asked about, not with the edits every action would
 * make. Other clients get the edits at once.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { EffectiveConfig } from '../config/schema';
import type { DateValue, Reply } from '../core/model';
import { type Locale, localize, type TextEdit } from '../core/vocabulary';
import { type Finding, type Fix } from '../rules/types';
import type { Span } from '../core/text';
import { cleanupEdit, cleanupSummaryText, planCleanup } from './cleanup';
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
  /** The client resolves actions: list them with `data`, make their edits in `resolveCodeAction`. */
  readonly lazy?: boolean;
}

/** What a listed action will do, as `data` for `codeAction/resolve`: the document version it was listed for, and the work. */
export type CodeActionData = { readonly uri: string; readonly version: number } & (
  /** A rule's fix: the finding's index in the analysis (and what it was, to recognise it) and the fix's index. */
  | { readonly fix: { readonly finding: number; readonly ruleId: string; readonly start: number; readonly end: number; readonly index: number } }
  | { readonly renumberLevel: number }
  | { readonly fullWidth: Span | null }
  | { readonly renumberDocument: true }
  | { readonly cleanup: true }
);

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
  const { locale, only, lazy } = options;
  const out: CodeAction[] = [];
  /** The action, with its edit made now or named in `data` for later. */
  const action = (a: Omit<CodeAction, 'edit' | 'data'>, work: Omit<CodeActionData, 'uri' | 'version'>, make: () => WorkspaceEdit): CodeAction =>
    lazy ? { ...a, data: { uri: doc.uri, version: doc.version, ...work } } : { ...a, edit: make() };
  if (wanted(CodeActionKind.QuickFix, only)) {
    // one action per fix, with every diagnostic whose finding carries it
    const byFix = new Map<Fix, CodeAction>();
    for (const d of diagnostics) {
      for (const f of findingsFor(doc, findings, d, locale)) {
        (f.fixes ?? []).forEach((fix, index) => {
          if (fix.edits.length === 0) return;
          const seen = byFix.get(fix);
          if (seen) {
            if (!seen.diagnostics!.includes(d)) seen.diagnostics!.push(d);
            return;
          }
          const work = { fix: { finding: findings.indexOf(f), ruleId: f.ruleId, start: f.start, end: f.end, index } };
          const a = action({ title: localize(fix.title, locale), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: index === 0 }, work, () => edit(doc, fix.edits));
          byFix.set(fix, a);
          out.push(a);
        });
      }
    }
  }
  if (wanted(RENUMBER_LEVEL_KIND, only)) {
    const edits = renumberLevelAt(reply, range.start);
    if (edits.length > 0) {
      const title = localize({ zh: `重新编号本级（改动 ${edits.length} 处编号）`, en: `Renumber this level (${edits.length} marker(s) change)` }, locale);
      out.push(action({ title, kind: RENUMBER_LEVEL_KIND }, { renumberLevel: range.start }, () => edit(doc, edits)));
    }
  }
  // a selection of the whole document offers the document's action only (the same edits, once)
  const wholeDocument = range.start === 0 && range.end >= reply.text.length;
  if (range.end > range.start && !wholeDocument && wanted(FULL_WIDTH_SELECTION_KIND, only)) {
    const edits = widthEdits(reply, config, options.today, range);
    if (edits.length > 0) {
      const title = localize({ zh: `将选中文字的 ${edits.length} 处半角标点改为全角`, en: `Make ${edits.length} punctuation mark(s) in the selection full-width` }, locale);
      out.push(action({ title, kind: FULL_WIDTH_SELECTION_KIND }, { fullWidth: { start: range.start, end: range.end } }, () => edit(doc, edits)));
    }
  }
  if (wanted(RENUMBER_DOCUMENT_KIND, only)) {
    const edits = renumberDocument(reply);
    if (edits.length > 0) {
      const title = localize({ zh: `重新编号全文标题（改动 ${edits.length} 处编号）`, en: `Renumber all headings (${edits.length} marker(s) change)` }, locale);
      out.push(action({ title, kind: RENUMBER_DOCUMENT_KIND }, { renumberDocument: true }, () => edit(doc, edits)));
    }
  }
  if (wanted(FULL_WIDTH_DOCUMENT_KIND, only)) {
    const edits = widthEdits(reply, config, options.today);
    if (edits.length > 0) {
      const title = localize({ zh: `将全文 ${edits.length} 处半角标点改为全角`, en: `Make all ${edits.length} half-width punctuation mark(s) full-width` }, locale);
      out.push(action({ title, kind: FULL_WIDTH_DOCUMENT_KIND }, { fullWidth: null }, () => edit(doc, edits)));
    }
  }
  if (wanted(CLEANUP_KIND, only)) {
    const plan = planCleanup(reply, config, options.today);
    // offered for pasted text only: junk, run-on or hard-wrapped lines (width alone has its own action)
    if (plan.junkLines + plan.junkFragments + plan.invisible + plan.splits + plan.joins > 0) {
      const title = `${localize({ zh: '清理粘贴文本：', en: 'Clean up pasted text: ' }, locale)}${cleanupSummaryText(plan, locale)}`;
      out.push(action({ title, kind: CLEANUP_KIND }, { cleanup: true }, () => cleanupEdit(doc, plan, locale).edit));
    }
  }
  return out;
}

/**
 * The edit of an action listed with `data` (see `codeActions`), for the document it was listed
 * for; an action listed for another version, or whose finding is gone, comes back without one.
 */
export function resolveCodeAction(action: CodeAction, reply: Reply, findings: readonly Finding[], doc: TextDocument, config: EffectiveConfig, options: CodeActionOptions): CodeAction {
  const data = action.data as CodeActionData | undefined;
  if (!data || data.uri !== doc.uri || data.version !== doc.version) return action;
  let made: WorkspaceEdit | undefined;
  if ('fix' in data) {
    const f = findings[data.fix.finding];
    const fix = f && f.ruleId === data.fix.ruleId && f.start === data.fix.start && f.end === data.fix.end ? f.fixes?.[data.fix.index] : undefined;
    if (fix) made = edit(doc, fix.edits);
  } else if ('renumberLevel' in data) made = edit(doc, renumberLevelAt(reply, data.renumberLevel));
  else if ('fullWidth' in data) made = edit(doc, widthEdits(reply, config, options.today, data.fullWidth ?? undefined));
  else if ('renumberDocument' in data) made = edit(doc, renumberDocument(reply));
  else if ('cleanup' in data) made = cleanupEdit(doc, planCleanup(reply, config, options.today), options.locale).edit;
  return made ? { ...action, edit: made } : action;
}

/**
 * Half-width punctuation in Chinese text made full-width, within `range` or everywhere. A paragraph
 * of many marks comes as one edit of its span (punctuation-width): within a range its marks are
 * taken one by one where it differs from the text (one character for one).
 */
export function widthEdits(reply: Reply, config: EffectiveConfig, today: DateValue, range?: Span): TextEdit[] {
  const edits = runRule('punctuation-width', reply, config, today).flatMap((r) => r.fixes?.[0]?.edits ?? []);
  if (!range) return edits;
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (e.end - e.start === 1) {
      if (e.start >= range.start && e.end <= range.end) out.push(e);
      continue;
    }
    for (let i = Math.max(e.start, range.start); i < Math.min(e.end, range.end); i++) {
      const c = e.newText.charAt(i - e.start);
      if (c !== reply.text.charAt(i)) out.push({ start: i, end: i + 1, newText: c });
    }
  }
  return out;
}
