/**
 * The receipt line: the sentence that acknowledges the item (`收悉`) or that it was handed over
 * (`交我们办理`, `由我局协办`), usually naming it in 《》 or “” and ending with a transition
 * `…如下：` — or, in a report or an opinion, the lead-in sentence that ends with such a transition.
 */
import type { QuotedTitle, ReceiptLine } from '../core/model';
import type { Span } from '../core/text';
import { findProposalNumbers } from './header';

const ACKNOWLEDGED = /收悉|已收到|收到(您|你|贵)(?![^,。]{0,12}后)|悉。/;
const HANDED_OVER = /(交|转)(由|给|交|送)?(我|本|我们)[^,。;]{0,10}(办理|研究|答复|承办|办复|主办|分办)|由(我|本)[^,。;]{0,6}(协办|会办|主办|承办|办理)|转(交|来|送|由)(我|本|[^,。;]{0,8}办理)|(我|本)[局委办厅院部区县市署][^,。;]{0,8}(主办|协办|会办|承办)|作为(协办|会办|主办)单位|(主办|协办),[^。]{0,20}(协办|主办)/;
/** The reply names the item it answers: a quoted title, a number, or the genre word. */
const NAMES_ITEM = /《[^》]{2,}》|“[^”]{4,}”|第[^,。]{0,12}号|提案|建议|议案|意见|通知|巡察|巡视|审计|督导|反馈/;
/**
 * The reply turns to the proposer's item at the start of a paragraph (after an opening thanks or a
 * greeting): the proposer addressed as 您, 你(们), 您们, 你委, or 贵 with its organ word (贵单位, 贵委,
 * 贵会, 贵社, 贵党, 贵盟 …), then within a few words the verb that hands the item in (提出, 提交,
 * 领衔提出, 所提): `您提出的…`, `你们在…会议上提出的…`, `贵社提出的…`, `您所提《…》`. A lead may come
 * before it in the same clause: `对您提出的《…》，我局高度重视…`, `关于您提出的…`, `我局认真研究了您提出的…`
 * — not a thanks (`感谢您提出的宝贵建议`), which ends a reply as often as it opens one.
 */
const YOUR_ITEM = /^(首先[^。]{0,30}。)?[ \t]*(您好!?)?[ \t]*(对|关于|针对|就|(我|本)[^,。;:!?]{1,10}?了)?(您们?|你们?|贵(单位|部门|中心|[委会社党部盟局办厅院团组联]))(\([^)]{0,3}\))?[^。]{0,40}(提(出|交)|所提)/;
/** Whether a text opens by turning to the proposer's item: `您提出的…`, `你们在…会议上提出的…`. */
export function opensWithYourItem(s: string): boolean {
  return YOUR_ITEM.test(s);
}

/** The item named formally in the first sentence: quoted, numbered, or as 提出的…建议. */
const FORMAL_ITEM = /^[^。]*(《[^》]{2,}》|“[^”]{4,}”|第[^,。]{0,12}号|提出的[^,。]{0,30}(提案|建议|议案))/;
/**
 * The transition to the answer: `现答复如下：`, `现将办理情况函告如下`, and in an opinion the
 * opinion named after 如下 (`现提出如下办理意见。`, `提出如下协办意见，供你单位答复委员时参考：`), so
 * that its mark is the one after that name.
 */
const TRANSITION = /如下(\p{Script=Han}{0,4}意见(,[^:。;!?]{1,20}(?=[ \t]*:))?)?[ \t]*[:。;,]?/u;

/**
 * How strongly a block reads as the receipt line (0: not at all): acknowledging or handing over
 * the item, turning to the proposer's item, and the transition to the answer each add.
 */
export function receiptScore(folded: string, block: Span): number {
  const s = folded.slice(block.start, Math.min(block.end, block.start + 600));
  const names = NAMES_ITEM.test(s);
  const acknowledged = names && ACKNOWLEDGED.test(s);
  const handedOver = names && HANDED_OVER.test(s);
  const transition = TRANSITION.test(s);
  // a paragraph that opens with the proposer's item (您提出的《…》…) acknowledges it; one that only
  // mentions it later does not (body paragraphs restate it too)
  const yourItem = YOUR_ITEM.test(s);
  if (!acknowledged && !handedOver && !transition && !(yourItem && FORMAL_ITEM.test(s))) return 0;
  return (acknowledged ? 2 : 0) + (handedOver ? 2 : 0) + (yourItem ? 1.5 : 0) + (transition ? (names ? 1.5 : 1) : 0);
}

/** Builds the receipt line from a block the decoder chose: it ends with its transition (or its acknowledging sentence). */
export function buildReceipt(text: string, folded: string, block: Span): ReceiptLine {
  const s = folded.slice(block.start, block.end);
  let end = block.end;
  let transition: ReceiptLine['transition'];
  const m = TRANSITION.exec(s);
  if (m) {
    // the transition clause runs back to the previous clause boundary: 现将办理情况答复如下：
    const clauseStart = Math.max(s.lastIndexOf(',', m.index), s.lastIndexOf('。', m.index), s.lastIndexOf(';', m.index), s.lastIndexOf(':', m.index - 1)) + 1;
    const tEnd = m.index + m[0].length;
    transition = { start: block.start + clauseStart, end: block.start + tEnd, text: text.slice(block.start + clauseStart, block.start + tEnd) };
    end = block.start + tEnd;
  } else if (s.length > 300) {
    // no transition: the receipt is the sentence that acknowledges the item
    const cue = Math.max(s.search(ACKNOWLEDGED), s.search(HANDED_OVER));
    const stop = s.indexOf('。', Math.max(cue, 0));
    end = stop >= 0 ? block.start + stop + 1 : block.end;
  }
  const span = { start: block.start, end };
  return {
    start: span.start,
    end: span.end,
    quotedTitles: findQuotedTitles(text, folded, span),
    proposalNumbers: findProposalNumbers(folded, span),
    transition,
  };
}

/** Titles quoted in 《》 (nested 〈〉 or <> allowed); “” only when no 《》 is used. */
export function findQuotedTitles(text: string, folded: string, span: Span): QuotedTitle[] {
  const out: QuotedTitle[] = [];
  const s = folded.slice(span.start, span.end);
  let depth = 0;
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (s[i] === '》' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: span.start + open, end: span.start + i + 1, text: text.slice(span.start + open + 1, span.start + i) });
    }
  }
  if (out.length === 0) {
    for (const m of s.matchAll(/“([^”]{4,80})”/g)) {
      out.push({ start: span.start + m.index!, end: span.start + m.index! + m[0].length, text: m[1]! });
    }
  }
  return out;
}
