/**
 * The one place where findings become LSP diagnostics (for the language server and the CLI alike).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Locale, Severity } from '../core/vocabulary';
import type { Finding } from '../rules/types';
import { localize } from '../core/vocabulary';
import type { Span } from '../core/text';

export const DIAGNOSTIC_SOURCE = 'proposal-reply';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticOptions {
  readonly locale: Locale;
  /** Link to a rule's documentation, shown as the diagnostic's code description. */
  readonly ruleDocsUri?: (ruleId: string) => string | undefined;
  /** Whether the client shows related information (it needs the document URI). */
  readonly relatedInformation?: boolean;
}

export function rangeOf(doc: TextDocument, span: Span): Diagnostic['range'] {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toDiagnostic(doc: TextDocument, f: Finding, options: DiagnosticOptions): Diagnostic {
  const href = options.ruleDocsUri?.(f.ruleId);
  const related: DiagnosticRelatedInformation[] | undefined =
    options.relatedInformation !== false && f.related && f.related.length > 0
      ? f.related.map((r) => ({ location: { uri: doc.uri, range: rangeOf(doc, r) }, message: localize(r.message, options.locale) }))
      : undefined;
  return {
    range: rangeOf(doc, f),
    severity: LSP_SEVERITY[f.severity],
    code: f.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: localize(f.message, options.locale),
    ...(related ? { relatedInformation: related } : {}),
  };
}

export function toDiagnostics(doc: TextDocument, findings: readonly Finding[], options: DiagnosticOptions): Diagnostic[] {
  return findings.map((f) => toDiagnostic(doc, f, options));
}
