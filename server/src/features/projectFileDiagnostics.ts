/**
 * Diagnostics for an open project file (`.proposal-reply.json`): the same issues the command line
 * and the notification report (config/projectFile.ts, config/resolve.ts), each placed where it is —
 * a syntax error at its offset, an unknown key or rule id on its name, a bad value on the value,
 * an issue with the whole file at its start.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { PARSE_OPTIONS, parseProjectFile } from '../config/projectFile';
import { type ConfigIssue, resolveConfig } from '../config/resolve';
import { projectSetting } from '../config/schema';
import { ruleById } from '../rules';
import { type Locale, localize } from '../core/vocabulary';
import type { Span } from '../core/text';
import { rangeOf } from './diagnostics';

export function projectFileDiagnostics(doc: TextDocument, locale: Locale): Diagnostic[] {
  const text = doc.getText();
  const parsed = parseProjectFile(doc.uri, text);
  const issues = [...parsed.issues, ...(parsed.layer ? resolveConfig([parsed.layer]).issues : [])];
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  const tree = parsed.layer ? parseTree(text.slice(bom), [], PARSE_OPTIONS) : undefined;

  const spanOf = (issue: ConfigIssue): Span => {
    if (issue.at) return { start: issue.at.offset, end: issue.at.offset + issue.at.length };
    const path = issue.key === '' ? [] : issue.key.startsWith('rules.') ? ['rules', issue.key.slice('rules.'.length)] : [issue.key];
    const value = tree && (path.length > 0 ? findNodeAtLocation(tree, path) : tree);
    if (!value) return { start: 0, end: 0 };
    // a name nobody knows is marked on the name, a bad value on the value
    const known = path.length === 0 || (path.length === 1 ? projectSetting(path[0]!) !== undefined : ruleById(path[1]!) !== undefined);
    const node = known ? value : (value.parent?.children?.[0] ?? value);
    return { start: node.offset + bom, end: node.offset + node.length + bom };
  };

  return issues.map((issue) => ({
    range: rangeOf(doc, spanOf(issue)),
    severity: issue.at ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'proposal-reply',
    message: issue.key ? `${issue.key}: ${localize(issue.message, locale)}` : localize(issue.message, locale),
  }));
}
