/**
 * Runs the registry over a parsed reply. A rule that throws is contained: the other rules still
 * report, and the failure goes to `onRuleError` (the service logs it once per rule id). A document
 * with no content yet gets no "missing element" findings (`hasNoContentYet`), and a finding that a
 * register rule makes again is reported once (`SUPERSEDED_BY`). What the rules report is capped per
 * rule and per document (FINDINGS_PER_RULE, FINDINGS_PER_DOCUMENT): the rest of a rule's findings
 * are counted, not kept, and summarised in one finding of that rule, so that a few MB of the wrong
 * text cost a bounded amount of memory and output.
 */
import type { DateValue, Reply } from '../core/model';
import type { RegisterContext } from '../register/types';
import { MISSING_RULES } from '../core/elements';
import { RULES } from '../rules';
import { isBlank } from '../core/text';
import type { Severity, SeverityOrOff } from '../core/vocabulary';
import type { Finding, Report, Rule, RuleContext, RuleSettings } from './types';

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

/** A document whose only paragraph has at most this many characters, blanks aside, has no content yet. */
export const NOT_STARTED_MAX_CHARS = 30;

/**
 * Whether a document has no content yet: nothing, or one short paragraph (at most
 * NOT_STARTED_MAX_CHARS characters, blanks aside) — an empty file, a snippet prefix being typed
 * (the longest, `rectification-report`, has 20), the first words of a first line. Such a draft is
 * not a reply missing its parts, so the missing-element rules (MISSING_RULES) report nothing on it; the structure
 * view still lists what it needs, without a severity. Two paragraphs, or one longer one (a whole
 * page pasted as one line), is content.
 */
export const NOT_STARTED_NOTE = {
  zh: `尚未动笔的文档（没有内容，或只有一段不超过 ${NOT_STARTED_MAX_CHARS} 个字的文字，如正在输入的代码片段前缀）不报告缺少的要素：新建的文件在开始起草时不会满屏报错；“答复结构”视图照常列出应有的要素（不标级别）。一旦有两段文字或一段较长的文字，缺少的要素照常报告。`,
  en: `A document with no content yet (nothing, or one paragraph of at most ${NOT_STARTED_MAX_CHARS} characters, such as a snippet prefix being typed) gets no “missing” findings, so a new file does not turn red while the draft is begun; the Reply Structure view still lists the elements it needs (without a severity). From two paragraphs, or one longer one, missing elements are reported as usual.`,
} as const;

export function hasNoContentYet(reply: Reply): boolean {
  const { blocks, text } = reply;
  if (blocks.length > 1) return false;
  const b = blocks[0];
  if (!b) return true;
  if (b.end - b.start <= NOT_STARTED_MAX_CHARS) return true;
  let chars = 0;
  for (let i = b.start; i < b.end; i++) if (!isBlank(text.charCodeAt(i)) && ++chars > NOT_STARTED_MAX_CHARS) return false;
  return true;
}

/**
 * A consistency rule that a register rule makes redundant: `proposal-number-mismatch` compares the
 * reply's numbers with each other, `register-number-mismatch` each of them with the register, so
 * when the latter reports, the former reports the same mistake again, and often at the number that
 * is right. When the register rule reports anywhere in the reply, the other's findings go, each
 * kept as related information of the register's first finding.
 */
export const SUPERSEDED_BY: Readonly<Record<string, string>> = {
  'proposal-number-mismatch': 'register-number-mismatch',
  'kind-mismatch': 'register-kind-mismatch',
};

/** The severity a rule runs at under a configuration, or `off`. */
export function effectiveSeverity(rule: Rule, config: RuleSettings): SeverityOrOff {
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
const activeRules = new WeakMap<readonly Rule[], WeakMap<RuleSettings, readonly ActiveRule[]>>();

function rulesOn(rules: readonly Rule[], config: RuleSettings): readonly ActiveRule[] {
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

export function runRules(reply: Reply, config: RuleSettings, options: RunOptions): Finding[] {
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
    ? { reply, settings: config, today: options.today, register: options.register, report }
    : { reply, settings: config, today: options.today, report };
  const empty = hasNoContentYet(reply);
  for (const { rule, severity } of rulesOn(options.rules ?? (RULES as readonly Rule[]), config)) {
    if (rule.appliesTo && !rule.appliesTo.includes(reply.kind)) continue;
    if (empty && MISSING_RULES.has(rule.id)) continue;
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
    for (const r of pending) findings.push(withinText(Object.assign({}, r, { ruleId: rule.id, severity: r.doubtful ? lower(severity) : severity }), reply.text));
    if (firstLeftOut) findings.push(withinText(leftOutFinding(rule.id, severity, firstLeftOut, leftOut, room === FINDINGS_PER_RULE), reply.text));
    pending = [];
  }
  firstLeftOut = undefined;
  // document order; for one place, registry order (Array.prototype.sort is stable)
  return withoutSuperseded(findings).sort((a, b) => a.start - b.start);
}

/** Drops the findings of a rule whose register rule reported (SUPERSEDED_BY), as related places of the register's finding. */
function withoutSuperseded(findings: Finding[]): Finding[] {
  let out = findings;
  for (const [rule, by] of Object.entries(SUPERSEDED_BY)) {
    const k = out.findIndex((g) => g.ruleId === by);
    if (k < 0 || !out.some((f) => f.ruleId === rule)) continue;
    const dropped = out.filter((f) => f.ruleId === rule);
    out = out.filter((f) => f.ruleId !== rule);
    const kept = out.find((g) => g.ruleId === by)!;
    const related = [...(kept.related ?? []), ...dropped.map((f) => ({ start: f.start, end: f.end, message: f.message }))];
    out[out.indexOf(kept)] = Object.assign({}, kept, { related });
  }
  return out;
}

/** One step less sure: error → warning → information → hint. */
function lower(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : severity === 'warning' ? 'information' : 'hint';
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
export function withinText<T extends { readonly start: number; readonly end: number; readonly related?: ReadonlyArray<{ readonly start: number; readonly end: number }> }>(f: T, text: string): T {
  const n = text.length;
  let start = Math.max(0, Math.min(f.start, n));
  let end = Math.max(start, Math.min(f.end, n));
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  const related = f.related?.map((r) => withinText(r, text));
  const same = start === f.start && end === f.end && (related ?? []).every((r, i) => r === f.related![i]);
  return same ? f : Object.assign({}, f, { start, end }, related ? { related } : {});
}

function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
