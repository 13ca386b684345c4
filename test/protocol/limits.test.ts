/**
 * Big and odd documents over the protocol: a 10 MB reply is checked on open and save with one
 * notice, a 50 MB one not at all, a binary-looking or mis-decoded one gets one notice instead of a
 * storm of findings, an empty one only the "missing" findings; the server keeps answering.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sizedReply } from '../../bench/inputs';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { CHECK_MAX_BYTES, LIVE_MAX_BYTES } from '../../server/src/features/limits';
import type { CheckFilesResult, StructureReport } from '../../server/src/protocol';
import { createReplyService } from '../../server/src/service';
import { TestClient } from '../support/lspClient';

const MiB = 1024 * 1024;
const MISSING = ['addressee-missing', 'receipt-missing', 'closing-missing', 'signature-missing', 'date-missing'];
/** A draft begun: a title and a first paragraph, every other element still missing. */
const BEGUN = '关于口袋公园建设的答复\n近年来，我局加快口袋公园建设。\n';

/** What a fresh analysis in this process says about a text (the server's clock and configuration match). */
function fresh(uri: string, text: string): Diagnostic[] {
  return createReplyService().diagnostics(TextDocument.create(uri, 'proposal-reply', 1, text), DEFAULT_CONFIG, 'zh-cn');
}

const brief = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${String(d.code)} ${d.severity} ${JSON.stringify(d.range)} ${d.message}`);

/** A binary file opened as text anyway: a zip header, NUL bytes, control characters, some Latin-1. */
function binaryText(): string {
  let s = 'PK\u0003\u0004\u0014\u0000\u0000\u0000\b\u0000';
  for (let i = 0; i < 20_000; i++) s += String.fromCharCode((i * 7919) % 256);
  return s;
}

/** A GBK file opened as UTF-8: GB2312 han byte pairs decoded as UTF-8 turn into U+FFFD. */
function misdecodedGbk(): { text: string; gbk: string } {
  const bytes: number[] = [];
  for (let i = 0; i < 3000; i++) bytes.push(0xb0 + (i % 40), 0xa1 + ((i * 13) % 90), ...(i % 20 === 19 ? [0x0a] : []));
  const buf = Buffer.from(bytes);
  return { text: new TextDecoder('utf-8').decode(buf), gbk: new TextDecoder('gb18030').decode(buf) };
}

describe('protocol: big and odd documents', function () {
  this.timeout(120_000);
  let big: string;
  before(() => {
    big = sizedReply(10 * MiB);
    assert.ok(Buffer.byteLength(big) > LIVE_MAX_BYTES && Buffer.byteLength(big) < CHECK_MAX_BYTES);
  });

  describe('a pull client', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ pull: true });
    });
    after(async () => client.stop());

    const pull = (uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> =>
      client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }, 30_000);
    const items = (r: DocumentDiagnosticReport): Diagnostic[] => (r.kind === 'full' ? r.items : assert.fail('expected a full report'));

    it('gives a document with no content yet no findings, and a begun draft its missing elements', async () => {
      for (const [i, text] of ['', '\n\n', '\ufeff', ' \r\n', '提案答复', '  proposal-reply\n'].entries()) {
        const uri = `file:///limits/empty${i}.reply`;
        await client.open(uri, text);
        assert.deepEqual(items(await pull(uri)).map((d) => d.code), [], JSON.stringify(text));
      }
      await client.open('file:///limits/begun.reply', BEGUN);
      const ds = items(await pull('file:///limits/begun.reply'));
      assert.deepEqual(ds.map((d) => d.code).sort(), [...MISSING].sort());
    });

    it('checks a 10 MB reply when it is opened and saved, with one notice, and answers unchanged in between', async () => {
      const uri = 'file:///limits/big.reply';
      await client.open(uri, big);
      const first = await pull(uri);
      const ds = items(first);
      assert.ok(first.kind === 'full' && first.resultId, 'a result id to answer unchanged against');
      assert.equal(ds[0]!.severity, 3);
      assert.match(ds[0]!.message as string, /^文件较大（10\.0 MB，超过 4 MB），只在打开和保存时检查，输入时不实时检查/);
      assert.deepEqual(brief(ds.slice(1)), brief(fresh(uri, big)), 'the findings of a full analysis');
      assert.ok(ds.length > 100);
      assert.ok((await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).length > 0, 'the outline at the version opened');

      // typing: no analysis, the last diagnostics stay, the features wait for the save
      const edited = `2025年2月30日，补充一段。\n${big}`;
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '2025年2月30日，补充一段。\n' }]);
      const between = await pull(uri, first.resultId);
      assert.deepEqual(between, { kind: 'unchanged', resultId: first.resultId });
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
      assert.equal(await client.request('proposalReply/structure', { textDocument: { uri } }), null);
      // a client without the last report gets the notice alone
      assert.deepEqual(items(await pull(uri)).map((d) => d.severity), [3]);

      // saving checks the saved version
      const refreshed = client.waitForRefresh();
      await client.save(uri);
      await refreshed;
      const saved = await pull(uri, first.resultId);
      assert.ok(saved.kind === 'full' && saved.resultId !== first.resultId);
      assert.deepEqual(brief(items(saved).slice(1)), brief(fresh(uri, edited)));
      assert.ok((await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } })).length > 0);
    });

    it('does not check a 50 MB document, says so once, and keeps answering', async () => {
      const uri = 'file:///limits/huge.reply';
      const huge = big.repeat(5);
      await client.open(uri, huge);
      const ds = items(await pull(uri));
      assert.equal(ds.length, 1);
      assert.equal(ds[0]!.severity, 3);
      assert.equal(ds[0]!.message, `文件过大（${(Buffer.byteLength(huge) / MiB).toFixed(1)} MB，上限 20 MB），编辑器中不检查；可在命令行用 proposal-reply check 检查。`);
      assert.match(ds[0]!.message as string, /^文件过大（50\.\d MB/);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), null);
      // an edit keeps it unchecked, and a small reply beside it is checked as usual
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '林灵委员：\n' }]);
      assert.equal(items(await pull(uri)).length, 1);
      await client.open('file:///limits/small.reply', BEGUN);
      assert.deepEqual(items(await pull('file:///limits/small.reply')).map((d) => d.code).sort(), [...MISSING].sort());
      await client.close(uri);
    });

    it('gives a binary-looking document one notice instead of a storm of findings', async () => {
      const text = binaryText();
      assert.ok(fresh('file:///x', text).length > 3, 'unchecked, the text would give several findings');
      const uri = 'file:///limits/archive.reply';
      await client.open(uri, text);
      const ds = items(await pull(uri));
      assert.deepEqual(ds.map((d) => [d.severity, d.message]), [[3, '该文件看起来不是文本（含 NUL 等控制字符），不检查。']]);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: ds[0]!.range, context: { diagnostics: ds } }), []);
    });

    it('tells a GBK file opened as UTF-8 to be reopened with its encoding', async () => {
      const { text, gbk } = misdecodedGbk();
      assert.match(gbk, /^\p{Script=Han}+/u, 'the bytes are GBK han characters');
      const uri = 'file:///limits/gbk.reply';
      await client.open(uri, text);
      const ds = items(await pull(uri));
      assert.equal(ds.length, 1);
      assert.match(ds[0]!.message as string, /可能不是 UTF-8 编码（如 GBK\/GB18030），未检查。请用“通过编码重新打开”/);
      // a few stray replacement characters in a real reply do not stop the check
      const reply = '林灵委员：\n您提出的《关于X的建议》收悉，现答复如下：\n我局已出台办法\ufffd。\n此复。\n厦门市教育局\n2025年5月20日\n';
      await client.open('file:///limits/stray.reply', reply);
      assert.deepEqual(items(await pull('file:///limits/stray.reply')), []);
    });
  });

  describe('a push client', () => {
    it('publishes a large reply at open and save only, and the notice alone for a binary one', async () => {
      const client = await TestClient.start({ pull: false });
      try {
        const uri = 'file:///limits/big-push.reply';
        await client.open(uri, big);
        const opened = await client.waitForDiagnostics(uri, undefined, 30_000);
        assert.equal(opened.version, 1);
        assert.match(opened.diagnostics[0]!.message as string, /^文件较大（10\.0 MB/);
        await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '一、' }]);
        await client.change(uri, 3, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: '加强领导\n' }]);
        await client.save(uri);
        const saved = await client.waitForDiagnostics(uri, (p) => p.version === 3, 30_000);
        assert.deepEqual(brief(saved.diagnostics.slice(1)), brief(fresh(uri, `一、加强领导\n${big}`)));
        assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [1, 3], 'nothing published while typing');

        const binary = 'file:///limits/binary-push.reply';
        await client.open(binary, binaryText());
        const b = await client.waitForDiagnostics(binary);
        assert.deepEqual(b.diagnostics.map((d) => d.message), ['该文件看起来不是文本（含 NUL 等控制字符），不检查。']);
      } finally {
        await client.stop();
      }
    });
  });

  it('skips files beyond the editor cap in the workspace check, naming the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-limits-'));
    const client = await TestClient.start({ pull: true });
    try {
      const file = path.join(dir, 'huge.reply');
      fs.writeFileSync(file, big.repeat(3));
      const ok = path.join(dir, 'empty.reply');
      fs.writeFileSync(ok, BEGUN);
      const r = await client.request<CheckFilesResult>('proposalReply/checkFiles', { uris: [pathToFileURL(file).href, pathToFileURL(ok).href] }, 30_000);
      assert.deepEqual(r.results.map((x) => [path.basename(x.uri), x.diagnostics.map((d) => d.code).sort()]), [['empty.reply', [...MISSING].sort()]]);
      assert.equal(r.skipped.length, 1);
      assert.match(r.skipped[0]!.reason, /^文件过大（30\.\d MB，上限 20 MB），编辑器中不检查；可在命令行用 proposal-reply check 检查。$/);
      const structure = await client.request<StructureReport | null>('proposalReply/structure', { textDocument: { uri: pathToFileURL(file).href } });
      assert.equal(structure, null);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
