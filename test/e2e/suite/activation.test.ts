/**
 * Activation: the extension starts when the first reply opens, here a file with no extension that VS Code
 * recognises as a reply by its first line (the contributed `firstLine` pattern), and its language
 * server answers for it. (The UI test activates it from a `.reply` file in the Explorer.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, fileUri, LANGUAGE_ID, show, waitFor } from './helpers';

describe('activation', () => {
  it('is idle until a reply opens, then activates on a file recognised by its first line', async () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'nothing has opened a reply yet, so the extension must not be active');
    const editor = await show('draft');
    assert.equal(editor.document.languageId, LANGUAGE_ID, 'draft starts with a document number, so it is a reply');
    await waitFor('the extension to activate', () => ext.isActive);
    assert.ok(ext.exports.structure, 'activate() returns the structure model');
    const symbols = await waitFor('document symbols of draft from the server', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s && s.length > 0 && s;
    }, [], { pollMs: 200 });
    assert.ok(symbols.some((s) => s.name.startsWith('一、')), 'the outline has the first measure');
  });

  it('assigns the reply language to *.reply files', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('clean.reply'));
    assert.equal(doc.languageId, LANGUAGE_ID);
  });
});
