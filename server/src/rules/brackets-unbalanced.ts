import { marksOf } from '../parse/marks';
import { lacksOpeningBracket } from '../parse/numbering';
import type { Span } from '../core/text';
import { defineRule } from './types';

/** Opening → closing, on width-folded text (（） became ()). */
const PAIRS: Record<string, string> = { '《': '》', '“': '”', '(': ')', '〔': '〕' };
const CLOSERS: Record<string, string> = { '》': '《', '”': '“', ')': '(', '〕': '〔' };

export const rule = defineRule({
  id: 'brackets-unbalanced',
  defaultSeverity: 'warning',
  title: { zh: '括号、引号不配对', en: 'Unbalanced brackets or quotes' },
  description: {
    zh: '书名号《》、引号“”、括号（）和六角括号〔〕应在同一段内成对出现，并正确嵌套。',
    en: 'Title marks 《》, quotes “”, brackets （） and hexagonal brackets 〔〕 come in pairs within a paragraph and nest properly.',
  },
  sources: [
    { kind: 'GB/T 15834-2011', clause: '4.5–4.9', note: { zh: '标点符号用法：引号、括号、书名号成对使用。', en: 'Use of punctuation marks: quotes, brackets and title marks are used in pairs.' } },
  ],
  example: { bad: '《关于推进教育均衡的建议收悉。', good: '《关于推进教育均衡的建议》收悉。' },
  check(ctx) {
    const { reply } = ctx;
    // The title (its lines as one unit) and the other blocks. The units do not overlap; in document
    // order they take their marks in turn from the offsets the parser found. The parser's blocks are
    // in document order and the title's are consecutive, so the title takes the place of its first
    // block and no sort is needed (sorting the units with a comparator was a fifth of this rule).
    const units: Span[] = [];
    const title = reply.title;
    let titlePlaced = !title;
    for (const b of reply.blocks) {
      if (!title || b.end <= title.start || b.start >= title.end) units.push(b);
      else if (!titlePlaced) {
        units.push(title);
        titlePlaced = true;
      }
    }
    if (!titlePlaced) units.push(title!);
    if (!inOrder(units)) units.sort((x, y) => x.start - y.start);
    // (a numbering marker without its opening bracket, `1）`, is numbering-style's finding)
    const markerCloses = new Set(reply.headings.filter((h) => lacksOpeningBracket(h.marker)).map((h) => h.marker.start + reply.folded.slice(h.marker.start, h.marker.end).indexOf(')')));
    const all = marksOf(reply).brackets;
    const marks = markerCloses.size > 0 ? all.filter((i) => !markerCloses.has(i)) : all;
    const stack: Stack = { pos: new Int32Array(64), pair: new Uint8Array(64), top: 0, open: [0, 0, 0, 0] };
    let k = 0;
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      while (k < marks.length && marks[k]! < u.start) k++;
      k = checkUnit(ctx, u, marks, k, stack, softBreakAfter(reply.folded, u, units[i + 1]));
    }
  },
});

/** Blanks, one line break, blanks: what lies between two lines of one paragraph. */
const ONE_LINE_BREAK = /^[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*$/;
/** How a paragraph ends: a sentence, or a colon before what follows. */
const PARAGRAPH_END = /[。!?;:][”’)》]*\s*$/;

/**
 * Whether `next` goes on with the paragraph of `unit`: it starts on the very next line and the
 * break falls mid-sentence — a web page's <br> or Word's Shift+Enter (`推行“县—乡—村三级` /
 * `客运网络”，指导…`). A bracket left open there may be closed in `next`.
 */
function softBreakAfter(folded: string, unit: Span, next: Span | undefined): boolean {
  return !!next && ONE_LINE_BREAK.test(folded.slice(unit.end, next.start)) && !PARAGRAPH_END.test(folded.slice(Math.max(unit.start, unit.end - 8), unit.end));
}

function inOrder(units: readonly Span[]): boolean {
  for (let i = 1; i < units.length; i++) if (units[i]!.start < units[i - 1]!.start) return false;
  return true;
}

/** The pair a mark opens (0–3 for 《》 “” () 〔〕) on width-folded text, or -1. */
function opens(c: number): number {
  return c === 0x300a ? 0 : c === 0x201c ? 1 : c === 0x28 ? 2 : c === 0x3014 ? 3 : -1;
}

/** The pair a mark closes, or -1. */
function closes(c: number): number {
  return c === 0x300b ? 0 : c === 0x201d ? 1 : c === 0x29 ? 2 : c === 0x3015 ? 3 : -1;
}

/**
 * The openers not yet closed, shared by the units of one check (each unit leaves it empty unless
 * the next one goes on with its paragraph, see softBreakAfter). Typed
 * arrays, grown by doubling: a pasted line of 10 million `（` keeps 10 million openers, 5 bytes each
 * here and 16 in plain arrays (which took a 256 MB heap over the edge at 32 MB of them).
 */
interface Stack {
  pos: Int32Array;
  pair: Uint8Array;
  /** How many openers a unit leaves to the next. */
  top: number;
  /** Open marks per pair. */
  readonly open: number[];
}

/**
 * Matches the marks of one unit, `marks[k]` onwards, the openers an earlier unit left included;
 * returns the index of the first mark after it. The openers it leaves unclosed are reported, or
 * left to the next unit when that goes on with the paragraph (`goesOn`). Each opener is pushed once
 * and popped once, and a count per pair says at once whether a closer has any opener to match, so
 * the work is linear even with thousands of unclosed marks.
 */
function checkUnit(ctx: Parameters<typeof rule.check>[0], unit: Span, marks: Int32Array, k: number, stack: Stack, goesOn: boolean): number {
  const { folded, text } = ctx.reply;
  const { open } = stack;
  let { pos, pair, top } = stack;
  for (; k < marks.length && marks[k]! < unit.end; k++) {
    const i = marks[k]!;
    const c = folded.charCodeAt(i);
    const o = opens(c);
    if (o >= 0) {
      if (top === pos.length) {
        const grownPos = new Int32Array(pos.length * 2);
        grownPos.set(pos);
        const grownPair = new Uint8Array(pair.length * 2);
        grownPair.set(pair);
        stack.pos = pos = grownPos;
        stack.pair = pair = grownPair;
      }
      pos[top] = i;
      pair[top] = o;
      top++;
      open[o]!++;
      continue;
    }
    const want = closes(c);
    if (open[want] === 0) {
      const close = text.charAt(i);
      const opener = close === '）' ? '（' : CLOSERS[folded.charAt(i)]!;
      ctx.report({ start: i, end: i + 1, message: { zh: `“${close}”没有与之配对的“${opener}”。`, en: `“${close}” has no matching “${opener}”.` } });
      continue;
    }
    let j = top - 1;
    while (pair[j] !== want) j--;
    // whatever was opened after the match was never closed
    for (let x = j + 1; x < top; x++) {
      open[pair[x]!]!--;
      unclosed(ctx, pos[x]!);
    }
    open[want]!--;
    top = j;
  }
  if (!goesOn) {
    for (let x = 0; x < top; x++) {
      open[pair[x]!]!--;
      unclosed(ctx, pos[x]!);
    }
    top = 0;
  }
  stack.top = top;
  return k;
}

function unclosed(ctx: Parameters<typeof rule.check>[0], p: number): void {
  const { folded, text } = ctx.reply;
  const o = text.charAt(p);
  const close = o === '（' ? '）' : PAIRS[folded.charAt(p)]!;
  ctx.report({ start: p, end: p + 1, message: { zh: `“${o}”没有配对的“${close}”。`, en: `“${o}” is never closed by “${close}”.` } });
}
