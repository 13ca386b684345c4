/**
 * The elements of a reply, one table: where each stands in the order a reviewer expects, which
 * kinds of document must have it, the rule that reports it missing and the rules that report
 * problems with it when it is there, and its name. The outline, the structure view and the status
 * bar, the batch report, element-order, the missing-element rules' reach and the editor's labels
 * all read it; a test checks that every rule id named here is a rule of the registry.
 */
import { DOCUMENT_KINDS, type DocumentKind, type ElementKind } from './model';
import type { Localized } from './vocabulary';

export interface ElementSpec {
  readonly kind: ElementKind;
  /**
   * Its place in the order element-order checks (a higher rank comes later); none where regions
   * differ, or where a published page hides it (the page's heading stands above the document number).
   */
  readonly rank?: number;
  /** The kinds of document that must have it (the structure view counts them). */
  readonly requiredFor: readonly DocumentKind[];
  /** The rule that reports it missing. */
  readonly missingRule?: string;
  /** The rules whose findings are problems of it when it is there. */
  readonly problemRules: readonly string[];
  readonly label: Localized;
}

const ALL = DOCUMENT_KINDS;
/** A co-handling opinion answers the lead unit, not the proposer: it owes no next steps. */
const WITH_NEXT_STEPS = DOCUMENT_KINDS.filter((k) => k !== 'co-handling-opinion');

export const ELEMENTS: readonly ElementSpec[] = [
  { kind: 'docNumber', requiredFor: [], problemRules: ['doc-number-format'], label: { zh: '发文字号', en: 'document number' } },
  { kind: 'title', rank: 1, requiredFor: [], problemRules: [], label: { zh: '标题', en: 'title' } },
  { kind: 'category', requiredFor: [], problemRules: ['category-invalid'], label: { zh: '答复类别', en: 'category' } },
  { kind: 'addressee', rank: 2, requiredFor: ALL, missingRule: 'addressee-missing', problemRules: ['addressee-colon', 'addressee-role-word', 'address-form-mismatch'], label: { zh: '主送', en: 'addressee' } },
  { kind: 'receipt', rank: 3, requiredFor: ALL, missingRule: 'receipt-missing', problemRules: ['receipt-transition', 'proposal-number-mismatch', 'kind-mismatch'], label: { zh: '收文说明', en: 'receipt line' } },
  { kind: 'opening', requiredFor: [], problemRules: [], label: { zh: '开头', en: 'opening' } },
  { kind: 'measure', rank: 5, requiredFor: ALL, problemRules: ['numbering-sequence', 'numbering-level', 'numbering-style'], label: { zh: '措施', en: 'measure' } },
  { kind: 'nextSteps', rank: 6, requiredFor: WITH_NEXT_STEPS, missingRule: 'next-steps-missing', problemRules: [], label: { zh: '下一步', en: 'next steps' } },
  { kind: 'closing', rank: 7, requiredFor: ALL, missingRule: 'closing-missing', problemRules: [], label: { zh: '结束语', en: 'closing' } },
  { kind: 'signature', rank: 8, requiredFor: ALL, missingRule: 'signature-missing', problemRules: ['signature-organ'], label: { zh: '署名', en: 'signature' } },
  { kind: 'date', rank: 9, requiredFor: ALL, missingRule: 'date-missing', problemRules: ['date-format', 'date-invalid'], label: { zh: '成文日期', en: 'date' } },
  { kind: 'contact', requiredFor: [], missingRule: 'contact-missing', problemRules: [], label: { zh: '联系人', en: 'contact' } },
  { kind: 'annotation', requiredFor: [], problemRules: [], label: { zh: '附注', en: 'annotation' } },
  { kind: 'copyTo', requiredFor: [], problemRules: [], label: { zh: '抄送', en: 'copy to' } },
];

export const ELEMENT: Readonly<Record<ElementKind, ElementSpec>> = Object.fromEntries(ELEMENTS.map((e) => [e.kind, e])) as Record<ElementKind, ElementSpec>;

/** The elements a kind of document must have, in document order. */
export function requiredElements(kind: DocumentKind): ElementSpec[] {
  return ELEMENTS.filter((e) => e.requiredFor.includes(kind));
}

/** The rules that say an element is absent (they report nothing on a document with no content yet). */
export const MISSING_RULES: ReadonlySet<string> = new Set(ELEMENTS.flatMap((e) => (e.missingRule ? [e.missingRule] : [])));
