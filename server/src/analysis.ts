/**
 * The analysis of a document: its parse, cached per document version and configuration, and the
 * rules run on it (with the register cross-checks when a register is given), cached per
 * configuration and register. The CLI checks files with this alone; the reply service (service.ts)
 * builds the editor's features on it. It never touches a connection or the file system.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EffectiveConfig } from './config/schema';
import type { Reply } from './core/model';
import { todayOf } from './parse/dates';
import { parseReply } from './parse';
import { baseName, linkReply } from './register/link';
import type { Register, RegisterContext, RegisterLink } from './register/types';
import { runRules } from './rules/engine';
import type { Finding, Rule } from './rules/types';

export interface AnalyzerOptions {
  /** The clock, for `date-invalid` (future dates). */
  readonly now?: () => Date;
  /** Where internal failures are logged (once per rule id for a failing rule). */
  readonly log?: (message: string) => void;
  /** Rules to run instead of the registry (tests inject failing rules this way). */
  readonly rules?: readonly Rule[];
  /** How many analyses to keep (one per open document is enough). */
  readonly cacheSize?: number;
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

export interface Analyzer {
  /** The document's parse (cached): what the features that never wait on the rules read. */
  parse(doc: TextDocument, config: EffectiveConfig): Reply;
  /** Parses and checks a document; cached per URI, version, configuration and register. */
  analyze(doc: TextDocument, config: EffectiveConfig, extras: AnalyzeExtras): Analysis;
  /** The reply's link to its register entry, when the extras carry a register. */
  linkOf(doc: TextDocument, reply: Reply, extras: AnalyzeExtras): RegisterLink | undefined;
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

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const cacheSize = options.cacheSize ?? 64;
  const cache = new Map<string, CacheEntry>();
  const configKeys = new WeakMap<EffectiveConfig, string>();
  const failedRules = new Set<string>();

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

  const parsed = (doc: TextDocument, config: EffectiveConfig): CacheEntry => {
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

  const linkOf = (doc: TextDocument, reply: Reply, extras: AnalyzeExtras): RegisterLink | undefined =>
    extras.register ? linkReply(reply, extras.fileName ?? baseName(doc.uri), extras.register) : undefined;

  return {
    parse: (doc, config) => parsed(doc, config).reply,
    linkOf,
    analyze(doc, config, extras) {
      const entry = parsed(doc, config);
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
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}
