/**
 * The reviewer's side: the workspace check command over files nobody opened, the “答复结构”
 * (reply structure) view in the Explorer and the status-bar item with the reply's completeness.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StructureReport } from '../../../server/src/protocol';
import { api, fileUri, seen, show, waitFor } from './helpers';

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
