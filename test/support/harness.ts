/**
 * The rule-fixture harness. A fixture is a reply whose expectations sit on marker lines that are
 * stripped before analysis, so they never change the text being checked:
 *   `#> rule-id[, rule-id…]`  the previous content line has a finding of each rule
 *   `#! only rule-id …`       compare only these rules (otherwise every finding counts)
 *   `#! config {json}`        the project configuration
 *   `#! today YYYY-MM-DD`     the date checks run against (default 2026-01-01)
 *   `#! eol crlf|cr`          join the lines with CRLF or CR instead of LF
 *   `#! register FILE`        link the reply to this register (CSV or JSON, relative to the fixture)
 *   `#! batch FILE…`          other replies of the batch (relative), for `register-duplicate-reply`
 * The harness compares the set of (rule, line) found with the set expected.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../server/src/config/resolve';
import type { EffectiveConfig } from '../../server/src/config/schema';
import { decodeRegisterBytes, parseRegister } from '../../server/src/register';
import type { Register } from '../../server/src/register/types';
import { batchLinks } from '../../server/src/report/batch';
import type { AnalyzeExtras } from '../../server/src/analysis';
import { createReplyService } from '../../server/src/service';
import type { Finding } from '../../server/src/rules/types';

export interface Fixture {
  readonly path: string;
  readonly text: string;
  readonly expected: ReadonlySet<string>;
  readonly only?: ReadonlySet<string>;
  readonly config: EffectiveConfig;
  readonly today: Date;
  readonly register?: Register;
  /** Other replies of the batch (absolute paths). */
  readonly batch: readonly string[];
}

/** Reads a register file as the CLI does: bytes decoded, format by extension, the config's columns and categories. */
export function loadRegister(file: string, config: EffectiveConfig): Register {
  const decoded = decodeRegisterBytes(fs.readFileSync(file));
  if (!decoded.ok) throw new Error(`${file}: ${decoded.message.en}`);
  return parseRegister(decoded.text, {
    format: file.endsWith('.json') ? 'json' : 'csv',
    ...(config.registerColumns ? { columns: config.registerColumns } : {}),
    categories: config.categories.map((c) => c.value),
  });
}

export function loadFixture(path: string): Fixture {
  const raw = fs.readFileSync(path, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  const content: string[] = [];
  const expected = new Set<string>();
  let only: Set<string> | undefined;
  let configData: unknown;
  let today = new Date(2026, 0, 1, 12);
  let eol = '\n';
  let registerFile: string | undefined;
  const batch: string[] = [];
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
      else if (directive === 'register') registerFile = nodePath.resolve(nodePath.dirname(path), arg);
      else if (directive === 'batch') batch.push(...rest.map((f) => nodePath.resolve(nodePath.dirname(path), f)));
      else throw new Error(`${path}: unknown directive ${directive}`);
    } else {
      content.push(line);
    }
  }
  const resolved = resolveConfig(configData === undefined ? [] : [{ source: path, data: configData }]);
  if (resolved.issues.length > 0) throw new Error(`${path}: bad #! config: ${resolved.issues.map((i) => i.message.en).join('; ')}`);
  const register = registerFile ? loadRegister(registerFile, resolved.config) : undefined;
  return { path, text: content.join(eol), expected, ...(only ? { only } : {}), config: resolved.config, today, ...(register ? { register } : {}), batch };
}

/** Runs the full analysis on a fixture: the findings and their `rule@line` keys (1-based lines). */
export function runFixture(f: Fixture): { findings: readonly Finding[]; found: Set<string>; doc: TextDocument } {
  const service = createReplyService({ now: () => f.today });
  const doc = TextDocument.create(`file://${f.path}`, 'proposal-reply', 1, f.text);
  let extras: AnalyzeExtras = {};
  const register = f.register;
  if (register) {
    // the batch: this fixture and the others, each linked on its own, then checked with the links
    const members = [doc, ...f.batch.map((p) => TextDocument.create(`file://${p}`, 'proposal-reply', 1, loadFixture(p).text))];
    const links = batchLinks(members.map((d) => ({ path: d.uri, entryKeys: service.analyze(d, f.config, { register }).link?.entries.map((e) => e.key) ?? [] })));
    extras = { register, batchLinks: links };
  }
  const { findings } = service.analyze(doc, f.config, extras);
  const found = new Set<string>();
  for (const x of findings) {
    if (f.only && !f.only.has(x.ruleId)) continue;
    found.add(`${x.ruleId}@${doc.positionAt(x.start).line + 1}`);
  }
  return { findings, found, doc };
}
