/**
 * Crash recovery in the real VS Code: the language server is killed (SIGKILL, as an out-of-memory
 * kill would end it), the client's restart policy (client/src/restart.ts) starts a new one, and an
 * open reply gets diagnostics from it. The time from the kill to the client running again and to the
 * first diagnostics of an edit is noted in the suite's report. (The notice the policy shows cannot be
 * read through the extension API, only the client's state changes; launch.ts's UI check reads it on
 * the page.) Runs last: it replaces the server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { languageServers } from '../workspace';
import { api, extension, fileUri, notes, show, waitFor, waitForDiagnostics } from './helpers';

/** The language servers this extension host started (the client forks the server with an IPC channel). */
function serverPids(): number[] {
  return languageServers(extension().extensionPath).filter((p) => p.ppid === process.pid).map((p) => p.pid);
}

describe('server crash', () => {
  it('restarts a killed language server, which publishes diagnostics again', async () => {
    const { client } = api();
    const uri = fileUri('clean.reply');
    const editor = await show('clean.reply');
    await waitForDiagnostics(uri, 'no findings', (codes) => codes.length === 0);
    assert.equal(client.state, State.Running);
    const before = serverPids();
    assert.equal(before.length, 1, `one language server is a child of the extension host (${process.pid}): ${before.join(', ')}`);

    const changes: string[] = [];
    const subscription = client.onDidChangeState((e) => changes.push(`${State[e.oldState]}→${State[e.newState]}`));
    try {
      const killed = Date.now();
      process.kill(before[0]!, 'SIGKILL');
      await waitFor('the client to notice the crash', () => client.state !== State.Running, [client.onDidChangeState], { state: () => State[client.state] });
      await waitFor('the client to run again', () => client.state === State.Running, [client.onDidChangeState], { state: () => changes });
      const running = Date.now() - killed;

      // an edit after the restart: only the new server can report the colon it removes
      const colon = new vscode.Range(7, 5, 7, 6);
      assert.equal(editor.document.getText(colon), '：');
      assert.ok(await editor.edit((b) => b.replace(colon, '，')));
      await waitForDiagnostics(uri, 'addressee-colon from the restarted server', (codes) => codes.join() === 'addressee-colon');
      const diagnosed = Date.now() - killed;
      assert.ok(await editor.edit((b) => b.replace(colon, '：')));
      await waitForDiagnostics(uri, 'no findings', (codes) => codes.length === 0);

      const after = serverPids();
      assert.equal(after.length, 1, `one language server after the restart: ${after.join(', ')}`);
      assert.notEqual(after[0], before[0], 'a new server process');
      assert.deepEqual(changes, ['Running→Stopped', 'Stopped→Starting', 'Starting→Running']);
      notes.push(`server crash recovery: SIGKILL → client running again ${running} ms, → diagnostics of an edit ${diagnosed} ms (states ${changes.join(', ')})`);
    } finally {
      subscription.dispose();
    }
  });
});
