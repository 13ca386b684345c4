import type { JunkSpan } from '../core/model';
import { capitalize, ellipsis } from '../core/text';
import { invisibleName } from '../parse/invisible';
import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';
import { deleteLines } from './util';

const REASON: Record<string, Localized> = {
  'web-metadata': { zh: '网页发布信息（发布时间、来源、浏览次数、编辑等）', en: 'web-page metadata (publication time, source, view count, editor …)' },
  'share-widget': { zh: '网页分享、打印、扫码等控件文字', en: 'web-page share, print or QR-code widget text' },
  'site-footer': { zh: '网站页脚（备案号、版权信息等）', en: 'a web-site footer (registration number, copyright …)' },
  'table-border': { zh: '网页表格边框字符', en: 'web-table border characters' },
  'page-number': { zh: '从打印稿或 PDF 复制带入的页码', en: 'a page number copied from a printout or a PDF' },
};

export const rule = defineRule({
  id: 'pasted-junk',
  defaultSeverity: 'warning',
  title: { zh: '粘贴带入的网页残留', en: 'Web-page junk pasted in' },
  description: {
    zh: '从网页复制答复时带入的发布时间、浏览次数、分享按钮、备案号、表格边框等文字，从网页源码带入的标记（<p>、&nbsp;、&ldquo; 等）和 Markdown 草稿的行首加粗与标题符号（**、##，每行报告一次），从打印稿或 PDF 带入的页码（“— 1 —”），以及看不见的零宽空格、软连字符、文字方向控制符和控制字符（每行报告一次），不属于答复，应删除或转为纯文本。连续几行同类的残留（如逐格复制的网页信息表）合并报告一次。“清理粘贴文本”命令可一次清理。',
    en: 'Publication times, view counts, share buttons, registration numbers and table borders copied from a web page, markup from a page\'s source (<p>, &nbsp;, &ldquo; …) and a Markdown draft\'s bold and heading marks at the start of a line (**, ##; reported once per line), page numbers (“— 1 —”) copied from a printout or a PDF, and invisible zero-width spaces, soft hyphens, text-direction controls and control characters (reported once per line), are not part of the reply: delete them or turn them into plain text. Consecutive lines of one kind (a page\'s metadata table copied cell by cell) are reported once. The “clean up pasted text” command does it all at once.',
  },
  sources: [
    { kind: 'corpus', note: { zh: '网上公开的答复页面均夹带此类文字。', en: 'Published reply pages all carry such text.' } },
  ],
  example: { bad: '发布时间：2019-10-30　浏览次数：0次', good: '' },
  check(ctx) {
    const { reply } = ctx;
    const junk = reply.junk;
    for (let k = 0; k < junk.length; k++) {
      const j = junk[k]!;
      if (j.reason === 'html-markup' || j.reason === 'markdown' || j.reason === 'invisible-character') {
        // the markup of one line is one finding, and so are its invisible characters
        let last = k;
        while (last + 1 < junk.length && junk[last + 1]!.reason === j.reason && junk[last + 1]!.line === j.line) last++;
        if (j.reason !== 'invisible-character') reportMarkup(ctx, junk.slice(k, last + 1));
        else reportInvisible(ctx, junk.slice(k, last + 1));
        k = last;
        continue;
      }
      // whole lines of one kind in a row (a page's metadata table, its widgets) are one finding
      let last = k;
      while (j.wholeLine && last + 1 < junk.length && sameRun(reply.text, junk[last]!, junk[last + 1]!)) last++;
      reportFurniture(ctx, junk.slice(k, last + 1));
      k = last;
    }
  },
});

/** Whether `next` goes on a run of whole junk lines ending with `prev`: of the same kind, with only blank lines between. */
function sameRun(text: string, prev: JunkSpan, next: JunkSpan): boolean {
  return next.wholeLine && next.reason === prev.reason && text.slice(prev.end, next.start).trim() === '';
}

/** Page furniture: a fragment of a line, or a run of whole lines of one kind; the fix deletes it. */
function reportFurniture(ctx: Parameters<typeof rule.check>[0], spans: readonly JunkSpan[]): void {
  const { reply } = ctx;
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  const reason = REASON[first.reason] ?? { zh: '网页残留文字', en: 'web-page junk' };
  const lines = spans.length;
  // whole junk lines go with their line breaks; a fragment goes alone
  const edit = first.wholeLine ? deleteLines(reply, { start: first.start, end: last.end }) : { start: first.start, end: first.end, newText: '' };
  const what = !first.wholeLine ? { zh: '删除这些字符', en: 'Delete these characters' } : lines === 1 ? { zh: '删除此行', en: 'Delete the line' } : { zh: `删除这 ${lines} 行`, en: `Delete the ${lines} lines` };
  ctx.report({
    start: first.start,
    end: last.end,
    message: lines === 1
      ? { zh: `${reason.zh}不属于答复内容，应删除。`, en: `${capitalize(reason.en)} is not part of the reply; delete it.` }
      : { zh: `这 ${lines} 行是${reason.zh}，不属于答复内容，应删除。`, en: `These ${lines} lines are ${reason.en}, not part of the reply; delete them.` },
    fixes: [{ title: what, edits: [edit] }],
  });
}

/**
 * The markup of one line (see parse/markup.ts): the fix puts its plain text in its place, or
 * deletes the line when nothing else stands on it.
 */
function reportMarkup(ctx: Parameters<typeof rule.check>[0], spans: readonly JunkSpan[]): void {
  const { reply } = ctx;
  const first = spans[0]!;
  const sample = ellipsis(reply.text.slice(first.start, first.end), 16);
  const last = spans[spans.length - 1]!;
  // one edit from the first piece to the last, with the text between them kept
  const plain = spans.map((s, k) => (k === 0 ? '' : reply.text.slice(spans[k - 1]!.end, s.start)) + (s.plainText ?? '')).join('');
  const edits = spans.every((s) => s.wholeLine) ? [deleteLines(reply, { start: first.start, end: last.end })] : [{ start: first.start, end: last.end, newText: plain }];
  const what = first.reason === 'markdown' ? { zh: '处 Markdown 标记', en: 'Markdown marks' } : { zh: '处网页源码标记', en: 'web-page markup' };
  ctx.report({
    start: first.start,
    end: last.end,
    message: {
      zh: `本行有 ${spans.length} ${what.zh}（如“${sample}”），不属于答复内容，应转为纯文本。`,
      en: `This line has ${spans.length} piece(s) of ${what.en} (e.g. “${sample}”), which is not part of the reply; turn it into plain text.`,
    },
    fixes: [{ title: { zh: '将本行的网页标记转为纯文本', en: 'Turn the line\'s markup into plain text' }, edits }],
  });
}

/** The invisible characters of one line (see parse/invisible.ts): the fix deletes them. */
function reportInvisible(ctx: Parameters<typeof rule.check>[0], spans: readonly JunkSpan[]): void {
  const { reply } = ctx;
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  const count = spans.reduce((n, s) => n + s.end - s.start, 0);
  const name = invisibleName(reply.text.charCodeAt(first.start));
  ctx.report({
    start: first.start,
    end: last.end,
    message: {
      zh: `本行有 ${count} 个不可见字符（如${name.zh}），不属于答复内容，应删除。`,
      en: `This line has ${count} invisible character(s) (e.g. a ${name.en}), which are not part of the reply; delete them.`,
    },
    fixes: [{ title: { zh: '删除本行的不可见字符', en: 'Delete the line\'s invisible characters' }, edits: spans.map((s) => ({ start: s.start, end: s.end, newText: '' })) }],
  });
}
