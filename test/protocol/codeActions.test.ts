/**
 * Code actions over the protocol. Every quick fix is applied and the whole resulting text is
 * compared, so that the edit is shown to change what its title names and leave every other byte.
 * Source actions renumber the document (idempotently) and make punctuation full-width.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol';
import { EXAMPLES, readText, seedFiles } from '../support/fixtures';
import { applyLspEdits, editsOf, TestClient } from '../support/lspClient';

const L = (...ls: string[]): string => ls.join('\n');
const BODY = ['您提出的《关于课后服务的建议》收悉，现答复如下：', '我局已出台办法。'];

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  /** Which of the diagnostic's quick fixes (default the first, the preferred one). */
  readonly fix?: number;
  readonly title: string;
  readonly expected: string;
}

const CASES: readonly Case[] = [
  { name: 'insert a missing addressee above the receipt line', text: L(...BODY), code: 'addressee-missing', title: '插入主送行', expected: L('×××委员：', ...BODY) },
  { name: 'insert a missing receipt line, addressing a body as 贵委', text: L('民进厦门市委：', '我局已出台办法。'), code: 'receipt-missing', title: '插入收文说明', expected: L('民进厦门市委：', '贵委提出的《×××》（第×号提案）收悉，现答复如下：', '我局已出台办法。') },
  {
    name: 'insert a closing above the signature, keeping CRLF', code: 'closing-missing', title: '插入结束语',
    text: L('林灵委员：', ...BODY, '厦门市教育局', '2025年5月20日').replace(/\n/g, '\r\n'),
    expected: L('林灵委员：', ...BODY, '感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。', '厦门市教育局', '2025年5月20日').replace(/\n/g, '\r\n'),
  },
  { name: 'insert the configured signing organisation above the date', text: L('林灵委员：', ...BODY, '此复。', '2025年5月20日'), code: 'signature-missing', title: '插入署名“厦门市教育局”', expected: L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年5月20日') },
  { name: 'insert today’s date below the signature', text: L('林灵委员：', ...BODY, '此复。', '厦门市教育局'), code: 'date-missing', title: `插入今天的日期“${today()}”`, expected: L('林灵委员：', ...BODY, '此复。', '厦门市教育局', today()) },
  { name: 'insert a contact line below the date (rule switched on in settings)', text: L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年5月20日'), code: 'contact-missing', title: '插入联系人行', expected: L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年5月20日', '（联系人：×××，联系电话：×××）') },
  {
    name: 'insert a next-steps paragraph before the closing of a long reply', code: 'next-steps-missing', title: '插入“下一步”段落',
    text: L('林灵委员：', BODY[0]!, '一、完善机制', '内容。', '二、加强保障', '内容。', '此复。', '厦门市教育局', '2025年5月20日'),
    expected: L('林灵委员：', BODY[0]!, '一、完善机制', '内容。', '二、加强保障', '内容。', '下一步，我们将……', '此复。', '厦门市教育局', '2025年5月20日'),
  },
  { name: 'replace the addressee comma by a full-width colon', text: L('林灵委员，', ...BODY), code: 'addressee-colon', title: '将“，”改为“：”', expected: L('林灵委员：', ...BODY) },
  { name: 'add the transition to a receipt line', text: L('林灵委员：', '您提出的《关于课后服务的建议》收悉。'), code: 'receipt-transition', title: '加上“现答复如下：”', expected: L('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：') },
  { name: 'end the transition with a colon', text: L('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下。'), code: 'receipt-transition', title: '改为“如下：”', expected: L('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：') },
  { name: 'end an opinion named after 如下 with a colon, after the name', text: L('市住房和城乡建设局：', '张丽华代表提出的第312号建议由你局主办，我局协办。经研究，现提出如下办理意见。'), code: 'receipt-transition', title: '改为“如下办理意见：”', expected: L('市住房和城乡建设局：', '张丽华代表提出的第312号建议由你局主办，我局协办。经研究，现提出如下办理意见：') },
  { name: 'fix the date format in place', text: L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年05月02日'), code: 'date-format', title: '改为“2025年5月2日”', expected: L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年5月2日') },
  { name: 'fix the document-number format in place', text: L('厦教提案函[25]第043号', '林灵委员：'), code: 'doc-number-format', title: '改为“厦教提案函〔2025〕43号”', expected: L('厦教提案函〔2025〕43号', '林灵委员：') },
  { name: 'renumber one marker', text: L('一、甲', '三、乙', '四、丙'), code: 'numbering-sequence', title: '改为“二、”', expected: L('一、甲', '二、乙', '四、丙') },
  { name: 'renumber the whole level', text: L('一、甲', '三、乙', '四、丙'), code: 'numbering-sequence', fix: 1, title: '重新编号本级（3 项）', expected: L('一、甲', '二、乙', '三、丙') },
  { name: 'rewrite a marker written 1、', text: L('1、加强领导'), code: 'numbering-style', title: '改为“1.”', expected: L('1.加强领导') },
  { name: 'drop the full stop after a heading', text: L('一、加强领导。', '正文。'), code: 'heading-punctuation', title: '删除句号', expected: L('一、加强领导', '正文。') },
  {
    name: 'make one paragraph’s punctuation full-width, leaving numbers and other paragraphs', code: 'punctuation-width', title: '将本段 2 处半角标点改为全角',
    text: L('您提出的建议收悉,现答复如下:', '全市投入1,000万元(含配套),会议10:30开始。', '林灵委员:'),
    expected: L('您提出的建议收悉，现答复如下：', '全市投入1,000万元(含配套),会议10:30开始。', '林灵委员:'),
  },
  { name: 'delete a junk line with its line break', text: L('标题', '发布时间：2019-10-30　浏览次数：0次', '林灵委员：'), code: 'pasted-junk', title: '删除此行', expected: L('标题', '林灵委员：') },
  { name: 'delete only the table borders of a content line', text: L('普洱市教育体育局答复函 | ||||', '林灵委员：'), code: 'pasted-junk', title: '删除这些字符', expected: L('普洱市教育体育局答复函', '林灵委员：') },
  { name: 'fit the form of address to one person', text: L('林灵委员：', '你们提出的《关于课后服务的建议》收悉，现答复如下：'), code: 'address-form-mismatch', title: '将此处改为“您”', expected: L('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：') },
  { name: 'call a deputy’s item a suggestion', text: L('郑海涛代表：', '您提出的第12号提案收悉，现答复如下：'), code: 'kind-mismatch', title: '改为“建议”', expected: L('郑海涛代表：', '您提出的第12号建议收悉，现答复如下：') },
  { name: 'choose an allowed category', text: L('答复类别：D类', '林灵委员：'), code: 'category-invalid', fix: 1, title: '改为“B”', expected: L('答复类别：B类', '林灵委员：') },
  { name: 'sign with the configured organisation', text: L('林灵委员：', ...BODY, '此复。', '厦门市财政局', '2025年5月20日'), code: 'signature-organ', title: '改为“厦门市教育局”', expected: L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年5月20日') },
];

describe('protocol: code actions', function () {
  this.timeout(60000);
  let client: TestClient;
  let n = 0;
  before(async () => {
    client = await TestClient.start({ pull: true, settings: { organization: '厦门市教育局', rules: { 'contact-missing': 'warning' } } });
  });
  after(async () => client.stop());

  const openAndPull = async (text: string): Promise<{ uri: string; items: Diagnostic[] }> => {
    const uri = `file:///actions/doc${++n}.reply`;
    await client.open(uri, text);
    const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return { uri, items };
  };
  const actionsFor = (uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });

  for (const c of CASES) {
    it(`quick fix: ${c.name}`, async () => {
      const { uri, items } = await openAndPull(c.text);
      const d = items.find((x) => x.code === c.code);
      assert.ok(d, `${c.code} not reported; got ${items.map((x) => x.code).join(', ')}`);
      const actions = await actionsFor(uri, d.range, [d], ['quickfix']);
      const action = actions[c.fix ?? 0];
      assert.ok(action, `no quick fix ${c.fix ?? 0}`);
      assert.equal(action.title, c.title);
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.isPreferred, (c.fix ?? 0) === 0);
      assert.deepEqual(action.diagnostics, [d]);
      assert.equal(applyLspEdits(c.text, editsOf(action.edit!, uri)), c.expected);
    });
  }

  it('every quick fix on the flawed examples and the seeds resolves its finding and touches only its place', async () => {
    const files = [
      ...fs.readdirSync(path.join(EXAMPLES, 'flawed')).filter((f) => f.endsWith('.reply')).map((f) => path.join(EXAMPLES, 'flawed', f)),
      ...seedFiles(),
    ];
    let fixes = 0;
    const rules = new Set<string>();
    for (const file of files) {
      const text = readText(file);
      const uri = pathToFileURL(file).href;
      await client.open(uri, text);
      const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of items) {
        const actions = await actionsFor(uri, d.range, [d], ['quickfix']);
        for (const a of actions) {
          const edits: TextEdit[] = editsOf(a.edit!, uri);
          assert.ok(edits.length > 0, `${d.code}: an empty fix`);
          for (const e of edits) {
            // an edit stays on the diagnostic's lines or next to them (blank lines between do not count),
            // or rewrites a numbering marker of the same run
            const from = Math.min(e.range.end.line, d.range.end.line) + 1;
            const to = Math.max(e.range.start.line, d.range.start.line) - 1;
            const near = lines.slice(from, to + 1).every((l) => l.trim() === '') || Math.abs(e.range.start.line - d.range.start.line) <= 1;
            const marker = d.code === 'numbering-sequence' && e.range.start.line === e.range.end.line &&
              /^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]?$/.test(lines[e.range.start.line]!.slice(e.range.start.character, e.range.end.character));
            assert.ok(near || marker, `${path.basename(file)} ${d.code} “${a.title}” edits line ${e.range.start.line + 1}, far from line ${d.range.start.line + 1}`);
          }
          const fixedUri = `file:///actions/fixed${++n}.reply`;
          await client.open(fixedUri, applyLspEdits(text, edits));
          const after = (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: fixedUri } })).items;
          const count = (list: Diagnostic[]): number => list.filter((x) => x.code === d.code && x.message === d.message).length;
          assert.ok(count(after) < count(items), `${path.basename(file)}: “${a.title}” did not resolve ${d.code}: ${d.message as string}`);
          // a fix that inserts a template leaves its placeholders to fill in (placeholder-left): no other error
          const errors = (list: Diagnostic[]): number => list.filter((x) => x.severity === 1 && x.code !== 'placeholder-left').length;
          assert.ok(errors(after) <= errors(items), `${path.basename(file)}: “${a.title}” added an error`);
          await client.close(fixedUri);
          fixes++;
          rules.add(d.code as string);
        }
      }
    }
    assert.ok(fixes > 100, `only ${fixes} fixes checked`);
    assert.ok(rules.size >= 12, `fixes of only ${[...rules].join(', ')}`);
  });

  it('renumbers the whole document as a source action, changing only the numerals, and twice is once', async () => {
    const text = readText(path.join(EXAMPLES, 'flawed', '02-numbering.reply'));
    const { uri } = await openAndPull(text);
    const end = { line: text.split('\n').length, character: 0 };
    const actions = await actionsFor(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.renumber']);
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.renumber', '重新编号全文标题（改动 4 处编号）']]);
    const once = applyLspEdits(text, editsOf(actions[0]!.edit!, uri));
    assert.equal(once, text.replace('（一）、开放', '（二）、开放').replace('(二)完善', '(一)完善').replace('五、加大', '四、加大').replace('三是提升', '二是提升'));
    const { uri: again } = await openAndPull(once);
    assert.deepEqual(await actionsFor(again, { start: { line: 0, character: 0 }, end }, [], ['source.renumber']), []);
    const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: again } });
    assert.ok(!items.some((d) => d.code === 'numbering-sequence'));
  });

  it('renumbers the level at the cursor as a refactoring', async () => {
    const text = L('一、甲', '（一）子', '（三）子', '二、乙', '（二）丑');
    const { uri } = await openAndPull(text);
    const actions = await actionsFor(uri, { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, [], ['refactor']);
    const a = actions.find((x) => x.kind === 'refactor.rewrite.renumber');
    assert.ok(a);
    assert.equal(a.title, '重新编号本级（改动 1 处编号）');
    assert.equal(applyLspEdits(text, editsOf(a.edit!, uri)), L('一、甲', '（一）子', '（二）子', '二、乙', '（二）丑'));
  });

  it('makes punctuation full-width in the selection only, or in the whole document', async () => {
    const text = L('林灵委员:', '您提出的建议收悉,现答复如下:', '我局已出台办法(试行),正在实施.');
    const { uri } = await openAndPull(text);
    const selection = { start: { line: 1, character: 0 }, end: { line: 1, character: 15 } };
    const sel = (await actionsFor(uri, selection, [], ['refactor'])).find((x) => x.kind === 'refactor.rewrite.fullWidth');
    assert.ok(sel);
    assert.equal(sel.title, '将选中文字的 2 处半角标点改为全角');
    assert.equal(applyLspEdits(text, editsOf(sel.edit!, uri)), L('林灵委员:', '您提出的建议收悉，现答复如下：', '我局已出台办法(试行),正在实施.'));
    const all = (await actionsFor(uri, selection, [], ['source.fullWidth']))[0];
    assert.ok(all);
    assert.equal(applyLspEdits(text, editsOf(all.edit!, uri)), L('林灵委员：', '您提出的建议收悉，现答复如下：', '我局已出台办法（试行），正在实施。'));
  });

  it('offers no quick fix for a diagnostic from elsewhere or one it did not make', async () => {
    const { uri, items } = await openAndPull(L('林灵委员，', ...BODY));
    const d = items.find((x) => x.code === 'addressee-colon')!;
    assert.deepEqual(await actionsFor(uri, d.range, [{ ...d, source: 'another-linter' }], ['quickfix']), []);
    assert.deepEqual(await actionsFor(uri, d.range, [{ ...d, range: { start: d.range.start, end: { line: 1, character: 2 } } }], ['quickfix']), []);
  });
});
