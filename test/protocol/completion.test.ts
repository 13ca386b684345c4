/**
 * Completion over the protocol at several positions of real text: numbering markers at the right
 * level, the receipt-line skeleton, transitions, category values, closings, the configured signing
 * organisation and today's date; snippet syntax only for clients that support it.
 */
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { EXAMPLES, readText, seedPath } from '../support/fixtures';
import { applyLspEdits, TestClient } from '../support/lspClient';
import * as path from 'node:path';

const SEED_TEXT = readText(seedPath('000_'));
const SEED_URI = pathToFileURL(seedPath('000_')).href;
const CLEAN = readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply'));

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

function items(r: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(r) ? r : r?.items ?? [];
}

describe('protocol: completion', function () {
  this.timeout(30000);
  let client: TestClient;
  let plain: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true, snippets: true, settings: { organization: '厦门市教育局' } });
    plain = await TestClient.start({ pull: true, snippets: false });
  });
  after(async () => {
    await client.stop();
    await plain.stop();
  });

  const complete = async (c: TestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> =>
    items(await c.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } }));

  it('offers the next marker at each level in seed 000, in the order the place suggests', async () => {
    await client.open(SEED_URI, SEED_TEXT);
    // line 14: between the paragraph of 一、 and the heading 二、
    const l14 = await complete(client, SEED_URI, 13, 0);
    assert.deepEqual(l14.slice(0, 2).map((i) => i.label), ['二、', '1.']);
    assert.match(l14[0]!.detail!, /^一级标题 · 接“一、”之后$/);
    assert.match(l14[1]!.detail!, /^三级标题 · “一、”下的第一项$/, 'under 一、 this reply numbers 1. (as under 二、), not （一）');
    // line 16: right under the heading 二、, before its first item
    const l16 = await complete(client, SEED_URI, 15, 0);
    assert.deepEqual(l16.slice(0, 2).map((i) => i.label), ['1.', '三、']);
    // line 24: after the last item 4. of the 二、 section
    const l24 = await complete(client, SEED_URI, 23, 0);
    assert.deepEqual(l24.map((i) => i.label), ['5.', '（1）', '三、', '下一步，我们将……']);
    assert.equal((l24[0]!.documentation as { value: string }).value, '标题路径：二 › 5');
    assert.deepEqual(l24[0]!.textEdit, { range: { start: { line: 23, character: 0 }, end: { line: 23, character: 0 } }, newText: '5.${1:×××}' });
    assert.equal(l24[0]!.insertTextFormat, 2);
  });

  it('follows a reply’s own levels: （二） after （一）, then 二、', async () => {
    const uri = 'file:///completion/clean.reply';
    await client.open(uri, CLEAN);
    assert.deepEqual((await complete(client, uri, 16, 0)).map((i) => i.label), ['（二）', '1.', '二、']);
    assert.deepEqual((await complete(client, uri, 18, 0)).map((i) => i.label), ['（三）', '1.', '二、']);
    // a typed character narrows the offer: 二 → 二、
    const text = CLEAN.split('\n');
    text[18] = '二';
    await client.change(uri, 2, [{ text: text.join('\n') }]);
    const narrowed = await complete(client, uri, 18, 1);
    assert.deepEqual(narrowed.map((i) => i.label), ['二、']);
    assert.deepEqual((narrowed[0]!.textEdit as TextEdit).range, { start: { line: 18, character: 0 }, end: { line: 18, character: 1 } });
    // between the closing and the signature there is nothing to offer
    assert.deepEqual(await complete(client, uri, 34, 0), []);
  });

  it('offers the receipt-line skeleton on the line after the addressee', async () => {
    const uri = 'file:///completion/receipt.reply';
    await client.open(uri, '厦门市教育局关于第20250136号提案的答复\n\n陈明远委员：\n\n');
    const list = await complete(client, uri, 3, 0);
    assert.equal(list[0]!.label, '您提出的《×××》（第×号提案）收悉，现答复如下：');
    assert.equal(list[0]!.detail, '收文说明');
    assert.equal((list[0]!.textEdit as TextEdit).newText, '您提出的《${1:×××}》（第${2:×}号提案）收悉，现答复如下：');
  });

  it('offers the standard transitions at the end of a receipt line without one', async () => {
    const uri = 'file:///completion/transition.reply';
    const line = '您提出的《关于加强课后服务的建议》（第20250136号）收悉';
    await client.open(uri, `陈明远委员：\n${line}\n`);
    const list = await complete(client, uri, 1, line.length);
    assert.deepEqual(list.map((i) => i.label), ['现答复如下：', '现将办理情况答复如下：', '现函复如下：', '现提出协办意见如下：', '现将整改情况报告如下：']);
    assert.equal((list[0]!.textEdit as TextEdit).newText, '，现答复如下：');
  });

  it('offers the category values with their meaning after 答复类别：', async () => {
    const uri = 'file:///completion/category.reply';
    await client.open(uri, CLEAN.replace('答复类别：A类', '答复类别：'));
    const list = await complete(client, uri, 5, 5);
    assert.deepEqual(list.map((i) => [i.label, i.detail, (i.textEdit as TextEdit).newText]), [
      ['A', '所提问题已经解决或基本解决，所提建议已被采纳', 'A类'],
      ['B', '所提问题正在解决或已列入计划逐步解决', 'B类'],
      ['C', '所提问题因条件限制或其他原因暂时不能解决，留作参考', 'C类'],
    ]);
  });

  it('offers closings, the configured organisation and today’s date at the tail, and the date after the signature', async () => {
    const uri = 'file:///completion/tail.reply';
    await client.open(uri, '陈明远委员：\n您提出的《关于X的建议》收悉，现答复如下：\n一、健全机制\n内容。\n\n');
    const tail = await complete(client, uri, 4, 0);
    assert.deepEqual(tail.map((i) => i.label).slice(-6), ['感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。', '此复。', '特此函复。', '特此答复。', '厦门市教育局', today()]);
    assert.equal(tail.find((i) => i.label === '厦门市教育局')!.detail, '署名（配置的发文机关）');
    const signed = 'file:///completion/signed.reply';
    await client.open(signed, '陈明远委员：\n您提出的《关于X的建议》收悉，现答复如下：\n内容。\n此复。\n厦门市教育局\n');
    assert.deepEqual((await complete(client, signed, 5, 0)).map((i) => i.label), [today()]);
  });

  it('inserts plain text for a client without snippet support', async () => {
    await plain.open(SEED_URI, SEED_TEXT);
    const list = await complete(plain, SEED_URI, 15, 0);
    const first = list[0]!;
    assert.equal(first.insertTextFormat, 1);
    assert.ok(list.every((i) => !(i.textEdit as TextEdit).newText.includes('$')));
    const lines = SEED_TEXT.split('\n');
    const result = applyLspEdits(SEED_TEXT, [first.textEdit as TextEdit]);
    lines[15] = `1.${lines[15]}`;
    assert.equal(result, lines.join('\n'));
  });
});
