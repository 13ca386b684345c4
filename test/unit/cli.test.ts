import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readReplyFile, readReplyFileSync } from '../../server/src/io/files';
import { defaultJobs } from '../../server/src/cli/check';
import { runCli } from '../../server/src/cli/main';
import { ELEMENT_KINDS } from '../../server/src/core/model';
import { RULES } from '../../server/src/rules';
import { folderReply, generateReply } from '../../bench/generate';
import { ROOT } from '../support/fixtures';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--today', '2026-11-23', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env });
  return { code, stdout, stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-cli-'));
}

/**
 * A folder of generated replies of every kind (some pasted from the web, some CRLF), the examples
 * with their project files, a project file with bad values, a binary file and one in no known encoding.
 */
function mixedFolder(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'generated'));
  for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, 'generated', `r${String(i).padStart(2, '0')}.reply`), folderReply(7, i));
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'odd'));
  fs.writeFileSync(path.join(dir, 'odd', '.proposal-reply.json'), JSON.stringify({ kind: 'memo', rules: { 'no-such-rule': 'error' } }));
  fs.copyFileSync(path.join(ROOT, CLEAN), path.join(dir, 'odd', 'a.reply'));
  fs.writeFileSync(path.join(dir, 'odd', 'b.reply'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  fs.writeFileSync(path.join(dir, 'odd', 'c.txt'), Buffer.from([0x61, 0xff, 0xfe, 0xfd, 0x80]));
  return dir;
}

/** The official SARIF 2.1.0 schema, shipped inside the SARIF multitool's platform package. */
function sarifSchema(): object {
  for (const platform of ['linux', 'darwin', 'win32']) {
    try {
      return require(`@microsoft/sarif-multitool-${platform}/sarif-2.1.0.json`) as object;
    } catch {
      // try the next platform package
    }
  }
  throw new Error('SARIF schema not found: install devDependencies (@microsoft/sarif-multitool)');
}

const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint) ([a-z-]+): (.+)$/;
const CLEAN = 'examples/clean/proposal-reply.reply';

describe('command-line checker', () => {
  it('exits 0 on the clean examples and says so', async () => {
    const r = await cli(['check', 'examples/clean']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '✔ 已检查 4 个文件，未发现问题。\n');
    assert.equal(r.stderr, '');
  });

  it('exits 1 on the flawed examples, one problem-matcher line per finding', async () => {
    const r = await cli(['check', 'examples/flawed']);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, /^✖ 已检查 7 个文件：共 (\d+) 个问题/);
    assert.equal(Number(/共 (\d+) 个问题/.exec(summary)![1]), lines.length);
    for (const l of lines) assert.match(l, TEXT_LINE);
    const first = TEXT_LINE.exec(lines.find((l) => l.includes('doc-number-format'))!)!;
    assert.deepEqual(first.slice(1, 6), ['examples/flawed/03-formats.reply', '1', '1', 'warning', 'doc-number-format']);
  });

  it('chooses the failing severity with --fail-on and filters with --quiet', async () => {
    assert.equal((await cli(['check', '--fail-on', 'none', 'examples/flawed'])).code, 0);
    const onlyWarnings = 'examples/flawed/04-suggestion-called-proposal.reply';
    assert.equal((await cli(['check', onlyWarnings])).code, 0);
    assert.equal((await cli(['check', '--fail-on', 'warning', onlyWarnings])).code, 1);
    const quiet = await cli(['check', '--quiet', 'examples/flawed']);
    const lines = quiet.stdout.trimEnd().split('\n').slice(0, -1);
    assert.ok(lines.length > 0 && lines.every((l) => TEXT_LINE.exec(l)![4] === 'error'));
  });

  it('writes the documented JSON shape with 0-based LSP positions and the outline', async () => {
    const r = await cli(['check', '--format', 'json', CLEAN, 'examples/flawed/02-numbering.reply']);
    assert.equal(r.code, 0); // the numbering draft has warnings but no errors
    const doc = JSON.parse(r.stdout) as { version: number; files: Array<{ path: string; kind: string; diagnostics: Array<Record<string, unknown>>; outline: Array<Record<string, unknown>> }> };
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.files.map((f) => [f.path, f.kind]), [[CLEAN, 'proposal-reply'], ['examples/flawed/02-numbering.reply', 'proposal-reply']]);
    const d = doc.files[1]!.diagnostics.find((x) => x.code === 'numbering-sequence')!;
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity']);
    assert.deepEqual(d.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 4 } });
    assert.equal(d.severity, 'warning');
    const kinds = new Set<string>();
    const walk = (nodes: Array<Record<string, unknown>>): void => {
      for (const n of nodes) {
        kinds.add(n.kind as string);
        assert.deepEqual(Object.keys(n).filter((k) => k !== 'level').sort(), ['children', 'kind', 'name', 'range']);
        walk(n.children as Array<Record<string, unknown>>);
      }
    };
    walk(doc.files[0]!.outline);
    assert.ok([...kinds].every((k) => (ELEMENT_KINDS as readonly string[]).includes(k)));
    assert.deepEqual([...kinds].sort(), ['addressee', 'annotation', 'category', 'closing', 'contact', 'copyTo', 'date', 'docNumber', 'measure', 'nextSteps', 'opening', 'receipt', 'signature', 'title']);
  });

  it('writes SARIF 2.1.0 that validates against the official schema and carries rule metadata', async () => {
    const r = await cli(['check', '--format', 'sarif', 'examples']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; defaultConfiguration: unknown; fullDescription: { text: string } }> } }; results: Array<{ ruleId: string; fixes?: unknown[] }> }> };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema());
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
    const run = sarif.runs[0]!;
    assert.deepEqual(run.tool.driver.rules.map((x) => x.id), RULES.map((x) => x.id));
    assert.ok(run.tool.driver.rules.every((x) => x.fullDescription.text.length > 10));
    const text = await cli(['check', 'examples']);
    assert.equal(run.results.length, text.stdout.trimEnd().split('\n').length - 1);
    assert.ok(run.results.some((x) => x.fixes && x.fixes.length > 0));
  });

  it('prints the outline of one reply as text and JSON', async () => {
    const text = await cli(['outline', CLEAN]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^examples\/clean\/proposal-reply\.reply — 提案答复\n/);
    assert.match(text.stdout, /\n {2}14:1 {5}措施 {2}一、健全课后服务保障机制\n {2}16:1 {7}措施 {2}（一）完善经费保障\n/);
    const json = JSON.parse((await cli(['outline', '--format', 'json', CLEAN])).stdout) as { files: Array<{ diagnostics: unknown[]; outline: Array<{ kind: string; level?: number }> }> };
    assert.deepEqual(json.files[0]!.diagnostics, []);
    assert.equal(json.files[0]!.outline.filter((n) => n.kind === 'measure').length, 3);
    assert.ok(json.files[0]!.outline.filter((n) => n.kind === 'measure').every((n) => n.level === 1));
  });

  it('prints the parser\'s reading of one reply with outline --roles, the same text as the golden fixtures', async () => {
    const r = await cli(['outline', '--roles', CLEAN]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^kind proposal-reply\n/);
    assert.match(r.stdout, /\n {3}1 {2}docNumber/);
    assert.match(r.stdout, /\n {2}14 {2}heading/);
    for (const args of [['check', '--roles', CLEAN], ['outline', '--roles', '--format', 'json', CLEAN]]) {
      assert.equal((await cli(args)).code, 2, args.join(' '));
    }
  });

  it('speaks English with --locale en', async () => {
    const r = await cli(['check', '--locale', 'en', 'examples/flawed/03-formats.reply']);
    assert.match(r.stdout, /date-format: The date “2025年02月29日” is badly formatted: no leading zeros in month or day\. Write “2025年2月29日”\./);
    assert.match(r.stdout, /✖ 1 file\(s\) checked/);
  });

  it('exits 2 on a missing path, binary data or an unknown encoding, still checking the other files', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.reply'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0x61, 0xff, 0xfe, 0xfd, 0x80]));
    fs.copyFileSync(path.join(ROOT, CLEAN), path.join(dir, 'c.reply'));
    const r = await cli(['check', '--format', 'json', dir, 'no/such/file.reply'], dir);
    assert.equal(r.code, 2);
    const out = JSON.parse(r.stdout) as { files: Array<{ path: string }>; skipped: Array<{ path: string; reason: string }> };
    assert.deepEqual(out.files.map((f) => f.path), ['c.reply']);
    assert.deepEqual(out.skipped.map((s) => s.path).sort(), ['a.reply', 'b.txt', 'no/such/file.reply']);
    assert.match(r.stderr, /a\.reply: 二进制文件（不是文本），已跳过。/);
    assert.match(r.stderr, /b\.txt: 无法识别的编码/);
    assert.match(r.stderr, /no\/such\/file\.reply: 文件或文件夹不存在。/);
  });

  it('says in its summary that files were skipped: no ✔ over a file it could not read', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.reply'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const r = await cli(['check', dir], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '✖ 已检查 0 个文件，未发现问题；另有 1 个文件未能检查（原因见上）。\n');
    const en = await cli(['check', '--locale', 'en', dir], dir);
    assert.equal(en.stdout, '✖ 0 file(s) checked, no problems; 1 file(s) could not be checked (see above).\n');
  });

  it('reads a GBK file', async () => {
    const dir = tempDir();
    // 林灵委员： encoded in GBK
    const bytes = Buffer.from([0xc1, 0xd6, 0xc1, 0xe9, 0xce, 0xaf, 0xd4, 0xb1, 0xa3, 0xba, 0x0a]);
    fs.writeFileSync(path.join(dir, 'gbk.reply'), bytes);
    const r = await cli(['outline', 'gbk.reply'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /主送 {2}林灵委员/);
  });

  it('finds the nearest project file, reports its bad values once, and applies the rest', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, '.proposal-reply.json'), JSON.stringify({ kind: 'memo', rules: { 'date-format': 'off', 'no-such-rule': 'error' } }));
    const draft = fs.readFileSync(path.join(ROOT, CLEAN), 'utf8').replace('2025年5月20日', '2025年05月20日');
    fs.writeFileSync(path.join(dir, 'sub', 'a.reply'), draft);
    fs.writeFileSync(path.join(dir, 'sub', 'b.reply'), draft);
    const r = await cli(['check', 'sub'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '✔ 已检查 2 个文件，未发现问题。\n');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0]!, /^proposal-reply: 配置: \.proposal-reply\.json: kind: 值 "memo" 不合法/);
    assert.match(lines[1]!, /rules\.no-such-rule: 未知的规则 id/);
  });

  it('uses --config instead of discovery, and exits 2 when it cannot be read', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ rules: { 'receipt-transition': 'error' } }));
    fs.writeFileSync(path.join(dir, 'a.reply'), '陈明远委员：\n您提出的《关于课后服务的建议》收悉。\n此复。\n厦门市教育局\n2025年5月20日\n');
    const strict = await cli(['check', '--config', 'strict.json', 'a.reply'], dir);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /a\.reply:2:\d+: error receipt-transition:/);
    const missing = await cli(['check', '--config', 'nope.json', 'a.reply'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: 文件或文件夹不存在/);
    assert.match(missing.stdout, /已检查 1 个文件/);
  });

  it('exits 2 with usage on bad arguments', async () => {
    for (const args of [['check'], ['check', '--format', 'xml', 'x'], ['lint', 'x'], ['check', '--bogus', 'x'], ['outline', 'a', 'b'], ['check', '--today', 'tomorrow', 'x'], ['check', '--kind', 'memo', 'x'], []]) {
      const r = await cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr + r.stdout, /proposal-reply check/);
    }
    assert.equal((await cli(['--help'])).code, 0);
  });

  it('checks a folder in worker threads with output identical to one thread', async () => {
    const dir = mixedFolder();
    for (const format of ['text', 'json', 'sarif']) {
      const one = await cli(['check', '--format', format, '--jobs', '1', '.'], dir);
      const three = await cli(['check', '--format', format, '--jobs', '3', '.'], dir);
      assert.equal(three.code, one.code, format);
      assert.equal(three.stdout, one.stdout, format);
      assert.equal(three.stderr, one.stderr, format);
    }
    const text = await cli(['check', '--jobs', '3', '.'], dir);
    assert.equal(text.code, 2); // the unreadable files
    assert.match(text.stdout, /已检查 78 个文件/); // 60 generated, 17 examples (register/ with its register), odd/a.reply
    assert.match(text.stderr, /odd\/b\.reply: 二进制文件/);
    assert.equal((await cli(['check', '--jobs', '0', '.'], dir)).code, 2);
  });

  it('uses worker threads by default only for a large run on 3 cores or more, one core left to the main thread', () => {
    assert.deepEqual([[10_000, 1], [10_000, 2], [499, 8], [500, 3], [10_000, 8]].map(([files, cores]) => defaultJobs(files!, cores)), [1, 1, 1, 2, 7]);
  });

  it('reads files the same way blocking and not', async () => {
    const dir = tempDir();
    const files: Record<string, Buffer> = {
      'utf8.reply': Buffer.from('\ufeff林灵委员：\n'),
      'utf16.reply': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('林灵委员：\n', 'utf16le')]),
      'gbk.reply': Buffer.from([0xc1, 0xd6, 0xc1, 0xe9, 0xce, 0xaf, 0xd4, 0xb1, 0xa3, 0xba, 0x0a]),
      'binary.reply': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      'unknown.reply': Buffer.from([0x61, 0xff, 0xfe, 0xfd, 0x80]),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
    fs.mkdirSync(path.join(dir, 'folder.reply'));
    for (const name of [...Object.keys(files), 'folder.reply', 'missing.reply']) {
      const p = path.join(dir, name);
      assert.deepEqual(readReplyFileSync(p), await readReplyFile(p), name);
    }
    const gbk = readReplyFileSync(path.join(dir, 'gbk.reply'));
    assert.ok(gbk.ok);
    assert.deepEqual([gbk.text, gbk.encoding], ['林灵委员：\n', 'gb18030']);
    assert.deepEqual(gbk.notes.map((n) => n.message.zh), ['文件没有标明编码，按 GB18030 读取（推测）；如有乱码，请另存为 UTF-8。']);
  });

  it('lists the rules', async () => {
    const r = await cli(['rules', '--format', 'json']);
    assert.deepEqual((JSON.parse(r.stdout) as Array<{ id: string }>).map((x) => x.id), RULES.map((x) => x.id));
  });
});

/**
 * The command as users run it: `bin/proposal-reply.js` in a new process, which after `npm run build`
 * loads the esbuild bundle dist/cli/main.js (scripts/bundle.ts), not the compiled tree the tests above
 * call in this process.
 */
describe('the installed command (bin/proposal-reply.js)', function () {
  this.timeout(60_000);
  const BIN = path.join(ROOT, 'bin', 'proposal-reply.js');
  const LOADER = path.join(ROOT, 'bin', 'load-bundle.js');
  // no locale from the environment: messages in Chinese, as in the in-process runs
  const ENV = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '' };

  /** Runs the command; `loaded` lists the modules it loaded (node_modules and the project's). */
  function run(args: readonly string[], cwd = ROOT): Run & { loaded: string[] } {
    const dir = tempDir();
    const preload = path.join(dir, 'loaded.js');
    const list = path.join(dir, 'loaded.json');
    fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const r = spawnSync(process.execPath, ['--require', preload, BIN, '--today', '2026-11-23', ...args], { cwd, env: ENV, encoding: 'utf8' });
    const loaded = (JSON.parse(fs.readFileSync(list, 'utf8')) as string[]).filter((m) => m !== preload);
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, loaded };
  }

  it('runs the bundle, and a check of plain replies loads nothing else; zod only for a project file', () => {
    const replies = tempDir();
    for (const f of ['01-missing-elements.reply', '03-formats.reply']) fs.copyFileSync(path.join(ROOT, 'examples', 'flawed', f), path.join(replies, f));
    const r = run(['check', CLEAN, replies]);
    // the bundle is compiled by bin/load-bundle.js, not required: no module of the compiled tree is loaded
    assert.deepEqual(r.loaded, [BIN, LOADER], 'bin/proposal-reply.js ran the compiled tree: run `npm run build`, which also writes the bundle');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /✖ 已检查 3 个文件/);
    // examples/flawed has a project file: its settings are validated with zod, loaded then from its
    // own bundle (scripts/bundle.ts, LAZY_PACKAGES), and nothing from node_modules
    const withProject = run(['check', 'examples/flawed']);
    assert.deepEqual(withProject.loaded, [BIN, LOADER, path.join(ROOT, 'dist', 'lib', 'zod.js')]);
  });

  it('checks one file without loading fs.promises (~2.5 ms of every start)', () => {
    const dir = tempDir();
    const preload = path.join(dir, 'builtins.js');
    const list = path.join(dir, 'builtins.json');
    fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`);
    const r = spawnSync(process.execPath, ['--require', preload, BIN, 'check', CLEAN], { cwd: ROOT, env: ENV, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const builtins = JSON.parse(fs.readFileSync(list, 'utf8')) as string[];
    assert.ok(builtins.some((m) => m.includes('internal/fs/utils')), 'the list holds the internal modules');
    assert.ok(!builtins.some((m) => m.includes('internal/fs/promises')), 'fs.promises was loaded');
  });

  it('loads the bundle through the code cache the build wrote beside it, and without a usable one', () => {
    // asked in a process of its own, as the command runs: V8 also rejects a cache made with other
    // flags, and a test in this process sets --expose-gc
    const codeCacheAccepted = (file: string): boolean =>
      spawnSync(process.execPath, ['-p', `require(${JSON.stringify(LOADER)}).codeCacheAccepted(${JSON.stringify(file)})`], { encoding: 'utf8' }).stdout.trim() === 'true';
    assert.ok(codeCacheAccepted(path.join(ROOT, 'dist', 'cli', 'main.js')), 'V8 rejected dist/cli/main.js.cache: run `npm run build`');
    // a cache that is not V8's (or of another Node) is rejected and the bundle compiles as usual
    const dir = tempDir();
    for (const f of ['main.js', 'worker.js']) fs.copyFileSync(path.join(ROOT, 'dist', 'cli', f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'main.js.cache'), Buffer.alloc(4096, 7));
    assert.equal(codeCacheAccepted(path.join(dir, 'main.js')), false);
    const script = `require(${JSON.stringify(LOADER)}).loadBundle(${JSON.stringify(path.join(dir, 'main.js'))}).main(process.argv.slice(1)).then((c) => (process.exitCode = c))`;
    const r = spawnSync(process.execPath, ['-e', script, 'check', CLEAN], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /✔ 已检查 1 个文件/);
    // a cache that cannot be read (here a folder) is no cache either
    fs.rmSync(path.join(dir, 'main.js.cache'));
    fs.mkdirSync(path.join(dir, 'main.js.cache'));
    const unreadable = spawnSync(process.execPath, ['-e', script, 'check', CLEAN], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 30_000 });
    assert.equal(unreadable.status, 0, unreadable.stderr);
    assert.match(unreadable.stdout, /✔ 已检查 1 个文件/);
  });

  it('prints what the compiled tree prints, in one thread and in worker threads', async () => {
    const dir = mixedFolder();
    for (const format of ['text', 'sarif']) {
      const compiled = await cli(['check', '--format', format, '--jobs', '1', '.'], dir);
      for (const jobs of ['1', '3']) {
        const bundled = run(['check', '--format', format, '--jobs', jobs, '.'], dir);
        assert.equal(bundled.code, compiled.code, `${format}, --jobs ${jobs}`);
        assert.equal(bundled.stdout, compiled.stdout, `${format}, --jobs ${jobs}`);
        assert.equal(bundled.stderr, compiled.stderr, `${format}, --jobs ${jobs}`);
      }
    }
  });

  it('loads the packages of Excel and CSV registers from their bundles when a command needs them', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.xlsx');
    const r = run(['report', '--format', 'xlsx', '-o', out, 'examples/register']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(!r.loaded.some((m) => m.includes('node_modules')), r.loaded.join(' '));
    for (const lib of ['exceljs', 'csv-parse-sync']) assert.ok(r.loaded.includes(path.join(ROOT, 'dist', 'lib', `${lib}.js`)), r.loaded.join(' '));
  });

  it('fails at once, not file by file, when its worker threads cannot start', () => {
    // a bundle without its worker.js beside it
    const dir = tempDir();
    const main = path.join(dir, 'main.js');
    fs.copyFileSync(path.join(ROOT, 'dist', 'cli', 'main.js'), main);
    const script = `require(${JSON.stringify(main)}).main(process.argv.slice(1)).then((c) => (process.exitCode = c), (e) => { console.error(String(e)); process.exitCode = 2; })`;
    // (replies without a project file: the copied bundle has no node_modules to load zod from)
    const replies = tempDir();
    for (const f of ['01-missing-elements.reply', '03-formats.reply']) fs.copyFileSync(path.join(ROOT, 'examples', 'flawed', f), path.join(replies, f));
    const r = spawnSync(process.execPath, ['-e', script, 'check', '--jobs', '2', replies], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /worker failed: .*worker\.js/);
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    // about 1.3 MB of SARIF, far more than a pipe holds, so the command is still writing when it closes
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.reply'), generateReply(1, { bytes: 400 * 1024, kind: 'proposal-reply', halfWidth: 0.5 }));
    const child = spawn(process.execPath, [BIN, 'check', '--format', 'sarif', 'a.reply'], { cwd: dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.notEqual(code, 2);
  });
});
