/**
 * Chooses one role per block: the assignment with the highest total score that the order of a
 * reply allows (a Viterbi decode over the blocks). The state is the last role that is not neutral:
 * neutral roles (page furniture, unplaced text) may stand anywhere and change nothing, so an unknown
 * line never ends the head or the foot.
 */

export interface Grammar {
  /** How many roles; roles are numbered 0…count-1. */
  readonly count: number;
  readonly neutral: (role: number) => boolean;
  /** Whether `next` may follow `prev` (the last non-neutral role, or -1 at the start). */
  readonly allowed: (prev: number, next: number) => boolean;
}

/** States further than this below the best are dropped: no later block can make up for them. */
const BEAM = 40;

/**
 * `scores[i][r]` is how well block i reads as role r (-Infinity: it cannot be). Returns the chosen
 * role of every block. Every block can take at least one neutral role, so a path always exists.
 */
export function decodeRoles(scores: readonly (readonly number[])[], grammar: Grammar): number[] {
  const n = scores.length;
  const states = grammar.count + 1; // state 0: nothing yet; state r+1: the last non-neutral role was r
  const neutral = Array.from({ length: grammar.count }, (_, r) => grammar.neutral(r));
  const allowed: boolean[][] = [];
  for (let s = 0; s < states; s++) {
    allowed.push([]);
    for (let r = 0; r < grammar.count; r++) allowed[s]!.push(!neutral[r] && grammar.allowed(s - 1, r));
  }
  // the best total per state before and after each block (two rows, swapped, not one per block)
  let best = new Float64Array(states).fill(-Infinity);
  let next = new Float64Array(states);
  best[0] = 0;
  // for each block and state reached: the state before it and the role the block took
  const fromState = new Int16Array(n * states);
  const viaRole = new Int16Array(n * states);
  for (let i = 0; i < n; i++) {
    next.fill(-Infinity);
    const row = scores[i]!;
    // the roles this block can play (a body block: three or four of them)
    const possible: number[] = [];
    for (let r = 0; r < grammar.count; r++) if (row[r] !== -Infinity) possible.push(r);
    let top = -Infinity;
    for (let s = 0; s < states; s++) if (best[s]! > top) top = best[s]!;
    for (let s = 0; s < states; s++) {
      const v = best[s]!;
      if (v === -Infinity || v < top - BEAM) continue;
      for (const r of possible) {
        const sc = row[r]!;
        const t = neutral[r] ? s : allowed[s]![r] ? r + 1 : -1;
        if (t < 0 || v + sc <= next[t]!) continue;
        next[t] = v + sc;
        fromState[i * states + t] = s;
        viaRole[i * states + t] = r;
      }
    }
    const done = best;
    best = next;
    next = done;
  }
  let state = 0;
  for (let s = 1; s < states; s++) if (best[s]! > best[state]!) state = s;
  const roles = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    roles[i] = viaRole[i * states + state]!;
    state = fromState[i * states + state]!;
  }
  return roles;
}
