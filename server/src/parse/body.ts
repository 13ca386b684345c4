/**
 * The body of a reply: numbered measures as a tree, inline enumerations `一是…二是…`,
 * next steps (as a heading or inside a paragraph) and the opening.
 */
import type { Block, EnumerationItem, InlineEnumeration, MeasureHeading, NextSteps, NumberingMarker } from '../model';
import { isBlank, lastOf, type Span, trimSpan } from '../text';
import { eachEnumerationCue, matchMarker, parseCjkNumeral } from './numbering';

const NEXT_STEPS_HEADING = /下一步|下步|下阶段|下一阶段|今后|接下来|工作打算|工作计划|推进计划|推动计划|努力方向|后续工作|工作思路|工作设想|下步打算/;
/** A next-steps cue word; it opens a next-steps paragraph at the start of a sentence (see nextStepsSentence). */
const NEXT_STEPS_CUE = /(?:下一步|下步|下阶段|下一阶段|接下来|今后)(?=[,:，：\s]|工作|我|将|要|继续|区|市|县|省|本)/g;

/**
 * The first next-steps cue that starts `s` or a sentence in it (after 。!?; and blanks), as
 * `/(^|[。!?;])[ \t]*(cue)/` finds it. The cue words are found first and the sentence boundary is
 * checked behind them, so the regex engine never tries a boundary at every character. (A cue that
 * starts inside another cue's match follows a cue character, not a boundary.)
 */
export function nextStepsSentence(s: string): { at: number; length: number } | undefined {
  NEXT_STEPS_CUE.lastIndex = 0;
  for (let m = NEXT_STEPS_CUE.exec(s); m; m = NEXT_STEPS_CUE.exec(s)) {
    let j = m.index - 1;
    while (j >= 0 && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j--;
    if (j < 0 || '。!?;'.includes(s.charAt(j))) return { at: m.index, length: m[0].length };
  }
  return undefined;
}
/**
 * The next-steps cue words of a text (下一步, 下步, 下阶段, 下一阶段, 接下来, 今后: NEXT_STEPS_CUE
 * without what must follow), in order as the place to search from moves forward. Every cue that
 * nextStepsSentence finds in a block lies on such a word inside the block, so a block that the next
 * word does not lie inside needs no search of its own: one pass over the text serves every block.
 *
 * Each word is found from one character with indexOf, kept per character between calls: 步 for 下步
 * and 下一步, 段 for 下阶段 and 下一阶段, 接 for 接下来, 今 for 今后. (V8's indexOf looks for the higher
 * byte of a character first; that of 下, 0x4E, is shared by 一, 上, 不, 中 and many more, so indexOf
 * of 下 and a regex of the six words both took 2–3× as long over a body.)
 */
export class NextStepsWords {
  /** The characters the words are found from, by their index `k` in wordStart. */
  private static readonly ANCHORS = ['步', '段', '接', '今'];
  /** Per character, its next occurrence not yet passed (-1: none left, -2: not searched yet). */
  private readonly at = [-2, -2, -2, -2];

  constructor(private readonly folded: string) {}

  /** The first word that starts at or after `from`, as `[start, end)`; `from` may not decrease from call to call. */
  next(from: number): { start: number; end: number } | undefined {
    let start = -1;
    let end = -1;
    for (let k = 0; k < 4; k++) {
      let q = this.at[k]!;
      if (q === -1) continue; // none left
      if (q === -2 || q < from) q = this.folded.indexOf(NextStepsWords.ANCHORS[k]!, from);
      // (an occurrence whose word would start before `from` is passed for good: `from` only grows)
      let s = -1;
      for (; q >= 0; q = this.folded.indexOf(NextStepsWords.ANCHORS[k]!, q + 1)) {
        s = this.wordStart(k, q);
        if (s >= from) break;
      }
      this.at[k] = q;
      if (q >= 0 && (start < 0 || s < start)) {
        start = s;
        end = k < 2 ? q + 1 : k === 2 ? q + 3 : q + 2;
      }
    }
    return start < 0 ? undefined : { start, end };
  }

  /** Where the word that character `k` at `q` belongs to starts, or -1 when it is in none. */
  private wordStart(k: number, q: number): number {
    const s = this.folded;
    const before = s.charCodeAt(q - 1);
    switch (k) {
      case 0: // 下步, 下一步
        return before === 0x4e0b /* 下 */ ? q - 1 : before === 0x4e00 /* 一 */ && s.charCodeAt(q - 2) === 0x4e0b ? q - 2 : -1;
      case 1: { // 下阶段, 下一阶段
        if (before !== 0x9636 /* 阶 */) return -1;
        const c = s.charCodeAt(q - 2);
        return c === 0x4e0b ? q - 2 : c === 0x4e00 && s.charCodeAt(q - 3) === 0x4e0b ? q - 3 : -1;
      }
      case 2: // 接下来
        return s.charCodeAt(q + 1) === 0x4e0b && s.charCodeAt(q + 2) === 0x6765 /* 来 */ ? q : -1;
      default: // 今后
        return s.charCodeAt(q + 1) === 0x540e /* 后 */ ? q : -1;
    }
  }
}

const OPENING_CUE = /感谢|高度重视|十分重视|非常重视|近年来|一直以来|长期以来|关心|关注|收悉后/;

/** A stand-alone heading title is short; a longer first sentence makes the heading a paragraph opener. */
const TITLE_MAX = 60;

interface MutableHeading {
  start: number;
  end: number;
  marker: NumberingMarker;
  title: Span;
  titleText: string;
  form: 'standalone' | 'paragraph';
  parent: number;
  children: MutableHeading[];
  isNextSteps: boolean;
  blockIndex: number;
}

/** What ends a heading's title sentence: 。!?; (folded). */
function isTitleStop(c: number): boolean {
  return c === 0x3002 || c === 33 || c === 63 || c === 59;
}

/** Recognises a measure heading at the start of a block. */
export function matchHeading(text: string, folded: string, block: Block, blockIndex: number): MutableHeading | undefined {
  const m = matchMarker(folded, block.start);
  if (!m) return undefined;
  const markerEnd = block.start + m.length;
  let titleStart = markerEnd;
  while (titleStart < block.end && isBlank(folded.charCodeAt(titleStart))) titleStart++;
  if (titleStart >= block.end) return undefined; // a bare marker is not a heading
  let stop = titleStart;
  while (stop < block.end && !isTitleStop(folded.charCodeAt(stop))) stop++;
  // (relative to the title's start, -1 for none, as a search of the title would give it)
  stop = stop < block.end ? stop - titleStart : -1;
  let titleEnd: number;
  let form: 'standalone' | 'paragraph';
  if (stop < 0) {
    titleEnd = block.end;
    form = 'standalone';
  } else {
    titleEnd = titleStart + stop;
    const after = trimSpan(text, titleStart + stop + 1, block.end);
    form = after.start < after.end ? 'paragraph' : 'standalone';
    if (stop > TITLE_MAX) {
      // no short first sentence: a numbered paragraph; its title is its opening words
      titleEnd = titleStart + Math.min(stop, TITLE_MAX);
      form = 'paragraph';
    }
  }
  const title = trimSpan(text, titleStart, titleEnd);
  const titleText = text.slice(title.start, title.end);
  const marker: NumberingMarker = {
    start: block.start,
    end: markerEnd,
    level: m.level,
    ordinal: m.ordinal,
    text: text.slice(block.start, markerEnd),
    separator: m.separatorAt >= 0 ? text.charAt(m.separatorAt) : '',
  };
  return {
    start: block.start, end: block.end, marker, title, titleText, form,
    parent: -1, children: [], isNextSteps: NEXT_STEPS_HEADING.test(titleText), blockIndex,
  };
}

export interface BodyParse {
  readonly headings: MeasureHeading[];
  readonly roots: MeasureHeading[];
  readonly enumerations: InlineEnumeration[];
  readonly nextSteps: NextSteps[];
  readonly opening?: Span;
}

/**
 * Parses the body blocks. `bodyEnd` is where the footer (or the closing) starts; sections end there.
 */
export function parseBody(text: string, folded: string, body: readonly Block[], bodyEnd: number, hasReceipt: boolean): BodyParse {
  const headings: MutableHeading[] = [];
  body.forEach((b, i) => {
    const h = matchHeading(text, folded, b, i);
    if (h) headings.push(h);
  });

  // the tree: a heading's parent is the nearest earlier heading of a higher level (a lower rank)
  const stack: number[] = [];
  const roots: MutableHeading[] = [];
  headings.forEach((h, idx) => {
    while (stack.length > 0 && headings[stack[stack.length - 1]!]!.marker.level >= h.marker.level) stack.pop();
    const parentIdx = stack.length > 0 ? stack[stack.length - 1]! : -1;
    h.parent = parentIdx;
    if (parentIdx >= 0) headings[parentIdx]!.children.push(h);
    else roots.push(h);
    stack.push(idx);
  });

  // a section runs to the last block before the next heading outside its subtree
  headings.forEach((h, idx) => {
    let endBlock = body.length - 1;
    for (let j = idx + 1; j < headings.length; j++) {
      if (headings[j]!.marker.level <= h.marker.level) {
        endBlock = headings[j]!.blockIndex - 1;
        break;
      }
    }
    h.end = Math.min(body[endBlock]!.end, bodyEnd);
    if (h.end < h.title.end) h.end = h.title.end;
  });

  // next steps: headings, and paragraphs outside next-steps sections that turn to what comes next
  const nextSteps: NextSteps[] = [];
  // the next-steps sections as a sorted union of intervals, walked once alongside the blocks
  // (blocks come in document order), instead of testing every heading for every block
  const sections: Array<{ start: number; end: number }> = [];
  for (const h of headings) {
    if (!h.isNextSteps) continue;
    const last = lastOf(sections);
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else sections.push({ start: h.start, end: h.end });
  }
  let sec = 0;
  const inNextStepsSection = (blockStart: number): boolean => {
    while (sec < sections.length && sections[sec]!.end <= blockStart) sec++;
    return sec < sections.length && sections[sec]!.start <= blockStart;
  };
  // the next cue word at or after the current block (found again only once the blocks pass it)
  const words = new NextStepsWords(folded);
  let word: { start: number; end: number } | undefined = { start: -1, end: -1 };
  // the headings are in block order: the one at block i, if any, is the next not yet passed
  let hi = 0;
  body.forEach((b, i) => {
    const h = hi < headings.length && headings[hi]!.blockIndex === i ? headings[hi++] : undefined;
    if (h?.isNextSteps) {
      const cue = NEXT_STEPS_HEADING.exec(h.titleText)!;
      const at = h.title.start + cue.index;
      nextSteps.push({ start: h.start, end: h.end, form: 'heading', cue: { start: at, end: at + cue[0].length } });
      return;
    }
    if (inNextStepsSection(b.start)) return;
    if (word && word.start < b.start) word = words.next(b.start);
    if (!word || word.end > Math.min(b.end, bodyEnd)) return;
    const s = folded.slice(b.start, Math.min(b.end, bodyEnd));
    const cue = nextStepsSentence(s);
    if (cue) {
      const at = b.start + cue.at;
      nextSteps.push({ start: at, end: Math.min(b.end, bodyEnd), form: 'paragraph', cue: { start: at, end: at + cue.length } });
    }
  });

  const enumerations = findEnumerations(folded, body, headings, bodyEnd);

  // the opening: what comes between the receipt line and the first measure
  let opening: Span | undefined;
  const firstHeadingBlock = headings.length > 0 ? headings[0]!.blockIndex : -1;
  if (firstHeadingBlock > 0) {
    const first = body[0]!;
    const last = body[firstHeadingBlock - 1]!;
    if (hasReceipt || OPENING_CUE.test(folded.slice(first.start, last.end))) opening = { start: first.start, end: Math.min(last.end, bodyEnd) };
  } else if (firstHeadingBlock < 0 && body.length > 1) {
    const first = body[0]!;
    if (OPENING_CUE.test(folded.slice(first.start, Math.min(first.end, first.start + 200)))) opening = { start: first.start, end: Math.min(first.end, bodyEnd) };
  }
  if (opening && opening.end <= opening.start) opening = undefined;

  return { headings, roots, enumerations, nextSteps, opening };
}

/** Groups `一是…二是…` cues per measure section: a group starts at 一是 or at a new section. */
function findEnumerations(folded: string, body: readonly Block[], headings: readonly MutableHeading[], bodyEnd: number): InlineEnumeration[] {
  const out: InlineEnumeration[] = [];
  let current: EnumerationItem[] = [];
  let currentSection = -2;
  const flush = (): void => {
    if (current.length >= 2 || (current.length === 1 && current[0]!.ordinal !== 1)) {
      out.push({ start: current[0]!.start, end: current[current.length - 1]!.end, items: current });
    }
    current = [];
  };
  let hIdx = -1;
  let section = -1;
  const visit = (at: number, length: number): void => {
    const ordinal = parseCjkNumeral(folded, at, at + length);
    if (ordinal === undefined) return;
    if (ordinal === 1 || section !== currentSection) {
      flush();
      currentSection = section;
    }
    const itemEnd = at + length + 1;
    current.push({ start: at, end: itemEnd, ordinal });
  };
  // the next 是 at or after the block, found again only once the blocks pass it: a block without
  // one is skipped, and no search runs from every block to a 是 far below it
  let shi = body.length > 0 ? folded.indexOf('是', body[0]!.start) : -1;
  for (const b of body) {
    while (hIdx + 1 < headings.length && headings[hIdx + 1]!.start <= b.start) hIdx++;
    const end = Math.min(b.end, bodyEnd);
    if (shi >= 0 && shi < b.start) shi = folded.indexOf('是', b.start);
    if (shi < 0 || shi >= end) continue;
    section = hIdx;
    eachEnumerationCue(folded, b.start, end, visit);
  }
  flush();
  return out;
}
