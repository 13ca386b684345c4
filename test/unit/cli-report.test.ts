/**
 * The command line with a register: `report` in every format, `check` with the cross-checks, the
 * register path rules (inside the project folder only), register issues on stderr, and files
 * written only where --output says.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { FIXTURES } from '../support/fixtures';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--today', '2026-01-05', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {} });
  return { code, stdout, stderr };
}

/** A copy of test/fixtures/register in a temporary folder: registers, project file and replies/. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-register-'));
  fs.cpSync(path.join(FIXTURES, 'register'), dir, { recursive: true });
  return dir;
}

/** Every file under a folder, relative, sorted. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort();
}

interface JsonReport {
  version: number;
  register?: { source: string; entries: number; issues: number };
  totals: Record<string, number>;
  rows: Array<{ number: string; state: string; file: string | null; overdue: boolean; unregistered: boolean; linkedBy: string | null; counts: Record<string, number> | null }>;
}

describe('command line: register and report', () => {
  it('reports a batch against the register: matching, mismatching, missing and unregistered replies', async () => {
    const dir = workspace();
    const before = listing(dir);
    const r = await cli(['report', '--format', 'json', 'replies'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(doc.register, { source: 'bom-utf8.csv', entries: 3, issues: 0 });
    assert.deepEqual(doc.rows.map((x) => [x.number, x.state, x.file, x.linkedBy, x.unregistered]), [
      ['20250136', 'complete', 'replies/20250136-陈明远.reply', 'title', false],
      ['0087', 'missing', null, null, false],
      ['D022', 'warnings', 'replies/D022-林灵.reply', 'title', false],
      ['', 'warnings', 'replies/课后服务答复（无编号）.reply', null, true],
    ]);
    assert.deepEqual(doc.rows[2]!.counts, { error: 0, warning: 4, information: 1, hint: 0 });
    assert.deepEqual([doc.totals.missing, doc.totals.warnings, doc.totals.complete, doc.totals.overdue], [1, 2, 1, 2]);
    // nothing was written
    assert.deepEqual(listing(dir), before);
  });

  it('checks replies against the register named by the project file', async () => {
    const dir = workspace();
    const r = await cli(['check', 'replies'], dir);
    assert.equal(r.code, 0, r.stderr);
    const codes = r.stdout.trimEnd().split('\n').slice(0, -1).map((l) => /: (?:error|warning|info|hint) ([a-z-]+):/.exec(l)![1]);
    assert.deepEqual(codes, [
      'register-category-mismatch', 'register-addressee-mismatch', 'register-title-mismatch', 'signature-organ', 'register-deadline-passed', 'register-entry-unknown',
    ]);
    assert.match(r.stdout, /D022-林灵\.reply:7:5: warning register-title-mismatch: 收文说明引用的《关于一老一小服务设施建设的建议》与登记表第 4 行（第D022号）的案由不一致，应为《关于“一老一小”服务设施建设的建议》。/);
    // two replies to one entry in one run: both are told
    fs.copyFileSync(path.join(dir, 'replies', '20250136-陈明远.reply'), path.join(dir, 'replies', '20250136-陈明远（修改稿）.reply'));
    const dup = await cli(['check', '--format', 'json', 'replies'], dir);
    const files = (JSON.parse(dup.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; message: string }> }> }).files;
    const dups = files.filter((f) => f.diagnostics.some((d) => d.code === 'register-duplicate-reply')).map((f) => f.path);
    assert.deepEqual(dups, ['replies/20250136-陈明远.reply', 'replies/20250136-陈明远（修改稿）.reply']);
    assert.match(files[0]!.diagnostics.find((d) => d.code === 'register-duplicate-reply')!.message, /另有答复：20250136-陈明远（修改稿）\.reply/);
  });

  it('writes the report only where --output says, HTML by default, CSV with a BOM', async () => {
    const dir = workspace();
    const before = listing(dir);
    const html = await cli(['report', 'replies'], dir);
    assert.equal(html.code, 0);
    assert.match(html.stdout, /^<!doctype html>/);
    assert.deepEqual(listing(dir), before);
    const csv = await cli(['report', '--format', 'csv', '--output', 'out.csv', 'replies'], dir);
    assert.equal(csv.code, 0, csv.stderr);
    assert.equal(csv.stdout, '');
    assert.equal(csv.stderr, 'proposal-reply: 已写入 out.csv：共 4 行，未答复 1，错误 0 个，警告 5 个，逾期 2。\n');
    assert.deepEqual(listing(dir), [...before, 'out.csv'].sort());
    const bytes = fs.readFileSync(path.join(dir, 'out.csv'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString('utf8'), /\r\n0087,关于优化老旧小区加装电梯审批流程的建议,建议,,2025-07-15,逾期174天,(,){10}未答复,\r\n/);
    const md = await cli(['report', '--format', 'md', '--locale', 'en', 'replies'], dir);
    assert.match(md.stdout, /^# Proposal and suggestion reply report\n/);
    // the HTML file links the replies relative to where it is written
    fs.mkdirSync(path.join(dir, 'reports'));
    await cli(['report', '--output', 'reports/r.html', 'replies'], dir);
    assert.ok(fs.readFileSync(path.join(dir, 'reports', 'r.html'), 'utf8').includes('<a href="../replies/D022-%E6%9E%97%E7%81%B5.reply">'));
    const unwritable = await cli(['report', '--output', 'no/such/dir/r.html', 'replies'], dir);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /no\/such\/dir\/r\.html: 所在文件夹不存在/);
  });

  it('uses --register instead of the project file, JSON or GBK alike', async () => {
    const dir = workspace();
    const json = JSON.parse((await cli(['report', '--format', 'json', '--register', 'register.json', 'replies'], dir)).stdout) as JsonReport;
    assert.deepEqual(json.rows.map((x) => [x.number, x.state]), [['20250136', 'complete'], ['0087', 'missing'], ['0088', 'missing'], ['D022', 'warnings'], ['', 'warnings']]);
    const gbk = JSON.parse((await cli(['report', '--format', 'json', '--register', 'gbk.csv', 'replies'], dir)).stdout) as JsonReport;
    assert.deepEqual(gbk.rows.map((x) => x.number), ['20250136', '0087', 'D022', '']);
    const check = await cli(['check', '--register', 'register.json', 'replies/D022-林灵.reply'], dir);
    assert.match(check.stdout, /warning register-entry-unknown: 登记表中没有第D022号/);
  });

  it('prints register issues as path:line:col lines and still loads the good rows', async () => {
    const dir = workspace();
    const r = await cli(['report', '--format', 'json', '--register', 'bad-rows.csv', 'replies'], dir);
    assert.equal(r.code, 0);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 8);
    assert.equal(lines[0], 'proposal-reply: bad-rows.csv:3:1: error register: 第 3 行，“编号”列：编号为空，此行已跳过。');
    assert.ok(lines.every((l) => /^proposal-reply: bad-rows\.csv:\d+:\d+: (error|warning|info) register: 第 \d+ 行/.test(l)), r.stderr);
    const doc = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(doc.register, { source: 'bad-rows.csv', entries: 3, issues: 8 });
  });

  it('refuses a project-file register outside the project folder, symbolic links included', async () => {
    const dir = workspace();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.csv'), '编号,案由\n1,机密\n');
    const project = path.join(dir, 'replies', '.proposal-reply.json');
    for (const value of ['../bom-utf8.csv', path.join(outside, 'secret.csv')]) {
      fs.writeFileSync(project, JSON.stringify({ register: value }));
      const r = await cli(['report', '--format', 'json', 'replies'], dir);
      assert.equal(r.code, 2, value);
      assert.match(r.stderr, /register: 登记表路径“.+”在项目文件所在文件夹之外，已忽略/);
      const doc = JSON.parse(r.stdout) as JsonReport;
      assert.equal(doc.register, undefined);
      assert.equal(doc.rows.length, 3);
      assert.ok(!r.stdout.includes('机密'));
    }
    fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(dir, 'replies', 'link.csv'));
    fs.writeFileSync(project, JSON.stringify({ register: 'link.csv' }));
    const r = await cli(['check', 'replies'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /登记表“link\.csv”经符号链接指向项目文件夹之外，已忽略。/);
    // --register is the user's own choice and may point anywhere
    const own = await cli(['report', '--format', 'json', '--register', path.join(outside, 'secret.csv'), 'replies'], dir);
    assert.equal(own.code, 0, own.stderr);
  });

  it('exits 2 when the register cannot be read, and honours --fail-on', async () => {
    const dir = workspace();
    const missing = await cli(['report', '--format', 'json', '--register', 'nope.csv', 'replies'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.csv: 文件或文件夹不存在/);
    assert.equal((JSON.parse(missing.stdout) as JsonReport).rows.length, 3);
    assert.equal((await cli(['report', '--format', 'json', '--fail-on', 'warning', 'replies'], dir)).code, 1);
    assert.equal((await cli(['report', '--format', 'json', '--fail-on', 'error', 'replies'], dir)).code, 0);
    for (const args of [['report'], ['report', '--format', 'sarif', 'replies'], ['check', '--output', 'x', 'replies']]) {
      const r = await cli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /proposal-reply report/);
    }
  });

  it('does not take a register kept beside the replies for a reply', async () => {
    const dir = workspace();
    fs.copyFileSync(path.join(dir, 'bom-utf8.csv'), path.join(dir, 'replies', 'register.txt'));
    fs.writeFileSync(path.join(dir, 'replies', '.proposal-reply.json'), JSON.stringify({ register: 'register.txt' }));
    const r = await cli(['check', 'replies'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /已检查 3 个文件/);
  });
});
