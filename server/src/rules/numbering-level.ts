import { canonicalMarker } from '../parse/numbering';
import type { MeasureHeading, NumberingLevel } from '../core/model';
import { defineRule } from './types';

const LEVEL_NAME: Record<NumberingLevel, string> = { 1: '“一、”', 2: '“（一）”', 3: '“1.”', 4: '“（1）”' };

export const rule = defineRule({
  id: 'numbering-level',
  defaultSeverity: 'information',
  title: { zh: '编号层级不规范', en: 'Numbering level skipped or orphaned' },
  description: {
    zh: '结构层次依次为“一、”→“（一）”→“1.”→“（1）”。下级编号直接用在隔级的上级之下（如“一、”下直接用“1.”），或在文中已使用上一级编号时脱离上一级单独出现，均提示。全文以“（一）”或“1.”作为最高一级较常见，不提示。',
    en: 'Levels run 一、 → （一） → 1. → （1）. It notes a sub-level used directly under a level two above it (1. under 一、), and a level used outside its parent while the document uses that parent elsewhere. A document whose top level is （一） or 1. throughout is common and not reported.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.3', note: { zh: '文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注。', en: 'Heading levels are numbered 一、 （一） 1. （1） in that order.' } },
    { kind: 'corpus', note: { zh: '真实答复常跳过一级（“一、”下直接用“1.”），故仅作提示。', en: 'Real replies often skip a level (1. under 一、), hence information only.' } },
  ],
  example: { bad: '一、……\n1.……', good: '一、……\n（一）……' },
  check(ctx) {
    const { reply } = ctx;
    const headings = reply.headings;
    // a loop, not Math.min(...spread): a huge document has more headings than a call takes arguments
    let minLevel = Infinity;
    /** By level L: the first heading of a level above L (a smaller number), or -1. */
    const firstAbove = [-1, -1, -1, -1, -1];
    headings.forEach((h, i) => {
      if (h.marker.level < minLevel) minLevel = h.marker.level;
      for (let l = h.marker.level + 1; l <= 4; l++) if (firstAbove[l]! < 0) firstAbove[l] = i;
    });
    /** By level: the last top-level heading of that level before the current one, or -1. */
    const lastRoot = [-1, -1, -1, -1, -1];
    const seen = new Set<string>();
    headings.forEach((h, index) => {
      checkHeading(h);
      if (h.parent < 0) lastRoot[h.marker.level] = index;
    });

    function checkHeading(h: MeasureHeading): void {
      const level = h.marker.level;
      if (h.parent >= 0) {
        const p = headings[h.parent]!;
        // (the key, a new string, only for a skipped level)
        if (level > p.marker.level + 1 && !seen.has(`${h.parent}:${level}`)) {
          seen.add(`${h.parent}:${level}`);
          const skipped = LEVEL_NAME[(p.marker.level + 1) as NumberingLevel];
          ctx.report({
            start: h.marker.start,
            end: h.marker.end,
            message: {
              zh: `${LEVEL_NAME[level]}一级直接用在“${p.marker.text}”之下，跳过了${skipped}一级；规范层次为“一、”→“（一）”→“1.”→“（1）”。`,
              en: `Level ${LEVEL_NAME[level]} is used directly under “${p.marker.text}”, skipping ${skipped}; the order is 一、 → （一） → 1. → （1）.`,
            },
            related: [{ start: p.marker.start, end: p.marker.end, message: { zh: '上级标题', en: 'parent heading' } }],
          });
        }
      } else if (level > minLevel && level > 1) {
        // the last top-level heading of a higher level before this one
        let rootBefore = -1;
        for (let l = 1; l < level; l++) rootBefore = Math.max(rootBefore, lastRoot[l]!);
        const key = `root:${level}:${rootBefore}`;
        if (seen.has(key)) return;
        seen.add(key);
        const above = firstAbove[level]!;
        ctx.report({
          start: h.marker.start,
          end: h.marker.end,
          message: {
            zh: `“${h.marker.text}”不在任何${LEVEL_NAME[(level - 1) as NumberingLevel]}标题之下，而文中其他处使用了${LEVEL_NAME[(level - 1) as NumberingLevel]}一级；请补上上级标题或调整层级。`,
            en: `“${h.marker.text}” stands outside any ${LEVEL_NAME[(level - 1) as NumberingLevel]} heading although the document uses that level elsewhere; add the parent heading or change the level.`,
          },
          related: above < 0 ? [] : [headings[above]!].map((o) => ({
            start: o.marker.start, end: o.marker.end, message: { zh: `此处使用了“${canonicalMarker(o.marker.level, o.marker.ordinal)}”一级`, en: 'the higher level is used here' },
          })),
        });
      }
    }
  },
});
