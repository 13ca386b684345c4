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
    for (const b of reply.blocks) {
      const edits: TextEdit[] = [];
      for (let i = b.start; i < b.end; i++) {
        const ch = text.charAt(i);
        const full = FULL[ch];
        if (full === undefined) continue;
        if (isChineseContext(text, i, ch, b.end)) edits.push({ start: i, end: i + 1, newText: full });
      }
      if (edits.length === 0) continue;
      const first = edits[0]!;
      const sample = text.charAt(first.start);
      ctx.report({
        start: first.start,
        end: first.end,
        message: {
          zh: `本段有 ${edits.length} 处半角标点（如“${sample}”），中文文本应使用全角标点“${FULL[sample]}”。`,
          en: `This paragraph has ${edits.length} half-width punctuation mark(s) (e.g. “${sample}”); Chinese text takes full-width “${FULL[sample]}”.`,
        },
        fixes: [{ title: { zh: `将本段 ${edits.length} 处半角标点改为全角`, en: `Make the paragraph's ${edits.length} mark(s) full-width` }, edits }],
      });
    }
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
    const close = text.indexOf(')', i + 1);
    const inner = close > i && close - i <= 40 ? text.slice(i + 1, close) : text.slice(i + 1, i + 3);
    return chinese(prev) || [...inner].some(chinese) || chinese(next);
  }
  if (ch === ')') {
    const open = text.lastIndexOf('(', i - 1);
    const inner = open >= 0 && i - open <= 40 ? text.slice(open + 1, i) : text.slice(Math.max(0, i - 2), i);
    return chinese(next) || [...inner].some(chinese) || chinese(prev);
  }
  if ((ch === ',' || ch === ':') && /\d/.test(prev) && /\d/.test(next)) return false;
  return chinese(prev) || chinese(next);
}
