import { defineRule } from './types';

export const rule = defineRule({
  id: 'heading-punctuation',
  defaultSeverity: 'hint',
  title: { zh: '独立标题末尾有句号', en: 'Full stop after a stand-alone heading' },
  description: {
    zh: '单独成行的“一、”“（一）”级标题末尾不加句号；以标题开头、后接正文的段落不受此限。',
    en: 'A 一、 or （一） heading standing alone on its line takes no full stop; a heading that opens a paragraph is not affected.',
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
      ctx.report({
        start: stop,
        end: stop + 1,
        message: { zh: `独立成行的标题“${h.marker.text}${h.titleText}”末尾不加句号。`, en: `The stand-alone heading “${h.marker.text}${h.titleText}” takes no full stop.` },
        fixes: [{ title: { zh: '删除句号', en: 'Delete the full stop' }, edits: [{ start: stop, end: stop + 1, newText: '' }] }],
      });
    }
  },
});
