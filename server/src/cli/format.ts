/**
 * Output formats of the CLI: `text` (one finding per line, for problem matchers) and `json` (the
 * documented version-1 shape); SARIF is in sarif.ts, loaded only for `--format sarif`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { OutlineNode } from '../features/outline';
import { ELEMENT_LABEL, KIND_NAME } from '../core/labels';
import type { DocumentKind } from '../core/model';
import type { Locale, Severity } from '../core/vocabulary';
import type { Finding } from '../rules/types';
import { localize } from '../core/vocabulary';
import { escapeControls, terminalPath } from './terminal';

export interface FileResult {
  /** The path as shown: relative to the working folder when inside it. */
  readonly path: string;
  readonly kind: DocumentKind;
  /** The document, for SARIF's positions of fixes and related places (only SARIF needs it). */
  readonly doc?: TextDocument;
  /** The findings, for SARIF's fixes (only SARIF needs them; the diagnostics carry the rest). */
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly outline?: readonly OutlineNode[];
  /**
   * Set when the text was extracted from a Word document: positions then count the lines of the
   * extracted text (one per paragraph, table-cell paragraph or soft line break), not of the file.
   */
  readonly extractedFrom?: 'docx';
  /** Headings the outline leaves out (features/outline.ts). */
  readonly outlineOmitted?: number;
}

/** What the JSON and SARIF outputs say about the positions in a Word document. */
export const DOCX_POSITIONS = {
  zh: '位置按从 Word 文档提取的文本计：每个段落（含表格单元格中的段落、软回车分出的行）为一行，列为该行中的字符（含自动编号）。',
  en: 'positions are in the text extracted from the Word document: each paragraph (a table cell’s paragraph, a soft line break) is a line; columns count characters in it, list labels included.',
};

export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

const SEVERITY_WORD: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
/** Words in the text format: what editors' problem matchers understand. */
const TEXT_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function severityOf(d: Diagnostic): Severity {
  return SEVERITY_WORD[d.severity ?? 1] ?? 'error';
}

/** The findings one per line, then a summary that counts them and the files that could not be checked (their reasons went to stderr). */
export function formatText(results: readonly FileResult[], locale: Locale, skipped = 0): string {
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    for (const d of r.diagnostics) {
      const sev = severityOf(d);
      counts[sev]++;
      // one line per finding whatever the path and the message hold (cli/terminal.ts)
      out.push(`${terminalPath(r.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${TEXT_WORD[sev]} ${escapeControls(String(d.code))}: ${escapeControls(String(d.message))}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = results.length;
  const mark = total === 0 && skipped === 0 ? '✔' : '✖';
  if (locale === 'en') {
    const found = total === 0
      ? `${files} file(s) checked, no problems`
      : `${files} file(s) checked: ${total} problem(s) — ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} info, ${counts.hint} hint(s)`;
    out.push(`${mark} ${found}${skipped > 0 ? `; ${skipped} file(s) could not be checked (see above).` : '.'}`);
  } else {
    const found = total === 0
      ? `已检查 ${files} 个文件，未发现问题`
      : `已检查 ${files} 个文件：共 ${total} 个问题，其中错误 ${counts.error} 个、警告 ${counts.warning} 个、信息 ${counts.information} 个、提示 ${counts.hint} 个`;
    out.push(`${mark} ${found}${skipped > 0 ? `；另有 ${skipped} 个文件未能检查（原因见上）。` : '。'}`);
  }
  return `${out.join('\n')}\n`;
}

function outlineJson(nodes: readonly OutlineNode[]): unknown[] {
  return nodes.map((n) => ({
    kind: n.kind,
    name: n.name,
    range: n.range,
    ...(n.level !== undefined ? { level: n.level } : {}),
    children: outlineJson(n.children),
  }));
}

export function formatJson(results: readonly FileResult[], skipped: readonly Skipped[]): string {
  const doc = {
    version: 1,
    files: results.map((r) => ({
      path: r.path,
      kind: r.kind,
      ...(r.extractedFrom ? { extractedFrom: r.extractedFrom, positions: 'paragraphs' } : {}),
      diagnostics: r.diagnostics.map((d) => ({ code: String(d.code), severity: severityOf(d), message: d.message, range: d.range })),
      outline: outlineJson(r.outline ?? []),
      ...(r.outlineOmitted ? { outlineOmitted: r.outlineOmitted } : {}),
    })),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function formatOutlineText(r: FileResult, locale: Locale): string {
  const lines = [`${terminalPath(r.path)} — ${localize(KIND_NAME[r.kind], locale)}`];
  const walk = (nodes: readonly OutlineNode[], depth: number): void => {
    for (const n of nodes) {
      const pos = `${n.range.start.line + 1}:${n.range.start.character + 1}`;
      lines.push(`  ${pos.padEnd(8)} ${'  '.repeat(depth)}${localize(ELEMENT_LABEL[n.kind], locale)}  ${escapeControls(n.name)}`);
      walk(n.children, depth + 1);
    }
  };
  walk(r.outline ?? [], 0);
  if (r.outlineOmitted) lines.push(locale === 'en' ? `  … and ${r.outlineOmitted} more heading(s) or next-steps paragraph(s), not listed` : `  ……另有 ${r.outlineOmitted} 个标题或下一步段落未列出`);
  return `${lines.join('\n')}\n`;
}
