/**
 * Which genre a document is: a reply to a proposal (提案, CPPCC) or a suggestion (建议, NPC), a
 * co-handling opinion to the lead unit (协办意见), or a rectification report (整改情况报告) — read
 * from the title, the addressee, the receipt line and the document number together.
 */
import type { Addressee, DocumentKind } from '../core/model';

export interface KindEvidence {
  readonly title: string;
  readonly docNumberOrgan: string;
  readonly receipt: string;
  readonly addressee: Addressee | undefined;
  /** The first words of the body: a co-handling opinion may say so only there. */
  readonly opening: string;
}

/** Quoted titles name the other party's item, whose wording says nothing about this document. */
function unquoted(s: string): string {
  return s.replace(/《[^》]*》/g, '').replace(/“[^”]*”/g, '');
}

/** A cue for proposal against suggestion: where it is looked for, what it is, and how much it counts. */
interface KindCue {
  readonly kind: 'proposal-reply' | 'suggestion-reply';
  readonly where: 'title' | 'receipt' | 'organ' | 'addressee';
  readonly cue: RegExp;
  readonly weight: number;
}

const CUES: readonly KindCue[] = [
  { kind: 'suggestion-reply', where: 'title', cue: /建议|议案/, weight: 2 },
  { kind: 'suggestion-reply', where: 'title', cue: /人大|代表/, weight: 2 },
  { kind: 'suggestion-reply', where: 'receipt', cue: /人大|第[^,，。]{0,12}号(代表)?建议|代表建议|议案/, weight: 2 },
  { kind: 'suggestion-reply', where: 'organ', cue: /建议|建复|议/, weight: 1 },
  { kind: 'proposal-reply', where: 'title', cue: /提案/, weight: 2 },
  { kind: 'proposal-reply', where: 'title', cue: /政协/, weight: 3 },
  { kind: 'proposal-reply', where: 'receipt', cue: /提案|政协/, weight: 2 },
  { kind: 'proposal-reply', where: 'organ', cue: /提案|提复|提/, weight: 1 },
  // a body that proposes: a people's congress delegation (思明代表团) or office, a CPPCC committee or sector
  { kind: 'suggestion-reply', where: 'addressee', cue: /代表团|代表小组|人大/, weight: 3 },
  { kind: 'proposal-reply', where: 'addressee', cue: /政协|界别/, weight: 3 },
];

/** A rectification report says so: 整改 in its title, or a lead-in that reports on rectification or an inspection. */
const REPORT_TITLE = /整改/;
/** Whether a title is a rectification report's (整改情况的报告). */
export function isReportTitle(title: string): boolean {
  return REPORT_TITLE.test(unquoted(title));
}
const REPORT_LEAD_IN = /整改[^。]{0,10}(报告|如下)|报告如下|巡察|巡视|督导评估/;
/**
 * A receipt that acknowledges a proposal or a suggestion (`…的提案》（第0143号）收悉`, `…的建议已收悉`)
 * or cites it by its number as one (`第0143号提案`) answers that item, whatever its lead-in says
 * (`现将办理情况报告如下`) and whatever the item is about (巡察, 督导评估) — not a notice that names
 * a suggestion in its title (`《关于反馈巡察整改建议的通知》收悉`).
 */
const ANSWERS_ITEM = /(提案|建议|议案)[》”]?(\([^()]{1,20}\))?[ \t]*已?(收悉|收到)|第[^,，。]{0,12}号(代表)?(提案|建议|议案)/;
/** A reply's title: `…提案的答复`, `…的复函`. */
const REPLY_TITLE = /答复|复函|回复/;
/** A co-handling opinion says so, unless the reply says it leads (由我局主办). */
const CO_HANDLING_TITLE = /协办|会办/;
const CO_HANDLING_SAID = /由(我|本)[^,，。]{0,6}(协办|会办)|作为(协办|会办)|(我|本)[局委办厅院部处][^,，。]{0,4}(协办|会办)|(提出|函告|报送|提供)[^。]{0,10}(协办|会办)意见|(协办|会办)意见如下/;
const LEADS = /由(我|本)[^,，。]{0,6}主办|(我|本)(局|厅|委|办|单位)主办/;
/**
 * A government unit: proposals come from members and parties, suggestions from deputies, so a reply
 * addressed to a unit of government goes to the lead unit — a co-handling opinion. Parties and
 * their committees (民进厦门市委, 九三学社…委员会) and the bodies of the CPPCC and the people's
 * congress (市政协提案委, 市人大常委会代表工委), which propose, are not units of government.
 */
// (not …委员会: the CPPCC's special committees are named so too, 农业和农村委员会)
const GOVERNMENT_UNIT = /(局|厅|街道|办事处|人民政府|政府|办公室|管委会|(?<![市区县省州])委)$/;
const PROPOSER_BODY = /^(民革|民盟|民建|民进|农工|致公|九三|台盟|中国国民党|中国民主|中国农工|中国致公|台湾民主|工商联|共青团|中国共产党|中共)|政协|人大/;

/**
 * Which genre the evidence points to. The genre comes first — a rectification report, a co-handling
 * opinion, or a reply — then, for a reply, proposal or suggestion from the weight of their cues
 * (a tie, or no evidence, makes a proposal reply).
 */
export function detectKind(e: KindEvidence): DocumentKind {
  const title = unquoted(e.title);
  const receipt = unquoted(e.receipt);
  const said = unquoted(e.receipt + e.opening);
  // a reply that reports how it was handled (`现将办理情况报告如下`) says in its title that it replies,
  // or in its receipt that it answers a proposal or a suggestion
  if (isReportTitle(e.title) || (REPORT_LEAD_IN.test(receipt) && !REPLY_TITLE.test(title) && !ANSWERS_ITEM.test(e.receipt))) return 'rectification-report';
  const unit = e.addressee?.form === 'body' && e.addressee.names.some((n) => GOVERNMENT_UNIT.test(n) && !PROPOSER_BODY.test(n));
  if (!LEADS.test(said) && (CO_HANDLING_TITLE.test(title) || CO_HANDLING_SAID.test(said) || unit)) return 'co-handling-opinion';
  const text = { title, receipt, organ: e.docNumberOrgan, addressee: e.addressee?.form === 'body' ? e.addressee.names.join('、') : '' };
  const score = { 'proposal-reply': 0, 'suggestion-reply': 0 };
  for (const c of CUES) if (c.cue.test(text[c.where])) score[c.kind] += c.weight;
  // the addressee's role word: 代表 for an NPC deputy, 委员 for a CPPCC member
  if (e.addressee?.role === 'deputy') score['suggestion-reply'] += 3;
  if (e.addressee?.role === 'member') score['proposal-reply'] += 2;
  return score['suggestion-reply'] > score['proposal-reply'] ? 'suggestion-reply' : 'proposal-reply';
}
