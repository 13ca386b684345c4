/**
 * The foot of a reply: closing, signature (署名), date (成文日期), contact, annotation (附注),
 * copy-to (抄送), and the category when a region puts it last. Their order varies a little, so
 * they are recognised block by block from the end of the document.
 */
import type { Block, Category, DateElement, Signature } from '../model';
import { isDigitCode, type Span, trimSpan } from '../text';
import { matchDateAt } from './dates';
import { matchCategory, ORG_SUFFIX } from './header';
import { matchMarker } from './numbering';

export type FooterItem =
  | { readonly kind: 'date'; readonly date: DateElement }
  | { readonly kind: 'signature'; readonly signature: Signature }
  | { readonly kind: 'signature+date'; readonly signature: Signature; readonly date: DateElement }
  | { readonly kind: 'contact' | 'annotation' | 'copyTo' | 'closing' | 'attachment'; readonly span: Span }
  | { readonly kind: 'category'; readonly category: Category };

/** Formulas that close a reply: 此复, 特此函复, thanks for support, an invitation to comment or return the receipt slip. */
export const CLOSING_CUES: readonly RegExp[] = [
  /此复|特此(函复|答复|回复|函告|报告|说明|复函|函达|致函)|谨此(回复|函复|答复)|专此(函复|答复|回复)|以上(答复|意见)[^。]{0,12}(参考|当否|妥否)|特此|此致/,
  /(感谢|谢谢)[^。]{0,40}(关心|支持|关注|理解|监督|厚爱)/,
  /(欢迎|敬请|恳请|希望|请)[^。]{0,30}(继续|一如既往|多提|提出)[^。]{0,24}(意见|建议|监督|指导)/,
  /(对(以上|本)答复)[^。]{0,30}(意见|满意)|回执/,
  /妥否[,，]?请/,
  /(本|此)(答复|复函|答复函|意见)(已经|经)[^。]{0,20}(审签|审定|签发|审核)/,
];

/**
 * All of CLOSING_CUES in one regex. A search finds the leftmost position where any alternative
 * matches, which is the earliest of the positions each regex alone would find: one call instead of six.
 */
const CLOSING_ANY = new RegExp(CLOSING_CUES.map((re) => `(?:${re.source})`).join('|'));

/** Offset in `s` of the earliest closing cue, or -1. */
export function closingCueAt(s: string): number {
  return s.search(CLOSING_ANY);
}

const CONTACT = /联系人|联系电话|联系方式|经办人|承办人|咨询电话|联[ \t]*系[ \t]*人/;
const ANNOTATION = /^\([ \t]*此件[^)]{1,14}\)$/;
const COPY_TO = /^抄[ \t]*送[ \t]*:/;
const ATTACHMENT = /^附[ \t]*件[ \t]*(:|\d|$)/;
const SEAL = /[ \t]*\([ \t]*(盖章|印章|章)[ \t]*\)$/;

/** An organisation name (or several, blank-separated) alone on a line. */
export function signatureNames(folded: string, span: Span): string[] | undefined {
  let s = folded.slice(span.start, span.end);
  // SEAL ends with `)`: without one there is nothing to remove (and no regex to run over a long paragraph)
  if (s.charCodeAt(s.length - 1) === 41) s = s.replace(SEAL, '');
  if (s.length === 0 || s.length > 48 || /[。,;:!?《》“”]/.test(s) || matchMarker(folded, span.start)) return undefined;
  // (one name, the usual case, needs no split)
  const names = s.includes(' ') || s.includes('\t') ? s.split(/[ \t]+/).filter((t) => t.length > 0) : [s];
  if (names.length === 0 || names.some((n) => n.length < 2 || !ORG_SUFFIX.test(n) || /^\d/.test(n))) return undefined;
  return names;
}

function dateElement(text: string, folded: string, at: number, end: number): DateElement | undefined {
  const m = matchDateAt(text, folded, at);
  if (!m) return undefined;
  // only closing punctuation or blanks may follow a date that stands alone
  const tail = folded.slice(m.end, end);
  if (!/^[ \t。.]*$/.test(tail)) return undefined;
  return { start: m.start, end: m.end, raw: text.slice(m.start, m.end), value: m.value, styles: m.styles };
}

/**
 * Whether a date can end `block` as dateElement accepts one: a date ends with 日, 号 or a digit
 * (the numeric form), and only blanks and full stops (` \t。.`) may follow it. A body paragraph
 * ends otherwise, and then the search for a date in it is skipped.
 */
export function mayEndWithDate(folded: string, block: Span): boolean {
  let e = block.end;
  while (e > block.start) {
    const c = folded.charCodeAt(e - 1);
    if (c !== 32 && c !== 9 && c !== 0x3002 && c !== 46) break;
    e--;
  }
  if (e === block.start) return false;
  const c = folded.charCodeAt(e - 1);
  return c === 0x65e5 /* 日 */ || c === 0x53f7 /* 号 */ || isDigitCode(c);
}

/** Classifies one block as a footer element, or returns undefined for body text. */
export function classifyFooterBlock(text: string, folded: string, block: Block): FooterItem | undefined {
  const s = folded.slice(block.start, block.end);
  const date = dateElement(text, folded, block.start, block.end);
  if (date) return { kind: 'date', date };
  // the three start with their first character: ( 抄 附
  const first = s.charCodeAt(0);
  if (first === 40 && ANNOTATION.test(s)) return { kind: 'annotation', span: block };
  if (first === 0x6284 && COPY_TO.test(s)) return { kind: 'copyTo', span: block };
  if (first === 0x9644 && ATTACHMENT.test(s)) return { kind: 'attachment', span: block };
  const category = matchCategory(folded, block);
  if (category) return { kind: 'category', category };
  if (s.length <= 120 && CONTACT.test(s)) return { kind: 'contact', span: block };
  const names = signatureNames(folded, block);
  if (names) return { kind: 'signature', signature: { start: block.start, end: block.end, names } };
  // signature and date on one line without a gap: 贵阳市教育局2019年10月15日
  for (let i = mayEndWithDate(folded, block) ? block.start + 2 : block.end; i < block.end; i++) {
    const c = folded.charCodeAt(i);
    if (!isDigitCode(c) || (i > block.start && isDigitCode(folded.charCodeAt(i - 1)))) continue;
    const d = dateElement(text, folded, i, block.end);
    if (!d) continue;
    const sig = trimSpan(text, block.start, i);
    const sigNames = signatureNames(folded, sig);
    if (sigNames) return { kind: 'signature+date', signature: { start: sig.start, end: sig.end, names: sigNames }, date: d };
    break;
  }
  // a closing block opens with its formula; a formula later in a paragraph is found by the parser
  // at the end of the last body paragraph instead, so the paragraph's text stays in the body
  if (s.length <= 200) {
    const at = closingCueAt(s);
    if (at >= 0 && !/[。!?]/.test(s.slice(0, at))) return { kind: 'closing', span: block };
  }
  return undefined;
}

/** Index of the last attachment note (附件：…) from `from` on, or -1. */
export function findAttachmentNote(folded: string, blocks: readonly Span[], from: number): number {
  for (let j = blocks.length - 1; j >= from; j--) {
    const b = blocks[j]!;
    // ATTACHMENT starts with 附: the other blocks need no slice and no regex call
    if (folded.charCodeAt(b.start) === 0x9644 && ATTACHMENT.test(folded.slice(b.start, b.end))) return j;
  }
  return -1;
}

/** A further attachment name below the note: `2.办理情况表`, short and without a sentence end. */
export function isAttachmentItem(folded: string, block: Span): boolean {
  const s = folded.slice(block.start, block.end);
  return s.length <= 80 && /^\d{1,2}[.、]/.test(s) && !/[。;!?]/.test(s);
}
