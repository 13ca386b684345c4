import { marksOf } from '../parse/marks';
import { isBlank, isCjkPunct, isDigitCode, isHan } from '../core/text';
import { type TextEdit } from '../core/vocabulary';
import { defineRule, EDITS_MERGED_ABOVE } from './types';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };

export const rule = defineRule({
  id: 'punctuation-width',
  defaultSeverity: 'hint',
  title: { zh: '中文中使用了半角标点', en: 'Half-width punctuation in Chinese text' },
  description: {
    zh: '中文文本中的逗号、冒号、分号、问号、叹号、括号和句号应使用全角形式（，：；？！（）。）。网页转载常丢失全角标点，定稿前应统一；数字和西文之间的半角符号（如“1,000”“10:30”）不提示；按西文习惯在标点后加的空格不影响判断。每段报告一次，快速修复改正该段全部半角标点。',
    en: 'Commas, colons, semicolons, question and exclamation marks, brackets and full stops in Chinese text are full-width (，：；？！（）。). Web copies often lose them. Marks between digits or Latin text (1,000, 10:30) are left alone; a blank typed after a mark does not change how it is judged. Reported once per paragraph; the fix corrects the whole paragraph.',
  },
  sources: [
    { kind: 'GB/T 15834-2011', note: { zh: '标点符号用法：中文文本使用全角标点。', en: 'Use of punctuation marks: Chinese text takes full-width marks.' } },
  ],
  example: { bad: '林灵委员:\n您提出的提案(第156号)收悉,现答复如下:', good: '林灵委员：\n您提出的提案（第156号）收悉，现答复如下：' },
  check(ctx) {
    const { reply } = ctx;
    const text = reply.text;
    // the half-width marks the parser found, taken block by block (both in document order)
    const marks = marksOf(reply).halfWidth;
    let mi = 0;
    for (const b of reply.blocks) {
      while (mi < marks.length && marks[mi]! < b.start) mi++;
      let mj = mi;
      while (mj < marks.length && marks[mj]! < b.end) mj++;
      if (mj === mi) continue;
      const flagged = halfWidthMarks(text, marks, mi, mj, b.end);
      mi = mj;
      if (flagged.length === 0) continue;
      const first = flagged[0]!;
      const sample = text.charAt(first);
      const n = flagged.length;
      ctx.report({
        start: first,
        end: first + 1,
        message: {
          zh: `本段有 ${n} 处半角标点（如“${sample}”），中文文本应使用全角标点“${FULL[sample]}”。`,
          en: `This paragraph has ${n} half-width punctuation mark(s) (e.g. “${sample}”); Chinese text takes full-width “${FULL[sample]}”.`,
        },
        fixes: [{ title: { zh: `将本段 ${n} 处半角标点改为全角`, en: `Make the paragraph's ${n} mark(s) full-width` }, edits: widthFix(text, flagged) }],
      });
    }
  },
});

/**
 * The edits that make the marks at `flagged` (in order) full-width: one per mark, or past
 * EDITS_MERGED_ABOVE one edit of the span from the first to the last, the same length as the span
 * (each mark is one character either way): a paragraph of 5 million half-width commas pasted as one
 * line costs one string, not 5 million edit objects (some 250 MB). Features that take the marks one
 * by one (the selection's width, the cleanup) split it where they need (features/codeActions.ts,
 * features/cleanup.ts).
 */
function widthFix(text: string, flagged: readonly number[]): TextEdit[] {
  if (flagged.length <= EDITS_MERGED_ABOVE) return flagged.map((i) => ({ start: i, end: i + 1, newText: FULL[text.charAt(i)]! }));
  const start = flagged[0]!;
  const end = flagged[flagged.length - 1]! + 1;
  const codes = new Uint16Array(end - start);
  for (let k = 0; k < codes.length; k++) codes[k] = text.charCodeAt(start + k);
  for (const i of flagged) codes[i - start] = FULL[text.charAt(i)]!.charCodeAt(0);
  // (fromCharCode keeps lone surrogates as they are; in chunks, since a call takes limited arguments)
  const chunks: string[] = [];
  for (let k = 0; k < codes.length; k += 8192) chunks.push(String.fromCharCode(...codes.subarray(k, k + 8192)));
  return [{ start, end, newText: chunks.join('') }];
}

/** How far into a bracket pair Chinese text is looked for, from each end (no rescans of a long line). */
const PAIR_LOOK = 40;

/**
 * Of the half-width marks at `positions[from, to)` (in order, within one block ending at `end`),
 * those in Chinese context. Brackets are judged as pairs, so that a fix never leaves one bracket
 * half-width and its partner full-width. The lists are made only when needed: a long reply has
 * thousands of blocks with a mark or two.
 */
function halfWidthMarks(text: string, positions: Int32Array, from: number, to: number, end: number): number[] {
  // each position is added at most once (a bracket is in one pair or alone), and the first loop
  // adds in order: only brackets can make the list need sorting
  const out: number[] = [];
  let open: number[] | undefined;
  let pairs: number[] | undefined; // opener, closer, opener, closer …
  let lone: number[] | undefined;
  for (let k = from; k < to; k++) {
    const i = positions[k]!;
    const ch = text.charAt(i);
    if (ch === '(') (open ??= []).push(i);
    else if (ch === ')') {
      const o = open?.pop();
      if (o === undefined) (lone ??= []).push(i);
      else (pairs ??= []).push(o, i);
    } else if (FULL[ch] !== undefined && isChineseContext(text, i, ch, end)) out.push(i);
  }
  if (!pairs && !lone && !open?.length) return out;
  lone ??= [];
  // (a loop: a pasted line may hold more brackets than a call takes arguments)
  if (open) for (const o of open) lone.push(o);
  for (let p = 0; pairs && p < pairs.length; p += 2) {
    const o = pairs[p]!;
    const c = pairs[p + 1]!;
    if (chinese(text.charAt(o - 1)) || chinese(text.charAt(c + 1)) || chineseWithin(text, o + 1, Math.min(c, o + 1 + PAIR_LOOK)) || chineseWithin(text, Math.max(o + 1, c - PAIR_LOOK), c)) {
      out.push(o, c);
    }
  }
  for (const i of lone) if (chinese(text.charAt(i - 1)) || chinese(i + 1 < end ? text.charAt(i + 1) : '')) out.push(i);
  return out.sort((a, b) => a - b);
}

function chineseWithin(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (chinese(text.charAt(j))) return true;
  return false;
}

function chinese(ch: string): boolean {
  return isHan(ch) || (ch.length === 1 && isCjkPunct(ch.charCodeAt(0)));
}

function isChineseContext(text: string, i: number, ch: string, end: number): boolean {
  const prev = text.charAt(i - 1);
  // the next word, past the blank a text typed the Latin way puts after a mark (`…县(区), 工程…`)
  let j = i + 1;
  while (j < end && isBlank(text.charCodeAt(j))) j++;
  const next = j < end ? text.charAt(j) : '';
  if (ch === '.') {
    // a full stop after Chinese text at a sentence end, not 1. or 3.5
    return isHan(prev) && (next === '' || /[\s\u3000]/.test(next) || chinese(next));
  }
  if ((ch === ',' || ch === ':') && isDigitCode(prev.charCodeAt(0)) && isDigitCode(next.charCodeAt(0))) return false;
  return chinese(prev) || chinese(next);
}
