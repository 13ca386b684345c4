/**
 * The proposal register: the list of proposals (提案) and suggestions (建议) a department has to
 * answer, as kept in a spreadsheet. Plain data; the parser in `parse.ts` builds it from CSV or JSON
 * text and never touches the file system.
 */
import type { DateValue } from '../core/model';
import type { Localized } from '../core/vocabulary';
import type { Span } from '../core/text';

/** The register's fields, in the order the report shows them. */
export const REGISTER_FIELDS = [
  'number', 'title', 'proposers', 'seconders', 'kind', 'session', 'leadUnit', 'coUnits', 'deadline', 'category',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** What the register says the item is: a CPPCC proposal or an NPC suggestion. */
export type ItemKind = 'proposal' | 'suggestion';

export interface RegisterEntry {
  /** The number as written in the register, `第` and `号` removed: `0087`, `D022`. */
  readonly number: string;
  /** The comparable form of the number (`proposalKey`): case and leading zeros folded. */
  readonly key: string;
  readonly title: string;
  /** The proposers (提案人, 领衔代表), without role words such as 委员 or 代表. */
  readonly proposers: readonly string[];
  /** The seconders (附议人, 联名代表). */
  readonly seconders: readonly string[];
  readonly kind?: ItemKind;
  /** Where the kind came from: the register's own column, or inferred from its session or headers. */
  readonly kindSource?: 'register' | 'inferred';
  /** 届次, e.g. 市政协十四届四次会议. */
  readonly session?: string;
  readonly leadUnit?: string;
  readonly coUnits: readonly string[];
  readonly deadline?: DateValue;
  /** The reply category the register records (A/B/C …), upper-cased. */
  readonly category?: string;
  /** 1-based row as a spreadsheet shows it (the header is a row) or, for JSON, the entry's index. */
  readonly row: number;
  /** 1-based line of the register file where the row starts. */
  readonly line: number;
  /** Where the row is in the register text (UTF-16 offsets), for "go to register entry". */
  readonly span: Span;
}

export type RegisterIssueSeverity = 'error' | 'warning' | 'information';

/**
 * Something wrong in the register file itself. `error`: the row was skipped; `warning`: one value
 * was ignored and the row kept; `information`: a note (an unrecognised column).
 */
export interface RegisterIssue extends Span {
  readonly severity: RegisterIssueSeverity;
  /** 1-based row (see `RegisterEntry.row`); 0 for the file as a whole. */
  readonly row: number;
  /** 1-based line and UTF-16 column in the register file. */
  readonly line: number;
  readonly column: number;
  readonly field?: RegisterField;
  /** The column's header as written, when the issue is about one cell. */
  readonly header?: string;
  readonly message: Localized;
}

export type RegisterFormat = 'csv' | 'json' | 'xlsx';

export interface Register {
  readonly format: RegisterFormat;
  readonly entries: readonly RegisterEntry[];
  readonly issues: readonly RegisterIssue[];
  /** Which header fed each field (CSV) or which key (JSON); fields not found are absent. */
  readonly columns: Partial<Readonly<Record<RegisterField, string>>>;
  /** The entries by `key`; the first of two rows with one number wins (the second is an issue). */
  readonly byKey: ReadonlyMap<string, RegisterEntry>;
}

/** How a reply was tied to its register entry. */
export type LinkSource = 'title' | 'receipt' | 'file-name';

export interface RegisterLink {
  /** The entry the reply answers; absent when none could be found. */
  readonly entry?: RegisterEntry;
  /** Every entry the reply answers, `entry` first (a joint reply answers several). */
  readonly entries: readonly RegisterEntry[];
  readonly via?: LinkSource;
  /** The comparable numbers the reply cites in its title and receipt line, in order. */
  readonly cited: readonly string[];
}

/** What the cross-check rules see: the register and the reply's link to it. */
export interface RegisterContext {
  readonly register: Register;
  readonly link: RegisterLink;
  /** Other replies in the batch linked to the same entry (paths or URIs), for `register-duplicate-reply`. */
  readonly duplicates: readonly string[];
}
