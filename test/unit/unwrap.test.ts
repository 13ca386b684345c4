/**
 * Hard-wrapped replies (parse/unwrap.ts): a reply copied from a PDF or a printout, every paragraph
 * broken at the page width, is read as the reply itself, with every span on the text as written.
 */
import * as assert from 'node:assert/strict';
import type { Reply } from '../../server/src/core/model';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { parseReply } from '../../server/src/parse';
import { unwrapText } from '../../server/src/parse/unwrap';
import { runRules } from '../../server/src/rules/engine';
import { hardWrap } from '../support/wrap';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildOutline } from '../../server/src/features/outline';

const TODAY = { year: 2026, month: 1, day: 1 };

/** A reply written for this test, one paragraph per line. */
const REPLY = [
  '青山市农业农村局关于市政协九届二次会议第217号提案的答复',
  '',
  '周明远委员：',
  '　　您提出的《关于加快发展乡村特色产业推动农民持续增收的提案》（第217号）收悉。感谢您对我市农业农村工作的关心和支持。经认真研究，现答复如下：',
  '　　一、关于培育特色产业',
  '　　近年来，我局围绕茶叶、柑橘和中药材三大特色产业，制定了《青山市乡村特色产业三年行动方案（2024—2026年）》，安排专项资金一千二百万元，支持建设标准化生产基地二十六个，带动农户四千余户。',
  '　　二、关于拓展销售渠道',
  '　　我们组织企业参加各类农产品展销会十一场次，推动“青山好物”区域公用品牌进商超、进社区，并依托电商服务站点开展直播带货，全年线上销售额同比增长百分之三十七。',
  '　　下一步，我局将继续加大政策扶持力度，完善利益联结机制，让农民更多分享产业增值收益。',
  '　　感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。',
  '',
  '青山市农业农村局',
  '2025年6月18日',
  '（联系人：林晓，联系电话：0592-1234567）',
].join('\n');


/** Each element's text without the blanks and line breaks a wrap puts in. */
function elements(r: Reply): Record<string, string | undefined> {
  const squash = (s: { start: number; end: number } | undefined): string | undefined => (s ? r.text.slice(s.start, s.end).replace(/\s/g, '') : undefined);
  const out: Record<string, string | undefined> = {};
  for (const e of ['title', 'addressee', 'receipt', 'closing', 'signature', 'date'] as const) out[e] = squash(r[e]);
  out.nextSteps = squash(r.nextSteps[0]);
  out.measures = r.measures.map((m) => m.titleText).join(' / ');
  out.quoted = r.receipt?.quotedTitles.map((q) => q.text).join(' / ');
  return out;
}

/** The error and warning findings, as `rule` per finding. */
function complaints(r: Reply): string[] {
  return runRules(r, DEFAULT_CONFIG, { today: TODAY }).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.ruleId).sort();
}

describe('hard-wrapped replies', () => {
  const original = parseReply(REPLY);

  it('reads the reply written for this test whole (the reference the wrapped ones are held to)', () => {
    assert.equal(unwrapText(REPLY), undefined);
    assert.ok(original.receipt && original.signature && original.date && original.closing);
    assert.equal(original.measures.length, 2);
    assert.deepEqual(complaints(original), []);
  });

  for (const [by, width, eol] of [['columns', 28, '\n'], ['columns', 24, '\r\n'], ['columns', 32, '\n'], ['characters', 28, '\n'], ['characters', 30, '\r\n']] as const) {
    it(`reads it wrapped at ${width} ${by} (${JSON.stringify(eol)}) as the reply itself`, () => {
      const text = hardWrap(REPLY, width, by, eol);
      assert.ok(text.split(eol).length > REPLY.split('\n').length + 6, 'the wrap broke the paragraphs');
      const wrapped = parseReply(text);
      assert.equal(wrapped.parseError, undefined);
      assert.deepEqual(elements(wrapped), elements(original));
      assert.deepEqual(complaints(wrapped), []);
      // the model is on the text as written: its folded copy has the line breaks where the text has them
      assert.equal(wrapped.text, text);
      assert.equal(wrapped.folded.length, text.length);
      for (const l of wrapped.lines.slice(0, -1)) assert.equal(wrapped.folded.slice(l.end, l.next), text.slice(l.end, l.next));
      // the receipt runs over the lines the wrap made, from 您提出的 to past 收悉
      const receipt = wrapped.receipt!;
      assert.ok(text.slice(receipt.start).startsWith('您提出的'));
      assert.ok(text.slice(receipt.start, receipt.end).includes(eol));
      // the outline names an element as its paragraph reads, without the wrap's line breaks
      const names: string[] = [];
      const walk = (nodes: ReturnType<typeof buildOutline>): void => nodes.forEach((n) => { names.push(n.name); walk(n.children); });
      walk(buildOutline(wrapped, TextDocument.create('file:///w.reply', 'proposal-reply', 1, text)));
      assert.ok(names.every((n) => !/\p{Script=Han}\s+\p{Script=Han}/u.test(n)), names.join(' | '));
      // every block's line is the line it starts on
      for (const b of wrapped.blocks) assert.ok(wrapped.lines[b.line]!.start <= b.start && b.start <= wrapped.lines[b.line]!.end, `block at ${b.start} is not on line ${b.line}`);
    });
  }

  it('leaves a list of items of one width alone, as it does a reply whose paragraphs end their lines', () => {
    const list = ['林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：', ...Array.from({ length: 8 }, (_, i) => `${i + 1}. 加强组织领导，完善工作机制，推进各项工作落实`)].join('\n');
    assert.equal(unwrapText(list), undefined);
    assert.equal(parseReply(list).headings.length, 8);
  });

  it('does not join a paragraph that ends at the margin, an indented line, a title at the page width or a contact number', () => {
    const page = '　　我局将继续加大政策扶持力度完善利益联结机制让农民分享收益';
    const text = [
      '青山市农业农村局关于市政协九届二次会议第二百一十七号提案的答复', // a title as wide as the page
      '周明远委员：',
      '　　您提出的《关于加快发展乡村特色产业推动农民持续增收的提',
      '案》收悉。现答复如下：',
      page, // wide, mid-sentence: runs on
      '和产业增值带来的各项收益推动乡村特色产业高质量发展见到实效。', // wide, ends its sentence
      '　　感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见和建议', // indented after a sentence
      '　　联系人：林晓，联系电话：0592-1234567 0592-1234568 12', // a contact's number
      '青山市农业农村局',
      '2025年6月18日',
    ].join('\n');
    const u = unwrapText(text);
    assert.ok(u, 'the text is hard-wrapped');
    const lines = u.text.split('\n');
    assert.deepEqual(lines.slice(0, 2), [text.split('\n')[0], '周明远委员：']);
    assert.equal(lines[2], '　　您提出的《关于加快发展乡村特色产业推动农民持续增收的提案》收悉。现答复如下：');
    assert.equal(lines[3], `${page}和产业增值带来的各项收益推动乡村特色产业高质量发展见到实效。`);
    assert.equal(lines.length, text.split('\n').length - 2);
    const r = parseReply(text);
    assert.equal(r.addressee && text.slice(r.addressee.start, r.addressee.end), '周明远委员：');
    assert.equal(r.signature && text.slice(r.signature.start, r.signature.end), '青山市农业农村局');
  });

  it('runs a paragraph on over a page\'s end, past its number, the blank lines and the form feed a PDF copy puts there', () => {
    const lines = hardWrap(REPLY, 28).split('\n');
    // a page ends inside the 《…》 of the receipt, and later inside a paragraph
    const receipt = lines.findIndex((l) => l.includes('《关于加快'));
    lines.splice(receipt + 1, 0, '', '— 1 —', '', `\f${lines[receipt + 1]!}`);
    lines.splice(receipt + 5, 1);
    const text = lines.join('\n');
    const r = parseReply(text);
    // (the receipt runs over the page's end: its span holds the page number the clean-up takes out)
    const read = elements(r);
    assert.deepEqual({ ...read, receipt: read.receipt?.replace('—1—', '') }, elements(original));
    // the wrap takes the page's end with it (no junk of its own): joining the paragraph, its fix and
    // the clean-up take the page number out
    assert.deepEqual(complaints(r), []);
    assert.ok(r.wraps.some((w) => text.slice(w.start, w.end).includes('— 1 —')));
    // without a page number, blank lines end a paragraph as ever
    assert.ok(unwrapText(text.replace('— 1 —', ''))!.text.includes(`${lines[receipt]!}\n`));
    // and a line longer than a printed one after the page number is text, not part of the page's end
    const long = '这是网页上一段未按版心折行的长文字'.repeat(8);
    const withLong = text.replace('— 1 —', `— 1 —\n${long}`);
    assert.ok(unwrapText(withLong)!.text.includes(long));
  });

  it('runs on a clause that opens with 对 and ends with 情况: no title inside a paragraph', () => {
    const text = [
      '主任、各位副主任、各位委员：',
      '受市人民政府委托，向市人大常委会报告二〇二〇年度市本级财政预算',
      '执行及其他财政收支审计查出问题的整改情况，请予审议。',
      '市政府高度重视审计查出问题的整改工作，督促各被审计单位认真整改',
      '对一人予以记大过处分，对两人予以提醒谈话，现将各项具体整改情况',
      '报告如下：',
      '一、财政部门预算执行问题的整改情况',
      '财政部门预算执行问题六项，已全部整改到位，出台规章制度三项，追',
      '回资金一百二十万元，调整账目四笔，完善了资金拨付的内部审批程序',
      '二、部门预算执行问题的整改情况',
      '部门预算执行问题十项，已整改九项，正在整改一项。整改完成后，我们',
      '将按规定向市人大常委会报告，并在政府网站向社会公开整改的结果。',
    ].join('\n');
    assert.ok(unwrapText(text)!.text.includes('具体整改情况报告如下：'));
  });

  it('keeps a line of pasted markup apart: web source is no printed line (found by npm run fuzz)', () => {
    const lines = hardWrap(REPLY, 28).split('\n');
    lines.splice(8, 0, '<</span>div class="article">');
    const text = lines.join('\n');
    const u = unwrapText(text);
    assert.ok(u);
    assert.ok(u.text.split('\n').includes('<</span>div class="article">'));
  });

  it('keeps an item that opens with a year apart from the item before it (`2.2020年以来…`)', () => {
    const lines = hardWrap(REPLY, 28).split('\n');
    // an item that ends with its semicolon at the margin, and the next item opening with a year
    lines.splice(lines.findIndex((l) => l.endsWith('四千余户。')) + 1, 0, '1.2017-2021年安排上级专项资金共计四百五十四万元用于修缮;', '2.2020-2021年本级财力安排资金三十七万元;');
    const u = unwrapText(lines.join('\n'));
    assert.ok(u);
    assert.ok(u.text.split('\n').includes('2.2020-2021年本级财力安排资金三十七万元;'));
  });

  it('joins a line that leaves a quote open or hands a mark to the next, even at a sentence end', () => {
    const text = [
      '周明远委员：',
      '　　您提出的《关于加快发展乡村特色产业推动农民持续增收的提',
      '案》收悉。规划明确提出“把乡村特色产业放在优先发展位置上。',
      '让农民更多分享产业增值收益”。我们将认真落实好各项工作措施',
      '、推动工作取得实效，让农民群众得到更多实惠和产业发展收益',
      '。下一步，我局将继续加大政策扶持力度，完善利益联结机制，让农',
      '民更多分享产业增值收益，推动乡村特色产业高质量发展见到实效。',
    ].join('\n');
    const u = unwrapText(text);
    assert.ok(u);
    assert.equal(u.text.split('\n').length, 2);
    assert.deepEqual(complaints(parseReply(text)).filter((r) => r === 'brackets-unbalanced'), []);
  });
});
