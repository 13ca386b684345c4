/**
 * Runs the registry over a parsed reply. A rule that throws is contained: the other rules still
 * report, and the failure goes to `onRuleError` (the service logs it once per rule id). What the
 * rules report is capped per rule and per document (FINDINGS_PER_RULE, FINDINGS_PER_DOCUMENT):
 * the rest of a rule's findings are counted, not kept, and summarised in one finding of that rule,
 * so that a few MB of the wrong text cost a bounded amount of memory and output.
 */
import type { EffectiveConfig } from '../config/schema';
import type { DateValue, Reply } from '../model';
import type { RegisterContext } from '../register/types';
import { RULES } from '.';
import type { Finding, Report, Rule, RuleContext, Severity, SeverityOrOff } from './types';

/** At most this many findings of one rule are kept per document. */
export const FINDINGS_PER_RULE = 200;
/** At most this many findings are kept per document, over all rules (rules run in registry order). */
export const FINDINGS_PER_DOCUMENT = 1000;

export interface RunOptions {
  readonly today: DateValue;
  /** The register link for the cross-check rules; without it they do nothing. */
  readonly register?: RegisterContext;
  /** Rules to run instead of the registry (tests use this to inject a failing rule). */
  readonly rules?: readonly Rule[];
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/** The severity a rule runs at under a configuration, or `off`. */
export function effectiveSeverity(rule: Rule, config: EffectiveConfig): SeverityOrOff {
  return config.rules[rule.id] ?? rule.defaultSeverity;
}

/** A rule that is on under a configuration, with the severity it runs at. */
interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

/**
 * The rules that are on, per rule list and configuration (both immutable once built): resolving
 * severities for every rule on every run cost more than many a rule's check on a short reply.
 */
const activeRules = new WeakMap<readonly Rule[], WeakMap<EffectiveConfig, readonly ActiveRule[]>>();

function rulesOn(rules: readonly Rule[], config: EffectiveConfig): readonly ActiveRule[] {
  let perConfig = activeRules.get(rules);
  if (!perConfig) activeRules.set(rules, (perConfig = new WeakMap()));
  let on = perConfig.get(config);
  if (!on) {
    const list: ActiveRule[] = [];
    for (const rule of rules) {
      const severity = effectiveSeverity(rule, config);
      if (severity !== 'off') list.push({ rule, severity });
    }
    perConfig.set(config, (on = list));
  }
  return on;
}

export function runRules(reply: Reply, config: EffectiveConfig, options: RunOptions): Finding[] {
  const findings: Finding[] = [];
  // one context for every rule; what a rule reports waits in `pending` until its check returns,
  // so that a rule that throws reports nothing. Past a cap a report is only counted: `firstLeftOut`
  // is where the first one was, `leftOut` how many there were
  let pending: Report[] = [];
  let room = 0;
  let leftOut = 0;
  let firstLeftOut: Report | undefined;
  const report = (r: Report): void => {
    if (pending.length < room) pending.push(r);
    else if (leftOut++ === 0) firstLeftOut = r;
  };
  const ctx: RuleContext = options.register
    ? { reply, config, today: options.today, register: options.register, report }
    : { reply, config, today: options.today, report };
  for (const { rule, severity } of rulesOn(options.rules ?? (RULES as readonly Rule[]), config)) {
    if (rule.appliesTo && !rule.appliesTo.includes(reply.kind)) continue;
    room = Math.min(FINDINGS_PER_RULE, FINDINGS_PER_DOCUMENT - findings.length);
    leftOut = 0;
    firstLeftOut = undefined;
    try {
      rule.check(ctx);
    } catch (e) {
      pending = [];
      options.onRuleError?.(rule.id, e);
      continue;
    }
    // Object.assign rather than `{ ...r, ruleId, severity }`: in Node 20's V8 a literal that
    // spreads an object and then names properties takes a slow path, some 20× dearer per finding
    for (const r of pending) findings.push(clamp(Object.assign({}, r, { ruleId: rule.id, severity }), reply.text));
    if (firstLeftOut) findings.push(clamp(leftOutFinding(rule.id, severity, firstLeftOut, leftOut, room === FINDINGS_PER_RULE), reply.text));
    pending = [];
  }
  firstLeftOut = undefined;
  // document order; for one place, registry order (Array.prototype.sort is stable)
  return findings.sort((a, b) => a.start - b.start);
}

/**
 * The one finding that stands for a rule's findings past a cap, where the first of them was; it
 * says how many were left out (`omitted`, which counts add up) and why, and offers no fix.
 */
function leftOutFinding(ruleId: string, severity: Severity, first: Report, count: number, byRuleCap: boolean): Finding {
  const message = byRuleCap
    ? {
      zh: `从此处起还有 ${count} 处同类问题未逐一列出（每份文档每条规则最多列出 ${FINDINGS_PER_RULE} 处）；改正前面的问题后会继续列出。`,
      en: `${count} more finding(s) of this rule from here on are not listed (at most ${FINDINGS_PER_RULE} per rule per document); they are listed as the ones before are fixed.`,
    }
    : {
      zh: `从此处起还有 ${count} 处同类问题未逐一列出（每份文档最多列出 ${FINDINGS_PER_DOCUMENT} 处问题）；改正前面的问题后会继续列出。`,
      en: `${count} more finding(s) of this rule from here on are not listed (at most ${FINDINGS_PER_DOCUMENT} findings per document); they are listed as the ones before are fixed.`,
    };
  return { start: first.start, end: first.end, message, ruleId, severity, omitted: count };
}

/**
 * A finding's span inside the text and on whole characters: rules that cut a span at a fixed
 * length (`start + 12`) may land between the halves of a surrogate pair; the span then widens.
 */
function clamp<T extends { readonly start: number; readonly end: number; readonly related?: ReadonlyArray<{ readonly start: number; readonly end: number }> }>(f: T, text: string): T {
  const n = text.length;
  let start = Math.max(0, Math.min(f.start, n));
  let end = Math.max(start, Math.min(f.end, n));
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  const related = f.related?.map((r) => clamp(r, text));
  const same = start === f.start && end === f.end && (related ?? []).every((r, i) => r === f.related![i]);
  return same ? f : Object.assign({}, f, { start, end }, related ? { related } : {});
}

function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
