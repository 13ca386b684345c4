/**
 * Word documents in the editor. "检查 Word 文档" (Check Word Document) opens a .docx from the
 * Explorer as its extracted text, read-only, in the reply language, so that the same diagnostics,
 * outline and structure view apply; the server extracts the text. "导出为 Word（公文格式）"
 * (Export as Word) asks where to save, has the server lay the open reply out by GB/T 9704, and
 * writes the file the user chose, nothing else.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EXPORT_DOCX_REQUEST, type ExportDocxParams, type ExportDocxResult, EXTRACT_WORD_REQUEST, type ExtractWordParams, type ExtractWordResult, WORD_VIEW_SCHEME,
} from '../../server/src/protocol';

const LANGUAGE_ID = 'proposal-reply';

/** The read-only view of a .docx on disk. */
export function wordViewUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: WORD_VIEW_SCHEME });
}

export function registerWordCommands(context: vscode.ExtensionContext, lc: LanguageClient, register: (id: string, fn: (...args: never[]) => unknown) => void): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(changed, vscode.workspace.registerTextDocumentContentProvider(WORD_VIEW_SCHEME, {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const r = await lc.sendRequest<ExtractWordResult>(EXTRACT_WORD_REQUEST, { uri: uri.with({ scheme: 'file' }).toString() } satisfies ExtractWordParams);
      if (r.text === undefined) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot check {0}: {1}', path.basename(uri.fsPath), r.problem ?? ''));
        return '';
      }
      return r.text;
    },
  }));
  // the view follows the file: saved again in Word, it is read again
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx');
  context.subscriptions.push(watcher, watcher.onDidChange((u) => changed.fire(wordViewUri(u))));

  register('proposalReply.checkWordDocument', async (target?: vscode.Uri) => {
    const file = target ?? vscode.window.activeTextEditor?.document.uri;
    if (!file || !/\.docx$/i.test(file.path)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Choose a Word document (*.docx) in the Explorer.'));
      return undefined;
    }
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(wordViewUri(file.with({ scheme: 'file' }))), LANGUAGE_ID);
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc.uri;
  });

  register('proposalReply.exportWord', async (target?: vscode.Uri) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a reply (a *.reply file) first.'));
      return undefined;
    }
    const source = editor.document.uri;
    const base = source.path.replace(/\.(reply\.txt|reply|txt|docx)$/i, '');
    const suggested = (source.scheme === WORD_VIEW_SCHEME ? source.with({ scheme: 'file', path: `${base}-公文格式.docx` }) : source.with({ path: `${base}.docx` }));
    // the user names the file in the save dialog (a program such as the end-to-end suite passes it)
    const out = target ?? await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { Word: ['docx'] }, title: vscode.l10n.t('Export as Word (official layout)') });
    if (!out) return undefined;
    const r = await lc.sendRequest<ExportDocxResult | null>(EXPORT_DOCX_REQUEST, { textDocument: { uri: source.toString() }, target: path.basename(out.fsPath) } satisfies ExportDocxParams);
    if (!r) return undefined;
    await vscode.workspace.fs.writeFile(out, Buffer.from(r.base64, 'base64'));
    void vscode.window.showInformationMessage(r.summary);
    return out;
  });
}
