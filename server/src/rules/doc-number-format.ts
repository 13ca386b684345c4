import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';
import { copiedFromPrint, PRINT_COPY_BLANKS } from './util';

export const rule = defineRule({
  id: 'doc-number-format',
  defaultSeverity: 'warning',
  title: { zh: '发文字号格式不规范', en: 'Document number format' },
  description: {
    zh: '发文字号由机关代字、年份、发文顺序号组成：年份标全称，用六角括号“〔〕”括入；顺序号不加“第”，不编虚位，如“厦教提案函〔2024〕43号”。“[2024]”“【2024】”“（2024）”“〔24〕”“第43号”“043号”“43 号”均不规范。',
    en: 'A document number is organ code, year and serial: the year in full inside hexagonal brackets 〔〕, the serial without 第 or leading zeros: “厦教提案函〔2024〕43号”. [2024], 【2024】, （2024）, 〔24〕, 第43号, 043号 and 43 号 are wrong.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.2.5', note: { zh: '年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位。', en: 'Year and serial in Arabic numerals; the year in full in 〔〕; no 第 and no leading zeros in the serial.' } },
  ],
  example: { bad: '厦教提案函[2024]第043号', good: '厦教提案函〔2024〕43号' },
  check(ctx) {
    const dn = ctx.reply.docNumber;
    if (!dn) return;
    const problems: Localized[] = [];
    if (dn.open === '' && dn.close === '') problems.push({ zh: '年份缺少六角括号“〔〕”', en: 'the year has no brackets 〔〕' });
    else if (dn.open === '〔' && dn.close === '') problems.push({ zh: '年份后缺少“〕”', en: 'the 〕 after the year is missing' });
    else if (dn.open !== '〔' || dn.close !== '〕') problems.push({ zh: `年份应用六角括号“〔〕”，不用“${dn.open}${dn.close}”`, en: `the year goes in 〔〕, not ${dn.open}${dn.close}` });
    if (dn.year.length !== 4) problems.push({ zh: '年份应标全称（四位）', en: 'the year is written in full (four digits)' });
    if (dn.hasDi) problems.push({ zh: '顺序号前不加“第”', en: 'no 第 before the serial' });
    if (/^0\d/.test(dn.serial)) problems.push({ zh: '顺序号不编虚位（不写前导 0）', en: 'no leading zeros in the serial' });
    if (!dn.hasHao) problems.push({ zh: '顺序号后缺少“号”', en: 'the 号 after the serial is missing' });
    if (dn.spaced) problems.push({ zh: '字号中不留空格', en: 'no spaces inside the number' });
    if (problems.length === 0) return;
    const year = dn.year.length === 2 ? `20${dn.year}` : dn.year;
    const serial = dn.serial.replace(/^0+(?=\d)/, '');
    const fixed = `${dn.organ}〔${year}〕${serial}号`;
    const raw = ctx.reply.text.slice(dn.start, dn.end);
    // blanks alone, in a copy from print, are most likely the copy's (see copiedFromPrint)
    const copied = problems.length === 1 && dn.spaced && copiedFromPrint(ctx.reply);
    ctx.report({
      start: dn.start,
      end: dn.end,
      doubtful: copied,
      message: {
        zh: `发文字号“${raw}”不规范：${problems.map((p) => p.zh).join('；')}${copied ? PRINT_COPY_BLANKS.zh : ''}。应写作“${fixed}”。`,
        en: `The document number “${raw}” is wrong: ${problems.map((p) => p.en).join('; ')}${copied ? PRINT_COPY_BLANKS.en : ''}. Write “${fixed}”.`,
      },
      fixes: [{ title: { zh: `改为“${fixed}”`, en: `Change to “${fixed}”` }, edits: [{ start: dn.start, end: dn.end, newText: fixed }] }],
    });
  },
});
