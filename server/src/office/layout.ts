/**
 * The page of GB/T 9704-2012 (党政机关公文格式) and where each element of a reply goes on it.
 * Pure data and arithmetic: the Word writer (exportDocx.ts) reads these numbers, and the tests
 * measure the PDF that LibreOffice prints against the same numbers.
 */
import type { Reply } from '../core/model';
import { isNeutralRole } from '../parse/roles';
import { textWithoutWraps } from '../parse/unwrap';

/** 5.2.1 A4: 210 mm × 297 mm. */
export const PAGE_MM = { width: 210, height: 297 } as const;
/** 5.2.2 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm; the right and bottom margins follow. */
export const MARGIN_MM = { top: 37, left: 28, right: PAGE_MM.width - 28 - 156, bottom: PAGE_MM.height - 37 - 225 } as const;
export const TYPE_AREA_MM = { width: 156, height: 225 } as const;
/** 5.2.4 22 lines of 28 characters in 3号 (16 pt) type. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Type sizes in points: 2号 title, 3号 text, 4号 page numbers and the copy-to line (版记). */
export const SIZE_PT = { title: 22, body: 16, small: 14 } as const;
/** 7.5 the page number's em dash sits 7 mm below the type area. */
export const PAGE_NUMBER_GAP_MM = 7;

export const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
/** The line pitch: 22 lines fill the 225 mm type area (579 twips, 28.95 pt). */
export const LINE_PITCH_TWIPS = Math.floor((TYPE_AREA_MM.height * TWIPS_PER_MM) / LINES_PER_PAGE);
/** The character pitch the standard implies: 28 characters fill the 156 mm line (15.79 pt). */
export const CHAR_PITCH_PT = (TYPE_AREA_MM.width * 72) / 25.4 / CHARS_PER_LINE;
/**
 * The letter spacing that fits 28 characters of 16 pt into the line: −0.25 pt (in 1/20 pt), so
 * that a character takes 15.75 pt. Spacing is honoured alike by Word, WPS and LibreOffice; the
 * character grid of Word's templates (`w:docGrid w:type="linesAndChars"`) is not: LibreOffice
 * takes its base size from elsewhere and set two grid cells per character.
 */
export const LETTER_SPACING_TWENTIETHS = Math.floor((CHAR_PITCH_PT - 16) * 20);
/** n characters of 3号 text, in twips (for indents). */
export const chars = (n: number): number => Math.round(n * (SIZE_PT.body * 20 + LETTER_SPACING_TWENTIETHS));

export type Role = 'category' | 'docNumber' | 'title' | 'addressee' | 'body' | 'heading' | 'closing' | 'signature' | 'date' | 'contact' | 'annotation' | 'copyTo';

export interface LaidParagraph {
  readonly role: Role;
  /** The paragraph's text as written, without the whitespace around it (the layout indents). */
  readonly text: string;
  /** Offset of the text in the reply. */
  readonly start: number;
  /** For a measure heading: its level and how much of the text is the heading (marker and title). */
  readonly level?: 1 | 2 | 3 | 4;
  readonly headingLength?: number;
}

const SPACE = /[\s\u3000]/;

/**
 * The reply's paragraphs in order, each with the role the parser gives the text it starts with.
 * Every non-blank line is a paragraph; a line is also split where the parser cut it into blocks
 * or finds a heading, the signature or the date starting inside it (a pasted run-on line), so
 * that each is laid out as what it is; and the lines of a paragraph a hard wrap broke (a PDF
 * copied, `Reply.wraps`) are one paragraph again, without the wrap's line breaks.
 * No text is dropped or reordered; only the whitespace around each paragraph goes to the layout.
 */
export function layoutReply(reply: Reply): LaidParagraph[] {
  const text = reply.text;
  const spans: Array<{ role: Role; start: number; end: number; level?: 1 | 2 | 3 | 4; titleEnd?: number }> = [];
  const add = (role: Role, s: { start: number; end: number } | undefined): void => {
    if (s) spans.push({ role, start: s.start, end: s.end });
  };
  add('docNumber', reply.docNumber);
  add('category', reply.category);
  add('title', reply.title);
  add('addressee', reply.addressee);
  for (const h of reply.headings ?? []) {
    // the punctuation that ends a paragraph heading's title (（一）完善经费保障。) is set in the heading's type
    let titleEnd = h.title?.end ?? h.end;
    if (/[。：:；;.]/.test(text.charAt(titleEnd))) titleEnd++;
    spans.push({ role: 'heading', start: h.start, end: h.end, level: h.marker.level, titleEnd });
  }
  add('closing', reply.closing);
  add('signature', reply.signature);
  add('date', reply.date);
  for (const c of reply.contacts ?? []) add('contact', c);
  add('annotation', reply.annotation);
  add('copyTo', reply.copyTo);
  // where paragraphs start besides line starts: where the parser cut a run-on line into blocks
  // (`厦教提案函〔2025〕18号 厦门市教育局关于…`; never inside brackets), unless neutral blocks (page
  // furniture, unplaced text) stand on both sides (a web table's row stays one paragraph), and a
  // heading, the signature or the date that begins inside a block
  const cuts = new Set<number>();
  reply.roles.forEach((b, i) => {
    const previous = reply.roles[i - 1];
    if (!isNeutralRole(b.role) || !previous || !isNeutralRole(previous.role)) cuts.add(b.start);
  });
  for (const s of spans) if (s.role === 'heading' || s.role === 'signature' || s.role === 'date') cuts.add(s.start);
  const out: LaidParagraph[] = [];
  const lineBreak = /\r\n|\n|\r|\u2028|\u2029/g;
  let lineStart = 0;
  const pieces: Array<[number, number]> = [];
  let w = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    // a hard wrap's line break ends no paragraph
    while (m && w < reply.wraps.length && reply.wraps[w]!.end <= m.index) w++;
    if (m && w < reply.wraps.length && reply.wraps[w]!.start <= m.index) continue;
    const lineEnd = m ? m.index : text.length;
    let s = lineStart;
    for (const c of [...cuts].filter((c) => c > lineStart && c < lineEnd).sort((a, b) => a - b)) {
      pieces.push([s, c]);
      s = c;
    }
    pieces.push([s, lineEnd]);
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  for (let [s, e] of pieces) {
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (s === e) continue;
    // the innermost element that holds the start: a heading inside the closing's span is a heading
    let best: (typeof spans)[number] | undefined;
    for (const sp of spans) {
      if (s < sp.start || s >= sp.end) continue;
      if (!best || sp.end - sp.start < best.end - best.start) best = sp;
    }
    const role: Role = best?.role ?? 'body';
    if (role === 'heading' && best && best.start === s) {
      out.push({ role, text: textWithoutWraps(reply, s, e), start: s, level: best.level!, headingLength: textWithoutWraps(reply, s, Math.max(s, Math.min(e, best.titleEnd ?? e))).length });
    } else {
      out.push({ role: role === 'heading' ? 'body' : role, text: textWithoutWraps(reply, s, e), start: s });
    }
  }
  return out;
}

/**
 * Width of text in characters of 3号 type: CJK and full-width forms one, ASCII (the digits of
 * a date, the letters of a name) half, as 仿宋 draws them.
 */
export function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 && !/[\u2014\u2026\u201c\u201d\u2018\u2019]/.test(ch) ? 0.5 : 1;
  return w;
}

/** Where a line goes: its alignment and its indents from the edges of the type area, in characters. */
export interface Placement {
  readonly align: 'left' | 'right' | 'center';
  readonly left: number;
  readonly right: number;
}

/**
 * 7.3.5 where the signing organ and the date go.
 * Sealed (7.3.5.1): the date four characters from the right, the organ centred over the date.
 * Both are centred in one box around the date's centre, so that they stay centred on each other
 * whatever the fonts' digits measure and however Word spaces digits from Chinese.
 * Unsealed (7.3.5.2): the organ two characters from the right, the date on the next line with its
 * first character two characters right of the organ's (the date starts at a fixed indent); a date
 * longer than the organ ends two characters from the right and the organ moves left to keep that.
 */
export function signaturePlacement(organ: string, date: string, sealed: boolean): { organ: Placement; date: Placement } {
  const o = widthInChars(organ);
  const d = widthInChars(date);
  const W = CHARS_PER_LINE;
  if (sealed) {
    const centre = 4 + d / 2;
    // room on both sides of the longer of the two, so that neither wraps
    const half = Math.min(centre, Math.max(o, d) / 2 + 2);
    const box: Placement = { align: 'center', left: W - centre - half, right: centre - half };
    if (o > 2 * half) return { organ: { align: 'right', left: 0, right: 0 }, date: { align: 'right', left: 0, right: 4 } };
    return { organ: box, date: box };
  }
  const organRight = d > o ? d - o + 4 : 2;
  return { organ: { align: 'right', left: 0, right: organRight }, date: { align: 'left', left: W - organRight - o + 2, right: 0 } };
}
