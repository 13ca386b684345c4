/**
 * Runs one rule directly, whatever its configured severity, for features that reuse a rule's
 * fixes: the pasted-text cleanup (punctuation width), width conversion, inserting a missing element.
 * As in the engine, a throwing rule yields nothing and every span lies inside the text.
 */
import type { DateValue, Reply } from '../core/model';
import { ruleById } from '../rules';
import { withinText } from '../rules/engine';
import type { Report, RuleSettings } from '../rules/types';

export function runRule(ruleId: string, reply: Reply, settings: RuleSettings, today: DateValue): Report[] {
  const rule = ruleById(ruleId);
  if (!rule) return [];
  const reports: Report[] = [];
  try {
    rule.check({ reply, settings, today, report: (r) => reports.push(r) });
  } catch {
    return [];
  }
  return reports.map((r) => withinText(r, reply.text));
}
