import { capitalize, type Span } from '../text';
import { defineRule, type Localized } from './types';

interface Placed extends Span {
  readonly rank: number;
  readonly name: Localized;
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
    const placed: Placed[] = [];
    const add = (span: Span | undefined, rank: number, name: Localized): void => {
      if (span) placed.push({ start: span.start, end: span.end, rank, name });
    };
    add(reply.docNumber, 0, { zh: '发文字号', en: 'the document number' });
    add(reply.title, 1, { zh: '标题', en: 'the title' });
    add(reply.addressee, 2, { zh: '主送', en: 'the addressee' });
    add(reply.receipt, 3, { zh: '收文说明', en: 'the receipt line' });
    for (const m of reply.measures) {
      add({ start: m.marker.start, end: m.title.end }, m.isNextSteps ? 6 : 5, m.isNextSteps ? { zh: '下一步工作', en: 'the next steps' } : { zh: `措施“${m.marker.text}”`, en: `measure “${m.marker.text}”` });
    }
    add(reply.closing, 7, { zh: '结束语', en: 'the closing' });
    add(reply.signature, 8, { zh: '署名', en: 'the signature' });
    add(reply.date, 9, { zh: '成文日期', en: 'the date' });
    placed.sort((a, b) => a.start - b.start);
    let max: Placed | undefined;
    for (const p of placed) {
      if (max && p.rank < max.rank) {
        ctx.report({
          start: p.start,
          end: Math.min(p.end, p.start + 40),
          message: { zh: `${p.name.zh}应位于${max.name.zh}之前。`, en: `${capitalize(p.name.en)} should come before ${max.name.en}.` },
          related: [{ start: max.start, end: Math.min(max.end, max.start + 40), message: max.name }],
        });
        continue;
      }
      if (!max || p.rank > max.rank) max = p;
    }
  },
});
