/**
 * Invisible characters pasted with a reply: zero-width spaces (U+200B) and word joiners (U+2060), a
 * byte-order mark inside the text (U+FEFF), soft hyphens (U+00AD), text-direction marks and
 * controls (U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), and control characters other than tab
 * and the line breaks. Web pages and copies from PDFs carry them; a reply never needs them, nothing
 * shows them on paper, and they break a search or a comparison with the register. The parser reads
 * each as a blank in the folded text, as it reads pasted markup (a control character at a line's end
 * no longer hides the date before it), and each run of them is page junk that a fix deletes.
 *
 * Not the zero-width joiners U+200C–U+200D, which an emoji sequence may need, and not a byte-order
 * mark at the very start, which says how the text is encoded.
 */
import type { JunkSpan } from '../core/model';
import type { LineInfo } from '../core/text';
import type { Localized } from '../core/vocabulary';

const INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+/g;

/** How many runs are taken at most: past this the rest stays (a hostile paste keeps its memory bounded). */
export const INVISIBLE_MAX_RUNS = 20_000;

/** Each run of invisible characters as junk, in document order. */
export function invisibleJunk(text: string, lines: readonly LineInfo[]): JunkSpan[] {
  const junk: JunkSpan[] = [];
  let line = 0;
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m && junk.length < INVISIBLE_MAX_RUNS; m = INVISIBLE.exec(text)) {
    const start = m.index === 0 && text.charCodeAt(0) === 0xfeff ? 1 : m.index;
    const end = m.index + m[0].length;
    if (start === end) continue;
    while (line + 1 < lines.length && lines[line + 1]!.start <= start) line++;
    junk.push({ start, end, reason: 'invisible-character', wholeLine: false, line });
  }
  return junk;
}

/** What an invisible character is, for a message. */
export function invisibleName(code: number): Localized {
  const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0x200b) return { zh: `零宽空格 ${u}`, en: `zero-width space ${u}` };
  if (code === 0x2060) return { zh: `字连接符 ${u}`, en: `word joiner ${u}` };
  if (code === 0xfeff) return { zh: `字节顺序标记 ${u}`, en: `byte-order mark ${u}` };
  if (code === 0x00ad) return { zh: `软连字符 ${u}`, en: `soft hyphen ${u}` };
  if (code === 0x0c) return { zh: `换页符 ${u}`, en: `form feed ${u}` };
  if (code >= 0x200e) return { zh: `文字方向控制符 ${u}`, en: `text-direction control ${u}` };
  return { zh: `控制字符 ${u}`, en: `control character ${u}` };
}
