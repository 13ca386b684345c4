/**
 * The rule-fixture harness. A fixture is a reply whose expectations sit on marker lines that are
 * stripped before analysis, so they never change the text being checked:
 *   `#> rule-id[, rule-id…]`  the previous content line has a finding of each rule
 *   `#! only rule-id …`       compare only these rules (otherwise every finding counts)
 *   `#! config {json}`        the project configuration
 *   `#! today YYYY-MM-DD`     the date checks run against (default 2026-01-01)
 *   `#! eol crlf|cr`          join the lines with CRLF or CR instead of LF
 * The harness compares the set of (rule, line) found with the set expected.
 */
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../server/src/config/resolve';
import type { EffectiveConfig } from '../../server/src/config/schema';
import { createReplyService } from '../../server/src/service';
import type { Finding } from '../../server/src/rules/types';

export interface Fixture {
  readonly path: string;
  readonly text: string;
  readonly expected: ReadonlySet<string>;
  readonly only?: ReadonlySet<string>;
  readonly config: EffectiveConfig;
  readonly today: Date;
}

export function loadFixture(path: string): Fixture {
  const raw = fs.readFileSync(path, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  const content: string[] = [];
  const expected = new Set<string>();
  let only: Set<string> | undefined;
  let configData: unknown;
  let today = new Date(2026, 0, 1, 12);
  let eol = '\n';
  for (const line of raw.split('\n')) {
    if (line.startsWith('#>')) {
      if (content.length === 0) throw new Error(`${path}: an expectation before any content line`);
      for (const id of line.slice(2).split(',').map((s) => s.trim()).filter(Boolean)) expected.add(`${id}@${content.length}`);
    } else if (line.startsWith('#!')) {
      const [directive, ...rest] = line.slice(2).trim().split(/\s+/);
      const arg = line.slice(2).trim().slice(directive!.length).trim();
      if (directive === 'only') only = new Set(rest);
      else if (directive === 'config') configData = JSON.parse(arg);
      else if (directive === 'today') {
        const [y, m, d] = arg.split('-').map(Number);
        today = new Date(y!, m! - 1, d!, 12);
      } else if (directive === 'eol') eol = arg === 'crlf' ? '\r\n' : arg === 'cr' ? '\r' : '\n';
      else throw new Error(`${path}: unknown directive ${directive}`);
    } else {
      content.push(line);
    }
  }
  const resolved = resolveConfig(configData === undefined ? [] : [{ source: path, data: configData }]);
  if (resolved.issues.length > 0) throw new Error(`${path}: bad #! config: ${resolved.issues.map((i) => i.message.en).join('; ')}`);
  return { path, text: content.join(eol), expected, ...(only ? { only } : {}), config: resolved.config, today };
}

/** Runs the full analysis on a fixture: the findings and their `rule@line` keys (1-based lines). */
export function runFixture(f: Fixture): { findings: readonly Finding[]; found: Set<string>; doc: TextDocument } {
  const service = createReplyService({ now: () => f.today });
  const doc = TextDocument.create(`file://${f.path}`, 'proposal-reply', 1, f.text);
  const { findings } = service.analyze(doc, f.config);
  const found = new Set<string>();
  for (const x of findings) {
    if (f.only && !f.only.has(x.ruleId)) continue;
    found.add(`${x.ruleId}@${doc.positionAt(x.start).line + 1}`);
  }
  return { findings, found, doc };
}
