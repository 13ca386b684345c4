/**
 * The reply service: the one facade through which the language server, the CLI and the tests use
 * the analyzer. It parses once per document version and configuration, caches the analysis, and
 * returns LSP-shaped values. It never touches a connection or the file system.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { EffectiveConfig } from './config/schema';
import { toDiagnostics } from './features/diagnostics';
import { buildOutline, type OutlineNode } from './features/outline';
import type { Reply } from './model';
import { todayOf } from './parse/dates';
import { parseReply } from './parse';
import { runRules } from './rules/engine';
import type { Finding, Locale, Rule } from './rules/types';

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
}

export interface Analysis {
  readonly reply: Reply;
  readonly findings: readonly Finding[];
}

export interface ReplyService {
  /** Parses and checks a document; cached per URI, version and configuration. */
  analyze(doc: TextDocument, config: EffectiveConfig): Analysis;
  diagnostics(doc: TextDocument, config: EffectiveConfig, locale: Locale, relatedInformation?: boolean): Diagnostic[];
  outline(doc: TextDocument, config: EffectiveConfig): OutlineNode[];
  /** Drops the cached analysis of a closed document. */
  forget(uri: string): void;
}

interface CacheEntry {
  readonly version: number;
  readonly configKey: string;
  readonly text: string;
  readonly analysis: Analysis;
}

export function createReplyService(options: ReplyServiceOptions = {}): ReplyService {
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

  const analyze = (doc: TextDocument, config: EffectiveConfig): Analysis => {
    const configKey = keyOf(config);
    const hit = cache.get(doc.uri);
    const text = doc.getText();
    // the text comparison guards callers that reuse a version number for new text
    if (hit && hit.version === doc.version && hit.configKey === configKey && hit.text === text) return hit.analysis;
    const reply = parseReply(text, config.kind === 'auto' ? {} : { kind: config.kind });
    if (reply.parseError) log(`parser failed on ${doc.uri}: ${reply.parseError}`);
    const findings = runRules(reply, config, {
      today: todayOf(now()),
      ...(options.rules ? { rules: options.rules } : {}),
      onRuleError: (ruleId, e) => {
        if (failedRules.has(ruleId)) return;
        failedRules.add(ruleId);
        log(`rule ${ruleId} failed and was skipped: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      },
    });
    const analysis: Analysis = { reply, findings };
    cache.delete(doc.uri);
    cache.set(doc.uri, { version: doc.version, configKey, text, analysis });
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return analysis;
  };

  return {
    analyze,
    diagnostics(doc, config, locale, relatedInformation = true) {
      const { findings } = analyze(doc, config);
      return toDiagnostics(doc, findings, {
        locale,
        relatedInformation,
        ...(options.ruleDocsUri ? { ruleDocsUri: options.ruleDocsUri } : {}),
      });
    },
    outline(doc, config) {
      return buildOutline(analyze(doc, config).reply, doc);
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}
