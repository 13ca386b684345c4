/**
 * Which genre a document is: a reply to a proposal (提案) or a suggestion (建议), a co-handling
 * opinion to the lead unit (协办意见), or a rectification report (整改情况报告).
 */
import type { Addressee, DocumentKind } from '../model';

export interface KindEvidence {
  readonly title: string;
  readonly docNumberOrgan: string;
  readonly receipt: string;
  readonly addressee?: Addressee;
  readonly opening: string;
}

/**
 * Quoted titles name the other party's item, whose wording says nothing about this document: the
 * text without `《…》` and then without `“…”`, as `s.replace(/《[^》]*》/g, '').replace(/“[^”]*”/g, '')`
 * gives it, the marks found with indexOf instead of the regex engine trying every character.
 */
function unquoted(s: string): string {
  return withoutSpans(withoutSpans(s, '《', '》'), '“', '”');
}

/** `s` without each span from `open` to the first `close` after it (an opener left unclosed stays). */
function withoutSpans(s: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (let i = s.indexOf(open); i >= 0; i = s.indexOf(open, from)) {
    const j = s.indexOf(close, i + 1);
    if (j < 0) break;
    out += s.slice(from, i);
    from = j + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Which genre the evidence points to. Each cue is a word or a short pattern: `includes` finds the
 * words, and a pattern runs only where the word it needs is present (a regex call on every short
 * string of every reply cost more than the rest of the choice).
 */
export function detectKind(e: KindEvidence): DocumentKind {
  const title = unquoted(e.title);
  const receipt = unquoted(e.receipt);
  const organ = e.docNumberOrgan;
  let report = 0;
  let coHandling = 0;
  let suggestion = 0;
  let proposal = 0;
  if (title.includes('整改')) report += 3;
  if (title.endsWith('报告')) report += 1;
  if ((receipt.includes('整改') || receipt.includes('报告如下')) && /整改[^。]{0,10}(报告|如下)|报告如下/.test(receipt)) report += 3;

  if (title.includes('协办') || title.includes('会办')) coHandling += 3;
  // the opening counts only here, and only when it has a 办 (or else 协办 and 会办 in the receipt and
  // the opening together lie in the receipt): most openings are not unquoted at all
  if (receipt.includes('协办') || receipt.includes('会办') || e.opening.includes('办')) {
    const said = receipt + unquoted(e.opening);
    if ((said.includes('协办') || said.includes('会办')) && /由(我|本)[^,，。]{0,6}(协办|会办)|(协办|会办)(意见|单位)|作为(协办|会办)/.test(said)) coHandling += 3;
  }

  if (title.includes('建议')) suggestion += 2;
  if (title.includes('人大') || title.includes('代表')) suggestion += 1;
  if (receipt.includes('人大') || (receipt.includes('建议') && /第[^,，。]{0,12}号(代表)?建议|代表建议/.test(receipt))) suggestion += 2;
  if (e.addressee?.role === 'deputy') suggestion += 3;
  if (organ.includes('建议') || organ.includes('建复')) suggestion += 1;

  if (title.includes('提案')) proposal += 2;
  if (title.includes('政协')) proposal += 1;
  if (receipt.includes('提案') || receipt.includes('政协')) proposal += 2;
  if (e.addressee?.role === 'member') proposal += 2;
  if (organ.includes('提案') || organ.includes('提复')) proposal += 2;

  // the highest score wins; a tie goes to the kind named first, no evidence to a proposal reply
  const top = Math.max(report, coHandling, suggestion, proposal);
  if (top === 0) return 'proposal-reply';
  return report === top ? 'rectification-report' : coHandling === top ? 'co-handling-opinion' : suggestion === top ? 'suggestion-reply' : 'proposal-reply';
}
