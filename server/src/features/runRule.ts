/**
 * Runs one rule directly, whatever its configured severity, for features that reuse a rule's
 * fixes: the pasted-text cleanup (punctuation width), width conversion, inserting a missing element.
 * A throwing rule yields nothing, as in the engine.
 */
import type { EffectiveConfig } from '../config/schema';
import type { DateValue, Reply } from '../core/model';
import { ruleById } from '../rules';
import type { Report } from '../rules/types';

export function runRule(ruleId: string, reply: Reply, config: EffectiveConfig, today: DateValue): Report[] {
  const rule = ruleById(ruleId);
  if (!rule) return [];
  const reports: Report[] = [];
  try {
    rule.check({ reply, config, today, report: (r) => reports.push(r) });
  } catch {
    return [];
  }
  return reports;
}
