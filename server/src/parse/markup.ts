/**
 * Markup pasted with a reply: HTML tags (`<p>`, `<br/>`, `<span style="…">`), comments and
 * character references (`&nbsp;`, `&ldquo;`, `&#12290;`) — what a page's source or a site editor's
 * HTML view gives — and a Markdown draft's bold and heading marks. The parser reads past it: in
 * the folded text each piece is blanks, so that offsets stay those of the document and no
 * recogniser, rule or fix finds anything inside it (a reference's character there would stand
 * where the text has the reference's `;`). Each piece is page junk, with the plain text a fix puts
 * in its place.
 */
import type { JunkSpan } from '../core/model';
import { blankOut, isBlank, type LineInfo, trimSpan } from '../core/text';

/** A tag: a letter or `/` after the `<` (not `《…》` or `人数 < 50`), on one line. */
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,20}(?:[ \t][^<>\r\n]{0,400})?\/?>/.source;
/**
 * A tag split by another, anywhere in it (`<di<p>v>`, `<<p>div class="x">`, `<div cl</span>ass="x">`):
 * taking the inner one out would leave the outer one.
 */
const SPLIT_TAG = `<\\/?(?:[A-Za-z][^<>\\r\\n]{0,400})?${TAG}[^<>\\r\\n]{0,400}>`;
/**
 * A tag, a tag split by another, a comment on one line, or a character reference. None reads past
 * a second `<`: a paste of `<!--<!--…` costs a few steps per character.
 */
const MARKUP = new RegExp(`${TAG}|${SPLIT_TAG}|<!--[^<>\\r\\n]{0,2000}?-->|&(?:#\\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});`, 'g');

/**
 * Markdown that a draft written in a chat or a Markdown editor carries: bold that opens a line
 * (`**一、加强统筹**`, `**青川县交通运输局**`) and a heading's marks (`## 一、加强统筹`). Only at the
 * start of a line: `**` inside one is as likely a published page's mask of a name (`张**、李**代表`).
 */
const MARKDOWN = /^([ \t\u3000]*)(?:\*\*(?=[^*\s])[^*\r\n]{1,200}?\*\*|((?:#{1,6}[ \t]+)+)(?=\S))/gm;

/** The Markdown marks of a text (see MARKDOWN), in order: the bold's two `**`, a heading's `#` and its blank. */
function markdownPieces(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  MARKDOWN.lastIndex = 0;
  for (let m = MARKDOWN.exec(text); m && out.length < MARKUP_MAX_PIECES; m = MARKDOWN.exec(text)) {
    const at = m.index + m[1]!.length;
    if (m[2]) out.push({ start: at, end: at + m[2].length });
    else out.push({ start: at, end: at + 2 }, { start: m.index + m[0].length - 2, end: m.index + m[0].length });
  }
  return out;
}

/** The named references a pasted reply holds; another name is left as text. */
const NAMED: Readonly<Record<string, string>> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•', times: '×', divide: '÷', deg: '°', plusmn: '±', permil: '‰',
  copy: '©', reg: '®', yen: '¥',
};

/** The plain text of one piece of markup: nothing for a tag, the character of a reference; undefined for a reference to nothing known. */
function plainTextOf(markup: string): string | undefined {
  if (markup.startsWith('<')) return '';
  const name = markup.slice(1, -1);
  if (!name.startsWith('#')) return NAMED[name.toLowerCase()];
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

/**
 * The folded text of `[start, end)` without the markup masked in it (a blank in the folded text
 * where the text has none): what page furniture with a tag inside says, `分</span>享到：` → 分享到：.
 */
export function unmasked(text: string, folded: string, start: number, end: number): string {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    if (folded.charCodeAt(i) === 32 && !isBlank(text.charCodeAt(i))) {
      out += folded.slice(from, i);
      from = i + 1;
    }
  }
  return out + folded.slice(from, end);
}

/** MARKUP without its `g` flag, for a test that keeps no state. */
const MARKUP_ONCE = new RegExp(MARKUP.source);

/** Whether a text holds pasted markup (a tag, a comment or a character reference). */
export function hasMarkup(text: string): boolean {
  return MARKUP_ONCE.test(text);
}

/** How many pieces of markup are read past at most: a page's source holds hundreds; past this, the rest stays text (a hostile paste keeps its memory bounded). */
export const MARKUP_MAX_PIECES = 20_000;

export interface MarkupReading {
  /** The folded text with the markup read past. */
  readonly folded: string;
  /** Each piece of markup as page junk, with the plain text it stands for. */
  readonly junk: JunkSpan[];
}

/** Reads past the markup of a text (HTML and Markdown): the folded text to parse, and the markup as junk. */
export function readMarkup(text: string, folded: string, lines: readonly LineInfo[]): MarkupReading {
  const html = text.includes('<') || text.includes('&');
  const markdown = text.includes('**') || text.includes('#');
  if (!html && !markdown) return { folded, junk: [] };
  const found: Array<{ start: number; end: number; plainText: string; reason: string }> = [];
  MARKUP.lastIndex = 0;
  for (let m = html ? MARKUP.exec(text) : null; m && found.length < MARKUP_MAX_PIECES; m = MARKUP.exec(text)) {
    const plainText = plainTextOf(m[0]);
    if (plainText !== undefined) found.push({ start: m.index, end: m.index + m[0].length, plainText, reason: 'html-markup' });
  }
  if (markdown) {
    // (a Markdown mark inside an HTML piece is the piece's; both lists are in order)
    const htmlCount = found.length;
    let h = 0;
    for (const p of markdownPieces(text)) {
      while (h < htmlCount && found[h]!.end <= p.start) h++;
      if (h < htmlCount && found[h]!.start <= p.start) continue;
      found.push({ ...p, plainText: '', reason: 'markdown' });
    }
    found.sort((a, b) => a.start - b.start);
  }
  const pieces: Array<{ start: number; end: number; line: number; plainText: string; reason: string }> = [];
  let line = 0;
  for (const p of found) {
    while (line + 1 < lines.length && lines[line + 1]!.start <= p.start) line++;
    pieces.push({ ...p, line });
  }
  if (pieces.length === 0) return { folded, junk: [] };
  const masked = blankOut(folded, pieces);
  // a line that holds nothing but markup standing for nothing (tags, &nbsp;) goes whole; a line's
  // pieces are consecutive, so each line is looked at once
  let wholeLine = false;
  const junk = pieces.map((p, k): JunkSpan => {
    if (k === 0 || pieces[k - 1]!.line !== p.line) {
      const rest = trimSpan(masked, lines[p.line]!.start, lines[p.line]!.end);
      let n = k;
      while (n < pieces.length && pieces[n]!.line === p.line && pieces[n]!.plainText.trim() === '') n++;
      wholeLine = rest.start >= rest.end && (n === pieces.length || pieces[n]!.line !== p.line);
    }
    return { ...p, wholeLine };
  });
  return { folded: masked, junk };
}
