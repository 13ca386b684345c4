/**
 * Settings: turning a rule off in the workspace settings removes its diagnostic from an open reply
 * at once, and turning it back on restores it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileUri, show, waitForDiagnostics } from './helpers';

describe('settings', () => {
  it('turns a rule off and on again from the settings', async () => {
    const uri = fileUri('flawed.reply');
    await show('flawed.reply');
    const before = await waitForDiagnostics(uri, 'numbering-sequence', (codes) => codes.includes('numbering-sequence'));
    const config = vscode.workspace.getConfiguration('proposalReply', uri);
    await config.update('rules', { 'numbering-sequence': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const after = await waitForDiagnostics(uri, 'numbering-sequence gone', (codes) => !codes.includes('numbering-sequence'));
      assert.equal(after.length, before.length - 1, 'only that rule’s diagnostic goes');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, 'numbering-sequence back', (codes) => codes.includes('numbering-sequence'));
  });
});
