/**
 * The reviewer's batch view: the register entries of each project grouped by state (no reply yet,
 * draft with errors, draft with warnings, complete) with counts and overdue marks; and the commands
 * that create a reply for an entry and write the batch report where the user chooses. Everything
 * shown comes from the server (`proposalReply/batch`, `newReply`, `report`).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BATCH_REQUEST, type BatchGroup, type BatchItem, type BatchResult, type BatchView, NEW_REPLY_REQUEST, type NewReplyResult, REPORT_REQUEST, type ReportResult,
} from '../../server/src/protocol';
import { defaultReportName, entryChoices, reportFormatOf } from './batchItems';
import { l10n } from './l10n';
import { showReport } from './reportView';

export type BatchNode =
  | { readonly kind: 'batch'; readonly batch: BatchView }
  | { readonly kind: 'group'; readonly batch: BatchView; readonly group: BatchGroup }
  | { readonly kind: 'item'; readonly batch: BatchView; readonly item: BatchItem };

const STATE_ICON: Record<BatchGroup['state'], vscode.ThemeIcon> = {
  missing: new vscode.ThemeIcon('circle-large-outline'),
  errors: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warnings: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  complete: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
};

/** How many project files the view looks for. */
const PROJECT_FILES_MAX = 50;

export class BatchModel implements vscode.TreeDataProvider<BatchNode>, vscode.Disposable {
  private result: BatchResult = { batches: [] };
  private readonly changed = new vscode.EventEmitter<BatchNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private pending: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly client: LanguageClient) {}

  /** The project files in the workspace (the server leaves out those without a register). */
  async projectFiles(): Promise<string[]> {
    const found = await vscode.workspace.findFiles('**/.proposal-reply.json', '**/node_modules/**', PROJECT_FILES_MAX);
    return found.map((u) => u.toString()).sort();
  }

  /** What the view shows now: the server's last answer. */
  get current(): BatchResult {
    return this.result;
  }

  async fetch(): Promise<BatchResult> {
    if (!vscode.workspace.workspaceFolders?.length) return { batches: [] };
    return this.client.sendRequest<BatchResult>(BATCH_REQUEST, { projectFiles: await this.projectFiles() });
  }

  schedule(delay = 1000): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    let result: BatchResult = { batches: [] };
    try {
      result = await this.fetch();
    } catch (e) {
      this.client.warn(`batch request failed: ${String(e)}`);
    }
    if (generation !== this.generation) return;
    this.result = result;
    void vscode.commands.executeCommand('setContext', 'proposalReply.hasRegister', result.batches.length > 0);
    this.changed.fire(undefined);
  }

  getTreeItem(node: BatchNode): vscode.TreeItem {
    if (node.kind === 'batch') {
      const t = new vscode.TreeItem(node.batch.label, vscode.TreeItemCollapsibleState.Expanded);
      if (node.batch.problem) {
        t.description = node.batch.problem;
        t.tooltip = node.batch.problem;
        t.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      } else {
        t.iconPath = new vscode.ThemeIcon('table');
      }
      if (node.batch.registerUri) t.resourceUri = vscode.Uri.parse(node.batch.registerUri);
      return t;
    }
    if (node.kind === 'group') {
      const g = node.group;
      const t = new vscode.TreeItem(g.label, g.count > 0 && g.state !== 'complete' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      t.iconPath = STATE_ICON[g.state];
      if (g.overdue > 0) t.description = l10n.t('{0} overdue', g.overdue);
      t.contextValue = `batchGroup.${g.state}`;
      return t;
    }
    const { item } = node;
    const t = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
    const late = item.overdue ? (item.daysOverdue ? l10n.t('overdue {0} days', item.daysOverdue) : l10n.t('overdue')) : '';
    const counts = item.replyUri && (item.errors > 0 || item.warnings > 0) ? l10n.t('errors: {0}, warnings: {1}', item.errors, item.warnings) : '';
    // short enough for a sidebar of the default width: what needs doing, else who proposed it; the
    // whole entry (proposers, lead unit, deadline) in the tooltip
    const state = [late, item.duplicate ? l10n.t('duplicate reply') : '', counts].filter((s) => s.length > 0);
    t.description = state.length > 0 ? state.join(' · ') : item.description.split(' · ')[0] ?? '';
    t.tooltip = [item.label, item.description, late, counts].filter((s) => s.length > 0).join('\n');
    t.iconPath = item.overdue ? new vscode.ThemeIcon('history', new vscode.ThemeColor('problemsErrorIcon.foreground')) : STATE_ICON[item.state];
    t.contextValue = item.replyUri ? 'batchItem.reply' : 'batchItem.missing';
    if (item.replyUri) {
      t.resourceUri = vscode.Uri.parse(item.replyUri);
      t.command = { title: l10n.t('Open reply'), command: 'vscode.open', arguments: [vscode.Uri.parse(item.replyUri)] };
    } else if (item.entryKey !== undefined) {
      t.command = { title: l10n.t('New reply for this entry'), command: 'proposalReply.newReplyForEntry', arguments: [node.batch.projectFile, item.entryKey, true] };
    }
    return t;
  }

  getChildren(node?: BatchNode): BatchNode[] {
    const groups = (batch: BatchView): BatchNode[] => batch.groups.map((group) => ({ kind: 'group', batch, group }));
    if (!node) {
      const bs = this.result.batches;
      if (bs.length === 1 && !bs[0]!.problem) return groups(bs[0]!);
      return bs.map((batch) => ({ kind: 'batch', batch }));
    }
    if (node.kind === 'batch') return groups(node.batch);
    if (node.kind === 'group') return node.group.items.map((item) => ({ kind: 'item', batch: node.batch, item }));
    return [];
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.changed.dispose();
  }
}

/** Whether a file of this machine opens in the user's browser: a desktop window on a local machine. */
export function canOpenExternally(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
}

/** Registers the batch view's commands. */
export function registerBatchCommands(lc: LanguageClient, model: BatchModel, register: (id: string, fn: (...args: never[]) => unknown) => void): void {
  register('proposalReply.refreshBatch', () => model.refresh());

  // the tree item of an entry without a reply passes its project file and entry key (and asks first);
  // so can a program, which skips the QuickPick; resolves with the reply's Uri once it is open
  register('proposalReply.newReplyForEntry', async (projectFile?: string, entryKey?: string, confirm?: boolean): Promise<vscode.Uri | undefined> => {
    if (projectFile === undefined || entryKey === undefined) {
      const choices = entryChoices(await model.fetch());
      if (choices.length === 0) {
        void vscode.window.showInformationMessage(l10n.t('No register found: name one in .proposal-reply.json ("register": "register.csv").'));
        return;
      }
      const picked = await vscode.window.showQuickPick(choices.map((c) => ({
        label: c.item.label,
        description: c.item.replyUri ? l10n.t('has a reply') : c.item.overdue ? l10n.t('no reply yet, overdue') : l10n.t('no reply yet'),
        detail: c.item.description,
        choice: c,
      })), { placeHolder: l10n.t('Choose the register entry to reply to'), matchOnDescription: true, matchOnDetail: true });
      if (!picked) return;
      projectFile = picked.choice.projectFile;
      entryKey = picked.choice.item.entryKey!;
    } else if (confirm) {
      const create = l10n.t('New Reply');
      if (await vscode.window.showInformationMessage(l10n.t('This entry has no reply yet. Create one from the register?'), create) !== create) return;
    }
    const r = await lc.sendRequest<NewReplyResult | null>(NEW_REPLY_REQUEST, { projectFile, entryKey });
    if (!r) return;
    const target = vscode.Uri.parse(r.uri);
    let exists = true;
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      exists = false;
    }
    if (exists) {
      void vscode.window.showInformationMessage(l10n.t('{0} already exists; it was opened and left unchanged.', target.path.replace(/^.*\//, '')));
    } else {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.text));
    }
    await vscode.window.showTextDocument(target);
    model.schedule(300);
    return target;
  });

  // `target` (a Uri) is for programmatic use: the report goes there without the save dialog
  register('proposalReply.generateReport', async (target?: vscode.Uri) => {
    const result = await model.fetch();
    const usable = result.batches.filter((b) => !b.problem);
    if (usable.length === 0) {
      void vscode.window.showInformationMessage(l10n.t('No register found: name one in .proposal-reply.json ("register": "register.csv").'));
      return;
    }
    const batch = usable.length === 1 ? usable[0] : (await vscode.window.showQuickPick(usable.map((b) => ({ label: b.label, batch: b })), { placeHolder: l10n.t('Choose the batch to report on') }))?.batch;
    if (!batch) return;
    if (!(target instanceof vscode.Uri)) {
      const folder = vscode.Uri.joinPath(vscode.Uri.parse(batch.projectFile), '..');
      target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder, defaultReportName(new Date())),
        filters: { [l10n.t('Web page')]: ['html'], Markdown: ['md'], CSV: ['csv'], JSON: ['json'] },
        title: l10n.t('Save the report'),
      });
      if (!target) return;
    }
    const format = reportFormatOf(target.path);
    const r = await lc.sendRequest<ReportResult | null>(REPORT_REQUEST, { projectFile: batch.projectFile, format, outputUri: target.toString() });
    if (!r) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.text));
    if (format === 'html') {
      // shown inside VS Code; a desktop window can also hand the file to the browser (in code-server
      // and other web hosts a file of the server machine cannot be opened there)
      showReport(r.text, target);
      if (canOpenExternally()) {
        const open = l10n.t('Open in Browser');
        const written = target;
        // not awaited: the command is done once the file is written, whether or not the notice is answered
        void vscode.window.showInformationMessage(r.summary, open).then((choice) => choice === open && vscode.env.openExternal(written));
      } else {
        void vscode.window.showInformationMessage(r.summary);
      }
    } else {
      await vscode.window.showTextDocument(target);
      void vscode.window.showInformationMessage(r.summary);
    }
  });
}
