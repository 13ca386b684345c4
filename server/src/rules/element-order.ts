import { ELEMENT } from '../core/elements';
import type { ElementKind, MeasureHeading } from '../core/model';
import { capitalize, type Span } from '../core/text';
import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';

interface Placed extends Span {
  readonly kind: ElementKind;
  /** The measure, for a measure or a numbered next-steps heading: it is named by its marker. */
  readonly measure?: MeasureHeading;
}

function nameOf(p: Placed): Localized {
  if (p.measure && !p.measure.isNextSteps) return { zh: `措施“${p.measure.marker.text}”`, en: `measure “${p.measure.marker.text}”` };
  return ELEMENT[p.kind].label;
}

export const rule = defineRule({
  id: 'element-order',
  defaultSeverity: 'warning',
  title: { zh: '要素顺序不当', en: 'Elements out of order' },
  description: {
    zh: '答复的要素依次为：发文字号、标题、主送、收文说明、措施、下一步、结束语、署名、成文日期。联系人、附注、抄送、类别在文末的位置各地不一，不检查；发文字号与标题的先后也不检查：网上公开的答复把页面标题放在发文字号之前，与正文标题无从区分。',
    en: 'Elements run: document number, title, addressee, receipt line, measures, next steps, closing, signature, date. Contact, annotation, copy-to and a closing category vary by region and are not checked; nor is the document number against the title: a published reply puts the page\'s heading above the document number, and it cannot be told from the document\'s own title.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.2–7.3', note: { zh: '版头、主体各要素的编排位置。', en: 'Placement of the heading and body elements.' } },
    { kind: 'corpus', note: { zh: '样本答复的正文顺序稳定：主送→收文说明→措施→下一步→结束语→署名→日期。', en: 'Sample replies keep addressee → receipt → measures → next steps → closing → signature → date.' } },
  ],
  example: { bad: '2024年4月15日\n厦门市教育局', good: '厦门市教育局\n2024年4月15日' },
  check(ctx) {
    const { reply } = ctx;
    const placed: Placed[] = [];
    const put = (kind: ElementKind, span: Span | undefined): void => {
      if (span) placed.push({ start: span.start, end: span.end, kind });
    };
    // (not the document number, which has no rank: see the description)
    put('title', reply.title);
    put('addressee', reply.addressee);
    put('receipt', reply.receipt);
    for (const m of reply.measures) placed.push({ start: m.marker.start, end: m.title.end, kind: m.isNextSteps ? 'nextSteps' : 'measure', measure: m });
    put('closing', reply.closing);
    put('signature', reply.signature);
    put('date', reply.date);
    placed.sort((a, b) => a.start - b.start);
    const rank = (p: Placed): number => ELEMENT[p.kind].rank!;
    let max: Placed | undefined;
    for (const p of placed) {
      if (max && rank(p) < rank(max)) {
        const name = nameOf(p);
        const before = nameOf(max);
        ctx.report({
          start: p.start,
          end: Math.min(p.end, p.start + 40),
          message: { zh: `${name.zh}应位于${before.zh}之前。`, en: `${capitalize(name.en)} should come before the ${before.en}.` },
          related: [{ start: max.start, end: Math.min(max.end, max.start + 40), message: before }],
        });
        continue;
      }
      if (!max || rank(p) > rank(max)) max = p;
    }
  },
});
