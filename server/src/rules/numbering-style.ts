import type { MeasureHeading } from '../core/model';
import { canonicalMarker, lacksOpeningBracket } from '../parse/numbering';
import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'numbering-style',
  defaultSeverity: 'information',
  title: { zh: '编号写法不规范', en: 'Numbering marker written wrongly' },
  description: {
    zh: '“一、”用顿号；“（一）”“（1）”有左右括号，后不加顿号；“1.”用圆点而非顿号，数字用半角；同一级的括号全角、半角不混用（混用时半角的一方提示；全文统一用半角括号由 punctuation-width 提示）。',
    en: '一、 takes an enumeration comma; （一） and （1） have both brackets and no comma after them; 1. takes a point, not 、, with half-width digits; one level does not mix full- and half-width brackets (the half-width ones are reported; brackets half-width throughout are punctuation-width’s concern).',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.3', note: { zh: '层次序数为“一、”“（一）”“1.”“（1）”。', en: 'Level markers are 一、 （一） 1. （1）.' } },
    { kind: 'practice', note: { zh: '校对规范将“1、”“（一）、”列为常见错误。', en: 'Proofreading guides list 1、 and （一）、 as common errors.' } },
  ],
  example: { bad: '1、加强领导\n（一）、完善机制', good: '1.加强领导\n（一）完善机制' },
  check(ctx) {
    const { reply } = ctx;
    // bracket width per level: full width is the standard, so half-width markers are flagged only
    // when the same level also uses full width; a uniformly half-width copy is punctuation-width's business
    const headings = reply.headings;
    const widths = headings.map(widthOf);
    const fullAtLevel = [false, false, false, false, false];
    for (let k = 0; k < headings.length; k++) if (widths[k] === 'full') fullAtLevel[headings[k]!.marker.level] = true;
    for (let k = 0; k < headings.length; k++) {
      const m = headings[k]!.marker;
      const problems: Localized[] = [];
      if (m.level === 1 && m.separator !== '、') problems.push({ zh: `“${m.text}”应使用顿号，写作“${canonicalMarker(1, m.ordinal)}”`, en: `“${m.text}” takes an enumeration comma: “${canonicalMarker(1, m.ordinal)}”` });
      if (lacksOpeningBracket(m)) problems.push({ zh: '编号缺少左括号', en: 'the opening bracket is missing' });
      if ((m.level === 2 || m.level === 4) && m.separator) problems.push({ zh: `括号编号后不加“${m.separator}”`, en: `no “${m.separator}” after a bracketed number` });
      if (m.level === 3 && m.separator === '、') problems.push({ zh: `“${m.text}”应写作“${canonicalMarker(3, m.ordinal)}”`, en: `“${m.text}” should be written “${canonicalMarker(3, m.ordinal)}”` });
      if (/[\uff10-\uff19]/.test(m.text)) problems.push({ zh: '编号数字应使用半角', en: 'the digits should be half-width' });
      const w = widths[k];
      const widthProblem = w === 'mixed' || (w === 'half' && fullAtLevel[m.level]!);
      if (w === 'mixed') problems.push({ zh: '一对括号的全角、半角不一致', en: 'the two brackets differ in width' });
      else if (widthProblem) problems.push({ zh: '与同级其他编号的括号宽度不一致，应统一用全角括号', en: 'its brackets differ in width from the rest of its level; use full-width brackets throughout' });
      if (problems.length === 0) continue;
      // the fix repairs what is named and keeps the document's bracket width otherwise
      const fixed = w === 'half' && !widthProblem ? canonicalMarker(m.level, m.ordinal).replace('（', '(').replace('）', ')') : canonicalMarker(m.level, m.ordinal);
      ctx.report({
        start: m.start,
        end: m.end,
        message: {
          zh: `编号“${m.text}”写法不规范：${problems.map((p) => p.zh).join('；')}。`,
          en: `Marker “${m.text}” is written wrongly: ${problems.map((p) => p.en).join('; ')}.`,
        },
        fixes: [{ title: { zh: `改为“${fixed}”`, en: `Change to “${fixed}”` }, edits: [{ start: m.start, end: m.end, newText: fixed }] }],
      });
    }
  },
});

function widthOf(h: MeasureHeading): 'full' | 'half' | 'mixed' | undefined {
  if (h.marker.level !== 2 && h.marker.level !== 4) return undefined;
  const t = h.marker.text;
  const open = t.charAt(0);
  // the first closing bracket of either width
  let at = 0;
  while (at < t.length && t.charCodeAt(at) !== 41 /* ) */ && t.charCodeAt(at) !== 0xff09 /* ） */) at++;
  const close = t.charAt(at);
  // a marker without its opening bracket (`1）`) is as wide as its closing one
  if (open !== '（' && open !== '(') return close === '）' ? 'full' : 'half';
  if (open === '（' && close === '）') return 'full';
  if (open === '(' && close === ')') return 'half';
  return 'mixed';
}
