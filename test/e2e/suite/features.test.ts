/**
 * The language features through VS Code's own provider commands, as the editor calls them: the
 * outline, completion at a numbering position, a quick fix applied to the document, and a
 * contributed snippet inserted into an editor.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSnippets } from '../../../client/src/templates';
import { extension, fileUri, show, today, waitForDiagnostics } from './helpers';

type Tree = (string | [string, Tree])[];

function tree(symbols: readonly vscode.DocumentSymbol[]): Tree {
  return symbols.map((s) => (s.children.length > 0 ? [s.name, tree(s.children)] : s.name));
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('language features', () => {
  it('gives the outline of a reply, measures nested by level', async () => {
    const uri = fileUri('clean.reply');
    await show('clean.reply');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(tree(symbols), [
      ['文头', ['发文字号：榕园提案函〔2025〕7号', '标题：榕城市园林局关于市政协九届三次会议第20250311号提案的答复', '答复类别：B']],
      '主送：王晓岚委员',
      '收文说明：《关于增加社区口袋公园的提案》（第20250311号）',
      '开头：近年来，我局把口袋公园建设作为改善老城区人居环境…',
      ['一、加快口袋公园布局', ['（一）开展空地摸排', '（二）编制建设计划']],
      ['二、提升公园管养水平', ['（一）落实管养责任', ['（二）鼓励居民参与', ['下一步，我局将继续加大投入，力争三年内新…']]]],
      '结束语：感谢您对园林绿化工作的关心和支持，欢迎继续提出宝…',
      '署名：榕城市园林局',
      '成文日期：2025年6月12日',
    ]);
    const first = symbols.find((s) => s.name.startsWith('一、'))!;
    assert.equal(first.selectionRange.start.line, 13);
    assert.equal(first.range.start.line, 13);
  });

  it('completes the next numbering marker on an empty line after a section', async () => {
    const uri = fileUri('clean.reply');
    await show('clean.reply');
    // line 25 (0-based 24) is the empty line between （二）鼓励居民参与… and 下一步，…
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(24, 0));
    const ours = list.items.filter((i) => label(i) === '（三）' || label(i) === '三、');
    assert.deepEqual(ours.map(label).sort(), ['三、', '（三）'], `labels: ${list.items.map(label).join(' ')}`);
    const next = ours.find((i) => label(i) === '（三）')!;
    assert.ok(next.insertText instanceof vscode.SnippetString, 'a snippet with a placeholder for the heading');
    assert.match(next.insertText.value, /^（三）\$\{1:/);
  });

  it('applies a quick fix and changes only what its title names', async () => {
    const uri = fileUri('fix.reply');
    const editor = await show('fix.reply');
    const original = editor.document.getText();
    const [d] = await waitForDiagnostics(uri, 'date-format', (codes) => codes.join() === 'date-format');
    // the server lists actions without their edits and makes an edit when the action is chosen
    // (codeAction/resolve); the last argument asks VS Code to resolve them as choosing one would
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d!.range, vscode.CodeActionKind.QuickFix.value, 10);
    // (the command returns the actions without their diagnostics; the date is the only quick fix here)
    const fixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(fixes.map((a) => a.title), ['改为“2025年6月12日”']);
    const fix = fixes[0]!;
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(editor.document.getText(), original.replace('2025.6.12', '2025年6月12日'));
    await waitForDiagnostics(uri, 'no findings after the fix', (codes) => codes.length === 0);
  });

  it('inserts the contributed closing snippet, which completes the reply', async () => {
    const uri = fileUri('snippet.reply');
    const editor = await show('snippet.reply');
    const original = editor.document.getText();
    const missing = ['closing-missing', 'signature-missing', 'date-missing'];
    await waitForDiagnostics(uri, missing.join(', '), (codes) => missing.every((c) => codes.includes(c)));
    const file = path.join(extension().extensionPath, 'snippets', 'proposal-reply.code-snippets');
    const closing = parseSnippets(fs.readFileSync(file, 'utf8')).find((t) => t.prefixes.includes('closing'));
    assert.ok(closing, 'the snippets file has the closing snippet');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(closing.body), end));
    assert.equal(editor.document.getText(), `${original}此复。\n\n×××局\n${today()}`);
    await waitForDiagnostics(uri, 'none of the missing-element findings', (codes) => !codes.some((c) => missing.includes(c)));
  });
});
