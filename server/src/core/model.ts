/**
 * The reply model: what the parser finds in a draft reply. Every element carries the span of text
 * it was found in (UTF-16 offsets into the original text). The model is plain data, so the rules,
 * the editor features and the CLI can all read it, and it never refers back to the parser.
 */
import type { LineInfo, Span } from './text';

export const DOCUMENT_KINDS = ['proposal-reply', 'suggestion-reply', 'co-handling-opinion', 'rectification-report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The element kinds as they appear in outlines, structure views and the CLI's JSON. */
export const ELEMENT_KINDS = [
  'docNumber', 'title', 'category', 'addressee', 'receipt', 'opening', 'measure', 'nextSteps',
  'closing', 'signature', 'date', 'contact', 'annotation', 'copyTo',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** A stretch of text the parser treats as one paragraph: a line, or a piece of a run-on pasted line. */
export interface Block extends Span {
  /** Index of the physical line the block starts on. */
  readonly line: number;
}

export interface JunkSpan extends Span {
  /** Why it is junk, e.g. `web-metadata`, `share-widget`, `table-border`. */
  readonly reason: string;
  /** True when the junk fills its whole line (the fix deletes the line). */
  readonly wholeLine: boolean;
  readonly line: number;
  /** What pasted markup stands for in plain text (`&ldquo;` → “); absent: the junk goes. */
  readonly plainText?: string;
}

/** 发文字号, e.g. 厦教提案函〔2024〕43号, with its parts as written. */
export interface DocNumber extends Span {
  readonly organ: string;
  readonly open: string;
  readonly year: string;
  readonly close: string;
  readonly hasDi: boolean;
  readonly serial: string;
  /** False when the closing 号 is lost (`舞教〔2022106`). */
  readonly hasHao: boolean;
  /** True when blanks stand inside the number (`〔2021〕105 号`). */
  readonly spaced: boolean;
}

/** A proposal or suggestion number as cited, e.g. `第0087号`; `key` is the comparable form. */
export interface ProposalNumberRef extends Span {
  readonly value: string;
  readonly key: string;
}

export interface Title extends Span {
  /** The title's lines (a title may run over two or three lines). */
  readonly lines: Span[];
  readonly text: string;
  /** The issuing organ named before 关于/对, e.g. 市教育局. */
  readonly organ: string | undefined;
  readonly proposalNumbers: ProposalNumberRef[];
}

export interface Category extends Span {
  readonly value: string;
  readonly valueSpan: Span;
}

export interface Signatory extends Span {
  readonly name: string;
}

/** How the reply addresses its reader, as implied by the addressee. */
export type AddresseeForm = 'person' | 'persons' | 'body';

export interface Addressee extends Span {
  readonly namesSpan: Span;
  readonly names: string[];
  readonly form: AddresseeForm;
  /** `member` for 委员 (CPPCC), `deputy` for 代表 (NPC), otherwise `other`. */
  readonly role: 'member' | 'deputy' | 'other';
  /** The punctuation after the names, if any (`：`, `:`, `，` …). */
  readonly colon: { readonly span: Span; readonly char: string } | undefined;
  /** A role word that lost a character (`伏正洪代：` for 代表): where it stands and what it should read. */
  readonly roleCut?: { readonly span: Span; readonly role: '代表' | '委员' };
}

export interface QuotedTitle extends Span {
  readonly text: string;
}

export interface ReceiptLine extends Span {
  readonly quotedTitles: QuotedTitle[];
  readonly proposalNumbers: ProposalNumberRef[];
  /** The transition `…如下：`, when present. */
  readonly transition: (Span & { readonly text: string }) | undefined;
}

export type NumberingLevel = 1 | 2 | 3 | 4;

export interface NumberingMarker extends Span {
  /** GB/T 9704-2012 7.3.3 level: 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`. */
  readonly level: NumberingLevel;
  /** 0 when the numeral was lost (`、关于…`): numbering-sequence reports it. */
  readonly ordinal: number;
  /** The marker as written, e.g. `（一）`, `1、`. */
  readonly text: string;
  /** The separator after the numeral (`、` `.` `．`), or after the closing bracket for levels 2 and 4. */
  readonly separator: string;
}

export interface MeasureHeading extends Span {
  readonly marker: NumberingMarker;
  /** The heading's title: the whole line for a stand-alone heading, the first sentence for a paragraph opener. */
  readonly title: Span;
  readonly titleText: string;
  readonly form: 'standalone' | 'paragraph';
  /** Index of the parent in `Reply.headings`, or -1 for a top-level heading. */
  readonly parent: number;
  readonly children: MeasureHeading[];
  /** True when the heading introduces next steps (下一步工作打算, 今后推动计划 …). */
  readonly isNextSteps: boolean;
}

/** One cue `一是` of an inline enumeration (its text is the document's between start and end). */
export interface EnumerationItem extends Span {
  readonly ordinal: number;
}

/** An inline enumeration `一是…二是…三是…` within one measure section. */
export interface InlineEnumeration extends Span {
  readonly items: EnumerationItem[];
}

export interface NextSteps extends Span {
  readonly form: 'heading' | 'paragraph';
  /** The cue word, e.g. `下一步`. */
  readonly cue: Span;
}

export interface DateValue {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type DateStyle =
  | 'standard' | 'leading-zero' | 'chinese-numerals' | 'numeric' | 'hao' | 'spaced' | 'full-width-digits' | 'short-year'
  /** 年月日 lost, digits run together (`20211022`): the value is the first real reading. */
  | 'run-together'
  /** A 年, 月 or 日 lost with the numbers there, or blanks for them (`2023年7月12`, `2023 7 12`). */
  | 'lost-mark'
  /** A part is missing (`2024年4月`, `2021`, `年4月15日`): it is 0. */
  | 'incomplete';

export interface DateElement extends Span {
  readonly raw: string;
  readonly value: DateValue;
  /** Every way the written form departs from `YYYY年M月D日`; empty when it conforms. */
  readonly styles: DateStyle[];
}

export interface Signature extends Span {
  readonly names: string[];
}

export type Paragraph = Block;

/**
 * The role the parser gave a block (parse/roles.ts says what each means and how it is recognised).
 * `junk` is page furniture; `other` is what no role claims (it stays in the model as `unplaced`).
 */
export type BlockRole =
  | 'junk' | 'other'
  | 'issuer' | 'docNumber' | 'title' | 'titleMore' | 'subtitle' | 'category' | 'mark' | 'itemMark'
  | 'addressee' | 'greeting' | 'receipt'
  | 'opening' | 'body' | 'heading'
  | 'closing' | 'lateClosing'
  | 'signature' | 'date' | 'signatureDate' | 'contact' | 'annotation' | 'attachment' | 'attachmentItem' | 'copyTo' | 'printLine' | 'footCategory' | 'footMark';

export interface RoleSpan extends Block {
  readonly role: BlockRole;
}

/** A block that could be a missing element but is doubtful: the finding names it instead of crying "missing". */
export interface Candidate extends Span {
  /** Why it is not taken for the element, e.g. that it lacks its colon. */
  readonly doubt: 'no-role-word' | 'not-a-date' | 'not-an-organ';
}

export interface Reply {
  readonly text: string;
  /** `text` with full-width ASCII folded to half-width (same length, same offsets). */
  readonly folded: string;
  readonly lines: LineInfo[];
  /** Content blocks in document order, junk excluded. */
  readonly blocks: Block[];
  readonly junk: JunkSpan[];
  /** Every block with the role the parser gave it, junk included, in document order. */
  readonly roles: RoleSpan[];
  /** Content blocks no role claims: page text the parser does not know, kept so that rules and views can see them. */
  readonly unplaced: Block[];
  /** For a required element the parser did not find, a block that might be it. */
  readonly candidates: { readonly addressee?: Candidate; readonly signature?: Candidate; readonly date?: Candidate };
  readonly kind: DocumentKind;
  readonly kindSource: 'configured' | 'detected';
  readonly docNumber: DocNumber | undefined;
  readonly title: Title | undefined;
  readonly category: Category | undefined;
  readonly signatory: Signatory | undefined;
  readonly addressee: Addressee | undefined;
  readonly receipt: ReceiptLine | undefined;
  readonly opening: Span | undefined;
  /** Top-level measure headings with their sub-items. */
  readonly measures: MeasureHeading[];
  /** Every measure heading, in document order. */
  readonly headings: MeasureHeading[];
  readonly enumerations: InlineEnumeration[];
  readonly nextSteps: NextSteps[];
  readonly closing: Span | undefined;
  readonly signature: Signature | undefined;
  readonly date: DateElement | undefined;
  readonly contacts: Span[];
  readonly annotation: Span | undefined;
  readonly copyTo: Span | undefined;
  /** Body paragraphs between the receipt line and the footer. */
  readonly body: Paragraph[];
  /**
   * In a hard-wrapped text (a PDF or a printout copied), the line breaks inside paragraphs, each
   * with the blanks before it: the parser reads through them (parse/unwrap.ts). Empty otherwise.
   */
  readonly wraps: Span[];
  /** Set only when the parser failed internally; the model then holds nothing but lines. */
  readonly parseError?: string;
}
