/**
 * Lines to blocks: the units the parser gives roles to. A block is a paragraph, or a piece of a
 * line that a web page made of several: the cells of a table row (`词条 | 标题 |`), and the elements
 * of a reply whose line breaks were lost (`林灵委员： 您提出的…收悉，现答复如下： 一、…`). Page
 * furniture rows stay whole, so that a metadata row never yields a title. Table bars around a row
 * are junk of their own.
 */
import type { Block, JunkSpan } from '../core/model';
import { isBlank, type LineInfo, type Span, trimSpan } from '../core/text';
import { matchDateAt } from './dates';
import { dateElement, endsWithClosingFormula, matchFootMark, signatureAndDate, WEEKDAY } from './footer';
import { analyseNames, matchAddressee, matchCategory, matchDocNumber, matchMark, matchTitleLine, organName } from './header';
import { isBlankFormRow, JUNK_MAX_LINE, junkReason, opensWithMetadataLabel } from './junk';
import { unmasked } from './markup';
import { matchMarker, withOrdinal } from './numbering';
import { opensWithYourItem, receiptScore } from './receipt';

export interface Segmentation {
  /** Every block, page furniture included, in document order. */
  readonly blocks: Block[];
  /** Table bars around the cells of a row. */
  readonly borders: JunkSpan[];
}

/**
 * How many cuts a text's lines may take in all (cells of table rows, pieces of run-on lines): past
 * it, the rest of each line stays whole. A whole letter on one line takes a hundred or so, the 10 MB
 * bench reply 263; 16 MB of `a|` took 8 million, and the command line ran out of memory after two
 * minutes. Each cut keeps ~0.9 KB when it is a heading with markup beside it (1 MB of
 * `。１０.<p>…&nbsp;一、` run together kept 21 MB with 20 000 cuts, over the bounds property's
 * 18 MB; 13.9 MB with 5 000).
 */
export const CUTS_MAX = 5_000;

/** What is left of CUTS_MAX while a text is split. */
interface CutBudget {
  left: number;
}

export function splitBlocks(text: string, folded: string, lines: readonly LineInfo[]): Segmentation {
  const blocks: Block[] = [];
  const borders: JunkSpan[] = [];
  const latinSpaced = typedLatinWay(folded);
  const budget: CutBudget = { left: CUTS_MAX };
  lines.forEach((line, li) => {
    const { start, end } = trimSpan(folded, line.start, line.end);
    if (start >= end) return;
    if (end - start <= JUNK_MAX_LINE && junkReason(unmasked(text, folded, start, end))) {
      blocks.push({ start, end, line: li });
      return;
    }
    // the bars of a web table around the row
    let s = start;
    let e = end;
    while (s < e && (folded[s] === '|' || isBlank(folded.charCodeAt(s)))) s++;
    while (e > s && (folded[e - 1] === '|' || isBlank(folded.charCodeAt(e - 1)))) e--;
    if (s > start) borders.push({ start, end: s, reason: 'table-border', wholeLine: false, line: li });
    if (e < end) borders.push({ start: e, end, reason: 'table-border', wholeLine: false, line: li });
    for (const cell of cells(folded, s, e, budget)) {
      if (cell.bar) borders.push({ start: cell.start, end: cell.end, reason: 'table-border', wholeLine: false, line: li });
      else for (const seg of segment(text, folded, cell.start, cell.end, latinSpaced, budget)) blocks.push({ start: seg.start, end: seg.end, line: li });
    }
  });
  return { blocks, borders };
}

/** The cells of a table row and the bars between them (` | `), each bar a cut. */
function cells(folded: string, start: number, end: number, budget: CutBudget): Array<{ start: number; end: number; bar: boolean }> {
  if (!folded.slice(start, end).includes('|')) return [{ start, end, bar: false }];
  const out: Array<{ start: number; end: number; bar: boolean }> = [];
  let from = start;
  for (const m of folded.slice(start, end).matchAll(/[ \t]*(\|+)[ \t]*/g)) {
    if (budget.left-- <= 0) break;
    out.push({ ...trimSpan(folded, from, start + m.index!), bar: false });
    const bar = start + m.index! + m[0].indexOf('|');
    out.push({ start: bar, end: bar + m[1]!.length, bar: true });
    from = start + m.index! + m[0].length;
  }
  out.push({ ...trimSpan(folded, from, end), bar: false });
  return out.filter((c) => c.end > c.start);
}

/**
 * What segment needs to break a line at all: a blank, a colon, a document number or a note in
 * brackets, a document number ending the line, a marker after a sentence end — or a short piece
 * with no comma after the last sentence end (`…支持!厦门市教育局`, LAST_PIECE on the line's last characters).
 */
const MAY_SPLIT = /[ \t\u00a0\u200b\u2002\u2003\u2009\ufeff\v\f:]|(号|[〕\]】][ \t]*\d{1,6})\)|[〕\]]\d{1,5}号$|\((此件|星期|周)|[。!?](?=[一二三四五六七八九十百(\d、])/;
const LAST_PIECE = /[。!?][^。!?,;]{2,}$/;

/**
 * A note in brackets that ends a line, glued to the date or the signature before it:
 * `…2023年7月12日(此件公开发布)`, `…(联系人:张三)`, and a weekday after the date, `2023年7月12日(星期三)`.
 */
const NOTE_TAIL = new RegExp(`\\([ \\t]*(?:(?:此件|联[ \\t]*系)[^()]{0,40}|${WEEKDAY})[ \\t]*\\)$`);
/** A document number in brackets that ends a line or a piece of it, after the title: `…的答复(桂水函〔2023〕162号)`, its 号 perhaps lost. */
const DOC_NUMBER_TAIL = /\(([^()]{4,30})\)$/;
/** How much of the end of a line or a piece holds either tail, the longest a note: no more of it is searched. */
const TAIL_MAX = 48;

/**
 * A title's last words and a document number glued to them, ending a piece: `…提案的答复厦教提〔2025〕18号`
 * (the number from its organ code on, two to twelve characters before its bracket).
 */
const TITLE_THEN_NUMBER = /(?:答复|复函|回复|意见|的函)(?=[^\s()]{2,12}[〔[]\d{4}[〕\]]\d{1,5}号$)/;

/** Where a document number that ends a piece starts, in brackets or glued to the title before it, or -1. */
function docNumberTailAt(text: string, folded: string, piece: Span): number {
  const from = Math.max(piece.start, piece.end - TAIL_MAX);
  const tail = folded.slice(from, piece.end);
  const m = DOC_NUMBER_TAIL.exec(tail);
  if (m && from + m.index > piece.start && matchDocNumber(text, folded, from + m.index + 1, piece.end - 1)) return from + m.index;
  const t = TITLE_THEN_NUMBER.exec(tail);
  const at = t ? from + t.index + t[0].length : -1;
  return t && from + t.index > piece.start && matchDocNumber(text, folded, at, piece.end)?.docNumber.end === piece.end ? at : -1;
}

/** Brackets and quotes (no break inside them), sentence ends, colons and runs of blanks. */
const SEGMENT_MARKS = /[《“(]|[》”)]|[。!?]|:|[ \t\u00a0\u200b\u2002\u2003\u2009\ufeff\v\f]+/g;

/**
 * Splits one cell of a line into blocks where a web page collapsed line breaks: at blanks after a
 * sentence end, around an element that cannot share a line (see breaksAtGap), after an addressee's
 * colon or a `…如下：` transition, and, with no blank, before a numbering marker right after a
 * sentence end. Never inside brackets or quotes (a 。 closes whatever is left open, so that one
 * unclosed bracket cannot swallow a long line).
 */
function segment(text: string, folded: string, start: number, end: number, latinSpaced: boolean, budget: CutBudget): Array<{ start: number; end: number }> {
  // an addressee that lost its colon, glued to the proposer's item at the start: `罗元代表你提出的…`
  const itemAt = itemAfterNames(folded, start, end);
  return itemAt > start ? [trimSpan(folded, start, itemAt), ...segmentRest(text, folded, itemAt, end, latinSpaced, budget)] : segmentRest(text, folded, start, end, latinSpaced, budget);
}

/** The cuts of `segment` after the start of the cell, while the budget lasts. */
function segmentRest(text: string, folded: string, start: number, end: number, latinSpaced: boolean, budget: CutBudget): Array<{ start: number; end: number }> {
  // most lines are one paragraph: no blank, colon or bracketed number in them, no marker after a
  // sentence end; a row of a blank form is one too
  if (!MAY_SPLIT.test(folded.slice(start, end)) && !LAST_PIECE.test(folded.slice(Math.max(start, end - SHORT_FOOT - 1), end))) return [{ start, end }];
  if (isBlankFormRow(folded.slice(start, end))) return [{ start, end }];
  const out: Array<{ start: number; end: number }> = [];
  let segStart = start;
  // each piece, and a document number in brackets after the title apart: `…的答复(桂水函〔2023〕162号)`
  const cut = (at: number, next: number): void => {
    const piece = trimSpan(folded, segStart, at);
    const numberAt = docNumberTailAt(text, folded, piece);
    if (numberAt >= 0) out.push(trimSpan(folded, piece.start, numberAt), { start: numberAt, end: piece.end });
    else if (piece.end > piece.start) out.push(piece);
    segStart = next;
  };
  // a document number in brackets before the title: (东文旅发〔2020〕29号)关于…
  const lead = /^\(([^()]{4,30})\)/.exec(folded.slice(start, end));
  if (lead && matchDocNumber(text, folded, start + 1, start + 1 + lead[1]!.length)) cut(start + lead[0].length, start + lead[0].length);
  // a note after the date or the signature, ending the line
  const tailFrom = Math.max(segStart, end - TAIL_MAX);
  const note = NOTE_TAIL.exec(folded.slice(tailFrom, end));
  const tailAt = note && tailFrom + note.index > start ? tailFrom + note.index : end;

  let depth = 0;
  SEGMENT_MARKS.lastIndex = segStart;
  for (let m = SEGMENT_MARKS.exec(folded); m && m.index < tailAt && out.length < budget.left; m = SEGMENT_MARKS.exec(folded)) {
    const i = m.index;
    const ch = m[0];
    if ('《“('.includes(ch)) depth++;
    else if ('》”)'.includes(ch)) depth = Math.max(0, depth - 1);
    else if ('。!?'.includes(ch)) {
      if (ch === '。') depth = 0;
      // a heading; the signing organisation right after the closing sentence, ending the line
      // (`特此函复。厦门市教育局`) or with its date glued to it and more after (`…支持!天水市卫生健康
      // 委员会2021年8月17日抄送:…`); after an addressee's greeting with no colon (`林灵委员您好！`)
      const next = i + 1;
      const signed = tailAt - next <= SHORT_FOOT && signatureAt(text, folded, next, tailAt);
      const dated = depth === 0 && !signed ? signedDateEnd(text, folded, next, tailAt) : -1;
      const greeted = next < tailAt && next - segStart <= SHORT_FOOT && GREETING_END.test(folded.slice(segStart, next)) && matchAddressee(text, folded, segStart, next) !== undefined;
      const heading = headingStartsAt(folded, next, tailAt) && !continuesInlineList(folded, segStart, next);
      if (depth === 0 && (heading || signed || dated > 0 || greeted)) cut(next, next);
      if (dated > 0 && dated < tailAt) cut(dated, dated);
    } else if (ch === ':') {
      // `罗元代表:你提出的…`, `…现答复如下:近年来…` with no blank after the colon; and a head item
      // glued to the addressee before it, the colon ending the line or not (`…的答复民革天水市委员会:
      // 您提出的…`, `平建复〔2025〕14号韩景涛代表:`)
      const glued = i + 1 < tailAt && !/\s/.test(folded.charAt(i + 1));
      if (depth === 0 && (glued || i + 1 === tailAt) && !GREETING_REST.test(folded.slice(i + 1, tailAt))) {
        if (glued && endsAddresseeOrTransition(folded.slice(segStart, i))) {
          cut(i + 1, i + 1);
        } else {
          const namesAt = addresseeAfterHead(folded, segStart, i);
          if (namesAt > segStart) {
            cut(namesAt, namesAt);
            if (glued) cut(i + 1, i + 1);
          }
        }
      }
    } else if (depth === 0 && i > segStart && i + ch.length < tailAt && breaksAtGap(text, folded, segStart, i, i + ch.length, tailAt, latinSpaced)) {
      cut(i, i + ch.length);
    }
  }
  cut(tailAt, tailAt);
  if (tailAt < end) out.push({ start: tailAt, end });
  budget.left -= out.length - 1;
  return out;
}

/** A comma or a sentence end, and the blanks after it. */
const MARK_AND_BLANKS = /([,。!?])([ \t\u00a0\u200b\u2002\u2003\u2009\ufeff]*)(?=[\p{Script=Han}《“(])/gu;
/** How much of the start of a text shows how it was typed. */
const TYPING_SAMPLE = 20_000;

/**
 * Whether a text is typed the Latin way, a blank after each comma and sentence end (`…的建议。 按照…,
 * 现将…`): then a blank after a sentence end is no lost line break (`一、加大监管力度。 围绕…` is one
 * paragraph). A reply whose line breaks were lost has blanks only where its paragraphs ended, and
 * its commas and sentences glued inside them. Told from the start of the text: a clerk types a
 * reply one way.
 */
export function typedLatinWay(folded: string): boolean {
  let commas = 0;
  let ends = 0;
  let glued = 0;
  for (const m of folded.slice(0, TYPING_SAMPLE).matchAll(MARK_AND_BLANKS)) {
    if (!m[2]) glued++;
    else if (m[1] === ',') commas++;
    else ends++;
  }
  return commas >= 2 && ends >= 2 && glued * 10 <= commas + ends;
}

/** How long an addressee with its greeting, or a signature with its date, is at most. */
const SHORT_FOOT = 40;

/**
 * Where the receipt starts right after the names at the start of the line, addressed with a comma
 * instead of a colon (`民进厦门市委，你委提出的…`, `彭军代表，《…》收悉`) or with nothing
 * (`罗元代表你提出的…`), or -1. With nothing between, people only: a letter may begin its receipt
 * with the body addressed as the subject (`九三学社东川区委员会您们在…提出的`).
 */
function itemAfterNames(folded: string, start: number, end: number): number {
  const head = folded.slice(start, Math.min(end, start + SHORT_FOOT));
  // with a comma: the receipt after it turns to the proposer or names the item in quotes at once
  // (`您提出的…`, `非常感谢您…`, `《…》收悉`)
  const comma = head.indexOf(',');
  const rest = comma > 1 ? trimSpan(folded, start + comma + 1, end) : undefined;
  if (rest && /[您你贵《“]/.test(folded.slice(rest.start, rest.start + 12))) {
    const addressed = analyseNames(head.slice(0, comma));
    // a greeting goes with the names (`林灵委员，您好！`, cut after it at its sentence end); after a
    // body, only the proposer's item named at once: `根据区委统一部署，…` opens a sentence
    if (addressed && !GREETING_REST_START.test(folded.slice(rest.start, rest.start + 3))) {
      if (opensWithYourItem(folded.slice(rest.start, Math.min(end, rest.start + NEAR))) || (addressed.form !== 'body' && receiptScore(folded, rest) >= 1.5)) return rest.start;
    }
  }
  const you = /[您你](?!们?好)/g;
  for (let m = you.exec(head); m; m = you.exec(head)) {
    const at = start + m.index;
    const names = m.index > 1 ? analyseNames(head.slice(0, m.index)) : undefined;
    if (names && names.form !== 'body' && opensWithYourItem(folded.slice(at, Math.min(end, at + NEAR)))) return at;
  }
  return -1;
}

/**
 * The end of a signing organisation glued to its date at `from` (`厦门市教育局2024年4月15日…`), or
 * -1 (with a blank between them the gaps decide). An organ's name holds no digit, so the date can
 * only start at the first digit or at a year in Chinese numerals: one place is tried (trying every
 * numeral after every sentence end was a sixth of the analysis of a long reply).
 */
function signedDateEnd(text: string, folded: string, from: number, end: number): number {
  const limit = Math.min(end, from + SHORT_FOOT);
  const at = folded.slice(from + 2, limit).search(/\d|[〇○零一二三四五六七八九]{2,4}年/);
  const date = at < 0 ? undefined : matchDateAt(text, folded, from + 2 + at);
  return date && date.end <= limit && !isBlank(folded.charCodeAt(date.start - 1)) && organName(folded, { start: from, end: date.start }) ? date.end : -1;
}

/** A greeting at the start of a text: `您好!…`. */
const GREETING_REST_START = /^(您|你)(们)?好/;

/** A greeting at the end of a text: `…您好!`. */
const GREETING_END = /(您|你)(们)?好[!。.]$/;

/** A greeting that is all that follows an addressee's colon stays with it: `林灵委员：您好！`. */
const GREETING_REST = /^[ \t]*(您|你)(们)?好[!。.]?[ \t]*$/;

/**
 * Where the names start in `[start, colon)` when a head item runs into them with no blank (`…的答复民革
 * 天水市委员会`, `平建复〔2025〕14号韩景涛代表`, `答复类别:B类韩景涛代表`), or -1.
 */
function addresseeAfterHead(folded: string, start: number, colon: number): number {
  const before = folded.slice(Math.max(start, colon - NEAR), colon);
  // the item nearest the colon that names follow (`答复类别:B类…`: after B类, not after 答复)
  for (const m of [...before.matchAll(HEAD_GLUED)].reverse()) {
    const names = m.index + m[0].length;
    if (before.length - names <= SHORT_FOOT && analyseNames(before.slice(names)) !== undefined) return colon - before.length + names;
  }
  return -1;
}

/** `林灵委员` (an addressee's names before its colon) or `…现答复如下` (a transition). */
function endsAddresseeOrTransition(before: string): boolean {
  return /如下$/.test(before) || (before.length <= 80 && analyseNames(before) !== undefined);
}

/** How much of either side of a gap the tests look at. */
const NEAR = 100;

/** Marks that never start a line or a block (a blank before one is not a break: `刘卫平 、刘光涛代表：`). */
export const NO_LINE_START = /^[、,。;:!?”’)》〕]/;

/**
 * A piece that ends with an enumeration comma or an opening quote goes on after a blank
 * (`刘卫平、 刘光涛代表：`); not one that ends with a bracket, which a page's widget leaves empty
 * (`字体:[  ]`).
 */
const GOES_ON = /[、《“‘]$/;

/** A name's first character alone before a gap: at the start, after 、 or a salutation (`张`, `张三、李`, `尊敬的王`). */
const NAME_START = /(^|[、,]|^尊敬的|^致)\p{Script=Han}$/u;
/** The rest of a two-character name after the gap, and what follows names (`三委员`, `四代表`, `明等`). */
const NAME_REST = /^\p{Script=Han}[ \t]*([、,:等]|委员|代表|同志)/u;
/** A role after the gap that ends the names (`委员：`, `代表等：`). */
const ROLE_REST = /^(委员|代表|同志)[ \t]*(等[^:]{0,6})?:/;

/**
 * Whether a gap lies inside an addressee's names: a two-character name spaced out to the width of
 * three (`张　三委员：`, `张三、李　四代表：`, `尊敬的王　伟代表：`, `张　明等委员：`), a role spaced
 * from the names (`张明 委员：`), or a salutation before them (`尊敬的 王伟代表：`).
 */
function insideNames(before: string, after: string): boolean {
  return (NAME_START.test(before) && NAME_REST.test(after)) || ROLE_REST.test(after) || before === '尊敬的' || before === '致';
}

/** Markup that marks words inside a paragraph and nothing else: bold, italics, a span, a link, a Markdown bold's `**`. */
const INLINE_MARKUP = /^(\*\*|<\/?(b|strong|i|em|u|span|font|a|sup|sub)\b[^<>]*>)+$/i;

/** Labels that open an element of their own: contact, copy-to, annotation, approver. */
export const OWN_LINE_LABEL = /^(\(?[ \t]*(联[ \t]*系|此件)|抄[ \t]*(送|报)[ \t]*:|签[ \t]*发[ \t]*人|领导(署名|签名|签发)|审[ \t]*核[ \t]*人|经[ \t]*办[ \t]*人|承办(负责)?人|直接经办人)/;
/** The genre words a title ends with. */
const TITLE_WORDS = '答复|复函|回复|意见|的函|报告';
const TITLE_ENDING = new RegExp(`(${TITLE_WORDS})$`);
/**
 * How a head item ends, where names glued to it start: a title, perhaps with the item or the number
 * in brackets after it; a document number, perhaps with its category (`14号(B类)`); a category.
 */
const HEAD_GLUED = new RegExp(`(${TITLE_WORDS})(\\([^()]{1,30}\\))?|\\d[ \\t]*号(\\([^()]{1,6}\\))?|[A-Da-d][ \\t]*类`, 'g');

/**
 * Whether a run of blanks `[gapStart, gapEnd)` inside a line separates two blocks:
 * - never before a mark no line starts with, after 、 or an opening quote, or inside an addressee's
 *   names (`张　三委员：`, see insideNames);
 * - after a sentence end (unless the text is typed the Latin way, see typedLatinWay), an
 *   addressee's colon or a transition (`…如下:`);
 * - before a heading, a date standing alone (and after it), a labelled foot line or a metadata label and its colon,
 *   and a foot line after a sentence end;
 * - after a row of page furniture at a wide gap or a timestamp, before a title after it or after a
 *   whole title, and before furniture ending the line;
 * - after a document number (its category perhaps glued to it), a category or a publicity mark,
 *   and before one;
 * - before an addressee: people after anything, a body after a title (ending perhaps with a
 *   bracketed number or item) or page furniture, names without their colon after a title when the
 *   receipt follows them; and after names without their colon before the receipt;
 * - before the signing organisation after a wide gap, a closing formula, an attachment note or a
 *   contact's number, when it ends the line or the date alone follows it, and between it and that
 *   date (even one that lost 年月日).
 */
function breaksAtGap(text: string, folded: string, segStart: number, gapStart: number, gapEnd: number, end: number, latinSpaced: boolean): boolean {
  // what every test needs of either side is short: a window of it, so that a long run-on line is
  // not copied and searched at each of its blanks
  const before = folded.slice(Math.max(segStart, gapStart - NEAR), gapStart);
  const whole = gapStart - segStart <= NEAR;
  const after = folded.slice(gapEnd, Math.min(end, gapEnd + NEAR));
  if (NO_LINE_START.test(after) || GOES_ON.test(before) || insideNames(before, after)) return false;
  // a category spaced out (`答复类别：A 类`, `办理类别: B 类`, as a copy from print has it) stays whole
  if ((end - segStart <= 40 && matchCategory(folded, segStart, end)) || (after.startsWith('类') && matchCategory(folded, segStart, gapEnd + 1))) return false;
  // (a gap of inline markup alone is no lost break: `**一、加强领导。**成立工作专班。` is one paragraph)
  const afterSentence = /[。!?]$/.test(before) && !INLINE_MARKUP.test(text.slice(gapStart, gapEnd));
  if (afterSentence && !latinSpaced) return true;
  if (whole && before.endsWith(':') && endsAddresseeOrTransition(before.slice(0, -1))) return true;
  if (before.endsWith('如下:')) return true;
  // an addressee with no colon before the receipt: `林灵委员 您提出的…`, `农工党某市委员会 《…》已收悉，…`
  if (whole && analyseNames(before) !== undefined && (opensWithYourItem(after) || receiptPieceAt(folded, gapEnd, end))) return true;
  if (headingStartsAt(folded, gapEnd, end)) return true;
  const date = matchDateAt(text, folded, gapEnd);
  if (date && date.end <= end && /^(\s|\(|$)/.test(folded.slice(date.end, Math.min(end, date.end + 1)))) return true;
  // one that lost 年月日 ending the line after a wide gap, the right column of a foot laid out in two
  // (`人:姚泠珊          2023424`)
  if (gapEnd - gapStart >= 2 && matchDateAt(text, folded, gapEnd, true)?.end === end) return true;
  // and after it (`2020年10月29日  承办单位:…`), unless a time follows, of a page's timestamp
  if (whole && dateElement(text, folded, segStart, gapStart) && !/^\d{1,2}:\d{2}/.test(after)) return true;
  if (OWN_LINE_LABEL.test(after) || opensWithMetadataLabel(after)) return true;
  // page furniture inside a run-on line: a row of it ends at a wide gap or after a timestamp
  // (`时间:2023-07-18 16:00 农工党黄石市委员会 …`), and what ends the line may be furniture of its own
  const furnitureBefore = whole && junkReason(before) !== undefined;
  if (furnitureBefore && (gapEnd - gapStart >= 2 || /\d{1,2}:\d{2}(:\d{2})?$/.test(before))) return true;
  if (gapEnd + after.length === end && junkReason(after) !== undefined) return true;
  if (gapStart - segStart <= 40) {
    // a document number, perhaps with its category glued to it (`华建复〔2017〕5号(B类)`); its 号 may
    // stand after a blank (`内农牧议字〔2021〕105 号`)
    const numberEnd = matchDocNumber(text, folded, segStart, gapStart)?.docNumber.end;
    const numberBefore = numberEnd !== undefined && (numberEnd === gapStart || matchCategory(folded, numberEnd, gapStart) !== undefined) && folded.charAt(gapEnd) !== '号';
    if (numberBefore || matchCategory(folded, segStart, gapStart) || matchMark(folded, { start: segStart, end: gapStart })) return true;
  }
  // the next piece: up to the next blank, or a short bracketed group with blanks in it (`( B类)`);
  // none before a space the gap does not count (U+2004, U+205F …)
  const nextPiece = /^\([^()]{1,10}\)|^\S*/.exec(after)![0];
  const pieceEnd = gapEnd + nextPiece.length;
  if (matchCategory(folded, gapEnd, pieceEnd) || matchMark(folded, { start: gapEnd, end: pieceEnd })) return true;
  // a foot line after a sentence end (only a text typed the Latin way gets here after one: `…建议。 附:…表 赣州市交通运输局`)
  if (afterSentence && matchFootMark(folded, { start: gapEnd, end: pieceEnd })) return true;
  // a document number, perhaps with its category glued to it: `华建复〔2017〕5号(B类)`
  const docEnd = matchDocNumber(text, folded, gapEnd, pieceEnd)?.docNumber.end;
  if (docEnd !== undefined && (docEnd === pieceEnd || matchCategory(folded, docEnd, pieceEnd))) return true;
  // the title after a row of page metadata (`发布机构: 白银市人民政府 关于对…提案的答复`) or after a
  // whole title, which a page repeats (`…提案的答复函 盐池县教育体育局关于…`)
  const titleBefore = whole && matchTitleLine(folded, { start: segStart, end: gapStart })?.complete === true;
  if ((furnitureBefore || titleBefore) && matchTitleLine(folded, { start: gapEnd, end: pieceEnd })?.opens) return true;
  const colon = after.indexOf(':');
  // the addressee after a title (which may end with a bracketed document number or item,
  // `…的答复(桂水函〔2023〕162号)`, `…的答复(关于…的建议)`, and be spaced out, `答 复`) or after a
  // row of page metadata; people (`主任、各位副主任、各位委员:`) after anything
  const afterHead = (): boolean => furnitureBefore || TITLE_ENDING.test(before.replace(/\([^()]{1,30}\)$/, '').replace(/[ \t]+/g, ''));
  const names = colon > 0 && colon <= 80 ? analyseNames(after.slice(0, colon)) : undefined;
  if (names && (names.form !== 'body' || afterHead())) return true;
  // and one that lost its colon after a title, before the receipt (`…的答复 张凤娥等代表 你们提出的…`)
  if (analyseNames(nextPiece) !== undefined && afterHead() && receiptPieceAt(folded, pieceEnd, end)) return true;
  // the signing organisation after a wide gap, a sentence end or a closing formula (`此复 厦门市教育局 2025年5月20日`)
  // or an attachment note or a contact line ending with its number (`联系电话:0591-87859750 福建省卫生健康委员会
  // 2023年4月27日`; in `联系单位: 县教育局` the organisation is the value, in `抄报:县政府办 县政协提案委`
  // one more recipient)
  const mark = whole ? matchFootMark(folded, { start: segStart, end: gapStart }) : undefined;
  const afterFoot = gapEnd - gapStart >= 2 || afterSentence || endsWithClosingFormula(before) || mark === 'attachment' || (mark === 'contact' && /\d$/.test(before));
  if (afterFoot && signatureAt(text, folded, gapEnd, end)) return true;
  // the date alone after the signing organisation, even a date that lost 年月日 (`…交通运输局 2021`)
  if (whole && organName(folded, { start: segStart, end: gapStart }) && endsPiece(folded, matchDateAt(text, folded, gapEnd, true)?.end, end)) return true;
  return false;
}

/** Whether the piece of a line at `from`, up to the next blank, reads as the receipt: `你们提出的…收悉，现答复如下：`, `《…》已收悉，…`. */
function receiptPieceAt(folded: string, from: number, end: number): boolean {
  const at = trimSpan(folded, from, end).start;
  const piece = /^\S*/.exec(folded.slice(at, Math.min(end, at + 600)))![0];
  return receiptScore(folded, { start: at, end: at + piece.length }) >= 1.5;
}

/** Whether `at` ends a piece of a line: the line's end or a blank (what follows a date in a run-on line: `… 2017821  联系人:…`). */
function endsPiece(folded: string, at: number | undefined, end: number): boolean {
  return at === end || (at !== undefined && at < end && isBlank(folded.charCodeAt(at)));
}

/**
 * The signing organisation at `from`, up to the next blank: it ends the line, the date alone follows
 * it, or the date is glued to it (`厦门市教育局2025年5月20日`).
 */
function signatureAt(text: string, folded: string, from: number, end: number): boolean {
  const piece = /^\S+/.exec(folded.slice(from, Math.min(end, from + NEAR)))?.[0];
  if (piece === undefined) return false;
  const pieceEnd = from + piece.length;
  if (organName(folded, { start: from, end: pieceEnd })) {
    if (pieceEnd === end) return true;
    const dateAt = trimSpan(folded, pieceEnd, end).start;
    return dateAt > pieceEnd && endsPiece(folded, matchDateAt(text, folded, dateAt, true)?.end, end);
  }
  return pieceEnd === end && signatureAndDate(text, folded, { start: from, end }) !== undefined;
}

/**
 * Whether the numbered item at `at` goes on with a list that opened inside the piece before it
 * (`主要做了以下工作：(1)新建服务站60个。(2)改造老旧设施32处。`): its previous number, written the
 * same way, stands in `[segStart, at)` after a colon or a sentence end, not at the piece's start.
 * Such items are one paragraph's list, not headings a page ran together.
 */
function continuesInlineList(folded: string, segStart: number, at: number): boolean {
  const m = matchMarker(folded, at);
  if (!m || m.ordinal < 2) return false;
  const previous = withOrdinal(folded.slice(at, at + m.length), m.level, m.ordinal - 1);
  const i = folded.lastIndexOf(previous, at - 1);
  return i > segStart && /[:。!?;]/.test(folded.charAt(i - 1));
}

/** A numbering marker followed by text, not by a digit or % (2.5, 3%) or the end. */
function headingStartsAt(folded: string, pos: number, end: number): boolean {
  const m = matchMarker(folded, pos);
  return m !== undefined && pos + m.length < end && !/[\d%]/.test(folded.charAt(pos + m.length));
}
