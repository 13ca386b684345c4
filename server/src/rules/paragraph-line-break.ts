import { defineRule } from './types';

export const rule = defineRule({
  id: 'paragraph-line-break',
  defaultSeverity: 'information',
  title: { zh: '段落内有硬换行', en: 'Line breaks inside a paragraph' },
  description: {
    zh: '从 PDF 或打印稿复制的文字在每个印刷行末尾都带有换行，一个自然段被拆成多行。公文正文每个自然段左空二字、回行顶格，段内换行由排版完成；保留这些换行，排版后每一行都会成为单独的段落。检查器把这样的段落当作一段来读；“清理粘贴文本”命令可一次合并全部。',
    en: 'Text copied from a PDF or a printout has a line break at the end of every printed line, so one paragraph becomes several lines. In an official document each paragraph is indented two characters and its lines wrap flush left by typesetting; kept, the breaks make every printed line a paragraph of its own. The checker reads such a paragraph as one; the “clean up pasted text” command joins them all.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.3', note: { zh: '正文每个自然段左空二字，回行顶格。', en: 'Each paragraph of the body is indented two characters; its lines wrap flush left.' } },
  ],
  example: { bad: '您提出的《关于加快发展乡村特色产业的提\n案》收悉。', good: '您提出的《关于加快发展乡村特色产业的提案》收悉。' },
  check(ctx) {
    const { reply } = ctx;
    const wraps = reply.wraps;
    // the paragraphs in document order, each with the breaks the parser read through inside it
    let k = 0;
    for (const b of reply.blocks) {
      while (k < wraps.length && wraps[k]!.start < b.start) k++;
      const inside = [];
      while (k < wraps.length && wraps[k]!.end <= b.end) inside.push(wraps[k++]!);
      if (inside.length === 0) continue;
      ctx.report({
        start: b.start,
        end: b.end,
        message: {
          zh: `本段被换行拆成 ${inside.length + 1} 行（似从 PDF 或打印稿复制），应合并为一段。`,
          en: `This paragraph is broken into ${inside.length + 1} lines (as a PDF or a printout copied leaves it); join them into one.`,
        },
        fixes: [{ title: { zh: '合并本段各行', en: 'Join the paragraph’s lines' }, edits: inside.map((w) => ({ start: w.start, end: w.end, newText: '' })) }],
      });
    }
  },
});
