/**
 * Checking many files: each file is read, analysed and turned into diagnostics on its own, in this
 * thread or spread over worker threads. Whatever runs where, the outcomes come back in input order,
 * each with the log lines its analysis wrote, so the CLI prints exactly what one thread would print.
 */
import * as os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { EffectiveConfig } from '../config/schema';
import { toDiagnostics } from '../features/diagnostics';
import { buildOutline, type OutlineNode, outlineOmitted } from '../features/outline';
import type { DocumentKind } from '../core/model';
import type { Locale, Localized } from '../core/vocabulary';
import type { Finding } from '../rules/types';
import { type ReplySummary, summarizeReply } from '../report/summary';
import { type AnalyzeExtras, createAnalyzer } from '../analysis';
import { isWordFile, type ReadNote, readReplyFileSync, readWordFile } from '../io/files';
import type { Registers } from '../io/registers';
import type { Register } from '../register/types';

/** One file to check, with the configuration and the register that apply to it. */
export interface CheckJob {
  readonly file: string;
  /** The path as shown to the user (summaries carry it). */
  readonly shown: string;
  readonly config: EffectiveConfig;
  readonly locale: Locale;
  /** The register file (absolute path) the reply is checked against, already found to load. */
  readonly register?: string;
}

export interface CheckOptions {
  /** What the outcomes must carry: SARIF the findings and text, JSON the outline, a report the summary. */
  readonly format: 'text' | 'json' | 'sarif' | 'report';
  readonly quiet: boolean;
  /** A fixed "today" (milliseconds since the epoch) from `--today`, or the clock. */
  readonly today?: number;
}

export type FileOutcome =
  | {
    readonly ok: true;
    readonly kind: DocumentKind;
    readonly diagnostics: Diagnostic[];
    /** For SARIF only, which needs the findings' fixes and the text for positions. */
    readonly findings?: Finding[];
    readonly text?: string;
    /** Set when the text was extracted from a Word document. */
    readonly extractedFrom?: 'docx';
    /** For JSON only: the outline, and how many headings it leaves out. */
    readonly outline?: OutlineNode[];
    readonly outlineOmitted?: number;
    /** For a report only. */
    readonly summary?: ReplySummary;
    /** The register entries the reply is linked to (for the second pass over duplicates). */
    readonly entryKeys: readonly string[];
    /** What the analysis logged (a failing rule, a parser failure), in order. */
    readonly logs: string[];
    /** What reading the file has to say: a guessed encoding, invalid bytes. */
    readonly notes: readonly ReadNote[];
  }
  | { readonly ok: false; readonly message: Localized; readonly logs: string[] };

/** Below this many files one thread is faster than starting workers (about 0.1 s each). */
export const PARALLEL_MIN_FILES = 500;
/**
 * Cores needed before worker threads pay. Each worker loads the code and warms up the JIT on its own,
 * and the main thread still collects the files, resolves their configurations, copies the outcomes
 * back and prints them: over the 10 000-file bench folder on this project's 2-core machine (load
 * average 2.4–3.5, 8 interleaved runs each) one thread took 5.50 s median wall time and 7.0 s of
 * CPU, two workers 5.38 s and 9.95 s of CPU: no gain for 42 % more CPU (and at issue 6's lighter
 * load one thread was faster: 3.0 s against 3.4 s). So workers start from 3 cores, one fewer than
 * the cores, to leave the main thread a core of its own. Machines with more cores were not measured.
 */
export const PARALLEL_MIN_CORES = 3;
/** Files per message to a worker at most: enough to keep messages few, few enough to balance. */
export const CHUNK_FILES = 32;

/**
 * A checker for the files of one run, in one thread: the analyzer, its log and the registers it has
 * read belong to it. `batchLinks` (the second pass) tells it which replies share an entry.
 */
export function fileChecker(options: CheckOptions, registers?: Registers): (job: CheckJob, batchLinks?: AnalyzeExtras['batchLinks']) => Promise<FileOutcome> {
  let logs: string[] = [];
  const fixed = options.today;
  const analyzer = createAnalyzer({
    now: fixed === undefined ? () => new Date() : () => new Date(fixed),
    cacheSize: 1,
    log: (m) => logs.push(m),
  });
  return async (job, batchLinks) => {
    logs = [];
    const read = isWordFile(job.file) ? await readWordFile(job.file) : readReplyFileSync(job.file);
    if (!read.ok) return { ok: false, message: read.problem.message, logs };
    let register: Register | undefined;
    if (job.register !== undefined) {
      // io/registers (and the CSV parser) load with the first reply checked against a register
      const { Registers } = require('../io/registers') as typeof import('../io/registers');
      registers ??= new Registers();
      register = (await registers.load(job.register, job.shown, job.config)).register;
    }
    const doc = TextDocument.create(pathToFileURL(job.file).href, 'proposal-reply', 1, read.text);
    const analysis = analyzer.analyze(doc, job.config, { ...(register ? { register } : {}), ...(batchLinks ? { batchLinks } : {}) });
    analyzer.forget(doc.uri);
    const findings = options.quiet ? analysis.findings.filter((f) => f.severity === 'error') : analysis.findings;
    return {
      ok: true,
      kind: analysis.reply.kind,
      diagnostics: toDiagnostics(doc, findings, { locale: job.locale }),
      entryKeys: analysis.link?.entries.map((e) => e.key) ?? [],
      ...(read.extractedFrom ? { extractedFrom: read.extractedFrom } : {}),
      ...(options.format === 'sarif' ? { findings: [...findings], text: read.text } : {}),
      ...(options.format === 'json' ? { outline: buildOutline(analysis.reply, doc), outlineOmitted: outlineOmitted(analysis.reply) } : {}),
      ...(options.format === 'report' ? { summary: summarizeReply(job.shown, analysis) } : {}),
      logs,
      notes: read.notes,
    };
  };
}

/**
 * Checks the jobs and returns their outcomes in input order. `jobs` is the number of threads to
 * use: 1 checks in this thread; more start that many workers (never more than there are chunks).
 * `workerLimits` bounds each worker's heap (tests use it to make a worker run out of memory).
 */
export async function checkAll(list: readonly CheckJob[], options: CheckOptions, jobs: number, registers?: Registers, workerLimits?: ResourceLimits): Promise<FileOutcome[]> {
  // about four chunks per worker at least, so that a slow chunk does not keep the others waiting
  const size = Math.max(1, Math.min(CHUNK_FILES, Math.ceil(list.length / (jobs * 4))));
  const workers = Math.min(jobs, Math.ceil(list.length / size));
  if (workers <= 1) {
    const check = fileChecker(options, registers);
    const out: FileOutcome[] = [];
    for (const job of list) out.push(await check(job));
    return out;
  }
  return (require('./pool') as typeof import('./pool')).checkInWorkers(list, options, workers, size, workerLimits);
}

/** How many threads `check` uses by default: one, or a worker per core but one for a large run on 3 cores or more. */
export function defaultJobs(files: number, cores = os.availableParallelism()): number {
  return files < PARALLEL_MIN_FILES || cores < PARALLEL_MIN_CORES ? 1 : cores - 1;
}
