/**
 * The editor as a clerk meets it (issue 22): the pasted-text clean-up previewed and applied when
 * accepted, as one undoable edit, and joining the lines of a reply copied from a PDF; a new reply from the template that is not red while its prefix is
 * typed and is not finished while a placeholder is left; the editor defaults of the language (no
 * boxes around Chinese punctuation, wrapped lines); one language per window, whatever the display
 * language; a rule's page opening as a Markdown preview from its diagnostic.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSnippets } from '../../../client/src/templates';
import type { StructureReport } from '../../../server/src/protocol';
import { api, codeOf, diagnostics, extension, fileUri, LANGUAGE_ID, show, waitFor, waitForDiagnostics } from './helpers';

function tabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

/** The structure report of a document at its current version. */
function structureAt(doc: vscode.TextDocument): Promise<StructureReport> {
  const { structure } = api();
  return waitFor(`the structure of ${doc.uri.toString()} at version ${doc.version}`, () => {
    const r = structure.current;
    return r !== undefined && r.uri === doc.uri.toString() && r.version === doc.version && r;
  }, [structure.onDidChangeTreeData], { state: () => [structure.current?.uri, structure.current?.version] });
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('the clerk’s editor', () => {
  it('cleans up pasted text: a preview by kind with counts, nothing changed until accepted, then one edit one undo reverts', async () => {
    const uri = fileUri('pasted.reply');
    const editor = await show('pasted.reply');
    const original = editor.document.getText();
    await waitForDiagnostics(uri, 'pasted-junk', (codes) => codes.includes('pasted-junk'));
    const { cleanup } = api();
    await vscode.commands.executeCommand('proposalReply.cleanupPasted');
    const pending = cleanup.current;
    assert.ok(pending, 'the command opens a preview');
    // the preview: the reply beside the cleaned text, and what changes by kind with counts
    assert.ok(tabs().some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.toString() === uri.toString() && t.input.modified.toString() === pending.preview.toString()), 'a diff of the reply and the cleaned text');
    assert.equal(pending.summary, '删除网页残留 2 处（整行 2 行），拆分粘连段落 7 处，半角标点改为全角 9 处。');
    const cleaned = (await vscode.workspace.openTextDocument(pending.preview)).getText();
    assert.equal(cleaned.split('\n').filter((l) => l.trim() !== '').length, 9, 'the two junk lines gone, the run-on line split into its paragraphs, the signature apart from the date');
    assert.ok(!cleaned.includes('浏览次数') && !cleaned.includes('分享到') && !/[\u4e00-\u9fff][,:(]/.test(cleaned), cleaned);
    assert.equal(editor.document.getText(), original, 'nothing changes before the user accepts');

    // accept (the ✓ in the diff's title bar runs this command, as does Apply in the notice)
    assert.equal(await vscode.commands.executeCommand<boolean>('proposalReply.applyCleanup'), true);
    assert.equal(editor.document.getText(), cleaned, 'the reply is what the preview showed');
    assert.equal(cleanup.current, undefined);
    assert.ok(!tabs().some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === pending.preview.scheme), 'the preview is closed');
    await waitForDiagnostics(uri, 'no junk and no half-width marks left', (codes) => !codes.includes('pasted-junk') && !codes.includes('punctuation-width'));

    // one undo reverts the whole clean-up
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reads a reply copied from a PDF by its paragraphs, and the clean-up joins their lines', async () => {
    const uri = fileUri('pdf-copy.reply');
    const editor = await show('pdf-copy.reply');
    const original = editor.document.getText();
    // one finding per paragraph the page width broke, and no other complaint about the reply
    const found = await waitForDiagnostics(uri, 'paragraph-line-break', (c) => c.includes('paragraph-line-break'));
    assert.deepEqual(found.map(codeOf), new Array<string>(5).fill('paragraph-line-break'));
    const { cleanup } = api();
    await vscode.commands.executeCommand('proposalReply.cleanupPasted');
    const pending = cleanup.current;
    assert.ok(pending, 'the command opens a preview');
    assert.equal(pending.summary, '合并段内换行 7 处。');
    assert.equal(await vscode.commands.executeCommand<boolean>('proposalReply.applyCleanup'), true);
    const joined = editor.document.getText();
    assert.equal(joined.replace(/\n/g, ''), original.replace(/\n/g, ''), 'not a character changed but the line breaks');
    assert.equal(joined.split('\n').length, original.split('\n').length - 7);
    await waitForDiagnostics(uri, 'no line breaks inside paragraphs', (c) => c.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('discards a preview without touching the reply, and refuses a preview the reply has outgrown', async () => {
    const { document } = await show('pasted.reply');
    const original = document.getText();
    const { cleanup } = api();
    await vscode.commands.executeCommand('proposalReply.cleanupPasted');
    assert.ok(cleanup.current);
    await vscode.commands.executeCommand('proposalReply.discardCleanup');
    assert.equal(cleanup.current, undefined);
    assert.equal(document.getText(), original);
    // an edit after the preview: applying it would lose the edit, so nothing is applied
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('proposalReply.cleanupPasted');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), '　');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await vscode.commands.executeCommand<boolean>('proposalReply.applyCleanup'), false);
    assert.equal(document.getText(), `　${original}`);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('a new reply from the template: not red while its prefix is typed; each placeholder an error until filled', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '提案答复')));
    const typing = await structureAt(doc);
    assert.deepEqual(typing.counts, { error: 0, warning: 0, information: 0, hint: 0 }, 'no finding on a document with no content yet');
    assert.ok(typing.items.every((i) => i.severity === undefined), JSON.stringify(typing.items.map((i) => [i.element, i.state, i.severity])));
    assert.doesNotMatch(api().structure.statusBar.text, /\$\(error\)/);

    // the snippet of that prefix, inserted over it as the editor's completion does
    const file = path.join(extension().extensionPath, 'snippets', 'proposal-reply.code-snippets');
    const template = parseSnippets(fs.readFileSync(file, 'utf8')).find((t) => t.prefixes.includes('提案答复'));
    assert.ok(template);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(template.body), new vscode.Range(0, 0, 0, 4)));
    const ds = await waitForDiagnostics(doc.uri, 'placeholder-left on the unfilled tab stops', (codes) => codes.filter((c) => c === 'placeholder-left').length >= 8);
    assert.ok(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).every((d) => codeOf(d) === 'placeholder-left'), ds.map(codeOf).join(', '));
    assert.ok(ds.some((d) => editor.document.getText(d.range) === '×××'));
    const unfilled = await structureAt(editor.document);
    assert.equal(unfilled.present, unfilled.total, 'every element is there');
    assert.ok(unfilled.counts.error > 0, 'but the reply is not finished');
    assert.match(api().structure.statusBar.text, /^\$\(error\)/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('contributes the reply language’s editor defaults: wrapped lines, no boxes around Chinese punctuation', () => {
    const reply = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    assert.equal(reply.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(reply.get('unicodeHighlight.invisibleCharacters'), false);
    assert.equal(reply.get('unicodeHighlight.nonBasicASCII'), false);
    assert.equal(reply.get('wordWrap'), 'on');
    assert.equal(reply.get('wrappingStrategy'), 'advanced');
  });

  it('speaks one language in every view: the locale setting, else VS Code’s display language', async () => {
    const { l10n, structure, structureView, batchView } = api();
    const config = vscode.workspace.getConfiguration('proposalReply');
    // the workspace sets zh-cn (fixtures/.vscode/settings.json) in a window whose display language is English
    assert.equal(config.get('locale'), 'zh-cn');
    assert.equal(l10n.locale, 'zh-cn');
    const flawed = fileUri('flawed.reply');
    const doc = (await show('flawed.reply')).document;
    await structureAt(doc);
    assert.match(structure.statusBar.text, /结构 \d\/\d$/);
    assert.equal(structureView.title, '答复结构');
    assert.equal(batchView.title, '登记表办理情况');
    assert.ok(diagnostics(flawed).every((d) => /\p{Script=Han}/u.test(d.message.slice(0, 2))), 'Chinese diagnostics');
    const zhItems = structure.getChildren().map((n) => String(structure.getTreeItem(n).description));
    assert.ok(zhItems.every((d) => !/present|missing|problem/.test(d)), zhItems.join(' | '));
    try {
      await config.update('locale', 'en', vscode.ConfigurationTarget.Workspace);
      await waitFor('the client in English', () => l10n.locale === 'en');
      await waitFor('the status bar in English', () => /Structure \d\/\d$/.test(structure.statusBar.text) && structure.current?.kindLabel === 'proposal reply', [structure.onDidChangeTreeData], { state: () => structure.statusBar.text });
      assert.equal(structureView.title, 'Reply Structure');
      assert.equal(batchView.title, 'Register Batch');
      const enItems = structure.getChildren().map((n) => structure.getTreeItem(n)).map((t) => `${String(t.label)} ${String(t.description)}`);
      assert.ok(enItems.every((d) => /^[a-z]/.test(d)), enItems.join(' | '));
      await waitForDiagnostics(flawed, 'English diagnostics', () => diagnostics(flawed).every((d) => /^[A-Z“]/.test(d.message)));
    } finally {
      await config.update('locale', 'zh-cn', vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the client in Chinese again', () => l10n.locale === 'zh-cn');
  });

  it('opens a rule’s page as a Markdown preview from its diagnostic', async () => {
    const flawed = fileUri('flawed.reply');
    await show('flawed.reply');
    const [d] = await waitForDiagnostics(flawed, 'date-format', (codes) => codes.includes('date-format')).then((ds) => ds.filter((x) => codeOf(x) === 'date-format'));
    const target = (d!.code as { value: string; target: vscode.Uri }).target;
    assert.equal(`${target.scheme}://${target.authority}${target.path}`, `${vscode.env.uriScheme}://${extension().id}/rule/date-format`);
    await vscode.commands.executeCommand('vscode.open', target);
    await waitFor('a Markdown preview of the rule page', () => tabs().some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview') && t.label.includes('date-format')), [vscode.window.tabGroups.onDidChangeTabs], { state: () => tabs().map((t) => t.label) });
    await closeAll();
  });
});
