/**
 * A register kept as an Excel workbook (.xlsx), read with exceljs: the first worksheet, or the one
 * the configuration names (`registerSheet`). Each cell becomes the text the sheet shows: numbers
 * as written (`20250136`; `0031` stays `0031` whether typed as text or as a number in a `0000`
 * format), dates as `YYYY-MM-DD` (date cells) or Excel day numbers (a date that lost its format,
 * which the register's date check reads), a formula by its last computed value (never
 * recalculated), merged cells by the value of their first cell. A header over two rows, whose
 * upper cells are merged downwards, is read from its lower row. The package is checked against
 * the size caps (container.ts) before exceljs opens it.
 */
import type * as ExcelJS from 'exceljs';
import { matchHeaders } from '../register/columns';
import { parseRegisterRows, type RegisterOptions, type SheetRow } from '../register/parse';
import type { Register } from '../register/types';
import type { Localized } from '../core/vocabulary';
import { containerOf, describeBytes, OfficeFileError, readZipParts } from './container';

export type WorkbookResult = { readonly ok: true; readonly register: Register; readonly sheet: string } | { readonly ok: false; readonly problem: Localized };

/** Why a file named as a workbook cannot be read as one, from its name and first bytes. */
export function notXlsx(name: string, bytes: Uint8Array): Localized | undefined {
  const container = containerOf(bytes);
  if (container === 'encrypted-ooxml') return { zh: '登记表工作簿已加密，请在 Excel 或 WPS 中取消密码、另存后再用。', en: 'the register workbook is encrypted; remove the password in Excel or WPS and save it again.' };
  if (container === 'ole' || (container !== 'zip' && /\.(xls|et)$/i.test(name))) {
    return { zh: '这是旧版 Excel 工作簿（.xls），无法直接读取；请在 Excel 或 WPS 中另存为 .xlsx（或 CSV）。', en: 'this is an old Excel workbook (.xls); save it as .xlsx (or CSV) in Excel or WPS.' };
  }
  if (container !== 'zip') {
    const what = describeBytes(bytes);
    return what
      ? { zh: `登记表的扩展名是 .xlsx，内容却是${what.zh}。`, en: `the register is named .xlsx but holds ${what.en}.` }
      : { zh: '登记表不是 Excel 工作簿（.xlsx），无法读取。', en: 'the register is not an Excel workbook (.xlsx).' };
  }
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The text a cell shows, for the register's checks. */
export function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number') {
    // a number shown with leading zeros (format 0000) is written with them
    if (Number.isInteger(value) && numFmt && /^0+$/.test(numFmt)) return String(value).padStart(numFmt.length, '0');
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, numFmt);
  if ('text' in value && 'hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return '';
  return '';
}

export async function readWorkbookRegister(bytes: Buffer, name: string, options: Omit<RegisterOptions, 'format'> & { sheet?: string }): Promise<WorkbookResult> {
  const refused = notXlsx(name, bytes);
  if (refused) return { ok: false, problem: refused };
  const Excel = require('exceljs') as typeof ExcelJS;
  const wb = new Excel.Workbook();
  try {
    // the caps and the damage checks first, on the real inflated sizes
    const pkg = await readZipParts(bytes, (n) => /\.(xml|rels)$/i.test(n));
    if (!pkg.names.some((n) => /^xl\/workbook\.xml$/i.test(n))) {
      const word = pkg.names.some((n) => /^word\/document\.xml$/i.test(n));
      return { ok: false, problem: word ? { zh: '这是 Word 文档，不是 Excel 工作簿。', en: 'this is a Word document, not an Excel workbook.' } : { zh: '文件中没有 Excel 工作簿（xl/workbook.xml）。', en: 'the file holds no Excel workbook (xl/workbook.xml).' } };
    }
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    if (e instanceof OfficeFileError) return { ok: false, problem: e.problem };
    return { ok: false, problem: { zh: `无法读取工作簿：${(e as Error).message}`, en: `cannot read the workbook: ${(e as Error).message}` } };
  }
  const sheets = wb.worksheets;
  const ws = options.sheet !== undefined ? sheets.find((s) => s.name === options.sheet) : sheets[0];
  if (!ws) {
    return {
      ok: false,
      problem: options.sheet !== undefined
        ? { zh: `工作簿中没有名为“${options.sheet}”的工作表；现有：${sheets.map((s) => `“${s.name}”`).join('、') || '无'}。`, en: `the workbook has no sheet “${options.sheet}”; it has ${sheets.map((s) => `“${s.name}”`).join(', ') || 'none'}.` }
        : { zh: '工作簿中没有工作表。', en: 'the workbook has no worksheet.' },
    };
  }
  const rows: SheetRow[] = [];
  /** Cells that continue a merge from the row above (the lower part of a two-row header). */
  const mergedFromAbove = new Map<number, number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const source = cell.isMerged ? cell.master : cell;
      if (cell.isMerged && cell.master !== cell && Number(cell.master.row) < rowNumber) mergedFromAbove.set(rowNumber, (mergedFromAbove.get(rowNumber) ?? 0) + 1);
      cells[col - 1] = cellText(source.value, source.numFmt).trim();
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0 || rows.every((r) => r.cells.every((c) => c === ''))) {
    return { ok: false, problem: { zh: `工作表“${ws.name}”是空的，没有登记条目。`, en: `the sheet “${ws.name}” is empty; no entries.` } };
  }
  // a two-row header: the upper row's cells merged down into the lower row, which names every column
  const headerAt = rows.findIndex((r, i) => i < 6 && matchHeaders(r.cells, options.columns).fields.number !== undefined);
  const below = rows[headerAt + 1];
  if (headerAt >= 0 && below && below.row === rows[headerAt]!.row + 1 && (mergedFromAbove.get(below.row) ?? 0) > 0
    && matchHeaders(below.cells, options.columns).fields.number !== undefined) {
    rows.splice(headerAt, 1);
  }
  return { ok: true, register: parseRegisterRows(rows, options), sheet: ws.name };
}
