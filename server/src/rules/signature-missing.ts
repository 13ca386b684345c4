import { defineRule } from './types';
import { bodyTail, insertLineAfter, insertLineBefore } from './util';

export const rule = defineRule({
  id: 'signature-missing',
  defaultSeverity: 'error',
  title: { zh: '缺少署名', en: 'Signature missing' },
  description: {
    zh: '正文之后应单独一行署发文机关全称（或规范化简称），成文日期位于其下。',
    en: 'After the body, the issuing organ signs on its own line (full name or standard short name), with the date below it.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.5.1', note: { zh: '加盖印章的公文，成文日期上方为发文机关署名。', en: 'The issuing organ’s name stands above the date.' } },
  ],
  example: { bad: '此复。\n2024年4月15日', good: '此复。\n厦门市教育局\n2024年4月15日' },
  check(ctx) {
    const { reply } = ctx;
    if (reply.signature) return;
    const name = ctx.config.organization ?? reply.title?.organ ?? '×××（发文机关）';
    const anchor = reply.date ?? reply.closing ?? bodyTail(reply);
    ctx.report({
      start: anchor.start,
      end: anchor.end,
      message: {
        zh: '缺少署名：正文之后应单独一行写明发文机关名称，其下为成文日期。',
        en: 'Signature missing: after the body, put the issuing organ’s name on its own line, with the date below.',
      },
      fixes: [{
        title: { zh: `插入署名“${name}”`, en: `Insert the signature “${name}”` },
        edits: [reply.date ? insertLineBefore(reply, reply.date.start, name) : insertLineAfter(reply, anchor.end, name)],
      }],
    });
  },
});
