/**
 * The custom requests between the VS Code client and the language server, beyond LSP. Only plain
 * data crosses: the client renders what the server computes and never analyses text itself.
 */
import type { Diagnostic, Position, Range, TextDocumentIdentifier, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentKind, ElementKind } from '../core/model';
import type { EntryState } from '../report/batch';
import type { ReportFormat } from '../report/formats';
import type { Severity } from '../core/vocabulary';

/** `proposalReply/structure`: the required elements of one reply and their state. */
export const STRUCTURE_REQUEST = 'proposalReply/structure';
/** `proposalReply/cleanup`: the pasted-text cleanup as one annotated workspace edit and a summary. */
export const CLEANUP_REQUEST = 'proposalReply/cleanup';
/** `proposalReply/renumber`: renumber the whole document, or the level at a position. */
export const RENUMBER_REQUEST = 'proposalReply/renumber';
/** `proposalReply/checkFiles`: check files on disk that are not open (the workspace check). */
export const CHECK_FILES_REQUEST = 'proposalReply/checkFiles';
/** `proposalReply/batch`: the register entries of each project, grouped by state (the batch view). */
export const BATCH_REQUEST = 'proposalReply/batch';
/**
 * `proposalReply/batchChanged` (server → client notification, no params): a project file, a register
 * or a reply on disk changed, so the batch view asks again (a reply edited in the editor changes
 * diagnostics instead, which the view follows by itself).
 */
export const BATCH_CHANGED_NOTIFICATION = 'proposalReply/batchChanged';
/** `proposalReply/newReply`: the conventional file and the skeleton of a new reply for a register entry. */
export const NEW_REPLY_REQUEST = 'proposalReply/newReply';
/** `proposalReply/report`: the batch report of a project in a chosen format (the client writes it where the user chose). */
export const REPORT_REQUEST = 'proposalReply/report';

/**
 * The read-only view of a Word document in the editor: `proposal-reply-docx:` with the path of the
 * .docx file; the client asks the server for its text with `proposalReply/extractWord`.
 */
export const WORD_VIEW_SCHEME = 'proposal-reply-docx';
/** `proposalReply/extractWord`: the text of a .docx on disk, as the checker reads it. */
export const EXTRACT_WORD_REQUEST = 'proposalReply/extractWord';
/** `proposalReply/exportDocx`: an open reply as a Word document laid out by GB/T 9704 (the client writes it where the user chose). */
export const EXPORT_DOCX_REQUEST = 'proposalReply/exportDocx';

export interface ExtractWordParams {
  /** The `file:` URI of the .docx. */
  readonly uri: string;
}

/** The extracted text, or why there is none (a message for the user). */
export interface ExtractWordResult {
  readonly text?: string;
  readonly problem?: string;
}

export interface ExportDocxParams {
  readonly textDocument: TextDocumentIdentifier;
  /** The file name the client will write, for the summary. */
  readonly target: string;
}

export interface ExportDocxResult {
  /** The .docx bytes, base64. */
  readonly base64: string;
  /** One line for the user: the layout used and the elements not found. */
  readonly summary: string;
}

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
  /**
   * How serious the state is: the worst problem of a present element; for a missing one, the
   * severity its missing-element rule reported it at (none when the rule is off, or the document
   * has no content yet). The view's icon follows it.
   */
  readonly severity?: Severity;
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

/** What a clean-up does, counted by kind (features/cleanup.ts). */
export interface CleanupCounts {
  readonly junkLines: number;
  readonly junkFragments: number;
  /** Runs of invisible characters deleted (zero-width spaces and the like, parse/invisible.ts). */
  readonly invisible: number;
  readonly splits: number;
  /** Line breaks taken out of paragraphs. */
  readonly joins: number;
  /** Blanks a copy from print put between digits or letters and Chinese text. */
  readonly spacing: number;
  /** Runs of blanks after punctuation in a text typed the Latin way. */
  readonly latinBlanks: number;
  readonly punctuation: number;
}

export interface CleanupSummary extends CleanupCounts {
  /** One line for the user, in the client's locale. */
  readonly text: string;
}

export interface CleanupResult {
  /** Empty when there is nothing to clean; otherwise one versioned text-document edit. */
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

export interface BatchParams {
  /** The project files (`.proposal-reply.json`) whose batches to show; those without a register are left out. */
  readonly projectFiles: readonly string[];
}

export interface BatchItem {
  /** The entry's comparable number; absent for a reply the register does not list. */
  readonly entryKey?: string;
  /** `第20250136号 关于…的建议`, or the reply's file name when it is not in the register. */
  readonly label: string;
  /** Proposers, lead unit and deadline, or why the reply is not in the register. */
  readonly description: string;
  readonly state: EntryState;
  readonly overdue: boolean;
  readonly daysOverdue?: number;
  /** The entry has more than one reply. */
  readonly duplicate: boolean;
  /** The reply, when there is one. */
  readonly replyUri?: string;
  /** Errors and warnings in the reply. */
  readonly errors: number;
  readonly warnings: number;
}

export interface BatchGroup {
  readonly state: EntryState;
  /** `未答复 (2)`: the state and its count, in the client's locale. */
  readonly label: string;
  readonly count: number;
  readonly overdue: number;
  readonly items: readonly BatchItem[];
}

export interface BatchView {
  readonly projectFile: string;
  /** The register file, when it could be read. */
  readonly registerUri?: string;
  /** The project folder and the register as shown to the user: `examples/register · register.csv`. */
  readonly label: string;
  /** Why the register cannot be used (outside the workspace, unreadable …). */
  readonly problem?: string;
  readonly groups: readonly BatchGroup[];
}

export interface BatchResult {
  readonly batches: readonly BatchView[];
}

export interface NewReplyParams {
  readonly projectFile: string;
  readonly entryKey: string;
}

export interface NewReplyResult {
  /** Where the reply goes: the project folder and the conventional name, `20250136-陈明远.reply`. */
  readonly uri: string;
  /** The whole reply skeleton for the entry. */
  readonly text: string;
}

export interface ReportParams {
  readonly projectFile: string;
  readonly format: ReportFormat;
  /** Where the client will write it, so that the HTML page links the replies relative to it. */
  readonly outputUri?: string;
}

export interface ReportResult {
  readonly text: string;
  /** One line for the user: rows, replies missing, errors, warnings, overdue. */
  readonly summary: string;
}
