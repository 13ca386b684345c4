/**
 * The reviewer's view of a reply's structure, and the status-bar item with its completeness
 * (结构 6/7). Both render the server's structure answer; nothing here analyses text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STRUCTURE_REQUEST, type StructureItem, type StructureProblem, type StructureReport } from '../../server/src/protocol';

export const LANGUAGE_ID = 'proposal-reply';

export type Node = { readonly kind: 'item'; readonly item: StructureItem; readonly report: StructureReport } | { readonly kind: 'problem'; readonly problem: StructureProblem; readonly report: StructureReport };

function stateText(item: StructureItem): string {
  if (item.state === 'present') return vscode.l10n.t('present');
  if (item.state === 'problem') return vscode.l10n.t('{0} problem(s)', item.problems.length);
  return item.required ? vscode.l10n.t('missing') : vscode.l10n.t('optional, missing');
}

function itemIcon(item: StructureItem): vscode.ThemeIcon {
  if (item.state === 'present') return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  if (item.state === 'problem') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  return item.required ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon('circle-large-outline');
}

function problemIcon(p: StructureProblem): vscode.ThemeIcon {
  switch (p.severity) {
    case 'error': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default: return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

/** The command a structure item runs when chosen: go to it, or offer to insert it. */
export function itemCommand(report: StructureReport, item: StructureItem): vscode.Command | undefined {
  if (item.range) return { title: vscode.l10n.t('Go to element'), command: 'proposalReply.revealElement', arguments: [report.uri, item.range] };
  if (item.insert) return { title: vscode.l10n.t('Insert missing element'), command: 'proposalReply.insertElement', arguments: [report.uri, item] };
  return undefined;
}

export class StructureModel implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private report: StructureReport | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly status: vscode.StatusBarItem;
  private view: vscode.TreeView<Node> | undefined;
  private pending: NodeJS.Timeout | undefined;
  private generation = 0;
  private statusShown = false;

  constructor(private readonly client: LanguageClient) {
    this.status = vscode.window.createStatusBarItem('proposalReply.structure', vscode.StatusBarAlignment.Left, 100);
    this.status.name = vscode.l10n.t('Reply structure');
    this.status.command = 'proposalReply.showStructure';
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
  }

  get current(): StructureReport | undefined {
    return this.report;
  }

  /** The status-bar item as the user sees it (read by the end-to-end tests). */
  get statusBar(): { readonly text: string; readonly visible: boolean } {
    return { text: this.status.text, visible: this.statusShown };
  }

  /** Asks the server again, soon (typing produces many changes; one request follows them). */
  schedule(delay = 300): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const generation = ++this.generation;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      // keep the last reply's structure while the focus is elsewhere (the view itself, the Problems panel)
      if (!vscode.window.visibleTextEditors.some((e) => e.document.languageId === LANGUAGE_ID)) {
        this.report = undefined;
        this.hideStatus();
        this.changed.fire(undefined);
        void vscode.commands.executeCommand('setContext', 'proposalReply.replyOpen', false);
      }
      return;
    }
    void vscode.commands.executeCommand('setContext', 'proposalReply.replyOpen', true);
    let report: StructureReport | null = null;
    try {
      report = await this.client.sendRequest<StructureReport | null>(STRUCTURE_REQUEST, { textDocument: { uri: editor.document.uri.toString() } });
    } catch (e) {
      this.client.warn(`structure request failed: ${String(e)}`);
    }
    if (generation !== this.generation) return; // a newer refresh is under way
    this.report = report ?? undefined;
    this.render();
    this.changed.fire(undefined);
  }

  private render(): void {
    const r = this.report;
    if (!r) {
      this.hideStatus();
      return;
    }
    const missing = r.items.filter((i) => i.required && i.state === 'missing');
    const problems = r.items.filter((i) => i.state === 'problem');
    const icon = missing.length > 0 ? '$(error)' : problems.length > 0 ? '$(warning)' : '$(pass)';
    this.status.text = `${icon} ${vscode.l10n.t('Structure {0}/{1}', r.present, r.total)}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${vscode.l10n.t('{0}: {1} of {2} required elements', r.kindLabel, r.present, r.total)}**\n\n`);
    for (const i of r.items) tip.appendMarkdown(`- $(${i.state === 'present' ? 'pass' : i.state === 'problem' ? 'warning' : i.required ? 'error' : 'circle-large-outline'}) ${i.label} — ${stateText(i)}\n`);
    tip.appendMarkdown(`\n${vscode.l10n.t('Click to see what is missing.')}`);
    this.status.tooltip = tip;
    this.status.backgroundColor = missing.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.status.show();
    this.statusShown = true;
    if (this.view) this.view.description = `${r.kindLabel} ${r.present}/${r.total}`;
  }

  private hideStatus(): void {
    this.status.hide();
    this.statusShown = false;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'problem') {
      const t = new vscode.TreeItem(node.problem.message, vscode.TreeItemCollapsibleState.None);
      t.description = node.problem.ruleId;
      t.iconPath = problemIcon(node.problem);
      t.tooltip = `${node.problem.ruleId}: ${node.problem.message}`;
      t.command = { title: vscode.l10n.t('Go to element'), command: 'proposalReply.revealElement', arguments: [node.report.uri, node.problem.range] };
      return t;
    }
    const { item } = node;
    const t = new vscode.TreeItem(item.label, item.problems.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    t.description = item.excerpt ? `${stateText(item)} · ${item.excerpt}` : stateText(item);
    t.iconPath = itemIcon(item);
    t.contextValue = `structure.${item.state}`;
    t.tooltip = item.insert ? vscode.l10n.t('Missing. Click to insert: {0}', item.insert.title) : item.excerpt ?? item.label;
    const command = itemCommand(node.report, item);
    if (command) t.command = command;
    return t;
  }

  getChildren(node?: Node): Node[] {
    const r = this.report;
    if (!r) return [];
    if (!node) return r.items.map((item) => ({ kind: 'item', item, report: r }));
    if (node.kind === 'item') return node.item.problems.map((problem) => ({ kind: 'problem', problem, report: r }));
    return [];
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.status.dispose();
    this.changed.dispose();
  }
}
