/**
 * The real language server under hostile input (issue 23), over stdio, most of it with a 256 MB
 * heap: documents whose findings or lines would exhaust it, a project folder holding a large log
 * and a large notes file for the background scan, code actions of a whole document, built-in
 * object names as configuration keys, Markdown in reply text shown in hovers, registers that are
 * FIFOs, the protocol after shutdown, on cancellation and on a desynchronised stream, and a project
 * file linked out of the workspace. Each test failed on the main branch before the fix.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { BatchResult } from '../../server/src/protocol';
import { FINDINGS_PER_DOCUMENT } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules';
import { EXAMPLES } from '../support/fixtures';
import { applyLspEdits, editsOf, SERVER_MAIN, TestClient, withTimeout } from '../support/lspClient';
import { PROBE, settledRss } from '../support/memory';

const MiB = 1024 * 1024;
const HEAP_256 = ['--max-old-space-size=256'];
const CLEAN = fs.readFileSync(path.join(EXAMPLES, 'clean', 'proposal-reply.reply'), 'utf8');
const uriOf = (p: string): string => pathToFileURL(p).href;
const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : '');

/** Renders Markdown as VS Code's hover would see it: CommonMark with bare URLs linked (markdown-it, linkify). */
const MarkdownIt = require('markdown-it') as new (options: { linkify: boolean; html: boolean }) => { render(md: string): string };
const markdown = new MarkdownIt({ linkify: true, html: true });

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pr-hostile-'));
}

/** A copy of the example register batch in a temporary folder. */
function registerWorkspace(): string {
  const ws = path.join(tempDir(), 'batch');
  fs.cpSync(path.join(EXAMPLES, 'register'), ws, { recursive: true });
  return ws;
}

describe('protocol: hostile input', function () {
  this.timeout(180_000);
  const clients: TestClient[] = [];
  const start = async (options: Parameters<typeof TestClient.start>[0]): Promise<TestClient> => {
    const c = await TestClient.start(options);
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  describe('item 1: a document’s memory bounded (256 MB heap)', () => {
    it('checks 45 000 lines of `中,` live with capped findings through edits, refuses 1 MB of them and 3.9 MB of blank lines with one notice each, and stays up', async () => {
      const client = await start({ pull: false, execArgv: [...HEAP_256, '--expose-gc', '--require', PROBE] });
      const uri = 'file:///hostile/comma.reply';
      let doc = TextDocument.create(uri, 'proposal-reply', 1, '中,\n'.repeat(45_000));
      await client.open(uri, doc.getText());
      const current = (p: PublishDiagnosticsParams): boolean => p.version === doc.version;
      let p = await client.waitForDiagnostics(uri, current, 60_000);
      for (let v = 2; v <= 3; v++) {
        const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '中,' };
        doc = TextDocument.update(doc, [change], v);
        await client.change(uri, v, [change]);
        p = await client.waitForDiagnostics(uri, current, 60_000);
      }
      assert.ok(p.diagnostics.length <= FINDINGS_PER_DOCUMENT + RULES.length, `${p.diagnostics.length} diagnostics`);
      assert.ok(p.diagnostics.some((d) => /从此处起还有 \d+ 处同类问题未逐一列出/.test(message(d))));
      for (const [name, text, lines] of [['comma-1mb', '中,\n'.repeat(MiB / 5), 209716], ['blank', '\n'.repeat(3_900_000), 3_900_001]] as const) {
        const big = `file:///hostile/${name}.reply`;
        await client.open(big, text);
        const notice = await client.waitForDiagnostics(big, () => true, 60_000);
        assert.equal(notice.diagnostics.length, 1);
        assert.match(message(notice.diagnostics[0]!), new RegExp(`行数过多（${lines} 行，上限 100000 行）`));
      }
      const { heapUsed } = await settledRss(client);
      assert.ok(heapUsed < 128 * MiB, `heap ${(heapUsed / MiB).toFixed(0)} MB with the three documents open`);
      assert.ok(!client.hasExited);
    });
  });

  describe('item 2: the background scan within the editor’s limits (256 MB heap)', () => {
    it('leaves a 25 MB log and a notes file of 380 000 lines out of the batch, and keeps answering', async () => {
      const ws = registerWorkspace();
      fs.writeFileSync(path.join(ws, 'server.log.txt'), `${'2025-05-20 10:00:00 INFO request handled in 3 ms by worker 7 of the pool\n'.repeat(350_000)}`);
      fs.writeFileSync(path.join(ws, 'notes.txt'), '中,\n'.repeat(380_000));
      const client = await start({ pull: true, rootUri: uriOf(ws), execArgv: HEAP_256 });
      const reply = path.join(ws, '20250211-林晓红.reply');
      await client.open(uriOf(reply), fs.readFileSync(reply, 'utf8'));
      await client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(reply) } });
      const result = await client.request<BatchResult>('proposalReply/batch', { projectFiles: [uriOf(path.join(ws, '.proposal-reply.json'))] }, 120_000);
      const items = result.batches[0]!.groups.flatMap((g) => g.items);
      assert.ok(items.length >= 8, `${items.length} items`);
      assert.ok(!items.some((i) => /server\.log|notes/.test(i.replyUri ?? '')), 'the log and the notes are not replies of the batch');
      const again = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(reply) } });
      assert.ok(Array.isArray(again.items));
      assert.ok(!client.hasExited);
    });
  });

  describe('item 3: code actions listed without their edits, made when chosen', () => {
    const items = (n: number): string => `林灵委员：\n您提出的《关于课后服务的建议》收悉，现答复如下：\n${'1. 加强领导，完善机制，推进工作落实,\n'.repeat(n)}`;
    const whole = (text: string): { start: { line: number; character: number }; end: { line: number; character: number } } => ({ start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } });

    it('answers a whole-document request in a payload that does not grow with the document, and resolves each action to the edit it names', async () => {
      const lazy = await start({ pull: true, codeActionResolve: true });
      const eager = await start({ pull: true });
      assert.equal((lazy.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
      const listFor = async (c: TestClient, uri: string, text: string): Promise<CodeAction[]> => {
        await c.open(uri, text);
        const { items: diagnostics } = await c.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
        return c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole(text), context: { diagnostics } }, 60_000);
      };
      // 2 000 and 4 000 items: the list of actions is as large for both (on main it grew with the square)
      const sizes: number[] = [];
      for (const n of [2000, 4000]) sizes.push(Buffer.byteLength(JSON.stringify(await listFor(lazy, `file:///hostile/size${n}.reply`, items(n)))));
      assert.ok(sizes[1]! < sizes[0]! * 1.1 && sizes[1]! < 512 * 1024, `${sizes.join(' → ')} bytes of actions`);
      const text = items(2000);
      const uri = 'file:///hostile/items.reply';
      const unresolved = await listFor(lazy, uri, text);
      const resolved = await listFor(eager, uri, text);
      assert.ok(unresolved.every((a) => a.edit === undefined && a.data !== undefined));
      // the eager list (clients that do not resolve) stays within a small multiple of the document
      const eagerBytes = Buffer.byteLength(JSON.stringify(resolved));
      assert.ok(eagerBytes < 20 * Buffer.byteLength(text), `${eagerBytes} bytes of eager actions`);
      assert.deepEqual(unresolved.map((a) => a.title), resolved.map((a) => a.title));
      for (const kind of ['quickfix', 'source.renumber', 'source.fullWidth']) {
        const i = unresolved.findIndex((a) => a.kind === kind);
        assert.ok(i >= 0, kind);
        const made = await lazy.request<CodeAction>('codeAction/resolve', unresolved[i]);
        assert.equal(applyLspEdits(text, editsOf(made.edit!, uri)), applyLspEdits(text, editsOf(resolved[i]!.edit!, uri)), kind);
      }
      // an action listed for an older version of the document is not resolved into a stale edit
      await lazy.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '一' }]);
      const stale = await lazy.request<CodeAction>('codeAction/resolve', unresolved[0]);
      assert.equal(stale.edit, undefined);
    });
  });

  describe('item 5: built-in object names as configuration keys', () => {
    it('keeps the project’s configuration, register checks included, and names the unknown keys', async () => {
      const ws = registerWorkspace();
      fs.writeFileSync(path.join(ws, '.proposal-reply.json'), JSON.stringify({ constructor: {}, toString: 'x', valueOf: 1, organization: '厦门市教育局', register: 'register.csv' }));
      const client = await start({ pull: true, rootUri: uriOf(ws) });
      const reply = path.join(ws, '0031-黄建国.reply');
      await client.open(uriOf(reply), fs.readFileSync(reply, 'utf8'));
      const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(reply) } });
      assert.ok(items.some((d) => String(d.code).startsWith('register-')), items.map((d) => d.code).join(' '));
      const shown = await client.waitForMessage((m) => /constructor/.test(m.message));
      assert.match(shown.message, /constructor: 未知的配置项/);
    });
  });

  describe('item 7: reply text in hovers', () => {
    const rendered = (hover: Hover | null): string => markdown.render((hover!.contents as MarkupContent).value);

    it('shows links, HTML and bare URLs written in a reply as text, never as links or image fetches', async () => {
      const client = await start({ pull: true });
      const uri = 'file:///hostile/hover.reply';
      const text = '林灵委员：\n您提出的建议收悉，现答复如下：\n一、加强领导[点此](https://evil.example/x)<img src=https://evil.example/y.png>https://evil.example www.evil.example\n二、加强保障。\n';
      await client.open(uri, text);
      await client.request('textDocument/diagnostic', { textDocument: { uri } });
      const html = rendered(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 0 } }));
      assert.doesNotMatch(html, /<img|<a /, html);
      assert.match(html, /加强领导\[点此\]\(https:\/\/evil\.example\/x\)&lt;img/, 'the text is still shown');
    });

    it('shows an image and a link written in the register as text in the register-link hover', async () => {
      const ws = registerWorkspace();
      const register = path.join(ws, 'register.csv');
      fs.writeFileSync(register, fs.readFileSync(register, 'utf8')
        .replace('关于推进中小学心理健康教育全覆盖的建议', '关于![](https://evil.example/track.png)的建议')
        .replace('郑志强、许文彬', '[郑志强](https://evil.example/p)'));
      const client = await start({ pull: true, rootUri: uriOf(ws) });
      const reply = path.join(ws, '20250211-林晓红.reply');
      await client.open(uriOf(reply), fs.readFileSync(reply, 'utf8'));
      await client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(reply) } });
      const html = rendered(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(reply) }, position: { line: 2, character: 2 } }));
      assert.match(html, /!\[\]\(https:\/\/evil\.example\/track\.png\)/, html);
      assert.doesNotMatch(html, /<img|<a /, html);
    });
  });

  describe('item 8: a register that is a FIFO', () => {
    it('refuses it with a reason, and five such projects do not block another project', async function () {
      if (process.platform === 'win32') this.skip();
      const root = tempDir();
      const projects: string[] = [];
      for (let i = 0; i < 6; i++) {
        const dir = path.join(root, `p${i}`);
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, 'a.reply'), CLEAN);
        if (i < 5) execFileSync('mkfifo', [path.join(dir, 'register.csv')]);
        else fs.copyFileSync(path.join(EXAMPLES, 'register', 'register.csv'), path.join(dir, 'register.csv'));
        fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({ register: 'register.csv' }));
        projects.push(dir);
      }
      const client = await start({ pull: true, rootUri: uriOf(root) });
      for (const dir of projects) {
        const uri = uriOf(path.join(dir, 'a.reply'));
        await client.open(uri, CLEAN);
        const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, 20_000);
        assert.ok(Array.isArray(items), dir);
      }
      // the last project's register was read: its reply is linked, or reported as not in the register
      const last = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(path.join(projects[5]!, 'a.reply')) } });
      assert.ok(last.items.some((d) => String(d.code).startsWith('register-')), last.items.map((d) => d.code).join(' '));
      const shown = await client.waitForMessage((m) => /命名管道（FIFO）/.test(m.message));
      assert.match(shown.message, /不是普通文件，未读取/);
    });
  });

  describe('item 10: protocol conformance', () => {
    it('answers requests after shutdown with InvalidRequest', async () => {
      const client = await start({ pull: true });
      const uri = 'file:///hostile/after.reply';
      await client.open(uri, CLEAN);
      await client.request('shutdown', null);
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
        ['textDocument/diagnostic', { textDocument: { uri } }],
        ['proposalReply/structure', { textDocument: { uri } }],
      ] as const) {
        await assert.rejects(client.request(method, params), (e: { code?: number }) => e.code === -32600, method);
      }
    });

    it('answers a request cancelled while it runs with RequestCancelled, not an empty result', async () => {
      const client = await start({ pull: true });
      // the server waits for the client's settings before it answers: hold them back, cancel, then answer
      let asked!: () => void;
      const askedFor = new Promise<void>((resolve) => (asked = resolve));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      client.connection.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
        asked();
        await held;
        return p.items.map(() => ({}));
      });
      const uri = 'file:///hostile/cancel.reply';
      await client.open(uri, CLEAN);
      const source = new CancellationTokenSource();
      const answer = client.request('textDocument/documentSymbol', { textDocument: { uri } }, 15_000, source.token);
      // the request is in the server's hands once it asks for the settings
      await withTimeout(askedFor, 5000, () => 'no configuration request');
      source.cancel();
      release();
      await assert.rejects(answer, (e: { code?: number }) => e.code === -32800);
    });

    for (const [name, bytes] of [
      ['stray bytes before a message', 'garbage\r\n'],
      ['a Content-Length shorter than its body', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}'],
      ['a Content-Length that is not a number', 'Content-Length: many\r\n\r\n{}'],
    ] as const) {
      it(`exits on ${name}, so that the client restarts it, instead of staying alive and deaf`, async () => {
        const child = spawn(process.execPath, [SERVER_MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        const send = (o: object): void => {
          const body = Buffer.from(JSON.stringify(o));
          child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
          child.stdin.write(body);
        };
        send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
        child.stdin.write(bytes);
        send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
        try {
          const code = await withTimeout(exited, 15_000, () => `still running; stderr: ${stderr}`);
          assert.equal(code, 1);
          assert.match(stderr, /message stream cannot be read any more/);
        } finally {
          child.kill();
        }
      });
    }
  });

  describe('item 11: a project file linked out of the workspace', () => {
    it('is not read: its settings do not apply, and the user is told why', async () => {
      const ws = tempDir();
      const elsewhere = path.join(tempDir(), 'config.json');
      fs.writeFileSync(elsewhere, JSON.stringify({ rules: { 'addressee-missing': 'off' } }));
      fs.symlinkSync(elsewhere, path.join(ws, '.proposal-reply.json'));
      const client = await start({ pull: true, rootUri: uriOf(ws) });
      const uri = uriOf(path.join(ws, 'a.reply'));
      // (more than a first short paragraph: a document with no content yet gets no missing-element findings)
      await client.open(uri, '您提出的建议收悉，现答复如下：\n\n我局已出台课后服务经费保障办法，今年安排资金三千万元。\n');
      const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(items.some((d) => d.code === 'addressee-missing'), 'the linked file’s rules applied');
      const shown = await client.waitForMessage((m) => /工作区之外/.test(m.message));
      assert.match(shown.message, /项目配置文件经符号链接指向工作区之外，已忽略/);
    });
  });
});
