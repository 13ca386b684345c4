import { marksOf } from '../parse/marks';
import { isCjkPunct, isHan } from '../text';
import { defineRule, type TextEdit } from './types';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };

export const rule = defineRule({
  id: 'punctuation-width',
  defaultSeverity: 'hint',
  title: { zh: '中文中使用了半角标点', en: 'Half-width punctuation in Chinese text' },
  description: {
    zh: '中文文本中的逗号、冒号、分号、问号、叹号、括号和句号应使用全角形式（，：；？！（）。）。网页转载常丢失全角标点，定稿前应统一；数字和西文之间的半角符号（如“1,000”“10:30”）不提示。每段报告一次，快速修复改正该段全部半角标点。',
    en: 'Commas, colons, semicolons, question and exclamation marks, brackets and full stops in Chinese text are full-width (，：；？！（）。). Web copies often lose them. Marks between digits or Latin text (1,000, 10:30) are left alone. Reported once per paragraph; the fix corrects the whole paragraph.',
  },
  sources: [
    { kind: 'GB/T 15834-2011', note: { zh: '标点符号用法：中文文本使用全角标点。', en: 'Use of punctuation marks: Chinese text takes full-width marks.' } },
  ],
  example: { bad: '林灵委员:\n您提出的提案(第156号)收悉,现答复如下:', good: '林灵委员：\n您提出的提案（第156号）收悉，现答复如下：' },
  check(ctx) {
    const { reply } = ctx;
    const text = reply.text;
    const blocks = reply.blocks;
    // the half-width marks the parser found, merged with the blocks (both in document order)
    let bi = 0;
    let edits: TextEdit[] = [];
    const flush = (): void => {
      if (edits.length === 0) return;
      const first = edits[0]!;
      const sample = text.charAt(first.start);
      const all = edits;
      edits = [];
      ctx.report({
        start: first.start,
        end: first.end,
        message: {
          zh: `本段有 ${all.length} 处半角标点（如“${sample}”），中文文本应使用全角标点“${FULL[sample]}”。`,
          en: `This paragraph has ${all.length} half-width punctuation mark(s) (e.g. “${sample}”); Chinese text takes full-width “${FULL[sample]}”.`,
        },
        fixes: [{ title: { zh: `将本段 ${all.length} 处半角标点改为全角`, en: `Make the paragraph's ${all.length} mark(s) full-width` }, edits: all }],
      });
    };
    for (const i of marksOf(reply).halfWidth) {
      if (bi >= blocks.length) break;
      while (bi < blocks.length && blocks[bi]!.end <= i) {
        flush();
        bi++;
      }
      const b = blocks[bi];
      if (!b || i < b.start) continue;
      const ch = text.charAt(i);
      if (isChineseContext(text, i, ch, b.end)) edits.push({ start: i, end: i + 1, newText: FULL[ch]! });
    }
    flush();
  },
});

function chinese(ch: string): boolean {
  return isHan(ch) || (ch.length === 1 && isCjkPunct(ch.charCodeAt(0)));
}

function isChineseContext(text: string, i: number, ch: string, end: number): boolean {
  const prev = text.charAt(i - 1);
  const next = i + 1 < end ? text.charAt(i + 1) : '';
  if (ch === '.') {
    // a full stop after Chinese text at a sentence end, not 1. or 3.5
    return isHan(prev) && (next === '' || /[\s\u3000]/.test(next) || chinese(next));
  }
  if (ch === '(') {
    // the partner counts only within 40 characters, so look no further (no rescans of a long line)
    const close = indexWithin(text, 41, i + 1, i + 41);
    const inner = close > i && close - i <= 40 ? text.slice(i + 1, close) : text.slice(i + 1, i + 3);
    return chinese(prev) || [...inner].some(chinese) || chinese(next);
  }
  if (ch === ')') {
    const open = lastIndexWithin(text, 40, i - 1, i - 40);
    const inner = open >= 0 && i - open <= 40 ? text.slice(open + 1, i) : text.slice(Math.max(0, i - 2), i);
    return chinese(next) || [...inner].some(chinese) || chinese(prev);
  }
  if ((ch === ',' || ch === ':') && /\d/.test(prev) && /\d/.test(next)) return false;
  return chinese(prev) || chinese(next);
}

/** `text.indexOf(char, from)` when the answer is below `to`, else -1. */
function indexWithin(text: string, code: number, from: number, to: number): number {
  const stop = Math.min(to, text.length);
  for (let j = from; j < stop; j++) if (text.charCodeAt(j) === code) return j;
  return -1;
}

/** `text.lastIndexOf(char, from)` when the answer is at least `to`, else -1. */
function lastIndexWithin(text: string, code: number, from: number, to: number): number {
  for (let j = from; j >= Math.max(0, to); j--) if (text.charCodeAt(j) === code) return j;
  return -1;
}
