/**
 * How long Word documents take (`npm run bench:office`): writes N .docx replies (default 1 000:
 * the examples, seeds and real corpus exported as Word documents, cycled, half of them with their
 * measure headings numbered by Word's list feature instead of typed 一、), then times, each in a new
 * process as a user runs it, `proposal-reply check FOLDER`, `check --jobs 1`, and
 * `report --format xlsx -o report.xlsx FOLDER`; and, for the cold start, `check` of one .reply
 * file. Prints figures; asserts nothing. The files go to a temporary folder removed afterwards.
 *
 * Options: --files N, --keep (keep the folder).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as d from 'docx';
import { exportDocx } from '../server/src/office/exportDocx';
import { parseReply } from '../server/src/parse';

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--files') + 1]) || 1000;
const KEEP = args.includes('--keep');
const CLI = path.join(ROOT, 'bin', 'proposal-reply.js');

function sources(): string[] {
  const dirs = [path.join(ROOT, 'examples', 'clean'), path.join(ROOT, 'examples', 'flawed'), path.join(ROOT, '..', 'shared', 'corpus', 'seeds'), path.join(ROOT, '..', 'shared', 'corpus', 'real')];
  const out: string[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) if (/\.(reply|txt)$/.test(f)) out.push(fs.readFileSync(path.join(dir, f), 'utf8'));
  }
  return out;
}

/** A reply as Word's list feature numbers it: the 一、 of each line moved into an automatic list. */
function listNumbered(text: string): Promise<Buffer> {
  const levels = [
    { level: 0, format: d.LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: d.AlignmentType.LEFT, suffix: d.LevelSuffix.NOTHING },
    { level: 1, format: d.LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: d.AlignmentType.LEFT, suffix: d.LevelSuffix.NOTHING },
  ];
  const paragraphs = text.split(/\r?\n/).filter((l) => l.trim() !== '').map((line) => {
    const m = /^\s*(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）)/.exec(line);
    if (!m) return new d.Paragraph({ children: [new d.TextRun(line.trim())] });
    return new d.Paragraph({ numbering: { reference: 'reply', level: m[1] ? 0 : 1 }, children: [new d.TextRun(line.slice(m[0].length).trim())] });
  });
  return d.Packer.toBuffer(new d.Document({ numbering: { config: [{ reference: 'reply', levels }] }, sections: [{ children: paragraphs }] }));
}

function timed(label: string, argv: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const tail = (r.stderr.trim().split('\n').pop() ?? '') || (r.stdout.trim().split('\n').pop() ?? '');
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s   exit ${r.status}   ${tail.slice(0, 90)}`);
  return ms;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-bench-office-'));
  const replies = path.join(dir, 'replies');
  fs.mkdirSync(replies);
  const texts = sources();
  const made = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    const text = texts[i % texts.length]!;
    const doc = i % 2 === 0 ? await exportDocx(parseReply(text)) : await listNumbered(text);
    bytes += doc.length;
    fs.writeFileSync(path.join(replies, `${String(i).padStart(5, '0')}.docx`), doc);
  }
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ${os.availableParallelism()} cores; node ${process.version}`);
  console.log(`wrote ${N} .docx (${(bytes / 1024 / 1024).toFixed(1)} MB, from ${texts.length} replies) in ${(Number(process.hrtime.bigint() - made) / 1e9).toFixed(1)} s`);
  fs.writeFileSync(path.join(dir, 'one.reply'), texts[0]!);
  timed('cold start: check one .reply', ['check', '--fail-on', 'none', 'one.reply'], dir);
  timed(`check ${N} .docx (default threads)`, ['check', '--fail-on', 'none', 'replies'], dir);
  timed(`check ${N} .docx --jobs 1`, ['check', '--fail-on', 'none', '--jobs', '1', 'replies'], dir);
  timed(`report --format xlsx ${N} .docx`, ['report', '--format', 'xlsx', '-o', 'report.xlsx', 'replies'], dir);
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (KEEP) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
