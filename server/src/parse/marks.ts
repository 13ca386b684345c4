/**
 * The marks the text-hygiene rules look at (brackets, quotes, half-width punctuation): the ones the
 * parser found in its one pass over the text (`Reply.marks`), or, for a reply the parser did not
 * make, found again by a scan.
 */
import type { Reply } from '../model';
import { scanText } from '../text';

export type Marks = NonNullable<Reply['marks']>;

export function marksOf(reply: Reply): Marks {
  if (reply.marks) return reply.marks;
  const { brackets, halfWidth } = scanText(reply.text);
  return { brackets, halfWidth };
}
