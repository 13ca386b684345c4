/**
 * Diagnostics as VS Code holds them: the flawed reply's findings with their rule ids, severities and
 * ranges (each linked to its rule page), and none for a clean reply.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnostics, extension, fileUri, type Seen, seen, show, waitForDiagnostics } from './helpers';

/** What `proposal-reply check --format json test/e2e/fixtures/flawed.reply` reports, one per severity at least. */
const FLAWED: readonly Seen[] = [
  { code: 'addressee-colon', severity: 'warning', range: [7, 0, 7, 5] },
  { code: 'proposal-number-mismatch', severity: 'error', range: [9, 20, 9, 30] },
  { code: 'punctuation-width', severity: 'hint', range: [11, 34, 11, 35] },
  { code: 'numbering-sequence', severity: 'warning', range: [19, 0, 19, 2] },
  { code: 'next-steps-missing', severity: 'information', range: [23, 0, 23, 20] },
  { code: 'date-format', severity: 'warning', range: [28, 0, 28, 9] },
];

describe('diagnostics', () => {
  it('reports the flawed reply’s problems with their rule ids, severities and ranges', async () => {
    const uri = fileUri('flawed.reply');
    await show('flawed.reply');
    await waitForDiagnostics(uri, `${FLAWED.length} findings`, (codes) => codes.length === FLAWED.length);
    assert.deepEqual(seen(uri), FLAWED);
    for (const d of diagnostics(uri)) {
      assert.ok(typeof d.code === 'object', 'the code links to the rule page');
      // through the extension's URI handler, which opens the page as a Markdown preview (clerk.test.ts)
      assert.equal(d.code.target.toString(), `${vscode.env.uriScheme}://${extension().id}/rule/${String(d.code.value)}`);
      assert.ok(d.message.length > 0);
    }
  });

  it('reports nothing for a clean reply, and clears what an edit introduced once it is undone', async () => {
    const uri = fileUri('clean.reply');
    const editor = await show('clean.reply');
    const original = editor.document.getText();
    const colon = new vscode.Range(7, 5, 7, 6);
    assert.equal(editor.document.getText(colon), '：');
    // the clean reply has no diagnostics from the start, so first prove the server is looking at it
    assert.ok(await editor.edit((b) => b.replace(colon, '，')));
    await waitForDiagnostics(uri, 'addressee-colon', (codes) => codes.join() === 'addressee-colon');
    assert.ok(await editor.edit((b) => b.replace(colon, '：')));
    assert.equal(editor.document.getText(), original);
    await waitForDiagnostics(uri, 'no findings', (codes) => codes.length === 0);
    assert.deepEqual(seen(uri), []);
  });
});
