/**
 * The command line under hostile input (issue 23): a few MB of the wrong text within a 256 MB heap,
 * one failing file among many, quadratic fix data, a report output that is a symlink or an input,
 * built-in object names as configuration keys, terminal control characters, non-regular files,
 * misread encodings and CSV quotes, and the smaller faults. Each test failed on the main branch
 * before the fix. Processes that could hang or run out of memory run as child processes with a
 * timeout (never a fixed sleep).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkAll, type CheckJob } from '../../server/src/cli/check';
import { runCli } from '../../server/src/cli/main';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { ROOT } from '../support/fixtures';

const BIN = path.join(ROOT, 'bin', 'proposal-reply.js');
const MiB = 1024 * 1024;
/** A reply that checks clean apart from what a test adds. */
const CLEAN = fs.readFileSync(path.join(ROOT, 'examples', 'clean', 'proposal-reply.reply'), 'utf8');

interface Run {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Bytes written to stdout (the text is kept only up to a limit). */
  stdoutBytes: number;
}

/** Runs the CLI in a child process (a reduced heap when `heapMb` is given); kills it after `timeout` ms. */
function spawnCli(args: readonly string[], cwd: string, options: { heapMb?: number; timeout?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []), BIN, '--today', '2026-11-23', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let stdoutBytes = 0;
    child.stdout.on('data', (d: Buffer) => {
      stdoutBytes += d.length;
      if (stdout.length < 64 * MiB) stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-20_000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`proposal-reply ${args.join(' ')} did not finish in ${options.timeout ?? 60_000} ms; stderr: ${stderr}`));
    }, options.timeout ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, stdoutBytes });
    });
  });
}

/** The CLI in this process (for what cannot hang or exhaust memory). */
async function cli(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--today', '2026-11-23', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {} });
  return { code, stdout, stderr, stdoutBytes: Buffer.byteLength(stdout) };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-hostile-'));
}

/** Control characters, bidi controls and separators that must never reach a terminal raw. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('command line under hostile input', function () {
  this.timeout(120_000);

  describe('item 1: memory and output bounded by the caps', () => {
    it('checks 190 000 lines of `中,` and 1.5 MB of unclosed brackets within a 256 MB heap, JSON output smaller than the input, and refuses 1 MB of such lines', async () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'comma.txt'), '中,\n'.repeat(190_000));
      fs.writeFileSync(path.join(dir, 'paren.txt'), '（'.repeat(500_000));
      fs.writeFileSync(path.join(dir, 'ok.reply'), CLEAN);
      // more lines than any reply has (MAX_FILE_LINES): refused with a reason, not analysed
      fs.writeFileSync(path.join(dir, 'zz-lines.txt'), '中,\n'.repeat(Math.floor(MiB / 5)));
      const inputBytes = 190_000 * 5 + 1_500_000;
      const r = await spawnCli(['check', '--format', 'json', '--fail-on', 'none', '.'], dir, { heapMb: 256 });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /zz-lines\.txt: 行数过多（209716 行，上限 200000 行），不是答复文稿，已跳过。/);
      const json = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; message: string }> }> };
      assert.deepEqual(json.files.map((f) => f.path), ['comma.txt', 'ok.reply', 'paren.txt']);
      assert.deepEqual(json.files[1]!.diagnostics, []);
      for (const f of [json.files[0]!, json.files[2]!]) {
        assert.ok(f.diagnostics.length <= 1000 + 40, `${f.path}: ${f.diagnostics.length} diagnostics`);
        assert.ok(f.diagnostics.some((d) => /未逐一列出/.test(d.message)), `${f.path}: no finding says how many were left out`);
      }
      assert.ok(r.stdoutBytes < inputBytes, `JSON of ${r.stdoutBytes} bytes for ${inputBytes} bytes of input`);
    });

    it('keeps the other files’ results when a worker runs out of memory on one file', async () => {
      const dir = tempDir();
      const jobs: CheckJob[] = [];
      for (let i = 0; i < 7; i++) {
        const file = path.join(dir, `r${i}.reply`);
        // a file of 190 000 headings (within MAX_FILE_LINES) needs far more than the workers' 24 MB
        fs.writeFileSync(file, i === 3 ? '1. 加强领导\n'.repeat(190_000) : CLEAN);
        jobs.push({ file, shown: `r${i}.reply`, config: DEFAULT_CONFIG, locale: 'zh-cn' });
      }
      const outcomes = await checkAll(jobs, { format: 'text', quiet: false, today: Date.UTC(2026, 10, 23) }, 2, undefined, { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 });
      assert.deepEqual(outcomes.map((o) => o.ok), [true, true, true, false, true, true, true]);
      const failed = outcomes[3]!;
      assert.ok(!failed.ok);
      assert.match(failed.message.zh, /工作线程异常退出（ERR_WORKER_OUT_OF_MEMORY）/);
      for (const o of outcomes) if (o.ok) assert.deepEqual(o.diagnostics, []);
    });
  });

  describe('item 3: fix data linear in the input', () => {
    it('writes the SARIF of 2 000 list items all numbered `1.` within a 256 MB heap, a small multiple of the input', async () => {
      const dir = tempDir();
      const text = `林灵委员：\n您提出的《关于课后服务的建议》收悉，现答复如下：\n${'1. 加强领导，完善机制，推进工作落实\n'.repeat(2000)}`;
      fs.writeFileSync(path.join(dir, 'list.reply'), text);
      const r = await spawnCli(['check', '--format', 'sarif', 'list.reply'], dir, { heapMb: 256 });
      assert.equal(r.code, 1, r.stderr);
      const sarif = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ ruleId: string; fixes?: Array<{ artifactChanges: Array<{ replacements: unknown[] }> }> }> }> };
      const results = sarif.runs[0]!.results.filter((x) => x.ruleId === 'numbering-sequence');
      assert.equal(results.length, 201);
      const replacements = results.reduce((n, x) => n + (x.fixes ?? []).reduce((m, f) => m + f.artifactChanges[0]!.replacements.length, 0), 0);
      assert.ok(replacements < 2 * 2000, `${replacements} replacements`);
      assert.ok(r.stdoutBytes < 20 * Buffer.byteLength(text), `SARIF of ${r.stdoutBytes} bytes for ${Buffer.byteLength(text)}`);
    });
  });

  describe('item 4: files written only where the user said', () => {
    const workspace = (): string => {
      const dir = tempDir();
      fs.cpSync(path.join(ROOT, 'examples', 'register'), dir, { recursive: true });
      return dir;
    };

    it('refuses an --output that is an existing symlink, and leaves the link’s target alone', async () => {
      const dir = workspace();
      const outside = path.join(tempDir(), '.bashrc');
      fs.writeFileSync(outside, 'export PATH\n');
      fs.symlinkSync(outside, path.join(dir, '报告.csv'));
      const r = await cli(['report', '--format', 'csv', '--output', '报告.csv', '.'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /报告\.csv: 输出文件是一个已有的符号链接，拒绝写入/);
      assert.equal(fs.readFileSync(outside, 'utf8'), 'export PATH\n');
      assert.ok(fs.lstatSync(path.join(dir, '报告.csv')).isSymbolicLink());
    });

    it('refuses to overwrite an input of the run: a reply, the register, the project file, a hard link to one', async () => {
      const dir = workspace();
      const reply = fs.readdirSync(dir).find((f) => f.endsWith('.reply'))!;
      const config = { register: 'register.csv' };
      fs.linkSync(path.join(dir, reply), path.join(dir, 'alias.html'));
      for (const target of [reply, config.register, '.proposal-reply.json', 'alias.html', `./sub/../${reply}`]) {
        const before = fs.readFileSync(path.join(dir, target));
        const r = await cli(['report', '--output', target, '.'], dir);
        assert.equal(r.code, 2, target);
        assert.match(r.stderr, /输出文件是本次运行读取的文件之一/, target);
        assert.deepEqual(fs.readFileSync(path.join(dir, target)), before, target);
      }
    });

    it('writes a new or an existing regular file through a temporary file, leaving none behind', async () => {
      const dir = workspace();
      fs.writeFileSync(path.join(dir, 'old.html'), 'old');
      for (const target of ['new.html', 'old.html']) {
        const r = await cli(['report', '--output', target, '.'], dir);
        assert.equal(r.code, 0, r.stderr);
        assert.match(fs.readFileSync(path.join(dir, target), 'utf8'), /^<!doctype html>/);
      }
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    });
  });

  describe('item 5: built-in object names as configuration keys', () => {
    it('reports constructor, toString and valueOf as unknown keys and keeps the rest of the configuration', async () => {
      const dir = tempDir();
      fs.cpSync(path.join(ROOT, 'examples', 'register'), dir, { recursive: true });
      fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({
        constructor: 1, toString: 'x', valueOf: {}, hasOwnProperty: [], organization: '厦门市教育局', register: 'register.csv', rules: { constructor: 'off' },
      }));
      const r = await cli(['check', '--format', 'json', '.'], dir);
      assert.doesNotMatch(r.stderr, /is not a function/);
      for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) assert.match(r.stderr, new RegExp(`\\.proposal-reply\\.json: ${key}: 未知的配置项`));
      assert.match(r.stderr, /rules\.constructor: 未知的规则 id/);
      const json = JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> };
      assert.ok(json.files.length > 0);
      // the register still applies: its checks run
      assert.ok(json.files.some((f) => f.diagnostics.some((d) => d.code.startsWith('register-'))));
    });
  });

  describe('item 6: terminal control characters', () => {
    it('escapes control and bidi characters from the reply, the file name, the configuration and the register, one line per finding', async () => {
      const dir = tempDir();
      const evil = 'x\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u001b]8;;https://evil.example\u0007y\u202ez\u0085';
      fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({ organization: `厦门市教育局${evil}`, register: 'register.csv' }));
      fs.writeFileSync(path.join(dir, 'register.csv'), `编号,案由,提案人,办理期限\n1,"关于${evil}的提案",张三,"2025-13-45${evil}"\n`);
      const forged = `a\nx.reply:1:1: error addressee-missing: ${evil.replace(/\//g, '|')}\n.reply`;
      fs.writeFileSync(path.join(dir, forged), `一、加强领导${evil}。\n二、完善机制。\n四、推进落实。\n`);
      const text = await cli(['check', '.'], dir);
      for (const out of [text.stdout, text.stderr]) assert.doesNotMatch(out, RAW_CONTROL, out);
      const lines = text.stdout.trimEnd().split('\n');
      lines.pop(); // the summary
      assert.ok(lines.length > 3);
      // every finding line starts with the quoted, escaped file name: nothing forges a line of its own
      for (const line of lines) assert.ok(line.startsWith('"a\\nx.reply:1:1: error addressee-missing: x\\x1b[2J'), line);
      assert.match(text.stdout, /\\u202e/);
      assert.match(text.stderr, /\\x1b\]52;c;ZXZpbA==\\x07/);
      const outline = await cli(['outline', forged], dir);
      assert.doesNotMatch(outline.stdout, RAW_CONTROL);
      assert.match(outline.stdout, /^"a\\nx\.reply/);
    });
  });

  describe('item 8: non-regular files', () => {
    it('refuses a register that is a FIFO instead of hanging', async function () {
      if (process.platform === 'win32') this.skip();
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'a.reply'), CLEAN);
      execFileSync('mkfifo', [path.join(dir, 'register.csv')]);
      fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({ register: 'register.csv' }));
      const r = await spawnCli(['check', '.'], dir, { timeout: 20_000 });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /register\.csv: 这是命名管道（FIFO），不是普通文件，未读取/);
      assert.match(r.stdout, /已检查 1 个文件/);
    });

    it('refuses a device such as /dev/zero instead of reading it without end', async function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const r = await spawnCli(['check', '/dev/zero'], tempDir(), { heapMb: 256, timeout: 20_000 });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\/dev\/zero: 这是设备文件，不是普通文件，未读取/);
    });
  });

  describe('item 9: encodings', () => {
    it('checks UTF-8 with one invalid byte, saying where, and UTF-16 without a BOM, saying it guessed', async () => {
      const dir = tempDir();
      const lines = CLEAN.split('\n');
      const bad = Buffer.concat([Buffer.from(`${lines.slice(0, 4).join('\n')}\n12`), Buffer.from([0xff]), Buffer.from(lines.slice(4).join('\n'))]);
      fs.writeFileSync(path.join(dir, 'bad-byte.reply'), bad);
      fs.writeFileSync(path.join(dir, 'utf16.reply'), Buffer.from(CLEAN, 'utf16le'));
      const r = await cli(['check', '--format', 'json', '.'], dir);
      const json = JSON.parse(r.stdout) as { files: Array<{ path: string }>; skipped?: unknown[] };
      assert.deepEqual(json.files.map((f) => f.path), ['bad-byte.reply', 'utf16.reply']);
      assert.equal(json.skipped, undefined);
      assert.match(r.stderr, /^proposal-reply: bad-byte\.reply:5:3: 此处的字节 0xFF 不是有效的 UTF-8，已显示为 �/m);
      assert.match(r.stderr, /^proposal-reply: utf16\.reply: 文件没有标明编码，按 UTF-16LE 读取（推测）/m);
    });
  });

  describe('item 11: smaller faults', () => {
    it('reports a write error on the output as a write error', async function () {
      if (!fs.existsSync('/dev/full')) this.skip();
      const dir = tempDir();
      fs.cpSync(path.join(ROOT, 'examples', 'register'), dir, { recursive: true });
      const r = await cli(['report', '--output', '/dev/full', '.'], dir);
      assert.equal(r.code, 2);
      assert.doesNotMatch(r.stderr, /读取/);
      assert.match(r.stderr, /\/dev\/full: 输出位置已有一个不是普通文件的对象/);
    });

    it('follows a symlinked reply inside the folder and reports one that points outside', async () => {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, 'drafts'));
      fs.writeFileSync(path.join(dir, 'drafts', 'real.reply'), CLEAN);
      fs.symlinkSync(path.join(dir, 'drafts', 'real.reply'), path.join(dir, 'linked.reply'));
      const outside = path.join(tempDir(), 'secret.txt');
      fs.writeFileSync(outside, CLEAN);
      fs.symlinkSync(outside, path.join(dir, 'outside.txt'));
      const r = await cli(['check', '--format', 'json', '.'], dir);
      const json = JSON.parse(r.stdout) as { files: Array<{ path: string }>; skipped?: Array<{ path: string; reason: string }> };
      assert.deepEqual(json.files.map((f) => f.path), ['drafts/real.reply', 'linked.reply']);
      assert.deepEqual(json.skipped?.map((s) => s.path), ['outside.txt']);
      assert.match(json.skipped![0]!.reason, /符号链接指向所检查的文件夹之外/);
      assert.equal(r.code, 2);
    });

    it('refuses a reply as the register instead of dropping it from the check', async () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'a.reply'), CLEAN);
      fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({ register: 'a.reply' }));
      const r = await cli(['check', '.'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /a\.reply: 登记表不能是答复文件（\.reply）/);
      assert.match(r.stdout, /已检查 1 个文件/);
    });
  });
});
