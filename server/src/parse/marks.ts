/**
 * The marks the text-hygiene rules look at (brackets, quotes, half-width punctuation), found in the
 * parser's one pass over the text and kept beside the reply, so that those rules read a list of
 * offsets instead of every character. The model stays plain data: the marks live in a WeakMap and
 * are found again for a reply the parser did not make.
 */
import type { Reply } from '../model';
import { scanText, type TextScan } from '../text';

export type Marks = Pick<TextScan, 'brackets' | 'halfWidth'>;

const MARKS = new WeakMap<Reply, Marks>();

export function rememberMarks(reply: Reply, marks: Marks): void {
  MARKS.set(reply, { brackets: marks.brackets, halfWidth: marks.halfWidth });
}

export function marksOf(reply: Reply): Marks {
  let m = MARKS.get(reply);
  if (!m) {
    const scan = scanText(reply.text);
    m = { brackets: scan.brackets, halfWidth: scan.halfWidth };
    MARKS.set(reply, m);
  }
  return m;
}
