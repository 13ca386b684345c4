/**
 * The command-line checker: `proposal-reply check` and `proposal-reply outline` over the same
 * service the editor uses. Exit codes: 0 no finding at the failing severity, 1 some finding at it,
 * 2 a usage or I/O problem (reported on stderr; the other files are still checked).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ConfigLayer, formatConfigIssue, resolveConfig } from '../config/resolve';
import { DOCUMENT_KINDS } from '../model';
import { RULES } from '../rules';
import type { Locale, Rule, Severity } from '../rules/types';
import { localize } from '../rules/types';
import { createReplyService } from '../service';
import { buildOutline } from '../features/outline';
import { type CheckJob, type CheckOptions, checkAll, defaultJobs } from './check';
import { collectFiles, ProjectFiles, readReplyFile } from './files';
import { type FileResult, formatJson, formatOutlineText, formatSarif, formatText, severityOf, type Skipped } from './format';

export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const VERSION = readVersion();

function readVersion(): string {
  try {
    // out/server/src/cli/main.js → package.json at the root
    return (require(path.join(__dirname, '..', '..', '..', '..', 'package.json')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

const FAIL_ON = ['error', 'warning', 'information', 'hint', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function usage(locale: Locale): string {
  return locale === 'en' ? `Usage:
  proposal-reply check [options] PATH...     check reply files and folders (*.reply, *.txt)
  proposal-reply outline [options] FILE      print the structure of one reply
  proposal-reply rules [--format text|json]  list the rules

Options:
  --format text|json|sarif   output format (outline: text|json; default text)
  --config FILE              use this project file instead of the nearest .proposal-reply.json
  --kind KIND                document kind: auto, ${DOCUMENT_KINDS.join(', ')}
  --locale zh-cn|en          message language (default: configuration, then LANG, then zh-cn)
  --quiet                    report errors only
  --fail-on LEVEL            exit 1 at this severity or worse: ${FAIL_ON.join(', ')} (default error)
  --today YYYY-MM-DD         the date to check against (default: today), for reproducible runs
  --jobs N                   threads for check (default: all cores for 500 files or more, else 1)
  -h, --help                 this help
  -v, --version              the version

Exit status: 0 no finding at the --fail-on level, 1 some finding at it, 2 usage or I/O problem.
` : `用法：
  proposal-reply check [选项] 路径...       检查答复文件或文件夹（*.reply、*.txt）
  proposal-reply outline [选项] 文件        输出一份答复的结构
  proposal-reply rules [--format text|json] 列出全部规则

选项：
  --format text|json|sarif   输出格式（outline 为 text|json；默认 text）
  --config 文件              使用指定的项目配置文件，而不是就近的 .proposal-reply.json
  --kind 类型                文种：auto、${DOCUMENT_KINDS.join('、')}
  --locale zh-cn|en          提示语言（默认依次取配置、LANG 环境变量、zh-cn）
  --quiet                    只报告错误
  --fail-on 级别             出现该级别及以上问题时退出码为 1：${FAIL_ON.join('、')}（默认 error）
  --today YYYY-MM-DD         以该日期为“今天”检查日期，便于复现
  --jobs N                   check 使用的线程数（默认：500 个文件及以上用全部核心，否则 1）
  -h, --help                 显示帮助
  -v, --version              显示版本

退出码：0 未发现 --fail-on 级别的问题；1 发现此类问题；2 用法或读写错误。
`;
}

function envLocale(env: CliIo['env']): Locale | undefined {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(lang) ? 'en' : /^zh/i.test(lang) ? 'zh-cn' : undefined;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
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
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.stderr(`proposal-reply: ${(e as Error).message}\n\n${usage(fallbackLocale)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const cliLocale = values.locale;
  if (cliLocale !== undefined && cliLocale !== 'zh-cn' && cliLocale !== 'en') return usageError(io, fallbackLocale, `--locale: ${cliLocale}`);
  const locale: Locale | undefined = cliLocale as Locale | undefined;
  const shownLocale = locale ?? fallbackLocale;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.stdout(usage(shownLocale));
    return command === undefined && !values.help ? 2 : 0;
  }
  const format = values.format ?? 'text';
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) return usageError(io, shownLocale, `--fail-on: ${failOn}`);
  if (values.kind !== undefined && values.kind !== 'auto' && !(DOCUMENT_KINDS as readonly string[]).includes(values.kind)) {
    return usageError(io, shownLocale, `--kind: ${values.kind}`);
  }
  let now: () => Date = () => new Date();
  let today: number | undefined;
  if (values.today !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.today);
    if (!m) return usageError(io, shownLocale, `--today: ${values.today}`);
    const fixed = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
    now = () => fixed;
    today = fixed.getTime();
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    if (!/^[1-9]\d{0,3}$/.test(values.jobs)) return usageError(io, shownLocale, `--jobs: ${values.jobs}`);
    jobs = Number(values.jobs);
  }

  switch (command) {
    case 'check':
      if (!['text', 'json', 'sarif'].includes(format)) return usageError(io, shownLocale, `--format: ${format}`);
      if (rest.length === 0) return usageError(io, shownLocale, shownLocale === 'en' ? 'check needs at least one PATH' : 'check 需要至少一个路径');
      return check(rest, { format, failOn, quiet: values.quiet === true, locale, fallbackLocale, now, today, jobs, config: values.config, kind: values.kind }, io);
    case 'outline':
      if (!['text', 'json'].includes(format)) return usageError(io, shownLocale, `--format: ${format}`);
      if (rest.length !== 1) return usageError(io, shownLocale, shownLocale === 'en' ? 'outline takes exactly one FILE' : 'outline 需要且只需要一个文件');
      return outline(rest[0]!, { format, locale, fallbackLocale, now, today, config: values.config, kind: values.kind }, io);
    case 'rules':
      return listRules(format, shownLocale, io);
    default:
      return usageError(io, shownLocale, shownLocale === 'en' ? `unknown command "${command}"` : `未知命令“${command}”`);
  }
}

function usageError(io: CliIo, locale: Locale, what: string): number {
  io.stderr(`proposal-reply: ${locale === 'en' ? 'invalid usage' : '用法错误'}: ${what}\n\n${usage(locale)}`);
  return 2;
}

interface RunOptions {
  readonly format: string;
  readonly locale: Locale | undefined;
  readonly fallbackLocale: Locale;
  readonly now: () => Date;
  /** The fixed date of `--today` (milliseconds), which worker threads need as data. */
  readonly today: number | undefined;
  readonly config: string | undefined;
  readonly kind: string | undefined;
}

/** Resolves the configuration for one file; each configuration issue is reported once per run. */
class Configs {
  private readonly projectFiles = new ProjectFiles();
  private readonly reported = new Set<string>();
  /** The resolved configuration per project file ('' for none), shared by all files under it. */
  private readonly resolved = new Map<string, { config: ReturnType<typeof resolveConfig>['config']; issues: ReturnType<typeof resolveConfig>['issues'] }>();
  /** Set when a project file could not be read at all. */
  unreadable = false;
  constructor(private readonly io: CliIo, private readonly opts: RunOptions) {}

  /** The configuration, its locale, and the lines to print for issues not yet reported. */
  async for(file: string): Promise<{ config: ReturnType<typeof resolveConfig>['config']; locale: Locale; messages: string[] }> {
    const projectFile = this.opts.config !== undefined ? path.resolve(this.io.cwd, this.opts.config) : await this.projectFiles.nearest(file);
    const key = projectFile ?? '';
    let entry = this.resolved.get(key);
    if (!entry) {
      const layers: ConfigLayer[] = [];
      let issues: ReturnType<typeof resolveConfig>['issues'] = [];
      if (projectFile) {
        const shown = displayPath(this.io.cwd, projectFile);
        const loaded = await this.projectFiles.load(projectFile, shown);
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
      const line = formatConfigIssue(issue, locale);
      if (this.reported.has(line)) continue;
      this.reported.add(line);
      messages.push(`proposal-reply: ${locale === 'en' ? 'configuration' : '配置'}: ${line}\n`);
    }
    return { config: entry.config, locale, messages };
  }
}

/** Paths are shown relative to the working folder, as a user would type them. */
function displayPath(cwd: string, p: string): string {
  return path.relative(cwd, path.resolve(cwd, p)) || '.';
}

async function check(paths: readonly string[], opts: RunOptions & { failOn: FailOn; quiet: boolean; jobs: number | undefined }, io: CliIo): Promise<number> {
  const configs = new Configs(io, opts);
  const { files, problems } = await collectFiles(paths.map((p) => path.resolve(io.cwd, p)));
  let ioProblem = problems.length > 0;
  const skipped: Skipped[] = [];
  const results: FileResult[] = [];
  let outputLocale: Locale = opts.locale ?? opts.fallbackLocale;
  for (const p of problems) {
    const shown = displayPath(io.cwd, p.path);
    io.stderr(`proposal-reply: ${shown}: ${localize(p.message, outputLocale)}\n`);
    skipped.push({ path: shown, reason: localize(p.message, outputLocale) });
  }
  // configurations first (cheap, and their messages depend on the order), then the files, in this
  // thread or in workers; then everything is printed in input order, as one thread would print it
  const jobs: CheckJob[] = [];
  const configMessages: string[][] = [];
  for (const file of files) {
    const { config, locale, messages } = await configs.for(file);
    outputLocale = locale;
    jobs.push({ file, config, locale });
    configMessages.push(messages);
  }
  const format = opts.format as CheckOptions['format'];
  const today = opts.today;
  const outcomes = await checkAll(jobs, { format, quiet: opts.quiet, ...(today !== undefined ? { today } : {}) }, opts.jobs ?? defaultJobs(jobs.length));
  const failedRules = new Set<string>();
  outcomes.forEach((outcome, i) => {
    const { file, locale } = jobs[i]!;
    const shown = displayPath(io.cwd, file);
    for (const m of configMessages[i]!) io.stderr(m);
    if (!outcome.ok) {
      ioProblem = true;
      io.stderr(`proposal-reply: ${shown}: ${localize(outcome.message, locale)}\n`);
      skipped.push({ path: shown, reason: localize(outcome.message, locale) });
      return;
    }
    for (const line of outcome.logs) {
      // a failing rule is logged once per run, as one service would, though each worker has its own
      const rule = /^rule (\S+) failed/.exec(line)?.[1];
      if (rule !== undefined) {
        if (failedRules.has(rule)) continue;
        failedRules.add(rule);
      }
      io.stderr(`proposal-reply: ${line}\n`);
    }
    results.push({
      path: shown,
      kind: outcome.kind,
      ...(outcome.text !== undefined ? { doc: TextDocument.create(pathToFileURL(file).href, 'proposal-reply', 1, outcome.text) } : {}),
      findings: outcome.findings ?? [],
      diagnostics: outcome.diagnostics,
      ...(outcome.outline ? { outline: outcome.outline } : {}),
    });
  });
  if (configs.unreadable) ioProblem = true;
  if (opts.format === 'json') io.stdout(formatJson(results, skipped));
  else if (opts.format === 'sarif') io.stdout(formatSarif(results, skipped, outputLocale, VERSION, io.cwd));
  else io.stdout(formatText(results, outputLocale));
  if (ioProblem) return 2;
  if (opts.failOn === 'none') return 0;
  const threshold = RANK[opts.failOn as Severity];
  return results.some((r) => r.diagnostics.some((d) => RANK[severityOf(d)] <= threshold)) ? 1 : 0;
}

async function outline(file: string, opts: RunOptions, io: CliIo): Promise<number> {
  const abs = path.resolve(io.cwd, file);
  const shown = displayPath(io.cwd, abs);
  const configs = new Configs(io, opts);
  const { config, locale, messages } = await configs.for(abs);
  for (const m of messages) io.stderr(m);
  const read = await readReplyFile(abs);
  if (!read.ok) {
    io.stderr(`proposal-reply: ${shown}: ${localize(read.problem.message, locale)}\n`);
    return 2;
  }
  const service = createReplyService({ now: opts.now, cacheSize: 1 });
  const doc = TextDocument.create(pathToFileURL(abs).href, 'proposal-reply', 1, read.text);
  const analysis = service.analyze(doc, config);
  const result: FileResult = { path: shown, kind: analysis.reply.kind, doc, findings: [], diagnostics: [], outline: buildOutline(analysis.reply, doc) };
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
  for (const r of rules) io.stdout(`${r.id.padEnd(26)} ${r.defaultSeverity.padEnd(12)} ${localize(r.title, locale)}\n`);
  return 0;
}

/** Entry point for `bin/proposal-reply.js`. */
export async function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
  });
}
