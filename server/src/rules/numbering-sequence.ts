import type { MeasureHeading, Reply } from '../core/model';
import { canonicalMarker, toCjkNumeral, withOrdinal } from '../parse/numbering';
import type { TextEdit } from '../core/vocabulary';
import { defineRule, type Fix } from './types';
import { enumerationEdit, markerEdit, numberingRuns } from './util';

/** The most markers the quick fix "renumber this level" changes; a longer run is renumbered by the refactoring. */
const LEVEL_FIX_MAX_EDITS = 200;

export const rule = defineRule({
  id: 'numbering-sequence',
  defaultSeverity: 'warning',
  title: { zh: '编号不连续', en: 'Numbering out of sequence' },
  description: {
    zh: '同一级编号应从 1 开始依次递增，不跳号、不重号，并在每个新的上级标题下重新编号（以冒号结尾的引导语或不带编号的小标题之后从 1 重新起排也可）；“一是……二是……”也应依次排列。',
    en: 'Numbers at one level count up from one without gaps or repeats and restart under each new parent heading (or at 1 after a lead-in ending in a colon or an unnumbered sub-heading); inline “一是……二是……” runs count up too.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.3', note: { zh: '结构层次序数依次为“一、”“（一）”“1.”“（1）”。', en: 'Heading levels are numbered 一、 （一） 1. （1）.' } },
    { kind: 'practice', note: { zh: '校对规范：序号不得跳号、重号，下级序号在新的上级下重新起排。', en: 'Proofreading practice: no skipped or repeated numbers; sub-numbers restart under each parent.' } },
  ],
  example: { bad: '一、……\n三、……', good: '一、……\n二、……' },
  check(ctx) {
    const { reply } = ctx;
    for (const run of numberingRuns(reply)) {
      let expected = 1;
      // the run's renumbering goes with its first finding only: carried by every finding, it made
      // SARIF and code actions grow with the square of the run. The other findings' places offer
      // the same through the refactoring "renumber this level" (features/codeActions.ts), made when
      // chosen, and so does a run with more than LEVEL_FIX_MAX_EDITS markers to change
      let renumberOffered = false;
      for (let i = 0; i < run.length; i++) {
        const h = run[i]!;
        const m = h.marker;
        if (m.ordinal === 0) {
          // the numeral was lost: `、关于…`
          const fixed = withOrdinal(m.text, m.level, expected);
          ctx.report({
            start: m.start,
            end: m.end,
            message: { zh: `编号缺少数字：此处应为“${canonicalMarker(m.level, expected)}”。`, en: `The number is missing: expected “${canonicalMarker(m.level, expected)}” here.` },
            fixes: fixTo(markerEdit(reply, m, expected), fixed),
          });
          expected++;
          continue;
        }
        if (m.ordinal !== expected) {
          const want = canonicalMarker(m.level, expected);
          const got = m.text;
          const parentIsNew = i === 0 && h.parent >= 0 && reply.headings[h.parent]!.marker.ordinal > 1;
          const message = parentIsNew
            ? { zh: `在新的上级标题下，编号应重新从“${want}”开始，实为“${got}”。`, en: `Under a new parent heading the numbering should restart at “${want}”, not “${got}”.` }
            : m.ordinal < expected
              ? { zh: `编号重复或倒序：此处应为“${want}”，实为“${got}”。`, en: `Repeated or backward number: expected “${want}” here, found “${got}”.` }
              : { zh: `编号跳号：此处应为“${want}”，实为“${got}”（缺少 ${missing(m.level, expected, m.ordinal)}）。`, en: `Gap in numbering: expected “${want}” here, found “${got}”.` };
          const fixes = fixTo(markerEdit(reply, m, expected), withOrdinal(got, m.level, expected));
          if (!renumberOffered) {
            renumberOffered = true;
            const all = renumberRun(reply, run);
            if (all.edits.length > 1 && all.edits.length <= LEVEL_FIX_MAX_EDITS) fixes.push(all);
          }
          ctx.report({ start: m.start, end: m.end, message, fixes });
        }
        expected = m.ordinal + 1;
      }
    }
    for (const en of reply.enumerations) {
      let expected = 1;
      for (const item of en.items) {
        if (item.ordinal !== expected) {
          const want = `${toCjkNumeral(expected)}是`;
          const found = reply.text.slice(item.start, item.end);
          ctx.report({
            start: item.start,
            end: item.end,
            message: item.ordinal < expected
              ? { zh: `“一是……二是……”的顺序重复或倒序：此处应为“${want}”，实为“${found}”。`, en: `Inline enumeration repeats or goes backward: expected “${want}”, found “${found}”.` }
              : { zh: `“一是……二是……”跳号：此处应为“${want}”，实为“${found}”。`, en: `Inline enumeration skips a number: expected “${want}”, found “${found}”.` },
            fixes: fixTo(enumerationEdit(reply, item, expected), want),
          });
        }
        expected = item.ordinal + 1;
      }
    }
  },
});

/** The fix that writes a marker as `want`, when it can be written (see markerEdit). */
function fixTo(edit: TextEdit | undefined, want: string): Fix[] {
  return edit ? [{ title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [edit] }] : [];
}

/** The fix that renumbers a whole run 1, 2, 3 … in the way each marker is written. */
function renumberRun(reply: Reply, run: readonly MeasureHeading[]): Fix {
  return {
    title: { zh: `重新编号本级（${run.length} 项）`, en: `Renumber this level (${run.length} items)` },
    edits: run.flatMap((h, i) => markerEdit(reply, h.marker, i + 1) ?? []),
  };
}

function missing(level: 1 | 2 | 3 | 4, from: number, to: number): string {
  const out: string[] = [];
  for (let n = from; n < to && out.length < 3; n++) out.push(`“${canonicalMarker(level, n)}”`);
  return out.join('') + (to - from > 3 ? '等' : '');
}
