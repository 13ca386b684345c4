/**
 * Settings and the project file over the protocol: `workspace/configuration` per resource, settings
 * at their default defer to `.proposal-reply.json`, changes refresh diagnostics (pull: refresh
 * request, push: new diagnostics), bad values are shown once naming the file, key and allowed values,
 * internal errors give empty results, cancellation RequestCancelled.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { guarded } from '../../server/src/server';
import { EXAMPLES, readText } from '../support/fixtures';
import { TestClient } from '../support/lspClient';

const FORMATS = path.join(EXAMPLES, 'flawed', '03-formats.reply');
const FORMATS_URI = pathToFileURL(FORMATS).href;

function codes(ds: readonly Diagnostic[]): Set<string> {
  return new Set(ds.map((d) => String(d.code)));
}

describe('protocol: settings and the project file', function () {
  this.timeout(60000);

  describe('settings layered over the project file', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ pull: true, settings: { kind: 'auto', organization: '', categories: [], rules: {}, locale: 'auto', trace: { server: 'off' } } });
    });
    after(async () => client.stop());

    const pull = async (uri: string): Promise<Diagnostic[]> => (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
    const changeSettings = async (settings: Record<string, unknown>): Promise<void> => {
      client.settings = settings;
      const refreshed = client.waitForRefresh();
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { proposalReply: settings } });
      await refreshed;
    };

    it('asks for the proposalReply section of each document, and lets untouched settings defer to the project file', async () => {
      await client.open(FORMATS_URI, readText(FORMATS));
      const ds = await pull(FORMATS_URI);
      // organisation and contact-missing come from examples/flawed/.proposal-reply.json
      assert.ok(codes(ds).has('signature-organ'));
      assert.ok(codes(ds).has('contact-missing'));
      assert.ok(client.configurationRequests.some((r) => JSON.stringify(r).includes(FORMATS_URI) && JSON.stringify(r).includes('"section":"proposalReply"')));
    });

    it('applies a changed setting after a refresh: a rule switched off, another organisation', async () => {
      await changeSettings({ kind: 'auto', organization: '', categories: [], rules: { 'contact-missing': 'off' } });
      let ds = await pull(FORMATS_URI);
      assert.ok(!codes(ds).has('contact-missing'), 'the setting switches the rule off');
      assert.ok(codes(ds).has('signature-organ'), 'the organisation still comes from the project file');
      await changeSettings({ organization: '厦门市财政局', rules: {} });
      ds = await pull(FORMATS_URI);
      assert.ok(!codes(ds).has('signature-organ'), 'the setting names the signing organisation');
      assert.ok(codes(ds).has('contact-missing'), 'the project file switches the rule on again');
      await changeSettings({ locale: 'en' });
      ds = await pull(FORMATS_URI);
      assert.equal(ds.find((d) => d.code === 'date-invalid')!.message, 'The date “2025年02月29日” does not exist: 2025-2 has no day 29.', 'the locale setting overrides the client language');
    });

    it('shows a bad setting once, naming the key and the allowed values, and falls back for that key alone', async () => {
      const before = client.messages.length;
      await changeSettings({ kind: 'letter', rules: { 'date-format': 'off' } });
      const ds = await pull(FORMATS_URI);
      assert.ok(!codes(ds).has('date-format'), 'the other settings still apply');
      const m = await client.waitForMessage((x) => x.message.includes('kind'));
      assert.equal(m.type, 2);
      assert.match(m.message, /^提案建议答复检查配置问题：VS Code settings \(proposalReply\.\*\): kind: 值 "letter" 不合法，已忽略，沿用自动识别（auto）。允许的值：auto、proposal-reply、suggestion-reply、co-handling-opinion、rectification-report。$/);
      // another document with the same settings: no second message
      const other = 'file:///settings/other.reply';
      await client.open(other, '林灵委员：\n');
      await pull(other);
      assert.equal(client.messages.length, before + 1);
    });
    it('names an unknown or misspelt setting once, and still applies the others', async () => {
      await changeSettings({ organisation: '厦门市教育局', rules: { 'date-format': 'off' } });
      const ds = await pull(FORMATS_URI);
      assert.ok(!codes(ds).has('date-format'), 'the other settings still apply');
      const m = await client.waitForMessage((x) => x.message.includes('organisation'));
      assert.match(m.message, /^提案建议答复检查配置问题：VS Code settings \(proposalReply\.\*\): organisation: 未知的设置项，已忽略。是否想写“proposalReply\.organization”？/);
      await client.open('file:///settings/third.reply', '林灵委员：\n');
      await pull('file:///settings/third.reply');
      assert.equal(client.messages.filter((x) => x.message.includes('organisation')).length, 1);
    });
  });

  describe('a watched project file', () => {
    let dir: string;
    let reply: string;
    let projectFile: string;
    const text = '发布时间：2025-03-02 09:30　浏览次数：128次\n林灵委员：\n您提出的《关于X的建议》收悉，现答复如下：\n我局已出台办法。\n此复。\n厦门市教育局\n2025年5月20日\n';
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-project-'));
      fs.mkdirSync(path.join(dir, 'replies'));
      reply = path.join(dir, 'replies', 'draft.reply');
      projectFile = path.join(dir, '.proposal-reply.json');
      fs.writeFileSync(reply, text);
      fs.writeFileSync(projectFile, JSON.stringify({ rules: { 'pasted-junk': 'off' } }));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('re-reads it when it changes and asks a pull client to refresh', async () => {
      const client = await TestClient.start({ pull: true, rootUri: pathToFileURL(dir).href });
      try {
        const uri = pathToFileURL(reply).href;
        await client.open(uri, text);
        const pull = async (): Promise<Diagnostic[]> => (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
        assert.ok(!codes(await pull()).has('pasted-junk'));
        fs.writeFileSync(projectFile, JSON.stringify({ rules: { 'date-format': 'loud' } }));
        const refreshed = client.waitForRefresh();
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(projectFile).href, type: 2 }] });
        await refreshed;
        assert.ok(codes(await pull()).has('pasted-junk'));
        const m = await client.waitForMessage((x) => x.message.includes('rules.date-format'));
        assert.equal(m.message, `提案建议答复检查配置问题：${projectFile}: rules.date-format: 严重程度 "loud" 不合法，已忽略，沿用默认值 warning。允许的值：error、warning、information、hint、off。`);
      } finally {
        await client.stop();
      }
    });

    it('pushes new diagnostics to a push client when it changes', async () => {
      const client = await TestClient.start({ pull: false, rootUri: pathToFileURL(dir).href });
      try {
        const uri = pathToFileURL(reply).href;
        await client.open(uri, text);
        const first = await client.waitForDiagnostics(uri);
        assert.ok(!codes(first.diagnostics).has('pasted-junk'));
        const count = client.published.length;
        fs.writeFileSync(projectFile, '{}');
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(projectFile).href, type: 2 }] });
        const second = await client.waitForDiagnostics(uri, () => client.published.length > count);
        assert.ok(codes(second.diagnostics).has('pasted-junk'));
      } finally {
        await client.stop();
      }
    });
  });

  describe('an open project file', () => {
    const text = '{\n  "kind": "memo",\n  "organisation": "厦门市教育局",\n  "rules": { "date-fromat": "off", "contact-missing": "warning" }\n}\n';
    const expected = [['"memo"', 'kind'], ['"organisation"', 'organisation'], ['"date-fromat"', 'rules.date-fromat']];
    let dir: string;
    let uri: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-open-project-'));
      const file = path.join(dir, '.proposal-reply.json');
      fs.writeFileSync(file, text);
      uri = pathToFileURL(file).href;
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const placed = (ds: readonly Diagnostic[]): string[][] => {
      const lines = text.split('\n');
      return ds.map((d) => [lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character), (d.message as string).split(':')[0]!]);
    };

    it('puts each issue at its key for a pull client, and follows the edits', async () => {
      const client = await TestClient.start({ pull: true, rootUri: pathToFileURL(dir).href });
      try {
        await client.open(uri, text, 'json');
        const pull = async (): Promise<Diagnostic[]> => (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
        const ds = await pull();
        assert.deepEqual(placed(ds), expected);
        assert.ok(ds.every((d) => d.severity === 2 && /允许的值|可用的配置项|规则列表/.test(d.message as string)), 'each names what is allowed');
        await client.change(uri, 2, [{ text: '{ "kind": "proposal-reply" }' }]);
        assert.deepEqual(await pull(), []);
      } finally {
        await client.stop();
      }
    });

    it('pushes them to a push client, and clears them when the file is closed', async () => {
      const client = await TestClient.start({ pull: false, rootUri: pathToFileURL(dir).href });
      try {
        await client.open(uri, text, 'json');
        assert.deepEqual(placed((await client.waitForDiagnostics(uri)).diagnostics), expected);
        await client.close(uri);
        await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      } finally {
        await client.stop();
      }
    });
  });

  describe('handler wrapping', () => {
    it('answers RequestCancelled for a cancelled request without running it, InvalidRequest after shutdown, and the empty result for an internal error, logging it', async () => {
      const logs: string[] = [];
      let ran = 0;
      const ok = guarded('test', (m) => logs.push(m), () => [] as number[], () => {
        ran++;
        return [1];
      });
      const cancelled = new CancellationTokenSource();
      cancelled.cancel();
      await assert.rejects(ok({}, cancelled.token), (e: { code?: number }) => e.code === -32800);
      assert.equal(ran, 0);
      const late = guarded('test', () => undefined, () => [] as number[], () => [1], () => true);
      await assert.rejects(late({}, new CancellationTokenSource().token), (e: { code?: number }) => e.code === -32600);
      assert.deepEqual(await ok({}, new CancellationTokenSource().token), [1]);
      const failing = guarded('hover', (m) => logs.push(m), () => null, () => {
        throw new TypeError('boom');
      });
      assert.equal(await failing({}, new CancellationTokenSource().token), null);
      assert.match(logs[0]!, /^hover failed: TypeError: boom/);
      // cancelled while running: the late result is dropped
      const source = new CancellationTokenSource();
      const slow = guarded('slow', () => undefined, () => [] as number[], async () => {
        source.cancel();
        return [2];
      });
      await assert.rejects(slow({}, source.token), (e: { code?: number }) => e.code === -32800);
    });

    it('answers requests on unknown documents with empty results over the protocol', async () => {
      const client = await TestClient.start({ pull: true });
      try {
        const textDocument = { uri: 'file:///nowhere.reply' };
        const position = { line: 0, character: 0 };
        assert.deepEqual(await client.request('textDocument/completion', { textDocument, position }), []);
        assert.equal(await client.request('textDocument/hover', { textDocument, position }), null);
        assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument }), []);
        assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument }), []);
        assert.deepEqual(await client.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
        assert.equal(await client.request('proposalReply/structure', { textDocument }), null);
      } finally {
        await client.stop();
      }
    });
  });
});
