/**
 * What the editor checks, by the size, the number of lines and the look of a document, so that a
 * huge, binary or degenerate file never stalls the server, exhausts its memory or floods the
 * Problems panel:
 *   - up to LIVE_MAX_BYTES (4 MB of UTF-8) and LIVE_MAX_LINES: checked live, every version;
 *   - up to CHECK_MAX_BYTES (20 MB) and CHECK_MAX_LINES: checked when opened and when saved (one
 *     analysis takes about 0.1–0.4 s there), with one information diagnostic saying so; between
 *     saves the last diagnostics stay and the other features answer nothing, since their positions
 *     would be stale;
 *   - larger, more lines, or binary-looking (NUL, control characters), or full of U+FFFD (a GBK
 *     file opened as UTF-8): not checked, one information diagnostic saying why.
 * The parse keeps an object per line (60–500 bytes), so the number of lines bounds the memory of a
 * document as much as its size does: a real reply has a line per ~500 bytes (a 20 MB one ~42 000),
 * a pasted log or a file of blank lines one per byte or two. Files read from disk keep limits of
 * the same kinds on every path (io/files.ts, readReplyFile): the server's background scan and
 * workspace check take the editor's (EDITOR_FILE_LIMITS), the command line and its workers, which
 * hold one file at a time and no editor, a larger size and more lines (CLI_FILE_LIMITS).
 * VS Code itself never hands documents over 50 MB to extensions; other clients may, and get the notice.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentDiagnosticReport } from 'vscode-languageserver';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { sniffText } from '../core/decode';
import type { Locale } from '../core/vocabulary';

const MiB = 1024 * 1024;
/** Documents up to this many UTF-8 bytes are checked as they are typed. */
export const LIVE_MAX_BYTES = 4 * MiB;
/** Documents up to this many bytes are checked when opened and saved; larger ones not at all. */
export const CHECK_MAX_BYTES = 20 * MiB;
/** Documents up to this many lines are checked as they are typed. */
export const LIVE_MAX_LINES = 50_000;
/** Documents up to this many lines are checked when opened and saved; longer ones not at all. */
export const CHECK_MAX_LINES = 100_000;

/** The size and the number of lines past which a file is not checked. */
export interface FileLimits {
  readonly bytes: number;
  readonly lines: number;
}

/** What the editor checks at all: open documents, and the files its background scan and workspace check read. */
export const EDITOR_FILE_LIMITS: FileLimits = { bytes: CHECK_MAX_BYTES, lines: CHECK_MAX_LINES };

export type Admission =
  | { readonly mode: 'live' }
  | { readonly mode: 'onSave'; readonly bytes: number; readonly lines: number }
  | { readonly mode: 'skip'; readonly reason: 'size'; readonly bytes: number }
  | { readonly mode: 'skip'; readonly reason: 'lines'; readonly lines: number }
  | { readonly mode: 'skip'; readonly reason: 'binary' | 'encoding' };

/** Lines of a text: LF, CRLF and a lone CR each end one. */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** How a text is checked in the editor; linear only in its first 8 K units unless it may be large. */
export function admission(text: string): Admission {
  // UTF-8 takes at most three bytes per UTF-16 unit, and a text has at most one line per unit
  // (plus one), so short texts need no count
  const bytes = text.length * 3 > LIVE_MAX_BYTES ? Buffer.byteLength(text, 'utf8') : 0;
  if (bytes > CHECK_MAX_BYTES) return { mode: 'skip', reason: 'size', bytes };
  const lines = text.length >= LIVE_MAX_LINES ? lineCount(text) : 0;
  if (lines > CHECK_MAX_LINES) return { mode: 'skip', reason: 'lines', lines };
  const look = sniffText(text);
  if (look !== 'text') return { mode: 'skip', reason: look };
  return bytes > LIVE_MAX_BYTES || lines > LIVE_MAX_LINES ? { mode: 'onSave', bytes, lines } : { mode: 'live' };
}

const mb = (bytes: number): string => (bytes / MiB).toFixed(1);

/** Why a document is checked only on save or not at all, in the user's language. */
export function admissionMessage(a: Admission, locale: Locale): string | undefined {
  const en = locale === 'en';
  if (a.mode === 'live') return undefined;
  if (a.mode === 'onSave') {
    const why = a.bytes > LIVE_MAX_BYTES
      ? en ? `Large file (${mb(a.bytes)} MB, over ${LIVE_MAX_BYTES / MiB} MB)` : `文件较大（${mb(a.bytes)} MB，超过 ${LIVE_MAX_BYTES / MiB} MB）`
      : en ? `Many lines (${a.lines}, over ${LIVE_MAX_LINES})` : `行数较多（${a.lines} 行，超过 ${LIVE_MAX_LINES} 行）`;
    return en
      ? `${why}: checked when opened and saved, not while typing; outline and quick fixes return after saving.`
      : `${why}，只在打开和保存时检查，输入时不实时检查；大纲、快速修复等在保存后恢复。`;
  }
  switch (a.reason) {
    case 'lines':
      return en
        ? `Too many lines to check in the editor (${a.lines}, limit ${CHECK_MAX_LINES}); this does not look like a reply.`
        : `行数过多（${a.lines} 行，上限 ${CHECK_MAX_LINES} 行），不像答复文稿，编辑器中不检查。`;
    case 'size':
      return en
        ? `File too large to check in the editor (${mb(a.bytes)} MB, limit ${CHECK_MAX_BYTES / MiB} MB); check it on the command line: proposal-reply check FILE.`
        : `文件过大（${mb(a.bytes)} MB，上限 ${CHECK_MAX_BYTES / MiB} MB），编辑器中不检查；可在命令行用 proposal-reply check 检查。`;
    case 'binary':
      return en
        ? 'This file does not look like text (it holds NUL or other control characters); not checked.'
        : '该文件看起来不是文本（含 NUL 等控制字符），不检查。';
    case 'encoding':
      return en
        ? 'This file holds many undecodable characters (�): it is probably not UTF-8 (perhaps GBK/GB18030); not checked. Use “Reopen with Encoding” and choose Simplified Chinese (GB18030).'
        : '文件中有大量无法解码的字符（�），可能不是 UTF-8 编码（如 GBK/GB18030），未检查。请用“通过编码重新打开”选择“简体中文 (GB18030)”。';
  }
}

/** The one information diagnostic at the start of a document that is not checked live. */
export function admissionNotice(a: Admission, locale: Locale): Diagnostic | undefined {
  const message = admissionMessage(a, locale);
  if (message === undefined) return undefined;
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'proposal-reply', message };
}

interface State {
  version: number;
  admission: Admission;
  /** The version opened or last saved: the one a large document is checked at. */
  checkpoint?: number;
  /** The last full report of a large document, so that a pull between saves can answer `unchanged`. */
  resultId?: string;
}

/** Per open document: its admission (once per version) and, for large ones, the version to check. */
export class DocumentLimits {
  private readonly states = new Map<string, State>();
  private nextResultId = 1;

  private state(doc: TextDocument): State {
    let s = this.states.get(doc.uri);
    if (!s || s.version !== doc.version) {
      const previous = s;
      s = { version: doc.version, admission: admission(doc.getText()), ...(previous?.checkpoint !== undefined ? { checkpoint: previous.checkpoint } : {}), ...(previous?.resultId ? { resultId: previous.resultId } : {}) };
      this.states.set(doc.uri, s);
    }
    return s;
  }

  admission(doc: TextDocument): Admission {
    return this.state(doc).admission;
  }

  /** Marks the version opened or saved as the one to check; true when that matters (a large document). */
  checkpoint(doc: TextDocument): boolean {
    const s = this.state(doc);
    s.checkpoint = doc.version;
    return s.admission.mode === 'onSave';
  }

  /** Whether the features may analyse this version: every live version, a large one at its checkpoint. */
  mayAnalyse(doc: TextDocument): boolean {
    const s = this.state(doc);
    return s.admission.mode === 'live' || (s.admission.mode === 'onSave' && s.checkpoint === doc.version);
  }

  /**
   * The diagnostics to push for this version, or undefined to leave the last ones in place (a
   * large document between saves). `findings` runs the analysis.
   */
  pushDiagnostics(doc: TextDocument, locale: Locale, findings: () => Diagnostic[]): Diagnostic[] | undefined {
    const s = this.state(doc);
    const notice = admissionNotice(s.admission, locale);
    if (s.admission.mode === 'skip') return [notice!];
    if (!this.mayAnalyse(doc)) return undefined;
    return notice ? [notice, ...findings()] : findings();
  }

  /**
   * The pull report: like `pushDiagnostics`; between saves of a large document `unchanged` when the
   * client holds the last report (so its diagnostics stay and move with the edits), else the notice.
   */
  pullReport(doc: TextDocument, locale: Locale, previousResultId: string | undefined, findings: () => Diagnostic[]): DocumentDiagnosticReport {
    const s = this.state(doc);
    if (s.admission.mode !== 'onSave') return { kind: 'full', items: this.pushDiagnostics(doc, locale, findings)! };
    if (this.mayAnalyse(doc)) {
      s.resultId = String(this.nextResultId++);
      return { kind: 'full', resultId: s.resultId, items: this.pushDiagnostics(doc, locale, findings)! };
    }
    if (s.resultId !== undefined && previousResultId === s.resultId) return { kind: 'unchanged', resultId: s.resultId };
    return { kind: 'full', items: [admissionNotice(s.admission, locale)!] };
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }
}
