/**
 * The register and the batch in a real VS Code: the “登记表办理情况” (register batch) view with its
 * groups, counts and overdue marks, an entry opening its reply, the register link on hover, the
 * addressee and receipt line completed from the register, the register-* diagnostics, a bad register
 * row on the register file, and the two commands that write files — a new reply for an entry (never
 * over an existing file) and the report (to the path given, nothing else touched).
 *
 * The workspace's batch/ folder holds the register and three replies: 20250401 complete, 20250402
 * with errors, 20250403 with a warning (register-title-mismatch); 20250404 has no reply, 20250405 has
 * none and is overdue; row 7 has no valid number. Its project file is written here, not kept in the
 * fixtures: a `.proposal-reply.json` in the workspace activates the extension at startup, and the
 * activation suite checks that nothing does before a reply opens.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { BatchNode } from '../../../client/src/batchView';
import { REPORT_VIEW_TYPE } from '../../../client/src/reportView';
import { todayOf } from '../../../server/src/parse/dates';
import type { BatchItem, BatchView } from '../../../server/src/protocol';
import { daysBetween } from '../../../server/src/register/match';
import { api, diagnostics, fileUri, show, waitFor, waitForDiagnostics } from './helpers';

const PROJECT_FILE = 'batch/.proposal-reply.json';
const PROJECT = { organization: '榕城市住房和城乡建设局', register: 'register.csv' };

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The batch of batch/ once the view shows it with `ok` true of it. */
function batchWhere(what: string, ok: (b: BatchView) => boolean): Promise<BatchView> {
  const { batch } = api();
  const projectFile = fileUri(PROJECT_FILE).toString();
  const find = (): BatchView | undefined => batch.current.batches.find((b) => b.projectFile === projectFile);
  return waitFor(what, () => {
    const b = find();
    return b !== undefined && ok(b) && b;
  }, [batch.onDidChangeTreeData], { state: () => batch.current.batches.map((x) => ({ projectFile: x.projectFile, problem: x.problem, groups: x.groups.map((g) => [g.state, g.items.map((i) => i.label)]) })) });
}

function itemOf(b: BatchView, number: string): BatchItem {
  const item = b.groups.flatMap((g) => g.items).find((i) => i.label.includes(`第${number}号`));
  assert.ok(item, `the batch has no item for 第${number}号`);
  return item;
}

/** Every file under the workspace folder with its size and modification time. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: vscode.Uri): Promise<void> => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory) await walk(uri);
      else {
        const s = await vscode.workspace.fs.stat(uri);
        out.set(uri.path, `${s.size} ${s.mtime}`);
      }
    }
  };
  await walk(vscode.workspace.workspaceFolders![0]!.uri);
  return out;
}

/** Reverts the active editor to the file on disk (undoing the test's edits). */
async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(editor.document.isDirty, false);
}

describe('register and batch', () => {
  // written as a program outside the editor would: the view must notice it by itself
  before(() => vscode.workspace.fs.writeFile(fileUri(PROJECT_FILE), new TextEncoder().encode(`${JSON.stringify(PROJECT, null, 2)}\n`)));

  it('groups the register entries by state, with counts and the overdue entry marked', async () => {
    const { batch, batchView } = api();
    const b = await batchWhere('the batch of batch/ with its three replies', (x) => x.groups.flatMap((g) => g.items).filter((i) => i.replyUri).length === 3);
    assert.equal(b.problem, undefined);
    assert.equal(b.registerUri, fileUri('batch/register.csv').toString());
    const byState = Object.fromEntries(b.groups.map((g) => [g.state, g.items.map((i) => i.label.replace(/ .*/, ''))]));
    assert.deepEqual(byState, {
      missing: ['第20250404号', '第20250405号'],
      errors: ['第20250402号'],
      warnings: ['第20250403号'],
      complete: ['第20250401号'],
    });
    assert.deepEqual(b.groups.map((g) => [g.state, g.count, g.overdue]), [['missing', 2, 1], ['errors', 1, 0], ['warnings', 1, 0], ['complete', 1, 0]]);

    // the view as VS Code draws it: one batch without problems shows its groups at the top
    await vscode.commands.executeCommand('proposalReply.batch.focus');
    await waitFor('the batch view to be visible', () => batchView.visible, [batchView.onDidChangeVisibility]);
    const groups = batch.getChildren();
    const groupRows = groups.map((n) => batch.getTreeItem(n));
    assert.deepEqual(groupRows.map((t) => t.label), ['未答复 (2)', '有错误 (1)', '有警告 (1)', '已完成 (1)']);
    assert.deepEqual(groupRows.map((t) => t.description), [api().l10n.t('{0} overdue', 1), undefined, undefined, undefined]);

    const missing = batch.getChildren(groups[0]).map((n): [BatchNode, vscode.TreeItem] => [n, batch.getTreeItem(n)]);
    const days = daysBetween({ year: 2025, month: 3, day: 31 }, todayOf(new Date()));
    const late = itemOf(b, '20250405');
    assert.equal(late.overdue, true);
    assert.equal(late.daysOverdue, days);
    const [, lateRow] = missing.find(([n]) => n.kind === 'item' && n.item === late)!;
    assert.ok(String(lateRow.description).startsWith(api().l10n.t('overdue {0} days', days)), String(lateRow.description));
    assert.equal((lateRow.iconPath as vscode.ThemeIcon).id, 'history');
    const [, onTime] = missing.find(([n]) => n.kind === 'item' && n.item.label.startsWith('第20250404号'))!;
    assert.equal((onTime.iconPath as vscode.ThemeIcon).id, 'circle-large-outline');
    assert.equal(onTime.command?.command, 'proposalReply.newReplyForEntry', 'an entry without a reply offers a new one');
    assert.equal(itemOf(b, '20250402').errors, 4);
  });

  it('opens an entry’s reply when it is clicked', async () => {
    const { batch } = api();
    await batchWhere('the complete reply in the batch', (b) => itemOf(b, '20250401').state === 'complete');
    const complete = batch.getChildren().find((n) => n.kind === 'group' && n.group.state === 'complete')!;
    const [row] = batch.getChildren(complete).map((n) => batch.getTreeItem(n));
    assert.ok(row?.command, 'the reply row has a command');
    await vscode.commands.executeCommand(row.command.command, ...(row.command.arguments ?? []));
    const expected = fileUri('batch/20250401-陈立新.reply').toString();
    await waitFor('the reply of 20250401 in the active editor', () => vscode.window.activeTextEditor?.document.uri.toString() === expected, [vscode.window.onDidChangeActiveTextEditor]);
  });

  it('shows the register entry on hover over a linked reply’s title', async () => {
    const uri = fileUri('batch/20250401-陈立新.reply');
    await show('batch/20250401-陈立新.reply');
    const text = await waitFor('a hover with the register link', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 2));
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return all.includes('第20250401号') && all;
    }, [], { pollMs: 200 });
    for (const part of ['《关于加快老旧小区加装电梯的提案》', '陈立新', '许文斌', '2099年12月31日', '办理状态', '已完成']) assert.ok(text.includes(part), `the hover lacks ${part}:\n${text}`);
  });

  it('completes the addressee and the receipt line from the register', async () => {
    const uri = fileUri('batch/20250402-刘海峰.reply');
    const editor = await show('batch/20250402-刘海峰.reply');
    try {
      // line 5 (0-based 4) is the empty line below the title; the reply has no addressee yet
      assert.equal(editor.document.lineAt(4).text, '');
      const at = (line: number): Thenable<vscode.CompletionList> => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 0));
      const addressees = (await at(4)).items.filter((i) => i.detail?.startsWith('登记表'));
      assert.deepEqual(addressees.map(label), ['刘海峰委员：']);
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(4, 0), '\n刘海峰委员：\n')));
      const receipts = (await at(6)).items.filter((i) => i.detail?.startsWith('登记表'));
      assert.equal(receipts.length, 1, receipts.map(label).join('\n'));
      assert.match(label(receipts[0]!), /^您提出的《关于加强城市易涝点治理的提案》（第20250402号）收悉。/);
    } finally {
      await revert(editor);
    }
  });

  it('reports a title that differs from the register, live as the reply is edited', async () => {
    const uri = fileUri('batch/20250403-周雅琴.reply');
    const editor = await show('batch/20250403-周雅琴.reply');
    try {
      await waitForDiagnostics(uri, 'register-title-mismatch', (codes) => codes.join() === 'register-title-mismatch');
      const [d] = diagnostics(uri);
      assert.equal(d!.range.start.line, 9);
      assert.ok(d!.message.includes('《关于推广住宅小区垃圾分类积分制的提案》'), d!.message);
      const quoted = editor.document.lineAt(9).text.match(/《[^》]+》/)![0];
      const start = editor.document.lineAt(9).text.indexOf(quoted);
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(9, start, 9, start + quoted.length), '《关于推广住宅小区垃圾分类积分制的提案》')));
      await waitForDiagnostics(uri, 'no findings once the title matches the register', (codes) => codes.length === 0);
      // a number the register lacks
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(9, 0, 9, editor.document.lineAt(9).text.length), editor.document.lineAt(9).text.replace('20250403', '20250409'))));
      await waitForDiagnostics(uri, 'register-number-mismatch', (codes) => codes.includes('register-number-mismatch'));
    } finally {
      await revert(editor);
    }
    await waitForDiagnostics(uri, 'register-title-mismatch back after the revert', (codes) => codes.join() === 'register-title-mismatch');
  });

  it('shows a bad register row as a diagnostic on the register file', async () => {
    const uri = fileUri('batch/register.csv');
    const ds = await waitFor('the register file’s diagnostics', () => {
      const all = vscode.languages.getDiagnostics(uri);
      return all.length > 0 && all;
    }, [vscode.languages.onDidChangeDiagnostics], { state: () => vscode.languages.getDiagnostics(uri).map((d) => d.message) });
    assert.equal(ds.length, 1, ds.map((d) => d.message).join('\n'));
    assert.equal(ds[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(ds[0]!.range.start.line, 6);
    assert.ok(ds[0]!.message.includes('编号待定'), ds[0]!.message);
  });

  it('writes the report to the path given, one row per entry, and nothing else', async () => {
    const target = fileUri('batch/办理情况报告.html');
    const before = await snapshot();
    await vscode.commands.executeCommand('proposalReply.generateReport', target);
    const after = await snapshot();
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    after.delete(target.path);
    assert.deepEqual([...after], [...before], 'the report is the only file written');
    const rows = [...html.matchAll(/<tr data-state="(\w+)"( class="overdue")? data-number="(\d+)">/g)].map((m) => [m[3], m[1], m[2] !== undefined]);
    assert.deepEqual(rows.sort(), [
      ['20250401', 'complete', false],
      ['20250402', 'errors', false],
      ['20250403', 'warnings', false],
      ['20250404', 'missing', false],
      ['20250405', 'missing', true],
    ]);
    const counts = Object.fromEntries([...html.matchAll(/data-count="(\w+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
    assert.deepEqual(counts, { missing: 2, errors: 1, warnings: 1, complete: 1, overdue: 1, unregistered: 0, rows: 5 });
    // and it is shown inside VS Code (a browser cannot open a file of the code-server machine)
    const shown = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(REPORT_VIEW_TYPE));
    assert.equal(shown.length, 1, 'the report in a webview tab');
    assert.match(shown[0]!.label, /办理情况报告\.html/);
    await vscode.window.tabGroups.close(shown);
    await vscode.workspace.fs.delete(target);
  });

  it('creates a reply for an entry with the conventional name, and never overwrites it', async () => {
    const projectFile = fileUri(PROJECT_FILE).toString();
    const entry = itemOf(await batchWhere('the batch', () => true), '20250404');
    const expected = fileUri('batch/20250404-林秀英.reply');
    const created = await vscode.commands.executeCommand<vscode.Uri>('proposalReply.newReplyForEntry', projectFile, entry.entryKey);
    assert.equal(created?.toString(), expected.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), expected.toString());
    const text = vscode.window.activeTextEditor.document.getText();
    assert.ok(text.includes('第20250404号'), text);
    assert.ok(text.includes('《关于规范住宅物业服务收费的提案》'), text);
    assert.ok(text.includes('林秀英委员：'), text);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(expected)), text);
    // the view follows: the entry has a reply now
    await batchWhere('20250404 with its new reply', (b) => itemOf(b, '20250404').replyUri === expected.toString());

    const edited = `${text}\n（经办人修改过的稿子）\n`;
    await vscode.workspace.fs.writeFile(expected, new TextEncoder().encode(edited));
    const again = await vscode.commands.executeCommand<vscode.Uri>('proposalReply.newReplyForEntry', projectFile, entry.entryKey);
    assert.equal(again?.toString(), expected.toString());
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(expected)), edited, 'the second run leaves the file as it was');
    await waitFor('the editor to show the file as it is on disk', () => vscode.window.activeTextEditor?.document.getText() === edited, [vscode.workspace.onDidChangeTextDocument]);
  });

  it('follows replies written and deleted outside the editor', async () => {
    // as a checkout or a file copy would: straight to disk, no editor event
    const file = fileUri('batch/20250405-黄志明.reply').fsPath;
    const model = fs.readFileSync(fileUri('batch/20250401-陈立新.reply').fsPath, 'utf8');
    fs.writeFileSync(file, model.replaceAll('20250401', '20250405'));
    const b = await batchWhere('20250405 with the reply written on disk', (x) => itemOf(x, '20250405').replyUri === fileUri('batch/20250405-黄志明.reply').toString());
    assert.notEqual(itemOf(b, '20250405').state, 'missing');
    fs.rmSync(file);
    await batchWhere('20250405 without a reply again', (x) => itemOf(x, '20250405').state === 'missing');
  });
});
