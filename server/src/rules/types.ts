/**
 * The rule interface: the public contract between the rule set and everything that reports
 * findings (language server, CLI, reports). Rule ids are stable kebab-case strings.
 */
import type { DateValue } from '../core/model';
import type { DocumentKind, Reply } from '../core/model';
import type { RegisterContext } from '../register/types';
import type { Span } from '../core/text';
import type { Localized, Severity, SeverityOrOff, TextEdit } from '../core/vocabulary';

/** Where a rule's norm comes from, shown in hover and in the rule's documentation. */
export interface NormSource {
  readonly kind: 'GB/T 9704-2012' | 'GB/T 15834-2011' | 'practice' | 'corpus' | 'configuration';
  /** The clause, e.g. `7.3.5.4`. */
  readonly clause?: string;
  readonly note: Localized;
}

/**
 * The most edits a change is made of, as a rule makes it or as it is sent; past it, one edit of the
 * span they cover does the same (features/edits.ts `compactEdits`; punctuation-width for a paragraph).
 */
export const EDITS_MERGED_ABOVE = 500;

/** A quick fix a rule offers for its finding: edits that change only what the title names. */
export interface Fix {
  readonly title: Localized;
  readonly edits: readonly TextEdit[];
}

export interface RelatedPlace extends Span {
  readonly message: Localized;
}

/** What a rule reports; the engine adds the rule id and the effective severity. */
export interface Report extends Span {
  readonly message: Localized;
  /**
   * The rule is not sure: a block that might be the element is there, but doubtful, or the fault
   * may be the copy's rather than the document's (blanks in a copy from a PDF). The finding is
   * reported one severity lower than the rule's (an error as a warning).
   */
  readonly doubtful?: boolean;
  readonly related?: readonly RelatedPlace[];
  readonly fixes?: readonly Fix[];
}

export interface Finding extends Report {
  readonly ruleId: string;
  readonly severity: Severity;
  /**
   * Set on the one finding that stands for a rule's findings past the engine's caps: how many it
   * stands for (they are counted, not kept; see rules/engine.ts).
   */
  readonly omitted?: number;
}

/** An allowed reply category: its value and what it means (A = solved or mostly solved …). */
export interface CategoryValue {
  readonly value: string;
  readonly meaning?: string;
}

/** The settings the rules read (config/schema.ts resolves them with the rest of the configuration). */
export interface RuleSettings {
  /** The expected signing organisation, when configured. */
  readonly organization?: string;
  readonly categories: readonly CategoryValue[];
  /** Severity overrides by rule id; rules not named keep their default. */
  readonly rules: Readonly<Record<string, SeverityOrOff>>;
}

export interface RuleContext {
  readonly reply: Reply;
  readonly settings: RuleSettings;
  readonly today: DateValue;
  /**
   * The proposal register and the reply's link to it, when a register is configured. The
   * cross-check rules (`register-*`) do nothing without it.
   */
  readonly register?: RegisterContext;
  report(report: Report): void;
}

export interface Rule<Id extends string = string> {
  readonly id: Id;
  readonly defaultSeverity: SeverityOrOff;
  /** One line: what the rule checks. */
  readonly title: Localized;
  /** What is wrong when it fires, and what would be right. */
  readonly description: Localized;
  readonly sources: readonly NormSource[];
  /** The kinds it checks; all kinds when absent. */
  readonly appliesTo?: readonly DocumentKind[];
  /** A short flawed and a corrected snippet for the rule's documentation. */
  readonly example?: { readonly bad: string; readonly good: string };
  check(ctx: RuleContext): void;
}

/** Declares a rule, keeping its id as a literal type for the registry. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
