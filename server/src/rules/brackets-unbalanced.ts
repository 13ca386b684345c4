import { marksOf } from '../parse/marks';
import type { Span } from '../text';
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
    const units: Span[] = [];
    const title = reply.title;
    if (title) units.push(title);
    for (const b of reply.blocks) if (!title || b.end <= title.start || b.start >= title.end) units.push(b);
    // The units do not overlap; in document order they take their marks in turn from the offsets
    // the parser found. (A finding's place does not depend on the order units are checked in.)
    units.sort((x, y) => x.start - y.start);
    const marks = marksOf(reply).brackets;
    let k = 0;
    for (const u of units) {
      while (k < marks.length && marks[k]! < u.start) k++;
      k = checkUnit(ctx, u, marks, k);
    }
  },
});

/** Opener and closer codes on width-folded text, by pair: 《》 “” () 〔〕. */
const OPEN_CODES = [0x300a, 0x201c, 0x28, 0x3014];
const CLOSE_CODES = [0x300b, 0x201d, 0x29, 0x3015];
/**
 * Matches the marks of one unit, `marks[k]` onwards; returns the index of the first mark after it.
 * Each opener is pushed once and popped once, and a count per pair says at once whether a closer
 * has any opener to match, so the work is linear even with thousands of unclosed marks.
 */
function checkUnit(ctx: Parameters<typeof rule.check>[0], unit: Span, marks: readonly number[], k: number): number {
  const { folded, text } = ctx.reply;
  const stackPos: number[] = [];
  const stackPair: number[] = [];
  let top = 0;
  const open = [0, 0, 0, 0];
  const unclosed = (p: number): void => {
    const o = text.charAt(p);
    const close = o === '（' ? '）' : PAIRS[folded.charAt(p)]!;
    ctx.report({ start: p, end: p + 1, message: { zh: `“${o}”没有配对的“${close}”。`, en: `“${o}” is never closed by “${close}”.` } });
  };
  for (; k < marks.length && marks[k]! < unit.end; k++) {
    const i = marks[k]!;
    const c = folded.charCodeAt(i);
    const o = OPEN_CODES.indexOf(c);
    if (o >= 0) {
      stackPos[top] = i;
      stackPair[top] = o;
      top++;
      open[o]!++;
      continue;
    }
    const want = CLOSE_CODES.indexOf(c);
    if (open[want] === 0) {
      const close = text.charAt(i);
      const opener = close === '）' ? '（' : CLOSERS[folded.charAt(i)]!;
      ctx.report({ start: i, end: i + 1, message: { zh: `“${close}”没有与之配对的“${opener}”。`, en: `“${close}” has no matching “${opener}”.` } });
      continue;
    }
    let j = top - 1;
    while (stackPair[j] !== want) j--;
    // whatever was opened after the match was never closed
    for (let x = j + 1; x < top; x++) {
      open[stackPair[x]!]!--;
      unclosed(stackPos[x]!);
    }
    open[want]!--;
    top = j;
  }
  for (let x = 0; x < top; x++) unclosed(stackPos[x]!);
  return k;
}
