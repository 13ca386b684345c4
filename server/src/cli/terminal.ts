/**
 * Text for the terminal. Reply text, file names, configuration values and register cells reach the
 * text formats and stderr; written as they are, an escape sequence would clear the screen, hide
 * text, set the clipboard (OSC 52) or make a link (OSC 8), a bidi override would reorder what is
 * read, and a line break in a file name would forge a whole `path:line:col: error rule: …` line for
 * a problem matcher. So every such character is shown escaped (`\x1b`, `\u202e`, `\n`), and a path
 * holding one is quoted.
 */

/** C0 controls but tab, DEL, C1 controls, bidi controls, and the line and paragraph separators. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE = new RegExp(UNSAFE.source);

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  switch (c) {
    case '\n': return '\\n';
    case '\r': return '\\r';
    default: return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }
}

/** The text with every unsafe character escaped (line breaks included). */
export function escapeControls(s: string): string {
  return UNSAFE_ONE.test(s) ? s.replace(UNSAFE, escapeChar) : s;
}

/** A path as shown in terminal output: as it is, or quoted with its unsafe characters, quotes and backslashes escaped. */
export function terminalPath(p: string): string {
  return UNSAFE_ONE.test(p) ? `"${p.replace(/["\\]/g, '\\$&').replace(UNSAFE, escapeChar)}"` : p;
}

/** One line for stderr: its unsafe characters escaped, the line break that ends it kept. */
export function terminalLine(s: string): string {
  return s.endsWith('\n') ? `${escapeControls(s.slice(0, -1))}\n` : escapeControls(s);
}
