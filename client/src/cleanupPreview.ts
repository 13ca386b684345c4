/**
 * "Clean Up Pasted Text" with a preview a person can read: the reply beside the cleaned text in a
 * diff editor, a notice that says what changes by kind with counts (web-page junk removed,
 * paragraphs split, marks made full-width), and Apply / Discard in the notice and in the diff's
 * title bar. Apply makes the whole clean-up one edit of the reply (one undo reverts it); it is
 * refused if the reply changed since the preview (its version is not the one the edit was made for). The server computes the edit; here it is only
 * shown and applied.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLEANUP_REQUEST, type CleanupResult } from '../../server/src/protocol';
import { l10n } from './l10n';

export const PREVIEW_SCHEME = 'proposal-reply-cleanup';
/** Context key: a clean-up preview waits for Apply or Discard. */
const PENDING_CONTEXT = 'proposalReply.cleanupPending';

interface Pending {
  readonly target: vscode.Uri;
  /** The version of the reply the clean-up was made for. */
  readonly version: number;
  readonly preview: vscode.Uri;
  readonly edit: vscode.WorkspaceEdit;
  readonly summary: string;
}

/** The text after the edits (LSP ranges on `doc`), applied from the end so that offsets hold. */
export function appliedText(doc: vscode.TextDocument, edits: ReadonlyArray<{ range: vscode.Range; newText: string }>): string {
  let text = doc.getText();
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  for (const s of spans) text = text.slice(0, s.start) + s.newText + text.slice(s.end);
  return text;
}

export class CleanupPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private pending: Pending | undefined;
  private counter = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** The preview waiting for an answer, if any (the end-to-end tests read it). */
  get current(): { readonly target: vscode.Uri; readonly preview: vscode.Uri; readonly summary: string } | undefined {
    return this.pending;
  }

  /** Asks the server for the clean-up of `doc` and shows it; resolves once the preview is open. */
  async show(doc: vscode.TextDocument): Promise<void> {
    const result = await this.client.sendRequest<CleanupResult | null>(CLEANUP_REQUEST, { textDocument: { uri: doc.uri.toString() } });
    if (!result) return;
    const change = result.edit.documentChanges?.[0];
    if (!change || !('edits' in change) || change.edits.length === 0) {
      void vscode.window.showInformationMessage(result.summary.text);
      return;
    }
    await this.close();
    const edit = await this.client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
    const edits = edit.get(doc.uri);
    const name = doc.uri.path.replace(/^.*\//, '');
    const preview = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}`, query: String(++this.counter) });
    this.texts.set(preview.toString(), appliedText(doc, edits));
    this.pending = { target: doc.uri, version: doc.version, preview, edit, summary: result.summary.text };
    await vscode.commands.executeCommand('setContext', PENDING_CONTEXT, true);
    await vscode.commands.executeCommand('vscode.diff', doc.uri, preview, l10n.t('{0} ↔ cleaned up (preview)', name), { preview: false });
    const apply = l10n.t('Apply');
    const discard = l10n.t('Discard');
    // not awaited: the preview stays open until answered here or in the diff's title bar
    void vscode.window.showInformationMessage(l10n.t('Clean up pasted text: {0} Apply it as one edit (one undo reverts it)?', result.summary.text), apply, discard).then((choice) => {
      if (this.pending?.preview.toString() !== preview.toString()) return;
      if (choice === apply) void this.apply();
      else if (choice === discard) void this.close();
    });
  }

  /** Applies the pending clean-up to its reply as one edit; whether it was applied. */
  async apply(): Promise<boolean> {
    const p = this.pending;
    if (!p) return false;
    await this.close();
    // the edit fits the version it was made for only (vscode.WorkspaceEdit carries no version to check)
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.target.toString());
    const applied = doc?.version === p.version && await vscode.workspace.applyEdit(p.edit);
    if (!applied) {
      void vscode.window.showWarningMessage(l10n.t('The reply changed after the preview was made; nothing was changed. Run “Clean Up Pasted Text” again.'));
      return false;
    }
    await vscode.window.showTextDocument(p.target);
    void vscode.window.showInformationMessage(l10n.t('Cleaned up: {0}', p.summary));
    return true;
  }

  /** Closes the preview without changing anything. */
  async close(): Promise<void> {
    const p = this.pending;
    this.pending = undefined;
    await vscode.commands.executeCommand('setContext', PENDING_CONTEXT, false);
    if (!p) return;
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === p.preview.toString());
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    this.texts.delete(p.preview.toString());
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.texts.clear();
  }
}
