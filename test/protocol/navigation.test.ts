/**
 * Document symbols, folding ranges and hover over the protocol, on real text.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, FoldingRange, Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { EXAMPLES, readText, seedPath } from '../support/fixtures';
import { TestClient } from '../support/lspClient';

const SEED_TEXT = readText(seedPath('000_'));
const SEED_URI = pathToFileURL(seedPath('000_')).href;
const CLEAN_PATH = path.join(EXAMPLES, 'clean', 'proposal-reply.reply');
const CLEAN = readText(CLEAN_PATH);

function value(h: Hover | null): string {
  assert.ok(h, 'no hover');
  return (h.contents as { value: string }).value;
}

describe('protocol: symbols, folding, hover', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
    await client.open(SEED_URI, SEED_TEXT);
    await client.open(pathToFileURL(CLEAN_PATH).href, CLEAN);
  });
  after(async () => client.stop());

  it('gives the outline of seed 000: header, addressee, receipt, measures nested by level, closing, signature, date', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SEED_URI } });
    assert.deepEqual(symbols.map((s) => s.name), [
      '文头', '主送：***委员会', '收文说明：《关于大力推进我市教育优质均衡的建议》', '开头：贵阳市委、市政府一直以来高度重视教育发展,自“教…',
      '一、优化教育资源布局规划', '二、多渠道增加优质教育资源供给', '三、多渠道保障师资队伍和教育经费', '四、完善工作机制和激励制度',
      '五、打造优质教育人才队伍', '六、扶持薄弱学校优质发展', '七、积极为学校和教师 “松绑”',
      '结束语：谨此回复。感谢贵委对贵阳教育工作的大力支持,敬请…', '署名：贵阳市教育局', '成文日期：2019年10月15日',
    ]);
    assert.deepEqual(symbols[0]!.children!.map((s) => s.name), ['发文字号：筑教提复〔2019〕45号', '标题：市教育局关于市政协十二届三次会议第41019号界别提案的答复']);
    const second = symbols[5]!;
    assert.equal(second.detail, '一级标题');
    assert.deepEqual(second.children!.map((s) => `${s.name} · ${s.detail}`), ['1.加强小区配建力度 · 三级标题', '2.加强教育开放合作力度 · 三级标题', '3.加强本地优质资源引领辐射 · 三级标题', '4.按期推进“百校攻坚”行动 · 三级标题']);
    assert.deepEqual(second.range, { start: { line: 14, character: 0 }, end: { line: 22, character: SEED_TEXT.split('\n')[22]!.length } });
    assert.deepEqual(second.selectionRange, { start: { line: 14, character: 0 }, end: { line: 14, character: 15 } });
    // every selection range lies inside its range, every child inside its parent
    const check = (list: readonly DocumentSymbol[], parent?: DocumentSymbol): void => {
      for (const s of list) {
        const inside = (a: DocumentSymbol['range'], b: DocumentSymbol['range']): boolean =>
          (a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character)) &&
          (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.character <= b.end.character));
        assert.ok(inside(s.selectionRange, s.range), s.name);
        if (parent) assert.ok(inside(s.range, parent.range), `${s.name} in ${parent.name}`);
        check(s.children ?? [], s);
      }
    };
    check(symbols);
  });

  it('nests next steps and sub-items in the clean example, and flattens for a client without hierarchy', async () => {
    const uri = pathToFileURL(CLEAN_PATH).href;
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const third = symbols.find((s) => s.name.startsWith('三、'))!;
    assert.deepEqual(third.children!.map((s) => s.name), ['（一）建立质量监测制度', '（二）畅通家长反馈渠道']);
    assert.deepEqual(third.children![1]!.children!.map((s) => `${s.name} · ${s.detail}`), ['下一步，我局将继续完善课后服务政策体系：… · 下一步']);
    assert.deepEqual(symbols[0]!.children!.map((s) => s.name), ['发文字号：厦教提案函〔2025〕18号', '标题：厦门市教育局关于市政协十四届四次会议第20250136号提案的答复', '答复类别：A']);
    assert.deepEqual(symbols.slice(-6).map((s) => s.name), [
      '结束语：此复。感谢您对教育工作的关心和支持，欢迎继续提出…', '署名：厦门市教育局', '成文日期：2025年5月20日',
      '（联系人：林晓，联系电话：0592-1234567）', '附注：（此件公开发布）', '抄送：市政协提案委员会，市政府督查室。',
    ]);
    const flat = await TestClient.start({ pull: true, hierarchicalSymbols: false });
    try {
      await flat.open(uri, CLEAN);
      const infos = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const item = infos.find((s) => s.name === '（二）畅通家长反馈渠道')!;
      assert.equal(item.containerName, '三、强化课后服务监督评价');
      assert.equal(item.location.uri, uri);
      // header + its 3, addressee, receipt, opening, 3 sections + 6 items + next steps, closing, signature, date, contact, annotation, copy-to
      assert.equal(infos.length, 4 + 3 + 9 + 1 + 6);
    } finally {
      await flat.stop();
    }
  });

  it('folds the header, every measure section and the foot', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: pathToFileURL(CLEAN_PATH).href } });
    assert.deepEqual(folds, [
      { startLine: 0, endLine: 5, kind: 'region' },
      { startLine: 13, endLine: 17 },
      { startLine: 19, endLine: 23 },
      { startLine: 25, endLine: 31 },
      { startLine: 29, endLine: 31 },
      { startLine: 35, endLine: 42, kind: 'region' },
    ]);
    const seedFolds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: SEED_URI } });
    assert.deepEqual(seedFolds.filter((f) => !f.kind).map((f) => `${f.startLine + 1}-${f.endLine + 1}`), ['11-13', '15-23', '25-31', '33-39', '41-49', '51-65', '67-71']);
  });

  it('shows a marker’s path and level with the finding on it, its rule and its norm source', async () => {
    const text = value(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: SEED_URI }, position: { line: 16, character: 0 } }));
    // (the message quotes the reply, so its ASCII punctuation is escaped: “1\.”)
    assert.match(text, /^\*\*信息\*\* `numbering-level` · 编号层级不规范\n\n“1\\\.”一级直接用在“二、”之下/);
    assert.match(text, /- GB\/T 9704-2012 7\.3\.3：/);
    assert.match(text, /\[规则说明\]\(file:\/\/\/.*\/docs\/rules\/numbering-level\.md\)/);
    assert.match(text, /\*\*标题\*\* 二 › 1\n\nGB\/T 9704-2012 7\.3\.3 第三层（写作“1\.”“2\.”……）：加强小区配建力度$/);
    const deep = value(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: pathToFileURL(CLEAN_PATH).href }, position: { line: 29, character: 1 } }));
    assert.equal(deep, '**标题** 三 › （二）\n\nGB/T 9704-2012 7.3.3 第二层（写作“（一）”“（二）”……）：畅通家长反馈渠道');
  });

  it('shows a category value’s meaning, and nothing on plain text', async () => {
    const uri = pathToFileURL(CLEAN_PATH).href;
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 5 } });
    assert.equal(value(h), '**答复类别 A**：所提问题已经解决或基本解决，所提建议已被采纳');
    assert.deepEqual(h!.range, { start: { line: 5, character: 5 }, end: { line: 5, character: 6 } });
    assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 8 } }), null);
  });

  it('shows a rule’s norm source on its id in the project file', async () => {
    const file = path.join(EXAMPLES, 'flawed', '.proposal-reply.json');
    const uri = pathToFileURL(file).href;
    const text = readText(file);
    await client.open(uri, text, 'json');
    const line = text.split('\n').findIndex((l) => l.includes('"contact-missing"'));
    const character = text.split('\n')[line]!.indexOf('contact-missing') + 3;
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    const v = value(h);
    assert.match(v, /^\*\*`contact-missing`\*\* · 缺少联系人及电话/);
    assert.match(v, /默认级别：关闭（off）/);
    assert.match(v, /依据：\n- /);
    // the project file gets no diagnostics and no completion of its own from this server
    const report = await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items, []);
  });
});
