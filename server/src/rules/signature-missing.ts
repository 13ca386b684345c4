import { defineRule } from './types';
import { bodyTail, insertLineAfter, insertLineBefore, lineLabel, MISSING_POLICY } from './util';

export const rule = defineRule({
  id: 'signature-missing',
  defaultSeverity: 'error',
  title: { zh: '缺少署名', en: 'Signature missing' },
  description: {
    zh: `正文之后应单独一行署发文机关全称（或规范化简称），成文日期位于其下。${MISSING_POLICY.zh}`,
    en: `After the body, the issuing organ signs on its own line (full name or standard short name), with the date below it. ${MISSING_POLICY.en}`,
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.5.1', note: { zh: '加盖印章的公文，成文日期上方为发文机关署名。', en: 'The issuing organ’s name stands above the date.' } },
  ],
  example: { bad: '此复。\n2024年4月15日', good: '此复。\n厦门市教育局\n2024年4月15日' },
  check(ctx) {
    const { reply } = ctx;
    if (reply.signature) return;
    const name = ctx.settings.organization ?? reply.title?.organ ?? '×××（发文机关）';
    const c = reply.candidates.signature;
    if (c) {
      // a name that lacks its organ word (教育 for 教育局): complete it with the organ's name, when known
      const line = lineLabel(reply, c);
      const known = ctx.settings.organization ?? reply.title?.organ;
      ctx.report({
        start: c.start,
        end: c.end,
        doubtful: true,
        message: {
          zh: `${line.zh}可能是署名，但不像机关名称（缺少“局”“委员会”等）：请写明发文机关全称。`,
          en: `${line.en} may be the signature, but it does not read as an organ’s name (no 局, 委员会 …): write the issuing organ’s full name.`,
        },
        fixes: known ? [{ title: { zh: `改为“${known}”`, en: `Change to “${known}”` }, edits: [{ start: c.start, end: c.end, newText: known }] }] : [],
      });
      return;
    }
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
