/**
 * The head of a reply: 发文字号, title, 答复类别, 签发人 and the addressee (主送).
 * Each recogniser looks at one block and several cues, never at one fixed phrase.
 */
import type { Addressee, AddresseeForm, Block, Category, DocNumber, ProposalNumberRef, Signatory } from '../model';
import { isBlank, isDigitCode, type Span, trimSpan } from '../text';
import { matchMarker } from './numbering';

// ---------------------------------------------------------------- document number

// Folded text: （） became (), ［］ became []; 〔〕【】〖〗 are kept as they are.
// (without the d flag, whose indices cost more than the rest of the match: the brackets are found from the groups)
export const DOC_NUMBER = /^([\p{Script=Han}A-Za-z0-9]{1,16}?)[ \t]*([〔[【({〖])[ \t]*(\d{2,4})[ \t]*([〕\]】)}〗])[ \t]*(第)?[ \t]*(\d{1,6})[ \t]*号/u;

/** Past blanks and tabs from `i`: where a `[ \t]*` of a pattern ends. */
function skipSpaceTab(s: string, i: number): number {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i;
}

/** Recognises a 发文字号 at the start of a block; returns it and where the rest of the block starts. */
export function matchDocNumber(text: string, folded: string, block: Span): { docNumber: DocNumber; rest: number } | undefined {
  const s = folded.slice(block.start, block.end);
  // (DOC_NUMBER needs a 号: most blocks are ruled out without the regex)
  const m = s.includes('号') ? DOC_NUMBER.exec(s) : null;
  if (!m || !/\p{Script=Han}/u.test(m[1]!)) return undefined;
  const start = block.start;
  const end = start + m[0].length;
  // the opening bracket after the organ and its blanks, the closing one after the year and its blanks
  const openRel = skipSpaceTab(s, m[1]!.length);
  const closeRel = skipSpaceTab(s, skipSpaceTab(s, openRel + 1) + m[3]!.length);
  const openAt = start + openRel;
  const closeAt = start + closeRel;
  return {
    docNumber: {
      start, end,
      organ: m[1]!,
      open: text.charAt(openAt),
      year: m[3]!,
      close: text.charAt(closeAt),
      hasDi: m[5] !== undefined,
      serial: m[6]!,
    },
    rest: trimSpan(text, end, block.end).start,
  };
}

// ---------------------------------------------------------------- category, signatory

export const CATEGORY = /^(?:(?:答复|办复|办理|办结|答复函)?[ \t]*类[ \t]*别|答复类型)[ \t]*:[ \t]*([A-Za-z甲乙丙丁])[ \t]*类?[ \t]*[.。;]?$/;

/** Whether CATEGORY can match a string starting with this code unit: 答, 办, 类 or a blank. */
export function mayStartCategory(c: number): boolean {
  return c === 0x7b54 /* 答 */ || c === 0x529e /* 办 */ || c === 0x7c7b /* 类 */ || c === 32 || c === 9;
}

/** `答复类别：A类`, `办复类别：B类` filling a block. */
export function matchCategory(folded: string, block: Span): Category | undefined {
  const s = folded.slice(block.start, block.end);
  const m = mayStartCategory(s.charCodeAt(0)) && s.includes(':') ? CATEGORY.exec(s) : null;
  if (!m) return undefined;
  // the value follows the first colon (nothing before it has one) and its blanks
  const at = block.start + skipSpaceTab(s, s.indexOf(':') + 1);
  return { start: block.start, end: block.end, value: m[1]!.toUpperCase(), valueSpan: { start: at, end: at + 1 } };
}

/** A bare category mark before the addressee in captured web tables: `A 公开 林灵委员:`. */
export const CATEGORY_TOKEN = /^[A-Ca-c甲乙丙]$/;
const DISCLOSURE_TOKEN = /^(公开|主动公开|依申请公开|不予公开|不公开|非公开)$/;

export function matchSignatory(folded: string, block: Span): Signatory | undefined {
  if (folded.charCodeAt(block.start) !== 0x7b7e /* 签 */) return undefined;
  const m = /^签[ \t]*发[ \t]*人[ \t]*:[ \t]*(\S.*)$/.exec(folded.slice(block.start, block.end));
  return m ? { start: block.start, end: block.end, name: m[1]!.trim() } : undefined;
}

// ---------------------------------------------------------------- title

/** Words by which a title names its matter; a title has no sentence punctuation. */
const TITLE_CUE = /关于|答复|复函|报告|意见|的函|情况|提案|建议/;
const TITLE_END = /(答复|答复函|复函|的函|报告|意见|情况|说明)[ \t]*(\([A-C甲乙丙]类\))?$/;

export function isTitleCandidate(folded: string, block: Span): boolean {
  const s = folded.slice(block.start, block.end);
  return s.length <= 90 && !/[。;!?]/.test(s) && !s.endsWith(':') && TITLE_CUE.test(s) && !matchMarker(folded, block.start);
}

/** A further line of a title that is not yet complete: no sentence punctuation, no colon. */
export function isTitleContinuation(folded: string, block: Span): boolean {
  const s = folded.slice(block.start, block.end);
  return s.length <= 90 && !/[。;!?:,]/.test(s) && !matchMarker(folded, block.start);
}

export function titleIsComplete(folded: string, block: Span): boolean {
  return TITLE_END.test(folded.slice(block.start, block.end));
}

/** The organ named at the start of a title: `市教育局关于…` → 市教育局. */
export function titleOrgan(titleText: string): string | undefined {
  const m = /^(.{2,24}?)(关于|对)/.exec(titleText);
  return m && ORG_SUFFIX.test(m[1]!) ? m[1] : undefined;
}

// ---------------------------------------------------------------- proposal numbers

const PROPOSAL_NUMBER = /第[ \t]*([A-Za-z]{0,3}[ \t]*\d{1,10}[A-Za-z]?)[ \t]*号/g;
const PROPOSAL_NUMBER_AT = new RegExp(PROPOSAL_NUMBER.source, 'y');

function proposalNumberRef(start: number, m: RegExpExecArray): ProposalNumberRef {
  const value = m[1]!.includes(' ') || m[1]!.includes('\t') ? m[1]!.replace(/[ \t]/g, '') : m[1]!;
  return { start, end: start + m[0].length, value, key: proposalKey(value) };
}

/** Every `第…号` in a span, with its comparable key (case and leading zeros folded). */
export function findProposalNumbers(folded: string, span: Span): ProposalNumberRef[] {
  const out: ProposalNumberRef[] = [];
  const s = folded.slice(span.start, span.end);
  PROPOSAL_NUMBER.lastIndex = 0;
  for (let m = PROPOSAL_NUMBER.exec(s); m; m = PROPOSAL_NUMBER.exec(s)) out.push(proposalNumberRef(span.start + m.index, m));
  return out;
}

/** The `第…号` that starts at `at` and ends by `end`, if there is one (what findProposalNumbers finds there). */
export function proposalNumberAt(folded: string, at: number, end: number): ProposalNumberRef | undefined {
  if (folded.charCodeAt(at) !== 0x7b2c /* 第, where the pattern starts */) return undefined;
  PROPOSAL_NUMBER_AT.lastIndex = at;
  const m = PROPOSAL_NUMBER_AT.exec(folded);
  return m && at + m[0].length <= end ? proposalNumberRef(at, m) : undefined;
}

export function proposalKey(value: string): string {
  // the letters, then the digits without leading zeros: what `.replace(/^([A-Z]*)0+(?=\d)/, '$1')`
  // gives (a run of zeros that no digit follows keeps its last zero), without a regex on every call
  const u = value.toUpperCase();
  let letters = 0;
  while (letters < u.length && u.charCodeAt(letters) >= 65 && u.charCodeAt(letters) <= 90) letters++;
  let zeros = letters;
  while (zeros < u.length && u.charCodeAt(zeros) === 48) zeros++;
  if (!(zeros < u.length && isDigitCode(u.charCodeAt(zeros)))) zeros--;
  return zeros > letters ? u.slice(0, letters) + u.slice(zeros) : u;
}

// ---------------------------------------------------------------- addressee

/** Organisation names end with an organ-type word. */
export const ORG_SUFFIX = /(委员会|人民政府|政府|办公室|办公厅|局|厅|委|办|室|院|中心|部|处|科|所|署|会|站|馆|队|公司|集团|党组|党委|支部|学校|大学|学院|医院|银行|街道|镇|乡|社区|社|盟|党|联|组|界)$/;
const PERSON_SUFFIX = /(委员|代表|同志|先生|女士|老师|主任|主席|会长|秘书长|院长|局长|书记|议员)$/;
const PERSONS_GROUP = /等[\d一二三四五六七八九十]*[名位]?(委员|代表|同志)$/;
const NOT_NAMES = /关于|答复|报告|通知|意见|《|》|提出|收悉|如下|\d{3,}|[。;!?]/;
/** A template's placeholder with what it stands for: `×××(主办单位)`, `XXX(委员)`. */
const PLACEHOLDER = /^(?:×+|[Xx]{2,}|某某|○+)\(([^()]{1,8})\)$/;

interface NamesInfo {
  readonly names: string[];
  readonly form: AddresseeForm;
  readonly role: Addressee['role'];
}

/** Decides whether text names people or bodies the way an addressee does. */
export function analyseNames(raw: string): NamesInfo | undefined {
  const s = raw.trim();
  if (s.length === 0 || s.length > 60 || isDigitCode(s.charCodeAt(0)) || s.charCodeAt(0) === 40 /* ( */ || NOT_NAMES.test(s)) return undefined;
  const parts = splitNames(s);
  if (parts.length === 0) return undefined;
  const written = parts[parts.length - 1]!;
  // a placeholder is judged by what it stands for; 单位 and 部门 name bodies
  const stands = PLACEHOLDER.exec(written)?.[1];
  const last = stands ?? written;
  const isPerson = PERSON_SUFFIX.test(last) && !last.endsWith('委员会');
  const isGroup = PERSONS_GROUP.test(last);
  const isBody = !isPerson && !isGroup && (ORG_SUFFIX.test(last) || (stands !== undefined && /(单位|部门|机关)$/.test(stands)));
  if (!isPerson && !isGroup && !isBody) return undefined;
  // every other part must be a short name too
  if (parts.some((p) => p.length > 24)) return undefined;
  const role = last.endsWith('委员') ? 'member' : last.endsWith('代表') ? 'deputy' : 'other';
  const form: AddresseeForm = isBody ? 'body' : parts.length > 1 || isGroup ? 'persons' : 'person';
  return { names: parts, form, role };
}

/**
 * The names of a list, trimmed, without empty ones: what `s.split(/[、,，和及与]/)` with each part
 * trimmed and the empty ones dropped gives, without a regex call per separator.
 */
export function splitNames(s: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && !isNameSeparator(s.charCodeAt(i))) continue;
    const p = s.slice(from, i).trim();
    if (p.length > 0) parts.push(p);
    from = i + 1;
  }
  return parts;
}

/** 、 , ， 和 及 与 */
function isNameSeparator(c: number): boolean {
  return c === 0x3001 || c === 44 || c === 0xff0c || c === 0x548c || c === 0x53ca || c === 0x4e0e;
}

export interface AddresseeMatch {
  readonly addressee: Addressee;
  /** A bare category mark found before the names (`A 公开 林灵委员:`). */
  readonly category?: Category;
  /** Where text that follows the addressee in the same block starts, if any. */
  readonly rest?: number;
}

const GREETING = /^[ \t]*(您好|你好|您们好|你们好)[!.。]?/;

/**
 * Recognises an addressee at the start of a block: names, then a colon (or another mark, or
 * nothing when `strict` is false), then an optional greeting. Text after it (a receipt line pasted
 * on the same line) is left as `rest`.
 */
export function matchAddressee(text: string, folded: string, block: Block, strict: boolean): AddresseeMatch | undefined {
  const s = folded.slice(block.start, block.end);
  let namesStart = 0;
  if (s.startsWith('尊敬的')) namesStart = 3;
  // the names run to the first colon-like mark, or to the end of a short block
  let markAt = 0;
  while (markAt < s.length && markAt < 64 && !isAddresseeMark(s.charCodeAt(markAt))) markAt++;
  if (markAt === s.length || markAt === 64) markAt = -1;
  let namesEnd: number;
  let colon: Addressee['colon'];
  if (markAt > namesStart) {
    namesEnd = markAt;
    const ch = text.charAt(block.start + markAt);
    colon = { span: { start: block.start + markAt, end: block.start + markAt + 1 }, char: ch };
    if (strict && !isColon(ch) && markAt + 1 < s.length) return undefined;
  } else {
    if (strict || s.length > 40) return undefined;
    namesEnd = s.length;
    const g = /(您好|你好|您们好|你们好)[!.。]?$/.exec(s);
    if (g) namesEnd = g.index;
  }
  // leading tokens separated by blanks: a bare category mark and a disclosure mark may precede the names
  const tokens = splitTokens(s, namesStart, namesEnd);
  if (tokens.length === 0) return undefined;
  const nameToken = tokens[tokens.length - 1]!;
  let category: Category | undefined;
  for (const t of tokens.slice(0, -1)) {
    const word = s.slice(t.start, t.end);
    if (CATEGORY_TOKEN.test(word)) {
      const at = block.start + t.start;
      category = { start: at, end: at + 1, value: word.toUpperCase(), valueSpan: { start: at, end: at + 1 } };
    } else if (!DISCLOSURE_TOKEN.test(word)) {
      return undefined;
    }
  }
  const info = analyseNames(s.slice(nameToken.start, nameToken.end));
  if (!info) return undefined;
  let end = colon ? colon.span.end : block.start + namesEnd;
  const greeting = GREETING.exec(s.slice(end - block.start));
  if (greeting) end += greeting[0].length;
  const rest = trimSpan(text, end, block.end);
  if (rest.start < rest.end && !colon) return undefined;
  // a long remainder after a non-colon mark is a sentence, not an addressee
  if (rest.start < rest.end && colon && !isColon(colon.char)) return undefined;
  // every field, undefined where absent (one hidden class for all addressees, see docs/design.md)
  const addressee: Addressee = {
    // with a category mark before the names the addressee starts at the names; otherwise at 尊敬的 or the names
    start: block.start + (tokens.length > 1 ? nameToken.start : 0),
    end,
    namesSpan: { start: block.start + nameToken.start, end: block.start + nameToken.end },
    names: info.names,
    form: info.form,
    role: info.role,
    colon,
  };
  const match: { -readonly [K in keyof AddresseeMatch]: AddresseeMatch[K] } = { addressee };
  if (category) match.category = category;
  if (rest.start < rest.end) match.rest = rest.start;
  return match;
}

/** What ends the names of an addressee: `:,;。` (folded). */
function isAddresseeMark(c: number): boolean {
  return c === 58 || c === 44 || c === 59 || c === 0x3002;
}

function isColon(ch: string): boolean {
  return ch === ':' || ch === '：';
}

function splitTokens(s: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isBlank(s.charCodeAt(i))) i++;
    const t = i;
    while (i < end && !isBlank(s.charCodeAt(i))) i++;
    if (i > t) out.push({ start: t, end: i });
  }
  return out;
}
