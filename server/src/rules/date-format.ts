import type { DateStyle } from '../core/model';
import { formatDate } from '../parse/dates';
import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';
import { copiedFromPrint, PRINT_COPY_BLANKS } from './util';

const STYLE_PROBLEM: Record<DateStyle, Localized> = {
  standard: { zh: '', en: '' },
  'leading-zero': { zh: '月、日不编虚位（不写“04月”“05日”）', en: 'no leading zeros in month or day' },
  'chinese-numerals': { zh: '应使用阿拉伯数字（汉字日期为 2012 年以前的旧格式）', en: 'Arabic numerals are required (Chinese-numeral dates are the pre-2012 style)' },
  numeric: { zh: '不用“.”“-”“/”分隔，应写明“年”“月”“日”', en: 'write 年 月 日 instead of “.”, “-” or “/”' },
  hao: { zh: '用“日”不用“号”', en: 'use 日, not 号' },
  spaced: { zh: '数字与“年”“月”“日”之间不留空格', en: 'no spaces inside the date' },
  'full-width-digits': { zh: '数字应使用半角', en: 'digits should be half-width' },
  'short-year': { zh: '年份应写全四位', en: 'the year is written in full' },
  'run-together': { zh: '缺少“年”“月”“日”', en: '年, 月 and 日 are missing' },
  'lost-mark': { zh: '“年”“月”“日”不全', en: 'a 年, 月 or 日 is missing' },
  incomplete: { zh: '年、月、日不全', en: 'year, month or day is missing' },
};

export const rule = defineRule({
  id: 'date-format',
  defaultSeverity: 'warning',
  title: { zh: '成文日期格式不规范', en: 'Date format' },
  description: {
    zh: '成文日期用阿拉伯数字将年、月、日标全，年份不简写，月、日不编虚位，如“2024年4月15日”；“2024年04月15日”“2024.4.15”“2024-04-15”“……15号”和汉字日期均不规范。',
    en: 'The date uses Arabic numerals with year, month and day in full, no short year and no leading zeros: “2024年4月15日”. “2024年04月15日”, “2024.4.15”, “2024-04-15”, “…15号” and Chinese-numeral dates are wrong.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.5.4', note: { zh: '成文日期中的数字用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即 1 不编为 01）。', en: 'Year, month and day in Arabic numerals, the year in full, no leading zeros (1, not 01).' } },
  ],
  example: { bad: '2024年04月15日', good: '2024年4月15日' },
  check(ctx) {
    const d = ctx.reply.date;
    if (!d || d.styles.length === 0) return;
    // an incomplete date cannot be completed: say what is missing, offer no fix
    const fixed = d.styles.includes('incomplete') ? undefined : formatDate(d.value);
    // blanks alone, in a copy from print, are most likely the copy's (see copiedFromPrint)
    const copied = d.styles.length === 1 && d.styles[0] === 'spaced' && copiedFromPrint(ctx.reply);
    ctx.report({
      start: d.start,
      end: d.end,
      doubtful: copied,
      message: {
        zh: `日期“${d.raw}”格式不规范：${d.styles.map((s) => STYLE_PROBLEM[s].zh).join('；')}${copied ? PRINT_COPY_BLANKS.zh : ''}。${fixed ? `应写作“${fixed}”。` : ''}`,
        en: `The date “${d.raw}” is badly formatted: ${d.styles.map((s) => STYLE_PROBLEM[s].en).join('; ')}${copied ? PRINT_COPY_BLANKS.en : ''}.${fixed ? ` Write “${fixed}”.` : ''}`,
      },
      fixes: fixed ? [{ title: { zh: `改为“${fixed}”`, en: `Change to “${fixed}”` }, edits: [{ start: d.start, end: d.end, newText: fixed }] }] : [],
    });
  },
});
