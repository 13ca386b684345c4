/**
 * The VS Code extension: starts the language server, and renders what it answers — diagnostics,
 * completion, outline, folding, hover and code actions through the language client; the reply
 * structure in a view and the status bar; commands for the workspace check, renumbering, pasted-text
 * cleanup and templates. No analysis logic lives here: every answer comes from the server.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler, LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  BATCH_CHANGED_NOTIFICATION, CHECK_FILES_REQUEST, type CheckFilesResult, RENUMBER_REQUEST, type RenumberResult, type StructureItem,
} from '../../server/src/protocol';
import { type BatchNode, BatchModel, registerBatchCommands } from './batchView';
import { CleanupPreview } from './cleanupPreview';
import { l10n } from './l10n';
import { chunks, replyFilePatterns, serverModuleFor } from './paths';
import { RestartPolicy } from './restart';
import { itemCodicon, LANGUAGE_ID, type Node, StructureModel } from './structureView';
import { parseSnippets, type Template } from './templates';
import { registerWordCommands } from './word';

let client: LanguageClient | undefined;

/** What activation returns: the views, the status bar and the client's state, for the end-to-end tests to read. */
export interface ProposalReplyApi {
  readonly structure: StructureModel;
  readonly structureView: vscode.TreeView<Node>;
  readonly batch: BatchModel;
  readonly batchView: vscode.TreeView<BatchNode>;
  /** The language client's state (running, or stopped and restarting after a crash). */
  readonly client: Pick<LanguageClient, 'state' | 'onDidChangeState'>;
  /** The pasted-text clean-up waiting in its preview. */
  readonly cleanup: CleanupPreview;
  /** The client's texts in the window's resolved language. */
  readonly l10n: typeof l10n;
}

/** How many files one workspace-check request carries (progress is reported per batch). */
const CHECK_BATCH = 25;
/** The most files the workspace check looks at. */
const CHECK_MAX_FILES = 5000;

/** A crashed server restarts (bounded, client/src/restart.ts) with a short notice; details go to the output channel only. */
function restartHandler(policy: RestartPolicy): ErrorHandler {
  return {
    error: (_error, _message, count) => policy.error(count) === 'continue'
      ? { action: ErrorAction.Continue, handled: true }
      : { action: ErrorAction.Shutdown, message: l10n.t('The reply checker lost its connection to the language server and stopped. Reload the window to start it again.') },
    closed: () => {
      const d = policy.closed();
      if (d.restart) {
        void vscode.window.showWarningMessage(l10n.t('The reply checker stopped unexpectedly and was restarted.'));
        return { action: CloseAction.Restart, handled: true };
      }
      return { action: CloseAction.DoNotRestart, message: l10n.t('The reply checker stopped {0} times in {1} minutes and will not be restarted. Reload the window to start it again.', d.crashes, d.windowMinutes) };
    },
  };
}

/** The `proposalReply` settings the client reads (the language of its texts). */
function clientSettings(): { locale: unknown } {
  return { locale: vscode.workspace.getConfiguration('proposalReply').get('locale') };
}

/** Rule pages open through this extension's URI handler, as a Markdown preview (a file: link opened the raw text). */
function ruleDocsBase(context: vscode.ExtensionContext): string {
  return `${vscode.env.uriScheme}://${context.extension.id}/rule/`;
}

/** Opens a rule's page (`…/rule/<id>`) as a Markdown preview; other URIs are ignored. */
async function openRuleDoc(context: vscode.ExtensionContext, uri: vscode.Uri): Promise<void> {
  const id = /^\/rule\/([a-z0-9-]+)$/.exec(uri.path)?.[1];
  const page = id ? context.asAbsolutePath(`docs/rules/${id}.md`) : undefined;
  if (page && fs.existsSync(page)) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(page));
}

/** Markdown with its rule-page links (`<base><id>`) turned into links to `proposalReply.showRuleDoc`. */
function ruleDocLinks(content: vscode.MarkdownString | vscode.MarkedString, base: string): vscode.MarkdownString | vscode.MarkedString {
  if (!(content instanceof vscode.MarkdownString) || !content.value.includes(base)) return content;
  const value = content.value.replace(/\]\(([^)\s]+)\)/g, (m, href: string) => {
    const id = href.startsWith(base) ? href.slice(base.length) : undefined;
    return id && /^[a-z0-9-]+$/.test(id) ? `](command:proposalReply.showRuleDoc?${encodeURIComponent(JSON.stringify([id]))})` : m;
  });
  const out = new vscode.MarkdownString(value);
  out.isTrusted = { enabledCommands: ['proposalReply.showRuleDoc'] };
  return out;
}

export async function activate(context: vscode.ExtensionContext): Promise<ProposalReplyApi> {
  // one language for every text of the window: the setting, else VS Code's display language
  l10n.load(context.asAbsolutePath('l10n/bundle.l10n.zh-cn.json'));
  l10n.resolve(clientSettings(), vscode.env.language);
  const serverModule = serverModuleFor(__dirname, (p) => fs.existsSync(p));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { scheme: 'file', pattern: '**/.proposal-reply.json' }],
    outputChannelName: l10n.t('Proposal Reply'),
    diagnosticPullOptions: { onChange: true, onSave: true },
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler: restartHandler(new RestartPolicy()),
    initializationOptions: { ruleDocsBase: ruleDocsBase(context) },
    middleware: {
      // a hover's link to a rule page: VS Code renders links of its own URL scheme as plain text, so it
      // becomes a trusted link to the one command that shows the page
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        return hover ? new vscode.Hover(hover.contents.map((c) => ruleDocLinks(c, ruleDocsBase(context))), hover.range) : hover;
      },
    },
  };
  const lc = new LanguageClient('proposalReply', l10n.t('Proposal Reply Language Server'), serverOptions, clientOptions);
  client = lc;
  await lc.start();

  const model = new StructureModel(lc);
  const view = vscode.window.createTreeView('proposalReply.structure', { treeDataProvider: model, showCollapseAll: false });
  model.attach(view);
  const cleanup = new CleanupPreview(lc);
  context.subscriptions.push(cleanup, vscode.window.registerUriHandler({ handleUri: (uri) => openRuleDoc(context, uri) }));
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('proposal-reply-workspace');
  context.subscriptions.push(model, view, workspaceDiagnostics);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => model.schedule(0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) model.schedule();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) model.schedule(50);
    }),
    // an opened reply gets live diagnostics from the server; the workspace check's copy goes
    vscode.workspace.onDidOpenTextDocument((d) => workspaceDiagnostics.delete(d.uri)),
  );

  const replyEditor = (): vscode.TextEditor | undefined => {
    const e = vscode.window.activeTextEditor;
    if (e && e.document.languageId === LANGUAGE_ID) return e;
    void vscode.window.showInformationMessage(l10n.t('Open a reply (a *.reply file) first.'));
    return undefined;
  };

  const register = (id: string, fn: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));
  };

  registerWordCommands(context, lc, register);

  register('proposalReply.revealElement', async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const r = lc.protocol2CodeConverter.asRange(range);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(r.start, r.start), preserveFocus: false });
    const editor = vscode.window.activeTextEditor;
    editor?.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });

  register('proposalReply.insertElement', async (uri: string, item: StructureItem) => {
    if (!item.insert) return;
    const insert = l10n.t('Insert');
    const choice = await vscode.window.showInformationMessage(l10n.t('“{0}” is missing. {1}?', item.label, item.insert.title), insert);
    if (choice !== insert) return;
    const edit = new vscode.WorkspaceEdit();
    const target = vscode.Uri.parse(uri);
    edit.set(target, await lc.protocol2CodeConverter.asTextEdits([...item.insert.edits]) ?? []);
    if (await vscode.workspace.applyEdit(edit)) {
      const at = lc.protocol2CodeConverter.asRange(item.insert.edits[0]!.range).start;
      await vscode.window.showTextDocument(target, { selection: new vscode.Range(at, at) });
      model.schedule(0);
    }
  });

  register('proposalReply.showStructure', async () => {
    const r = model.current;
    if (!r) {
      await model.refresh();
      if (!model.current) return;
    }
    const report = model.current!;
    type Pick = vscode.QuickPickItem & { item: StructureItem };
    const order = (i: StructureItem): number => (i.state === 'missing' && i.required ? 0 : i.state === 'problem' ? 1 : i.state === 'missing' ? 2 : 3);
    const picks: Pick[] = [...report.items].sort((a, b) => order(a) - order(b)).map((item) => ({
      item,
      label: `$(${itemCodicon(item)}) ${item.label}`,
      description: item.state === 'missing' ? (item.required ? l10n.t('missing') : l10n.t('optional, missing')) : item.state === 'problem' ? l10n.t('{0} problem(s)', item.problems.length) : l10n.t('present'),
      detail: item.state === 'missing' ? item.insert?.title ?? '' : item.problems.map((p) => p.message).join('；') || (item.excerpt ?? ''),
    }));
    const chosen = await vscode.window.showQuickPick(picks, { title: l10n.t('{0}: {1} of {2} required elements', report.kindLabel, report.present, report.total), placeHolder: l10n.t('Choose an element to go to it or insert it') });
    if (!chosen) return;
    if (chosen.item.range) await vscode.commands.executeCommand('proposalReply.revealElement', report.uri, chosen.item.range);
    else if (chosen.item.insert) await vscode.commands.executeCommand('proposalReply.insertElement', report.uri, chosen.item);
  });

  register('proposalReply.refreshStructure', () => model.refresh());

  register('proposalReply.renumber', async () => {
    const editor = replyEditor();
    if (!editor) return;
    const result = await lc.sendRequest<RenumberResult | null>(RENUMBER_REQUEST, { textDocument: { uri: editor.document.uri.toString() } });
    if (!result || result.changed === 0) {
      void vscode.window.showInformationMessage(l10n.t('The numbering is already in sequence.'));
      return;
    }
    if (await vscode.workspace.applyEdit(await lc.protocol2CodeConverter.asWorkspaceEdit(result.edit))) {
      void vscode.window.showInformationMessage(l10n.t('Renumbered {0} marker(s).', result.changed));
    }
  });

  register('proposalReply.cleanupPasted', async () => {
    const editor = replyEditor();
    if (editor) await cleanup.show(editor.document);
  });
  register('proposalReply.showRuleDoc', (id: string) => openRuleDoc(context, vscode.Uri.parse(`${ruleDocsBase(context)}${id}`)));
  register('proposalReply.applyCleanup', () => cleanup.apply());
  register('proposalReply.discardCleanup', () => cleanup.close());

  register('proposalReply.insertTemplate', async () => {
    let templates: Template[];
    try {
      templates = parseSnippets(fs.readFileSync(context.asAbsolutePath('snippets/proposal-reply.code-snippets'), 'utf8'));
    } catch (e) {
      lc.error('cannot read the snippets', e);
      return;
    }
    const chosen = await vscode.window.showQuickPick(
      templates.map((t) => ({ label: t.name, description: t.prefixes.join(' · '), detail: t.description, template: t })),
      { placeHolder: l10n.t('Choose a template to insert') },
    );
    if (!chosen) return;
    let editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
      editor = await vscode.window.showTextDocument(doc);
    }
    await editor.insertSnippet(new vscode.SnippetString(chosen.template.body));
  });

  register('proposalReply.checkWorkspace', async () => {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(l10n.t('Open a folder to check the replies in it.'));
      return;
    }
    const patterns = replyFilePatterns(vscode.workspace.getConfiguration('files').get<Record<string, string>>('associations'));
    const found = new Map<string, vscode.Uri>();
    // no exclude argument, so that files.exclude applies; dependencies are never replies
    for (const p of patterns) {
      for (const u of await vscode.workspace.findFiles(p, undefined, CHECK_MAX_FILES)) if (!u.path.includes('/node_modules/')) found.set(u.toString(), u);
    }
    const open = new Set(vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID).map((d) => d.uri.toString()));
    const uris = [...found.keys()].filter((u) => !open.has(u)).sort();
    let files = open.size;
    let errors = 0;
    let warnings = 0;
    for (const u of open) {
      for (const d of vscode.languages.getDiagnostics(vscode.Uri.parse(u)).filter((x) => x.source === 'proposal-reply')) {
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    workspaceDiagnostics.clear();
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Checking replies'), cancellable: true },
      async (progress, token) => {
        for (const batch of chunks(uris, CHECK_BATCH)) {
          if (token.isCancellationRequested) return true;
          const result = await lc.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: batch }, token);
          for (const r of result.results) {
            const diagnostics = await lc.protocol2CodeConverter.asDiagnostics(r.diagnostics);
            workspaceDiagnostics.set(vscode.Uri.parse(r.uri), diagnostics);
            files++;
            errors += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
            warnings += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
          }
          for (const s of result.skipped) lc.outputChannel.appendLine(`${s.uri}: ${s.reason}`);
          progress.report({ increment: (100 * batch.length) / Math.max(1, uris.length) });
        }
        return false;
      },
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const summary = l10n.t('Checked {0} replies: {1} errors, {2} warnings.', files, errors, warnings);
    void vscode.window.showInformationMessage(cancelled ? `${l10n.t('Check cancelled.')} ${summary}` : summary);
  });

  // the batch view of the register: refreshed when replies are saved, created or deleted, when a
  // project file changes on disk (one written outside the editor would otherwise show no batch until a
  // save), and when the server saw a register or a reply change on disk (a checkout, a copy)
  const batchModel = new BatchModel(lc);
  const batchView = vscode.window.createTreeView('proposalReply.batch', { treeDataProvider: batchModel, showCollapseAll: true });
  const projectFiles = vscode.workspace.createFileSystemWatcher('**/.proposal-reply.json');
  context.subscriptions.push(
    batchModel, batchView, projectFiles,
    projectFiles.onDidCreate(() => batchModel.schedule()),
    projectFiles.onDidChange(() => batchModel.schedule()),
    projectFiles.onDidDelete(() => batchModel.schedule()),
    batchView.onDidChangeVisibility((e) => e.visible && batchModel.schedule(0)),
    vscode.workspace.onDidSaveTextDocument(() => batchModel.schedule()),
    vscode.workspace.onDidCreateFiles(() => batchModel.schedule()),
    vscode.workspace.onDidDeleteFiles(() => batchModel.schedule()),
    vscode.languages.onDidChangeDiagnostics(() => batchView.visible && batchModel.schedule(1500)),
    lc.onNotification(BATCH_CHANGED_NOTIFICATION, () => batchModel.schedule(300)),
  );
  registerBatchCommands(lc, batchModel, register);

  // the views' titles follow the resolved language too (the manifest's follow the display language)
  const retitle = (): void => {
    view.title = l10n.t('Reply Structure');
    batchView.title = l10n.t('Register Batch');
  };
  retitle();
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('proposalReply.locale') || !l10n.resolve(clientSettings(), vscode.env.language)) return;
    retitle();
    model.schedule(0);
    batchModel.schedule(0);
  }));

  await model.refresh();
  await batchModel.refresh();
  return { structure: model, structureView: view, batch: batchModel, batchView, client: lc, cleanup, l10n };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
