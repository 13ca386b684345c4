/**
 * Reads a register from its text: CSV as Excel and WPS export it (comma, semicolon or tab; a title
 * row above the header is allowed) or JSON (an array of entries, or `{ "entries": [...] }`). CSV is
 * parsed by csv-parse, every cell is validated by its field's zod schema, and whatever is wrong is
 * reported with its row, line and column; bad rows are skipped and the rest still loads.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { decodeReplyBytes } from '../core/decode';
import type { Localized } from '../core/vocabulary';
import { countBefore, type LineInfo, lineIndexAt, type Span, splitLines } from '../core/text';
import { type ColumnMapping, FIELD_LABEL, matchHeaders, normalizeHeader } from './columns';
import { kindOfSession } from './cells';
import { cellMessage, fieldSchemas, REQUIRED_FIELDS } from './values';
import {
  type ItemKind, REGISTER_FIELDS, type Register, type RegisterEntry, type RegisterField, type RegisterFormat, type RegisterIssue,
  type RegisterIssueSeverity,
} from './types';

export interface RegisterOptions {
  /** `csv` or `json`; guessed from the text when absent (JSON starts with `[` or `{`). */
  readonly format?: RegisterFormat;
  /** Configured header names per field (`registerColumns`). */
  readonly columns?: ColumnMapping;
  /** The reply categories the configuration allows (default A, B, C). */
  readonly categories?: readonly string[];
  /** How many invalid UTF-8 sequences the decoding showed as U+FFFD (decodeRegisterBytes), to report at the first. */
  readonly invalidBytes?: number;
}

/** Largest register read (a register of 10 000 rows is about 2 MB). */
export const REGISTER_MAX_BYTES = 32 * 1024 * 1024;

/** How many rows from the top may come before the header (a title row, a date row …). */
const HEADER_SEARCH_ROWS = 6;

export type RegisterDecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly invalidBytes?: number }
  | { readonly ok: false; readonly message: Localized };

/**
 * Bytes of a register file to text: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK as
 * older Excel and WPS save CSV on Chinese Windows. A register is mostly digits and dates, so GB18030
 * is accepted as soon as it decodes without error and contains Chinese.
 */
export function decodeRegisterBytes(bytes: Uint8Array): RegisterDecodeResult {
  const r = decodeReplyBytes(bytes);
  if (r.ok) return { ok: true, text: r.text, encoding: r.encoding, ...(r.invalidCount ? { invalidBytes: r.invalidCount } : {}) };
  if (r.reason === 'encoding') {
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      if (/\p{Script=Han}/u.test(text)) return { ok: true, text, encoding: 'gb18030' };
    } catch {
      // not GB18030 either
    }
  }
  return {
    ok: false,
    message: r.reason === 'binary'
      ? { zh: '登记表不是文本文件（可能是 .xlsx 工作簿），请在 Excel 或 WPS 中另存为 CSV。', en: 'the register is not a text file (an .xlsx workbook?); save it as CSV from Excel or WPS.' }
      : { zh: '无法识别登记表的编码（既非 UTF-8 也非 GB18030/GBK），请另存为 UTF-8 CSV。', en: 'unrecognised register encoding (neither UTF-8 nor GB18030/GBK); save it as UTF-8 CSV.' },
  };
}

/** Parses register text. Never throws: anything unreadable becomes an issue. */
export function parseRegister(text: string, options: RegisterOptions = {}): Register {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = options.format ?? (/^\s*[[{]/.test(t) ? 'json' : 'csv');
  const b = new Builder(t, format, options);
  try {
    if (format === 'json') readJson(b);
    else readCsvRegister(b);
  } catch (e) {
    b.issue('error', 0, { start: 0, end: 0 }, { zh: `登记表读取失败：${String(e)}`, en: `cannot read the register: ${String(e)}` });
  }
  if (options.invalidBytes) {
    const at = Math.max(0, t.indexOf('\ufffd'));
    b.issue('warning', 0, { start: at, end: at + 1 }, {
      zh: `登记表中有 ${options.invalidBytes} 处无效的 UTF-8 字节（从此处起），已显示为 �；请检查这些单元格，或另存为 UTF-8。`,
      en: `the register holds ${options.invalidBytes} invalid UTF-8 byte sequence(s) (the first here), shown as �; check those cells or save it as UTF-8.`,
    });
  }
  return b.result();
}

// ---------------------------------------------------------------- shared builder

interface Cell {
  readonly value: unknown;
  /** The cell as written, for messages. */
  readonly shown: string;
  readonly span: Span;
  readonly header: string;
}

class Builder {
  readonly entries: RegisterEntry[] = [];
  readonly issues: RegisterIssue[] = [];
  readonly byKey = new Map<string, RegisterEntry>();
  columns: Partial<Record<RegisterField, string>> = {};
  /** The kind the headers imply (提案编号, 领衔代表 …), for rows that do not say. */
  headerKind: ItemKind | undefined;
  private lines: LineInfo[] | undefined;
  readonly categories: readonly string[];
  readonly schemas: ReturnType<typeof fieldSchemas>;

  constructor(readonly text: string, readonly format: RegisterFormat, readonly options: RegisterOptions) {
    this.categories = options.categories ?? ['A', 'B', 'C'];
    this.schemas = fieldSchemas(this.categories);
  }

  /** Where an offset is: line and column of the text, or (a workbook) the sheet's row and column. */
  position?: (offset: number) => { line: number; column: number };

  lineCol(offset: number): { line: number; column: number } {
    if (this.position) return this.position(offset);
    this.lines ??= splitLines(this.text);
    const line = lineIndexAt(this.lines, offset);
    return { line: line + 1, column: offset - this.lines[line]!.start + 1 };
  }

  issue(severity: RegisterIssueSeverity, row: number, span: Span, message: Localized, extra: { field?: RegisterField; header?: string } = {}): void {
    const { line, column } = this.lineCol(span.start);
    this.issues.push({ severity, row, line, column, start: span.start, end: span.end, message, ...extra });
  }

  /** Validates one row's cells and adds the entry, or reports why it is skipped. */
  addRow(row: number, span: Span, cells: Partial<Record<RegisterField, Cell>>): void {
    const values: Partial<Record<RegisterField, unknown>> = {};
    let skipped = false;
    for (const field of REGISTER_FIELDS) {
      const cell = cells[field];
      if (!cell) continue;
      const parsed = this.schemas[field].safeParse(cell.value);
      if (parsed.success) {
        values[field] = parsed.data;
        continue;
      }
      const required = REQUIRED_FIELDS.has(field);
      if (required) skipped = true;
      const key = parsed.error.issues[0]?.message ?? '';
      this.issue(required ? 'error' : 'warning', row, cell.span, cellMessage(key, cell.shown, this.categories), { field, header: cell.header });
    }
    if (skipped) return;
    if (!cells.number) {
      this.issue('error', row, span, { zh: '缺少编号，此行已跳过。', en: 'no number; the row is skipped.' }, { field: 'number' });
      return;
    }
    const num = values.number as { number: string; key: string };
    const first = this.byKey.get(num.key);
    if (first) {
      this.issue('error', row, cells.number.span, {
        zh: `编号 ${num.number} 与第 ${first.row} 行重复，此行已跳过；一个编号只应登记一次。`,
        en: `the number ${num.number} repeats row ${first.row}; this row is skipped. A number is registered once.`,
      }, { field: 'number', header: cells.number.header });
      return;
    }
    const session = (values.session as string | undefined) || undefined;
    const explicitKind = values.kind as ItemKind | undefined;
    const inferred = explicitKind ? undefined : (session ? kindOfSession(session) : undefined) ?? this.headerKind;
    const kind = explicitKind ?? inferred;
    const leadUnit = (values.leadUnit as string | undefined) || undefined;
    const deadline = values.deadline as RegisterEntry['deadline'];
    const category = values.category as string | undefined;
    const entry: RegisterEntry = {
      number: num.number,
      key: num.key,
      title: (values.title as string | undefined) ?? '',
      proposers: (values.proposers as string[] | undefined) ?? [],
      seconders: (values.seconders as string[] | undefined) ?? [],
      ...(kind ? { kind, kindSource: explicitKind ? 'register' as const : 'inferred' as const } : {}),
      ...(session ? { session } : {}),
      ...(leadUnit ? { leadUnit } : {}),
      coUnits: (values.coUnits as string[] | undefined) ?? [],
      ...(deadline ? { deadline } : {}),
      ...(category ? { category } : {}),
      row,
      line: this.lineCol(span.start).line,
      span,
    };
    this.entries.push(entry);
    this.byKey.set(entry.key, entry);
  }

  /** Reports columns that were configured but not found, and a missing title column. */
  checkColumns(headerSpan: Span, found: Partial<Record<RegisterField, number>>, headers: readonly string[], unknown: readonly number[], row: number): void {
    const configured = this.options.columns ?? {};
    for (const field of REGISTER_FIELDS) {
      const names = configured[field];
      if (names === undefined || found[field] !== undefined) continue;
      const list = typeof names === 'string' ? [names] : [...names];
      this.issue('warning', row, headerSpan, {
        zh: `配置项 registerColumns 为“${FIELD_LABEL[field].zh}”指定的列名 ${list.map((n) => `“${n}”`).join('、')} 在表头中没有找到。`,
        en: `the header has no column ${list.map((n) => `“${n}”`).join(', ')} that registerColumns names for the ${FIELD_LABEL[field].en}.`,
      }, { field });
    }
    if (found.title === undefined) {
      this.issue('warning', row, headerSpan, {
        zh: '没有找到案由（标题）列，无法核对答复中引用的标题；表头可写“案由”或“标题”，或在配置项 registerColumns 中指定。',
        en: 'no title column (案由/标题); quoted titles cannot be checked. Name it in the header or in registerColumns.',
      }, { field: 'title' });
    }
    if (unknown.length > 0) {
      this.issue('information', row, headerSpan, {
        zh: `以下列未对应任何字段，已忽略：${unknown.map((i) => `“${headers[i]}”`).join('、')}。如需使用，请在配置项 registerColumns 中指定。`,
        en: `these columns match no field and are ignored: ${unknown.map((i) => `“${headers[i]}”`).join(', ')}. Map them in registerColumns if needed.`,
      });
    }
  }

  result(): Register {
    const issues = this.issues.slice().sort((a, b) => a.start - b.start);
    return { format: this.format, entries: this.entries, issues, columns: this.columns, byKey: this.byKey };
  }
}

// ---------------------------------------------------------------- CSV

interface CsvRecord {
  readonly cells: readonly string[];
  /** Start of each cell in the text, and the record's span. */
  readonly cellSpans: readonly Span[];
  readonly span: Span;
}

/** The delimiter of the first lines: the one of `,` `;` tab that occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const head = text.slice(0, 4096).split(/\r\n|\n|\r/).slice(0, HEADER_SEARCH_ROWS);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    let count = 0;
    for (const line of head) {
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) count++;
      }
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Converts the UTF-8 byte offsets csv-parse reports into UTF-16 offsets, walking forward only (linear overall). */
class ByteCursor {
  private char = 0;
  private byte = 0;
  constructor(private readonly text: string) {}
  toChar(byteOffset: number): number {
    if (byteOffset < this.byte) {
      this.char = 0;
      this.byte = 0;
    }
    const t = this.text;
    while (this.byte < byteOffset && this.char < t.length) {
      const c = t.charCodeAt(this.char);
      if (c < 0x80) { this.byte += 1; this.char += 1; }
      else if (c < 0x800) { this.byte += 2; this.char += 1; }
      else if (c >= 0xd800 && c <= 0xdbff && this.char + 1 < t.length) { this.byte += 4; this.char += 2; }
      else { this.byte += 3; this.char += 1; }
    }
    return this.char;
  }
}

/** Where each cell of a record starts and ends, scanning as csv-parse with relax_quotes does. */
function cellSpans(text: string, start: number, end: number, delimiter: string): Span[] {
  const spans: Span[] = [];
  let i = start;
  for (;;) {
    const cellStart = i;
    if (text.charAt(i) === '"') {
      i++;
      while (i < end) {
        if (text.charAt(i) === '"') {
          if (text.charAt(i + 1) === '"') i += 2;
          else { i++; break; }
        } else i++;
      }
    }
    while (i < end && text.charAt(i) !== delimiter) i++;
    spans.push({ start: cellStart, end: i });
    if (i >= end) break;
    i++;
  }
  return spans;
}

/** Trims a record's span past the blank lines csv-parse skipped and the record delimiter. */
function recordSpan(text: string, from: number, to: number): Span {
  let s = from;
  while (s < to && (text.charCodeAt(s) === 10 || text.charCodeAt(s) === 13)) s++;
  let e = to;
  while (e > s && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
  return { start: s, end: e };
}

/** Maximum number of restarts after an unclosed quote (each one loses one line). */
const MAX_RESTARTS = 50;

/** How many cells a line holds when read on its own (quotes within the line pair up). */
function cellsOnLine(line: string, delimiter: string): number {
  let cells = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) cells++;
  }
  return cells;
}

/**
 * Whether a record that spans lines swallowed whole rows: a quote that opens a cell and never closes
 * where it should makes csv-parse read on to the next quote anywhere below, taking the rows between
 * into one cell. A cell that really holds line breaks (Excel writes them quoted) has continuation
 * lines with few delimiters; a swallowed row has as many cells as the widest single-line row.
 */
function swallowsRows(text: string, span: Span, delimiter: string, width: number): boolean {
  if (width < 2) return false;
  const lines = text.slice(span.start, span.end).split(/\r\n|\n|\r/);
  for (let i = 1; i < lines.length; i++) if (cellsOnLine(lines[i]!, delimiter) >= width) return true;
  return false;
}

function readCsvRecords(b: Builder): CsvRecord[] {
  // the CSV parser loads with the first CSV register, not with the language server
  const { parse: parseCsv } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  const text = b.text;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  /** The most cells of a record on one line so far: what a whole row looks like. */
  let width = 0;
  let base = 0;
  for (let restart = 0; restart <= MAX_RESTARTS && base < text.length; restart++) {
    const chunk = text.slice(base);
    const cursor = new ByteCursor(chunk);
    let unclosed = false;
    const out = parseCsv(chunk, {
      delimiter,
      info: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = true;
      },
    }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
    let prevChar = 0;
    for (const r of out) {
      const endChar = cursor.toChar(r.info.bytes);
      const span = recordSpan(chunk, prevChar, endChar);
      const abs = { start: base + span.start, end: base + span.end };
      const multiLine = /[\r\n]/.test(chunk.slice(span.start, span.end));
      if (multiLine && swallowsRows(text, abs, delimiter, width)) {
        unclosed = true;
        break;
      }
      prevChar = endChar;
      if (!multiLine) width = Math.max(width, r.record.length);
      records.push({ cells: r.record, span: abs, cellSpans: cellSpans(text, abs.start, abs.end, delimiter) });
    }
    if (!unclosed) break;
    // an opening quote that never closes swallows the rest of the file, or the rows down to the
    // next quote: report the row where it opened, then read on from the next line
    const at = recordSpan(chunk, prevChar, chunk.length).start + base;
    const lineEnd = text.slice(at).search(/\r\n|\n|\r/);
    const next = lineEnd < 0 ? text.length : at + lineEnd + (text.startsWith('\r\n', at + lineEnd) ? 2 : 1);
    const lost = { start: at, end: lineEnd < 0 ? text.length : at + lineEnd };
    // an empty placeholder keeps the row numbers of the rows after it
    records.push({ cells: [], cellSpans: [], span: lost });
    b.issue('error', records.length, lost, {
      zh: '此行有未闭合的英文双引号，无法读取，已跳过；单元格中的引号应成对出现（"" 表示一个引号）。',
      en: 'this row has an unclosed double quote and cannot be read; skipped. Quotes in a cell come in pairs ("" stands for one quote).',
    });
    if (restart === MAX_RESTARTS) break;
    base = next;
  }
  return records;
}

function readCsvRegister(b: Builder): void {
  readRecords(b, readCsvRecords(b));
}

/** One row of a worksheet: its 1-based row number and its cells as text, column A first. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/**
 * Parses a register read from a worksheet (office/xlsxRegister.ts turns the workbook into rows).
 * The rows are laid out as a tab-separated text, one line per sheet row, so that the same header
 * recognition and cell checks as for CSV apply, and every issue's line and column are the
 * sheet's row and column (C6 is line 6, column 3).
 */
export function parseRegisterRows(rows: readonly SheetRow[], options: Omit<RegisterOptions, 'format'> = {}): Register {
  const lastRow = rows.reduce((m, r) => Math.max(m, r.row), 0);
  const byRow = new Map(rows.map((r) => [r.row, r.cells]));
  const lines: string[] = [];
  const records: CsvRecord[] = [];
  const lineStarts: number[] = [];
  const cellStarts: number[][] = [];
  let offset = 0;
  for (let r = 1; r <= lastRow; r++) {
    const cells = (byRow.get(r) ?? []).map((c) => c.replace(/[\t\r\n]+/g, ' '));
    const spans: Span[] = [];
    let at = offset;
    for (const c of cells) {
      spans.push({ start: at, end: at + c.length });
      at += c.length + 1;
    }
    lineStarts.push(offset);
    cellStarts.push(spans.map((sp) => sp.start));
    const line = cells.join('\t');
    records.push({ cells, cellSpans: spans, span: { start: offset, end: offset + line.length } });
    lines.push(line);
    offset += line.length + 1;
  }
  const b = new Builder(lines.join('\n'), 'xlsx', options);
  b.position = (o) => {
    const row = Math.max(0, countBefore(lineStarts.length, (i) => lineStarts[i]! <= o) - 1);
    const starts = cellStarts[row] ?? [];
    let col = 0;
    while (col + 1 < starts.length && starts[col + 1]! <= o) col++;
    return { line: row + 1, column: col + 1 };
  };
  try {
    readRecords(b, records);
  } catch (e) {
    b.issue('error', 0, { start: 0, end: 0 }, { zh: `登记表读取失败：${String(e)}`, en: `cannot read the register: ${String(e)}` });
  }
  return b.result();
}

/** The header among the first rows, then one entry per row below it. */
function readRecords(b: Builder, records: readonly CsvRecord[]): void {
  let headerAt = -1;
  let match: ReturnType<typeof matchHeaders> | undefined;
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_ROWS); i++) {
    const m = matchHeaders(records[i]!.cells, b.options.columns);
    if (m.fields.number !== undefined) {
      headerAt = i;
      match = m;
      break;
    }
  }
  if (!match || headerAt < 0) {
    b.issue('error', records.length > 0 ? 1 : 0, records[0]?.span ?? { start: 0, end: 0 }, {
      zh: '登记表的表头中没有找到编号列，未读取任何条目；表头应有“编号”（或“提案编号”“建议编号”“案号”），也可在配置项 registerColumns 中指定列名。',
      en: 'the register header has no number column, so no entry was read; name a column 编号 (or 提案编号, 建议编号, 案号), or map it in registerColumns.',
    }, { field: 'number' });
    return;
  }
  const header = records[headerAt]!;
  const headerRow = headerAt + 1;
  const fields = match.fields;
  b.columns = Object.fromEntries(Object.entries(fields).map(([f, i]) => [f, header.cells[i as number]!.trim()]));
  b.checkColumns(header.span, fields, header.cells, match.unknown, headerRow);
  b.headerKind = kindFromHeaders(header.cells, fields);
  for (let r = headerAt + 1; r < records.length; r++) {
    const rec = records[r]!;
    if (rec.cells.every((c) => c.trim() === '')) continue;
    const cells: Partial<Record<RegisterField, Cell>> = {};
    for (const field of REGISTER_FIELDS) {
      const i = fields[field];
      if (i === undefined) continue;
      const value = rec.cells[i] ?? '';
      const span = rec.cellSpans[i] ?? { start: rec.span.end, end: rec.span.end };
      cells[field] = { value, shown: value.trim(), span, header: header.cells[i]!.trim() };
    }
    b.addRow(r + 1, rec.span, cells);
  }
}

// ---------------------------------------------------------------- JSON

function readJson(b: Builder): void {
  const errors: ParseError[] = [];
  const root = parseTree(b.text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors.slice(0, 3)) {
    b.issue('error', 0, { start: e.offset, end: e.offset + e.length }, {
      zh: `JSON 语法错误（${printParseErrorCode(e.error)}），已尽量读取其余内容。`,
      en: `JSON syntax error (${printParseErrorCode(e.error)}); the readable rest is used.`,
    });
  }
  let list: JsonNode | undefined;
  if (root?.type === 'array') list = root;
  else if (root?.type === 'object') list = root.children?.find((p) => p.children?.[0]?.value === 'entries')?.children?.[1];
  if (!list || list.type !== 'array') {
    if (errors.length === 0) {
      b.issue('error', 0, root ? { start: root.offset, end: root.offset + 1 } : { start: 0, end: 0 }, {
        zh: 'JSON 登记表应为条目数组，或含 "entries" 数组的对象。',
        en: 'a JSON register is an array of entries, or an object with an "entries" array.',
      });
    }
    return;
  }
  const seen: Partial<Record<RegisterField, string>> = {};
  (list.children ?? []).forEach((node, index) => {
    const row = index + 1;
    const span = { start: node.offset, end: node.offset + node.length };
    if (node.type !== 'object') {
      b.issue('error', row, span, { zh: '这一条不是对象（{…}），已跳过。', en: 'this entry is not an object ({…}); skipped.' });
      return;
    }
    const props = (node.children ?? []).filter((p) => p.children?.length === 2);
    const keys = props.map((p) => String(p.children![0]!.value));
    const match = matchHeaders(keys, b.options.columns);
    const cells: Partial<Record<RegisterField, Cell>> = {};
    for (const field of REGISTER_FIELDS) {
      const i = match.fields[field];
      if (i === undefined) continue;
      const valueNode = props[i]!.children![1]!;
      const value = jsonValue(valueNode);
      cells[field] = {
        value,
        shown: typeof value === 'string' ? value.trim() : JSON.stringify(value) ?? '',
        span: { start: valueNode.offset, end: valueNode.offset + valueNode.length },
        header: keys[i]!,
      };
      seen[field] ??= keys[i]!;
    }
    b.headerKind = kindFromHeaders(keys, match.fields);
    b.addRow(row, span, cells);
  });
  b.columns = seen;
}

/** The kind the headers imply: 建议编号 and 领衔代表 belong to suggestions, 提案编号 and 提案人 to proposals. */
function kindFromHeaders(headers: readonly string[], fields: Partial<Record<RegisterField, number>>): ItemKind | undefined {
  for (const f of ['number', 'proposers', 'title'] as const) {
    const i = fields[f];
    if (i === undefined) continue;
    const h = normalizeHeader(headers[i] ?? '');
    if (/代表|建议/.test(h)) return 'suggestion';
    if (/委员|提案/.test(h)) return 'proposal';
  }
  return undefined;
}

function jsonValue(n: JsonNode): unknown {
  switch (n.type) {
    case 'array': return (n.children ?? []).map(jsonValue);
    case 'object': return Object.fromEntries((n.children ?? []).map((p) => [String(p.children?.[0]?.value), p.children?.[1] ? jsonValue(p.children[1]) : undefined]));
    default: return n.value;
  }
}
