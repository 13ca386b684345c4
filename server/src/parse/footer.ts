/**
 * Recognisers of the foot of a reply: the closing formula, the signature (署名), the date (成文日期),
 * contact lines, the annotation (附注), the attachment note, copy-to (抄送) and the print line (印发).
 * Like the head's, each says what one block is; the order is decided for the whole document.
 */
import type { DateElement } from '../core/model';
import type { Span } from '../core/text';
import { findDateIn, matchDateAt } from './dates';
import { organName, organNames } from './header';

/** The closing formulas proper: 此复, 特此函复, 专此答复 … */
const FORMULA = /此复|(特此|谨此|专此)(函复|答复|回复|函告|报告|说明|复函|函达|致函)/.source;
const FORMULA_END = new RegExp(`(${FORMULA})[。.!]?$`);

/** Whether `s` ends with a closing formula, perhaps with its full stop: `…此复`, `特此函复。` (the longest is five characters). */
export function endsWithClosingFormula(s: string): boolean {
  return FORMULA_END.test(s.slice(-6));
}

/**
 * Formulas that close a reply: 此复, 特此函复, thanks for support, an invitation to comment, to
 * come back with objections or to return the receipt slip, that the reply was approved, an apology for its shortcomings.
 */
const CLOSING_CUE = new RegExp([
  // (and a letter's complimentary close: 此致 敬礼, 顺致 敬礼)
  `${FORMULA}|以上(答复|意见|回复|报告)[^。]{0,12}(参考|当否|妥否|不妥|批评|指正|审议|审阅)|特此|此致|顺致|顺颂|顺祝`,
  // (以上是…的答复, 以上为…, and one that lost its 是)
  /以上[^。]{0,40}(答复|回复)|以上是[^。]{0,40}意见/.source,
  /以上意见[^。]{0,20}(参考|综合|答复)|请[^。]{0,6}(综合|统筹)[^。]{0,20}答复/.source,
  // (谢您 too: a page that lost 感 of 感谢您)
  /(感谢|谢谢|谢(?=您|你))[^。]{0,40}(关心|支持|关注|理解|监督|厚爱|建议|提案)/.source,
  // thanks after what they are for (对您的关心支持表示衷心感谢), thanks again (再次向您表示诚挚的谢意),
  // or a sentence of its own that ends the text (…不断改进工作。谢谢！)
  /(关心|支持|关注|理解|厚爱)[^。]{0,10}(表示|致以)[^。]{0,6}(感谢|谢意)|再(一)?次[^。]{0,12}(感谢|谢意|谢忱)|(?<=^|[。!])[ \t]*谢谢[!。]?$/.source,
  /(欢迎|敬请|恳请|希望|请)[^。]{0,30}(继续|一如既往|多提|提出)[^。]{0,24}(意见|建议|监督|指导|关心|支持|关注)/.source,
  // a request for understanding, where the item cannot be met yet: 敬请谅解, 望予以理解
  /(敬请|恳请|请|望|希望)[^。]{0,8}(谅解|理解)/.source,
  // an invitation to come back with objections: 如有不同意见，请及时与我们联系
  /如(对[^。]{0,12})?有[^。]{0,8}(意见|建议)[^。]{0,4},?请[^。]{0,20}(联系|反馈|沟通|告知)/.source,
  /(对(以上|本)(答复|复函|函复))[^。]{0,30}(意见|满意)|回执|征询意见表/.source,
  /妥否[,，]?请/.source,
  /(本|此)(答复|复函|答复函|意见)(已经|经)[^。]{0,20}(审签|审定|签发|审核)/.source,
].join('|'));

/** A short line spaced out to the width of the page, a blank between every two characters: `特 此 答 复。`. */
const SPACED_OUT = /^\p{Script=Han}([ \t]+\p{Script=Han}){1,11}[ \t]*[。!.]?$/u;

/** Offset in `s` of the earliest closing cue, or -1; a formula spaced out is read without its blanks (its cue at 0). */
export function closingCueAt(s: string): number {
  const at = s.search(CLOSING_CUE);
  return at < 0 && SPACED_OUT.test(s) && CLOSING_CUE.test(s.replace(/[ \t]+/g, '')) ? 0 : at;
}

/** The sentence a closing cue at `at` of `s` belongs to starts after the previous 。!? (offset into `s`). */
export function sentenceStart(s: string, at: number): number {
  const before = s.slice(0, at);
  return Math.max(before.lastIndexOf('。'), before.lastIndexOf('!'), before.lastIndexOf('?')) + 1;
}

/** A contact line: who handles the reply and how to reach the office (联系人, 电话, 地址, 邮编, 传真, 电子邮箱). */
const CONTACT = /^\(?[ \t]*(联[ \t]*系[ \t]*人|联系电话|联系方式|联系单位|联系地址|通讯地址|地[ \t]*址[ \t]*:|经[ \t]*办[ \t]*人|承[ \t]*办[ \t]*人|直接经办人|咨询电话|邮政编码|邮[ \t]*编|传[ \t]*真|电子邮箱|电子邮件|电[ \t]*话)|^人[ \t]*:|(联系人|联系电话)[ \t]*(及|和)?[ \t]*(电话)?[ \t]*:/;
/** The annotation: `（此件公开发布）`, `此件主动公开。`, or the publicity a page's table also lists (`公开方式：主动公开`). */
const ANNOTATION = /^\([ \t]*此(件|复函|答复|回复件)[^)]{1,14}\)$|^此件(公开发布|主动公开|依申请公开|不予公开|不公开)[。.]?$|^(公开方式|公开属性)[ \t]*:[ \t]*(主动公开|依申请公开|不予公开|不公开)$/;
const COPY_TO = /^(抄[ \t]*送|抄[ \t]*报|分[ \t]*送|报)[ \t]*:/;
const ATTACHMENT = /^附[ \t]*(件)?[ \t]*(:|\d|$)/;
const PRINT_LINE = /印发[ \t]*$/;

export type FootMark = 'contact' | 'annotation' | 'copyTo' | 'attachment' | 'printLine';

/** A labelled line of the foot: contact, annotation, copy-to, attachment note, print line. */
export function matchFootMark(folded: string, block: Span): FootMark | undefined {
  const s = folded.slice(block.start, block.end);
  if (s.length > 160) return undefined;
  if (ANNOTATION.test(s)) return 'annotation';
  if (COPY_TO.test(s)) return 'copyTo';
  if (ATTACHMENT.test(s)) return 'attachment';
  if (CONTACT.test(s)) return 'contact';
  if (PRINT_LINE.test(s) && /\d|[〇一二三四五六七八九十]月/.test(s)) return 'printLine';
  return undefined;
}

/** A further attachment name below the note: `2.办理情况表`, short and without a sentence end. */
export function isAttachmentItem(folded: string, block: Span): boolean {
  const s = folded.slice(block.start, block.end);
  return s.length <= 80 && /^\d{1,2}[.、]/.test(s) && !/[。;!?]/.test(s);
}

/** A seal note after a signature or a date: `（盖章）`, `（印）`. */
const SEAL = /[ \t]*\([ \t]*(盖章|印章|公章|签章|代章|章|印)[ \t]*\)$/;
/** The part an organ of a joint reply played, before or after its name: `主办单位：…`, `…（会办）`. */
const HANDLING_LABEL = /^(主办|会办|协办)(单位)?[ \t]*:[ \t]*/;
const HANDLING_NOTE = /[ \t]*\([ \t]*(主办|会办|协办)(单位)?[ \t]*\)$/;

/**
 * Organisation names alone on a line, as a signature: one, or several signing a joint reply side by
 * side (blank-separated). A seal note `（盖章）` after them is allowed, and in a joint reply the part
 * each organ played (`江州市教育局（主办）`, `会办单位：江州市财政局`).
 */
export function signatureNames(folded: string, span: Span): string[] | undefined {
  const s = folded.slice(span.start, span.end).replace(SEAL, '').replace(HANDLING_NOTE, '').replace(HANDLING_LABEL, '');
  if (s.length === 0 || s.length > 60) return undefined;
  const one = organName(s, { start: 0, end: s.length });
  if (one && !/[ \t]/.test(s.trim())) return organNames(one);
  const names = s.split(/[ \t]{2,}|[ \t](?=\p{Script=Han}{2,}(?:委员会|政府|局|厅|委|办|院|中心|部))/u).map((n) => n.trim()).filter((n) => n.length > 0);
  if (names.length > 1 && names.every((n) => organName(n, { start: 0, end: n.length }) === n)) return names;
  // a spaced-out name is one name
  return one ? [one] : undefined;
}

/** The weekday a date may carry after it: `周五`, `星期三`. */
export const WEEKDAY = /(?:星期|周)[一二三四五六日天]/.source;
const DATE_TRAIL = new RegExp(`^[ \\t]*(${WEEKDAY})?[ \\t。.]*$`);

/**
 * A date filling `[start, end)`, closing punctuation, the weekday (`周五`) or a seal note (`（印）`)
 * allowed after it; `degraded` as for matchDateAt.
 */
export function dateElement(text: string, folded: string, start: number, end: number, degraded = false): DateElement | undefined {
  const m = matchDateAt(text, folded, start, degraded);
  if (!m || m.end > end || !DATE_TRAIL.test(folded.slice(m.end, end).replace(SEAL, ''))) return undefined;
  return { start: m.start, end: m.end, raw: text.slice(m.start, m.end), value: m.value, styles: m.styles };
}

/** A signature and a date on one line: `贵阳市教育局2019年10月15日`, `赤水市建设局 二00七年七月十七日`. */
export function signatureAndDate(text: string, folded: string, span: Span): { names: string[]; signature: Span; date: DateElement } | undefined {
  const s = folded.slice(span.start, span.end);
  if (s.length > 80) return undefined;
  const d = findDateIn(text, folded, span.start + 2, span.end);
  if (!d) return undefined;
  const date = dateElement(text, folded, d.start, span.end);
  if (!date) return undefined;
  const sigText = folded.slice(span.start, d.start).trimEnd();
  const names = signatureNames(sigText, { start: 0, end: sigText.length });
  return names ? { names, signature: { start: span.start, end: span.start + sigText.length }, date } : undefined;
}
