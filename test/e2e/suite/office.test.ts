/**
 * Word documents in a real VS Code: "检查 Word 文档" on a .docx opens its extracted text read-only
 * with the same diagnostics and outline as the reply it was made from, and "导出为 Word（公文格式）"
 * writes the open reply to the file given (the save dialog's answer) and nothing else.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extractDocx } from '../../../server/src/office/docx';
import { exportDocx } from '../../../server/src/office/exportDocx';
import { parseReply } from '../../../server/src/parse';
import { codeOf, fileUri, LANGUAGE_ID, show, waitForDiagnostics } from './helpers';

describe('Word documents in the editor', () => {
  it('checks a .docx: its text read-only, with the diagnostics and outline of the reply', async () => {
    const source = fileUri('flawed.reply');
    const sourceText = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    const docxUri = fileUri('word/草稿.docx');
    await vscode.workspace.fs.writeFile(docxUri, await exportDocx(parseReply(sourceText)));
    await show('flawed.reply');
    const expected = await waitForDiagnostics(source, 'the reply’s own diagnostics', (codes) => codes.includes('addressee-colon'));

    const view = await vscode.commands.executeCommand<vscode.Uri>('proposalReply.checkWordDocument', docxUri);
    assert.ok(view, 'the command opened a view');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === view.toString());
    assert.ok(doc, 'the view is open');
    assert.equal(doc.languageId, LANGUAGE_ID);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), view.toString());
    const found = await waitForDiagnostics(view, 'the Word document’s diagnostics', (codes) => codes.includes('addressee-colon'));
    assert.deepEqual(found.map(codeOf).sort(), expected.map(codeOf).sort(), 'the same findings as the reply');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', view);
    assert.ok(symbols.length > 3, 'the outline of the Word document');
    // read-only: the view cannot be saved, and the Word file on disk stays as it was
    const before = Buffer.from(await vscode.workspace.fs.readFile(docxUri));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(view, new vscode.Position(0, 0), 'x');
    await vscode.workspace.applyEdit(edit);
    assert.equal(await doc.save().then((ok) => ok, () => false), false, 'the view is not saved anywhere');
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(docxUri)), before);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('exports the open reply as a Word document to the file given, and nothing else', async () => {
    await show('clean.reply');
    const target = fileUri('word/clean-公文格式.docx');
    const out = await vscode.commands.executeCommand<vscode.Uri>('proposalReply.exportWord', target);
    assert.equal(out?.toString(), target.toString());
    const bytes = Buffer.from(await vscode.workspace.fs.readFile(target));
    const text = await extractDocx(bytes);
    assert.ok(text.ok && text.text.includes('榕城市园林局关于市政协九届三次会议'), 'the export holds the reply');
    const names = (await vscode.workspace.fs.readDirectory(fileUri('word'))).map(([n]) => n).sort();
    assert.deepEqual(names, ['clean-公文格式.docx', '草稿.docx']);
  });
});
