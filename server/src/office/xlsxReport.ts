/**
 * The batch report as an Excel workbook (exceljs): the CSV report's columns, a frozen header row
 * with filters, rows coloured by state (overdue, errors), columns as wide as their Chinese text,
 * and every text cell typed as text (format `@`), so that a cell starting with `= + - @` is shown
 * as written and never becomes a formula, not even when a user edits it.
 */
import type * as ExcelJS from 'exceljs';
import type { BatchReport } from '../report/batch';
import { REPORT_TITLE, reportTable } from '../report/formats';
import type { Locale } from '../core/vocabulary';
import { localize } from '../core/vocabulary';
import { widthInChars } from './layout';

/** Fills: Excel's own "bad" red for rows with errors, orange for overdue rows (which wins). */
export const ROW_FILL = { overdue: 'FFF8CBAD', errors: 'FFFFC7CE' } as const;

export async function formatReportXlsx(report: BatchReport, locale: Locale): Promise<Buffer> {
  const Excel = require('exceljs') as typeof ExcelJS;
  const wb = new Excel.Workbook();
  wb.creator = 'proposal-reply';
  const ws = wb.addWorksheet(localize({ zh: '办理情况', en: 'Report' }, locale), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const { header, rows } = reportTable(report, locale);
  const widths = header.map((h) => widthInChars(h) * 2);
  const headerRow = ws.addRow(header);
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.numFmt = '@';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  for (const { row, cells } of rows) {
    const r = ws.addRow(cells);
    const fill = row.overdue ? ROW_FILL.overdue : row.state === 'errors' ? ROW_FILL.errors : undefined;
    cells.forEach((v, i) => {
      const cell = r.getCell(i + 1);
      if (typeof v === 'string') cell.numFmt = '@';
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      // Excel's column width counts narrow characters: a Chinese character takes two
      widths[i] = Math.max(widths[i]!, widthInChars(String(v)) * 2);
    });
  }
  ws.columns.forEach((col, i) => {
    col.width = Math.min(60, Math.max(6, widths[i]! + 2));
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  wb.title = localize(REPORT_TITLE, locale);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
