/**
 * Excel in and out: the register as an .xlsx workbook (merged title and header cells, a header
 * over two rows, dates as date cells, serial numbers or text, numbers as numbers or text with
 * their leading zeros), the hostile and unreadable workbooks, and the report written as .xlsx
 * (frozen header, filters, coloured rows, widths, text cells that never turn into formulas).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { runCli } from '../../server/src/cli/main';
import { readZipParts } from '../../server/src/office/container';
import { ROW_FILL } from '../../server/src/office/xlsxReport';
import { readWorkbookRegister } from '../../server/src/office/xlsxRegister';
import { EXAMPLES } from '../support/fixtures';
import { bombDeflate, zipOf } from '../support/office';

const officeCrypto = require('officecrypto-tool') as { encrypt(data: Buffer, options: { password: string }): Promise<Buffer> };

/** The examples' register as a clerk's workbook: a merged title row, a two-row header, mixed cell types. */
async function registerWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表由提案办理系统导出']);
  const ws = wb.addWorksheet('登记表');
  ws.addRow(['2025年提案建议登记表']);
  ws.mergeCells('A1:K1');
  // two header rows: 办理单位 spans 主办/协办; the other headers are merged down over both rows
  ws.addRow(['编号', '案由', '提案人（领衔代表）', '附议人', '类型', '届次', '办理单位', '', '办理期限', '答复类别']);
  ws.addRow(['', '', '', '', '', '', '主办单位', '协办单位', '', '']);
  for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'I', 'J']) ws.mergeCells(`${col}2:${col}3`);
  ws.mergeCells('G2:H2');
  ws.addRow([20250211, '关于推进中小学心理健康教育全覆盖的建议', '林晓红', '郑志强、许文彬', '提案', '市政协十四届四次会议', '厦门市教育局', '市卫生健康委', new Date(Date.UTC(2025, 5, 30)), 'A']);
  ws.addRow([20250227, '关于加强中小学校园食品安全管理的建议', '陈思远', '', '提案', '市政协十四届四次会议', '厦门市教育局', '市市场监管局', 45838, 'B']);
  ws.addRow(['0031', '关于优化学校周边道路交通秩序的建议', '黄建国', '李秀兰', '建议', '市十六届人大四次会议', '厦门市教育局', '市公安局交通警察支队', '2025-07-15', 'A']);
  const r = ws.addRow([45, '关于加快普惠性幼儿园建设的建议', '吴丽萍', '', '建议', '市十六届人大四次会议', '厦门市教育局', '市自然资源和规划局', '2025年7月15日', '']);
  r.getCell(1).numFmt = '0000';
  ws.addRow([{ formula: '20250200+58', result: 20250258 }, '关于加强中小学体育教师队伍建设的建议', '张海燕', '', '提案', '市政协十四届四次会议', '厦门市体育局', '厦门市教育局', '2025/6/30', '']);
  ws.addRow([20250263, { richText: [{ text: '关于推动职业院校' }, { text: '与本地产业协同发展的建议' }] }, '王建华', '蔡明辉', '提案', '市政协十四届四次会议', '厦门市教育局', '市人力资源和社会保障局', '2025-02-30', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('office: .xlsx register', () => {
  it('reads the sheet a clerk keeps: merged title and two-row header, numbers, zeros, dates in every form', async () => {
    const r = await readWorkbookRegister(await registerWorkbook(), 'register.xlsx', { sheet: '登记表' });
    assert.ok(r.ok, r.ok ? '' : r.problem.en);
    const reg = r.register;
    assert.equal(reg.format, 'xlsx');
    assert.deepEqual(reg.columns, { number: '编号', title: '案由', proposers: '提案人（领衔代表）', seconders: '附议人', kind: '类型', session: '届次', leadUnit: '主办单位', coUnits: '协办单位', deadline: '办理期限', category: '答复类别' });
    assert.deepEqual(reg.entries.map((e) => [e.number, e.deadline ? `${e.deadline.year}-${e.deadline.month}-${e.deadline.day}` : null, e.row]), [
      ['20250211', '2025-6-30', 4],
      ['20250227', '2025-6-30', 5],
      ['0031', '2025-7-15', 6],
      ['0045', '2025-7-15', 7],
      ['20250258', '2025-6-30', 8],
      ['20250263', null, 9],
    ]);
    assert.equal(reg.entries[5]!.title, '关于推动职业院校与本地产业协同发展的建议');
    assert.equal(reg.entries[0]!.leadUnit, '厦门市教育局');
    // the impossible date is an issue at its sheet row and column (I9)
    const bad = reg.issues.find((i) => i.field === 'deadline');
    assert.ok(bad);
    assert.deepEqual([bad.line, bad.column, bad.header], [9, 9, '办理期限']);
  });

  it('reports a batch against an .xlsx register named in the project file, first sheet by default', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-xlsx-'));
    fs.cpSync(path.join(EXAMPLES, 'register'), dir, { recursive: true });
    fs.rmSync(path.join(dir, 'register.csv'));
    fs.writeFileSync(path.join(dir, 'register.xlsx'), await registerWorkbook());
    fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({ organization: '厦门市教育局', register: 'register.xlsx' }));
    let out = '';
    let err = '';
    const run = (): Promise<number> => runCli(['--today', '2025-07-01', 'report', '--format', 'json', '.'], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: dir, env: {} });
    assert.equal(await run(), 0);
    assert.match(err, /register\.xlsx:1:1: error register: 第 1 行：登记表的表头中没有找到编号列/, 'the first sheet is an explanation, not the register');
    fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({ organization: '厦门市教育局', register: 'register.xlsx', registerSheet: '登记表' }));
    out = '';
    err = '';
    assert.equal(await run(), 0, err);
    assert.match(err, /register\.xlsx:9:9: warning register: 第 9 行，“办理期限”列/);
    const doc = JSON.parse(out) as { register: { entries: number }; rows: Array<{ number: string; file: string | null }> };
    assert.equal(doc.register.entries, 6);
    assert.deepEqual(doc.rows.filter((x) => x.file).map((x) => x.number).sort(), ['0031', '0031', '20250211', '20250227', '20250258', '20250299']);
  });

  it('refuses an encrypted workbook, an empty one, an old .xls, a renamed file and a zip bomb, each with its reason', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    const emptyBytes = Buffer.from(await empty.xlsx.writeBuffer());
    const noSheets = zipOf([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>') }]);
    const cases: Array<[Buffer, string, RegExp]> = [
      [await officeCrypto.encrypt(await registerWorkbook(), { password: 'secret' }), 'r.xlsx', /已加密.*encrypted/],
      [emptyBytes, 'r.xlsx', /工作表“Sheet1”是空的/],
      [noSheets, 'r.xlsx', /工作簿|workbook/],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'r.xls', /另存为 \.xlsx/],
      [Buffer.from('编号,案由\n1,x\n'), 'r.xlsx', /不是 Excel 工作簿/],
      [zipOf([{ name: 'xl/workbook.xml', deflated: { bytes: bombDeflate(1024), declaredSize: 1024 } }]), 'r.xlsx', /压缩炸弹/],
    ];
    for (const [bytes, name, expected] of cases) {
      const r = await readWorkbookRegister(bytes, name, {});
      assert.equal(r.ok, false, name);
      if (!r.ok) assert.match(`${r.problem.zh} ${r.problem.en}`, expected);
    }
  });
});

describe('office: .xlsx report', () => {
  it('writes the CSV columns with a frozen, filtered header, coloured rows, fitted widths and formula-proof text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-xlsx-report-'));
    fs.cpSync(path.join(EXAMPLES, 'register'), dir, { recursive: true });
    // a title that a spreadsheet would run as a formula
    const csv = fs.readFileSync(path.join(dir, 'register.csv'), 'utf8').replace('关于加快普惠性幼儿园建设的建议', '=HYPERLINK("http://127.0.0.1/","点击")');
    fs.writeFileSync(path.join(dir, 'register.csv'), csv);
    let err = '';
    let csvOut = '';
    const code = await runCli(['--today', '2025-07-01', 'report', '--format', 'xlsx', '-o', '报告.xlsx', '.'], { stdout: () => undefined, stderr: (s) => (err += s), cwd: dir, env: {} });
    assert.equal(code, 0, err);
    await runCli(['--today', '2025-07-01', 'report', '--format', 'csv', '.'], { stdout: (s) => (csvOut += s), stderr: () => undefined, cwd: dir, env: {} });
    const bytes = fs.readFileSync(path.join(dir, '报告.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const csvRows = csvOut.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
    assert.deepEqual(rows[0], csvRows[0], 'the same columns as the CSV report');
    assert.equal(rows.length, csvRows.length);
    const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    assert.deepEqual([view?.state, view?.ySplit, view?.topLeftCell], ['frozen', 1, 'A2'], 'the header row is frozen');
    assert.ok(ws.autoFilter, 'the header has filters');
    const sheetXml = (await readZipParts(bytes, (n) => n === 'xl/worksheets/sheet1.xml')).parts.get('xl/worksheets/sheet1.xml')!.toString();
    assert.match(sheetXml, /<autoFilter ref="A1:[A-Z]+1"\/>/);
    assert.doesNotMatch(sheetXml, /<f>/, 'no cell is a formula');
    const title = ws.getColumn(2);
    let formulaCell: ExcelJS.Cell | undefined;
    title.eachCell((c) => {
      if (String(c.value).startsWith('=HYPERLINK')) formulaCell = c;
    });
    assert.ok(formulaCell, 'the formula-like title is there as written');
    assert.equal(formulaCell.type, ExcelJS.ValueType.String);
    assert.equal(formulaCell.numFmt, '@', 'typed as text, so editing it keeps it text');
    // overdue rows orange, rows with errors red, the rest plain
    const state = (r: string[]): string => r[r.length - 2]!;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const fill = (row.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      const overdue = rows[n - 1]![5] !== '';
      const expected = overdue ? ROW_FILL.overdue : state(rows[n - 1]!).startsWith('有错误') ? ROW_FILL.errors : undefined;
      assert.equal(fill, expected, `row ${n}: ${rows[n - 1]!.join('|')}`);
    });
    assert.ok(rows.some((r) => r[5] !== '') && rows.some((r) => state(r).startsWith('有错误')), 'both colours are exercised');
    // widths fit the Chinese text: two units per character
    assert.ok(ws.getColumn(2).width! >= 2 * '关于推进中小学心理健康教育全覆盖的建议'.length, `title width ${ws.getColumn(2).width}`);
    assert.ok(ws.getColumn(1).width! < 20);
  });
});
