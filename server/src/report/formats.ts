/**
 * The report as JSON (version 1), CSV (UTF-8 with BOM and CRLF, as Excel and WPS open it) and
 * Markdown. The HTML page is in html.ts, the Excel workbook in office/xlsxReport.ts. All of them
 * render the same `BatchReport`.
 */
import { isoDate } from '../register/match';
import type { Locale } from '../core/vocabulary';
import { localize } from '../core/vocabulary';
import { type BatchReport, ENTRY_STATES, type ReportRow, STATE_LABEL } from './batch';
import { COLUMNS, overdueText, rowDeadline, rowNumber, rowTitle } from './columns';
import { REPORT_ELEMENTS } from './summary';

export const REPORT_FORMATS = ['html', 'md', 'csv', 'json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_TITLE = { zh: '提案建议答复办理情况报告', en: 'Proposal and suggestion reply report' };

export function formatReportJson(report: BatchReport): string {
  const doc = {
    version: 1,
    today: isoDate(report.today),
    ...(report.register ? { register: report.register } : {}),
    totals: report.totals,
    rows: report.rows.map((r) => ({
      number: rowNumber(r),
      title: rowTitle(r),
      kind: r.entry?.kind ?? null,
      replyKind: r.reply?.kind ?? null,
      category: r.reply?.category ?? null,
      registerCategory: r.entry?.category ?? null,
      deadline: rowDeadline(r) || null,
      overdue: r.overdue,
      daysOverdue: r.daysOverdue ?? null,
      state: r.state,
      duplicate: r.duplicate,
      unregistered: r.unregistered,
      registerRow: r.entry?.row ?? null,
      file: r.reply?.path ?? null,
      linkedBy: r.reply?.via ?? null,
      elements: r.reply ? r.reply.elements : null,
      counts: r.reply ? r.reply.counts : null,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ---------------------------------------------------------------- CSV

/** Quotes a CSV cell when needed and defuses cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The rows as the CSV and Excel reports have them: the report's columns plus 逾期 after the
 * deadline, element columns as 有/缺, the finding counts as numbers.
 */
export function reportTable(report: BatchReport, locale: Locale): { header: string[]; rows: Array<{ row: ReportRow; cells: Array<string | number> }> } {
  const header: string[] = [];
  for (const c of COLUMNS) {
    header.push(localize(c.header, locale));
    if (c.id === 'deadline') header.push(localize({ zh: '逾期', en: 'Overdue' }, locale));
  }
  const present = localize({ zh: '有', en: 'yes' }, locale);
  const absent = localize({ zh: '缺', en: 'no' }, locale);
  const rows = report.rows.map((row) => {
    const cells: Array<string | number> = [];
    for (const c of COLUMNS) {
      const cell = c.cell(row, locale);
      if (c.numeric && row.reply) cells.push(Number(cell.text));
      else cells.push(cell.present === undefined ? (cell.text === '—' ? '' : cell.text) : cell.present ? present : absent);
      if (c.id === 'deadline') cells.push(overdueText(row, locale));
    }
    return { row, cells };
  });
  return { header, rows };
}

export function formatReportCsv(report: BatchReport, locale: Locale): string {
  const { header, rows } = reportTable(report, locale);
  const lines = [header.map(csvCell).join(',')];
  for (const { cells } of rows) lines.push(cells.map((c) => csvCell(String(c))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- Markdown

/** Escapes text for a Markdown table cell: no formatting, no inline HTML, no column breaks. */
export function mdCell(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, ' ');
}

export function summaryLine(report: BatchReport, locale: Locale): string {
  const t = report.totals;
  const parts = ENTRY_STATES.map((s) => `${localize(STATE_LABEL[s], locale)} ${t[s]}`);
  return locale === 'en'
    ? `${t.rows} row(s): ${parts.join(', ')}; overdue ${t.overdue}${report.register ? `; not in register ${t.unregistered}` : ''}.`
    : `共 ${t.rows} 行：${parts.join('，')}；逾期 ${t.overdue}${report.register ? `；未登记的答复 ${t.unregistered}` : ''}。`;
}

export function formatReportMarkdown(report: BatchReport, locale: Locale): string {
  const out: string[] = [`# ${localize(REPORT_TITLE, locale)}`, ''];
  const date = isoDate(report.today);
  if (locale === 'en') {
    out.push(`As of ${date}.${report.register ? ` Register: ${mdCell(report.register.source)} (${report.register.entries} entries, ${report.register.issues} issue(s)).` : ''} Replies: ${report.totals.replies}.`, '');
  } else {
    out.push(`统计日期：${date}。${report.register ? `登记表：${mdCell(report.register.source)}（${report.register.entries} 件，登记表问题 ${report.register.issues} 个）。` : ''}答复：${report.totals.replies} 份。`, '');
  }
  out.push(summaryLine(report, locale), '');
  out.push(`| ${COLUMNS.map((c) => mdCell(localize(c.header, locale))).join(' | ')} |`);
  out.push(`|${COLUMNS.map((c) => (c.numeric ? '---:' : '---')).join('|')}|`);
  for (const r of report.rows) {
    const cells = COLUMNS.map((c) => (c.id === 'deadline' && r.overdue
      ? `${mdCell(rowDeadline(r))} **${mdCell(overdueText(r, locale))}**`
      : mdCell(c.cell(r, locale).text)));
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('', localize({ zh: '✓ 有该要素，✗ 缺该要素，/ 该文种不要求，— 尚无答复。', en: `✓ element present, ✗ missing, / not called for by this kind of document, — no reply. Elements: ${REPORT_ELEMENTS.join(', ')}.` }, locale), '');
  return out.join('\n');
}
