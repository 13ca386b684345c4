/**
 * The marks the text-hygiene rules look at: brackets and quotes, and half-width punctuation. Found
 * once per reply and kept with it (three rules read them), so that those rules read offsets instead
 * of every character.
 */
import type { Reply } from '../core/model';
import { offsetsOf } from '../core/text';

export interface Marks {
  /** Offsets of 《》“”()〔〕 in the folded text (so （） are here too), ascending. */
  readonly brackets: Int32Array;
  /**
   * Offsets of the half-width marks , : ; ? ! ( ) . as written (not folded from full width, not in
   * pasted markup the parser read past: the ; of `&nbsp;`), ascending.
   */
  readonly halfWidth: Int32Array;
}

const found = new WeakMap<Reply, Marks>();

export function marksOf(reply: Reply): Marks {
  let marks = found.get(reply);
  if (!marks) {
    const { text, folded } = reply;
    const halfWidth = offsetsOf(text, /[,:;?!().]/g).filter((i) => folded.charCodeAt(i) === text.charCodeAt(i));
    marks = { brackets: offsetsOf(folded, /[《》“”()〔〕]/g), halfWidth };
    found.set(reply, marks);
  }
  return marks;
}
