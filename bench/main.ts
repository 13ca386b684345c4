/**
 * `npm run bench`: the performance benchmark (issues 6 and 20). Generates reply-shaped inputs into
 * `.bench/`, runs every measurement section, and prints Markdown tables with the budgets (or, with
 * `--json`, one JSON document). It exits non-zero only when the script itself breaks, never because
 * a budget is missed: timings on shared CI machines are not a test.
 *
 *   npm run bench                      full run: 10 KB … 10 MB, a 10 000-file folder
 *   npm run bench -- --quick           small sizes, 1–3 repetitions, a 200-file folder (CI)
 *   npm run bench -- --json            machine-readable results
 *   npm run bench -- --only analysis,floor
 *   npm run bench -- --write-readme    also write the budgets into README.md and every table into
 *                                      docs/performance.md, each between its bench markers
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareInputs } from './inputs';
import { type BenchContext, budgetTable, type Budget, ensureDir, markdownTable, ROOT, type SectionResult } from './runner';
import { SECTIONS } from './sections';

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

/** Puts printed lines into `file` between the bench markers, headings shifted under the file's own. */
function writeBetweenMarkers(file: string, out: readonly string[]): void {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`${path.relative(ROOT, file)} has no ${README_START} … ${README_END} section`);
  const body = out.map((l) => (l.startsWith('# ') ? `**${l.slice(2)}**` : l.startsWith('## ') ? `#### ${l.slice(3)}` : l)).join('\n');
  fs.writeFileSync(file, `${text.slice(0, start + README_START.length)}\n${body}\n${text.slice(end)}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      json: { type: 'boolean' },
      only: { type: 'string' },
      'write-readme': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run bench [-- --quick] [--json] [--only ID,ID] [--write-readme]\n');
    process.stdout.write(`sections: ${SECTIONS.map((s) => s.id).join(', ')}\n`);
    return 0;
  }
  const quick = values.quick === true;
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((id) => !SECTIONS.some((s) => s.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.id).join(', ')}`);
  const log = (m: string): void => void process.stderr.write(`bench: ${m}\n`);
  const work = ensureDir(path.join(ROOT, '.bench'));
  const started = Date.now();
  const loadStart = os.loadavg();
  const results = new Map<string, SectionResult>();
  const ctx: BenchContext = { quick, root: ROOT, work, inputs: prepareInputs(work, quick, log), results, log };
  for (const section of SECTIONS) {
    if (only && !only.includes(section.id)) continue;
    log(`── ${section.id}`);
    results.set(section.id, await section.run(ctx));
  }
  const machine = {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    /** Other work on the machine while the bench ran: 1/5/15-minute load averages at the start and the end. */
    load: { start: loadStart, end: os.loadavg() },
  };
  const budgets: Budget[] = [...results.values()].flatMap((r) => r.budgets);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({
      version: 1,
      mode: quick ? 'quick' : 'full',
      date: new Date().toISOString(),
      commit: gitCommit() ?? null,
      machine,
      seconds: (Date.now() - started) / 1000,
      sections: Object.fromEntries([...results].map(([id, r]) => [id, { data: r.data, budgets: r.budgets }])),
      budgets,
    }, null, 2)}\n`);
  } else {
    const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
    const head = [
      `# proposal-reply bench (${quick ? 'quick' : 'full'}) — ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}${gitCommit() ? `, ${gitCommit()}` : ''}`,
      '', `Load average (1/5/15 min): ${load(machine.load.start)} at the start, ${load(machine.load.end)} at the end.`,
    ];
    const tables: string[] = [];
    for (const section of SECTIONS) {
      const r = results.get(section.id);
      if (!r) continue;
      tables.push('', `## ${section.title}`, '', markdownTable(r.columns, r.rows));
      if (r.note) tables.push('', r.note);
    }
    const budgetLines = budgets.length > 0 ? ['', '## 预算 Budgets', '', budgetTable(budgets)] : [];
    const tail = ['', `(${((Date.now() - started) / 1000).toFixed(0)} s${quick ? '; quick mode: timings are not meaningful, only that the script works' : ''})`];
    process.stdout.write(`${[...head, ...tables, ...budgetLines, ...tail].join('\n')}\n`);
    if (values['write-readme']) {
      writeBetweenMarkers(path.join(ROOT, 'README.md'), [...head, ...budgetLines, ...tail]);
      writeBetweenMarkers(path.join(ROOT, 'docs', 'performance.md'), [...head, ...tables, ...budgetLines, ...tail]);
    }
  }
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`bench: failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
