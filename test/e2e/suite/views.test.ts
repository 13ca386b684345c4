/**
 * The reviewer's side: the workspace check command over files nobody opened, the “答复结构”
 * (reply structure) view in the Explorer and the status-bar item with the reply's completeness.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StructureReport } from '../../../server/src/protocol';
import { api, codeOf, diagnostics, extension, fileUri, seen, show, waitFor } from './helpers';

/** The structure report once the model has one for `relative`. */
async function structureOf(relative: string): Promise<StructureReport> {
  const { structure } = api();
  const uri = fileUri(relative).toString();
  await show(relative);
  return waitFor(`the structure of ${relative}`, () => structure.current?.uri === uri && structure.current, [structure.onDidChangeTreeData], { state: () => structure.current?.uri });
}

const STATUS = /^\$\((pass|warning|error)\) (?:Structure|结构) (\d+)\/(\d+)$/;

describe('reviewer views and commands', () => {
  it('checks every reply in the workspace, including files nobody opened', async () => {
    const unopened = fileUri('unopened/unsigned.reply');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'unsigned.reply must not be open');
    assert.deepEqual(seen(unopened), []);
    await vscode.commands.executeCommand('proposalReply.checkWorkspace');
    assert.deepEqual(seen(unopened), [
      { code: 'date-missing', severity: 'error', range: [27, 0, 27, 28] },
      { code: 'signature-missing', severity: 'error', range: [27, 0, 27, 28] },
    ]);
    // the open replies keep their live diagnostics only: the check adds no second copy
    assert.equal(seen(fileUri('flawed.reply')).length, 6);
  });

  it('gives the same findings for the example register batch in the CLI, the workspace check, the batch view and the open editor', async () => {
    // examples/register copied into the workspace: a register, six replies (one a duplicate), its project file
    const folder = fileUri('register-example');
    await vscode.workspace.fs.copy(vscode.Uri.file(path.join(extension().extensionPath, 'examples', 'register')), folder);
    const isReply = (name: string): boolean => name.endsWith('.reply');
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter(isReply).sort();
    assert.equal(names.length, 6);
    const key = (d: { code: string; line: number }): string => `${d.code}@${d.line + 1}`;
    try {
      // the command-line checker, as a user runs it
      const cli = spawnSync(process.execPath, [path.join(extension().extensionPath, 'bin', 'proposal-reply.js'), 'check', '--format', 'json', folder.fsPath], { encoding: 'utf8' });
      assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
      type CliFile = { path: string; diagnostics: Array<{ code: string; severity: string; range: { start: { line: number } } }> };
      const byCli = new Map((JSON.parse(cli.stdout) as { files: CliFile[] }).files.map((f) => [path.basename(f.path), f.diagnostics]));
      const expected = new Map(names.map((n) => [n, byCli.get(n)!.map((d) => key({ code: d.code, line: d.range.start.line })).sort()]));
      const registerRules = [...expected.values()].flat().filter((k) => k.startsWith('register-'));
      assert.ok(registerRules.length >= 8, `the CLI applies the register: ${registerRules.join(' ')}`);

      // the workspace check over these files, none of them open
      for (const n of names) assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === vscode.Uri.joinPath(folder, n).toString()), `${n} is not open`);
      await vscode.commands.executeCommand('proposalReply.checkWorkspace');
      for (const n of names) {
        const got = diagnostics(vscode.Uri.joinPath(folder, n)).map((d) => key({ code: codeOf(d), line: d.range.start.line })).sort();
        assert.deepEqual(got, expected.get(n), `workspace check of ${n}`);
      }

      // the batch view's counts of errors and warnings per reply
      const { batch } = api();
      const projectFile = vscode.Uri.joinPath(folder, '.proposal-reply.json').toString();
      const view = await waitFor('the batch of register-example with its six replies', async () => {
        const b = (await batch.fetch()).batches.find((x) => x.projectFile === projectFile);
        return b !== undefined && b.groups.flatMap((g) => g.items).filter((i) => i.replyUri).length === 6 && b;
      }, [], { pollMs: 300 });
      for (const item of view.groups.flatMap((g) => g.items).filter((i) => i.replyUri)) {
        const n = item.replyUri!.replace(/^.*\//, '');
        const cliDiags = byCli.get(decodeURIComponent(n))!;
        assert.deepEqual([item.errors, item.warnings], [cliDiags.filter((d) => d.severity === 'error').length, cliDiags.filter((d) => d.severity === 'warning').length], `batch view counts of ${n}`);
      }

      // each reply opened in the editor
      for (const n of names) {
        const uri = vscode.Uri.joinPath(folder, n);
        await vscode.window.showTextDocument(uri, { preview: false });
        await waitFor(`the editor's findings of ${n} to be the CLI's`, () => JSON.stringify(diagnostics(uri).map((d) => key({ code: codeOf(d), line: d.range.start.line })).sort()) === JSON.stringify(expected.get(n)),
          [vscode.languages.onDidChangeDiagnostics], { state: () => diagnostics(uri).map((d) => key({ code: codeOf(d), line: d.range.start.line })) });
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('shows a complete reply as complete in the status bar and the structure view', async () => {
    const report = await structureOf('clean.reply');
    const { structure, structureView } = api();
    assert.equal(report.present, report.total);
    assert.ok(report.items.filter((i) => i.required).every((i) => i.state === 'present'), JSON.stringify(report.items.map((i) => [i.label, i.state])));
    const status = structure.statusBar;
    assert.ok(status.visible, 'the status-bar item is shown');
    assert.deepEqual(STATUS.exec(status.text)?.slice(1), ['pass', String(report.total), String(report.total)], status.text);

    await vscode.commands.executeCommand('proposalReply.structure.focus');
    await waitFor('the structure view to be visible', () => structureView.visible, [structureView.onDidChangeVisibility]);
    assert.equal(structureView.description, `${report.kindLabel} ${report.present}/${report.total}`);
    const rows = structure.getChildren().map((n) => structure.getTreeItem(n));
    assert.deepEqual(rows.map((r) => r.label), report.items.map((i) => i.label));
    assert.ok(rows.some((r) => r.label === '主送' && String(r.description).includes('王晓岚委员')), 'the addressee row shows its text');
  });

  it('shows problems and missing elements, in the view and the status bar', async () => {
    const flawed = await structureOf('flawed.reply');
    const { structure } = api();
    const addressee = flawed.items.find((i) => i.element === 'addressee');
    assert.equal(addressee?.state, 'problem');
    assert.deepEqual(addressee.problems.map((p) => p.ruleId), ['addressee-colon']);
    const node = structure.getChildren().find((n) => n.kind === 'item' && n.item.element === 'addressee')!;
    assert.deepEqual(structure.getChildren(node).map((n) => structure.getTreeItem(n).description), ['addressee-colon']);
    // a long reply needs its next steps: missing, so the status bar shows an error
    assert.deepEqual(flawed.items.filter((i) => i.state === 'missing' && i.required).map((i) => i.element), ['nextSteps']);
    assert.deepEqual(STATUS.exec(structure.statusBar.text)?.slice(1), ['error', String(flawed.present), String(flawed.total)], structure.statusBar.text);

    const unsigned = await structureOf('unopened/unsigned.reply');
    const missing = unsigned.items.filter((i) => i.state === 'missing' && i.required).map((i) => i.element).sort();
    assert.deepEqual(missing, ['date', 'signature']);
    assert.ok(unsigned.items.filter((i) => i.state === 'missing').every((i) => i.insert), 'each missing element can be inserted');
    assert.equal(unsigned.present, unsigned.total - 2);
    assert.deepEqual(STATUS.exec(structure.statusBar.text)?.slice(1), ['error', String(unsigned.present), String(unsigned.total)], structure.statusBar.text);
  });
});
