/**
 * Runs the registry over a parsed reply. A rule that throws is contained: the other rules still
 * report, and the failure goes to `onRuleError` (the service logs it once per rule id).
 */
import type { EffectiveConfig } from '../config/schema';
import type { DateValue, Reply } from '../model';
import type { RegisterContext } from '../register/types';
import { RULES } from '.';
import type { Finding, Report, Rule, Severity, SeverityOrOff } from './types';

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

export function runRules(reply: Reply, config: EffectiveConfig, options: RunOptions): Finding[] {
  const findings: Finding[] = [];
  const n = reply.text.length;
  const rules = options.rules ?? (RULES as readonly Rule[]);
  rules.forEach((rule) => {
    const severity = effectiveSeverity(rule, config);
    if (severity === 'off') return;
    if (rule.appliesTo && !rule.appliesTo.includes(reply.kind)) return;
    const reports: Report[] = [];
    try {
      rule.check({
        reply, config, today: options.today,
        ...(options.register ? { register: options.register } : {}),
        report: (r) => reports.push(r),
      });
    } catch (e) {
      options.onRuleError?.(rule.id, e);
      return;
    }
    for (const r of reports) findings.push(clamp({ ...r, ruleId: rule.id, severity: severity as Severity }, n));
  });
  // document order; for one place, registry order (Array.prototype.sort is stable)
  return findings.sort((a, b) => a.start - b.start);
}

function clamp(f: Finding, n: number): Finding {
  const start = Math.max(0, Math.min(f.start, n));
  const end = Math.max(start, Math.min(f.end, n));
  return start === f.start && end === f.end ? f : { ...f, start, end };
}
