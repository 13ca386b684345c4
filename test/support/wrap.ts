/**
 * Hard-wraps text as a PDF, a printout or a fixed-width copy does: every line longer than the page
 * is broken at its width, and a mark that cannot start a line hangs at the end of the one before.
 * `columns` counts a Chinese character or full-width mark as two and ASCII as one (a PDF, a page);
 * `characters` counts every character as two (a wrap at a number of characters).
 */
export function hardWrap(text: string, width: number, by: 'columns' | 'characters' = 'columns', eol = '\n'): string {
  const wide = (ch: string): number => (by === 'characters' || ch.charCodeAt(0) >= 0x1100 ? 2 : 1);
  const wrapLine = (line: string): string => {
    const out: string[] = [];
    let current = '';
    let used = 0;
    for (const ch of line) {
      if (used + wide(ch) > 2 * width && current !== '' && !/^[，。、；：？！”）》,.;:?!)]$/.test(ch)) {
        out.push(current);
        current = '';
        used = 0;
      }
      current += ch;
      used += wide(ch);
    }
    out.push(current);
    return out.join(eol);
  };
  return text.split(/\r?\n/).map(wrapLine).join(eol);
}
