import { compareDates, formatDate, isRealDate } from '../parse/dates';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'date-invalid',
  defaultSeverity: 'error',
  title: { zh: '成文日期不成立', en: 'Impossible date' },
  description: {
    zh: '成文日期必须是日历上存在的日子（没有 2月30日），不能晚于今天，也不能早于发文字号所标的年份。',
    en: 'The date must exist on the calendar (no 30 February), must not lie in the future, and must not precede the year in the document number.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.5.4', note: { zh: '成文日期为签发日期。', en: 'The date is the signing date.' } },
    { kind: 'practice', note: { zh: '日期应与发文字号年份一致。', en: 'The date agrees with the document number’s year.' } },
  ],
  example: { bad: '2024年2月30日', good: '2024年2月29日' },
  check(ctx) {
    const { reply, today } = ctx;
    const d = reply.date;
    if (!d) return;
    const v = d.value;
    // an incomplete date (`2024年4月`, `2021`) has no day to check, only a month that cannot be;
    // date-format says what is missing
    const incomplete = d.styles.includes('incomplete');
    if (incomplete ? v.month > 12 : !isRealDate(v)) {
      ctx.report({
        start: d.start,
        end: d.end,
        message: {
          zh: `日期“${d.raw}”不存在：${v.month < 1 || v.month > 12 ? `没有${v.month}月` : `${v.year}年${v.month}月没有${v.day}日`}。`,
          en: `The date “${d.raw}” does not exist: ${v.month < 1 || v.month > 12 ? `there is no month ${v.month}` : `${v.year}-${v.month} has no day ${v.day}`}.`,
        },
      });
      return;
    }
    if (incomplete) return;
    if (compareDates(v, today) > 0) {
      ctx.report({
        start: d.start,
        end: d.end,
        message: {
          zh: `成文日期“${d.raw}”晚于今天（${formatDate(today)}），签发时应为实际签发日期。`,
          en: `The date “${d.raw}” lies after today (${formatDate(today)}); a signed reply carries its actual signing date.`,
        },
      });
      return;
    }
    const dn = reply.docNumber;
    if (dn && dn.year.length === 4 && Number(dn.year) > v.year) {
      ctx.report({
        start: d.start,
        end: d.end,
        message: {
          zh: `成文日期“${d.raw}”早于发文字号的年份〔${dn.year}〕。`,
          en: `The date “${d.raw}” precedes the year 〔${dn.year}〕 in the document number.`,
        },
        related: [{ start: dn.start, end: dn.end, message: { zh: '发文字号', en: 'document number' } }],
      });
    }
  },
});
