/**
 * The register in the editor, over the protocol with the real server: the project's register
 * loaded for the replies of its folder, its bad rows as diagnostics on the register file, the
 * cross-checks (duplicates across open and on-disk replies), the link in hover, completions from
 * the register, refusal of a register outside the workspace, reload when the register changes,
 * and the batch view's groups and counts. Each test works on a copy of `examples/register/`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { BATCH_CHANGED_NOTIFICATION, type BatchResult, type NewReplyResult, type ReportResult } from '../../server/src/protocol';
import { EXAMPLES, FIXTURES } from '../support/fixtures';
import { TestClient, withTimeout } from '../support/lspClient';

const REGISTER_EXAMPLE = path.join(EXAMPLES, 'register');

/** A fresh copy of the example batch (and its project file) in a temporary folder. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-register-'));
  const ws = path.join(dir, 'batch');
  fs.cpSync(REGISTER_EXAMPLE, ws, { recursive: true });
  return ws;
}

const uriOf = (p: string): string => pathToFileURL(p).href;
const msg = (d: Diagnostic | undefined): string => (d === undefined ? '' : typeof d.message === 'string' ? d.message : d.message.value);

describe('protocol: the register in the editor', function () {
  this.timeout(60000);
  const clients: TestClient[] = [];
  const dirs: string[] = [];
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    for (const d of dirs) fs.rmSync(path.dirname(d), { recursive: true, force: true });
  });

  const start = async (root: string, pull = true): Promise<TestClient> => {
    const c = await TestClient.start({ pull, rootUri: uriOf(root) });
    clients.push(c);
    return c;
  };
  const setup = async (pull = true): Promise<{ ws: string; client: TestClient }> => {
    const ws = workspace();
    dirs.push(ws);
    return { ws, client: await start(ws, pull) };
  };
  const openFile = async (client: TestClient, file: string): Promise<string> => {
    const uri = uriOf(file);
    await client.open(uri, fs.readFileSync(file, 'utf8'));
    return uri;
  };
  const pull = async (client: TestClient, uri: string): Promise<Diagnostic[]> =>
    (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  const batch = (client: TestClient, ws: string): Promise<BatchResult> =>
    client.request<BatchResult>('proposalReply/batch', { projectFiles: [uriOf(path.join(ws, '.proposal-reply.json'))] });
  const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code)).sort();

  it('reports the register’s bad rows as diagnostics on the register file, by row and column', async () => {
    const { ws, client } = await setup();
    fs.copyFileSync(path.join(FIXTURES, 'register', 'bad-rows.csv'), path.join(ws, 'register.csv'));
    await pull(client, await openFile(client, path.join(ws, '20250211-林晓红.reply')));
    const p = await client.waitForDiagnostics(uriOf(path.join(ws, 'register.csv')));
    assert.equal(p.diagnostics.length, 8);
    const d = p.diagnostics;
    assert.equal(msg(d[0]), '第 3 行，“编号”列：编号为空，此行已跳过。');
    assert.equal(d[0]!.severity, 1);
    assert.equal(d[0]!.code, 'register');
    assert.deepEqual(d[0]!.range.start, { line: 2, character: 0 });
    const date = d.find((x) => msg(x).includes('2025-02-30'))!;
    assert.equal(date.severity, 2);
    assert.deepEqual(date.range, { start: { line: 5, character: 27 }, end: { line: 5, character: 37 } });
    assert.ok(msg(date).startsWith('第 6 行，“办理期限”列：'), msg(date));
    assert.deepEqual(d.map((x) => x.range.start.line), [2, 3, 4, 5, 5, 5, 6, 8]);
  });

  it('runs the cross-checks on an open reply and shows its link in hover on the title and the receipt line', async () => {
    const { ws, client } = await setup();
    const uri = await openFile(client, path.join(ws, '20250227-陈思远.reply'));
    assert.deepEqual(codes(await pull(client, uri)).filter((c) => c.startsWith('register-')), ['register-addressee-mismatch', 'register-category-mismatch', 'register-title-mismatch']);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    const text = (hover!.contents as MarkupContent).value;
    for (const part of ['第20250227号', '《关于加强中小学校园食品安全管理的建议》', '提案人：陈思远', '主办单位：厦门市教育局', '办理期限：2025年6月30日', '按标题中的编号对应', '**办理状态**：有警告']) {
      assert.ok(text.includes(part), `${part} not in ${text}`);
    }
    // the receipt line (line 8) too; the body does not
    const receipt = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 2 } });
    assert.ok((receipt!.contents as MarkupContent).value.includes('提案人：陈思远'));
    const body = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 1 } });
    assert.ok(!body || !(body.contents as MarkupContent).value.includes('提案人'));
  });

  it('completes the addressee from the proposers and the receipt line with the exact title and number', async () => {
    const { ws, client } = await setup();
    const uri = uriOf(path.join(ws, 'new.reply'));
    const title = '厦门市教育局关于市政协十四届四次会议第20250211号提案的答复';
    await client.open(uri, `${title}\n\n`);
    const complete = async (line: number, character: number): Promise<CompletionItem[]> =>
      client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    const addressees = await complete(2, 0);
    assert.equal(addressees[0]!.label, '林晓红委员：');
    assert.equal(addressees[0]!.detail, '登记表 第20250211号 关于推进中小学心理健康教育全覆盖的建议');
    await client.change(uri, 2, [{ text: `${title}\n\n林晓红委员：\n\n` }]);
    const receipts = await complete(4, 0);
    assert.equal(receipts[0]!.label, '您提出的《关于推进中小学心理健康教育全覆盖的建议》（第20250211号）收悉。经认真研究，现答复如下：');
    assert.equal(receipts[0]!.textEdit && 'newText' in receipts[0]!.textEdit ? receipts[0]!.textEdit.newText : undefined, receipts[0]!.label);
    // without a number, the addressee picks the entries that name the proposer
    const other = uriOf(path.join(ws, 'other.reply'));
    await client.open(other, '黄建国代表：\n\n');
    const byName = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: other }, position: { line: 2, character: 0 } });
    assert.equal(byName[0]!.label, '您在市十六届人大四次会议期间提出的《关于优化学校周边道路交通秩序的建议》（第0031号）收悉。现将办理情况答复如下：');
  });

  it('finds a duplicate reply across open and on-disk replies, and drops it when the other reply goes', async () => {
    const { ws, client } = await setup();
    const uri = await openFile(client, path.join(ws, '20250211-林晓红.reply'));
    await batch(client, ws); // the scan of the folder is done
    assert.ok(!codes(await pull(client, uri)).includes('register-duplicate-reply'));
    // the on-disk pair 0031-黄建国.reply and 0031-黄建国-修改稿.reply
    const draft = await openFile(client, path.join(ws, '0031-黄建国-修改稿.reply'));
    const dup = (await pull(client, draft)).find((d) => d.code === 'register-duplicate-reply');
    assert.ok(msg(dup).includes('另有答复：0031-黄建国.reply'), msg(dup));
    // a second, unsaved reply to 20250211 makes both duplicates; the open one is told again
    const copy = uriOf(path.join(ws, 'copy.reply'));
    const refreshed = client.waitForRefresh();
    await client.open(copy, fs.readFileSync(path.join(ws, '20250211-林晓红.reply'), 'utf8'));
    assert.ok(codes(await pull(client, copy)).includes('register-duplicate-reply'));
    await refreshed;
    const first = (await pull(client, uri)).find((d) => d.code === 'register-duplicate-reply');
    assert.ok(msg(first).includes('copy.reply'), msg(first));
    // closing the copy (never saved) leaves one reply again
    const again = client.waitForRefresh();
    await client.close(copy);
    await again;
    assert.ok(!codes(await pull(client, uri)).includes('register-duplicate-reply'));
  });

  it('pushes the duplicate to a push client’s other open reply', async () => {
    const { ws, client } = await setup(false);
    const a = await openFile(client, path.join(ws, '20250227-陈思远.reply'));
    await client.waitForDiagnostics(a);
    const b = uriOf(path.join(ws, 'b.reply'));
    await client.open(b, fs.readFileSync(path.join(ws, '20250227-陈思远.reply'), 'utf8'));
    const p = await client.waitForDiagnostics(a, (x) => x.diagnostics.some((d) => d.code === 'register-duplicate-reply' && msg(d).includes('b.reply')));
    assert.ok(p.diagnostics.length > 0);
  });

  it('refuses a register outside the project folder or the workspace folder, with a clear message', async () => {
    const { ws, client } = await setup();
    fs.writeFileSync(path.join(ws, '.proposal-reply.json'), '{ "register": "../outside.csv" }');
    fs.copyFileSync(path.join(ws, 'register.csv'), path.join(path.dirname(ws), 'outside.csv'));
    const uri = await openFile(client, path.join(ws, '20250211-林晓红.reply'));
    const ds = await pull(client, uri);
    assert.ok(!codes(ds).some((c) => c.startsWith('register-')));
    const m = await client.waitForMessage((x) => x.message.includes('register'));
    assert.match(m.message, /登记表路径“\.\.\/outside\.csv”在项目文件所在文件夹之外，已忽略/);
    const view = await batch(client, ws);
    assert.match(view.batches[0]!.problem!, /之外/);
    assert.deepEqual(view.batches[0]!.groups, []);

    // a project file above the workspace folder may not reach beside it either
    const outer = workspace();
    dirs.push(outer);
    const sub = path.join(outer, 'replies');
    fs.mkdirSync(sub);
    fs.renameSync(path.join(outer, '20250211-林晓红.reply'), path.join(sub, '20250211-林晓红.reply'));
    const inner = await start(sub);
    const reply = await openFile(inner, path.join(sub, '20250211-林晓红.reply'));
    assert.ok(!codes(await pull(inner, reply)).some((c) => c.startsWith('register-')));
    const m2 = await inner.waitForMessage((x) => x.message.includes('工作区'));
    assert.match(m2.message, /登记表“register\.csv”不在工作区文件夹之内，已忽略/);
  });

  it('reads the register again when it changes on disk', async () => {
    const { ws, client } = await setup();
    const uri = await openFile(client, path.join(ws, '20250211-林晓红.reply'));
    assert.ok(!codes(await pull(client, uri)).includes('register-title-mismatch'));
    const file = path.join(ws, 'register.csv');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('关于推进中小学心理健康教育全覆盖的建议', '关于推进心理健康教育的建议').replace('\n0045,', '\n,'));
    const refreshed = client.waitForRefresh();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 2 }] });
    await refreshed;
    const mismatch = (await pull(client, uri)).find((d) => d.code === 'register-title-mismatch');
    assert.ok(msg(mismatch).includes('《关于推进心理健康教育的建议》'), msg(mismatch));
    const p = await client.waitForDiagnostics(uriOf(file), (x) => x.diagnostics.length === 1);
    assert.equal(msg(p.diagnostics[0]), '第 5 行，“编号”列：编号为空，此行已跳过。');
  });

  it('answers the batch view with the entries grouped by state, counted, overdue marked', async () => {
    const { ws, client } = await setup();
    const view = await batch(client, ws);
    assert.equal(view.batches.length, 1);
    const b = view.batches[0]!;
    assert.equal(b.label, 'batch · register.csv');
    assert.equal(b.registerUri, uriOf(path.join(ws, 'register.csv')));
    assert.deepEqual(b.groups.map((g) => g.label), ['未答复 (2)', '有错误 (1)', '有警告 (3)', '已完成 (2)']);
    assert.deepEqual(b.groups.map((g) => g.count), [2, 1, 3, 2]);
    const missing = b.groups[0]!.items;
    assert.deepEqual(missing.map((i) => i.entryKey), ['45', '20250263']);
    assert.ok(missing.every((i) => i.overdue && i.replyUri === undefined));
    const warnings = b.groups[2]!.items;
    assert.deepEqual(warnings.map((i) => i.label), ['第20250227号 关于加强中小学校园食品安全管理的建议', '第0031号 关于优化学校周边道路交通秩序的建议', '20250299-蔡丽娟.reply']);
    assert.equal(warnings[1]!.duplicate, true);
    assert.equal(warnings[2]!.description, '登记表中没有');
    assert.equal(warnings[0]!.replyUri, uriOf(path.join(ws, '20250227-陈思远.reply')));
    // the same counts as the CLI's report of the folder
    const report = await client.request<ReportResult>('proposalReply/report', { projectFile: uriOf(path.join(ws, '.proposal-reply.json')), format: 'json' });
    const totals = (JSON.parse(report.text) as { totals: Record<string, number> }).totals;
    assert.deepEqual([totals.missing, totals.errors, totals.warnings, totals.complete, totals.duplicates, totals.unregistered], [2, 1, 3, 2, 2, 1]);
    assert.match(report.summary, /^共 8 行：未答复 2，有错误 1，有警告 3，已完成 2/);
    // an edit that corrects the number in the draft with errors moves it to the warnings
    const file = path.join(ws, '0031-黄建国.reply');
    const uri = await openFile(client, file);
    await client.change(uri, 2, [{ text: fs.readFileSync(file, 'utf8').replace('第0013号', '第0031号') }]);
    const after = await batch(client, ws);
    assert.deepEqual(after.batches[0]!.groups.map((g) => g.count), [2, 0, 4, 2]);
  });

  it('tells the batch view when a reply or the register changes on disk, and the next answer has it', async () => {
    const { ws, client } = await setup();
    assert.deepEqual((await batch(client, ws)).batches[0]!.groups.map((g) => g.count), [2, 1, 3, 2]);
    let told = 0;
    let onTold: () => void = () => undefined;
    client.connection.onNotification(BATCH_CHANGED_NOTIFICATION, () => {
      told++;
      onTold();
    });
    const nextNotice = (what: string): Promise<void> => withTimeout(new Promise<void>((resolve) => { onTold = resolve; }), 15000, () => `no ${BATCH_CHANGED_NOTIFICATION} after ${what}`);
    const watched = (file: string, type: 1 | 2 | 3): Promise<void> => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type }] });

    // a reply for entry 45, written by another program (a checkout, a copy): it leaves the “no reply” group
    const created = path.join(ws, '0045-新的答复.reply');
    fs.writeFileSync(created, fs.readFileSync(path.join(ws, '20250211-林晓红.reply'), 'utf8'));
    let notice = nextNotice('a reply created on disk');
    await watched(created, 1);
    await notice;
    assert.equal(told, 1);
    const after = (await batch(client, ws)).batches[0]!;
    assert.ok(after.groups.flatMap((g) => g.items).some((i) => i.replyUri === uriOf(created)), 'the new reply is in the batch');
    assert.equal(after.groups.reduce((n, g) => n + g.count, 0), 9);

    // deleted again: told again, and the batch is as before
    fs.rmSync(created);
    notice = nextNotice('a reply deleted on disk');
    await watched(created, 3);
    await notice;
    assert.deepEqual((await batch(client, ws)).batches[0]!.groups.map((g) => g.count), [2, 1, 3, 2]);

    // the register itself
    notice = nextNotice('the register changed on disk');
    await watched(path.join(ws, 'register.csv'), 2);
    await notice;
    assert.equal(told, 3);
  });

  it('gives a new reply for an entry its conventional name in the project folder and a skeleton that links to it', async () => {
    const { ws, client } = await setup();
    const project = uriOf(path.join(ws, '.proposal-reply.json'));
    const r = await client.request<NewReplyResult>('proposalReply/newReply', { projectFile: project, entryKey: '45' });
    assert.equal(r.uri, uriOf(path.join(ws, '0045-吴丽萍.reply')));
    assert.ok(r.text.startsWith('厦门市教育局关于市十六届人大四次会议第0045号建议的答复\n'), r.text);
    await client.open(r.uri, r.text);
    const ds = await pull(client, r.uri);
    assert.ok(!codes(ds).some((c) => c.startsWith('register-') && c !== 'register-deadline-passed'), codes(ds).join());
    const html = await client.request<ReportResult>('proposalReply/report', { projectFile: project, format: 'html', outputUri: uriOf(path.join(ws, 'out', 'r.html')) });
    assert.ok(html.text.startsWith('<!doctype html>'), html.text.slice(0, 40));
    assert.ok(html.text.includes('href="../20250211-%E6%9E%97%E6%99%93%E7%BA%A2.reply"'));
    assert.equal(await client.request('proposalReply/newReply', { projectFile: project, entryKey: 'nope' }), null);
  });
});
