/**
 * The roles a block can play in a reply, how strongly each block reads as each role, and the order
 * the roles come in: one table. The decoder (decode.ts) picks, for the whole document, the roles
 * with the highest total score that the order allows. A new layout is a new row or a new phase in
 * this file, not a new branch in the parser.
 *
 * Scores are hand-set, on one scale: 0 is "nothing to say" (the `other` role scores 0 everywhere), a
 * body paragraph scores about 1, a clear element 3–6, and -Infinity means the block cannot play the
 * role. docs/design.md ("How the parser decides") says why the weights are set by hand.
 */
import type { BlockRole, Category, DateElement, DateStyle } from '../core/model';
import type { Span } from '../core/text';
import { closingCueAt, dateElement, type FootMark, isAttachmentItem, matchFootMark, signatureAndDate, signatureNames } from './footer';
import { type AddresseeMatch, type DocNumberMatch, type MarkKind, matchAddressee, matchCategory, matchDocNumberBlock, matchMark, matchTitleLine, organName, type TitleLine } from './header';
import { isNumberLabel, isValueOfLabel, JUNK_MAX_LINE, junkReason, type JunkReason } from './junk';
import { unmasked } from './markup';
import { matchMarker } from './numbering';
import { receiptScore } from './receipt';

/**
 * Where a role stands in a reply. Roles of a later phase follow those of an earlier one; within a
 * phase the order is free, except where `repeats` and `follows` say otherwise.
 */
export const PHASES = ['neutral', 'head', 'addressee', 'greeting', 'receipt', 'body', 'closing', 'foot'] as const;
export type Phase = (typeof PHASES)[number];

/** What the recognisers found in one block (folded text); each role's score reads these. */
export interface Facts {
  readonly text: string;
  readonly junk: JunkReason | undefined;
  /** The metadata label alone on the line before (`来源:`, `索引号` in a stack of them) whose value this block is. */
  readonly valueOf: string | undefined;
  /** The block before is a title line that does not end as a title does, so this one may go on with it. */
  readonly afterOpenTitle: boolean;
  readonly docNumber: DocNumberMatch | undefined;
  readonly category: Category | undefined;
  readonly mark: MarkKind | undefined;
  readonly titleLine: TitleLine | undefined;
  readonly organ: string | undefined;
  readonly addressee: AddresseeMatch | undefined;
  readonly receipt: number;
  readonly heading: boolean;
  /** Where the first closing formula starts (-1: none). */
  readonly closingAt: number;
  readonly date: DateElement | undefined;
  readonly signatureNames: string[] | undefined;
  readonly signatureAndDate: boolean;
  readonly footMark: FootMark | undefined;
  readonly attachmentItem: boolean;
}

/** Head and foot elements are short; a long block is body text (or a receipt, or a closing paragraph). */
const SHORT = 120;

/**
 * How far from the start the head may reach and from the end the foot, in blocks. Blocks between
 * are body text, headings, page furniture or unplaced, and only that is asked of them (in the
 * corpus the longest head takes 18 blocks before the receipt, the longest foot 9 after the body).
 * This keeps the analysis of a long reply within the budgets of `npm run bench`.
 */
export const HEAD_WINDOW = 40;
export const FOOT_WINDOW = 30;

/**
 * What the recognisers find in one block. `inWindow`: the block lies within the head or the foot
 * window, where every role is possible. `labels`: the metadata label the block before and the block
 * itself are when they stand alone (junk.ts `labelsAlone`).
 */
export function factsOf(text: string, folded: string, block: Span, previous: Span | undefined, inWindow: boolean, labels: { before: string | undefined; here: string | undefined }): Facts {
  const s = folded.slice(block.start, block.end);
  const short = inWindow && s.length <= SHORT;
  return {
    text: s,
    junk: s.length <= JUNK_MAX_LINE ? junkReason(unmasked(text, folded, block.start, block.end)) ?? (labels.here ? 'web-metadata' : undefined) : undefined,
    valueOf: inWindow && labels.before !== undefined && s.length <= 60 && isValueOfLabel(labels.before, s) ? labels.before : undefined,
    afterOpenTitle: short && previous !== undefined && matchTitleLine(folded, previous)?.complete === false,
    docNumber: short ? matchDocNumberBlock(text, folded, block) : undefined,
    category: short ? matchCategory(folded, block.start, block.end) : undefined,
    mark: short ? matchMark(folded, block) : undefined,
    titleLine: short ? matchTitleLine(folded, block) : undefined,
    organ: short ? organName(folded, block) : undefined,
    addressee: short ? matchAddressee(text, folded, block.start, block.end) : undefined,
    receipt: inWindow ? receiptScore(folded, block) : 0,
    heading: matchMarker(folded, block.start) !== undefined && s.length > 2,
    closingAt: inWindow && s.length <= 400 ? closingCueAt(s) : -1,
    date: short ? dateElement(text, folded, block.start, block.end, true) : undefined,
    signatureNames: short ? signatureNames(folded, block) : undefined,
    signatureAndDate: short && signatureAndDate(text, folded, block) !== undefined,
    footMark: short ? matchFootMark(folded, block) : undefined,
    attachmentItem: short && isAttachmentItem(folded, block),
  };
}

const NO = -Infinity;

export interface RoleSpec {
  readonly role: BlockRole;
  readonly phase: Phase;
  /** May the role follow itself directly (several blocks in a row)? */
  readonly repeats: boolean;
  /** The roles it must follow directly (title continuations, greetings), if any. */
  readonly follows?: readonly BlockRole[];
  readonly score: (f: Facts) => number;
}

/** What a web page left of a date: it counts less than a date written whole. */
const DEGRADED: ReadonlySet<DateStyle> = new Set(['run-together', 'lost-mark', 'incomplete']);

/** A sentence, not a label or a heading line: it has clause or sentence punctuation. */
const SENTENCE = /[,，。;；]/;
const GREETING = /^(您|你)(们)?好[!。.]?$/;
const SUBTITLE = /^(——|--|—)|^\([^()]{1,20}\)$|(局长|主任|书记|厅长|主席|部长)[ \t]+\S{2,4}$/;
/** An opening thanks is no closing: 首先感谢…, 一直以来… */
const OPENING_THANKS = /^(首先|一直以来|长期以来)/;

/** The block opens with a closing formula, perhaps after a short lead-in: `最后，感谢…`, `在此恳请…`. */
function opensWithClosing(f: Facts): boolean {
  return f.closingAt >= 0 && f.closingAt <= 6 && !/[。!?]/.test(f.text.slice(0, f.closingAt)) && !OPENING_THANKS.test(f.text);
}

/** The roles, in the order the decoder tries them (a tie goes to the earlier). */
export const ROLES: readonly RoleSpec[] = [
  // ---- anywhere: page furniture and what no role claims
  // a label's value is furniture, unless it reads as an element more strongly (the label's value may be
  // empty, and the title follow it); the document number a page's table lists is the table's, not
  // the document's
  // (a labelled line of the foot that a page's table lists too, `公开方式：主动公开`, is the foot's below
  // the reply and the table's above it)
  // (and so is a line naming the item below the title, `领衔代表：韩雪梅`, and the page's record above it)
  { role: 'junk', phase: 'neutral', repeats: true, score: (f) => (f.junk ? (f.footMark || f.mark === 'item' ? 2 : 6) : !f.valueOf ? NO : f.docNumber && isNumberLabel(f.valueOf) ? 6 : 3) },
  // a paragraph left unexplained costs: a reading that calls real body text page furniture is worse
  { role: 'other', phase: 'neutral', repeats: true, score: (f) => (f.heading || (f.text.length >= 30 && SENTENCE.test(f.text)) ? -1.5 : 0) },
  // ---- the head: letterhead, document number, title (1–3 lines) and subtitle, category, marks
  { role: 'docNumber', phase: 'head', repeats: false, score: (f) => (!f.docNumber ? NO : f.docNumber.docNumber.close && f.docNumber.docNumber.hasHao ? 5 : 3) },
  // (a category may say what it grades: `A类答复`)
  { role: 'title', phase: 'head', repeats: true, score: (f) => (f.titleLine?.cue && !f.category ? (f.titleLine.complete ? 4 : 3) : NO) },
  { role: 'titleMore', phase: 'head', repeats: true, follows: ['title', 'titleMore', 'issuer'], score: (f) => (!f.titleLine || f.docNumber || f.category || f.mark ? NO : f.titleLine.cue || f.titleLine.complete || f.afterOpenTitle ? 1.5 : NO) },
  { role: 'issuer', phase: 'head', repeats: false, score: (f) => (f.organ && !f.addressee?.colon ? 1 : NO) },
  { role: 'subtitle', phase: 'head', repeats: true, follows: ['title', 'titleMore', 'subtitle'], score: (f) => (f.text.length <= 60 && SUBTITLE.test(f.text) ? 2 : NO) },
  { role: 'category', phase: 'head', repeats: false, score: (f) => (f.category ? 4 : NO) },
  { role: 'mark', phase: 'head', repeats: true, score: (f) => (f.mark && f.mark !== 'item' ? 3 : NO) },
  // the item answered, below the title or the number (above them the same lines are a page's record)
  { role: 'itemMark', phase: 'head', repeats: true, follows: ['docNumber', 'title', 'titleMore', 'subtitle', 'category', 'mark', 'itemMark'], score: (f) => (f.mark === 'item' ? 3 : NO) },
  // ---- the addressee, a greeting, the receipt line
  { role: 'addressee', phase: 'addressee', repeats: false, score: addresseeScore },
  { role: 'greeting', phase: 'greeting', repeats: false, follows: ['addressee'], score: (f) => (GREETING.test(f.text) ? 3 : NO) },
  { role: 'receipt', phase: 'receipt', repeats: false, score: (f) => (f.receipt >= 1.5 ? f.receipt + 1 : NO) },
  // ---- the body: paragraphs and numbered headings (the body parser builds the measures from them)
  { role: 'heading', phase: 'body', repeats: true, score: (f) => (f.heading ? 1.5 : NO) },
  { role: 'body', phase: 'body', repeats: true, score: (f) => (SENTENCE.test(f.text) ? (f.text.length >= 20 ? 1 : 0.5) : 0.1) },
  // ---- the closing formulas
  { role: 'closing', phase: 'closing', repeats: true, score: (f) => (!opensWithClosing(f) ? NO : f.text.length <= SHORT ? 3 : 1.5) },
  // ---- the foot: signature, date, contact, annotation, attachment, copy-to, print line; category and marks again
  { role: 'signature', phase: 'foot', repeats: true, score: (f) => (f.signatureNames ? 3 : NO) },
  { role: 'date', phase: 'foot', repeats: false, score: (f) => (!f.date ? NO : f.date.styles.some((s) => DEGRADED.has(s)) ? 2 : 4) },
  { role: 'signatureDate', phase: 'foot', repeats: false, score: (f) => (f.signatureAndDate ? 5 : NO) },
  { role: 'contact', phase: 'foot', repeats: true, score: (f) => (f.footMark === 'contact' ? 3 : NO) },
  { role: 'annotation', phase: 'foot', repeats: false, score: (f) => (f.footMark === 'annotation' ? 3 : NO) },
  { role: 'attachment', phase: 'foot', repeats: true, score: (f) => (f.footMark === 'attachment' ? 3 : NO) },
  // the further items of an attachment note, one per line: `2.征询意见表`
  { role: 'attachmentItem', phase: 'foot', repeats: true, follows: ['attachment', 'attachmentItem'], score: (f) => (f.attachmentItem ? 3 : NO) },
  { role: 'copyTo', phase: 'foot', repeats: true, score: (f) => (f.footMark === 'copyTo' ? 3 : NO) },
  { role: 'printLine', phase: 'foot', repeats: false, score: (f) => (f.footMark === 'printLine' ? 3 : NO) },
  { role: 'footCategory', phase: 'foot', repeats: false, score: (f) => (f.category ? 3 : NO) },
  { role: 'footMark', phase: 'foot', repeats: true, score: (f) => (f.mark === 'approver' ? 2 : NO) },
  // a closing formula misplaced below the signature is still the closing (element-order reports its place)
  { role: 'lateClosing', phase: 'foot', repeats: true, score: (f) => (opensWithClosing(f) && f.text.length <= SHORT ? 2 : NO) },
];

/**
 * An addressee with its colon is sure; one that lost it (or has a comma) is still an addressee,
 * reported by addressee-colon; an organisation without a colon might as well be a signature or a
 * letterhead, and its place decides.
 */
function addresseeScore(f: Facts): number {
  const a = f.addressee;
  if (!a) return NO;
  const colon = a.colon?.char === ':' || a.colon?.char === '：';
  if (colon) return 6;
  if (a.form === 'body') return a.colon ? 3 : 2.5;
  return a.colon ? 4 : 3.5;
}

const NEUTRAL = new Set(ROLES.filter((r) => r.phase === 'neutral').map((r) => r.role));

/** Whether a role is neutral: page furniture or text no role claims, which may stand anywhere. */
export function isNeutralRole(role: BlockRole): boolean {
  return NEUTRAL.has(role);
}

const PHASE_RANK = new Map(PHASES.map((p, i) => [p, i]));

/** Whether role `next` may follow role `prev` (the last one that is not neutral; undefined at the start). */
export function mayFollow(prev: RoleSpec | undefined, next: RoleSpec): boolean {
  if (next.follows && !(prev && next.follows.includes(prev.role))) return false;
  if (!prev) return true;
  const a = PHASE_RANK.get(prev.phase)!;
  const b = PHASE_RANK.get(next.phase)!;
  if (b !== a) return b > a;
  return prev.role !== next.role || next.repeats;
}
