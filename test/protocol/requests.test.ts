/**
 * The custom requests the VS Code client renders: the structure answer (status bar, reviewer view),
 * the pasted-text cleanup (one annotated edit with a preview), renumbering, and the workspace check
 * of files that are not open.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { CheckFilesResult, CleanupResult, RenumberResult, StructureReport } from '../../server/src/protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { foldWidth } from '../../server/src/core/text';
import { EXAMPLES, readText, seedPath } from '../support/fixtures';
import { applyLspEdits, editsOf, TestClient } from '../support/lspClient';

const L = (...ls: string[]): string => ls.join('\n');

describe('protocol: structure, cleanup, renumber, workspace check', function () {
  this.timeout(60000);
  let client: TestClient;
  let n = 0;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(async () => client.stop());

  const open = async (text: string): Promise<string> => {
    const uri = `file:///requests/doc${++n}.reply`;
    await client.open(uri, text);
    return uri;
  };
  const pull = async (uri: string): Promise<Diagnostic[]> => (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;

  it('reports seed 000 as 6 of 7 required elements, next steps missing, with the insertion', async () => {
    const text = readText(seedPath('000_'));
    const uri = await open(text);
    const s = await client.request<StructureReport>('proposalReply/structure', { textDocument: { uri } });
    assert.equal(`${s.kindLabel} ${s.present}/${s.total}`, '提案答复 6/7');
    assert.deepEqual(s.items.map((i) => `${i.label}:${i.state}`), ['主送:present', '收文说明:present', '正文措施:problem', '下一步:missing', '结束语:present', '署名:present', '成文日期:present']);
    assert.deepEqual(s.counts, { error: 0, warning: 2, information: 5, hint: 29 });
    const measures = s.items[2]!;
    assert.deepEqual(measures.problems.map((p) => `${p.ruleId}@${p.range.start.line + 1}`), ['numbering-level@17', 'numbering-level@27', 'numbering-level@35', 'numbering-level@57']);
    const next = s.items[3]!;
    assert.equal(next.insert?.title, '插入“下一步”段落');
    assert.equal(s.items[6]!.excerpt, '2019年10月15日');
    assert.deepEqual(s.items[6]!.range, { start: { line: 76, character: 0 }, end: { line: 76, character: 11 } });
    // inserting it completes the structure
    const fixed = applyLspEdits(text, [...next.insert!.edits]);
    const lines = text.split('\n');
    // paragraphs there are a blank line apart, and so is the inserted one
    assert.equal(fixed, [...lines.slice(0, 72), '下一步，我们将……', '', ...lines.slice(72)].join('\n'));
    const again = await client.request<StructureReport>('proposalReply/structure', { textDocument: { uri: await open(fixed) } });
    assert.equal(`${again.present}/${again.total}`, '7/7');
  });

  it('lists what a broken draft lacks, each with its template, and counts next steps only in a long reply', async () => {
    const file = path.join(EXAMPLES, 'flawed', '01-missing-elements.reply');
    const uri = pathToFileURL(file).href;
    await client.open(uri, readText(file));
    const s = await client.request<StructureReport>('proposalReply/structure', { textDocument: { uri } });
    assert.deepEqual(s.items.map((i) => `${i.element}:${i.state}:${i.required}`), [
      'addressee:missing:true', 'receipt:missing:true', 'measure:present:true', 'nextSteps:missing:true', 'closing:missing:true', 'signature:missing:true', 'date:missing:true',
    ]);
    const d = new Date();
    // the organisation comes from the project file beside the example
    assert.deepEqual(s.items.filter((i) => i.insert).map((i) => i.insert!.title), [
      '插入主送行', '插入收文说明', '插入“下一步”段落', '插入结束语', '插入署名“厦门市教育局”', `插入今天的日期“${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日”`,
    ]);
    assert.equal(`${s.present}/${s.total}`, '1/7');
    const short = await client.request<StructureReport>('proposalReply/structure', { textDocument: { uri: await open(L('林灵委员：', '您提出的《关于X的建议》收悉，现答复如下：', '我局已出台办法。', '此复。', '厦门市教育局', '2025年5月20日')) } });
    assert.equal(`${short.present}/${short.total}`, '6/6');
    assert.deepEqual(short.items.filter((i) => !i.required).map((i) => i.element), ['nextSteps']);
    assert.equal(short.items.find((i) => i.element === 'measure')!.state, 'present');
    const clean = await client.request<StructureReport>('proposalReply/structure', { textDocument: { uri: await open(readText(path.join(EXAMPLES, 'clean', 'co-handling-opinion.reply'))) } });
    assert.equal(`${clean.kind} ${clean.present}/${clean.total}`, 'co-handling-opinion 6/6');
  });

  it('cleans up pasted text as one edit of the version it was made for, changing only what it names', async () => {
    const text = L('厦门市教育局关于第20250136号提案的答复 | ||||', '发布时间：2025-03-02 09:30　浏览次数：128次', '陈明远委员: 您提出的《关于X的建议》收悉,现答复如下: 一、健全机制。内容。 二、丰富内容。内容。', '分享到：');
    const uri = await open(text);
    const r = await client.request<CleanupResult>('proposalReply/cleanup', { textDocument: { uri } });
    assert.equal(r.summary.text, '删除网页残留 3 处（整行 2 行），拆分粘连段落 3 处，半角标点改为全角 3 处。');
    // applied at once when accepted (no annotation asks for a confirmation that VS Code shows unticked)
    assert.equal(r.edit.changeAnnotations, undefined);
    const change = r.edit.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: Array<{ annotationId?: string }> };
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.ok(change.edits.every((e) => e.annotationId === undefined));
    const out = applyLspEdits(text, editsOf(r.edit, uri));
    assert.equal(out, L('厦门市教育局关于第20250136号提案的答复', '陈明远委员：', '您提出的《关于X的建议》收悉，现答复如下：', '一、健全机制。内容。', '二、丰富内容。内容。', ''));
    const again = await client.request<CleanupResult>('proposalReply/cleanup', { textDocument: { uri: await open(out) } });
    assert.deepEqual(again.edit, {});
    assert.equal(again.summary.text, '没有需要清理的内容。');
  });

  it('reads a reply copied from a PDF as its paragraphs, and the clean-up joins their lines', async () => {
    const text = readText(path.join(EXAMPLES, 'flawed', '05-copied-from-pdf.reply'));
    const uri = await open(text);
    const codes = (await pull(uri)).map((d) => `${d.range.start.line}:${d.code}`);
    // each paragraph the page width broke is one finding where it starts, and nothing else is amiss
    assert.deepEqual(codes, ['0:paragraph-line-break', '4:paragraph-line-break', '8:paragraph-line-break', '12:paragraph-line-break', '15:paragraph-line-break']);
    const r = await client.request<CleanupResult>('proposalReply/cleanup', { textDocument: { uri } });
    assert.equal(r.summary.text, '合并段内换行 7 处。');
    const out = applyLspEdits(text, editsOf(r.edit, uri));
    // the same characters, the paragraphs' line breaks gone
    assert.equal(out.replace(/\n/g, ''), text.replace(/\n/g, ''));
    assert.equal(out.split('\n').length, text.split('\n').length - 7);
    assert.deepEqual((await pull(await open(out))).map((d) => d.code), []);
  });

  it('reads a reply pasted as web-page source and cleans it up into plain text', async () => {
    const text = L('<div class="article">', '<p>陈明远委员：</p>', '<p>&nbsp;&nbsp;您提出的&ldquo;关于X的建议&rdquo;收悉，现答复如下：</p><p>一、健全机制。内容。</p>', '<p>此复。</p>', '<p>厦门市教育局</p>', '<p>2025年5月20日</p>', '</div>');
    const uri = await open(text);
    const codes = (await pull(uri)).map((d) => `${d.range.start.line}:${d.code}`);
    // the structure is read past the markup, and the markup is one finding per line; the two
    // paragraphs of line 2 (`…如下：</p><p>一、…`) run together
    assert.deepEqual(codes, ['0:pasted-junk', '1:pasted-junk', '2:pasted-junk', '2:paragraphs-run-together', '3:pasted-junk', '4:pasted-junk', '5:pasted-junk', '6:pasted-junk']);
    const r = await client.request<CleanupResult>('proposalReply/cleanup', { textDocument: { uri } });
    const out = applyLspEdits(text, editsOf(r.edit, uri));
    assert.equal(out, L('陈明远委员：', '  您提出的“关于X的建议”收悉，现答复如下：', '一、健全机制。内容。', '此复。', '厦门市教育局', '2025年5月20日', ''));
    assert.deepEqual((await pull(await open(out))).map((d) => d.code), []);
  });

  it('finds the invisible characters a paste brought, one finding a line, and the clean-up deletes them all', async () => {
    const plain = ['陈明远委员：', '您提出的《关于X的建议》收悉，现答复如下：', '一、健全机制。内容。', '此复。', '厦门市教育局', '2025年5月20日'];
    const text = L('陈明远\u200b委员：', '您提出的《关于X\u00ad的建议》收悉，\u200b\u200b现答复如下：', '一、健全机制。内容。', '此复。\u202c', '厦门市教育局', '2025年5月20日');
    const uri = await open(text);
    assert.deepEqual((await pull(uri)).map((d) => `${d.range.start.line}:${d.code}`), ['0:pasted-junk', '1:pasted-junk', '3:pasted-junk']);
    const r = await client.request<CleanupResult>('proposalReply/cleanup', { textDocument: { uri } });
    assert.equal(r.summary.text, '删除不可见字符 4 处。');
    assert.equal(applyLspEdits(text, editsOf(r.edit, uri)), L(...plain));
  });

  it('cleans a reply typed the Latin way into Chinese punctuation with no blanks after it', async () => {
    const text = L('林灵委员:', '您提出的《关于加强教育的建议》收悉。 经认真研究, 现答复如下:', '一、加强领导。 我局成立了专班, 由局长任组长。', '此复。', '厦门市教育局', '2025年5月20日');
    const uri = await open(text);
    const r = await client.request<CleanupResult>('proposalReply/cleanup', { textDocument: { uri } });
    assert.equal(r.summary.text, '删除标点之后的空格 4 处，半角标点改为全角 4 处。');
    const out = applyLspEdits(text, editsOf(r.edit, uri));
    assert.equal(out, L('林灵委员：', '您提出的《关于加强教育的建议》收悉。经认真研究，现答复如下：', '一、加强领导。我局成立了专班，由局长任组长。', '此复。', '厦门市教育局', '2025年5月20日'));
    assert.deepEqual((await pull(await open(out))).map((d) => d.code), []);
  });

  for (const seed of ['000_', '001_', '002_', '003_', '004_']) {
    it(`cleans seed ${seed} of junk and half-width punctuation and keeps every other character`, async () => {
      const text = readText(seedPath(seed));
      const uri = await open(text);
      const before = await pull(uri);
      const r = await client.request<CleanupResult>('proposalReply/cleanup', { textDocument: { uri } });
      const out = applyLspEdits(text, editsOf(r.edit, uri));
      const after = await pull(await open(out));
      assert.equal(after.filter((d) => d.code === 'pasted-junk').length, 0);
      assert.equal(after.filter((d) => d.code === 'punctuation-width').length, 0);
      // the content: the original without its junk, compared without blanks, line breaks and width
      const junk = before.filter((d) => d.code === 'pasted-junk');
      const doc = TextDocument.create(uri, 'proposal-reply', 1, text);
      const withoutJunk = applyLspEdits(text, junk.map((d) => ({ range: d.range, newText: '' })));
      const norm = (s: string): string => foldWidth(s).replace(/。/g, '.').replace(/[\s\u3000]+/g, '');
      assert.equal(norm(out), norm(withoutJunk));
      const content = (t: string): number => t.split('\n').filter((l) => l.trim() !== '').length;
      const junkLines = junk.reduce((n, d) => n + doc.getText(d.range).split('\n').filter((l) => l.trim() !== '').length, 0);
      assert.ok(content(out) >= content(text) - junkLines, 'no line of content lost');
    });
  }

  it('renumbers a whole document or one level on request', async () => {
    const text = readText(path.join(EXAMPLES, 'flawed', '02-numbering.reply'));
    const uri = await open(text);
    const all = await client.request<RenumberResult>('proposalReply/renumber', { textDocument: { uri } });
    assert.equal(all.changed, 4);
    const level = await client.request<RenumberResult>('proposalReply/renumber', { textDocument: { uri }, position: { line: 14, character: 0 } });
    assert.equal(level.changed, 1);
    assert.equal(applyLspEdits(text, editsOf(level.edit, uri)), text.replace('五、加大', '四、加大'));
  });

  it('checks files on disk that are not open, and says why others were skipped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-check-'));
    try {
      fs.writeFileSync(path.join(dir, 'binary.reply'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
      const flawed = path.join(EXAMPLES, 'flawed');
      const drafts = fs.readdirSync(flawed).filter((f) => f.endsWith('.reply'));
      const uris = [
        ...drafts.map((f) => pathToFileURL(path.join(flawed, f)).href),
        pathToFileURL(path.join(dir, 'binary.reply')).href,
        pathToFileURL(path.join(dir, 'missing.reply')).href,
        'untitled:Untitled-1',
      ];
      const r = await client.request<CheckFilesResult>('proposalReply/checkFiles', { uris });
      assert.equal(r.results.length, drafts.length);
      const formats = r.results.find((x) => x.uri.endsWith('03-formats.reply'))!;
      // the project file beside the examples names the organisation, so the wrong signature is reported
      assert.ok(formats.diagnostics.some((d) => d.code === 'signature-organ'));
      assert.ok(formats.diagnostics.some((d) => d.code === 'date-invalid'));
      assert.deepEqual(r.skipped.map((s) => [path.basename(s.uri), s.reason]), [
        ['binary.reply', '二进制文件（不是文本），已跳过。'],
        ['missing.reply', '文件或文件夹不存在。'],
        ['untitled:Untitled-1', '不是磁盘上的文件'],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
