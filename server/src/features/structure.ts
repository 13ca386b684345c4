/**
 * The structure answer for the status bar and the reviewer's "Reply structure" view: the elements a
 * reply of its kind must have, each present, missing or present with a problem, where it is, and,
 * when missing, the edit that inserts it from its template (the missing-element rule's own fix).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EffectiveConfig } from '../config/schema';
import { ELEMENT, type ElementSpec, requiredElements } from '../core/elements';
import { KIND_NAME } from '../core/labels';
import type { DateValue, Reply } from '../core/model';
import type { StructureItem, StructureProblem, StructureReport } from '../protocol';
import { type Locale, localize, type Severity, type TextEdit } from '../core/vocabulary';
import { type Finding } from '../rules/types';
import { insertLineAfter, insertLineBefore } from '../rules/util';
import { ellipsis, type Span } from '../core/text';
import { rangeOf } from './diagnostics';
import { toLspEdits } from './edits';
import { runRule } from './runRule';

/** The elements the view lists: those some kind of document must have (core/elements.ts). */
type StructureElement = 'addressee' | 'receipt' | 'measure' | 'nextSteps' | 'closing' | 'signature' | 'date';

/** Rules whose findings are problems of the element they lie in, whichever it is. */
const PLACED_RULES: ReadonlySet<string> = new Set(['element-order', 'placeholder-left']);

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

function worst(severities: readonly Severity[]): Severity | undefined {
  let w: Severity | undefined;
  for (const s of severities) if (!w || SEVERITY_RANK[s] < SEVERITY_RANK[w]) w = s;
  return w;
}

/** Hints are style remarks, not structure problems. */
const PROBLEM_SEVERITIES: ReadonlySet<Severity> = new Set(['error', 'warning', 'information']);

const BODY_LABEL = { zh: '正文措施', en: 'measures' };

function elementSpan(reply: Reply, e: StructureElement): Span | undefined {
  switch (e) {
    case 'addressee': return reply.addressee;
    case 'receipt': return reply.receipt;
    case 'measure': {
      // numbered measures, or the body paragraphs of a short unnumbered reply
      const first = reply.measures[0];
      if (first) return { start: first.start, end: reply.measures[reply.measures.length - 1]!.end };
      const paras = reply.body.filter((b) => !reply.opening || b.start >= reply.opening.end || b.end <= reply.opening.start);
      return paras.length > 0 ? { start: paras[0]!.start, end: paras[paras.length - 1]!.end } : reply.opening;
    }
    case 'nextSteps': return reply.nextSteps[0];
    case 'closing': return reply.closing;
    case 'signature': return reply.signature;
    case 'date': return reply.date;
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start >= b.start && a.start <= b.end);
}

export interface StructureOptions {
  readonly locale: Locale;
  readonly today: DateValue;
}

export function buildStructure(reply: Reply, findings: readonly Finding[], doc: TextDocument, config: EffectiveConfig, options: StructureOptions): StructureReport {
  const { locale } = options;
  const items: StructureItem[] = [];
  for (const { kind: element, missingRule: ruleId, problemRules } of requiredElements(reply.kind) as Array<ElementSpec & { kind: StructureElement }>) {
    const span = elementSpan(reply, element);
    const label = localize(element === 'measure' ? BODY_LABEL : ELEMENT[element].label, locale);
    if (span) {
      const problems: StructureProblem[] = findings
        .filter((f) => PROBLEM_SEVERITIES.has(f.severity) && (problemRules.includes(f.ruleId) || (PLACED_RULES.has(f.ruleId) && overlaps(f, span))))
        .filter((f) => element !== 'receipt' || f.ruleId !== 'proposal-number-mismatch' || overlaps(f, span))
        .map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: localize(f.message, locale), range: rangeOf(doc, f) }));
      const severity = worst(problems.map((p) => p.severity));
      items.push({
        element, label, state: problems.length > 0 ? 'problem' : 'present', required: true,
        range: rangeOf(doc, span), excerpt: ellipsis(reply.text.slice(span.start, span.end), 30), problems, ...(severity ? { severity } : {}),
      });
      continue;
    }
    // missing: the rule's own report gives the insertion; a rule that stays silent (next steps in
    // a short reply) means the element is optional here
    const report = ruleId ? runRule(ruleId, reply, config, options.today)[0] : undefined;
    const fix = report?.fixes?.[0];
    const bodyInsert = element === 'measure' ? measureInsert(reply) : undefined;
    const insert = fix ? { title: localize(fix.title, locale), edits: toLspEdits(doc, fix.edits) }
      : bodyInsert ? { title: localize({ zh: '插入措施标题', en: 'Insert a measure heading' }, locale), edits: toLspEdits(doc, [bodyInsert]) } : undefined;
    // the severity of the missing-element finding, if the rule reported one (not on a document with
    // no content yet, nor with the rule off)
    const severity = findings.find((f) => f.ruleId === ruleId)?.severity;
    items.push({
      element, label, state: 'missing', required: element === 'nextSteps' ? report !== undefined : true,
      problems: [], ...(severity ? { severity } : {}), ...(insert ? { insert } : {}),
    });
  }
  const required = items.filter((i) => i.required);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    uri: doc.uri,
    version: doc.version,
    kind: reply.kind,
    kindLabel: localize(KIND_NAME[reply.kind], locale),
    items,
    present: required.filter((i) => i.state !== 'missing').length,
    total: required.length,
    counts,
  };
}

/** A first measure heading after the receipt line (or the addressee) when the body is empty. */
function measureInsert(reply: Reply): TextEdit | undefined {
  const after = reply.opening ?? reply.receipt ?? reply.addressee;
  if (after) return insertLineAfter(reply, after.end, '一、×××');
  const before = reply.closing ?? reply.signature ?? reply.date;
  return before ? insertLineBefore(reply, before.start, '一、×××') : undefined;
}
