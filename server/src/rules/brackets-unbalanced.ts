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
    for (const u of units) checkUnit(ctx, u);
  },
});

function checkUnit(ctx: Parameters<typeof rule.check>[0], unit: Span): void {
  const { folded, text } = ctx.reply;
  const stack: number[] = [];
  const unclosed = (p: number): void => {
    const open = text.charAt(p);
    const close = open === '（' ? '）' : PAIRS[folded.charAt(p)]!;
    ctx.report({ start: p, end: p + 1, message: { zh: `“${open}”没有配对的“${close}”。`, en: `“${open}” is never closed by “${close}”.` } });
  };
  for (let i = unit.start; i < unit.end; i++) {
    const ch = folded.charAt(i);
    if (PAIRS[ch] !== undefined) {
      stack.push(i);
      continue;
    }
    const want = CLOSERS[ch];
    if (want === undefined) continue;
    let k = stack.length - 1;
    while (k >= 0 && folded.charAt(stack[k]!) !== want) k--;
    if (k < 0) {
      const close = text.charAt(i);
      const open = close === '）' ? '（' : want;
      ctx.report({ start: i, end: i + 1, message: { zh: `“${close}”没有与之配对的“${open}”。`, en: `“${close}” has no matching “${open}”.` } });
      continue;
    }
    // whatever was opened after the match was never closed
    for (const p of stack.slice(k + 1)) unclosed(p);
    stack.length = k;
  }
  for (const p of stack) unclosed(p);
}
