/**
 * The ordered rule registry. Order matters: findings on one place are listed in this order.
 * To add a rule: its file here, a line below, fixtures under test/fixtures/rules/<id>/,
 * then `npm run generate` for the docs, the JSON schema and package.json; CI checks they agree.
 */
import { rule as addresseeMissing } from './addressee-missing';
import { rule as addresseeColon } from './addressee-colon';
import { rule as addresseeRoleWord } from './addressee-role-word';
import { rule as addressFormMismatch } from './address-form-mismatch';
import { rule as bracketsUnbalanced } from './brackets-unbalanced';
import { rule as categoryInvalid } from './category-invalid';
import { rule as closingMissing } from './closing-missing';
import { rule as contactMissing } from './contact-missing';
import { rule as dateFormat } from './date-format';
import { rule as dateInvalid } from './date-invalid';
import { rule as dateMissing } from './date-missing';
import { rule as docNumberFormat } from './doc-number-format';
import { rule as elementOrder } from './element-order';
import { rule as headingPunctuation } from './heading-punctuation';
import { rule as kindMismatch } from './kind-mismatch';
import { rule as nextStepsMissing } from './next-steps-missing';
import { rule as numberingLevel } from './numbering-level';
import { rule as numberingSequence } from './numbering-sequence';
import { rule as numberingStyle } from './numbering-style';
import { rule as paragraphLineBreak } from './paragraph-line-break';
import { rule as paragraphsRunTogether } from './paragraphs-run-together';
import { rule as pastedJunk } from './pasted-junk';
import { rule as placeholderLeft } from './placeholder-left';
import { rule as proposalNumberMismatch } from './proposal-number-mismatch';
import { rule as punctuationWidth } from './punctuation-width';
import { rule as receiptMissing } from './receipt-missing';
import { rule as receiptTransition } from './receipt-transition';
import { rule as registerAddresseeMismatch } from './register-addressee-mismatch';
import { rule as registerCategoryMismatch } from './register-category-mismatch';
import { rule as registerDeadlinePassed } from './register-deadline-passed';
import { rule as registerDuplicateReply } from './register-duplicate-reply';
import { rule as registerEntryUnknown } from './register-entry-unknown';
import { rule as registerKindMismatch } from './register-kind-mismatch';
import { rule as registerNumberMismatch } from './register-number-mismatch';
import { rule as registerTitleMismatch } from './register-title-mismatch';
import { rule as signatureMissing } from './signature-missing';
import { rule as signatureOrgan } from './signature-organ';
import type { Rule } from './types';

export const RULES = [
  // structure: the elements a draft must have
  addresseeMissing,
  addresseeColon,
  addresseeRoleWord,
  receiptMissing,
  receiptTransition,
  nextStepsMissing,
  closingMissing,
  signatureMissing,
  signatureOrgan,
  dateMissing,
  contactMissing,
  elementOrder,
  placeholderLeft,
  // numbering
  numberingSequence,
  numberingLevel,
  numberingStyle,
  headingPunctuation,
  // formats and consistency
  dateInvalid,
  dateFormat,
  docNumberFormat,
  categoryInvalid,
  proposalNumberMismatch,
  kindMismatch,
  addressFormMismatch,
  // text hygiene
  bracketsUnbalanced,
  punctuationWidth,
  pastedJunk,
  paragraphLineBreak,
  paragraphsRunTogether,
  // cross-checks against the proposal register (only with a register configured)
  registerEntryUnknown,
  registerNumberMismatch,
  registerTitleMismatch,
  registerAddresseeMismatch,
  registerKindMismatch,
  registerCategoryMismatch,
  registerDeadlinePassed,
  registerDuplicateReply,
] as const;

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r as Rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

