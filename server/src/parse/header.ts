/**
 * Recognisers of the head of a reply: 发文字号, title, 答复类别, the approver and publicity marks,
 * and the addressee (主送). Each looks at one block of folded text (full-width ASCII folded to
 * half-width, so `（：` read as `(:`) and says what it finds there; which block plays which role is
 * decided later, for the whole document at once (roles.ts, decode.ts).
 */
import type { Addressee, AddresseeForm, Category, DocNumber, ProposalNumberRef } from '../core/model';
import type { Span } from '../core/text';

// ---------------------------------------------------------------- document number

/**
 * 发文字号: organ code, year in brackets, serial, 号 — and the ways real ones depart from
 * GB/T 9704-2012 7.2.5: [] 【】 () instead of 〔〕, a two-digit year, 第, blanks, a lost 〕 or 号
 * (`舞教〔2022106`), both brackets lost (`厦教提案函2024 43号`, which a page whose font lacks 〔〕
 * shows). The serial is digits, or (rarely) words (`来信号`).
 */
const DOC_NUMBER = /^(\p{Script=Han}[\p{Script=Han}A-Za-z0-9\ufffd□]{0,15}?)[ \t]*([〔[【({〖]?)[ \t]*(\d{4}|\d{2})[ \t]*([〕\]】)}〗]?)[ \t]*(第)?[ \t]*(\d{1,6}|\p{Script=Han}{1,3}(?=号))[ \t]*(号?)/u;

export interface DocNumberMatch {
  readonly docNumber: DocNumber;
  /** A category glued to the number: `…〔2023〕02号B类`, `…5号(B类)`. */
  readonly category: Category | undefined;
}

/**
 * A 发文字号 at `start` of the folded text, ending by `end`. A number that lost both its closing
 * bracket and its 号 must at least have its year and serial run together (`〔2022106`).
 */
export function matchDocNumber(text: string, folded: string, start: number, end: number): DocNumberMatch | undefined {
  const s = folded.slice(start, end);
  const m = DOC_NUMBER.exec(s);
  if (!m) return undefined;
  const [whole, organ, open, year, close, di, serial, hao] = m as unknown as [string, string, string, string, string, string | undefined, string, string];
  // a number that lost both its 〕 and its 号 must at least show a four-digit year and a numeric serial
  if (!close && !hao && (year.length !== 4 || !/^\d/.test(serial))) return undefined;
  // one that lost both brackets, a year of this era, its serial and 号, after an organ code that is
  // no label (编号, 第: `建议编号2024012号` is an item's number)
  if (!open && (!/^(19|20)\d\d$/.test(year) || !/^\d/.test(serial) || !hao || close || organ.length < 2 || /(号|第)$/.test(organ))) return undefined;
  const openRel = s.indexOf(open, organ.length);
  const closeRel = close ? s.indexOf(close, openRel + 1) : -1;
  const docEnd = start + whole.length;
  const docNumber: DocNumber = {
    start,
    end: docEnd,
    organ,
    open: open ? text.charAt(start + openRel) : '',
    year,
    close: closeRel >= 0 ? text.charAt(start + closeRel) : '',
    hasDi: di !== undefined,
    serial,
    hasHao: hao !== '',
    spaced: /[ \t]/.test(whole),
  };
  const category = categoryAt(folded, docEnd, end);
  return { docNumber, category };
}

/**
 * A 发文字号 filling a block: perhaps in brackets (`（东文旅发〔2020〕29号）`), perhaps with its
 * category glued on (`…〔2023〕02号B类`), perhaps with a full stop after it.
 */
export function matchDocNumberBlock(text: string, folded: string, block: Span): DocNumberMatch | undefined {
  const bracketed = /^\((.*)\)$/.exec(folded.slice(block.start, block.end));
  const start = bracketed ? block.start + 1 : block.start;
  const end = bracketed ? block.end - 1 : block.end;
  const m = matchDocNumber(text, folded, start, end);
  const matched = m ? (m.category?.end ?? m.docNumber.end) : -1;
  return m && /^[ \t。.]*$/.test(folded.slice(matched, end)) ? m : undefined;
}

/** A category glued after a document number: `B类`, `(B类)`, ` B1类`. */
function categoryAt(folded: string, at: number, end: number): Category | undefined {
  const m = /^[ \t]*\(?[ \t]*([A-Da-d甲乙丙丁]\d?)[ \t]*类[ \t]*\)?/.exec(folded.slice(at, end));
  if (!m) return undefined;
  const valueAt = at + m[0].indexOf(m[1]!);
  return { start: at + (m[0].length - m[0].trimStart().length), end: at + m[0].length, value: m[1]!.toUpperCase(), valueSpan: { start: valueAt, end: valueAt + m[1]!.length } };
}

// ---------------------------------------------------------------- category, approver and publicity marks

/**
 * 答复类别 as regions write it: `答复类别：A类`, `办复类别：B类`, `类  别：B类`, `办理结果：(A类)`, `办复结果：A类`, a bare
 * `A`, `(B类)` or `A类答复` at the top right of the page, `B1类` with a sub-grade, the box ticked on a form.
 */
const CATEGORY_LABEL = /(?:(?:答[ \t]*复|办[ \t]*复|办[ \t]*理|办[ \t]*结)?[ \t]*类[ \t]*别|答复类型|(?:办理|办复|答复)结果)[ \t]*:[ \t]*/.source;
const CATEGORY_LABELLED = new RegExp(`^${CATEGORY_LABEL}\\(?[ \\t]*([A-Za-z甲乙丙丁]\\d?)[ \\t]*类?[ \\t]*\\)?[ \\t]*(\\([^()]{1,20}\\))?[ \\t]*[.。;]?$`);
const CATEGORY_BARE = /^\(?[ \t]*([A-Da-d甲乙丙丁]\d?)[ \t]*(类(?:答复|件)?)?[ \t]*\)?$/;
/** A form's boxes with one ticked: `答复类别：□A类 ■B类 □C类` (what comes before the ticked letter, the letter). */
const CATEGORY_TICKED = new RegExp(`^(${CATEGORY_LABEL}(?:[□☐○◯][ \\t]*[A-Da-d]类?[ \\t]*)*[■☑√✓✔●◉☒][ \\t]*)([A-Da-d])类?(?:[ \\t]*[□☐○◯][ \\t]*[A-Da-d]类?)*[ \\t]*$`);

/** A category filling `[start, end)`, perhaps in brackets (`【答复类别：A类】`); a bare letter needs no 类, a bare 甲乙丙 does. */
export function matchCategory(folded: string, start: number, end: number): Category | undefined {
  const s = folded.slice(start, end);
  if (/^[【[(].*:.*[】\])]$/.test(s)) {
    const inner = matchCategory(folded, start + 1, end - 1);
    return inner && { ...inner, start, end };
  }
  const ticked = CATEGORY_TICKED.exec(s);
  if (ticked) {
    const at = start + ticked[1]!.length;
    return { start, end, value: ticked[2]!.toUpperCase(), valueSpan: { start: at, end: at + 1 } };
  }
  const m = CATEGORY_LABELLED.exec(s) ?? CATEGORY_BARE.exec(s);
  if (!m || (!m[2] && /^[甲乙丙丁]/.test(m[1]!) && !CATEGORY_LABELLED.test(s))) return undefined;
  const at = start + s.lastIndexOf(m[1]!);
  return { start, end, value: m[1]!.toUpperCase(), valueSpan: { start: at, end: at + m[1]!.length } };
}

/** Who approved or signed the reply: 签发人, 领导署名, 审核人 … with a name. */
const APPROVER = /^(签[ \t]*发[ \t]*人|领导(署名|签名|签发|签批)|签批人|审[ \t]*核[ \t]*人|核稿人|审签人|承办负责人|分管领导)[ \t]*:[ \t]*(\S.*)?$/;
/** Whether the reply may be published: `是否同意公开：（是）`, `同意公开`, `主动公开`, `（此回复件公开）`. */
const PUBLICITY = /^\(?[ \t]*(是否(同意)?公开[ \t]*:.{0,6}|同意公开|予以公开|主动公开|依申请公开|不予公开|不公开|非公开|公开|此回复件公开|此件公开)[ \t]*\)?$/;

/**
 * How the copy is handled, above the letterhead (GB/T 9704-2012 7.2.1–7.2.3): its copy number
 * (`000123`), secrecy and its term (`秘密★1年`), urgency (`特急`).
 */
const HANDLING = /^(\d{6}|(绝密|机密|秘密)([ \t]*★[ \t]*\S{0,6})?|特急|加急|平急|特提)$/;

/**
 * The item answered, as some offices head a reply below its title and number: `代表团：临江代表团`,
 * `领衔代表：韩雪梅`, `提案号：第45号` (a page's record of the item above the reply has the same labels:
 * roles.ts tells them apart by where they stand).
 */
const ITEM = /^(代[ \t]*表[ \t]*团|领衔代表|领衔人|提案人|提案号|建议号|议案号|建议人|提出人)[ \t]*:[ \t]*\S.{0,30}$/;

export type MarkKind = 'approver' | 'publicity' | 'handling' | 'item';

/** An approver, publicity, handling or item mark filling the block. */
export function matchMark(folded: string, block: Span): MarkKind | undefined {
  const s = folded.slice(block.start, block.end);
  if (APPROVER.test(s)) return 'approver';
  if (PUBLICITY.test(s)) return 'publicity';
  if (HANDLING.test(s)) return 'handling';
  if (ITEM.test(s)) return 'item';
  return undefined;
}

/** The approver's name (签发人：陈明), if the mark is a 签发人 line. */
export function signatoryName(folded: string, block: Span): string | undefined {
  const m = /^签[ \t]*发[ \t]*人[ \t]*:[ \t]*(\S.*)$/.exec(folded.slice(block.start, block.end));
  return m ? m[1]!.trim() : undefined;
}

// ---------------------------------------------------------------- title

/** Words by which a title names its matter. */
const TITLE_CUE = /关于|答复|复函|回复|报告|意见|的函|提案|建议|议案/;
/** How a title ends: the genre word, perhaps with the number or the category after it. */
const TITLE_END = /(答复|答复函|答复意见|复函|回复|回复意见|的函|报告|意见|情况|说明)[ \t]*(\([^()]{1,24}\))?$/;
/** A title that opens with 对 names the session it answers: 对市政协十二届三次会议… */
const TITLE_SESSION = /^对.{0,30}(会议|政协|人大|委员会|届)/;

export interface TitleLine {
  /** The line names the reply's matter: 关于…, 对…会议…, …答复. */
  readonly cue: boolean;
  /** The line ends as a title ends (…的答复, …的复函). */
  readonly complete: boolean;
  /** The line opens a title (关于…, 对…, 市教育局关于…): it does not continue the line above. */
  readonly opens: boolean;
  /** The line leaves a 《, （ or “ open: the next line continues it (`…第181号《` / `关于…的建议》的答复`). */
  readonly leavesOpen: boolean;
}

/**
 * Whether a block can be a line of a title: short, no sentence punctuation, no colon (unless the
 * line ends as a title does: `…建议:第009号--关于…的答复`), not in brackets or after a list bullet.
 */
export function matchTitleLine(folded: string, block: Span): TitleLine | undefined {
  // (a centred title may be spaced out: 答 复)
  // (a character the page lost, `关于加强?河治理…`, is no question mark)
  const s = withoutLostCharacters(folded.slice(block.start, block.end).replace(/[ \t]+/g, ''));
  const complete = TITLE_END.test(s);
  if (s.length > 90 || /[。;!?]/.test(s) || (s.includes(':') && !complete) || /^[(•·*-]/.test(s)) return undefined;
  const opens = /^(关于|对)/.test(s) || ORG_SUFFIX.test(/^(.{2,24}?)(关于|对)/.exec(s)?.[1] ?? '');
  // a title's first line, wrapped before its cue word, still opens it: `普洱市教育体育局对政协普洱市五届二次会议`
  return { cue: TITLE_CUE.test(s) || TITLE_SESSION.test(s) || opens, complete, opens, leavesOpen: /《[^》]*$|\([^)]*$|“[^”]*$/.test(s) };
}

/** The organ named at the start of a title: `市教育局关于…` → 市教育局. */
export function titleOrgan(titleText: string): string | undefined {
  const m = /^(.{2,24}?)(关于|对)/.exec(titleText);
  return m && ORG_SUFFIX.test(m[1]!) ? m[1] : undefined;
}

// ---------------------------------------------------------------- organisations

/** Organisation names end with an organ-type word. */
export const ORG_SUFFIX = /(委员会|人民政府|政府|办公室|办公厅|局|厅|委|办|室|院|中心|部|处|科|所|署|会|协|站|馆|队|公司|集团|党组|党委|支部|总支|学校|大学|学院|医院|银行|支行|分行|海关|气象台|电视台|监狱|农场|林场|机场|街道|镇|乡|社区|社|盟|党|联|组|界|团)$/;

/**
 * A second name in brackets after an organisation's, as an organ with two names signs
 * (一个机构两块牌子): `江州市文化广电旅游局（江州市文物局）`.
 */
const SECOND_NAME = /\(([^()]{3,20})\)$/;

/**
 * An organisation's name standing alone: `贵阳市教育局`, the issuing organ above a title spaced out
 * (`汨 罗 市 规 划 局`) or as a letterhead (`潼关县民政局文件`), perhaps with its second name in
 * brackets. Returns the name as written, without blanks.
 */
export function organName(folded: string, span: Span): string | undefined {
  const s = folded.slice(span.start, span.end).replace(/[ \t]+/g, '').replace(/文件$/, '');
  const read = withoutLostCharacters(s);
  // (a template's placeholder or a masked name stands for the organ's: ×××局, ***委员会)
  if (s.length < 3 || s.length > 40 || !/^[\p{Script=Han}×*○]/u.test(read) || /[^\p{Script=Han}()A-Za-z0-9×*○]/u.test(read)) return undefined;
  const second = SECOND_NAME.exec(read);
  if (second && !ORG_SUFFIX.test(second[1]!)) return undefined;
  return ORG_SUFFIX.test(second ? read.slice(0, second.index) : read) ? s : undefined;
}

/** The names of an organisation organName read: both of an organ with two names (`江州市文化广电旅游局(江州市文物局)`). */
export function organNames(name: string): string[] {
  const second = SECOND_NAME.exec(name);
  return second ? [name.slice(0, second.index), second[1]!] : [name];
}

/**
 * A character the page lost, inside a name: U+FFFD, a box, or the `?` an encoding without the
 * character left in its place, before a Chinese character (`贺文国、?金菊委员`, `赣州市南?区农业农村局`,
 * `第156?提案`).
 */
const LOST_CHARACTER = /[\ufffd□]|(?<=^|[\p{Script=Han}\d、,])\?(?=\p{Script=Han})/gu;

/** A name as the recognisers read it: each lost character taken for the Chinese character it was. */
function withoutLostCharacters(name: string): string {
  return name.replace(LOST_CHARACTER, '某');
}

/** The organ word used in 贵委, 贵局, 贵办, 贵支部 … */
export function bodyAbbreviation(name: string): string {
  const m = /(委员会|委|局|厅|办公室|办|院|总支部|总支|支部|支社|部|处|室|会|中心|政府|社|盟|党|联)$/.exec(name);
  if (!m) return '单位';
  switch (m[1]) {
    // a party's branch is 贵支部, 贵总支, 贵支社 — 贵部 would name a ministry
    case '总支部': return '总支';
    case '委员会': case '委': return '委';
    case '办公室': case '办': return '办';
    case '政府': return '政府';
    case '中心': return '中心';
    case '社': case '盟': case '党': return '党派';
    // a federation is no party: 工商联, 侨联, 妇联 are addressed as 贵会
    case '联': return '会';
    default: return m[1]!;
  }
}

// ---------------------------------------------------------------- proposal numbers

const PROPOSAL_NUMBER = /第[ \t]*([A-Za-z]{0,3}[ \t]*\d{1,10}[A-Za-z]?)[ \t]*号/g;

/** Every `第…号` in a span, with its comparable key (case and leading zeros folded). */
export function findProposalNumbers(folded: string, span: Span): ProposalNumberRef[] {
  const out: ProposalNumberRef[] = [];
  const s = folded.slice(span.start, span.end);
  for (const m of s.matchAll(PROPOSAL_NUMBER)) {
    const value = m[1]!.replace(/[ \t]/g, '');
    const start = span.start + m.index!;
    out.push({ start, end: start + m[0].length, value, key: proposalKey(value) });
  }
  return out;
}

/** The comparable form of a proposal number: upper case, no leading zeros (`d022` → `D22`). */
export function proposalKey(value: string): string {
  return value.toUpperCase().replace(/^([A-Z]*)0+(?=\d)/, '$1');
}

/**
 * The same number without the year some registers put in front of it (`第2019009号` for
 * `第009号`): the forms under which one reply may cite its item twice.
 */
export function proposalKeys(ref: ProposalNumberRef): string[] {
  const m = /^(?:19|20)\d\d(\d{3,})$/.exec(ref.key);
  return m ? [ref.key, proposalKey(m[1]!)] : [ref.key];
}

// ---------------------------------------------------------------- addressee

const PERSON_SUFFIX = /(委员|代表|同志|先生|女士|老师|主任|主席|会长|秘书长|院长|局长|书记|议员)$/;
/** A group of people: `曹芝萓等4位委员`, `王娟等10名代表`, `姜欣(等10位)代表`, `李正乔等代表`, `李正乔代表等`, `李正乔委员等3人`, `各位代表`. */
const PERSONS_GROUP = /等[ \t]*[\d一二三四五六七八九十]*[ \t]*[名位人]?\)?[ \t]*(委员|代表|同志)$|(委员|代表|同志)[ \t]*等([ \t]*[\d一二三四五六七八九十]+[ \t]*[名位人])?$|^各位[ \t]*(委员|代表|同志)$/;
/** The role word that tells members (委员) from deputies (代表), perhaps before the group's 等. */
const ROLE_WORD = /(委员|代表)\)?([ \t]*等([ \t]*[\d一二三四五六七八九十]+[ \t]*[名位人])?)?$/;
/**
 * A member or deputy addressed with the role word before the name, after the body they sit in or
 * as the one who leads the item: `市政协委员林书瑶`, `江州市第十七届人大代表林书瑶`, `领衔代表韩雪梅`
 * (the name 2–4 characters; not 委员会 or 代表团).
 */
const ROLE_BEFORE_NAME = /(?:政协|人大|人民代表大会|委员会|领衔)(委员(?!会)|代表(?!团))\p{Script=Han}{2,4}$/u;
/** Words no addressee holds: a title's or a sentence's. */
const NOT_NAMES = /关于|答复|报告|通知|意见|《|》|提出|收悉|如下|的建议|的提案|”的|\d{3,}|[。;!?]/;
/** What may come before an addressee's names: 尊敬的, or 致 (`致林灵委员：`) but not the 致 of 致公党. */
const SALUTATION = /^(尊敬的|致(?!公党))/;
/** A template's placeholder with what it stands for: `×××(主办单位)`, `XXX(委员)`. */
const PLACEHOLDER = /^(?:×+|[Xx]{2,}|某某|○+)\(([^()]{1,8})\)$/;

export interface NamesInfo {
  readonly names: string[];
  readonly form: AddresseeForm;
  readonly role: Addressee['role'];
}

/**
 * Whether text names people or bodies the way an addressee does: names joined by 、 or ，, the last
 * ending with 委员, 代表 (or another way to address a person) or with a name after them
 * (`市政协委员林书瑶`), a group (`等N位委员`, `并附议人`), or an organisation (`民革天水市委员会`,
 * `湖里区政府`). Masked names (`***委员会`) count.
 */
export function analyseNames(raw: string): NamesInfo | undefined {
  // (one character names no one: a gap's next piece often is one)
  if (raw.length < 2) return undefined;
  // 尊敬的 or 致 before (not 致公党's), 并附议人 or a note in brackets after the names (`王五委员（并转附议委员）`),
  // but not the brackets of a template's placeholder (`×××（主办单位）`)
  let s = raw.trim().replace(SALUTATION, '').replace(/[ \t]*(并附议人|及附议人|及联名人|等附议人)$/, '').trim();
  if (!PLACEHOLDER.test(s.split(/[、,，和及与]/).pop()!.trim())) s = s.replace(/\([^()]{1,12}\)$/, '').trim();
  if (s.length === 0 || s.length > 80 || /^[\d(]/.test(s) && !/^\(等/.test(s) || NOT_NAMES.test(withoutLostCharacters(s))) return undefined;
  // names are joined by 、 and commas, people also by 和/及/与 (a body's name holds them: 发展和改革委员会)
  const parts = s.split(/[、,，]/).flatMap((p) => (ORG_SUFFIX.test(p.trim()) ? [p] : p.split(/[和及与]/))).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  const written = parts[parts.length - 1]!;
  // a placeholder is judged by what it stands for; 单位 and 部门 name bodies
  const stands = PLACEHOLDER.exec(written)?.[1];
  const last = stands ?? written;
  // a CPPCC sector (`市政协民族宗教界别`) is its members, addressed as 你们
  const isGroup = PERSONS_GROUP.test(last) || last.endsWith('界别');
  const roleFirst = ROLE_BEFORE_NAME.exec(last);
  const isPerson = !isGroup && ((PERSON_SUFFIX.test(last) && !last.endsWith('委员会')) || roleFirst !== null);
  const isBody = !isPerson && !isGroup && (ORG_SUFFIX.test(last) || (stands !== undefined && /(单位|部门|机关)$/.test(stands)));
  if (!isPerson && !isGroup && !isBody) return undefined;
  // every part is a short name; a body's name has no blanks
  if (parts.some((p) => p.length > 30) || (isBody && /[ \t]/.test(last))) return undefined;
  const roleWord = roleFirst?.[1] ?? (last.endsWith('委员会') ? undefined : ROLE_WORD.exec(last)?.[1]);
  const role = roleWord === '委员' ? 'member' : roleWord === '代表' ? 'deputy' : 'other';
  const form: AddresseeForm = isBody ? 'body' : parts.length > 1 || isGroup ? 'persons' : 'person';
  return { names: parts, form, role };
}

export interface AddresseeMatch extends NamesInfo {
  /** Where the addressee ends: after its colon and greeting, or after the names. */
  readonly end: number;
  readonly namesSpan: Span;
  /** The punctuation after the names (`：`, `:`, `，` …) as written, if any. */
  readonly colon: { readonly span: Span; readonly char: string } | undefined;
  readonly roleCut?: Addressee['roleCut'];
}

/** Characters spaced out one by one: `罗 明 远 委 员`. */
const SPACED_OUT = /^\p{Script=Han}([ \t]+\p{Script=Han}){3,}$/u;

/**
 * A role word a page cut short, ending names that are long enough without it: 代 or 表 of 代表, 员
 * of 委员 (`伏正洪代`, `马青、周丽等员`). Not 委, which ends a body's name (`市发改委`).
 */
const CUT_ROLE = /(?<=\p{Script=Han}{2}|等)(代|表|员)$/u;

/**
 * An addressee at the start of `[start, end)`: names, then a colon (or a comma, a full stop, or
 * nothing), then perhaps a greeting (您好！), or the greeting glued to the names before the colon
 * (`韩雪梅代表您好：`). It must fill the span; `rest` text after a colon is
 * the splitter's business.
 */
export function matchAddressee(text: string, folded: string, start: number, end: number): AddresseeMatch | undefined {
  const s = folded.slice(start, end);
  if (s.length > 90) return undefined;
  // (the greeting after the mark, or before it: `韩雪梅代表您好：`)
  const m = /^[ \t]*([^:;。]+?)[ \t]*(?:(?:您们|你们|您|你)好)?[ \t]*([:,;。]?)[ \t]*((?:您们|你们|您|你)好[!.。]?)?[ \t]*$/.exec(s);
  if (!m) return undefined;
  // people addressed one by one may be parted by commas (`张三委员，李四委员：`); not a body: a clause
  // before an organisation's name is a sentence run into a signature (`…关心和支持，厦门市教育局`)
  if (m[1]!.includes(',') && !m[1]!.split(',').every((p) => ['person', 'persons'].includes(analyseNames(p)?.form ?? ''))) return undefined;
  // names whose role word lost a character, before a colon: read with the word whole; names spaced
  // out to the width of the page (`罗 明 远 委 员：`) are read without the blanks
  const asWritten = analyseNames(SPACED_OUT.test(m[1]!) ? m[1]!.replace(/[ \t]+/g, '') : m[1]!);
  const cut = asWritten || m[2] !== ':' ? null : CUT_ROLE.exec(m[1]!);
  const role = cut ? (cut[1] === '员' ? '委员' : '代表') : undefined;
  const info = cut ? analyseNames(m[1]!.slice(0, cut.index) + role) : asWritten;
  if (!info) return undefined;
  // the names without the salutation before them
  const lead = SALUTATION.exec(m[1]!)?.[0] ?? '';
  const names = m[1]!.slice(lead.length).trimStart();
  const namesStart = start + s.indexOf(names, s.indexOf(m[1]!) + lead.length);
  const namesSpan = { start: namesStart, end: namesStart + names.length };
  const markAt = m[2] ? start + s.indexOf(m[2], namesSpan.end - start) : -1;
  return {
    ...info,
    end,
    namesSpan,
    colon: markAt >= 0 ? { span: { start: markAt, end: markAt + 1 }, char: text.charAt(markAt) } : undefined,
    // the names as written, with the word cut short
    ...(cut && role ? { names: [...info.names.slice(0, -1), `${info.names.at(-1)!.slice(0, -role.length)}${cut[1]}`], roleCut: { span: { start: namesSpan.end - 1, end: namesSpan.end }, role } } : {}),
  };
}
