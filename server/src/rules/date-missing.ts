import { formatDate } from '../parse/dates';
import { defineRule } from './types';
import { bodyTail, insertLineAfter, lineLabel, MISSING_POLICY } from './util';

export const rule = defineRule({
  id: 'date-missing',
  defaultSeverity: 'error',
  title: { zh: '缺少成文日期', en: 'Date missing' },
  description: {
    zh: `署名之下应写成文日期，用阿拉伯数字将年、月、日标全，如“2024年4月15日”。${MISSING_POLICY.zh}`,
    en: `Below the signature comes the date, in Arabic numerals with year, month and day in full, e.g. “2024年4月15日”. ${MISSING_POLICY.en}`,
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.5.4', note: { zh: '成文日期署会议通过或者发文机关负责人签发的日期。', en: 'The date is the day of adoption or of signing by the organ’s head.' } },
  ],
  example: { bad: '厦门市教育局', good: '厦门市教育局\n2024年4月15日' },
  check(ctx) {
    const { reply } = ctx;
    if (reply.date) return;
    const anchor = reply.signature ?? reply.closing ?? bodyTail(reply);
    const today = formatDate(ctx.today);
    const c = reply.candidates.date;
    if (c) {
      const line = lineLabel(reply, c);
      ctx.report({
        start: c.start,
        end: c.end,
        doubtful: true,
        message: {
          zh: `${line.zh}可能是成文日期，但无法识别为日期：请按“2024年4月15日”的格式写明。`,
          en: `${line.en} may be the date, but it does not read as one: write it as “2024年4月15日”.`,
        },
        fixes: [{ title: { zh: `改为今天的日期“${today}”`, en: `Change to today’s date “${today}”` }, edits: [{ start: c.start, end: c.end, newText: today }] }],
      });
      return;
    }
    ctx.report({
      start: anchor.start,
      end: anchor.end,
      message: {
        zh: '缺少成文日期：署名之下应写明成文日期，如“2024年4月15日”。',
        en: 'Date missing: write the date below the signature, e.g. “2024年4月15日”.',
      },
      fixes: [{ title: { zh: `插入今天的日期“${today}”`, en: `Insert today’s date “${today}”` }, edits: [insertLineAfter(reply, anchor.end, today)] }],
    });
  },
});
