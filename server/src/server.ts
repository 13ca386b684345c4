/**
 * The language server glue: capabilities, per-resource settings, the project file, and one handler
 * per request that looks up the document and calls the reply service. No analysis happens here.
 * Every handler is wrapped: it honours cancellation, logs an internal error and returns an empty
 * result instead of failing the request. Only this file and batchHost.ts (registers, and the replies
 * of a register's batch) read files (project files, and replies that are not open when the client
 * asks for a workspace check).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CancellationToken, type ClientCapabilities, type Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  type DocumentDiagnosticReport, DocumentDiagnosticReportKind, ErrorCodes, FileChangeType, type InitializeParams, type InitializeResult, LSPErrorCodes, ResponseError,
  TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Batch, BatchHost } from './batchHost';
import { ProjectFiles, readReplyFile, readWordFile, REPLY_EXTENSIONS } from './io/files';
import { type ConfigIssue, type ConfigLayer, formatConfigIssue, resolveConfig } from './config/resolve';
import { DEFAULT_CONFIG, type EffectiveConfig, PROJECT_FILE_NAME } from './config/schema';
import { clientLocaleOf, messageLocale, SETTINGS_SECTION, SETTINGS_SOURCE, settingsIssues, settingsLayer } from './config/settings';
import { Debouncer } from './debounce';
import { CODE_ACTION_KINDS } from './features/codeActions';
import { admission, admissionMessage, DocumentLimits, EDITOR_FILE_LIMITS } from './features/limits';
import { projectFileDiagnostics } from './features/projectFileDiagnostics';
import { flatSymbols } from './features/symbols';
import {
  BATCH_CHANGED_NOTIFICATION, BATCH_REQUEST, type BatchParams, type BatchResult, CHECK_FILES_REQUEST, type CheckFilesParams, type CheckFilesResult, CLEANUP_REQUEST, type CleanupResult,
  type DocumentParams, EXPORT_DOCX_REQUEST, type ExportDocxParams, type ExportDocxResult, EXTRACT_WORD_REQUEST, type ExtractWordParams, type ExtractWordResult,
  NEW_REPLY_REQUEST, type NewReplyParams, type NewReplyResult, RENUMBER_REQUEST, type RenumberParams, type RenumberResult,
  REPORT_REQUEST, type ReportParams, type ReportResult, STRUCTURE_REQUEST, type StructureReport, WORD_VIEW_SCHEME,
} from './protocol';
import { exportDocx, exportOptionsFor, exportSummary } from './office/exportDocx';
import { todayOf } from './parse/dates';
import { localize, type Locale } from './core/vocabulary';
import { createReplyService } from './service';

export interface ServerOptions {
  /** The clock (tests fix it). */
  readonly now?: () => Date;
  /** The folder holding `docs/rules/`, for diagnostics' documentation links; found from the install location otherwise. */
  readonly docsRoot?: string;
}

interface DocumentConfig {
  readonly config: EffectiveConfig;
  readonly locale: Locale;
  /** The register and batch of the document's project, when its project file names a register. */
  readonly batch?: Batch;
}

/**
 * Push diagnostics wait this long after the last change of a document: a burst of typing is
 * analysed once, after it (the pull model leaves the timing to the client).
 */
const PUSH_DELAY_MS = 100;

/** How many files one workspace-check request may name. */
const CHECK_FILES_MAX = 500;

/** The folder at or above `from` that holds the rule pages (`dist/` in the package, `out/server/src/` in a checkout). */
export function findDocsRoot(from: string): string | undefined {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'docs', 'rules'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The answer to a request the client cancelled (LSP: RequestCancelled, not an empty result). */
export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

/** The answer to any request after `shutdown` (LSP: InvalidRequest). */
export function afterShutdown(): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
}

/**
 * Wraps a request handler: after `shutdown` a request is answered InvalidRequest, a cancelled
 * request RequestCancelled (without running, or when it was cancelled while running), and an
 * internal error is logged and answered with the empty result.
 */
export function guarded<P, R>(name: string, log: (m: string) => void, empty: () => R, fn: (params: P, token: CancellationToken) => Promise<R> | R, shutDown: () => boolean = () => false) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    if (shutDown()) throw afterShutdown();
    if (token.isCancellationRequested) throw requestCancelled();
    let r: R;
    try {
      r = await fn(params, token);
    } catch (e) {
      log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      r = empty();
    }
    if (token.isCancellationRequested) throw requestCancelled();
    return r;
  };
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string): void => connection.console.error(m);
  const docsRoot = options.docsRoot ?? findDocsRoot(__dirname);
  let caps = {
    pull: false, snippets: false, hierarchicalSymbols: false, relatedInformation: false, codeDescription: false,
    configuration: false, configurationDynamic: false, watchedFilesDynamic: false, refresh: false, codeActionResolve: false,
  };
  let clientLocale: Locale = 'zh-cn';
  let initLocale: string | undefined;
  // the client may name where rule pages open (VS Code: its URI handler, which shows the page as a
  // Markdown preview); otherwise the page file itself
  let ruleDocsBase: string | undefined;
  const ruleDocsUri = (id: string): string | undefined => {
    if (!caps.codeDescription) return undefined;
    if (ruleDocsBase !== undefined) return `${ruleDocsBase}${id}`;
    return docsRoot ? pathToFileURL(path.join(docsRoot, 'docs', 'rules', `${id}.md`)).href : undefined;
  };
  // huge, binary or mis-decoded documents: checked on save only, or not at all (features/limits.ts)
  const limits = new DocumentLimits();
  const now = options.now ?? (() => new Date());
  const service = createReplyService({ now, log, ruleDocsUri, extrasFor: (doc) => batches.extrasFor(doc.uri) });
  let workspaceFolders: string[] = [];
  const batches = new BatchHost({
    service,
    workspaceFolders: () => workspaceFolders,
    isOpen: (uri) => documents.get(uri) !== undefined,
    today: () => todayOf(now()),
    log,
    publishRegister: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    onBatchChanged: (uris) => recheck(uris),
  });

  // ---- settings and configuration, cached per resource
  let globalSettings: unknown = {};
  const settingsCache = new Map<string, Promise<unknown>>();
  const configCache = new Map<string, Promise<DocumentConfig>>();
  let projectFiles = new ProjectFiles(() => workspaceFolders);
  const reported = new Set<string>();

  const settingsFor = (uri: string): Promise<unknown> => {
    if (!caps.configuration) return Promise.resolve(globalSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then((s: unknown) => s ?? {}, (e: unknown) => {
        log(`workspace/configuration failed: ${String(e)}`);
        return {};
      });
      settingsCache.set(uri, p);
    }
    return p;
  };

  const reportIssues = (issues: readonly ConfigIssue[], locale: Locale): void => {
    const fresh = issues.filter((i) => !reported.has(`${i.source}\u0000${i.key}\u0000${i.message.en}`));
    if (fresh.length === 0) return;
    for (const i of fresh) {
      reported.add(`${i.source}\u0000${i.key}\u0000${i.message.en}`);
      log(`configuration: ${formatConfigIssue(i, locale)}`);
    }
    const head = localize({ zh: '提案建议答复检查配置问题', en: 'Proposal reply configuration' }, locale);
    const more = fresh.length > 1 ? (localize({ zh: `（另有 ${fresh.length - 1} 条，见“输出”面板）`, en: ` (and ${fresh.length - 1} more; see the output channel)` }, locale)) : '';
    void connection.window.showWarningMessage(`${head}${localize({ zh: '：', en: ': ' }, locale)}${formatConfigIssue(fresh[0]!, locale)}${more}`);
  };

  const configFor = (uri: string): Promise<DocumentConfig> => {
    let p = configCache.get(uri);
    if (!p) {
      p = (async (): Promise<DocumentConfig> => {
        const settings = await settingsFor(uri);
        const locale = messageLocale(settings, initLocale);
        const layers: ConfigLayer[] = [];
        const issues: ConfigIssue[] = [];
        let project: string | undefined;
        // a Word document's view takes the project file of the .docx
        const onDisk = uri.startsWith(`${WORD_VIEW_SCHEME}:`) ? `file:${uri.slice(WORD_VIEW_SCHEME.length + 1)}` : uri;
        if (onDisk.startsWith('file:')) {
          const file = fileURLToPath(onDisk);
          project = await projectFiles.nearest(file);
          if (project) {
            const loaded = await projectFiles.load(project, project);
            issues.push(...loaded.issues);
            if (loaded.layer) layers.push(loaded.layer);
          }
        }
        issues.push(...settingsIssues(settings));
        const fromSettings = settingsLayer(settings);
        if (fromSettings) layers.push(fromSettings);
        const resolved = resolveConfig(layers);
        issues.push(...resolved.issues);
        let batch: Batch | undefined;
        if (project && resolved.config.register) {
          batch = await batches.batch(project, resolved.config, locale);
          if (batch.problem) issues.push({ source: project, key: 'register', message: batch.problem });
        }
        reportIssues(issues, locale);
        return { config: resolved.config, locale, ...(batch ? { batch } : {}) };
      })().catch((e: unknown) => {
        log(`configuration for ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
        return { config: DEFAULT_CONFIG, locale: clientLocale };
      });
      configCache.set(uri, p);
    }
    return p;
  };

  const isProjectFile = (uri: string): boolean => uri.endsWith(`/${PROJECT_FILE_NAME}`);

  // ---- diagnostics: pull when the client supports it, push otherwise (never both)
  const pushLater = new Debouncer(PUSH_DELAY_MS);
  /** Pushes diagnostics once the document has rested for the push delay; a newer call replaces a pending one. */
  const publish = (doc: TextDocument): void => pushLater.schedule(doc.uri, () => void publishNow(doc));
  const publishNow = async (doc: TextDocument): Promise<void> => {
    if (caps.pull) return;
    try {
      const { config, locale, batch } = await configFor(doc.uri);
      const current = documents.get(doc.uri);
      if (!current || current.version !== doc.version) return; // a newer version publishes its own
      let diagnostics;
      if (isProjectFile(current.uri)) diagnostics = projectFileDiagnostics(current, locale);
      else {
        if (limits.mayAnalyse(current)) inBatch(current, config, batch);
        diagnostics = limits.pushDiagnostics(current, locale, () => service.diagnostics(current, config, locale, caps.relatedInformation));
      }
      if (!diagnostics) return; // a large document between saves keeps its last diagnostics
      await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    } catch (e) {
      log(`diagnostics for ${doc.uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  };
  const refreshAll = (): void => {
    if (caps.pull) {
      if (caps.refresh) void connection.languages.diagnostics.refresh();
    } else {
      for (const d of documents.all()) void publish(d);
    }
  };
  /** Checks some open replies again (pull clients can only be asked to refresh them all). */
  const recheck = (uris: readonly string[] | 'all'): void => {
    if (uris === 'all' || caps.pull) refreshAll();
    else for (const u of uris) {
      const d = documents.get(u);
      if (d) publish(d);
    }
  };

  let shutDown = false;
  connection.onShutdown(() => void (shutDown = true));
  const guard = <P, R>(name: string, empty: () => R, fn: (params: P, token: CancellationToken) => Promise<R> | R) => guarded(name, log, empty, fn, () => shutDown);
  /**
   * The open reply document and its configuration, or undefined (closed, the project file, or a
   * version the limits hold back from analysis, unless `held` asks for it anyway).
   */
  const replyDoc = async (uri: string, held = false): Promise<{ doc: TextDocument; config: EffectiveConfig; locale: Locale } | undefined> => {
    const doc = documents.get(uri);
    if (!doc || isProjectFile(uri)) return undefined;
    const { config, locale, batch } = await configFor(uri);
    const current = documents.get(uri) ?? doc;
    const analysable = limits.mayAnalyse(current);
    if (!held && !analysable) return undefined;
    if (analysable) inBatch(current, config, batch);
    return { doc: current, config, locale };
  };
  /** Records an open reply in its batch; the replies whose duplicates changed are checked again. */
  function inBatch(doc: TextDocument, config: EffectiveConfig, batch: Batch | undefined): void {
    const others = batches.prepare(doc, config, batch);
    if (others.length > 0) recheck(others);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const c: ClientCapabilities = params.capabilities;
    initLocale = params.locale;
    clientLocale = clientLocaleOf(params.locale);
    caps = {
      pull: c.textDocument?.diagnostic !== undefined,
      snippets: c.textDocument?.completion?.completionItem?.snippetSupport === true,
      hierarchicalSymbols: c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      relatedInformation: c.textDocument?.publishDiagnostics?.relatedInformation === true || (c.textDocument?.diagnostic as { relatedInformation?: boolean } | undefined)?.relatedInformation === true,
      codeDescription: c.textDocument?.publishDiagnostics?.codeDescriptionSupport === true || (c.textDocument?.diagnostic as { codeDescriptionSupport?: boolean } | undefined)?.codeDescriptionSupport === true,
      configuration: c.workspace?.configuration === true,
      configurationDynamic: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      watchedFilesDynamic: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      refresh: c.workspace?.diagnostics?.refreshSupport === true,
      // code actions listed without their edits, made when one is chosen (features/codeActions.ts)
      codeActionResolve: c.textDocument?.codeAction?.dataSupport === true && (c.textDocument.codeAction.resolveSupport?.properties.includes('edit') ?? false),
    };
    workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    const initOptions = params.initializationOptions as { settings?: unknown; ruleDocsBase?: unknown } | undefined;
    if (initOptions?.settings !== undefined) globalSettings = initOptions.settings;
    if (typeof initOptions?.ruleDocsBase === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^\s]*$/i.test(initOptions.ruleDocsBase)) ruleDocsBase = initOptions.ruleDocsBase;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['：', ':', '，', ','], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: clientLocale === 'en' ? 'Proposal reply' : '提案建议答复' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: caps.codeActionResolve },
        ...(caps.pull ? { diagnosticProvider: { identifier: 'proposal-reply', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'proposal-reply' },
    };
  });

  connection.onInitialized(() => {
    if (caps.configurationDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (caps.watchedFilesDynamic) {
      // project files; registers (CSV, JSON, text exports); replies not open in the editor
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${PROJECT_FILE_NAME}` }, { globPattern: '**/*.{csv,tsv,json,txt,reply}' }],
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (!caps.configuration) globalSettings = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION] ?? {};
    settingsCache.clear();
    configCache.clear();
    for (const key of [...reported]) if (key.startsWith(SETTINGS_SOURCE)) reported.delete(key);
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(async (change) => {
    let configChanged = false;
    const replies: Array<{ file: string; deleted: boolean }> = [];
    for (const c of change.changes) {
      if (!c.uri.startsWith('file:')) continue;
      const file = fileURLToPath(c.uri);
      if (isProjectFile(c.uri) || batches.isRegisterFile(file)) {
        configChanged = true;
        for (const key of [...reported]) if (key.startsWith(file)) reported.delete(key);
      } else if (REPLY_EXTENSIONS.some((x) => file.toLowerCase().endsWith(x))) {
        replies.push({ file, deleted: c.type === FileChangeType.Deleted });
      }
    }
    if (configChanged) {
      projectFiles = new ProjectFiles(() => workspaceFolders);
      configCache.clear();
      batches.reset();
      // the registers of open replies are read again, and their issues shown again
      await Promise.all(documents.all().map((d) => configFor(d.uri)));
      refreshAll();
      void connection.sendNotification(BATCH_CHANGED_NOTIFICATION);
      return;
    }
    let batchChanged = false;
    for (const r of replies) if (await batches.fileChanged(r.file, r.deleted)) batchChanged = true;
    if (batchChanged) void connection.sendNotification(BATCH_CHANGED_NOTIFICATION);
  });

  documents.onDidOpen((e) => void limits.checkpoint(e.document));
  documents.onDidChangeContent((e) => void publish(e.document));
  documents.onDidSave((e) => {
    // a large document is checked again at each save
    if (!limits.checkpoint(e.document)) return;
    if (!caps.pull) void publish(e.document);
    else if (caps.refresh) void connection.languages.diagnostics.refresh();
  });
  documents.onDidClose((e) => {
    pushLater.cancel(e.document.uri);
    service.forget(e.document.uri);
    limits.forget(e.document.uri);
    void batches.closed(e.document.uri).catch((err: unknown) => log(`batch update for ${e.document.uri} failed: ${String(err)}`));
    settingsCache.delete(e.document.uri);
    configCache.delete(e.document.uri);
    if (!caps.pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (shutDown) throw afterShutdown();
    if (token.isCancellationRequested) throw requestCancelled();
    try {
      const project = isProjectFile(params.textDocument.uri) ? documents.get(params.textDocument.uri) : undefined;
      if (project) return { kind: DocumentDiagnosticReportKind.Full, items: projectFileDiagnostics(project, (await configFor(project.uri)).locale) };
      const r = await replyDoc(params.textDocument.uri, true);
      if (!r) return empty;
      if (token.isCancellationRequested) throw requestCancelled();
      return limits.pullReport(r.doc, r.locale, params.previousResultId, () => service.diagnostics(r.doc, r.config, r.locale, caps.relatedInformation));
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`diagnostics failed: ${e instanceof Error ? e.stack : String(e)}`);
      return empty;
    }
  });

  connection.onCompletion(guard('completion', () => [], async (params) => {
    const r = await replyDoc(params.textDocument.uri);
    return r ? service.completion(r.doc, r.config, params.position, { locale: r.locale, snippets: caps.snippets }) : [];
  }));

  connection.onHover(guard('hover', () => null, async (params) => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return null;
    if (isProjectFile(uri)) return service.projectFileHover(doc, params.position, (await configFor(uri)).locale);
    const r = await replyDoc(uri);
    return r ? service.hover(r.doc, r.config, params.position, r.locale) : null;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', () => [], async (params) => {
    const r = await replyDoc(params.textDocument.uri);
    if (!r) return [];
    const symbols = service.symbols(r.doc, r.config, r.locale);
    return caps.hierarchicalSymbols ? symbols : flatSymbols(symbols, r.doc.uri);
  }));

  connection.onFoldingRanges(guard('foldingRange', () => [], async (params) => {
    const r = await replyDoc(params.textDocument.uri);
    return r ? service.folding(r.doc, r.config) : [];
  }));

  connection.onCodeAction(guard('codeAction', () => [], async (params) => {
    const r = await replyDoc(params.textDocument.uri);
    if (!r) return [];
    return service.codeActions(r.doc, r.config, params.range, params.context.diagnostics, {
      locale: r.locale, lazy: caps.codeActionResolve, ...(params.context.only ? { only: params.context.only } : {}),
    });
  }));

  connection.onCodeActionResolve(async (action, token) => guard('codeAction/resolve', () => action, async () => {
    const uri = (action.data as { uri?: unknown } | undefined)?.uri;
    const r = typeof uri === 'string' ? await replyDoc(uri) : undefined;
    return r ? service.resolveCodeAction(r.doc, r.config, action, r.locale) : action;
  })(action, token));

  connection.onRequest(STRUCTURE_REQUEST, guard<DocumentParams, StructureReport | null>('structure', () => null, async (params) => {
    const r = await replyDoc(params.textDocument.uri);
    return r ? service.structure(r.doc, r.config, r.locale) : null;
  }));

  connection.onRequest(CLEANUP_REQUEST, guard<DocumentParams, CleanupResult | null>('cleanup', () => null, async (params) => {
    const r = await replyDoc(params.textDocument.uri);
    return r ? service.cleanup(r.doc, r.config, r.locale) : null;
  }));

  connection.onRequest(RENUMBER_REQUEST, guard<RenumberParams, RenumberResult | null>('renumber', () => null, async (params) => {
    const r = await replyDoc(params.textDocument.uri);
    return r ? service.renumber(r.doc, r.config, params.position) : null;
  }));

  connection.onRequest(CHECK_FILES_REQUEST, guard<CheckFilesParams, CheckFilesResult>('checkFiles', () => ({ results: [], skipped: [] }), async (params, token) => {
    const results: Array<CheckFilesResult['results'][number]> = [];
    const skipped: Array<CheckFilesResult['skipped'][number]> = [];
    for (const uri of params.uris.slice(0, CHECK_FILES_MAX)) {
      if (token.isCancellationRequested) break;
      const { config, locale, batch } = await configFor(uri);
      if (!uri.startsWith('file:')) {
        skipped.push({ uri, reason: localize({ zh: '不是磁盘上的文件', en: 'not a file on disk' }, locale) });
        continue;
      }
      const read = await readReplyFile(fileURLToPath(uri), EDITOR_FILE_LIMITS);
      configCache.delete(uri);
      settingsCache.delete(uri);
      if (!read.ok) {
        const reason = read.tooLarge !== undefined ? admissionMessage({ mode: 'skip', reason: 'size', bytes: read.tooLarge }, locale)! : localize(read.problem.message, locale);
        skipped.push({ uri, reason });
        continue;
      }
      const admitted = admission(read.text);
      if (admitted.mode === 'skip') {
        skipped.push({ uri, reason: admissionMessage(admitted, locale)! });
        continue;
      }
      const doc = TextDocument.create(uri, 'proposal-reply', 0, read.text);
      // the register checks too: the same analysis as an open reply, the batch view and the CLI
      const extras = await batches.extrasOnDisk(batch);
      results.push({ uri, diagnostics: service.diagnostics(doc, config, locale, caps.relatedInformation, extras ?? {}) });
      service.forget(uri);
    }
    return { results, skipped };
  }));

  /** The batch of a project file (`.proposal-reply.json`) that names a register. */
  const batchOf = async (projectFile: string): Promise<{ batch: Batch; locale: Locale } | undefined> => {
    if (!projectFile.startsWith('file:') || !isProjectFile(projectFile)) return undefined;
    // open replies count as edited, even those the client has not asked about since their last change
    for (const d of documents.all()) await replyDoc(d.uri);
    const { batch, locale } = await configFor(projectFile);
    return batch ? { batch, locale } : undefined;
  };

  connection.onRequest(BATCH_REQUEST, guard<BatchParams, BatchResult>('batch', () => ({ batches: [] }), async (params) => {
    const out: BatchResult['batches'][number][] = [];
    for (const p of params.projectFiles) {
      const b = await batchOf(p);
      if (b) out.push(await batches.view(b.batch, b.locale));
    }
    return { batches: out };
  }));

  connection.onRequest(NEW_REPLY_REQUEST, guard<NewReplyParams, NewReplyResult | null>('newReply', () => null, async (params) => {
    const b = await batchOf(params.projectFile);
    return b ? batches.newReply(b.batch, params.entryKey) ?? null : null;
  }));

  connection.onRequest(REPORT_REQUEST, guard<ReportParams, ReportResult | null>('report', () => null, async (params) => {
    const b = await batchOf(params.projectFile);
    if (!b?.batch.register) return null;
    const output = params.outputUri?.startsWith('file:') ? fileURLToPath(params.outputUri) : undefined;
    return batches.render(b.batch, params.format, b.locale, output);
  }));

  connection.onRequest(EXTRACT_WORD_REQUEST, guard<ExtractWordParams, ExtractWordResult>('extractWord', () => ({ problem: 'internal error' }), async (params) => {
    const { locale } = await configFor(params.uri);
    if (!params.uri.startsWith('file:')) return { problem: localize({ zh: '不是磁盘上的文件', en: 'not a file on disk' }, locale) };
    const read = await readWordFile(fileURLToPath(params.uri));
    return read.ok ? { text: read.text } : { problem: localize(read.problem.message, locale) };
  }));

  connection.onRequest(EXPORT_DOCX_REQUEST, guard<ExportDocxParams, ExportDocxResult | null>('exportDocx', () => null, async (params) => {
    const r = await replyDoc(params.textDocument.uri);
    if (!r) return null;
    const { reply } = service.analyze(r.doc, r.config);
    const options = exportOptionsFor(r.config);
    const bytes = await exportDocx(reply, options);
    return { base64: bytes.toString('base64'), summary: localize(exportSummary(reply, options, params.target), r.locale) };
  }));

  documents.listen(connection);
  connection.listen();
}
