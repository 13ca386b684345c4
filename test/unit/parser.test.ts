import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { MeasureHeading, Reply } from '../../server/src/core/model';
import { parseReply } from '../../server/src/parse';
import { CUTS_MAX } from '../../server/src/parse/blocks';
import { matchAddressee } from '../../server/src/parse/header';
import { matchMarker } from '../../server/src/parse/numbering';
import { foldWidth, type Span } from '../../server/src/core/text';

/** 1-based line of an offset. */
function lineOf(r: Reply, offset: number): number {
  let i = 0;
  while (i + 1 < r.lines.length && r.lines[i + 1]!.start <= offset) i++;
  return i + 1;
}

function slice(r: Reply, s: Span | undefined): string {
  assert.ok(s, 'element not found');
  return r.text.slice(s.start, s.end);
}

function lines(...ls: string[]): string {
  return ls.join('\n');
}

function tree(hs: readonly MeasureHeading[]): unknown[] {
  return hs.map((h) => [h.marker.text, h.titleText, ...(h.children.length ? [tree(h.children)] : [])]);
}

describe('parser', () => {
  describe('head', () => {
    it('finds a document number on its own line and its parts', () => {
      const r = parseReply(lines('厦教提案函〔2024〕43号', '答复类别：A类', '民进厦门市委：'));
      assert.equal(slice(r, r.docNumber), '厦教提案函〔2024〕43号');
      assert.deepEqual([r.docNumber!.organ, r.docNumber!.open, r.docNumber!.year, r.docNumber!.close, r.docNumber!.hasDi, r.docNumber!.serial], ['厦教提案函', '〔', '2024', '〕', false, '43']);
    });

    it('finds a document number, a title and a date where the page lost a character', () => {
      const r = parseReply(lines('宝环\ufffd函〔2025〕6号', '关于市政协第156?提案的答复', '', '民进厦门市委：', '您提出的《关于教育的提案》收悉，现答复如下：', '我局已出台办法。', '谢您对教育工作的关心和支持！', '厦门市教育局', '2025\ufffd5月20日'));
      assert.deepEqual([slice(r, r.docNumber), r.title?.text, slice(r, r.closing), r.date?.value], ['宝环\ufffd函〔2025〕6号', '关于市政协第156?提案的答复', '谢您对教育工作的关心和支持！', { year: 2025, month: 5, day: 20 }]);
    });

    it('finds a document number and a title sharing a line', () => {
      const r = parseReply(lines('筑教提复〔2019〕45号 市教育局关于市政协十二届三次会议第41019号界别提案的答复', '', '***委员会:'));
      assert.equal(slice(r, r.docNumber), '筑教提复〔2019〕45号');
      assert.equal(r.title!.text, '市教育局关于市政协十二届三次会议第41019号界别提案的答复');
      assert.equal(r.title!.organ, '市教育局');
      assert.deepEqual(r.title!.proposalNumbers.map((p) => p.value), ['41019']);
    });

    it('finds a document number after the title, or with its category glued to it, in a run-on line', () => {
      const body = '您提出的《关于教育的建议》收悉，现答复如下： 一、加强领导。';
      for (const line of [lines('自治区水利厅关于第559号代表建议的答复（桂水函〔2023〕162号）', '韦佳代表：'), '自治区水利厅关于第559号代表建议的答复（桂水函〔2023〕162号） 韦佳代表：']) {
        const r = parseReply(`${line} ${body}`);
        assert.deepEqual([slice(r, r.docNumber), r.title?.text], ['桂水函〔2023〕162号', '自治区水利厅关于第559号代表建议的答复'], line);
      }
      // glued to the title with no bracket or blank, on its line or in a letter on one line
      for (const text of [lines('自治区水利厅关于第559号代表建议的答复桂水函〔2023〕162号', '韦佳代表：', body), `自治区水利厅关于第559号代表建议的答复桂水函〔2023〕162号韦佳代表：${body}`]) {
        const glued = parseReply(text);
        assert.deepEqual([slice(glued, glued.docNumber), glued.title?.text], ['桂水函〔2023〕162号', '自治区水利厅关于第559号代表建议的答复'], text);
      }
      // a page that lost the 号, after the title or before it
      const lost = parseReply(lines('自治区水利厅关于第559号代表建议的答复（桂水函〔2023〕162）', '韦佳代表：', body));
      assert.deepEqual([slice(lost, lost.docNumber), lost.title?.text], ['桂水函〔2023〕162', '自治区水利厅关于第559号代表建议的答复']);
      const before = parseReply(lines('（东文旅发〔2020〕29）关于对政协东川区第77号提案的答复', '九三学社东川区委员会：', body));
      assert.deepEqual([slice(before, before.docNumber), before.title?.text], ['东文旅发〔2020〕29', '关于对政协东川区第77号提案的答复']);
      const category = parseReply(`对华容县十七届人大一次会议第69号建议的回复 华建复〔2017〕5号(B类) 袁同炎代表： ${body}`);
      assert.deepEqual([slice(category, category.docNumber), category.category?.value], ['华建复〔2017〕5号', 'B']);
      // and before the title the page repeats after it
      const title = '对华容县十七届人大一次会议第69号建议的回复';
      const repeated = parseReply(`${title} 华建复〔2017〕5号(B类) ${title} 尊敬的袁同炎代表： ${body}`);
      assert.deepEqual([slice(repeated, repeated.docNumber), repeated.title?.text], ['华建复〔2017〕5号', title]);
    });

    it('records wrongly written document numbers as written', () => {
      const r = parseReply(lines('厦教提案函[24]第043号', '林灵委员：'));
      assert.deepEqual([r.docNumber!.open, r.docNumber!.year, r.docNumber!.close, r.docNumber!.hasDi, r.docNumber!.serial], ['[', '24', ']', true, '043']);
    });

    it('reads a document number whose brackets a page lost, and no item number as one', () => {
      for (const [written, serial] of [['厦教提案函2024 43号', '43'], ['厦教提案函202443号', '43']] as const) {
        const r = parseReply(lines(written, '', '关于市政协第43号提案的答复', '', '林灵委员：'));
        assert.deepEqual([slice(r, r.docNumber), r.docNumber?.open, r.docNumber?.year, r.docNumber?.serial], [written, '', '2024', serial], written);
      }
      for (const item of ['建议编号2024012号', '第20240012号']) assert.equal(parseReply(lines(item, '', '林灵委员：')).docNumber, undefined, item);
    });

    it('joins a title over two and three lines', () => {
      const two = parseReply(lines('厦门市教育局关于市政协十四届四次会议', '第20250136号提案的答复', '', '陈明远委员：'));
      assert.equal(two.title!.text, '厦门市教育局关于市政协十四届四次会议第20250136号提案的答复');
      assert.equal(two.title!.lines.length, 2);
      assert.equal(lineOf(two, two.title!.end), 2);
      const three = parseReply(lines('平凉市崆峒区人民政府关于', '市政府教育督导委员会督导评估', '反馈问题整改情况的报告', '市政府教育督导委员会办公室：'));
      assert.equal(three.title!.lines.length, 3);
      assert.equal(three.title!.organ, '平凉市崆峒区人民政府');
    });

    it('joins a title wrapped before its cue word or inside the item\'s name', () => {
      // the first line names no matter yet: the organ and 对 open the title
      const organ = parseReply(lines('厦门市教育局对市政协十四届四次', '会议第136号提案的答复', '', '陈明远委员：'));
      assert.equal(organ.title?.text, '厦门市教育局对市政协十四届四次会议第136号提案的答复');
      // a line that leaves 《 open is continued by the next, though that one opens with 关于
      const quoted = parseReply(lines('关于市政协十四届四次会议第136号《', '关于加强课后服务的提案》办理情况的答复', '', '陈明远委员：'));
      assert.equal(quoted.title?.text, '关于市政协十四届四次会议第136号《关于加强课后服务的提案》办理情况的答复');
      // a closed line and a line opening a title are two titles: the page's and the document's
      const two = parseReply(lines('关于加强课后服务的提案', '关于市政协第136号提案的答复', '', '陈明远委员：'));
      assert.equal(two.title?.text, '关于市政协第136号提案的答复');
    });

    it('takes the organ\'s line above a title that names no organ into it, but not a letterhead nor above a title with its organ', () => {
      const title = (...head: string[]): string | undefined => parseReply(lines(...head, '', '陈明远委员：', '您提出的《关于教育的提案》收悉，现答复如下：')).title?.text;
      assert.equal(title('厦门市教育局', '关于市政协第136号提案的答复'), '厦门市教育局关于市政协第136号提案的答复');
      assert.equal(title('厦门市教育局文件', '关于市政协第136号提案的答复'), '关于市政协第136号提案的答复');
      assert.equal(title('厦门市教育局文件', '', '厦门市教育局对市政协第136号提案的答复'), '厦门市教育局对市政协第136号提案的答复');
      assert.equal(title('厦门市教育局', '', '厦门市教育局对市政协第136号提案的答复'), '厦门市教育局对市政协第136号提案的答复');
    });

    it('reads the lines naming the item below the title as the reply\'s own, the same lines above it as a page\'s record', () => {
      const tail = ['韩雪梅代表：', '您提出的《关于加快农村公路建设的建议》收悉，现答复如下：'];
      const own = parseReply(lines('江州市交通运输局关于第37号建议的答复', '江交建复〔2025〕37号', '代表团：临江代表团', '领衔代表：韩雪梅', ...tail));
      assert.deepEqual(own.roles.slice(2, 4).map((b) => b.role), ['itemMark', 'itemMark']);
      assert.deepEqual(own.junk, []);
      const record = parseReply(lines('建议号：37号', '领衔代表：韩雪梅', '江州市交通运输局关于第37号建议的答复', ...tail));
      assert.deepEqual(record.junk.map((j) => lineOf(record, j.start)), [1, 2]);
    });

    it('finds the category before the addressee, at the end, and as a bare table mark', () => {
      assert.equal(parseReply(lines('答复类别：A类', '民进厦门市委：')).category!.value, 'A');
      assert.equal(parseReply(lines('答复类别：Ｂ类', '民进厦门市委：')).category!.value, 'B');
      assert.equal(parseReply(lines('办复结果：C类', '民进厦门市委：')).category!.value, 'C');
      assert.equal(parseReply(lines('【答复类别：A类】', '民进厦门市委：')).category!.value, 'A');
      const footBracketed = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '此复。', '普洱市教育体育局', '2023年7月12日', '（答复类别：C类）'));
      assert.equal(footBracketed.category!.value, 'C');
      // a form's boxes, one ticked
      for (const [line, value] of [['答复类别：□A类 ■B类 □C类', 'B'], ['答复类别：☑A □B □C', 'A'], ['办理类别：□A类□B类√C类', 'C']] as const) {
        const ticked = parseReply(lines(line, '民进厦门市委：', '你们提出的《关于教育的提案》收悉，现答复如下：'));
        assert.deepEqual([ticked.category?.value, slice(ticked, ticked.category!.valueSpan)], [value, value], line);
      }
      // a category that says what it grades is no line of the title above it
      const graded = parseReply(lines('厦门市教育局关于第12号提案的答复', 'A类答复', '民进厦门市委：'));
      assert.deepEqual([graded.category?.value, graded.title?.text], ['A', '厦门市教育局关于第12号提案的答复']);
      const tail = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '此复。', '普洱市教育体育局', '2023年7月12日', '办复类别：C类'));
      assert.equal(tail.category!.value, 'C');
      assert.equal(lineOf(tail, tail.category!.start), 6);
      const table = parseReply('A 公开 林灵委员: 您提出的《关于教育的建议》(第156号)交我们办理,现答复如下: 近年来,我市加强领导。');
      assert.equal(table.category!.value, 'A');
      assert.equal(slice(table, table.category!.valueSpan), 'A');
      assert.deepEqual(table.addressee!.names, ['林灵委员']);
      // spaced out, as a copy from a PDF has it: one block, alone or before the addressee
      for (const line of ['答复类别：A 类', '办理类别: B 类', '答复类别：A 类 民进厦门市委：']) {
        const spaced = parseReply(lines(line, '民进厦门市委：', '你们提出的《关于教育的提案》收悉，现答复如下：'));
        assert.deepEqual([slice(spaced, spaced.category), spaced.category!.value], [line.replace(' 民进厦门市委：', ''), line.includes('B') ? 'B' : 'A']);
      }
    });

    it('finds the signatory mark', () => {
      const r = parseReply(lines('厦教提案函〔2024〕43号', '签发人：张明', '民进厦门市委：'));
      assert.equal(r.signatory!.name, '张明');
    });

    it('reads the reply below a page\'s reply label when the page shows the proposal above it', () => {
      // (the reply's own elements weak: an addressee without its colon, a receipt with no transition)
      const proposal = ['提案内容：', '关于加强社区养老服务的提案', '提案人：王某某', '一、存在的问题', '当前我市社区养老服务设施不足，专业人员缺乏。', '二、几点建议', '（一）加大投入力度。建议设立专项资金。', '（二）加强人才培养。建议开设养老服务专业。'];
      const reply = ['关于《关于加强社区养老服务的提案》（委员提案【2023】117号）的答复', '来源:某市民政局    时间:2023-07-18 16:00', '农工党某市委员会',
        '《关于加强社区养老服务的提案》（政协提案2023117号）已收悉，感谢贵单位对民政工作的关心和支持。针对该提案，经研究，结合各部门意见回复', '一、养老服务工作情况', '1.出台系列政策。今年以来，市民政局会同有关部门推动养老服务发展。', '2.建设服务设施。今年新建站点十二个。'];
      const r = parseReply(lines(...proposal, '答复内容：', ...reply));
      assert.deepEqual([r.title?.text, slice(r, r.addressee), r.measures.length], [reply[0], '农工党某市委员会', 1]);
      assert.ok(r.roles.filter((b) => b.line <= proposal.length).every((b) => b.role === 'other' || b.role === 'junk'));
      // without the proposal's label the page's sections are not known, and no line is set aside
      assert.equal(parseReply(lines('答复内容：', ...reply)).title?.text, reply[0]);
      // the proposer named above the reply is no addressee that lost its role word
      const report = parseReply(lines('【建议内容】', '王某代表：关于加快农村公路建设的建议', '【办理情况】', '根据区委统一部署，现将整改情况报告如下：', '一、组织整改落实情况'));
      assert.deepEqual([report.addressee, report.candidates.addressee], [undefined, undefined]);
    });

    it('reads a headline above a subtitle that names the item as the title\'s first line', () => {
      const receipt = '贵委提出的《关于以科技创新引领产业升级的提案》收悉，现答复如下：';
      const r = parseReply(lines('以科技创新引领产业升级', '——对市政协十四届三次会议第0215号提案的答复', '民盟市委会：', receipt));
      assert.deepEqual([r.title?.text, r.title && lineOf(r, r.title.start), slice(r, r.addressee)], ['以科技创新引领产业升级——对市政协十四届三次会议第0215号提案的答复', 1, '民盟市委会：']);
      // not a sentence above it, nor a title that is no dashed subtitle
      assert.equal(parseReply(lines('我局高度重视，认真办理。', '——对市政协第0215号提案的答复', '民盟市委会：', receipt)).title?.text, '——对市政协第0215号提案的答复');
      assert.equal(parseReply(lines('建议提案办理', '关于市政协第0215号提案的答复', '民盟市委会：', receipt)).title?.text, '关于市政协第0215号提案的答复');
    });

    it('reads the copy number, secrecy and urgency above the letterhead as marks, not as an addressee missing its role word', () => {
      const r = parseReply(lines('000123', '秘密★1年', '特急', '', '关于市政协第136号提案的答复', '', '您提出的《关于教育的提案》收悉，现答复如下：'));
      assert.deepEqual(r.roles.slice(0, 3).map((b) => b.role), ['mark', 'mark', 'mark']);
      assert.equal(r.title?.text, '关于市政协第136号提案的答复');
      assert.equal(r.candidates.addressee, undefined);
    });
  });

  describe('addressee', () => {
    const cases: Array<[string, string[], 'person' | 'persons' | 'body', 'member' | 'deputy' | 'other']> = [
      ['林灵委员：', ['林灵委员'], 'person', 'member'],
      ['王丽华代表：', ['王丽华代表'], 'person', 'deputy'],
      ['吴陵、张健、王良元、卢琼委员：', ['吴陵', '张健', '王良元', '卢琼委员'], 'persons', 'member'],
      ['张明等5名委员：', ['张明等5名委员'], 'persons', 'member'],
      ['民进厦门市委：', ['民进厦门市委'], 'body', 'other'],
      ['***委员会:', ['***委员会'], 'body', 'other'],
      ['市政府教育督导委员会办公室：', ['市政府教育督导委员会办公室'], 'body', 'other'],
      ['尊敬的林灵委员：', ['林灵委员'], 'person', 'member'],
      ['致林灵委员：', ['林灵委员'], 'person', 'member'],
      // 致 of 致公党 is the party's name, no salutation
      ['致公党厦门市委员会：', ['致公党厦门市委员会'], 'body', 'other'],
      // template placeholders, judged by what they stand for
      ['×××（主办单位）：', ['×××(主办单位)'], 'body', 'other'],
      ['XXX（委员）：', ['XXX(委员)'], 'person', 'member'],
      // a character the page lost: the `?` an encoding without it left, U+FFFD, a box
      ['贺文国、?金菊委员：', ['贺文国', '?金菊委员'], 'persons', 'member'],
      ['王\ufffd委员：', ['王\ufffd委员'], 'person', 'member'],
      ['九三学社东川区委□会：', ['九三学社东川区委□会'], 'body', 'other'],
      // 和 joins people, but is part of a body's name
      ['林灵和王五委员：', ['林灵', '王五委员'], 'persons', 'member'],
      ['市政协社会和法制委员会：', ['市政协社会和法制委员会'], 'body', 'other'],
      ['市科协：', ['市科协'], 'body', 'other'],
      // a sector of the CPPCC hands in its proposals too, as its members (addressed as 你们)
      ['市政协民族宗教界别：', ['市政协民族宗教界别'], 'persons', 'other'],
      // the group's 等 after the role word
      ['张明代表等：', ['张明代表等'], 'persons', 'deputy'],
      ['张明委员等3人：', ['张明委员等3人'], 'persons', 'member'],
      // two-character names spaced out to the width of three
      ['张　明、李　华委员：', ['张 明', '李 华委员'], 'persons', 'member'],
      // … after a salutation, before 等, and a role spaced from the names
      ['尊敬的王　伟代表：', ['王 伟代表'], 'person', 'deputy'],
      ['致张　明委员：', ['张 明委员'], 'person', 'member'],
      ['张　明等委员：', ['张 明等委员'], 'persons', 'member'],
      ['张　明 委员：', ['张 明 委员'], 'person', 'member'],
      // people parted by commas
      ['张明委员，李华委员：', ['张明委员', '李华委员'], 'persons', 'member'],
      // the role word before the name, after the body the person sits in; but a committee or a delegation is a body
      ['市政协委员林书瑶：', ['市政协委员林书瑶'], 'person', 'member'],
      ['江州市第十七届人大代表林书瑶：', ['江州市第十七届人大代表林书瑶'], 'person', 'deputy'],
      ['江州市人大代表团：', ['江州市人大代表团'], 'body', 'other'],
      ['民进青川县总支：', ['民进青川县总支'], 'body', 'other'],
      // … or as the one who leads the item
      ['领衔代表韩雪梅：', ['领衔代表韩雪梅'], 'person', 'deputy'],
      // a greeting glued to the names before the colon
      ['韩雪梅代表您好：', ['韩雪梅代表'], 'person', 'deputy'],
      ['尊敬的林书瑶委员您好：', ['林书瑶委员'], 'person', 'member'],
      // all of them
      ['各位代表：', ['各位代表'], 'persons', 'deputy'],
      // spaced out to the page's width, one character at a time
      ['罗 明 远 委 员：', ['罗明远委员'], 'person', 'member'],
    ];
    for (const [line, names, form, role] of cases) {
      it(`reads “${line}”`, () => {
        const r = parseReply(lines(line, '您提出的《关于教育的建议》收悉，现答复如下：'));
        assert.deepEqual([r.addressee!.names, r.addressee!.form, r.addressee!.role], [names, form, role]);
        assert.equal(slice(r, r.addressee), line);
      });
    }

    it('keeps a greeting with the addressee', () => {
      const r = parseReply(lines('尊敬的林灵委员：您好！', '您提出的《关于教育的建议》收悉，现答复如下：'));
      assert.equal(slice(r, r.addressee), '尊敬的林灵委员：您好！');
      assert.equal(lineOf(r, r.receipt!.start), 2);
    });

    it('takes no clause of a sentence for a body addressee, whatever word it ends with', () => {
      // `…落到实处：` ends with 处, as an organisation's name may; a quote or 的建议 says it is a sentence
      for (const clause of ['义务教育质量”的建议落到实处：', '推动各位代表的建议落到实处：']) assert.equal(matchAddressee(clause, foldWidth(clause), 0, clause.length), undefined, clause);
    });

    it('recognises an addressee without its colon or with a comma', () => {
      const bare = parseReply(lines('林灵委员', '您提出的《关于教育的建议》收悉，现答复如下：'));
      assert.equal(bare.addressee!.colon, undefined);
      const comma = parseReply(lines('林灵委员，', '您提出的《关于教育的建议》收悉，现答复如下：'));
      assert.equal(comma.addressee!.colon!.char, '，');
    });

    it('splits an addressee from the receipt after it on the same line when a comma ends the names', () => {
      for (const [line, addressee] of [['彭军代表，您提出的《关于茶产业的建议》收悉，现答复如下：', '彭军代表，'], ['民进厦门市委，你委提出的《关于教育的提案》收悉，现答复如下：', '民进厦门市委，'], ['尊敬的林灵委员，《关于教育的提案》收悉，现答复如下：', '尊敬的林灵委员，']]) {
        const r = parseReply(lines(line!, '一、加强领导。成立工作专班。', '此复。'));
        assert.equal(slice(r, r.addressee), addressee);
        assert.equal(r.addressee!.colon!.char, '，');
        assert.ok(r.receipt && r.receipt.start === r.addressee!.end, line);
      }
      // but not a sentence that opens with an organisation's name or ends in one (部署, 署)
      for (const line of ['根据区委统一部署，2024年9月至11月，区委巡察组对我局开展了巡察，现将整改情况报告如下：', '感谢您对教育工作的关心和支持，厦门市教育局']) {
        assert.equal(parseReply(lines(line, '一、加强领导。成立工作专班。')).addressee, undefined, line);
      }
    });

    it('splits a title, its addressee and the receipt run together with no blank (a page\'s text content)', () => {
      const r = parseReply('关于市政协第181号提案办理情况的答复民革天水市委员会:您提出的《关于增设急救通道的建议》收悉,现答复如下:一、加强协调。');
      assert.deepEqual([r.title?.text, slice(r, r.addressee), r.addressee?.names], ['关于市政协第181号提案办理情况的答复', '民革天水市委员会:', ['民革天水市委员会']]);
      // a document number or a category glued to the addressee, the colon ending the line
      for (const [item, names] of [['平建复〔2025〕14号', '韩景涛、宋佳怡代表：'], ['答复类别：B类', '韩景涛、宋佳怡代表：'], ['平建复〔2025〕14号（B类）', '林灵委员：']] as const) {
        const glued = parseReply(lines('平川区住建局关于第14号建议的答复', item + names, '你们提出的《关于加快老旧小区改造的建议》收悉，现答复如下：'));
        assert.equal(slice(glued, glued.addressee), names, item);
        assert.ok(glued.docNumber ?? glued.category, item);
      }
      assert.ok(slice(r, r.receipt).startsWith('您提出的'));
    });

    it('splits an addressee from a receipt line pasted on the same line', () => {
      const r = parseReply('林灵委员：您提出的《关于教育的建议》（第156号）交我们办理，现答复如下：');
      assert.equal(slice(r, r.addressee), '林灵委员：');
      assert.ok(slice(r, r.receipt).startsWith('您提出的《关于教育的建议》'));
    });

    it('cuts a run-on line before the title after a row of page metadata, and before people addressed after anything', () => {
      const body = `您提出的《关于教育的建议》收悉，现答复如下： 一、加强领导。${'我局已出台办法，'.repeat(20)}`;
      const r = parseReply(`发布机构: 白银市人民政府 关于对市政协八届一次会议第016号提案的答复 周博委员: ${body}`);
      assert.equal(r.title?.text, '关于对市政协八届一次会议第016号提案的答复');
      assert.deepEqual(r.addressee?.names, ['周博委员']);
      // a page repeats the title: the document's own is the second
      const title = '盐池县教育体育局关于对政协盐池县第十届委员会五次会议49号提案的答复函';
      const twice = parseReply(`标 题: ${title} ${title} 贺文国、佟金菊委员 ${body}`);
      assert.deepEqual([slice(twice, twice.title), twice.addressee?.names], [title, ['贺文国', '佟金菊委员']]);
      const speech = parseReply(`关于2020年度审计查出问题整改情况的报告 访问量: 市审计局局长 李火生 主任、各位副主任、各位委员: ${body}`);
      assert.deepEqual(speech.addressee?.names, ['主任', '各位副主任', '各位委员']);
    });

    it('cuts a run-on line between the title and the addressee, after a bracketed item or a spaced 答 复', () => {
      for (const title of ['关于市政协第136号提案的答复（关于规范夜间经济发展的建议）', '对县政协十届三次会议第136号提案的  答 复']) {
        const r = parseReply(`${title}  林灵委员：  您提出的《关于教育的建议》收悉，现答复如下：  一、加强领导。`);
        assert.deepEqual(r.addressee?.names, ['林灵委员'], title);
      }
    });

    it('keeps a list of names whole when a blank stands before or after its 、', () => {
      for (const names of ['尊敬的周博、林灵 、陈思代表：', '尊敬的周博、林灵、 陈思代表：', '周博、林灵 、 陈思委员：']) {
        const r = parseReply(lines(names, '你们提出的《关于教育的建议》收悉，现答复如下：'));
        assert.equal(slice(r, r.addressee), names);
        assert.equal(r.roles.filter((b) => b.line === 0).length, 1, names);
      }
    });

    it('does not take a sentence or a title for an addressee', () => {
      assert.equal(parseReply(lines('关于加强课后服务的答复：', '正文。')).addressee, undefined);
      assert.equal(parseReply('近年来，我市持续加大投入，成效明显。').addressee, undefined);
    });
  });

  describe('receipt line', () => {
    it('finds the lead-in of a report to a standing committee after the paragraphs that open it', () => {
      const report = (leadIn: string): ReturnType<typeof parseReply> => parseReply(lines(
        '关于2024年度审计查出问题整改情况的报告', '主任、各位副主任、各位委员：',
        '受市人民政府委托，向市人大常委会报告审计查出问题的整改情况，请予审议。',
        '2024年9月15日，市人大常委会审议了《审计工作报告》，对反映的问题提出了整改要求。',
        leadIn, '一、预算执行问题的整改情况', '已整改4项。'));
      const r = report('市政府高度重视审计整改工作，召开专题会议部署。现将整改具体情况报告如下：');
      assert.deepEqual([slice(r, r.receipt), r.kind, r.measures.length], ['市政府高度重视审计整改工作，召开专题会议部署。现将整改具体情况报告如下：', 'rectification-report', 1]);
      // with no lead-in there is none to find: a paragraph without its transition is no receipt
      assert.equal(report('市政府高度重视审计整改工作，召开专题会议部署。').receipt, undefined);
    });

    it('finds 收悉 with the quoted title, the number and the transition', () => {
      const r = parseReply(lines('民进厦门市委:', '《推动教育资源合理配置,实现基础教育优质均衡发展》(第20244077号)收悉。现答复如下:'));
      assert.deepEqual(r.receipt!.quotedTitles.map((q) => q.text), ['推动教育资源合理配置,实现基础教育优质均衡发展']);
      assert.deepEqual(r.receipt!.proposalNumbers.map((p) => p.value), ['20244077']);
      assert.equal(r.receipt!.transition!.text, '现答复如下:');
    });

    it('finds the handed-over, co-handling and rectification wordings', () => {
      const handed = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》（第156号）交我们办理，现答复如下：'));
      assert.equal(handed.receipt!.transition!.text, '现答复如下：');
      const co = parseReply(lines('泉州市教育局：', '贵局主办的第0215号提案《关于乡村教师宿舍的建议》由我局协办，现提出协办意见如下：'));
      assert.equal(co.receipt!.transition!.text, '现提出协办意见如下：');
      const rect = parseReply(lines('市政府教育督导委员会办公室：', '《关于印发<履行教育职责督导评估反馈意见>的通知》（平政教督办〔2023〕33号）收悉后，我区高度重视。现将整改情况报告如下：'));
      assert.deepEqual(rect.receipt!.quotedTitles.map((q) => q.text), ['关于印发<履行教育职责督导评估反馈意见>的通知']);
    });

    it('lists several quoted titles', () => {
      const r = parseReply(lines('吴陵、张健委员：', '你们提出的《关于甲的建议》和《关于乙的建议》（第160号提案）收悉，现答复如下：'));
      assert.deepEqual(r.receipt!.quotedTitles.map((q) => q.text), ['关于甲的建议', '关于乙的建议']);
      assert.deepEqual(r.receipt!.proposalNumbers.map((p) => p.value), ['160']);
    });

    it('finds a receipt without 收悉 that turns to the proposer\'s item after a lead, or addresses a body as 贵会, 贵社', () => {
      const cases: Array<[string, string]> = [
        ['林书瑶委员：', '对您提出的《关于优化民营企业融资环境的提案》，我局高度重视，组织专题调研并认真研究办理。'],
        ['林书瑶委员：', '关于您提出的《关于优化民营企业融资环境的提案》，我局高度重视，认真研究办理。'],
        ['林书瑶委员：', '我局认真研究了您提出的《关于优化民营企业融资环境的提案》（第0321号），并征求了市财政局意见。'],
        ['林书瑶委员：', '您所提《关于优化民营企业融资环境的提案》，我局高度重视，认真研究办理。'],
        ['市工商联：', '贵会在市政协十三届四次会议上提出的《关于优化民营企业融资环境的提案》，我局高度重视，认真研究办理。'],
        ['九三学社江州市委员会：', '贵社提出的《关于优化民营企业融资环境的提案》，我局高度重视，认真研究办理。'],
      ];
      for (const [addressee, receipt] of cases) {
        const r = parseReply(lines(addressee, receipt, '一、拓宽融资渠道。设立专项资金。', '此复。'));
        assert.equal(slice(r, r.receipt), receipt);
      }
      // but not a paragraph that mentions the item after its first clause, or thanks the proposer for it
      for (const paragraph of ['我局高度重视，对您提出的《关于优化民营企业融资环境的提案》认真研究办理。', '感谢您提出的宝贵建议。']) {
        assert.equal(parseReply(lines('林书瑶委员：', paragraph, '此复。')).receipt, undefined, paragraph);
      }
    });

    it('ends at the transition when the body continues on the same line', () => {
      const r = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：近年来，我市加强领导。'));
      assert.ok(slice(r, r.receipt).endsWith('现答复如下：'));
      assert.equal(slice(r, r.body[0]), '近年来，我市加强领导。');
    });

  });

  describe('measures', () => {
    it('builds the tree over the four GB/T 9704 levels', () => {
      const r = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：',
        '一、完善保障', '（一）出台办法', '1.明确标准。按标准补助。', '（1）小学标准', '（2）初中标准', '2.规范拨付', '（二）落实补助', '二、加强师资'));
      assert.deepEqual(tree(r.measures), [
        ['一、', '完善保障', [['（一）', '出台办法', [['1.', '明确标准', [['（1）', '小学标准'], ['（2）', '初中标准']]], ['2.', '规范拨付']]], ['（二）', '落实补助']]],
        ['二、', '加强师资'],
      ]);
      assert.deepEqual(r.headings.map((h) => h.marker.level), [1, 2, 3, 4, 4, 3, 2, 1]);
      assert.equal(r.headings[2]!.form, 'paragraph');
      assert.equal(r.headings[0]!.form, 'standalone');
    });

    it('reads half-width and full-width forms alike', () => {
      const r = parseReply(lines('(一)以目标为统领', '（二）以问题为导向', '(3)第三项', '１．全角数字', '1、顿号写法', '一．圆点写法'));
      assert.deepEqual(r.headings.map((h) => [h.marker.level, h.marker.ordinal]), [[2, 1], [2, 2], [4, 3], [3, 1], [3, 1], [1, 1]]);
      assert.deepEqual(r.headings.map((h) => h.marker.separator), ['', '', '', '．', '、', '．']);
    });

    it('does not take decimals, years, citations or inline lists for headings', () => {
      const r = parseReply(lines('2.9亿元用于新建学校。', '2019年全市教育大会召开。', '（第156号）提案已办理。', '一是加强领导。', '十分重视此项工作。'));
      assert.equal(r.headings.length, 0);
    });

    it('splits several headings pasted on one line', () => {
      const r = parseReply('二、内引外培,建设高水平教育人才队伍 (一)完善中小学教师全员培训制度。制定出台办法。 (二)建强中小学教师和校长队伍。构建优化体系。');
      assert.deepEqual(tree(r.measures), [['二、', '内引外培,建设高水平教育人才队伍', [['(一)', '完善中小学教师全员培训制度'], ['(二)', '建强中小学教师和校长队伍']]]]);
      assert.ok(r.headings.every((h) => lineOf(r, h.start) === 1));
    });

    it('splits a heading that follows a sentence end without a blank, but not the items of a list the paragraph opened', () => {
      const r = parseReply('一、加强领导。成立工作专班。二、完善机制。建立会商制度。');
      assert.deepEqual(r.headings.map((h) => h.marker.text), ['一、', '二、']);
      // a list after a colon inside the paragraph, its items ending in 。
      for (const text of ['一、完善设施网络。主要做了以下工作：（1）新建服务站60个。（2）改造老旧设施32处。（3）引入专业机构运营。', '一、加强人才培养。主要措施是：（一）开展培训。（二）提高待遇。']) {
        assert.deepEqual(parseReply(text).headings.map((h) => h.marker.text), ['一、'], text);
      }
    });

    it('takes the next line for the title of a marker alone on its line or ending a line, but not across text or another marker', () => {
      const r = parseReply(lines('林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：', '　　一、', '　　加强领导。成立工作专班。',
        '今年以来做了很多工作。  二、', '完善机制。建立会商制度。', '三、', '（一）拓展服务项目', '此复。'));
      assert.deepEqual(tree(r.measures), [['一、', '加强领导'], ['二、', '完善机制', [['（一）', '拓展服务项目']]]]);
      assert.equal(slice(r, r.measures[0]), lines('一、', '　　加强领导。成立工作专班。', '今年以来做了很多工作。'));
      assert.deepEqual(r.headings.map((h) => lineOf(r, h.title.start)), [4, 6, 8]);
    });

    it('gives each section the text up to the next heading of its level or higher', () => {
      const text = lines('一、完善保障', '正文甲。', '（一）出台办法', '正文乙。', '二、加强师资', '正文丙。');
      const r = parseReply(text);
      assert.equal(slice(r, r.measures[0]), lines('一、完善保障', '正文甲。', '（一）出台办法', '正文乙。'));
      assert.equal(slice(r, r.measures[0]!.children[0]), lines('（一）出台办法', '正文乙。'));
    });

    it('marks next-steps headings', () => {
      const r = parseReply(lines('一、措施与成效', '二、存在的问题及今后推动计划', '三、下一步工作打算'));
      assert.deepEqual(r.headings.map((h) => h.isNextSteps), [false, true, true]);
      assert.deepEqual(r.nextSteps.map((n) => n.form), ['heading', 'heading']);
    });

    it('marks a heading next steps by a planning word only when that word is what the heading is, and not by a cue in quotes', () => {
      const titles: Array<[string, boolean]> = [
        ['工作计划', true], ['工作展望', true], ['2026年工作打算', true], ['存在的问题和努力方向', true], ['工作成效及下步打算', true], ['今后工作思路：', true],
        // the object of a verb, and the proposer's words in quotes
        ['制定年度推进计划', false], ['完善工作思路，加强统筹', false], ['关于“今后新建住宅小区全部预留充电设施安装条件”的建议', false],
      ];
      const r = parseReply(lines(...titles.map(([title], i) => `${'一二三四五六七八九'[i]}、${title}`)));
      assert.deepEqual(r.headings.map((h) => [h.titleText, h.isNextSteps]), titles);
      // the cue is the planning word itself
      const named = parseReply(lines('一、加快设施建设', '二、存在的问题和努力方向'));
      assert.deepEqual(named.nextSteps.map((n) => named.text.slice(n.cue.start, n.cue.end)), ['努力方向']);
    });

    it('reads a marker that left out its opening bracket at its level', () => {
      const r = parseReply(lines('一、完善机制', '1）出台办法。', '2）加强督导。', '二、加强保障', '一）落实经费。'));
      assert.deepEqual(r.headings.map((h) => [h.marker.text, h.marker.level, h.marker.ordinal]), [['一、', 1, 1], ['1）', 4, 1], ['2）', 4, 2], ['二、', 1, 2], ['一）', 2, 1]]);
    });

    it('a run of numerals such as 一、二年级 or 一、二、三 starts no heading', () => {
      assert.equal(matchMarker('一、二年级学生', 0), undefined);
      assert.equal(matchMarker('一、二、三类问题', 0), undefined);
      assert.equal(matchMarker('一、加强领导', 0)?.ordinal, 1);
      // a comma for the 、 (a slip of the keyboard) still numbers a heading, but not in a list of
      // numerals (matchMarker reads folded text: ， is ,)
      assert.deepEqual(parseReply(lines('一，加强领导', '正文。', '二，完善机制', '正文。')).headings.map((h) => [h.marker.level, h.marker.ordinal]), [[1, 1], [1, 2]]);
      assert.equal(matchMarker('一,二年级学生', 0), undefined);
      // a blank for a lost 、 before the heading's words, but not before 是 (一 是…, an enumeration)
      assert.deepEqual([matchMarker('二 加强领导', 0)?.level, matchMarker('二 加强领导', 0)?.ordinal, matchMarker('二 加强领导', 0)?.separatorAt], [1, 2, -1]);
      assert.equal(matchMarker('一 是健全机制', 0), undefined);
      assert.equal(matchMarker('一 二年级学生', 0), undefined);
      assert.equal(matchMarker('一,二,三类问题', 0), undefined);
      const rest = fc.array(fc.constantFrom('二', '十', '百', '、', ',', '年', '级', '加', ' '), { maxLength: 4 }).map((xs) => xs.join(''));
      fc.assert(fc.property(rest, (r) => {
        assert.equal(matchMarker(`一、${r}`, 0) === undefined, /^[一二三四五六七八九十][、,年]/.test(r), r);
      }), { numRuns: 2_000 });
    });

    it('a pair of quarters or months such as 三、四季度 or 七、八月份 starts no heading, another numeral word may', () => {
      for (const s of ['三、四季度，我们将继续完善', '七、八月份组织活动', '一、二季度', '十一、十二月']) assert.equal(matchMarker(s, 0), undefined, s);
      for (const [s, ordinal] of [['二、三农工作', 2], ['二、十月底前完成整改', 2], ['三、三月份开展督查', 3]] as const) assert.equal(matchMarker(s, 0)?.ordinal, ordinal, s);
      const r = parseReply(lines('一、加快建设。新建步道。', '二、强化管理。建立制度。', '三、四季度，我们将继续完善。'));
      assert.deepEqual(r.headings.map((h) => h.marker.text), ['一、', '二、']);
    });

  });

  describe('inline enumerations and next steps', () => {
    it('groups 一是…二是… per section, also across paragraphs', () => {
      const r = parseReply(lines('一、加强领导', '一是健全机制。二是压实责任。', '三是强化考核。', '二、完善保障', '一是加大投入，二是规范管理。'));
      assert.deepEqual(r.enumerations.map((e) => e.items.map((i) => i.ordinal)), [[1, 2, 3], [1, 2]]);
    });

    it('does not read 之一是 or 唯一是 as enumeration items', () => {
      assert.equal(parseReply('这是重点工作之一是毋庸置疑的。').enumerations.length, 0);
    });

    it('takes the next cue of a group after a lost mark, but not 第四是 or 周四是', () => {
      const r = parseReply('一是健全机制。二是压实责任。三是强化考核，形成全链条四是促进养成。');
      assert.deepEqual(r.enumerations.map((e) => e.items.map((i) => i.ordinal)), [[1, 2, 3, 4]]);
      const not = parseReply('一是健全机制。二是压实责任。三是强化考核，第四是重点，周四是开放日，五是加强宣传。');
      assert.deepEqual(not.enumerations.map((e) => e.items.map((i) => i.ordinal)), [[1, 2, 3, 5]]);
    });

    it('finds next steps opening a paragraph or a sentence inside one', () => {
      const r = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '下一步，我局将继续推进。', '目前已完成建设。今后，我们将加强督导。'));
      assert.deepEqual(r.nextSteps.map((n) => [n.form, r.text.slice(n.cue.start, n.cue.end)]), [['paragraph', '下一步'], ['paragraph', '今后']]);
      assert.equal(slice(r, r.nextSteps[1]), '今后，我们将加强督导。');
    });

    it('takes 后续 and 未来 for next steps only when they open a clause with a comma or with who will act', () => {
      const cues = (...paragraphs: string[]): string[] => {
        const r = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', ...paragraphs));
        return r.nextSteps.map((n) => r.text.slice(n.start, n.end));
      };
      assert.deepEqual(cues('已完成建设。', '后续，我们将加强督导。'), ['后续，我们将加强督导。']);
      assert.deepEqual(cues('目前已完成建设。未来我局将加强督导。'), ['未来我局将加强督导。']);
      assert.deepEqual(cues('我局做好后续工作，我们将加强督导。', '未来三年，全市将新建学校十所。', '已建成未来学校，我局将推广。'), []);
    });
  });

  describe('foot', () => {
    const head = ['林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '我局已出台办法。'];

    it('finds closing, signature, date, contact, annotation and copy-to', () => {
      const r = parseReply(lines(...head, '此复。', '普洱市教育体育局', '2023年7月12日', '（联系人及电话：教师教育科龚修颖，2125050）', '（此件公开发布）', '抄送：市政协提案委员会。'));
      assert.equal(slice(r, r.closing), '此复。');
      assert.deepEqual(r.signature!.names, ['普洱市教育体育局']);
      assert.deepEqual(r.date!.value, { year: 2023, month: 7, day: 12 });
      assert.equal(r.contacts.length, 1);
      assert.equal(slice(r, r.annotation), '（此件公开发布）');
      assert.equal(slice(r, r.copyTo), '抄送：市政协提案委员会。');
    });

    it('names a date a page or a scan damaged as the candidate for the missing date, and reads a date with a seal note or its weekday', () => {
      for (const damaged of ['2025年6月□日', '2025年?月20日', '2025年6月20曰', '2O25年6月20日', '二〇二五年六月□日', '2025年月日']) {
        const r = parseReply(lines(...head, '此复。', '厦门市教育局', damaged));
        assert.equal(r.date, undefined, damaged);
        assert.equal(slice(r, r.candidates.date), damaged);
      }
      for (const dated of ['2025年6月20日（印）', '2025年6月20日周五', '2025年6月20日 星期五']) {
        assert.deepEqual(parseReply(lines(...head, '此复。', '厦门市教育局', dated)).date?.value, { year: 2025, month: 6, day: 20 }, dated);
      }
    });

    it('takes the organs just above the date for the signature, not organ names below it', () => {
      const r = parseReply(lines(...head, '此复。', '普洱市教育体育局', '2023年7月12日', '', '相关链接：', '云南省教育厅', '普洱市人民政府'));
      assert.deepEqual(r.signature!.names, ['普洱市教育体育局']);
      const joint = parseReply(lines(...head, '此复。', '普洱市教育体育局', '普洱市财政局', '2023年7月12日'));
      assert.deepEqual(joint.signature!.names, ['普洱市教育体育局', '普洱市财政局']);
      // each with the part it played
      for (const organs of [['普洱市教育体育局（主办）', '普洱市财政局（会办）'], ['主办单位：普洱市教育体育局', '会办单位：普洱市财政局']]) {
        assert.deepEqual(parseReply(lines(...head, '此复。', ...organs, '2023年7月12日')).signature?.names, ['普洱市教育体育局', '普洱市财政局'], organs[0]);
      }
      // each with its seal note below it
      const sealed = parseReply(lines(...head, '此复。', '普洱市教育体育局', '（盖章）', '普洱市财政局', '（盖章）', '2023年7月12日'));
      assert.deepEqual(sealed.signature!.names, ['普洱市教育体育局', '普洱市财政局']);
    });

    it('finds the closing formulas clerks write', () => {
      for (const closing of ['此复。', '特此函复。', '专此答复，诚望继续关心支持。', '以上答复，如有不妥，请批评指正。', '以上答复，请予指正。', '以上答复，请予审议。', '再次感谢您对我们工作的关心和支持！', '如有不同意见，请及时与我们联系。', '如对答复有意见，请及时反馈。', '以上报告，请审阅。', '对您的关心支持表示衷心感谢！', '谢谢！', '顺致敬礼！', '以上为我局关于您所提建议的答复。', '专此函达。', '谨此函告。', '顺祝工作顺利！', '再一次向您表示诚挚的谢意！', '特 此 答 复。', '此　复']) {
        const r = parseReply(lines(...head, closing, '厦门市教育局', '2025年5月20日'));
        assert.equal(slice(r, r.closing), closing);
      }
    });

    it('finds a closing that ends the last paragraph', () => {
      const r = parseReply(lines(...head.slice(0, 2), '我局已出台办法，下一步将加强督导。谨此回复。感谢您的支持。', '厦门市教育局', '2025年5月20日'));
      assert.equal(slice(r, r.closing), '谨此回复。感谢您的支持。');
      const thanks = parseReply(lines(...head.slice(0, 2), '我局将认真吸纳您的意见，不断改进工作。谢谢！', '厦门市教育局', '2025年5月20日'));
      assert.equal(slice(thanks, thanks.closing), '谢谢！');
      // a reply of one paragraph: receipt, answer, closing
      const one = parseReply(lines(head[0]!, '您提出的《关于增设校车线路的建议》收悉。经研究，该事项已纳入明年方案统筹考虑。感谢您对教育工作的关心和支持！', '厦门市教育局', '2025年5月20日'));
      assert.equal(slice(one, one.closing), '感谢您对教育工作的关心和支持！');
      assert.equal(slice(one, one.receipt), '您提出的《关于增设校车线路的建议》收悉。经研究，该事项已纳入明年方案统筹考虑。');
      // the receipt's own sentence is no closing
      const own = parseReply(lines(head[0]!, '您提出的《关于增设校车线路的建议》收悉，感谢您对教育工作的关心和支持！', '厦门市教育局', '2025年5月20日'));
      assert.equal(own.closing, undefined);
    });

    it('finds the signatures of organs whose names end other than in 局 or 委: customs, a bank branch, an observatory', () => {
      for (const organ of ['厦门海关', '中国人民银行厦门市中心支行', '厦门市气象台', '厦门市广播电视台', '厦门监狱', '国营厦门农场']) {
        assert.deepEqual(parseReply(lines(...head, '此复。', organ, '2025年5月20日')).signature?.names, [organ]);
      }
      // with a seal note after it
      for (const seal of ['（盖章）', '（代章）', '（印）', '(公章)']) {
        assert.deepEqual(parseReply(lines(...head, '此复。', `厦门市教育局${seal}`, '2025年5月20日')).signature?.names, ['厦门市教育局'], seal);
      }
    });

    it('finds the signature of an organ with two names, its second in brackets, and lists both', () => {
      const r = parseReply(lines(...head, '此复。', '江州市文化广电旅游局（江州市文物局）', '2025年6月30日'));
      assert.deepEqual([slice(r, r.signature), r.signature?.names], ['江州市文化广电旅游局（江州市文物局）', ['江州市文化广电旅游局', '江州市文物局']]);
      // but a note in brackets is no second name: the part the organ played is its own (see joint
      // signatures), anything else makes no signature
      assert.deepEqual(parseReply(lines(...head, '此复。', '江州市财政局（协办）', '2025年6月30日')).signature?.names, ['江州市财政局']);
      assert.equal(parseReply(lines(...head, '此复。', '江州市财政局（草稿）', '2025年6月30日')).signature, undefined);
    });

    it('finds a signature with a character the page lost', () => {
      for (const organ of ['赣州市南\ufffd区农业农村局', '\ufffd云台山风景名胜区管理委员会', '厦门市教□局']) {
        assert.deepEqual(parseReply(lines(...head, '此复。', organ, '2025年5月20日')).signature?.names, [organ]);
      }
      // a question mark that ends a sentence is no lost character
      assert.equal(parseReply(lines(...head, '此复。', '是否需要?', '2025年5月20日')).signature, undefined);
    });

    it('finds a joint signature and a signature sharing a line with the date', () => {
      const joint = parseReply(lines(...head, '此复。', '厦门市教育局', '厦门市财政局', '2025年5月20日'));
      assert.deepEqual(joint.signature!.names, ['厦门市教育局', '厦门市财政局']);
      const gap = parseReply(lines(...head, '此复。', '厦门市教育局　2025年5月20日'));
      assert.deepEqual([gap.signature!.names, gap.date!.raw], [['厦门市教育局'], '2025年5月20日']);
      const noGap = parseReply(lines(...head, '此复。', '厦门市教育局2025年5月20日'));
      assert.deepEqual([noGap.signature!.names, noGap.date!.raw], [['厦门市教育局'], '2025年5月20日']);
    });

    it('keeps an attachment note and its items out of the body', () => {
      const r = parseReply(lines(...head, '此复。', '附件：1.办理情况表', '　　　2.征询意见表', '厦门市教育局', '2025年5月20日'));
      assert.equal(slice(r, r.closing), '此复。');
      assert.deepEqual(r.signature!.names, ['厦门市教育局']);
      assert.equal(r.headings.length, 0);
    });

    it('finds an addressee with no colon in a run-on line: before a greeting or the proposer\'s item', () => {
      const cases: Array<[string, string]> = [['林灵委员您好！', '林灵委员您好！'], ['林灵委员，您好！', '林灵委员，您好！'], ['林灵委员 ', '林灵委员']];
      for (const [opening, addressee] of cases) {
        const r = parseReply(`${opening}您提出的《关于教育的建议》收悉，现答复如下：一、加强领导。此复。厦门市教育局 2025年5月20日`);
        assert.deepEqual([slice(r, r.addressee), r.addressee?.names, r.addressee?.colon?.char], [addressee, ['林灵委员'], opening.includes('，') ? '，' : undefined], opening);
        assert.equal(slice(r, r.receipt), '您提出的《关于教育的建议》收悉，现答复如下：');
      }
      // after the title of a run-on line, before the proposer's item or another receipt
      const titled = parseReply('关于县人大第094号建议的答复 张凤娥等代表 你们提出的“关于加快河道整治”的建议收悉，现答复如下： 一、加强管理。');
      assert.deepEqual([titled.title?.text, slice(titled, titled.addressee), titled.addressee?.colon], ['关于县人大第094号建议的答复', '张凤娥等代表', undefined]);
      const body = parseReply(`关于第117号提案的答复 来源:某市商务局 时间:2023-07-18 16:00 农工党某市委员会 《关于发展夜经济的提案》已收悉，感谢贵单位的关心和支持。 一、加强管理。${'我局已出台办法，'.repeat(20)}`);
      assert.deepEqual([slice(body, body.addressee), slice(body, body.receipt)], ['农工党某市委员会', '《关于发展夜经济的提案》已收悉，感谢贵单位的关心和支持。']);
      // glued to the item, with no blank: people, but not a body, which a receipt may name as its subject
      const glued = parseReply(lines('关于第49号建议的答复', '罗元代表你提出的“关于治理河道源头的建议”，已交由我局研究办理，现答复如下：', '一、加强管理。'));
      assert.deepEqual([slice(glued, glued.addressee), slice(glued, glued.receipt)], ['罗元代表', '你提出的“关于治理河道源头的建议”，已交由我局研究办理，现答复如下：']);
      const subject = parseReply(lines('九三学社某区委员会：', '九三学社某区委员会您们提出的《关于旅游的提案》收悉，现答复如下：'));
      assert.equal(subject.roles.filter((b) => b.line === 1).length, 1);
      // a heading whose words look like a list of bodies (一、推进设施布局) is no addressee before its full stop
      const heading = parseReply('林灵委员：您提出的《关于教育的建议》收悉，现答复如下：一、推进设施布局。今年新建站点十二个。');
      assert.deepEqual(heading.headings.map((h) => slice(heading, h)), ['一、推进设施布局。今年新建站点十二个。']);
    });

    it('finds the signing organisation glued to the closing sentence', () => {
      const cases: Array<[string[], string]> = [
        [['特此函复。厦门市教育局 2025年5月20日'], '特此函复。'],
        [['感谢您对教育工作的关心和支持！厦门市教育局', '2025年5月20日'], '感谢您对教育工作的关心和支持！'],
        [['此复 厦门市教育局 2025年5月20日'], '此复'],
        [['特此函复。厦门市教育局2025年5月20日'], '特此函复。'],
      ];
      for (const [foot, closing] of cases) {
        const r = parseReply(lines(...head, ...foot));
        assert.deepEqual([slice(r, r.closing), r.signature?.names, r.date?.raw], [closing, ['厦门市教育局'], '2025年5月20日'], foot.join(' / '));
      }
      // an organ named at the end of a body sentence, with more text after it, stays in the body
      const body = parseReply(lines(...head, '此事已交市财政局办理。市财政局表示将研究。', '此复。', '厦门市教育局', '2025年5月20日'));
      assert.deepEqual(body.signature?.names, ['厦门市教育局']);
    });

    it('cuts a note in brackets glued to the end of the date line', () => {
      for (const note of ['（此件公开发布）', '(此件依申请公开)', '（联系人：张三，电话：0592-1234567）']) {
        for (const foot of [['厦门市教育局', `2025年5月20日${note}`], [`厦门市教育局 2025年5月20日${note}`]]) {
          const r = parseReply(lines(...head, '此复。', ...foot));
          assert.deepEqual([r.signature?.names, r.date?.raw], [['厦门市教育局'], '2025年5月20日'], foot.join(' / '));
        }
      }
      // a weekday after the date is no part of it; a bracket that is no note stays with its line
      assert.equal(parseReply(lines(...head, '此复。', '厦门市教育局', '2025年5月20日（星期二）')).date?.raw, '2025年5月20日');
      assert.equal(parseReply(lines(...head, '此复。', '厦门市教育局', '2025年5月20日（草稿）')).date?.raw, undefined);
    });

    it('cuts a date from a lost label before it when an invisible space ends the line', () => {
      // `领导签名:` lost its first characters and left `人:姚某`; a zero-width space ends the line
      for (const end of ['', '\u200b', '\ufeff', '\u3000']) {
        const r = parseReply(lines(...head, '此复。', '领导签名:王某      厦门市教育局', `人:姚某      2025年5月20日${end}`));
        assert.equal(r.date?.raw, '2025年5月20日', JSON.stringify(end));
      }
    });

    it('finds a signature glued to its date and what follows after the closing sentence of a letter run together', () => {
      const r = parseReply('林灵委员:您提出的《关于教育的建议》收悉,现答复如下:我局已出台办法。再次感谢您的关心和支持!天水市卫生健康委员会2021年8月17日抄送:市政府办公室、市政协提案委。');
      assert.deepEqual([r.signature?.names, r.date?.raw, slice(r, r.copyTo)], [['天水市卫生健康委员会'], '2021年8月17日', '抄送:市政府办公室、市政协提案委。']);
    });

    it('finds a signature and a date that lost 年月日 before the contact lines of a run-on line', () => {
      const r = parseReply('我们将继续努力。  再次感谢您的关心和支持！  银川市交通运输局  2017821  联系人：范某  联系电话：13500000000');
      assert.deepEqual([r.signature?.names, r.date?.raw, r.contacts.length], [['银川市交通运输局'], '2017821', 2]);
    });

    it('finds the date that lost 年月日 in the right column of a foot laid out in two', () => {
      const r = parseReply(lines(...head, '此复。', '领导签名：张华            厦门市教育局', '联系人：李明            2025520'));
      assert.deepEqual([r.signature?.names, r.date?.raw, r.date?.value], [['厦门市教育局'], '2025520', { year: 2025, month: 5, day: 20 }]);
    });

    it('reads a spaced date as one date, and a date that lost one of 年月日 as the date', () => {
      for (const written of ['2025年5 月20日', '2025 年 5 月 20 日', '20255月20日', '2025年520日']) {
        const r = parseReply(lines(...head, '此复。', '厦门市教育局', written));
        assert.deepEqual([r.date?.raw, r.date?.value, r.roles.at(-1)?.role, r.roles.filter((b) => b.role === 'other').length], [written, { year: 2025, month: 5, day: 20 }, 'date', 0], written);
      }
    });

    it('finds a signature after an attachment note or a contact\'s number in a run-on line, but not a label\'s value or a recipient', () => {
      const r = parseReply('此复。 联系人：陈某 联系电话：0591-87859750 福建省卫生健康委员会 2023年4月27日');
      assert.deepEqual([r.signature?.names, r.date?.raw], [['福建省卫生健康委员会'], '2023年4月27日']);
      const attached = parseReply('此复。 附：建议办理情况征询意见表 赣州市交通运输局 2020721 抄送：市人大选任联工委。');
      assert.deepEqual([attached.signature?.names, attached.date?.raw], [['赣州市交通运输局'], '2020721']);
      const value = parseReply(lines(...head, '此复。', '2019年4月20日', '抄 报:县政府办 县政协提案委 联系单位: 县教育局'));
      assert.equal(value.signature, undefined);
      // the recipients of a copy-to line are organisations too
      const copyTo = parseReply(lines(...head, '此复。', '湘阴县教育局', '2019年4月20日', '抄 报:县政府办 县政协提案委'));
      assert.deepEqual([copyTo.signature?.names, slice(copyTo, copyTo.copyTo)], [['湘阴县教育局'], '抄 报:县政府办 县政协提案委']);
    });

    it('cuts a run-on line after a date standing alone, but keeps a page timestamp whole', () => {
      const r = parseReply('此复。  厦门市教育局  2020年10月29日  承办单位：市教育局基教处  联系人：张三');
      assert.deepEqual([r.signature?.names, r.date?.raw], [['厦门市教育局'], '2020年10月29日']);
      // (a whole letter on one line: longer than a row of page furniture)
      const stamp = parseReply(`发布时间：  2023-10-11  11:19  林灵委员：  您提出的《关于教育的建议》收悉，现答复如下：  一、加强领导。${'我局已出台办法，'.repeat(20)}`);
      assert.equal(stamp.date, undefined);
      assert.deepEqual(stamp.addressee?.names, ['林灵委员']);
    });

    it('finds foot elements in a run-on pasted line', () => {
      const r = parseReply('我们相信，一定会谱写新篇章。 普洱市教育体育局 2023年7月12日 (联系人及电话:教师教育科龚修颖,2125050) |');
      assert.deepEqual(r.signature!.names, ['普洱市教育体育局']);
      assert.equal(r.date!.raw, '2023年7月12日');
      assert.equal(r.contacts.length, 1);
    });

    it('keeps a paragraph typed the Latin way (a blank after every comma and sentence end) whole, and finds the foot after a sentence end', () => {
      const receipt = '民革某市委员会向市政协十三届三次会议提交了《关于加强应急能力建设的建议》(第18号)。 该提案由我局主办, 市公安局会办。 我局会同各会办单位研究, 现答复如下:';
      const measure = '一、加强组织领导。 我局成立了专班, 由局长任组长。 各区同步推进。';
      const r = parseReply(lines('某市应急管理局关于市政协十三届三次会议第18号提案的答复', '', '民革某市委员会:', '', receipt, '', measure, '', '此复。', '', '某市应急管理局', '', '2025年5月20日'));
      assert.equal(slice(r, r.receipt), receipt);
      // a heading run into its paragraph: one block
      assert.deepEqual([r.measures.length, r.blocks.filter((b) => slice(r, b) === measure).length], [1, 1]);
      // a whole letter on one line so typed: the foot after the last sentence
      const oneLine = parseReply('王某委员: 您提出的《关于规范屋顶绿化的建议》收悉。 感谢您对城市建设的关心。 现答复如下: 屋顶绿化可减少扬尘, 但需要一个过程。 我们将配合城管部门, 加大宣传。 附:建议办理情况征询意见表 赣州市交通运输局 2020年7月21日');
      assert.deepEqual([oneLine.addressee?.names, oneLine.signature?.names, oneLine.date?.raw], [['王某委员'], ['赣州市交通运输局'], '2020年7月21日']);
      const signed = parseReply('王某委员: 您提出的《关于规范屋顶绿化的建议》收悉。 现答复如下: 屋顶绿化可减少扬尘, 但需要一个过程。 我们将把城市建设得更加美好。 赤水市建设局 二〇〇七年七月十七日');
      assert.deepEqual([signed.signature?.names, signed.date?.raw], [['赤水市建设局'], '二〇〇七年七月十七日']);
      // a letter whose line breaks were lost, its paragraphs one sentence each, is cut at each sentence end
      const collapsed = parseReply('王某委员：您提出的《关于规范屋顶绿化的建议》收悉，现答复如下： 全市已完成屋顶绿化86处。 下一步，我局将简化审批流程。 感谢您对城市建设工作的关心和支持。 某市建设局 2025年4月15日');
      assert.equal(slice(collapsed, collapsed.closing), '感谢您对城市建设工作的关心和支持。');
    });

  });

  describe('junk and odd text', () => {
    it('cuts the lines of a text into at most CUTS_MAX more blocks, the rest of a line staying whole', () => {
      const bars = parseReply('a|'.repeat(CUTS_MAX * 2));
      // (a bar is a cut and a border)
      assert.ok(bars.blocks.length + bars.junk.length <= 2 * CUTS_MAX + 2, `${bars.blocks.length} blocks, ${bars.junk.length} borders`);
      assert.equal(bars.blocks.at(-1)!.end, CUTS_MAX * 4 - 1);
      const headings = parseReply(lines('林灵委员：', '(一)x。'.repeat(CUTS_MAX * 2)));
      assert.ok(headings.headings.length <= CUTS_MAX + 1, `${headings.headings.length} headings`);
      // a text within it is cut as ever
      const table = parseReply('| 答复 | 我局高度重视，已出台办法 |\n'.repeat(100));
      assert.equal(table.blocks.length, 200);
    });


    it('folds width one character for one, a leading BOM kept, with Buffer and without it (a browser)', () => {
      const text = '\ufeffａ，（一）\u3000<p>&nbsp;林灵委员：';
      const folded = '\ufeffa,(一) <p>&nbsp;林灵委员:';
      assert.equal(foldWidth(text), folded);
      const buffer = globalThis.Buffer;
      try {
        Reflect.deleteProperty(globalThis, 'Buffer');
        assert.equal(foldWidth(text), folded);
        // and the parser blanks the markup out without it too
        assert.equal(parseReply(text).folded, `\ufeffa,(一)${' '.repeat(10)}林灵委员:`);
      } finally {
        globalThis.Buffer = buffer;
      }
    });

    it('recognises web-page junk lines and table borders', () => {
      const r = parseReply(lines('发布时间: 2019-10-30 04:10   浏览次数:0次   来源:贵阳市教育局    字体:[]', '正文。', '分享到:', '扫一扫在手机上查看当前页面', '闽公网安备 35020302032660-4号', '(编辑:兰雪荣 责任编辑:牛栋)', '||||||||', '标题 | ||||'));
      assert.deepEqual(r.junk.map((j) => [lineOf(r, j.start), j.reason, j.wholeLine]), [
        [1, 'web-metadata', true], [3, 'share-widget', true], [4, 'share-widget', true], [5, 'site-footer', true], [6, 'web-metadata', true], [7, 'table-border', true],
        // a web table's row whose first cell is a metadata label is page metadata
        [8, 'web-metadata', true],
      ]);
      assert.deepEqual(r.blocks.map((b) => r.text.slice(b.start, b.end)), ['正文。']);
    });

    it('takes each run of invisible characters for junk, once, and reads on as before', () => {
      const plain = lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '我局已出台办法。此复。', '厦门市教育局', '2025年5月20日');
      const pasted = lines('\ufeff林灵\u200b\u200b委员：', '您提出的《关于\u00ad教育的建议》收悉，现答复如下：\u200e', '\u0000我局已出台办法。此复。', '<p title="\u200b">厦门市教育局</p>', '2025年5月20日');
      const r = parseReply(pasted);
      assert.deepEqual(r.junk.map((j) => [lineOf(r, j.start), j.reason, r.text.slice(j.start, j.end)]), [
        [1, 'invisible-character', '\u200b\u200b'], [2, 'invisible-character', '\u00ad'], [2, 'invisible-character', '\u200e'],
        // the zero-width space inside the tag goes with the tag
        [3, 'invisible-character', '\u0000'], [4, 'html-markup', '<p title="\u200b">'], [4, 'html-markup', '</p>'],
      ]);
      const p = parseReply(plain);
      for (const element of ['addressee', 'receipt', 'closing', 'signature', 'date'] as const) assert.equal(r[element] === undefined, p[element] === undefined, element);
      // the joiners an emoji sequence needs are no junk
      assert.deepEqual(parseReply('👨\u200d👩\u200c').junk, []);
    });

    it('keeps the blank rows of a feedback form attached after the date, while a register row with its values is page metadata', () => {
      const form = ['附件', '政协提案办理情况征询意见表', '提案号：　　　　　　提案人：', '办理单位：', '对办理工作的意见：满意□　基本满意□　不满意□'];
      const r = parseReply(lines('林灵委员：', '您提出的《关于教育的提案》收悉，现答复如下：', '我局已出台办法。此复。', '厦门市教育局', '2025年5月20日', ...form));
      assert.deepEqual(r.junk, []);
      assert.equal(r.roles.filter((b) => b.line === 7).length, 1);
      const register = parseReply(lines('提案号：20240136　　提案人：林灵', '林灵委员：', '您提出的《关于教育的提案》收悉，现答复如下：'));
      assert.deepEqual(register.junk.map((j) => lineOf(register, j.start)), [1]);
    });

    it('reads the line after a metadata label alone as its value, a counter\'s only when it is a number', () => {
      const receipt = '您提出的《关于教育的建议》收悉，现答复如下：';
      const source = parseReply(lines('来源：', '湘阴县人民政府', '林灵委员：', receipt));
      assert.deepEqual(source.junk.map((j) => lineOf(source, j.start)), [1, 2]);
      const count = parseReply(lines('访问量：', '1024', '林灵委员：', receipt));
      assert.deepEqual(count.junk.map((j) => lineOf(count, j.start)), [1, 2]);
      // the addressee after a counter left empty: no colon, a body or a person
      for (const addressee of ['民盟市委会', '尊敬的林灵委员']) {
        const r = parseReply(lines('访问量：', '', addressee, '', receipt));
        assert.deepEqual([r.junk.map((j) => lineOf(r, j.start)), r.addressee?.start === undefined ? undefined : lineOf(r, r.addressee.start)], [[1], 3], addressee);
      }
    });

    it('reads a page\'s metadata table copied cell by cell as furniture, its 文号 the table\'s and not the document\'s', () => {
      const receipt = '您提出的《关于教育的建议》收悉，现答复如下：';
      const table = ['索引号', '11350200/2025-00012', '发布机构', '厦门市教育局', '文号', '厦教函〔2025〕12号'];
      const r = parseReply(lines(...table, '关于第12号建议的答复', '林灵委员：', receipt));
      assert.deepEqual(r.junk.map((j) => lineOf(r, j.start)), [1, 2, 3, 4, 5, 6]);
      assert.equal(r.docNumber, undefined);
      assert.equal(r.title?.text, '关于第12号建议的答复');
      // the number under the title is the document's
      const own = parseReply(lines(...table, '关于第12号建议的答复', '厦教函〔2025〕12号', '林灵委员：', receipt));
      assert.equal(own.docNumber && lineOf(own, own.docNumber.start), 8);
      // a row of the table in one line, cut into its cells, is one whole line of furniture
      const row = parseReply(lines('文　　号\t厦教函〔2025〕12号\t发布日期\t2025-06-20', '关于第12号建议的答复', '林灵委员：', receipt));
      assert.deepEqual(row.junk.map((j) => [lineOf(row, j.start), j.wholeLine]), [[1, true]]);
      assert.equal(row.docNumber, undefined);
      // one label alone without its colon is as likely the end of a wrapped line, and column heads of a table in the body are no stack
      const wrapped = parseReply(lines('林灵委员：', receipt, '一、丰富课后服务', '内容', '时间', '8月', '下一步，我局将继续推进。'));
      assert.deepEqual(wrapped.junk, []);
    });

    it('reads past web-page markup and keeps it as junk with its plain text', () => {
      const r = parseReply(lines('<p style="text-indent:2em">林灵委员：</p>', '<br/>', '您提出的&ldquo;关于教育的建议&rdquo;收悉，现答复如下：<!-- 正文 -->', '一、加强领导&#12290;&#x4E00;是健全机制'));
      assert.deepEqual(r.addressee?.names, ['林灵委员']);
      assert.ok(r.receipt);
      assert.equal(r.measures.length, 1);
      assert.deepEqual(r.junk.map((j) => [lineOf(r, j.start), r.text.slice(j.start, j.end), j.plainText, j.wholeLine]), [
        [1, '<p style="text-indent:2em">', '', false], [1, '</p>', '', false], [2, '<br/>', '', true],
        [3, '&ldquo;', '“', false], [3, '&rdquo;', '”', false], [3, '<!-- 正文 -->', '', false],
        [4, '&#12290;', '。', false], [4, '&#x4E00;', '一', false],
      ]);
      // markup in page furniture goes with it: the line, or the bars of a table row
      const furniture = parseReply(lines('<p>发布时间：2025-03-02 09:30　浏览次数：128次</p>', '林灵委员：', '您提出的建议收悉。 | <div class="x"> ||||'));
      assert.deepEqual(furniture.junk.map((j) => [j.reason, furniture.text.slice(j.start, j.end), j.wholeLine]), [
        ['web-metadata', '<p>发布时间：2025-03-02 09:30　浏览次数：128次</p>', true], ['table-border', ' | <div class="x"> ||||', false],
      ]);
      // what only looks like markup is text: title marks, a comparison, an unknown or impossible reference
      for (const text of ['《关于教育的建议》', '人数 < 50 时', 'A&B 公司', '&foo;', '&#xD800;', '&#99999999;']) {
        assert.deepEqual(parseReply(text).junk, [], text);
      }
    });

    it('reads past a Markdown draft\'s bold and heading marks at the start of a line, not a page\'s masks of names', () => {
      const r = parseReply(lines('## 关于第12号提案的答复', '**林灵委员：**', '您提出的《关于教育的建议》收悉，现答复如下：', '**一、加强领导。**成立工作专班。', '此复。', '**厦门市教育局**', '**2025年5月20日**'));
      assert.deepEqual(r.junk.map((j) => [lineOf(r, j.start), r.text.slice(j.start, j.end), j.reason]), [
        [1, '## ', 'markdown'], [2, '**', 'markdown'], [2, '**', 'markdown'], [4, '**', 'markdown'], [4, '**', 'markdown'],
        [6, '**', 'markdown'], [6, '**', 'markdown'], [7, '**', 'markdown'], [7, '**', 'markdown'],
      ]);
      assert.deepEqual([r.title?.text, r.addressee?.names, r.measures.length, r.signature?.names, r.date?.value.day], ['关于第12号提案的答复', ['林灵委员'], 1, ['厦门市教育局'], 20]);
      // masks inside a line, and one that opens it, are text
      for (const line of ['张**、李**代表：', '***委员会：']) assert.deepEqual(parseReply(lines(line, '你们提出的建议收悉。')).junk, [], line);
    });

    it('reads a site footer after the reply as furniture, not as a signature that lost its organ word', () => {
      const body = lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '一、加强领导。', '感谢您对教育工作的关心和支持。');
      const footer = ['扫码查看手机版', '主办单位：某市人民政府办公室  承办单位：某市大数据中心', '网站标识码：3502000001  闽ICP备05012345号'];
      const r = parseReply(lines(body, '', ...footer));
      assert.deepEqual(r.junk.map((j) => j.reason), ['share-widget', 'site-footer', 'site-footer']);
      assert.equal(r.signature, undefined);
      assert.equal(r.candidates.signature, undefined, 'the footer is no candidate for the missing signature');
      // a reply's own row of its handling unit stays the reply's
      const own = parseReply(lines(body, '承办单位：市教育局  联系人：张三  联系电话：0592-1234567'));
      assert.deepEqual(own.junk, []);
    });

    it('reads a page\'s counters, its English widgets and a public account\'s article furniture as furniture', () => {
      const r = parseReply(lines('下载次数：15', '（浏览 125 次）', 'Print | Close', '2025年06月26日 18:30 江州发布', '点击蓝字 关注我们', '林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '—END—', '往期推荐'));
      assert.deepEqual(r.junk.map((j) => [lineOf(r, j.start), j.reason]), [[1, 'web-metadata'], [2, 'web-metadata'], [3, 'share-widget'], [4, 'web-metadata'], [5, 'share-widget'], [8, 'share-widget'], [9, 'share-widget']]);
      // the words in a numbered heading are the reply's
      assert.deepEqual(parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '三、推进阅读原文献工作')).junk, []);
    });

    it('reads page numbers of a printout or a PDF and download links as furniture', () => {
      const r = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '— 1 —', '一、加强领导。', '-2-', '第 3 页 共 3 页', '原文下载'));
      assert.deepEqual(r.junk.map((j) => [lineOf(r, j.start), j.reason]), [[3, 'page-number'], [5, 'page-number'], [6, 'page-number'], [7, 'share-widget']]);
      assert.deepEqual(r.addressee!.names, ['林灵委员']);
      assert.equal(r.measures.length, 1);
      assert.equal(r.candidates.signature, undefined);
      // a measure numbered 1/2 or a year range stays content
      assert.deepEqual(parseReply(lines('林灵委员：', '1.2023—2025年计划')).junk, []);
    });

    it('reads a site\'s accessibility and language switches as furniture, not as an addressee that lost its role word', () => {
      const r = parseReply(lines('无障碍 | 长者模式 | 繁体版 | English', '您提出的《关于教育的建议》收悉，现答复如下：', '一、加强领导。'));
      assert.deepEqual(r.junk.map((j) => [lineOf(r, j.start), j.reason]), [[1, 'share-widget']]);
      assert.equal(r.candidates.addressee, undefined);
      // the words themselves in a heading are content
      const heading = parseReply(lines('林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：', '一、无障碍设施建设'));
      assert.deepEqual(heading.junk, []);
      assert.equal(heading.measures.length, 1);
    });

    it('handles CRLF, CR, a BOM, full-width indentation and blank-line noise with exact offsets', () => {
      const base = ['\ufeff林灵委员：', '', '', '　　您提出的《关于教育的建议》收悉，现答复如下：', '  ', '　　一、加强领导', '', '此复。', '厦门市教育局', '2025年5月20日'];
      for (const eol of ['\n', '\r\n', '\r']) {
        const text = base.join(eol);
        const r = parseReply(text);
        assert.deepEqual(r.addressee!.names, ['林灵委员'], JSON.stringify(eol));
        assert.equal(slice(r, r.receipt), '您提出的《关于教育的建议》收悉，现答复如下：');
        assert.equal(slice(r, r.measures[0]), '一、加强领导');
        assert.equal(slice(r, r.date), '2025年5月20日');
        assert.equal(lineOf(r, r.date!.start), 10);
      }
    });

    it('keeps offsets exact after characters outside the basic plane', () => {
      const r = parseReply(lines('𠀋𠀋委员：', '您提出的《关于𠀋的建议》收悉，现答复如下：', '一、加强领导'));
      assert.equal(slice(r, r.measures[0]!.marker), '一、');
      assert.equal(r.addressee!.names[0], '𠀋𠀋委员');
    });

    it('never throws, whatever arrives', () => {
      for (const text of ['', ' ', '\n\n\n', '\u0000\u0001\u0002', '\ud800', '（'.repeat(5000), '一、'.repeat(3000), 'a'.repeat(200_000), '。 '.repeat(20_000), '甲乙丙丁:戊己 \u2004庚辛壬', '甲乙 \u205f丙', '<!--'.repeat(20_000), '<a '.repeat(20_000), '&'.repeat(20_000),
        // names glued to an item, again and again: one addressee is read at the start, not one per repetition
        '甲代表你们提交'.repeat(20_000)]) {
        const r = parseReply(text);
        assert.equal(r.text, text);
        assert.equal(r.parseError, undefined);
      }
    });
  });

  describe('document kind', () => {
    const kinds: Array<[string, string]> = [
      [lines('关于市政协第156号提案的答复', '林灵委员：', '您提出的《关于教育的建议》收悉，现答复如下：'), 'proposal-reply'],
      [lines('王丽华代表：', '您提出的《关于加装电梯的建议》（第0087号）收悉，现答复如下：'), 'suggestion-reply'],
      [lines('市财政局关于第0215号提案的协办意见', '泉州市教育局：', '贵局主办的提案收悉，我局作为协办单位，现提出协办意见如下：'), 'co-handling-opinion'],
      [lines('区人民政府关于督导反馈问题整改情况的报告', '市政府教育督导委员会办公室：', '《通知》收悉后，现将整改情况报告如下：'), 'rectification-report'],
      [lines('吴陵、张健委员：', '你们提出的《关于城乡一体化的建议》（第160号提案）收悉，现答复如下：'), 'proposal-reply'],
      // a CPPCC committee proposes: a reply to it is no co-handling opinion, as a reply to a bureau is
      [lines('市政协提案委：', '贵委提出的《关于城乡一体化的提案》收悉，现答复如下：'), 'proposal-reply'],
      [lines('市住房和城乡建设局：', '贵局主办的提案收悉，现提出意见如下：'), 'co-handling-opinion'],
      // the body addressed proposes in the people's congress or the CPPCC, though the item quoted says otherwise
      [lines('吴江代表团：', '你团提出的《关于加快推进太湖生态岛建设的议案》收悉，现答复如下：'), 'suggestion-reply'],
      [lines('市政协社会和法制委员会：', '贵委提出的《关于完善基层社会治理体系的建议》收悉，现答复如下：'), 'proposal-reply'],
      // a report on a provincial inspection (巡视) as on a county one (巡察)
      [lines('省委巡视办：', '根据省委统一部署，省委第二巡视组对我局党组开展了常规巡视，现就有关情况说明如下：'), 'rectification-report'],
      // a reply that reports how it was handled is still a reply when its title says so
      [lines('关于区政协九届三次会议第1号提案的答复', '区政协提案委：', '民建区委提出的《关于加快数字经济发展的提案》由我局主办，现将办理情况报告如下：'), 'proposal-reply'],
      [lines('区政协提案委：', '民建区委提出的《关于加快数字经济发展的提案》由我局主办，现将办理情况报告如下：'), 'rectification-report'],
      // … but a receipt that acknowledges a proposal or a suggestion answers it, without a title, whatever its item is about
      [lines('民革临江市委会：', '贵会提出的《关于加强社区养老服务的提案》（第0143号）收悉，我局认真研究办理。现将办理情况报告如下：', '此复。'), 'proposal-reply'],
      [lines('林书瑶委员：', '您提出的关于加强巡察整改结果运用的提案收悉，现答复如下：', '此复。'), 'proposal-reply'],
      [lines('王丽华代表：', '您提出的“关于完善督导评估机制”的建议已收悉，现将办理情况报告如下：'), 'suggestion-reply'],
      // and a notice naming a suggestion in its title is no proposal
      [lines('区委巡察办：', '《关于反馈巡察整改建议的通知》收悉，现将整改情况报告如下：'), 'rectification-report'],
    ];
    kinds.forEach(([text, kind], k) => it(`detects ${kind} (${k + 1})`, () => assert.equal(parseReply(text).kind, kind)));

    it('takes the configured kind over detection', () => {
      const r = parseReply(kinds[0]![0], { kind: 'suggestion-reply' });
      assert.deepEqual([r.kind, r.kindSource], ['suggestion-reply', 'configured']);
    });
  });
});
