/**
 * Which genre a document is: a reply to a proposal (提案, CPPCC) or a suggestion (建议, NPC), a
 * co-handling opinion to the lead unit (协办意见), or a rectification report (整改情况报告) — read
 * from the title, the addressee, the receipt line and the document number together.
 */
import type { Addressee, DocumentKind } from '../model';

export interface KindEvidence {
  readonly title: string;
  readonly docNumberOrgan: string;
  readonly receipt: string;
  readonly addressee?: Addressee;
  /** The first words of the body: a co-handling opinion may say so only there. */
  readonly opening: string;
}

/** Quoted titles name the other party's item, whose wording says nothing about this document. */
function unquoted(s: string): string {
  return s.replace(/《[^》]*》/g, '').replace(/“[^”]*”/g, '');
}

/** A cue for a kind: where it is looked for, what it is, and how much it counts. */
interface KindCue {
  readonly kind: DocumentKind;
  readonly where: 'title' | 'receipt' | 'said' | 'organ';
  readonly cue: RegExp;
  readonly weight: number;
}

/**
 * The cues, one table: a co-handling opinion or a rectification report says so in its title or its
 * receipt line, and their cues outweigh the proposal or suggestion they are about. `said` is the
 * receipt line and the opening together.
 */
const CUES: readonly KindCue[] = [
  { kind: 'rectification-report', where: 'title', cue: /整改/, weight: 4 },
  { kind: 'rectification-report', where: 'title', cue: /报告$/, weight: 1 },
  { kind: 'rectification-report', where: 'receipt', cue: /整改[^。]{0,10}(报告|如下)|报告如下|巡察|督导评估/, weight: 3 },
  { kind: 'co-handling-opinion', where: 'title', cue: /协办|会办/, weight: 5 },
  { kind: 'co-handling-opinion', where: 'said', cue: /由(我|本)[^,，。]{0,6}(协办|会办)|(协办|会办)(意见|单位|工作)|作为(协办|会办)|(我|本)[局委办厅院部处][^,，。]{0,4}(协办|会办)|函告如下[^。]{0,20}答复/, weight: 5 },
  { kind: 'suggestion-reply', where: 'title', cue: /建议|议案/, weight: 2 },
  { kind: 'suggestion-reply', where: 'title', cue: /人大|代表/, weight: 2 },
  { kind: 'suggestion-reply', where: 'receipt', cue: /人大|第[^,，。]{0,12}号(代表)?建议|代表建议|议案/, weight: 2 },
  { kind: 'suggestion-reply', where: 'organ', cue: /建议|建复|议/, weight: 1 },
  { kind: 'proposal-reply', where: 'title', cue: /提案/, weight: 2 },
  { kind: 'proposal-reply', where: 'title', cue: /政协/, weight: 3 },
  { kind: 'proposal-reply', where: 'receipt', cue: /提案|政协/, weight: 2 },
  { kind: 'proposal-reply', where: 'organ', cue: /提案|提复|提/, weight: 1 },
];

/** Which genre the evidence points to; a tie goes to the kind named first, no evidence to a proposal reply. */
export function detectKind(e: KindEvidence): DocumentKind {
  const text = { title: unquoted(e.title), receipt: unquoted(e.receipt), said: unquoted(e.receipt + e.opening), organ: e.docNumberOrgan };
  const score: Record<DocumentKind, number> = { 'rectification-report': 0, 'co-handling-opinion': 0, 'suggestion-reply': 0, 'proposal-reply': 0 };
  for (const c of CUES) if (c.cue.test(text[c.where])) score[c.kind] += c.weight;
  // the addressee's role word: 代表 for an NPC deputy, 委员 for a CPPCC member
  if (e.addressee?.role === 'deputy') score['suggestion-reply'] += 3;
  if (e.addressee?.role === 'member') score['proposal-reply'] += 2;
  const top = Math.max(...KIND_ORDER.map((k) => score[k]));
  return top === 0 ? 'proposal-reply' : KIND_ORDER.find((k) => score[k] === top)!;
}

/** The order in which a tie is broken. */
const KIND_ORDER = ['rectification-report', 'co-handling-opinion', 'suggestion-reply', 'proposal-reply'] as const;
