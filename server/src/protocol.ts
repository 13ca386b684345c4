/**
 * The custom requests between the VS Code client and the language server, beyond LSP. Only plain
 * data crosses: the client renders what the server computes and never analyses text itself.
 */
import type { Diagnostic, Position, Range, TextDocumentIdentifier, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentKind, ElementKind } from './model';
import type { Severity } from './rules/types';

/** `proposalReply/structure`: the required elements of one reply and their state. */
export const STRUCTURE_REQUEST = 'proposalReply/structure';
/** `proposalReply/cleanup`: the pasted-text cleanup as one annotated workspace edit and a summary. */
export const CLEANUP_REQUEST = 'proposalReply/cleanup';
/** `proposalReply/renumber`: renumber the whole document, or the level at a position. */
export const RENUMBER_REQUEST = 'proposalReply/renumber';
/** `proposalReply/checkFiles`: check files on disk that are not open (the workspace check). */
export const CHECK_FILES_REQUEST = 'proposalReply/checkFiles';

export interface DocumentParams {
  readonly textDocument: TextDocumentIdentifier;
}

export type ElementState = 'present' | 'missing' | 'problem';

export interface StructureProblem {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
}

export interface StructureItem {
  readonly element: ElementKind;
  /** Display name in the client's locale, e.g. 主送 or addressee. */
  readonly label: string;
  readonly state: ElementState;
  /** False for an element this draft may leave out (next steps in a short reply). */
  readonly required: boolean;
  /** Where the element is, when present. */
  readonly range?: Range;
  /** A short excerpt of the element as written. */
  readonly excerpt?: string;
  readonly problems: readonly StructureProblem[];
  /** For a missing element: the edit that inserts it from its template, and its title. */
  readonly insert?: { readonly title: string; readonly edits: readonly TextEdit[] };
}

export interface StructureReport {
  readonly uri: string;
  readonly version: number;
  readonly kind: DocumentKind;
  readonly kindLabel: string;
  readonly items: readonly StructureItem[];
  /** Required elements present (with or without problems). */
  readonly present: number;
  /** Required elements in all. */
  readonly total: number;
  /** Findings by severity over the whole document. */
  readonly counts: Readonly<Record<Severity, number>>;
}

export interface CleanupSummary {
  readonly junkLines: number;
  readonly junkFragments: number;
  readonly splits: number;
  readonly punctuation: number;
  /** One line for the user, in the client's locale. */
  readonly text: string;
}

export interface CleanupResult {
  /** Empty when there is nothing to clean. Change annotations ask for confirmation (preview). */
  readonly edit: WorkspaceEdit;
  readonly summary: CleanupSummary;
}

export interface RenumberParams extends DocumentParams {
  /** Renumber only the level of the heading at this position; the whole document when absent. */
  readonly position?: Position;
}

export interface RenumberResult {
  readonly edit: WorkspaceEdit;
  /** How many markers change. */
  readonly changed: number;
}

export interface CheckFilesParams {
  readonly uris: readonly string[];
}

export interface CheckFilesResult {
  readonly results: ReadonlyArray<{ readonly uri: string; readonly diagnostics: Diagnostic[] }>;
  readonly skipped: ReadonlyArray<{ readonly uri: string; readonly reason: string }>;
}
