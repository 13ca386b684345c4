/**
 * The register and the batch in the language server. For each project file that names a register:
 * where the register is (inside the project folder, as the CLI requires, and inside a workspace
 * folder, real paths compared), its text read once until it changes, its issues as diagnostics on
 * the register file, and the batch index of the replies in the project folder — open documents as
 * edited, the others as on disk — which feeds `register-duplicate-reply`, the batch view and the
 * report. File access goes through the readers the CLI uses too (`io/files.ts`, `io/registers.ts`).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFiles, readReplyFile } from './io/files';
import { locateFromProjectFile, Registers } from './io/registers';
import type { EffectiveConfig } from './config/schema';
import { rangeOf } from './features/diagnostics';
import { admission, EDITOR_FILE_LIMITS } from './features/limits';
import type { DateValue } from './core/model';
import type { BatchGroup, BatchItem, BatchView } from './protocol';
import { conventionalFileName, entryDetail, entryLabel, isInside, registerIssueText, replySkeleton } from './register';
import { baseName } from './register/link';
import type { Register, RegisterIssueSeverity } from './register/types';
import { type BatchReport, BatchIndex, groupByState, summarizeReply } from './report';
import { formatReportCsv, formatReportJson, formatReportMarkdown, type ReportFormat, summaryLine } from './report/formats';
import { formatReportHtml, relativeHref } from './report/html';
import { type Locale, type Localized, localize } from './core/vocabulary';
import type { AnalyzeExtras } from './analysis';
import type { ReplyService } from './service';

/** The batch of one project file. */
export interface Batch {
  readonly projectFile: string;
  readonly config: EffectiveConfig;
  readonly registerFile?: string;
  readonly register?: Register;
  /** The register text, for positions of its issues. */
  readonly registerText?: string;
  /** Why the register cannot be used. */
  readonly problem?: Localized;
  readonly index: BatchIndex;
  /** Settles when every reply in the project folder is in the index. */
  scanned?: Promise<void>;
}

export interface BatchHostOptions {
  readonly service: ReplyService;
  /** The workspace folders (absolute paths); a register must be inside one of them when there are any. */
  readonly workspaceFolders: () => readonly string[];
  /** Whether a document is open in the editor (its text then comes from the editor, not the disk). */
  readonly isOpen: (uri: string) => boolean;
  readonly today: () => DateValue;
  readonly log: (message: string) => void;
  /** Register diagnostics to show on the register file (empty to clear them). */
  readonly publishRegister: (uri: string, diagnostics: Diagnostic[]) => void;
  /** Open replies whose findings changed because another reply joined or left their entry, or the scan finished. */
  readonly onBatchChanged: (uris: readonly string[] | 'all') => void;
}

const SEVERITY: Record<RegisterIssueSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** What a reply of a batch is analysed with: the register, and which replies answer the same entries. */
function extrasOf(batch: Batch): AnalyzeExtras | undefined {
  return batch.register ? { register: batch.register, batchLinks: batch.index.links() } : undefined;
}

/** The file a `file:` URI names, in the form the index keys files on disk. */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** Register issues as diagnostics on the register text (`register` is their source and code). */
export function registerDiagnostics(register: Register, text: string, uri: string, locale: Locale): Diagnostic[] {
  const doc = TextDocument.create(uri, 'csv', 0, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return register.issues.map((i) => ({
    // a workbook has no text: its issues sit at their sheet row and column
    range: register.format === 'xlsx' ? { start: { line: i.line - 1, character: i.column - 1 }, end: { line: i.line - 1, character: i.column } } : rangeOf(doc, i),
    severity: SEVERITY[i.severity], source: 'proposal-reply', code: 'register', message: registerIssueText(i, locale, register.format),
  }));
}

export class BatchHost {
  private registers = new Registers();
  private readonly batches = new Map<string, Promise<Batch>>();
  /** The batch each open reply was last analysed in. */
  private readonly docBatch = new Map<string, Batch>();
  /** Register files with diagnostics shown, and the batch that showed them. */
  private readonly shown = new Map<string, string>();
  /** Replies on disk whose findings may have changed since they were read (a duplicate appeared). */
  private readonly stale = new Set<string>();

  constructor(private readonly opts: BatchHostOptions) {}

  /** The extras an open reply is analysed with: its batch's register and the links of the batch. */
  extrasFor(uri: string): AnalyzeExtras | undefined {
    const b = this.docBatch.get(uri);
    return b ? extrasOf(b) : undefined;
  }

  /**
   * The extras of a reply on disk in a batch (the workspace check), once the batch has read the
   * project folder: the same register and links as an open reply, the batch view and the CLI use.
   */
  async extrasOnDisk(batch: Batch | undefined): Promise<AnalyzeExtras | undefined> {
    if (!batch?.register) return undefined;
    await batch.scanned;
    await this.settle(batch);
    return extrasOf(batch);
  }

  /** The batch of a project file naming a register (read on first use, until it changes). */
  batch(projectFile: string, config: EffectiveConfig, locale: Locale): Promise<Batch> {
    const key = JSON.stringify([projectFile, config.register, config.registerColumns ?? null, config.categories.map((c) => c.value)]);
    let p = this.batches.get(key);
    if (!p) {
      p = this.load(projectFile, config, locale);
      this.batches.set(key, p);
    }
    return p;
  }

  private async load(projectFile: string, config: EffectiveConfig, locale: Locale): Promise<Batch> {
    const index = new BatchIndex();
    const value = config.register!;
    const where = await locateFromProjectFile(projectFile, value);
    if ('problem' in where) return { projectFile, config, index, problem: where.problem };
    const folders = this.opts.workspaceFolders();
    if (folders.length > 0) {
      const real = await fs.realpath(where.abs).catch(() => where.abs);
      const realFolders = await Promise.all(folders.map((f) => fs.realpath(f).catch(() => f)));
      if (!realFolders.some((f) => isInside(f, real))) {
        return {
          projectFile, config, index, registerFile: where.abs,
          problem: {
            zh: `登记表“${value}”不在工作区文件夹之内，已忽略；编辑器只读取工作区之内的登记表（命令行可用 --register 指定其他位置）。`,
            en: `the register “${value}” is outside the workspace folder and was ignored; the editor only reads registers inside the workspace (use --register on the command line for another place).`,
          },
        };
      }
    }
    const loaded = await this.registers.load(where.abs, where.abs, config);
    if (!loaded.register) return { projectFile, config, index, registerFile: where.abs, ...(loaded.problem ? { problem: loaded.problem } : {}) };
    const batch: Batch = { projectFile, config, index, registerFile: where.abs, register: loaded.register, ...(loaded.text !== undefined ? { registerText: loaded.text } : {}) };
    const uri = pathToFileURL(where.abs).href;
    this.shown.set(uri, projectFile);
    this.opts.publishRegister(uri, registerDiagnostics(loaded.register, loaded.text ?? '', uri, locale));
    batch.scanned = this.scan(batch).catch((e: unknown) => this.opts.log(`batch scan of ${path.dirname(projectFile)} failed: ${e instanceof Error ? e.stack : String(e)}`));
    return batch;
  }

  /**
   * Reads every reply in the project folder that is not open into the index, then re-checks the
   * duplicates. A file that fails is logged and left out; the others still count.
   */
  private async scan(batch: Batch): Promise<void> {
    const { files } = await collectFiles([path.dirname(batch.projectFile)]);
    for (const file of files) {
      if (file === batch.registerFile) continue;
      const uri = pathToFileURL(file).href;
      if (this.openUriOf(uri)) continue;
      try {
        await this.readIntoIndex(batch, uri, file, false);
      } catch (e) {
        this.opts.log(`batch scan: ${file} failed and was left out: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
    }
    await this.settle(batch, true);
    this.opts.onBatchChanged('all');
  }

  private openUriOf(canonical: string): string | undefined {
    for (const [uri, b] of this.docBatch) if (b && canonicalUri(uri) === canonical && this.opts.isOpen(uri)) return uri;
    return this.opts.isOpen(canonical) ? canonical : undefined;
  }

  /** Reads a reply on disk into the batch, within the editor's limits (a 25 MB log is not read, a file of 10⁶ lines not analysed). */
  private async readIntoIndex(batch: Batch, uri: string, file: string, withLinks: boolean): Promise<string[]> {
    const read = await readReplyFile(file, EDITOR_FILE_LIMITS);
    if (!read.ok || !batch.register || admission(read.text).mode === 'skip') return batch.index.delete(uri);
    const doc = TextDocument.create(uri, 'proposal-reply', 0, read.text);
    const analysis = this.opts.service.analyze(doc, batch.config, { register: batch.register, ...(withLinks ? { batchLinks: batch.index.links() } : {}) });
    this.opts.service.forget(uri);
    return batch.index.set(summarizeReply(uri, analysis));
  }

  /**
   * Re-reads the replies on disk whose duplicate status changed, so that their counts include it:
   * after the scan every reply that shares an entry, later only those marked stale.
   */
  private async settle(batch: Batch, all = false): Promise<void> {
    const dup = all ? [...batch.index.links().values()].flat() : [];
    for (const uri of new Set([...this.stale, ...dup])) {
      this.stale.delete(uri);
      if (!uri.startsWith('file:') || this.opts.isOpen(uri) || !batch.index.get(uri)) continue;
      await this.readIntoIndex(batch, uri, fileURLToPath(uri), true);
    }
  }

  /**
   * Analyses an open reply in its batch and records it; returns the other open replies whose
   * duplicate status changed. Call before any feature of the document (the service's `extrasFor`
   * then gives the same register and links).
   */
  prepare(doc: TextDocument, config: EffectiveConfig, batch: Batch | undefined): string[] {
    if (!batch?.register) {
      this.docBatch.delete(doc.uri);
      return [];
    }
    this.docBatch.set(doc.uri, batch);
    const affected = new Set<string>();
    const canonical = canonicalUri(doc.uri);
    if (canonical !== doc.uri) for (const u of batch.index.delete(canonical)) affected.add(u);
    const first = this.opts.service.analyze(doc, config, { register: batch.register, batchLinks: batch.index.links() });
    for (const u of batch.index.set(summarizeReply(doc.uri, first))) affected.add(u);
    const second = this.opts.service.analyze(doc, config, { register: batch.register, batchLinks: batch.index.links() });
    if (second !== first) batch.index.set(summarizeReply(doc.uri, second));
    const open: string[] = [];
    for (const u of affected) {
      if (u === doc.uri) continue;
      if (this.opts.isOpen(u)) open.push(u);
      else this.stale.add(u);
    }
    return open;
  }

  /** A reply was closed: its copy on disk (if any) takes its place in the batch. */
  async closed(uri: string): Promise<void> {
    const batch = this.docBatch.get(uri);
    this.docBatch.delete(uri);
    if (!batch) return;
    const changed = batch.index.delete(uri);
    if (uri.startsWith('file:')) changed.push(...(await this.readIntoIndex(batch, canonicalUri(uri), fileURLToPath(uri), true)));
    this.changedOthers(changed);
  }

  /**
   * A reply file on disk was created, changed or deleted (open replies follow the editor instead).
   * Whether a batch holds it.
   */
  async fileChanged(file: string, deleted: boolean): Promise<boolean> {
    const uri = pathToFileURL(file).href;
    if (this.openUriOf(uri)) return false;
    let inBatch = false;
    for (const p of [...this.batches.values()]) {
      const batch = await p;
      if (!batch.register || file === batch.registerFile || !isInside(path.dirname(batch.projectFile), file)) continue;
      inBatch = true;
      const changed = deleted ? batch.index.delete(uri) : await this.readIntoIndex(batch, uri, file, true);
      this.changedOthers(changed);
    }
    return inBatch;
  }

  private changedOthers(uris: readonly string[]): void {
    const open = uris.filter((u) => this.opts.isOpen(u));
    for (const u of uris) if (!this.opts.isOpen(u)) this.stale.add(u);
    if (open.length > 0) this.opts.onBatchChanged(open);
  }

  /** Whether the file is a register some batch reads. */
  isRegisterFile(file: string): boolean {
    return this.shown.has(pathToFileURL(file).href);
  }

  /** Forgets every register and batch (a project file or a register changed); clears the register diagnostics. */
  reset(): void {
    this.registers = new Registers();
    this.batches.clear();
    this.docBatch.clear();
    this.stale.clear();
    for (const uri of this.shown.keys()) this.opts.publishRegister(uri, []);
    this.shown.clear();
  }

  /** The batch view of a batch: its rows grouped by state, each group with its count. */
  async view(batch: Batch, locale: Locale): Promise<BatchView> {
    const dir = path.dirname(batch.projectFile);
    const label = batch.registerFile ? `${path.basename(dir)} · ${path.relative(dir, batch.registerFile)}` : path.basename(dir);
    const base = { projectFile: pathToFileURL(batch.projectFile).href, label, ...(batch.registerFile && batch.register ? { registerUri: pathToFileURL(batch.registerFile).href } : {}) };
    if (!batch.register) return { ...base, ...(batch.problem ? { problem: localize(batch.problem, locale) } : {}), groups: [] };
    const report = await this.report(batch);
    return { ...base, groups: batchGroups(report, locale) };
  }

  /** The batch report once the scan is done and the stale replies are re-read. */
  async report(batch: Batch): Promise<BatchReport> {
    await batch.scanned;
    await this.settle(batch);
    return batch.index.report({ ...(batch.register ? { register: batch.register } : {}), registerSource: batch.registerFile ? path.basename(batch.registerFile) : '', today: this.opts.today() });
  }

  /**
   * The report of a batch in a format, reply paths relative to the project folder; the HTML page
   * links each reply relative to `outputFile`, where the client writes it.
   */
  async render(batch: Batch, format: ReportFormat, locale: Locale, outputFile?: string): Promise<{ text: string; summary: string }> {
    const dir = path.dirname(batch.projectFile);
    const built = await this.report(batch);
    const shown = (uri: string): string => (uri.startsWith('file:') ? path.relative(dir, fileURLToPath(uri)).split(path.sep).join('/') : uri);
    const report: BatchReport = { ...built, rows: built.rows.map((r) => (r.reply ? { ...r, reply: { ...r.reply, path: shown(r.reply.path) } } : r)) };
    let text: string;
    switch (format) {
      case 'json': text = formatReportJson(report); break;
      case 'csv': text = formatReportCsv(report, locale); break;
      case 'md': text = formatReportMarkdown(report, locale); break;
      default: text = formatReportHtml(report, {
        locale,
        generator: 'proposal-reply',
        ...(outputFile ? { hrefOf: (p: string) => relativeHref(path.relative(path.dirname(outputFile), path.resolve(dir, p))) } : {}),
      });
    }
    return { text, summary: summaryLine(report, locale) };
  }

  /** The conventional file and skeleton of a new reply for an entry, in the project folder. */
  newReply(batch: Batch, entryKey: string): { uri: string; text: string } | undefined {
    const entry = batch.register?.byKey.get(entryKey);
    if (!entry) return undefined;
    const file = path.join(path.dirname(batch.projectFile), conventionalFileName(entry));
    const options = { today: this.opts.today(), ...(batch.config.organization ? { organization: batch.config.organization } : {}) };
    return { uri: pathToFileURL(file).href, text: replySkeleton(entry, options) };
  }
}

/** The batch view's groups: every state in the reviewer's order, with its count in the label. */
export function batchGroups(report: BatchReport, locale: Locale): BatchGroup[] {
  return groupByState(report).map((g) => ({
    state: g.state,
    label: `${localize(g.label, locale)} (${g.rows.length})`,
    count: g.rows.length,
    overdue: g.overdue,
    items: g.rows.map((r): BatchItem => {
      const errors = r.reply?.counts.error ?? 0;
      const warnings = r.reply?.counts.warning ?? 0;
      return {
        ...(r.entry ? { entryKey: r.entry.key } : {}),
        label: r.entry ? entryLabel(r.entry) : baseName(r.reply!.path),
        description: r.entry
          ? localize(entryDetail(r.entry), locale)
          : localize({ zh: '登记表中没有', en: 'not in the register' }, locale),
        state: r.state,
        overdue: r.overdue,
        ...(r.daysOverdue !== undefined ? { daysOverdue: r.daysOverdue } : {}),
        duplicate: r.duplicate,
        ...(r.reply ? { replyUri: r.reply.path } : {}),
        errors,
        warnings,
      };
    }),
  }));
}
