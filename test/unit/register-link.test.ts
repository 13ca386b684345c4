/**
 * Linking replies to register entries, what the editor offers from the register (addressee,
 * receipt line, skeleton, file name, hover), and the service's register extras.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../server/src/config/resolve';
import { parseReply } from '../../server/src/parse';
import {
  addresseeCompletions, baseName, conventionalFileName, entryDetail, entryLabel, fileNameNumbers, isInside, linkReply, parseRegister, receiptLineFor,
  registerHover, replySkeleton, resolveRegisterPath,
} from '../../server/src/register';
import type { RegisterEntry } from '../../server/src/register/types';
import { unitsMatch } from '../../server/src/register/match';
import { createReplyService } from '../../server/src/service';

const REGISTER = parseRegister([
  '编号,案由,提案人,附议人,类型,届次,主办单位,协办单位,办理期限,答复类别',
  '20250136,关于加强中小学课后服务质量的建议,陈明远,李娜,提案,市政协十四届四次会议,厦门市教育局,市财政局,2025-06-30,A',
  '0087,关于优化老旧小区加装电梯审批流程的建议,王丽华、李强,,建议,市十七届人大三次会议,福州市城乡建设局,,2025-07-15,',
  '0215,"关于支持""乡村教师""周转宿舍建设的建议",郑文,,提案,市政协十三届五次会议,泉州市教育局,泉州市财政局,2025-06-30,',
  '0090,关于加强社区养老服务的建议,民进厦门市委,,提案,,厦门市民政局,,,',
].join('\n'));
const E = (n: string): RegisterEntry => REGISTER.byKey.get(n)!;

const L = (...lines: string[]): string => lines.join('\n');

describe('register links', () => {
  it('links by the title number first, then the receipt line, then the file name', () => {
    const both = parseReply(L('厦门市教育局关于第20250136号提案的答复', '', '陈明远委员：', '', '您提出的《关于加强中小学课后服务质量的建议》（第0087号）收悉，现答复如下：'));
    assert.deepEqual(linkReply(both, '0215-郑文.reply', REGISTER), { entry: E('20250136'), entries: [E('20250136')], via: 'title', cited: ['20250136', '87'] });
    const receipt = parseReply(L('陈明远委员：', '', '您提出的《关于加强中小学课后服务质量的建议》（第087号）收悉，现答复如下：'));
    const r = linkReply(receipt, '0215-郑文.reply', REGISTER);
    assert.equal(r.entry, E('87'));
    assert.equal(r.via, 'receipt');
    const none = parseReply(L('陈明远委员：', '', '您提出的《关于加强中小学课后服务质量的建议》收悉，现答复如下：'));
    assert.equal(linkReply(none, '/drafts/0215-郑文.reply', REGISTER).via, 'file-name');
    assert.equal(linkReply(none, '/drafts/0215-郑文.reply', REGISTER).entry, E('215'));
    assert.deepEqual(linkReply(none, '草稿.reply', REGISTER), { entries: [], cited: [] });
    // a title number not in the register does not stop the receipt line from linking
    const unknownTitle = parseReply(L('关于第99999号提案的答复', '', '陈明远委员：', '', '您提出的《关于加强中小学课后服务质量的建议》（第20250136号）收悉，现答复如下：'));
    assert.equal(linkReply(unknownTitle, undefined, REGISTER).via, 'receipt');
  });

  it('links a joint reply to every entry its title cites', () => {
    const joint = parseReply(L('厦门市教育局关于第20250136号、第0215号提案的答复', '', '陈明远、郑文委员：'));
    assert.deepEqual(linkReply(joint, undefined, REGISTER).entries, [E('20250136'), E('215')]);
    // the title names one item, the receipt line all of them
    const receiptJoint = parseReply(L('厦门市教育局关于第20250136号等提案的答复', '', '陈明远、郑文委员：', '', '你们提出的第20250136号、第0215号提案收悉，现合并答复如下：'));
    assert.deepEqual(linkReply(receiptJoint, undefined, REGISTER).entries, [E('20250136'), E('215')]);
    // a receipt line citing only another number is a slip, not a joint reply
    const slip = parseReply(L('厦门市教育局关于第20250136号提案的答复', '', '陈明远委员：', '', '您提出的第0215号提案收悉，现答复如下：'));
    assert.deepEqual(linkReply(slip, undefined, REGISTER).entries, [E('20250136')]);
  });

  it('reads numbers from file names and URIs', () => {
    assert.deepEqual(fileNameNumbers('20250136-陈明远.reply'), ['20250136']);
    assert.deepEqual(fileNameNumbers('第0087号答复（修改稿）.reply'), ['0087', '0087']);
    assert.deepEqual(fileNameNumbers('D022_林灵.txt'), ['D022']);
    assert.deepEqual(fileNameNumbers('答复v2.reply'), []);
    assert.equal(baseName('file:///home/u/%E7%AD%94%E5%A4%8D/0087-%E7%8E%8B%E4%B8%BD%E5%8D%8E.reply'), '0087-王丽华.reply');
    assert.equal(baseName('C:\\drafts\\0087.reply'), '0087.reply');
  });

  it('keeps the register path inside the project folder', () => {
    assert.deepEqual(resolveRegisterPath('/ws/project', 'data/register.csv'), { ok: true, path: '/ws/project/data/register.csv' });
    for (const bad of ['../register.csv', '/etc/passwd', 'data/../../x.csv', '.', '..']) {
      const r = resolveRegisterPath('/ws/project', bad);
      assert.equal(r.ok, false, bad);
      assert.match(!r.ok ? r.message.zh : '', /项目文件所在文件夹之外/);
    }
    assert.equal(resolveRegisterPath('/ws/project', '/ws/project/register.csv').ok, true);
    assert.equal(isInside('/ws/project', '/ws/project-other/register.csv'), false);
  });

  it('compares unit names allowing a place prefix', () => {
    assert.ok(unitsMatch('市教育局', '泉州市教育局'));
    assert.ok(unitsMatch('泉州市教育局', '泉州市教育局'));
    assert.ok(!unitsMatch('泉州市财政局', '泉州市教育局'));
    assert.ok(!unitsMatch('局', '教育局'));
  });
});

describe('completions from the register', () => {
  it('offers the addressee from the proposers, by kind', () => {
    assert.deepEqual(addresseeCompletions(E('20250136')), ['陈明远委员：']);
    assert.deepEqual(addresseeCompletions(E('87')), ['王丽华代表：', '王丽华、李强代表：', '王丽华等2位代表：']);
    assert.deepEqual(addresseeCompletions(E('90')), ['民进厦门市委：']);
    assert.deepEqual(addresseeCompletions(E('215'), 'co-handling-opinion'), ['泉州市教育局：']);
  });

  it('writes the receipt line with the exact title (Chinese quotes) and number', () => {
    assert.equal(receiptLineFor(E('20250136')), '您提出的《关于加强中小学课后服务质量的建议》（第20250136号）收悉。经认真研究，现答复如下：');
    assert.equal(receiptLineFor(E('87')), '您在市十七届人大三次会议期间提出的《关于优化老旧小区加装电梯审批流程的建议》（第0087号）收悉。现将办理情况答复如下：');
    assert.equal(receiptLineFor(E('90')), '贵委提出的《关于加强社区养老服务的建议》（第0090号）收悉。经认真研究，现答复如下：');
    assert.equal(
      receiptLineFor(E('215'), 'co-handling-opinion', { organization: '泉州市财政局' }),
      '贵局主办的市政协十三届五次会议第0215号提案《关于支持“乡村教师”周转宿舍建设的建议》收悉。我局作为协办单位，经认真研究，现提出协办意见如下：',
    );
  });

  it('drafts a whole reply that links to its entry and passes every check', () => {
    const { config } = resolveConfig([{ source: 'test', data: { organization: '厦门市教育局' } }]);
    const service = createReplyService({ now: () => new Date(2025, 5, 1, 12) });
    for (const [n, kind] of [['20250136', undefined], ['87', undefined], ['215', 'co-handling-opinion'], ['90', undefined]] as const) {
      const entry = E(n);
      const text = replySkeleton(entry, { organization: '厦门市教育局', today: { year: 2025, month: 6, day: 1 }, ...(kind ? { kind } : {}) });
      const name = conventionalFileName(entry, kind);
      const doc = TextDocument.create(`file:///drafts/${encodeURIComponent(name)}`, 'proposal-reply', 1, text);
      const a = service.analyze(doc, config, { register: REGISTER });
      assert.equal(a.link?.entry, entry, n);
      assert.equal(a.reply.kind, kind ?? (entry.kind === 'suggestion' ? 'suggestion-reply' : 'proposal-reply'), n);
      // every check passes but its placeholders, left for the clerk to fill in
      assert.deepEqual(a.findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.ruleId !== 'placeholder-left').map((f) => f.ruleId), [], `${n}: ${text}`);
      assert.ok(a.findings.some((f) => f.ruleId === 'placeholder-left'), `${n}: the skeleton's ××× are reported`);
      // the conventional name alone links it back
      assert.equal(linkReply(parseReply('陈明远委员：'), name, REGISTER).entry, entry, name);
    }
    const crlf = replySkeleton(E('20250136'), { today: { year: 2025, month: 6, day: 1 }, eol: '\r\n' });
    assert.ok(crlf.includes('\r\n') && !/[^\r]\n/.test(crlf));
    assert.match(crlf, /^关于市政协十四届四次会议第20250136号提案的答复\r\n\r\n答复类别：A类\r\n\r\n陈明远委员：/);
  });

  it('names files conventionally and safely', () => {
    assert.equal(conventionalFileName(E('20250136')), '20250136-陈明远.reply');
    assert.equal(conventionalFileName(E('87')), '0087-王丽华等.reply');
    assert.equal(conventionalFileName(E('215'), 'co-handling-opinion'), '0215-泉州市教育局-协办意见.reply');
    const odd = parseRegister('编号,标题,提案人\n12,关于甲的建议,"../王 五/:*"\n').entries[0]!;
    assert.equal(conventionalFileName(odd), '12-王五等.reply');
  });

  it('describes an entry for pickers and the hover of a link', () => {
    assert.equal(entryLabel(E('20250136')), '第20250136号 关于加强中小学课后服务质量的建议');
    assert.equal(entryDetail(E('87')).zh, '领衔代表：王丽华、李强 · 主办：福州市城乡建设局 · 期限：2025年7月15日');
    const hover = registerHover({ entry: E('20250136'), entries: [E('20250136'), E('215')], via: 'receipt', cited: [] });
    assert.match(hover.zh, /^\*\*登记表第 2 行（第20250136号）\*\* · 提案\n\n《关于加强中小学课后服务质量的建议》\n\n- 提案人：陈明远\n- 附议人：李娜\n/);
    assert.match(hover.zh, /- 办理期限：2025年6月30日\n- 答复类别：A\n\n_按收文说明中的编号对应；合并答复，另含第0215号_$/);
    // (register cells are escaped, and so is the reference made from them)
    assert.match(hover.en, /^\*\*register row 2 \\\(No\\\. 20250136\\\)\*\* · proposal/);
    assert.match(registerHover({ entries: [], cited: [] }).zh, /未找到对应条目/);
  });
});

describe('service with a register', () => {
  const text = L('厦门市教育局关于第20250136号提案的答复', '', '陈明远委员：', '', '您提出的《关于加强中小学课后服务质量的建议》（第20250136号）收悉，现答复如下：', '', '我局已出台办法。', '', '此复。', '', '厦门市教育局', '2025年5月20日');

  it('runs the register rules only with a register, and returns the link', () => {
    const service = createReplyService({ now: () => new Date(2025, 5, 1, 12) });
    const { config } = resolveConfig([]);
    const doc = TextDocument.create('file:///a/x.reply', 'proposal-reply', 1, text);
    const without = service.analyze(doc, config);
    assert.equal(without.link, undefined);
    const withRegister = service.analyze(doc, config, { register: REGISTER });
    assert.equal(withRegister.link?.entry, E('20250136'));
    assert.equal(withRegister.link?.via, 'title');
    assert.equal(service.analyze(doc, config, { register: REGISTER }), withRegister, 'cached');
    assert.equal(withRegister.reply, without.reply, 'parsed once');
  });

  it('reports a duplicate when the batch links another reply to the same entry', () => {
    const service = createReplyService({ now: () => new Date(2025, 5, 1, 12) });
    const { config } = resolveConfig([]);
    const doc = TextDocument.create('file:///a/x.reply', 'proposal-reply', 1, text);
    const links = new Map([['20250136', ['file:///a/x.reply', 'file:///a/%E5%89%AF%E6%9C%AC.reply']]]);
    const dup = service.analyze(doc, config, { register: REGISTER, batchLinks: links });
    const f = dup.findings.filter((x) => x.ruleId === 'register-duplicate-reply');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message.zh, /另有答复：副本\.reply/);
    // the reply alone in its entry is no duplicate
    const alone = service.analyze(doc, config, { register: REGISTER, batchLinks: new Map([['20250136', ['file:///a/x.reply']]]) });
    assert.equal(alone.findings.filter((x) => x.ruleId === 'register-duplicate-reply').length, 0);
  });
});

describe('quick fixes of the register rules', () => {
  const service = createReplyService({ now: () => new Date(2025, 11, 1, 12) });
  const { config } = resolveConfig([]);

  /** Applies the first fix of the rule's first finding; returns the new text and whether the rule still fires. */
  function fix(text: string, ruleId: string, name = 'x.reply'): { text: string; title: string; still: boolean } {
    const doc = TextDocument.create(`file:///d/${encodeURIComponent(name)}`, 'proposal-reply', 1, text);
    const f = service.analyze(doc, config, { register: REGISTER }).findings.find((x) => x.ruleId === ruleId);
    assert.ok(f?.fixes?.[0], `${ruleId} has no fix`);
    let out = text;
    for (const e of [...f.fixes[0].edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    const again = service.analyze(TextDocument.create(doc.uri, 'proposal-reply', 2, out), config, { register: REGISTER });
    return { text: out, title: f.fixes[0].title.zh, still: again.findings.some((x) => x.ruleId === ruleId) };
  }

  const head = '厦门市教育局关于市政协十四届四次会议第20250136号提案的答复';
  const receipt = '您提出的《关于加强中小学课后服务质量的建议》（第20250136号）收悉，现答复如下：';
  const foot = ['我局已出台办法。', '此复。', '厦门市教育局', '2025年5月20日'];

  it('puts in the register number, title, addressee, kind and category', () => {
    const n = fix(L(head, '陈明远委员：', receipt.replace('（第20250136号）', '（第20250163号）'), ...foot), 'register-number-mismatch');
    assert.equal(n.text, L(head, '陈明远委员：', receipt, ...foot));
    assert.ok(!n.still);
    const t = fix(L(head, '陈明远委员：', receipt.replace('加强中小学课后服务质量', '提升课后服务'), ...foot), 'register-title-mismatch');
    assert.equal(t.text, L(head, '陈明远委员：', receipt, ...foot));
    const a = fix(L(head, '陈明元委员：', receipt, ...foot), 'register-addressee-mismatch');
    assert.equal(a.text, L(head, '陈明远委员：', receipt, ...foot));
    assert.equal(a.title, '改为“陈明远委员”');
    const k = fix(L('福州市城乡建设局关于第0087号提案的答复', '王丽华委员：', '您提出的《关于优化老旧小区加装电梯审批流程的建议》（第0087号提案）收悉，现答复如下：', ...foot), 'register-kind-mismatch');
    assert.equal(k.text, L('福州市城乡建设局关于第0087号建议的答复', '王丽华代表：', '您提出的《关于优化老旧小区加装电梯审批流程的建议》（第0087号建议）收悉，现答复如下：', ...foot));
    assert.equal(k.title, '按登记表改为“建议”（3 处）');
    assert.ok(!k.still);
    const c = fix(L(head, '答复类别：C类', '陈明远委员：', receipt, ...foot), 'register-category-mismatch');
    assert.equal(c.text, L(head, '答复类别：A类', '陈明远委员：', receipt, ...foot));
    const co = fix(L('泉州市财政局关于第0215号提案的协办意见', '泉州市人社局：', '贵局主办的第0215号提案《关于支持“乡村教师”周转宿舍建设的建议》收悉。我局作为协办单位，现提出协办意见如下：', '以上意见供参考。', '泉州市财政局', '2025年4月28日'), 'register-addressee-mismatch');
    assert.match(co.text, /\n泉州市教育局：\n/);
    assert.ok(!co.still);
  });
});
