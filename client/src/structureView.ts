/**
 * The reviewer's view of a reply's structure, and the status-bar item with its completeness
 * (结构 6/7). Both render the server's structure answer; nothing here analyses text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STRUCTURE_REQUEST, type StructureItem, type StructureProblem, type StructureReport } from '../../server/src/protocol';
import type { Severity } from '../../server/src/core/vocabulary';
import { l10n } from './l10n';

export const LANGUAGE_ID = 'proposal-reply';

export type Node = { readonly kind: 'item'; readonly item: StructureItem; readonly report: StructureReport } | { readonly kind: 'problem'; readonly problem: StructureProblem; readonly report: StructureReport };

function stateText(item: StructureItem): string {
  if (item.state === 'present') return l10n.t('present');
  if (item.state === 'problem') return l10n.t('{0} problem(s)', item.problems.length);
  return item.required ? l10n.t('missing') : l10n.t('optional, missing');
}

/** The icon of a severity: error ⊗, warning △, information ⓘ; none (a missing element nothing reports) ○. */
function severityIcon(severity: Severity | undefined): vscode.ThemeIcon {
  switch (severity) {
    case 'error': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'information': return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    default: return new vscode.ThemeIcon('circle-large-outline');
  }
}

/** A present element without problems passes; otherwise the icon follows the severity of its state. */
export function itemIcon(item: StructureItem): vscode.ThemeIcon {
  if (item.state === 'present') return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  return severityIcon(item.severity);
}

/** The codicon of an item in the status-bar tooltip and the quick pick. */
export function itemCodicon(item: StructureItem): string {
  if (item.state === 'present') return 'pass';
  switch (item.severity) {
    case 'error': return 'error';
    case 'warning': return 'warning';
    case 'information': return 'info';
    default: return 'circle-large-outline';
  }
}

/** The command a structure item runs when chosen: go to it, or offer to insert it. */
export function itemCommand(report: StructureReport, item: StructureItem): vscode.Command | undefined {
  if (item.range) return { title: l10n.t('Go to element'), command: 'proposalReply.revealElement', arguments: [report.uri, item.range] };
  if (item.insert) return { title: l10n.t('Insert missing element'), command: 'proposalReply.insertElement', arguments: [report.uri, item] };
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
    this.status.name = l10n.t('Reply structure');
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
    // the worst severity among the elements (a missing element nothing reports counts for none) and
    // the findings elsewhere: a draft with an error is never shown as finished
    const severities = [...r.items.map((i) => (i.state === 'present' ? undefined : i.severity)), ...(['error', 'warning'] as const).filter((s) => r.counts[s] > 0)];
    const worst = (['error', 'warning', 'information'] as const).find((s) => severities.includes(s));
    const icon = worst === 'error' ? '$(error)' : worst === 'warning' ? '$(warning)' : worst === 'information' ? '$(info)' : r.present < r.total ? '$(circle-large-outline)' : '$(pass)';
    this.status.text = `${icon} ${l10n.t('Structure {0}/{1}', r.present, r.total)}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${l10n.t('{0}: {1} of {2} required elements', r.kindLabel, r.present, r.total)}**\n\n`);
    for (const i of r.items) tip.appendMarkdown(`- $(${itemCodicon(i)}) ${i.label} — ${stateText(i)}\n`);
    tip.appendMarkdown(`\n${l10n.t('Click to see what is missing.')}`);
    this.status.tooltip = tip;
    this.status.backgroundColor = worst === 'error' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
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
      t.iconPath = severityIcon(node.problem.severity);
      t.tooltip = `${node.problem.ruleId}: ${node.problem.message}`;
      t.command = { title: l10n.t('Go to element'), command: 'proposalReply.revealElement', arguments: [node.report.uri, node.problem.range] };
      return t;
    }
    const { item } = node;
    const t = new vscode.TreeItem(item.label, item.problems.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    t.description = item.excerpt ? `${stateText(item)} · ${item.excerpt}` : stateText(item);
    t.iconPath = itemIcon(item);
    t.contextValue = `structure.${item.state}`;
    t.tooltip = item.insert ? l10n.t('Missing. Click to insert: {0}', item.insert.title) : item.excerpt ?? item.label;
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
