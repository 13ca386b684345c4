import type { MeasureHeading } from '../core/model';
import { capitalize, type Span } from '../core/text';
import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';

interface Placed extends Span {
  readonly rank: number;
  /** The measure, for the measures (ranks 5 and 6): its name is made only when reported. */
  readonly measure?: MeasureHeading;
}

/** The elements by rank (a measure, rank 5, is named by its marker). */
const NAMES: Readonly<Record<number, Localized>> = {
  0: { zh: '发文字号', en: 'the document number' },
  1: { zh: '标题', en: 'the title' },
  2: { zh: '主送', en: 'the addressee' },
  3: { zh: '收文说明', en: 'the receipt line' },
  6: { zh: '下一步工作', en: 'the next steps' },
  7: { zh: '结束语', en: 'the closing' },
  8: { zh: '署名', en: 'the signature' },
  9: { zh: '成文日期', en: 'the date' },
};

function nameOf(p: Placed): Localized {
  if (p.measure && !p.measure.isNextSteps) return { zh: `措施“${p.measure.marker.text}”`, en: `measure “${p.measure.marker.text}”` };
  return NAMES[p.rank]!;
}

export const rule = defineRule({
  id: 'element-order',
  defaultSeverity: 'warning',
  title: { zh: '要素顺序不当', en: 'Elements out of order' },
  description: {
    zh: '答复的要素依次为：发文字号、标题、主送、收文说明、措施、下一步、结束语、署名、成文日期。联系人、附注、抄送、类别在文末的位置各地不一，不检查。',
    en: 'Elements run: document number, title, addressee, receipt line, measures, next steps, closing, signature, date. Contact, annotation, copy-to and a closing category vary by region and are not checked.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.2–7.3', note: { zh: '版头、主体各要素的编排位置。', en: 'Placement of the heading and body elements.' } },
    { kind: 'corpus', note: { zh: '样本答复的正文顺序稳定：主送→收文说明→措施→下一步→结束语→署名→日期。', en: 'Sample replies keep addressee → receipt → measures → next steps → closing → signature → date.' } },
  ],
  example: { bad: '2024年4月15日\n厦门市教育局', good: '厦门市教育局\n2024年4月15日' },
  check(ctx) {
    const { reply } = ctx;
    // each element read at its own site (one shape per site), names made only for a finding
    const placed: Placed[] = [];
    if (reply.docNumber) placed.push({ start: reply.docNumber.start, end: reply.docNumber.end, rank: 0 });
    if (reply.title) placed.push({ start: reply.title.start, end: reply.title.end, rank: 1 });
    if (reply.addressee) placed.push({ start: reply.addressee.start, end: reply.addressee.end, rank: 2 });
    if (reply.receipt) placed.push({ start: reply.receipt.start, end: reply.receipt.end, rank: 3 });
    for (const m of reply.measures) placed.push({ start: m.marker.start, end: m.title.end, rank: m.isNextSteps ? 6 : 5, measure: m });
    if (reply.closing) placed.push({ start: reply.closing.start, end: reply.closing.end, rank: 7 });
    if (reply.signature) placed.push({ start: reply.signature.start, end: reply.signature.end, rank: 8 });
    if (reply.date) placed.push({ start: reply.date.start, end: reply.date.end, rank: 9 });
    sortByStart(placed);
    let max: Placed | undefined;
    for (const p of placed) {
      if (max && p.rank < max.rank) {
        const name = nameOf(p);
        const before = nameOf(max);
        ctx.report({
          start: p.start,
          end: Math.min(p.end, p.start + 40),
          message: { zh: `${name.zh}应位于${before.zh}之前。`, en: `${capitalize(name.en)} should come before ${before.en}.` },
          related: [{ start: max.start, end: Math.min(max.end, max.start + 40), message: before }],
        });
        continue;
      }
      if (!max || p.rank > max.rank) max = p;
    }
  },
});

/**
 * Sorts the elements by where they start, stably, by insertion: they come nearly in order (the
 * parser finds them in order, and a finding here is the exception), where Array.prototype.sort
 * with a comparator costs a call per comparison.
 */
function sortByStart(placed: Placed[]): void {
  for (let i = 1; i < placed.length; i++) {
    const p = placed[i]!;
    let j = i - 1;
    while (j >= 0 && placed[j]!.start > p.start) {
      placed[j + 1] = placed[j]!;
      j--;
    }
    placed[j + 1] = p;
  }
}
