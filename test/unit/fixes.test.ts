/**
 * Each rule's quick fix, applied to a small draft, gives exactly the expected text: it changes what
 * its title names and nothing else, and it inserts missing elements where they belong.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../server/src/config/resolve';
import type { TextEdit } from '../../server/src/core/vocabulary';
import { createReplyService } from '../../server/src/service';

function fix(text: string, ruleId: string, which = 0, configData: unknown = {}): string {
  const service = createReplyService({ now: () => new Date(2026, 10, 23, 12) });
  const { config } = resolveConfig([{ source: 'test', data: configData }]);
  const { findings } = service.analyze(TextDocument.create('file:///t.reply', 'proposal-reply', 1, text), config);
  const f = findings.find((x) => x.ruleId === ruleId);
  assert.ok(f, `${ruleId} did not fire`);
  const chosen = f.fixes?.[which];
  assert.ok(chosen, `${ruleId} has no fix ${which}`);
  let out = text;
  for (const e of [...chosen.edits].sort((a: TextEdit, b: TextEdit) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const L = (...ls: string[]): string => ls.join('\n');
const BODY = ['您提出的《关于课后服务的建议》收悉，现答复如下：', '我局已出台办法。'];

describe('quick fixes', () => {
  it('inserts a missing addressee above the receipt line', () => {
    assert.equal(fix(L(...BODY), 'addressee-missing'), L('×××委员：', ...BODY));
  });

  it('completes names that lost their role word', () => {
    assert.equal(fix(L('马青、周丽:', ...BODY), 'addressee-missing'), L('马青、周丽委员：', ...BODY));
  });

  it('writes in full a role word that lost a character', () => {
    assert.equal(fix(L('伏正洪代:', ...BODY), 'addressee-role-word'), L('伏正洪代表:', ...BODY));
    assert.equal(fix(L('马青、周丽等员：', ...BODY), 'addressee-role-word'), L('马青、周丽等委员：', ...BODY));
    assert.equal(fix(L('伏正洪表：', ...BODY), 'addressee-role-word'), L('伏正洪代表：', ...BODY));
  });

  it('inserts a missing receipt line below the addressee, addressing the reader correctly', () => {
    assert.equal(fix(L('民进厦门市委：', '我局已出台办法。'), 'receipt-missing'), L('民进厦门市委：', '贵委提出的《×××》（第×号提案）收悉，现答复如下：', '我局已出台办法。'));
  });

  it('inserts a closing, a signature and a date where they belong, keeping CRLF', () => {
    const crlf = L('林灵委员：', ...BODY, '厦门市教育局', '2025年5月20日').replace(/\n/g, '\r\n');
    assert.equal(fix(crlf, 'closing-missing'), L('林灵委员：', ...BODY, '感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。', '厦门市教育局', '2025年5月20日').replace(/\n/g, '\r\n'));
    assert.equal(fix(L('林灵委员：', ...BODY, '此复。', '2025年5月20日'), 'signature-missing', 0, { organization: '厦门市教育局' }), L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年5月20日'));
    assert.equal(fix(L('林灵委员：', ...BODY, '此复。', '厦门市教育局'), 'date-missing'), L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2026年11月23日'));
  });

  it('replaces the addressee mark by a full-width colon', () => {
    assert.equal(fix(L('林灵委员，', ...BODY), 'addressee-colon'), L('林灵委员：', ...BODY));
    assert.equal(fix(L('林灵委员', ...BODY), 'addressee-colon'), L('林灵委员：', ...BODY));
  });

  it('fixes date and document-number formats in place', () => {
    assert.equal(fix(L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年05月02日'), 'date-format'), L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年5月2日'));
    assert.equal(fix(L('厦教提案函[25]第043号', '林灵委员：'), 'doc-number-format'), L('厦教提案函〔2025〕43号', '林灵委员：'));
    assert.equal(fix(L('厦教提案函〔 2025 〕 43 号', '林灵委员：'), 'doc-number-format'), L('厦教提案函〔2025〕43号', '林灵委员：'));
    assert.equal(fix(L('厦教〔2025043', '林灵委员：'), 'doc-number-format'), L('厦教〔2025〕43号', '林灵委员：'));
  });

  it('renumbers one marker, or its whole run, keeping how markers are written', () => {
    const text = L('一、甲', '三、乙', '四、丙');
    assert.equal(fix(text, 'numbering-sequence'), L('一、甲', '二、乙', '四、丙'));
    assert.equal(fix(text, 'numbering-sequence', 1), L('一、甲', '二、乙', '三、丙'));
    assert.equal(fix(L('一、甲', '(一)子', '(三)子'), 'numbering-sequence'), L('一、甲', '(一)子', '(二)子'));
  });

  it('rewrites a wrongly written marker, keeping a uniformly half-width document half-width', () => {
    assert.equal(fix(L('1、加强领导'), 'numbering-style'), L('1.加强领导'));
    assert.equal(fix(L('(一)、加强领导', '(二)完善机制'), 'numbering-style'), L('(一)加强领导', '(二)完善机制'));
    assert.equal(fix(L('（一）加强领导', '(二)完善机制'), 'numbering-style'), L('（一）加强领导', '（二）完善机制'));
    assert.equal(fix(L('1）加强领导'), 'numbering-style'), L('（1）加强领导'));
    assert.equal(fix(L('1)加强领导'), 'numbering-style'), L('(1)加强领导'));
  });

  it('removes a full stop after a stand-alone heading', () => {
    assert.equal(fix(L('一、加强领导。', '正文。'), 'heading-punctuation'), L('一、加强领导', '正文。'));
  });

  it('makes one paragraph’s punctuation full-width and leaves numbers and other paragraphs alone', () => {
    const text = L('您提出的建议收悉,现答复如下:', '全市投入1,000万元(含配套),会议10:30开始。', '林灵委员:');
    assert.equal(fix(text, 'punctuation-width'), L('您提出的建议收悉，现答复如下：', '全市投入1,000万元(含配套),会议10:30开始。', '林灵委员:'));
  });

  it('makes a paragraph typed the Latin way full-width at once, a comma after a bracket too', () => {
    const text = L('林灵委员：', '工程覆盖马山县等县(区), 任务以灌溉为主, 结合城乡供水。');
    assert.equal(fix(text, 'punctuation-width'), L('林灵委员：', '工程覆盖马山县等县（区）， 任务以灌溉为主， 结合城乡供水。'));
  });

  it('deletes a junk line with its line break, and only the border characters of a content line', () => {
    assert.equal(fix(L('标题', '发布时间：2019-10-30　浏览次数：0次', '林灵委员：'), 'pasted-junk'), L('标题', '林灵委员：'));
    assert.equal(fix(L('普洱市教育体育局答复函 | ||||', '林灵委员：'), 'pasted-junk'), L('普洱市教育体育局答复函', '林灵委员：'));
    // a page's metadata table copied cell by cell goes in one fix, with the blank lines inside it
    assert.equal(fix(L('索引号', 'XM-2025-01', '', '发布机构', '市教育局', '关于第12号提案的答复', '林灵委员：'), 'pasted-junk'), L('关于第12号提案的答复', '林灵委员：'));
    // a Markdown draft's marks go
    assert.equal(fix(L('林灵委员：', '**厦门市教育局**'), 'pasted-junk'), L('林灵委员：', '厦门市教育局'));
    // a line's markup turns into its plain text; a line of markup alone goes
    assert.equal(fix(L('<p>您提出的&ldquo;关于X的建议&rdquo;收悉。</p>', '林灵委员：'), 'pasted-junk'), L('您提出的“关于X的建议”收悉。', '林灵委员：'));
    assert.equal(fix(L('林灵委员：', '<div class="x">', '您提出的建议收悉。'), 'pasted-junk'), L('林灵委员：', '您提出的建议收悉。'));
    // a line's invisible characters go, every one of them; a byte-order mark at the start stays
    assert.equal(fix(L('\ufeff林灵委员：', '您提出的\u200b\u00ad建议\u202e收悉。\u0007', '此复。\u200b'), 'pasted-junk'), L('\ufeff林灵委员：', '您提出的建议收悉。', '此复。\u200b'));
  });

  it('breaks a line that runs paragraphs together between them, keeping CRLF', () => {
    const line = '林灵委员： 您提出的《关于X的提案》收悉，现答复如下： 一、完善保障。出台办法。二、加强督导。 感谢您的关心和支持！';
    assert.equal(fix(L(line, '厦门市教育局', '2025年5月20日'), 'paragraphs-run-together'), L('林灵委员：', '您提出的《关于X的提案》收悉，现答复如下：', '一、完善保障。出台办法。', '二、加强督导。', '感谢您的关心和支持！', '厦门市教育局', '2025年5月20日'));
    const crlf = ['林灵委员： 您提出的《关于X的提案》收悉，现答复如下：', '此复。'].join('\r\n');
    assert.equal(fix(crlf, 'paragraphs-run-together'), ['林灵委员：', '您提出的《关于X的提案》收悉，现答复如下：', '此复。'].join('\r\n'));
  });

  it('adds the transition to a receipt line, and replaces a wrong mark after 如下', () => {
    assert.equal(fix(L('林灵委员：', '您提出的《关于课后服务的建议》收悉。'), 'receipt-transition'), L('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：'));
    assert.equal(fix(L('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下。'), 'receipt-transition'), L('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：'));
  });

  it('changes the form of address and the item word to fit the addressee', () => {
    assert.equal(fix(L('林灵委员：', '你们提出的《关于课后服务的建议》收悉，现答复如下：'), 'address-form-mismatch'), L('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：'));
    assert.equal(fix(L('郑海涛代表：', '您提出的第12号提案收悉，现答复如下：'), 'kind-mismatch'), L('郑海涛代表：', '您提出的第12号建议收悉，现答复如下：'));
  });

  it('offers the allowed categories and the configured signature', () => {
    assert.equal(fix(L('答复类别：D类', '林灵委员：'), 'category-invalid', 1), L('答复类别：B类', '林灵委员：'));
    assert.equal(fix(L('林灵委员：', ...BODY, '此复。', '厦门市财政局', '2025年5月20日'), 'signature-organ', 0, { organization: '厦门市教育局' }), L('林灵委员：', ...BODY, '此复。', '厦门市教育局', '2025年5月20日'));
  });
});
