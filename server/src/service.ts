/**
 * The reply service: the editor's features on the analysis (analysis.ts), as the language server
 * and the tests use them, returning LSP-shaped values. Features that read only the reply's
 * structure (outline, symbols, folding, completion, renumbering, cleanup) take the cached parse and
 * never wait on the rules. It never touches a connection or the file system.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type FoldingRange, type Hover, MarkupContent, MarkupKind, type Position, type Range,
} from 'vscode-languageserver-types';
import type { EffectiveConfig } from './config/schema';
import { cleanupEdit, planCleanup } from './features/cleanup';
import { codeActions, resolveCodeAction } from './features/codeActions';
import { completions } from './features/completion';
import { rangeOf, toDiagnostics } from './features/diagnostics';
import { toLspEdits } from './features/edits';
import { foldingRanges } from './features/folding';
import { projectFileHover, replyHover } from './features/hover';
import { buildOutline, type OutlineNode } from './features/outline';
import { registerLinkHover } from './features/registerLink';
import { renumberDocument, renumberLevelAt } from './features/renumber';
import { buildStructure } from './features/structure';
import { documentSymbols } from './features/symbols';
import type { CleanupResult, RenumberResult, StructureReport } from './protocol';
import type { Reply } from './core/model';
import { todayOf } from './parse/dates';
import type { Locale } from './core/vocabulary';
import { type Analysis, type AnalyzeExtras, type AnalyzerOptions, createAnalyzer } from './analysis';

export interface ReplyServiceOptions extends AnalyzerOptions {
  /** Link to a rule's documentation for diagnostics' code descriptions. */
  readonly ruleDocsUri?: (ruleId: string) => string | undefined;
  /**
   * The register and batch of a document when a call passes none: the language server supplies its
   * project's register and the workspace batch this way, so every feature sees the same analysis.
   */
  readonly extrasFor?: (doc: TextDocument, config: EffectiveConfig) => AnalyzeExtras | undefined;
}

export interface ReplyService {
  /** Parses and checks a document; cached per URI, version, configuration and register. */
  analyze(doc: TextDocument, config: EffectiveConfig, extras?: AnalyzeExtras): Analysis;
  /** `extras` for a document the caller analyses in a batch of its own (the workspace check of files not open). */
  diagnostics(doc: TextDocument, config: EffectiveConfig, locale: Locale, relatedInformation?: boolean, extras?: AnalyzeExtras): Diagnostic[];
  outline(doc: TextDocument, config: EffectiveConfig): OutlineNode[];
  /** Hierarchical document symbols (Outline view, breadcrumbs). */
  symbols(doc: TextDocument, config: EffectiveConfig, locale: Locale): DocumentSymbol[];
  /** Folding ranges of measure sections, the header and the foot. */
  folding(doc: TextDocument, config: EffectiveConfig): FoldingRange[];
  /** Hover on findings, numbering markers and category values. */
  hover(doc: TextDocument, config: EffectiveConfig, position: Position, locale: Locale): Hover | null;
  /** Hover on rule ids and values in a project file (`.proposal-reply.json`). */
  projectFileHover(doc: TextDocument, position: Position, locale: Locale): Hover | null;
  /** Context-aware completion; `snippets` when the client accepts snippet syntax. */
  completion(doc: TextDocument, config: EffectiveConfig, position: Position, options: { locale: Locale; snippets: boolean }): CompletionItem[];
  /**
   * Quick fixes for the given diagnostics, plus renumbering, width and cleanup actions; with `lazy`
   * they carry `data` instead of their edits, which `resolveCodeAction` makes.
   */
  codeActions(doc: TextDocument, config: EffectiveConfig, range: Range, diagnostics: readonly Diagnostic[], options: { locale: Locale; only?: readonly string[]; lazy?: boolean }): CodeAction[];
  /** The edit of an action `codeActions` listed lazily (`codeAction/resolve`). */
  resolveCodeAction(doc: TextDocument, config: EffectiveConfig, action: CodeAction, locale: Locale): CodeAction;
  /** The required elements of the reply with their state, for the status bar and the structure view. */
  structure(doc: TextDocument, config: EffectiveConfig, locale: Locale): StructureReport;
  /** Renumbers the whole document, or only the level of the heading at `position`. */
  renumber(doc: TextDocument, config: EffectiveConfig, position?: Position): RenumberResult;
  /** The pasted-text cleanup as one annotated workspace edit and a summary. */
  cleanup(doc: TextDocument, config: EffectiveConfig, locale: Locale): CleanupResult;
  /** Drops the cached analysis of a closed document. */
  forget(uri: string): void;
}

export function createReplyService(options: ReplyServiceOptions = {}): ReplyService {
  const now = options.now ?? (() => new Date());
  const analyzer = createAnalyzer(options);
  const docsOption = options.ruleDocsUri ? { ruleDocsUri: options.ruleDocsUri } : {};
  const parse = (doc: TextDocument, config: EffectiveConfig): Reply => analyzer.parse(doc, config);
  const analyze = (doc: TextDocument, config: EffectiveConfig, extras: AnalyzeExtras = options.extrasFor?.(doc, config) ?? {}): Analysis =>
    analyzer.analyze(doc, config, extras);

  return {
    analyze,
    diagnostics(doc, config, locale, relatedInformation = true, extras) {
      const { findings } = extras ? analyze(doc, config, extras) : analyze(doc, config);
      return toDiagnostics(doc, findings, {
        locale,
        relatedInformation,
        ...(options.ruleDocsUri ? { ruleDocsUri: options.ruleDocsUri } : {}),
      });
    },
    outline(doc, config) {
      return buildOutline(parse(doc, config), doc);
    },
    symbols(doc, config, locale) {
      return documentSymbols(parse(doc, config), doc, locale);
    },
    folding(doc, config) {
      return foldingRanges(parse(doc, config), doc);
    },
    hover(doc, config, position, locale) {
      const analysis = analyze(doc, config);
      const offset = doc.offsetAt(position);
      const hover = replyHover(analysis.reply, analysis.findings, doc, offset, config, { locale, ...docsOption });
      const link = registerLinkHover(doc.uri, analysis, offset, locale, todayOf(now()));
      if (!link) return hover;
      const before = hover && MarkupContent.is(hover.contents) ? `${hover.contents.value}\n\n---\n\n` : '';
      return { contents: { kind: MarkupKind.Markdown, value: `${before}${link.value}` }, range: hover?.range ?? rangeOf(doc, link.span) };
    },
    projectFileHover(doc, position, locale) {
      return projectFileHover(doc, doc.offsetAt(position), { locale, ...docsOption });
    },
    completion(doc, config, position, { locale, snippets }) {
      // completion needs the parse and the register link, never the rules
      const reply = parse(doc, config);
      const extras = options.extrasFor?.(doc, config) ?? {};
      const { register } = extras;
      const link = analyzer.linkOf(doc, reply, extras);
      const linked = link && register ? { register: { register, link, ...(config.organization ? { organization: config.organization } : {}) } } : {};
      return completions(reply, doc, doc.offsetAt(position), config, { locale, snippets, today: todayOf(now()), ...linked });
    },
    codeActions(doc, config, range, diagnostics, { locale, only, lazy }) {
      const { reply, findings } = analyze(doc, config);
      const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
      return codeActions(reply, findings, doc, span, diagnostics, config, { locale, today: todayOf(now()), ...(only ? { only } : {}), ...(lazy ? { lazy } : {}) });
    },
    resolveCodeAction(doc, config, action, locale) {
      const { reply, findings } = analyze(doc, config);
      return resolveCodeAction(action, reply, findings, doc, config, { locale, today: todayOf(now()) });
    },
    structure(doc, config, locale) {
      const { reply, findings } = analyze(doc, config);
      return buildStructure(reply, findings, doc, config, { locale, today: todayOf(now()) });
    },
    renumber(doc, config, position) {
      const reply = parse(doc, config);
      const edits = position ? renumberLevelAt(reply, doc.offsetAt(position)) : renumberDocument(reply);
      return { edit: edits.length > 0 ? { changes: { [doc.uri]: toLspEdits(doc, edits) } } : {}, changed: edits.length };
    },
    cleanup(doc, config, locale) {
      return cleanupEdit(doc, planCleanup(parse(doc, config), config, todayOf(now())), locale);
    },
    forget(uri) {
      analyzer.forget(uri);
    },
  };
}
