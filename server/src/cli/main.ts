/**
 * The command-line checker: `proposal-reply check` and `proposal-reply outline` over the same
 * analysis the editor uses. Exit codes: 0 no finding at the failing severity, 1 some finding at it,
 * 2 a usage or I/O problem (reported on stderr; the other files are still checked).
 */
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ConfigLayer, formatConfigIssue, resolveConfig } from '../config/resolve';
import type { EffectiveConfig } from '../config/schema';
import { PROJECT_FILE_NAME } from '../config/schema';
import { DOCUMENT_KINDS } from '../core/model';
import { todayOf } from '../parse/dates';
import { RULES } from '../rules';
import type { Locale, Severity } from '../core/vocabulary';
import type { Rule } from '../rules/types';
import { localize } from '../core/vocabulary';
import { createAnalyzer } from '../analysis';
import { buildOutline, outlineOmitted } from '../features/outline';
import { readingOf } from '../parse/reading';
import { type CheckJob, type CheckOptions, checkAll, defaultJobs, fileChecker, type FileOutcome } from './check';
import { collectFiles, ProjectFiles, readAnyReplyFile, type ReadNote, writeOutputFile } from '../io/files';
import { type FileResult, formatJson, formatOutlineText, formatText, severityOf, type Skipped } from './format';
import { parseReply } from '../parse';
import type { LoadedRegister, Registers } from '../io/registers';
import { escapeControls, terminalLine, terminalPath } from './terminal';

// Modules that only some commands or inputs need are required where they are used (registers,
// reports, SARIF, the worker pool, Word export), so that a check of a few replies does not load them.

export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Binary output (`export` without -o); absent when standard output is a terminal. */
  readonly stdoutBytes?: (bytes: Buffer) => void;
}

let version: string | undefined;

/** The package's version, from the nearest package.json above this module (out/server/src/cli/ or dist/cli/). */
function packageVersion(): string {
  if (version !== undefined) return version;
  version = '0.0.0';
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
      break;
    } catch {
      // not here: one folder up
    }
  }
  return version;
}

const FAIL_ON = ['error', 'warning', 'information', 'hint', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function usage(locale: Locale): string {
  return locale === 'en' ? `Usage:
  proposal-reply check [options] PATH...     check reply files and folders (*.reply, *.txt, *.docx)
  proposal-reply outline [options] FILE      print the structure of one reply
  proposal-reply report [options] PATH...    completeness report of a batch against the register
  proposal-reply export [options] FILE -o FILE.docx   the reply as a Word document laid out by GB/T 9704
  proposal-reply rules [--format text|json]  list the rules

Options:
  --format text|json|sarif   output format (outline: text|json; report: html|md|csv|json|xlsx; default text, report html)
  --config FILE              use this project file instead of the nearest .proposal-reply.json
  --register FILE            use this register (CSV, JSON or .xlsx) instead of the project file's "register"
  -o, --output FILE          report, export: write to FILE instead of standard output
  --unsealed                 export: lay out signature and date for a document without a seal
  --roles                    outline: the parser's reading instead, the role of every block
  --kind KIND                document kind: auto, ${DOCUMENT_KINDS.join(', ')}
  --locale zh-cn|en          message language (default: configuration, then LANG, then zh-cn)
  --quiet                    report errors only
  --fail-on LEVEL            exit 1 at this severity or worse: ${FAIL_ON.join(', ')} (default error; report: none)
  --today YYYY-MM-DD         the date to check against (default: today), for reproducible runs
  --jobs N                   threads for check and report (default: one per core but one, for 500 files or more on 3 cores or more; else 1)
  -h, --help                 this help
  -v, --version              the version

Exit status: 0 no finding at the --fail-on level, 1 some finding at it, 2 usage or I/O problem.
` : `用法：
  proposal-reply check [选项] 路径...       检查答复文件或文件夹（*.reply、*.txt、*.docx）
  proposal-reply outline [选项] 文件        输出一份答复的结构
  proposal-reply report [选项] 路径...      对照登记表输出整批答复的办理情况报告
  proposal-reply export [选项] 文件 -o 文件.docx  按 GB/T 9704 版式导出为 Word 文档
  proposal-reply rules [--format text|json] 列出全部规则

选项：
  --format text|json|sarif   输出格式（outline 为 text|json；report 为 html|md|csv|json|xlsx；默认 text，report 默认 html）
  --config 文件              使用指定的项目配置文件，而不是就近的 .proposal-reply.json
  --register 文件            使用指定的登记表（CSV、JSON 或 .xlsx），而不是项目配置中的 register
  -o, --output 文件          report、export：写入该文件，而不是标准输出
  --unsealed                 export：按不加盖印章的公文排署名和成文日期
  --roles                    outline：改为输出解析器的读法，即每一块的角色
  --kind 类型                文种：auto、${DOCUMENT_KINDS.join('、')}
  --locale zh-cn|en          提示语言（默认依次取配置、LANG 环境变量、zh-cn）
  --quiet                    只报告错误
  --fail-on 级别             出现该级别及以上问题时退出码为 1：${FAIL_ON.join('、')}（默认 error；report 默认 none）
  --today YYYY-MM-DD         以该日期为“今天”检查日期，便于复现
  --jobs N                   check 和 report 使用的线程数（默认：3 核及以上且 500 个文件及以上时为核数减 1，否则 1）
  -h, --help                 显示帮助
  -v, --version              显示版本

退出码：0 未发现 --fail-on 级别的问题；1 发现此类问题；2 用法或读写错误。
`;
}

function envLocale(env: CliIo['env']): Locale | undefined {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(lang) ? 'en' : /^zh/i.test(lang) ? 'zh-cn' : undefined;
}

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // every line on stderr has its control and bidi characters escaped (cli/terminal.ts); only the
  // usage text, which is ours, goes out through rawIo
  const io: CliIo = { ...rawIo, stderr: (s) => rawIo.stderr(terminalLine(s)) };
  const fallbackLocale: Locale = envLocale(io.env) ?? 'zh-cn';
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        kind: { type: 'string' },
        locale: { type: 'string' },
        quiet: { type: 'boolean' },
        'fail-on': { type: 'string' },
        today: { type: 'string' },
        register: { type: 'string' },
        output: { type: 'string', short: 'o' },
        unsealed: { type: 'boolean' },
        roles: { type: 'boolean' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    rawIo.stderr(`proposal-reply: ${escapeControls((e as Error).message)}\n\n${usage(fallbackLocale)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const cliLocale = values.locale;
  if (cliLocale !== undefined && cliLocale !== 'zh-cn' && cliLocale !== 'en') return usageError(rawIo, fallbackLocale, `--locale: ${cliLocale}`);
  const locale: Locale | undefined = cliLocale as Locale | undefined;
  const shownLocale = locale ?? fallbackLocale;
  if (values.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.stdout(usage(shownLocale));
    return command === undefined && !values.help ? 2 : 0;
  }
  const format = values.format ?? (command === 'report' ? 'html' : 'text');
  const failOn = (values['fail-on'] ?? (command === 'report' ? 'none' : 'error')) as FailOn;
  if (!FAIL_ON.includes(failOn)) return usageError(rawIo, shownLocale, `--fail-on: ${failOn}`);
  if (values.kind !== undefined && values.kind !== 'auto' && !(DOCUMENT_KINDS as readonly string[]).includes(values.kind)) {
    return usageError(rawIo, shownLocale, `--kind: ${values.kind}`);
  }
  let now: () => Date = () => new Date();
  let today: number | undefined;
  if (values.today !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.today);
    if (!m) return usageError(rawIo, shownLocale, `--today: ${values.today}`);
    const fixed = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
    now = () => fixed;
    today = fixed.getTime();
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    if (!/^[1-9]\d{0,3}$/.test(values.jobs)) return usageError(rawIo, shownLocale, `--jobs: ${values.jobs}`);
    jobs = Number(values.jobs);
  }

  if (values.output !== undefined && command !== 'report' && command !== 'export') return usageError(rawIo, shownLocale, shownLocale === 'en' ? '--output is for report and export only' : '--output 只用于 report 和 export');
  if (values.roles && (command !== 'outline' || values.format !== undefined)) return usageError(rawIo, shownLocale, shownLocale === 'en' ? '--roles is for outline only, as text' : '--roles 只用于 outline，输出文本');
  const common = { locale, fallbackLocale, now, today, jobs, config: values.config, kind: values.kind, register: values.register };
  switch (command) {
    case 'check':
      if (!['text', 'json', 'sarif'].includes(format)) return usageError(rawIo, shownLocale, `--format: ${format}`);
      if (rest.length === 0) return usageError(rawIo, shownLocale, shownLocale === 'en' ? 'check needs at least one PATH' : 'check 需要至少一个路径');
      return check(rest, { ...common, format, failOn, quiet: values.quiet === true }, io);
    case 'report': {
      const { REPORT_FORMATS } = require('../report/formats') as typeof import('../report/formats');
      if (!(REPORT_FORMATS as readonly string[]).includes(format)) return usageError(rawIo, shownLocale, `--format: ${format}`);
      if (rest.length === 0) return usageError(rawIo, shownLocale, shownLocale === 'en' ? 'report needs at least one PATH' : 'report 需要至少一个路径');
      return report(rest, { ...common, format, failOn, output: values.output }, io);
    }
    case 'outline':
      if (!['text', 'json'].includes(format)) return usageError(rawIo, shownLocale, `--format: ${format}`);
      if (rest.length !== 1) return usageError(rawIo, shownLocale, shownLocale === 'en' ? 'outline takes exactly one FILE' : 'outline 需要且只需要一个文件');
      return outline(rest[0]!, { ...common, format, roles: values.roles === true }, io);
    case 'export': {
      if (values.format !== undefined && values.format !== 'docx') return usageError(io, shownLocale, `--format: ${values.format}`);
      if (rest.length !== 1) return usageError(io, shownLocale, shownLocale === 'en' ? 'export takes exactly one FILE' : 'export 需要且只需要一个文件');
      const abs = path.resolve(io.cwd, rest[0]!);
      const configs = new Configs(io, { ...common, format: 'docx' });
      const resolved = await configs.for(abs);
      for (const m of resolved.messages) io.stderr(m);
      const { config } = resolved;
      // the Word writer is loaded only for export, so that check's start-up does not pay for it
      const { exportReply } = require('./export') as typeof import('./export');
      return exportReply(rest[0]!, {
        output: values.output, unsealed: values.unsealed === true, config, locale: resolved.locale,
        parse: (text) => parseReply(text, config.kind === 'auto' ? {} : { kind: config.kind }),
      }, { cwd: io.cwd, stderr: io.stderr, ...(io.stdoutBytes ? { stdoutBytes: io.stdoutBytes } : {}) });
    }
    case 'rules':
      return listRules(format, shownLocale, rawIo);
    default:
      return usageError(rawIo, shownLocale, shownLocale === 'en' ? `unknown command "${command}"` : `未知命令“${command}”`);
  }
}

function usageError(io: CliIo, locale: Locale, what: string): number {
  io.stderr(`proposal-reply: ${locale === 'en' ? 'invalid usage' : '用法错误'}: ${escapeControls(what)}\n\n${usage(locale)}`);
  return 2;
}

interface RunOptions {
  readonly format: string;
  readonly locale: Locale | undefined;
  readonly fallbackLocale: Locale;
  readonly now: () => Date;
  /** The fixed date of `--today` (milliseconds), which worker threads need as data. */
  readonly today: number | undefined;
  /** `--jobs N`: threads for check and report. */
  readonly jobs: number | undefined;
  readonly config: string | undefined;
  readonly kind: string | undefined;
  /** `--register FILE`, relative to the working folder. */
  readonly register: string | undefined;
  /** outline `--roles`: the parser's reading (parse/reading.ts) instead of the outline. */
  readonly roles?: boolean;
}

/** Resolves the configuration for one file; each configuration issue is reported once per run. */
class Configs {
  private readonly projectFiles = new ProjectFiles();
  private readonly reported = new Set<string>();
  /** The resolved configuration per project file ('' for none), shared by all files under it. */
  private readonly resolved = new Map<string, { config: EffectiveConfig; issues: ReturnType<typeof resolveConfig>['issues'] }>();
  /** Set when a project file could not be read. */
  unreadable = false;
  constructor(private readonly io: CliIo, private readonly opts: RunOptions) {}

  /** The configuration, its locale, its project file, and the lines to print for issues not yet reported. */
  async for(file: string): Promise<{ config: EffectiveConfig; locale: Locale; messages: string[]; projectFile?: string }> {
    const projectFile = this.opts.config !== undefined ? path.resolve(this.io.cwd, this.opts.config) : await this.projectFiles.nearest(file);
    const key = projectFile ?? '';
    let entry = this.resolved.get(key);
    if (!entry) {
      const layers: ConfigLayer[] = [];
      let issues: ReturnType<typeof resolveConfig>['issues'] = [];
      if (projectFile) {
        const loaded = await this.projectFiles.load(projectFile, terminalPath(displayPath(this.io.cwd, projectFile)));
        if (loaded.unreadable) this.unreadable = true;
        issues = [...loaded.issues];
        if (loaded.layer) layers.push(loaded.layer);
      }
      if (this.opts.kind !== undefined) layers.push({ source: '--kind', data: { kind: this.opts.kind } });
      const resolved = resolveConfig(layers);
      issues.push(...resolved.issues);
      entry = { config: resolved.config, issues };
      this.resolved.set(key, entry);
    }
    const locale = this.opts.locale ?? entry.config.locale ?? this.opts.fallbackLocale;
    const messages: string[] = [];
    for (const issue of entry.issues) {
      const line = `proposal-reply: ${locale === 'en' ? 'configuration' : '配置'}: ${formatConfigIssue(issue, locale)}\n`;
      if (this.reported.has(line)) continue;
      this.reported.add(line);
      messages.push(line);
    }
    return { config: entry.config, locale, messages, ...(projectFile ? { projectFile } : {}) };
  }

  /** Prints a line once (register problems and issues are shared by many files). */
  once(line: string): void {
    if (this.reported.has(line)) return;
    this.reported.add(line);
    this.io.stderr(line);
  }
}

/** `proposal-reply: path[:line:col]: message`, what reading a file has to say. */
function noteLine(shown: string, note: ReadNote, locale: Locale): string {
  const at = note.line !== undefined ? `:${note.line}:${note.column ?? 1}` : '';
  return `proposal-reply: ${terminalPath(shown)}${at}: ${localize(note.message, locale)}\n`;
}

/** Paths are shown relative to the working folder, as a user would type them. */
function displayPath(cwd: string, p: string): string {
  return path.relative(cwd, path.resolve(cwd, p)) || '.';
}

/** One checked file: what the outputs need, without the reply model (a batch may hold 10 000). */
interface Checked {
  readonly job: CheckJob;
  outcome: Extract<FileOutcome, { ok: true }>;
}

interface Batch {
  readonly checked: Checked[];
  readonly skipped: Skipped[];
  readonly ioProblem: boolean;
  readonly locale: Locale;
  /** Every file the run reads: the replies, their project files and registers (an output may be none of them). */
  readonly inputs: readonly string[];
}

/**
 * Where the register comes from: `--register` (trusted, any path), else the `register` key of the
 * project file that applies, which must stay inside that file's folder.
 */
class RegisterSource {
  /** The registers read so far; created with the first, so that a run without one does not load io/registers. */
  registers: Registers | undefined;
  problem = false;
  constructor(private readonly io: CliIo, private readonly opts: RunOptions, private readonly configs: Configs) {}

  async for(projectFile: string | undefined, config: EffectiveConfig, locale: Locale): Promise<LoadedRegister | undefined> {
    if (this.opts.register === undefined && (!projectFile || !config.register)) return undefined;
    // registers are read by modules (and the CSV parser) that a run without one does not load
    const { locateFromProjectFile, Registers } = require('../io/registers') as typeof import('../io/registers');
    const { formatRegisterIssue } = require('../register/location') as typeof import('../register/location');
    let abs: string;
    if (this.opts.register !== undefined) {
      abs = path.resolve(this.io.cwd, this.opts.register);
    } else {
      const where = await locateFromProjectFile(projectFile!, config.register!);
      if ('problem' in where) {
        this.problem = true;
        this.configs.once(`proposal-reply: ${terminalPath(displayPath(this.io.cwd, where.source))}: register: ${localize(where.problem, locale)}\n`);
        return undefined;
      }
      abs = where.abs;
    }
    const shown = displayPath(this.io.cwd, abs);
    this.registers ??= new Registers();
    const loaded = await this.registers.load(abs, shown, config);
    if (loaded.problem) {
      this.problem = true;
      this.configs.once(`proposal-reply: ${terminalPath(shown)}: ${localize(loaded.problem, locale)}\n`);
      return undefined;
    }
    for (const issue of loaded.register!.issues) this.configs.once(`proposal-reply: ${formatRegisterIssue(issue, terminalPath(shown), locale, loaded.register!.format)}\n`);
    return loaded;
  }
}

/**
 * Checks files as one batch: configurations and registers first, in this thread (cheap, and their
 * messages depend on the order); then the files, in this thread or in worker threads, each against
 * the register its configuration names; then the replies that share a register entry are analysed
 * again with the batch's links, so that `register-duplicate-reply` sees them. Messages are printed
 * in input order, as one thread would print them.
 */
async function checkBatch(
  paths: readonly string[],
  opts: RunOptions & { format: CheckOptions['format']; quiet: boolean },
  io: CliIo,
  want: { configs?: Configs; registerFor?: (file: string) => Promise<LoadedRegister | undefined> } = {},
): Promise<Batch & { registers: RegisterSource }> {
  const configs = want.configs ?? new Configs(io, opts);
  const registers = new RegisterSource(io, opts, configs);
  const { files, problems } = await collectFiles(paths.map((p) => path.resolve(io.cwd, p)));
  let ioProblem = problems.length > 0;
  const skipped: Skipped[] = [];
  let locale: Locale = opts.locale ?? opts.fallbackLocale;
  for (const p of problems) {
    const shown = displayPath(io.cwd, p.path);
    io.stderr(`proposal-reply: ${terminalPath(shown)}: ${localize(p.message, locale)}\n`);
    skipped.push({ path: shown, reason: localize(p.message, locale) });
  }
  const jobs: CheckJob[] = [];
  const configMessages: string[][] = [];
  const registerFiles = new Set<string>();
  const inputs = new Set<string>(files);
  for (const file of files) {
    const resolved = await configs.for(file);
    locale = resolved.locale;
    const loaded = want.registerFor ? await want.registerFor(file) : await registers.for(resolved.projectFile, resolved.config, locale);
    if (loaded?.register) registerFiles.add(loaded.abs);
    if (loaded) inputs.add(loaded.abs);
    if (resolved.projectFile) inputs.add(resolved.projectFile);
    jobs.push({ file, shown: displayPath(io.cwd, file), config: resolved.config, locale: resolved.locale, ...(loaded?.register ? { register: loaded.abs } : {}) });
    configMessages.push(resolved.messages);
  }
  // a register kept beside the replies (a .txt export) is not a reply
  const kept = jobs.filter((j) => !registerFiles.has(j.file));
  const options: CheckOptions = { format: opts.format, quiet: opts.quiet, ...(opts.today !== undefined ? { today: opts.today } : {}) };
  const outcomes = await checkAll(kept, options, opts.jobs ?? defaultJobs(kept.length), registers.registers);
  const checked: Checked[] = [];
  const failedRules = new Set<string>();
  let k = 0;
  jobs.forEach((job, i) => {
    for (const m of configMessages[i]!) io.stderr(m);
    if (registerFiles.has(job.file)) return;
    const outcome = outcomes[k++]!;
    if (!outcome.ok) {
      ioProblem = true;
      io.stderr(`proposal-reply: ${terminalPath(job.shown)}: ${localize(outcome.message, job.locale)}\n`);
      skipped.push({ path: job.shown, reason: localize(outcome.message, job.locale) });
      return;
    }
    for (const note of outcome.notes) io.stderr(noteLine(job.shown, note, job.locale));
    for (const line of outcome.logs) {
      // a failing rule is logged once per run, as one analyzer would, though each worker has its own
      const rule = /^rule (\S+) failed/.exec(line)?.[1];
      if (rule !== undefined) {
        if (failedRules.has(rule)) continue;
        failedRules.add(rule);
      }
      io.stderr(`proposal-reply: ${line}\n`);
    }
    checked.push({ job, outcome });
  });
  if (configs.unreadable) ioProblem = true;
  await reanalyzeDuplicates(checked, options, registers.registers);
  return { checked, skipped, ioProblem, locale, registers, inputs: [...inputs] };
}

/** Second pass: the replies that share a register entry, analysed with the batch's links. */
async function reanalyzeDuplicates(checked: Checked[], options: CheckOptions, registers: Registers | undefined): Promise<void> {
  const byRegister = new Map<string, Checked[]>();
  for (const c of checked) {
    if (c.job.register === undefined || c.outcome.entryKeys.length === 0) continue;
    const list = byRegister.get(c.job.register);
    if (list) list.push(c);
    else byRegister.set(c.job.register, [c]);
  }
  if (byRegister.size === 0) return;
  const { batchLinks } = require('../report/batch') as typeof import('../report/batch');
  const check = fileChecker(options, registers);
  for (const list of byRegister.values()) {
    const uri = (c: Checked): string => pathToFileURL(c.job.file).href;
    const links = batchLinks(list.map((c) => ({ path: uri(c), entryKeys: c.outcome.entryKeys })));
    if (links.size === 0) continue;
    for (const c of list) {
      if (!c.outcome.entryKeys.some((key) => links.has(key))) continue;
      const again = await check(c.job, links);
      if (again.ok) c.outcome = again;
    }
  }
}

async function check(paths: readonly string[], opts: RunOptions & { failOn: FailOn; quiet: boolean }, io: CliIo): Promise<number> {
  const batch = await checkBatch(paths, { ...opts, format: opts.format as CheckOptions['format'] }, io);
  const results: FileResult[] = batch.checked.map(({ job, outcome }) => ({
    path: job.shown,
    kind: outcome.kind,
    ...(outcome.text !== undefined ? { doc: TextDocument.create(pathToFileURL(job.file).href, 'proposal-reply', 1, outcome.text) } : {}),
    ...(outcome.extractedFrom ? { extractedFrom: outcome.extractedFrom } : {}),
    findings: outcome.findings ?? [],
    diagnostics: outcome.diagnostics,
    ...(outcome.outline ? { outline: outcome.outline } : {}),
    ...(outcome.outlineOmitted ? { outlineOmitted: outcome.outlineOmitted } : {}),
  }));
  const outputLocale = batch.locale;
  if (opts.format === 'json') io.stdout(formatJson(results, batch.skipped));
  else if (opts.format === 'sarif') {
    const { formatSarif } = require('./sarif') as typeof import('./sarif');
    io.stdout(formatSarif(results, batch.skipped, outputLocale, packageVersion(), io.cwd));
  }
  else io.stdout(formatText(results, outputLocale, batch.skipped.length));
  if (batch.ioProblem || batch.registers.problem) return 2;
  if (opts.failOn === 'none') return 0;
  const threshold = RANK[opts.failOn as Severity];
  return results.some((r) => r.diagnostics.some((d) => RANK[severityOf(d)] <= threshold)) ? 1 : 0;
}

/**
 * The report: one register for the whole batch (`--register`, else the `register` of the project
 * file that applies to the first PATH), every reply linked against it, one row per entry or reply.
 */
async function report(paths: readonly string[], opts: RunOptions & { failOn: FailOn; output: string | undefined }, io: CliIo): Promise<number> {
  const { buildReport } = require('../report/batch') as typeof import('../report/batch');
  const { formatReportCsv, formatReportJson, formatReportMarkdown } = require('../report/formats') as typeof import('../report/formats');
  const { formatReportHtml, relativeHref } = require('../report/html') as typeof import('../report/html');
  const first = path.resolve(io.cwd, paths[0]!);
  const configs = new Configs(io, opts);
  const registers = new RegisterSource(io, opts, configs);
  let anchor = first;
  try {
    // a folder's own project file applies to it: look it up from a file inside the folder
    if ((await fs.stat(first)).isDirectory()) anchor = path.join(first, PROJECT_FILE_NAME);
  } catch {
    // reported when the paths are collected
  }
  const resolved = await configs.for(anchor);
  for (const m of resolved.messages) io.stderr(m);
  const loaded = await registers.for(resolved.projectFile, resolved.config, resolved.locale);
  const batch = await checkBatch(paths, { ...opts, format: 'report', quiet: false }, io, { configs, registerFor: async () => loaded });
  const locale = opts.locale ?? resolved.config.locale ?? opts.fallbackLocale;
  const built = buildReport({
    ...(loaded?.register ? { register: loaded.register, registerSource: loaded.shown } : {}),
    replies: batch.checked.map((c) => c.outcome.summary!),
    today: todayOf(opts.now()),
  });
  const outDir = opts.output !== undefined ? path.dirname(path.resolve(io.cwd, opts.output)) : io.cwd;
  let text: string | Buffer;
  switch (opts.format) {
    case 'xlsx': {
      if (opts.output === undefined && !io.stdoutBytes) return usageError(io, locale, locale === 'en' ? 'an xlsx report needs --output FILE' : 'xlsx 报告需要用 --output 指定文件');
      const { formatReportXlsx } = require('../office/xlsxReport') as typeof import('../office/xlsxReport');
      text = await formatReportXlsx(built, locale);
      break;
    }
    case 'json': text = formatReportJson(built); break;
    case 'csv': text = formatReportCsv(built, locale); break;
    case 'md': text = formatReportMarkdown(built, locale); break;
    default: text = formatReportHtml(built, {
      locale,
      generator: `proposal-reply ${packageVersion()}`,
      hrefOf: (shown) => relativeHref(path.relative(outDir, path.resolve(io.cwd, shown))),
    });
  }
  const ioProblem = batch.ioProblem || registers.problem;
  if (opts.output !== undefined) {
    const target = path.resolve(io.cwd, opts.output);
    const inputs = [...batch.inputs, ...(loaded ? [loaded.abs] : []), ...(resolved.projectFile ? [resolved.projectFile] : [])];
    const written = await writeOutputFile(target, text, inputs);
    if (!written.ok) {
      io.stderr(`proposal-reply: ${terminalPath(displayPath(io.cwd, target))}: ${localize(written.message, locale)}\n`);
      return 2;
    }
    const t = built.totals;
    io.stderr(locale === 'en'
      ? `proposal-reply: wrote ${terminalPath(displayPath(io.cwd, target))}: ${t.rows} row(s), ${t.missing} without reply, ${t.errorFindings} error(s), ${t.warningFindings} warning(s), ${t.overdue} overdue.\n`
      : `proposal-reply: 已写入 ${terminalPath(displayPath(io.cwd, target))}：共 ${t.rows} 行，未答复 ${t.missing}，错误 ${t.errorFindings} 个，警告 ${t.warningFindings} 个，逾期 ${t.overdue}。\n`);
  } else if (typeof text === 'string') {
    io.stdout(text);
  } else {
    io.stdoutBytes!(text);
  }
  if (ioProblem) return 2;
  if (opts.failOn === 'none') return 0;
  const threshold = RANK[opts.failOn as Severity];
  return batch.checked.some((c) => (Object.keys(c.outcome.summary!.counts) as Severity[]).some((sev) => c.outcome.summary!.counts[sev] > 0 && RANK[sev] <= threshold)) ? 1 : 0;
}

async function outline(file: string, opts: RunOptions, io: CliIo): Promise<number> {
  const abs = path.resolve(io.cwd, file);
  const shown = displayPath(io.cwd, abs);
  const configs = new Configs(io, opts);
  const { config, locale, messages } = await configs.for(abs);
  for (const m of messages) io.stderr(m);
  const read = await readAnyReplyFile(abs);
  if (!read.ok) {
    io.stderr(`proposal-reply: ${terminalPath(shown)}: ${localize(read.problem.message, locale)}\n`);
    return 2;
  }
  for (const note of read.notes) io.stderr(noteLine(shown, note, locale));
  const doc = TextDocument.create(pathToFileURL(abs).href, 'proposal-reply', 1, read.text);
  const analysis = createAnalyzer({ now: opts.now, cacheSize: 1 }).analyze(doc, config, {});
  if (opts.roles) {
    // the reading quotes the reply's text: each line escaped as any line the CLI prints
    io.stdout(readingOf(analysis.reply).split('\n').map(escapeControls).join('\n'));
    return configs.unreadable ? 2 : 0;
  }
  const result: FileResult = {
    path: shown, kind: analysis.reply.kind, doc, findings: [], diagnostics: [], outline: buildOutline(analysis.reply, doc), outlineOmitted: outlineOmitted(analysis.reply),
    ...(read.extractedFrom ? { extractedFrom: read.extractedFrom } : {}),
  };
  io.stdout(opts.format === 'json' ? formatJson([result], []) : formatOutlineText(result, locale));
  return configs.unreadable ? 2 : 0;
}

function listRules(format: string, locale: Locale, io: CliIo): number {
  const rules = RULES as readonly Rule[];
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rules.map((r) => ({
      id: r.id, defaultSeverity: r.defaultSeverity, title: r.title, description: r.description, sources: r.sources, appliesTo: r.appliesTo ?? null,
    })), null, 2)}\n`);
    return 0;
  }
  if (format !== 'text') return usageError(io, locale, `--format: ${format}`);
  const width = Math.max(...rules.map((r) => r.id.length)) + 1;
  for (const r of rules) io.stdout(`${r.id.padEnd(width)} ${r.defaultSeverity.padEnd(12)} ${localize(r.title, locale)}\n`);
  return 0;
}

/** Entry point for `bin/proposal-reply.js`. */
export async function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    ...(process.stdout.isTTY ? {} : { stdoutBytes: (b: Buffer) => process.stdout.write(b) }),
  });
}
