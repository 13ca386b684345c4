import { lineIndexAt } from '../core/text';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'heading-punctuation',
  defaultSeverity: 'hint',
  title: { zh: '独立标题末尾有句号', en: 'Full stop after a stand-alone heading' },
  description: {
    zh: '单独成行的“一、”“（一）”级标题末尾不加句号；以标题开头、后接正文的段落不受此限，同一行中空格后还有正文的标题（可能是丢失换行的网页文字，也可能是段首标题）也不报告。',
    en: 'A 一、 or （一） heading standing alone on its line takes no full stop; a heading that opens a paragraph is not affected, nor one with more text after a blank on its line (a page that lost its line breaks, or a paragraph opener: it cannot be told).',
  },
  sources: [
    { kind: 'practice', note: { zh: '公文校对惯例：独立成行的标题不加句末标点。', en: 'Proofreading practice: headings on their own line end without punctuation.' } },
  ],
  example: { bad: '七、积极为学校和教师“松绑”。', good: '七、积极为学校和教师“松绑”' },
  check(ctx) {
    const { reply } = ctx;
    for (const h of reply.headings) {
      if (h.form !== 'standalone' || h.marker.level > 2) continue;
      const stop = h.title.end;
      const ch = reply.text.charAt(stop);
      if (ch !== '。' && ch !== '.') continue;
      // alone on its line as written: one cut from a line at a blank (`一、加强领导。 我局已…`) may
      // have run into its paragraph, as a letter whose line breaks were lost cannot tell
      const line = reply.lines[lineIndexAt(reply.lines, stop)]!;
      if (reply.folded.slice(stop + 1, line.end).trim() !== '') continue;
      ctx.report({
        start: stop,
        end: stop + 1,
        message: { zh: `独立成行的标题“${h.marker.text}${h.titleText}”末尾不加句号。`, en: `The stand-alone heading “${h.marker.text}${h.titleText}” takes no full stop.` },
        fixes: [{ title: { zh: '删除句号', en: 'Delete the full stop' }, edits: [{ start: stop, end: stop + 1, newText: '' }] }],
      });
    }
  },
});
