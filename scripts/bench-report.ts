/**
 * How long the report takes for 10 000 replies (`npm run bench:report`). Generates a register of
 * 10 200 entries and 10 000 replies (complete ones, and drafts with a missing closing, a wrong
 * number, a paraphrased title, a late date; 100 duplicates; 200 entries left without a reply), then
 * times the core pipeline stage by stage in memory, and the whole `proposal-reply report` command
 * over files on disk. Prints figures; asserts nothing. The files go to a temporary folder that is
 * removed afterwards.
 *
 * Options: --replies N (default 10000), --keep (keep the temporary folder).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../server/src/cli/main';
import { resolveConfig } from '../server/src/config/resolve';
import { parseRegister } from '../server/src/register';
import { batchLinks, buildReport } from '../server/src/report/batch';
import { formatReportCsv, formatReportJson, formatReportMarkdown } from '../server/src/report/formats';
import { formatReportHtml } from '../server/src/report/html';
import { type ReplySummary, summarizeReply } from '../server/src/report/summary';
import { RULES } from '../server/src/rules';
import { createReplyService } from '../server/src/service';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--replies') + 1]) || 10_000;
const KEEP = args.includes('--keep');
const DUPLICATES = Math.round(N / 100);
const UNIQUE = N - DUPLICATES;
const MISSING = Math.round(N / 50);

const SURNAMES = '陈林黄张李王吴刘蔡杨郑许谢郭洪曾邱廖赖周徐苏叶庄吕何罗高潘朱';
const GIVEN = '明远晓红建国丽萍海燕思远文彬志强秀兰伟华敏静芳杰涛磊军';
const TOPICS = ['中小学课后服务', '校园食品安全', '学校周边交通秩序', '普惠性幼儿园建设', '体育教师队伍建设', '职业院校产教融合', '心理健康教育', '劳动教育实践基地', '教师减负', '智慧校园建设'];

function name(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13 + 5) % GIVEN.length]}`;
}

function number(i: number): string {
  return String(20250000 + i);
}

function title(i: number): string {
  return `关于进一步加强${TOPICS[i % TOPICS.length]}工作的建议（${i}）`;
}

function registerCsv(): string {
  const rows = ['编号,案由,提案人,类型,届次,主办单位,协办单位,办理期限,答复类别'];
  for (let i = 0; i < UNIQUE + MISSING; i++) {
    rows.push([number(i), title(i), name(i), '提案', '市政协十四届四次会议', '厦门市教育局', '市财政局', i % 3 === 0 ? '2025-06-30' : '2025-07-31', 'ABC'[i % 3]].join(','));
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}

/** A reply for entry i; i % 10 chooses the flaw. */
function reply(i: number): string {
  const flaw = i % 10;
  const cited = flaw === 7 ? number(i + 1_000_000) : number(i);
  const quoted = flaw === 8 ? `关于${TOPICS[i % TOPICS.length]}的建议` : title(i);
  const date = flaw === 9 ? '2025年8月20日' : '2025年6月16日';
  const lines = [
    `厦门市教育局关于市政协十四届四次会议第${number(i)}号提案的答复`, '',
    `答复类别：${'ABC'[i % 3]}类`, '',
    `${name(i)}委员：`, '',
    `您提出的《${quoted}》（第${cited}号）收悉。经认真研究，现答复如下：`, '',
    `近年来，我局高度重视${TOPICS[i % TOPICS.length]}工作，会同有关部门认真研究您提出的意见。`, '',
    '一、完善工作机制', '',
    '（一）健全制度。出台有关实施办法，明确各方职责，形成工作合力。', '',
    '（二）加强保障。统筹安排专项经费，确保各项措施落到实处。', '',
    '二、强化督促落实', '',
    '（一）开展检查。每学期组织专项督导，对发现的问题建立台账、限期整改。', '',
    '（二）加强宣传。通过家长会、新媒体等渠道宣传政策，回应群众关切。', '',
    '下一步，我局将继续完善有关政策，推动工作取得更大成效。', '',
  ];
  if (flaw !== 6) lines.push('感谢您对教育工作的关心和支持，欢迎继续提出宝贵意见。', '');
  lines.push('厦门市教育局', date, '', '（联系人：林晓，联系电话：0592-1234567）', '');
  return lines.join('\n');
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-bench-'));
  const figures: Array<[string, number, string?]> = [];
  try {
    // ---- data
    let t = process.hrtime.bigint();
    const csv = registerCsv();
    const texts: Array<[string, string]> = [];
    for (let i = 0; i < UNIQUE; i++) texts.push([`${number(i)}-${name(i)}.reply`, reply(i)]);
    for (let i = 0; i < DUPLICATES; i++) texts.push([`${number(i * 97)}-${name(i * 97)}（修改稿）.reply`, reply(i * 97)]);
    fs.writeFileSync(path.join(dir, 'register.csv'), csv);
    fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({ organization: '厦门市教育局', register: 'register.csv' }));
    fs.mkdirSync(path.join(dir, 'replies'));
    for (const [file, text] of texts) fs.writeFileSync(path.join(dir, 'replies', file), text);
    const bytes = texts.reduce((n, [, s]) => n + Buffer.byteLength(s), 0);
    console.log(`generated ${texts.length} replies (${(bytes / 1024 / 1024).toFixed(1)} MB) and a register of ${UNIQUE + MISSING} entries (${(csv.length / 1024).toFixed(0)} K chars) in ${fmt(ms(t))} ms`);
    console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`);

    // ---- the core pipeline in memory, stage by stage
    const today = { year: 2025, month: 9, day: 1 };
    const { config } = resolveConfig([{ source: 'bench', data: { organization: '厦门市教育局' } }]);
    const total = process.hrtime.bigint();
    t = process.hrtime.bigint();
    const register = parseRegister(csv, { categories: ['A', 'B', 'C'] });
    figures.push(['parse and validate the register (csv-parse + zod)', ms(t), `${register.entries.length} entries, ${register.issues.length} issues`]);

    const service = createReplyService({ now: () => new Date(2025, 8, 1, 12), cacheSize: 1 });
    t = process.hrtime.bigint();
    const docs = texts.map(([file, text]) => TextDocument.create(pathToFileURL(path.join(dir, 'replies', file)).href, 'proposal-reply', 1, text));
    const summaries: ReplySummary[] = [];
    const keys: string[][] = [];
    for (let i = 0; i < docs.length; i++) {
      const a = service.analyze(docs[i]!, config, { register });
      summaries.push(summarizeReply(texts[i]![0], a));
      keys.push(a.link?.entries.map((e) => e.key) ?? []);
      service.forget(docs[i]!.uri);
    }
    const analyse = ms(t);
    figures.push([`parse, link and check every reply (${RULES.length} rules)`, analyse, `${fmt((analyse / docs.length) * 1000)} µs per reply`]);

    t = process.hrtime.bigint();
    const links = batchLinks(docs.map((d, i) => ({ path: d.uri, entryKeys: keys[i]! })));
    let again = 0;
    for (let i = 0; i < docs.length; i++) {
      if (!keys[i]!.some((k) => links.has(k))) continue;
      again++;
      summaries[i] = summarizeReply(texts[i]![0], service.analyze(docs[i]!, config, { register, batchLinks: links }));
      service.forget(docs[i]!.uri);
    }
    figures.push(['second pass for duplicates', ms(t), `${again} replies in ${links.size} shared entries`]);

    t = process.hrtime.bigint();
    const report = buildReport({ register, registerSource: 'register.csv', replies: summaries, today });
    figures.push(['build the report rows and counts', ms(t), `${report.rows.length} rows`]);
    const core = ms(total);

    const sizes: string[] = [];
    for (const [label, run] of [
      ['html', () => formatReportHtml(report, { locale: 'zh-cn' })],
      ['csv', () => formatReportCsv(report, 'zh-cn')],
      ['md', () => formatReportMarkdown(report, 'zh-cn')],
      ['json', () => formatReportJson(report)],
    ] as const) {
      t = process.hrtime.bigint();
      const out = run();
      figures.push([`format ${label}`, ms(t), `${(Buffer.byteLength(out) / 1024 / 1024).toFixed(1)} MB`]);
      sizes.push(label);
    }
    const totals = report.totals;

    // ---- the whole command, reading 10 000 files from disk
    t = process.hrtime.bigint();
    let stderr = '';
    const code = await runCli(['--today', '2025-09-01', 'report', '--format', 'html', '--output', path.join(dir, 'report.html'), path.join(dir, 'replies')], {
      stdout: () => undefined, stderr: (s) => (stderr += s), cwd: dir, env: {},
    });
    const cli = ms(t);

    const width = Math.max(...figures.map(([l]) => l.length));
    for (const [label, time, note] of figures) console.log(`${label.padEnd(width)}  ${fmt(time).padStart(8)} ms${note ? `   ${note}` : ''}`);
    console.log(`${'core total (register, replies, duplicates, rows)'.padEnd(width)}  ${fmt(core).padStart(8)} ms`);
    console.log(`${'proposal-reply report --format html (end to end)'.padEnd(width)}  ${fmt(cli).padStart(8)} ms   exit ${code}`);
    console.log(`\nstates: ${totals.missing} no reply, ${totals.errors} with errors, ${totals.warnings} with warnings, ${totals.complete} complete; ${totals.overdue} overdue, ${totals.duplicates} duplicate rows`);
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    if (stderr) console.log(`\ncommand stderr: ${stderr.trim()}`);
  } finally {
    if (KEEP) console.log(`\nkept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
