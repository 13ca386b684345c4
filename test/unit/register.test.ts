/**
 * The register reader: CSV as Excel and WPS export it (BOM, GBK, odd headers, semicolons), JSON,
 * and bad rows reported with their row, line and column while the rest still loads.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { matchHeaders, normalizeHeader } from '../../server/src/register/columns';
import { decodeRegisterBytes, formatRegisterIssue, parseRegister } from '../../server/src/register';
import type { Register, RegisterEntry, RegisterIssue } from '../../server/src/register/types';
import { parseDateCell, personName, splitNames } from '../../server/src/register/cells';
import { FIXTURES } from '../support/fixtures';

const DIR = path.join(FIXTURES, 'register');

function load(name: string, options: Parameters<typeof parseRegister>[1] = {}): { text: string; register: Register; encoding: string } {
  const decoded = decodeRegisterBytes(fs.readFileSync(path.join(DIR, name)));
  assert.ok(decoded.ok, name);
  return { text: decoded.text, register: parseRegister(decoded.text, options), encoding: decoded.encoding };
}

/** An entry without its span, for deep comparisons. */
function plain(e: RegisterEntry): Omit<RegisterEntry, 'span'> {
  const { span: _span, ...rest } = e;
  return rest;
}

/** `severity row line:column field “text under the issue”`, one line per issue. */
function issues(text: string, r: Register): string[] {
  return r.issues.map((i: RegisterIssue) => `${i.severity} ${i.row} ${i.line}:${i.column} ${i.field ?? '-'} ${JSON.stringify(text.slice(i.start, i.end))}`);
}

const EXPECTED_BOM: Array<Omit<RegisterEntry, 'span'>> = [
  {
    number: '20250136', key: '20250136', title: '关于加强中小学课后服务质量的建议', proposers: ['陈明远'], seconders: ['李娜', '周涛'],
    kind: 'proposal', kindSource: 'register', session: '市政协十四届四次会议', leadUnit: '厦门市教育局', coUnits: ['市财政局', '市人社局'],
    deadline: { year: 2025, month: 6, day: 30 }, category: 'A', row: 2, line: 2,
  },
  {
    number: '0087', key: '87', title: '关于优化老旧小区加装电梯审批流程的建议', proposers: ['王丽华'], seconders: [],
    kind: 'suggestion', kindSource: 'register', session: '市十七届人大三次会议', leadUnit: '福州市城乡建设局', coUnits: [],
    deadline: { year: 2025, month: 7, day: 15 }, row: 3, line: 3,
  },
  {
    // a quoted cell with doubled quotes and a line break inside; kind inferred from the session
    number: 'D022', key: 'D22', title: '关于"一老一小"服务设施建设的建议', proposers: ['林灵'], seconders: [],
    kind: 'proposal', kindSource: 'inferred', session: '市政协十四届四次会议', leadUnit: '厦门市民政局', coUnits: ['市卫生健康委', '市教育局'],
    deadline: { year: 2025, month: 6, day: 30 }, category: 'B', row: 4, line: 4,
  },
];

describe('register', () => {
  it('reads a UTF-8 CSV with BOM and CRLF as Excel exports it', () => {
    const { text, register, encoding } = load('bom-utf8.csv');
    assert.equal(encoding, 'utf-8');
    assert.equal(text.charCodeAt(0), 0x7f16); // 编: the BOM is gone, so offsets match the editor
    assert.deepEqual(register.issues, []);
    assert.deepEqual(register.entries.map(plain), EXPECTED_BOM);
    assert.equal(register.byKey.get('87')?.number, '0087');
    // the row's span is the row's text in the file
    const d022 = register.entries[2]!;
    assert.ok(text.slice(d022.span.start, d022.span.end).startsWith('D022,'));
    assert.ok(text.slice(d022.span.start, d022.span.end).endsWith(',B'));
  });

  it('detects GBK (GB18030) and reads the same entries', () => {
    const bytes = fs.readFileSync(path.join(DIR, 'gbk.csv'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const { register, encoding } = load('gbk.csv');
    assert.equal(encoding, 'gb18030');
    assert.deepEqual(register.entries.map(plain), EXPECTED_BOM);
  });

  it('refuses a workbook saved as .csv, saying how to export it', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]);
    const r = decodeRegisterBytes(zip);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message.zh : '', /另存为 CSV/);
  });

  it('finds odd headers below a title row, with semicolons, full-width digits and a configured column', () => {
    const { text, register } = load('odd-headers.csv', { columns: { title: '议题' } });
    assert.deepEqual(register.columns, { title: '议题', number: '案 号', proposers: '领衔代表*', leadUnit: '主办单位（牵头）', deadline: '办理期限（截止）' });
    assert.deepEqual(register.entries.map((e) => [e.number, e.title, e.proposers, e.kind, e.kindSource, e.deadline, e.row]), [
      ['0158', '关于增设公交线路的建议', ['张伟'], 'suggestion', 'inferred', { year: 2025, month: 8, day: 1 }, 3],
      // 45869: an Excel serial day number left by a cell that lost its date format
      ['0159', '关于加强河道治理的建议', ['李强', '王芳'], 'suggestion', 'inferred', { year: 2025, month: 7, day: 31 }, 4],
    ]);
    assert.deepEqual(issues(text, register), [`information 2 2:1 - ${JSON.stringify(text.split('\n')[1])}`]);
    assert.match(register.issues[0]!.message.zh, /“序号”、“备注”/);
    // without the configured name the title column is missing, which is said once on the header
    const plainRun = load('odd-headers.csv').register;
    assert.ok(plainRun.issues.some((i) => i.severity === 'warning' && i.field === 'title' && i.row === 2));
    assert.ok(plainRun.entries.every((e) => e.title === ''));
    // a configured name that is not in the header is reported too
    const wrong = load('odd-headers.csv', { columns: { title: '议题', leadUnit: '承办处室' } }).register;
    assert.ok(wrong.issues.some((i) => i.severity === 'warning' && i.field === 'leadUnit' && /承办处室/.test(i.message.zh)));
  });

  it('reports bad rows with row, line, column and field, skips them, and loads the rest', () => {
    const { text, register } = load('bad-rows.csv');
    assert.deepEqual(register.entries.map((e) => [e.number, e.row, e.kind, e.deadline, e.category]), [
      ['20250201', 2, 'proposal', { year: 2025, month: 6, day: 30 }, 'A'],
      // one bad cell drops that value only
      ['20250202', 6, 'proposal', undefined, undefined],
      // the row after an unclosed quote still loads
      ['20250204', 10, 'suggestion', { year: 2025, month: 9, day: 30 }, 'C'],
    ]);
    assert.deepEqual(issues(text, register), [
      'error 3 3:1 number ""',
      'error 4 4:1 number "编号待定"',
      'error 5 5:1 number "2.02503E+07"',
      'warning 6 6:25 kind "议案"',
      'warning 6 6:28 deadline "2025-02-30"',
      'warning 6 6:39 category "D"',
      'error 7 7:1 number "20250201"',
      `error 9 9:1 - ${JSON.stringify(text.split('\n')[8])}`,
    ]);
    const byField = (f: string): RegisterIssue => register.issues.find((i) => i.field === f && i.severity === 'warning')!;
    assert.match(byField('deadline').message.zh, /“2025-02-30”不是有效日期/);
    assert.match(byField('category').message.zh, /不在允许范围（A、B、C）内/);
    assert.match(register.issues[2]!.message.zh, /科学计数法/);
    assert.match(register.issues[6]!.message.zh, /与第 2 行重复/);
    assert.match(register.issues[7]!.message.zh, /未闭合的英文双引号/);
    // the CLI's stderr line
    assert.equal(
      formatRegisterIssue(register.issues[4]!, 'bad-rows.csv', 'zh-cn'),
      'bad-rows.csv:6:28: warning register: 第 6 行，“办理期限”列：办理期限“2025-02-30”不是有效日期，已忽略；请写作 2025-06-30 或 2025年6月30日。',
    );
    assert.match(formatRegisterIssue(register.issues[4]!, 'bad-rows.csv', 'en'), /^bad-rows\.csv:6:28: warning register: row 6, column “办理期限”: the deadline “2025-02-30” is not a valid date/);
  });

  // issue 23, item 9: a quote that opened a cell and closed at the next quote further down took the
  // rows between into one title, silently
  it('reports an unclosed quote that would swallow the rows below it, and keeps those rows', () => {
    const text = '编号,案由,提案人\n1,关于甲的提案,张三\n2,"关于乙的提案,李四\n3,关于丙的提案,王五\n4,关于丁的"提案",赵六\n5,关于戊的提案,钱七\n';
    const register = parseRegister(text);
    assert.deepEqual(register.entries.map((e) => [e.row, e.number, e.title, e.proposers.join()]), [
      [2, '1', '关于甲的提案', '张三'],
      [4, '3', '关于丙的提案', '王五'],
      [5, '4', '关于丁的"提案', '赵六'],
      [6, '5', '关于戊的提案', '钱七'],
    ]);
    assert.deepEqual(issues(text, register), [`error 3 3:1 - ${JSON.stringify(text.split('\n')[2])}`]);
    assert.match(register.issues[0]!.message.zh, /未闭合的英文双引号/);
    // a cell that really holds a line break (Excel quotes it) is one cell
    const multi = parseRegister('编号,案由,提案人\n1,"关于甲\n的提案",张三\n2,关于乙的提案,李四\n');
    assert.deepEqual(multi.entries.map((e) => [e.row, e.number, e.proposers.join()]), [[2, '1', '张三'], [3, '2', '李四']]);
    assert.deepEqual(multi.issues, []);
  });

  it('reads a register with an invalid UTF-8 byte, saying where the first one is', () => {
    const bytes = Buffer.concat([Buffer.from('编号,案由,提案人\n1,关于甲的提案,张三\n2,关于乙', 'utf8'), Buffer.from([0xff]), Buffer.from('的提案,李四\n'.repeat(1) + '3,关于丙的提案,王五\n'.repeat(40), 'utf8')]);
    const decoded = decodeRegisterBytes(bytes);
    assert.ok(decoded.ok);
    const register = parseRegister(decoded.text, { invalidBytes: decoded.invalidBytes ?? 0 });
    assert.deepEqual(register.entries.slice(0, 2).map((e) => e.title), ['关于甲的提案', '关于乙\ufffd的提案']);
    const issue = register.issues.find((i) => /无效的 UTF-8 字节/.test(i.message.zh));
    assert.ok(issue);
    assert.deepEqual([issue.severity, issue.line, issue.column], ['warning', 3, 6]);
  });

  it('checks categories against the configured ones', () => {
    const text = '编号,案由,答复类别\n1,关于甲的建议,甲类\n2,关于乙的建议,A\n';
    const zh = parseRegister(text, { categories: ['甲', '乙', '丙'] });
    assert.deepEqual(zh.entries.map((e) => e.category), ['甲', undefined]);
    assert.deepEqual(zh.issues.map((i) => [i.row, i.field, i.severity]), [[3, 'category', 'warning']]);
  });

  it('reads a JSON register with Chinese or English keys, reporting bad entries at their value', () => {
    const { text, register } = load('register.json');
    assert.equal(register.format, 'json');
    assert.deepEqual(register.entries.map((e) => [e.number, e.title.slice(0, 8), e.proposers, e.seconders, e.kind, e.kindSource, e.leadUnit, e.row, e.line]), [
      ['20250136', '关于加强中小学课', ['陈明远'], ['李娜', '周涛'], 'proposal', 'register', undefined, 1, 4],
      ['0087', '关于优化老旧小区', ['王丽华'], [], 'suggestion', 'register', '福州市城乡建设局', 2, 5],
      ['0088', '关于增加社区停车', ['李强'], [], 'suggestion', 'inferred', undefined, 4, 7],
    ]);
    assert.deepEqual(issues(text, register), ['error 3 6:5 - "\\"不是对象的一条\\""', 'warning 4 7:81 deadline "\\"明年六月\\""']);
    assert.match(formatRegisterIssue(register.issues[1]!, 'register.json', 'zh-cn', 'json'), /^register\.json:7:81: warning register: 第 4 条，“deadline”键：/);
    // an array at the top level works too; anything else is one clear issue
    assert.equal(parseRegister('[{"编号": "1", "标题": "关于甲的建议"}]').entries.length, 1);
    const bad = parseRegister('{"rows": []}');
    assert.deepEqual(bad.entries, []);
    assert.match(bad.issues[0]!.message.zh, /条目数组/);
    const broken = parseRegister('[{"编号": "1", "标题": "关于甲的建议"}, {"编号": ');
    assert.equal(broken.entries.length, 1);
    assert.ok(broken.issues.some((i) => /JSON 语法错误/.test(i.message.zh)));
  });

  it('says so when no header names the number, and reads nothing', () => {
    const r = parseRegister('序号,标题\n1,关于甲的建议\n');
    assert.deepEqual(r.entries, []);
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0]!.severity, 'error');
    assert.match(r.issues[0]!.message.zh, /没有找到编号列/);
    assert.deepEqual(parseRegister('').entries, []);
  });

  it('matches headers by configuration, alias and key word, never 序号 as the number', () => {
    assert.equal(normalizeHeader(' 提案编号（必填）* '), '提案编号');
    assert.equal(normalizeHeader('ＮＯ．'), 'no.');
    const m = matchHeaders(['序号', '建议编号', '建议名称', '领衔代表', '联名代表', '承办单位', '会办单位', '答复时限', '办复类别', '代表团']);
    assert.deepEqual(m.fields, { number: 1, title: 2, proposers: 3, seconders: 4, leadUnit: 5, coUnits: 6, deadline: 7, category: 8 });
    assert.deepEqual(m.unknown, [0, 9]);
    // a configured name wins over the alias of another column
    assert.equal(matchHeaders(['编号', '内部编号'], { number: '内部编号' }).fields.number, 1);
  });

  it('parses cells: names without role words, lists, dates in the forms spreadsheets write', () => {
    assert.deepEqual(splitNames('陈明远、李娜,周涛；王芳\n赵敏'), ['陈明远', '李娜', '周涛', '王芳', '赵敏']);
    assert.equal(personName('陈明远委员（民盟）'), '陈明远');
    assert.equal(personName('王丽华代表'), '王丽华');
    assert.equal(personName('林灵等5名委员'), '林灵');
    assert.equal(personName('民进厦门市委'), '民进厦门市委');
    assert.equal(personName('市政协教育委员会'), '市政协教育委员会');
    for (const s of ['2025-06-30', '2025/6/30', '2025.6.30', '2025年6月30日', '20250630', '2025/6/30 0:00', '２０２５－０６－３０', '45838']) {
      assert.deepEqual(parseDateCell(s), { year: 2025, month: 6, day: 30 }, s);
    }
    assert.equal(parseDateCell(''), undefined);
    for (const s of ['2025-02-30', '明年', '2025-13-01', '123']) assert.equal(parseDateCell(s), 'invalid', s);
  });
});
