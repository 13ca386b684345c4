/**
 * The reply service: the one facade through which the language server, the CLI and the tests use
 * the analyzer. It parses once per document version and configuration, caches the analysis, and
 * returns LSP-shaped values. Features that read only the reply's structure (outline, symbols,
 * folding, completion, renumbering, cleanup) take the cached parse and never wait on the rules.
 * It never touches a connection or the file system.
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
import { parseReply } from './parse';
import { baseName, linkReply } from './register/link';
import type { Register, RegisterContext, RegisterLink } from './register/types';
import { runRules } from './rules/engine';
import type { Locale } from './core/vocabulary';
import type { Finding, Rule } from './rules/types';

export interface ReplyServiceOptions {
  /** The clock, for `date-invalid` (future dates) and date completions. */
  readonly now?: () => Date;
  /** Where internal failures are logged (once per rule id for a failing rule). */
  readonly log?: (message: string) => void;
  /** Link to a rule's documentation for diagnostics' code descriptions. */
  readonly ruleDocsUri?: (ruleId: string) => string | undefined;
  /** Rules to run instead of the registry (tests inject failing rules this way). */
  readonly rules?: readonly Rule[];
  /** How many analyses to keep (one per open document is enough). */
  readonly cacheSize?: number;
  /**
   * The register and batch of a document when a call passes none: the language server supplies its
   * project's register and the workspace batch this way, so every feature sees the same analysis.
   */
  readonly extrasFor?: (doc: TextDocument, config: EffectiveConfig) => AnalyzeExtras | undefined;
}

export interface Analysis {
  readonly reply: Reply;
  readonly findings: readonly Finding[];
  /** The reply's link to the register, when a register was given. */
  readonly link?: RegisterLink;
  /** The register it was checked against. */
  readonly register?: Register;
}

/** What the register cross-checks need beyond the document and its configuration. */
export interface AnalyzeExtras {
  /** The parsed register; when given, the reply is linked to it and the `register-*` rules run. */
  readonly register?: Register;
  /**
   * The batch: entry key → the replies linked to it (document URIs, or whatever identifies them;
   * the document's own URI is left out). Feeds `register-duplicate-reply`; see `batchLinks()`.
   */
  readonly batchLinks?: ReadonlyMap<string, readonly string[]>;
  /** The file name the link may read a number from; by default the last part of the URI. */
  readonly fileName?: string;
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

interface CacheEntry {
  readonly version: number;
  readonly text: string;
  readonly kind: string;
  readonly reply: Reply;
  /** The last checks run on the parse: the configuration and register they ran with. */
  checkKey?: string;
  analysis?: Analysis;
}

export function createReplyService(options: ReplyServiceOptions = {}): ReplyService {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const cacheSize = options.cacheSize ?? 64;
  const cache = new Map<string, CacheEntry>();
  const configKeys = new WeakMap<EffectiveConfig, string>();
  const failedRules = new Set<string>();
  const docsOption = options.ruleDocsUri ? { ruleDocsUri: options.ruleDocsUri } : {};

  const keyOf = (config: EffectiveConfig): string => {
    let k = configKeys.get(config);
    if (k === undefined) {
      k = JSON.stringify(config);
      configKeys.set(config, k);
    }
    return k;
  };

  const registerIds = new WeakMap<Register, number>();
  let nextRegisterId = 1;
  const registerId = (r: Register | undefined): number => {
    if (!r) return 0;
    let id = registerIds.get(r);
    if (id === undefined) {
      id = nextRegisterId++;
      registerIds.set(r, id);
    }
    return id;
  };

  const parse = (doc: TextDocument, config: EffectiveConfig): CacheEntry => {
    const hit = cache.get(doc.uri);
    const text = doc.getText();
    // the text comparison guards callers that reuse a version number for new text
    if (hit && hit.version === doc.version && hit.kind === config.kind && hit.text === text) return hit;
    const reply = parseReply(text, config.kind === 'auto' ? {} : { kind: config.kind });
    if (reply.parseError) log(`parser failed on ${doc.uri}: ${reply.parseError}`);
    const entry: CacheEntry = { version: doc.version, text, kind: config.kind, reply };
    cache.delete(doc.uri);
    cache.set(doc.uri, entry);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return entry;
  };

  /** The reply's link to its register entry, when the extras carry a register. */
  const linkOf = (doc: TextDocument, reply: Reply, extras: AnalyzeExtras): RegisterLink | undefined =>
    extras.register ? linkReply(reply, extras.fileName ?? baseName(doc.uri), extras.register) : undefined;

  const analyze = (doc: TextDocument, config: EffectiveConfig, extras: AnalyzeExtras = options.extrasFor?.(doc, config) ?? {}): Analysis => {
    const entry = parse(doc, config);
    const { reply } = entry;
    let registerContext: RegisterContext | undefined;
    const link = linkOf(doc, reply, extras);
    if (extras.register && link) {
      const duplicates: string[] = [];
      for (const e of link.entries) {
        for (const other of extras.batchLinks?.get(e.key) ?? []) if (other !== doc.uri && !duplicates.includes(other)) duplicates.push(other);
      }
      registerContext = { register: extras.register, link, duplicates };
    }
    const checkKey = `${keyOf(config)}\u0000${registerId(extras.register)}\u0000${extras.fileName ?? ''}\u0000${registerContext?.duplicates.join('\u0001') ?? ''}`;
    if (entry.analysis && entry.checkKey === checkKey) return entry.analysis;
    const findings = runRules(reply, config, {
      today: todayOf(now()),
      ...(registerContext ? { register: registerContext } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
      onRuleError: (ruleId, e) => {
        if (failedRules.has(ruleId)) return;
        failedRules.add(ruleId);
        log(`rule ${ruleId} failed and was skipped: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      },
    });
    const analysis: Analysis = { reply, findings, ...(registerContext ? { link: registerContext.link, register: registerContext.register } : {}) };
    entry.checkKey = checkKey;
    entry.analysis = analysis;
    return analysis;
  };

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
      return buildOutline(parse(doc, config).reply, doc);
    },
    symbols(doc, config, locale) {
      return documentSymbols(parse(doc, config).reply, doc, locale);
    },
    folding(doc, config) {
      return foldingRanges(parse(doc, config).reply, doc);
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
      const { reply } = parse(doc, config);
      const extras = options.extrasFor?.(doc, config) ?? {};
      const { register } = extras;
      const link = linkOf(doc, reply, extras);
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
      const { reply } = parse(doc, config);
      const edits = position ? renumberLevelAt(reply, doc.offsetAt(position)) : renumberDocument(reply);
      return { edit: edits.length > 0 ? { changes: { [doc.uri]: toLspEdits(doc, edits) } } : {}, changed: edits.length };
    },
    cleanup(doc, config, locale) {
      return cleanupEdit(doc, planCleanup(parse(doc, config).reply, config, todayOf(now())), locale);
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}
