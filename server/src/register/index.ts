/** The proposal register: parsing, linking, completions and the path rule, for the CLI and the server. */
export * from './types';
export { type ColumnMapping, FIELD_LABEL, HEADER_ALIASES, matchHeaders, normalizeHeader } from './columns';
export { decodeRegisterBytes, parseRegister, parseRegisterRows, REGISTER_MAX_BYTES, type SheetRow, type RegisterDecodeResult, type RegisterOptions } from './parse';
export { baseName, fileNameNumbers, linkReply } from './link';
export { formatRegisterIssue, isInside, registerIssueText, resolveRegisterPath, type RegisterPathResult } from './location';
export {
  addresseeCompletions, conventionalFileName, defaultReplyKind, type DraftOptions, entryDetail, entryLabel, receiptLineFor, registerHover, replySkeleton,
  replyTitleFor, type SkeletonOptions,
} from './complete';
