/**
 * The receipt line: the sentence that acknowledges the item (`收悉`) or that it was handed over
 * (`交我们办理`, `由我局协办`), usually naming it in 《》 and ending with a transition `…如下：`.
 */
import type { QuotedTitle, ReceiptLine } from '../model';
import { isRegexSpace, type Span } from '../text';
import { findProposalNumbers } from './header';

const ACKNOWLEDGED = /收悉|已收到|收到(您|你|贵)/;
export const HANDED_OVER = /交(由)?(我|本|我们)[^,。;]{0,8}(办理|研究|答复|承办|办复)|由(我|本)[^,。;]{0,6}(协办|会办|主办|承办|办理)|转(交|来|送)(我|本)|(我|本)[局委办厅院部区县市署][^,。;]{0,8}(主办|协办|会办|承办)|作为(协办|会办|主办)单位/;
const NAMES_ITEM = /《[^》]{2,}》|“[^”]{4,}”|第[^,。]{0,12}号|提案|建议|意见|通知/;
const TRANSITION = /如下[ \t]*[:。;,]?/g;

/**
 * Whether HANDED_OVER can match: every alternative names 我 or 本 but the last, 作为…单位. Most
 * blocks the head and the receipt window try are ruled out without the regex.
 */
export function mayBeHandedOver(s: string): boolean {
  return s.includes('我') || s.includes('本') || s.includes('作为');
}

/** How strongly a block reads as a receipt line: 0 when it does not. */
export function receiptScore(folded: string, block: Span): number {
  const s = folded.slice(block.start, Math.min(block.end, block.start + 600));
  const names = NAMES_ITEM.test(s);
  if (!names) return 0;
  let score = 0;
  if (ACKNOWLEDGED.test(s)) score += 2;
  if (mayBeHandedOver(s) && HANDED_OVER.test(s)) score += 2;
  if (score === 0 && /《[^》]{2,}》/.test(s) && /提出的/.test(s) && /如下/.test(s)) score += 1;
  return score;
}

export interface ReceiptMatch {
  readonly receipt: ReceiptLine;
  /** Where text after the transition continues in the same block, if any. */
  readonly rest?: number;
}

/** Builds the receipt line from a block that `receiptScore` accepted. */
export function buildReceipt(text: string, folded: string, block: Span): ReceiptMatch {
  const s = folded.slice(block.start, block.end);
  let end = block.end;
  let transition: ReceiptLine['transition'];
  TRANSITION.lastIndex = 0;
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
  // every field, undefined where absent (one hidden class for all receipt lines, see docs/design.md)
  const receipt: ReceiptLine = {
    start: span.start,
    end: span.end,
    quotedTitles: findQuotedTitles(text, folded, span),
    proposalNumbers: findProposalNumbers(folded, span),
    transition,
  };
  let rest = end;
  while (rest < block.end && isRegexSpace(text.charCodeAt(rest))) rest++;
  return rest < block.end ? { receipt, rest } : { receipt };
}

/** Titles quoted in 《》 (nested 〈〉 or <> allowed); “” only when no 《》 is used. */
export function findQuotedTitles(text: string, folded: string, span: Span): QuotedTitle[] {
  const out: QuotedTitle[] = [];
  const s = folded.slice(span.start, span.end);
  let depth = 0;
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x300a /* 《 */) {
      if (depth === 0) open = i;
      depth++;
    } else if (c === 0x300b /* 》 */ && depth > 0) {
      depth--;
      if (depth === 0 && open >= 0) {
        out.push({ start: span.start + open, end: span.start + i + 1, text: text.slice(span.start + open + 1, span.start + i) });
        open = -1;
      }
    }
  }
  if (out.length === 0) {
    const re = /“([^”]{4,80})”/g;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[1]! });
    }
  }
  return out;
}
