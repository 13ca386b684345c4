/**
 * Untrusted workspaces: the manifest declares what the extension does in Restricted Mode and in
 * virtual workspaces; no source can run code from a workspace or write a file except the report
 * named by `--output`; the command line leaves a workspace byte-for-byte as it found it; a project
 * file cannot lead the register outside its folder (see also register-link and cli-report tests).
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { resolveRegisterPath } from '../../server/src/register/location';
import { EXAMPLES, FIXTURES, ROOT, readText } from '../support/fixtures';

const PKG = JSON.parse(readText(path.join(ROOT, 'package.json'))) as {
  capabilities: Record<'untrustedWorkspaces' | 'virtualWorkspaces', { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] }>;
};

/** Every TypeScript source of the server and the client, by path relative to the root. */
function sources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of ['server/src', 'client/src']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]) {
      if (f.endsWith('.ts')) out.set(`${dir}/${f.split(path.sep).join('/')}`, readText(path.join(ROOT, dir, f)));
    }
  }
  return out;
}

/** Every file under a folder with its size, modification time and hash. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    const st = fs.lstatSync(p);
    out.set(f, st.isFile() ? `${st.size} ${st.mtimeMs} ${createHash('sha256').update(fs.readFileSync(p)).digest('hex')}` : `${st.isDirectory() ? 'dir' : 'link'} ${st.mtimeMs}`);
  }
  return out;
}

describe('untrusted workspaces', () => {
  it('declares Restricted Mode and virtual-workspace support, each with a description in both languages', () => {
    const { untrustedWorkspaces, virtualWorkspaces } = PKG.capabilities;
    // no setting can make the extension run or read anything: full support, nothing restricted
    assert.equal(untrustedWorkspaces.supported, true);
    assert.equal(untrustedWorkspaces.restrictedConfigurations, undefined);
    assert.equal(virtualWorkspaces.supported, 'limited');
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const texts = JSON.parse(readText(path.join(ROOT, nls))) as Record<string, string>;
      for (const c of [untrustedWorkspaces, virtualWorkspaces]) {
        const key = /^%(.+)%$/.exec(c.description ?? '')?.[1];
        assert.ok(key && texts[key] && texts[key].length > 20, `${nls}: ${c.description}`);
      }
    }
  });

  it('has no way to run code: no child processes, eval, Function, vm or computed imports in the server and client', () => {
    const found: string[] = [];
    for (const [file, text] of sources()) {
      for (const [what, re] of [
        ['child_process', /child_process/],
        ['eval', /\beval\s*\(/],
        ['Function', /new\s+Function\s*\(/],
        ['vm', /['"](?:node:)?vm['"]/],
        ['computed import', /\bimport\s*\(\s*(?!['"])/],
        ['computed require', /\brequire\s*\(\s*(?!['"])/],
      ] as const) {
        for (const line of text.split('\n')) if (re.test(line)) found.push(`${file}: ${what}: ${line.trim()}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('writes files only where the user asked: the CLI report named by --output, the new reply and the saved report in the editor', () => {
    const writes: string[] = [];
    const re = /\b(?:writeFile|appendFile|createWriteStream|mkdir|mkdtemp|rmSync|rmdir|unlink|rename|copyFile|cpSync|symlink|chmod|chown|utimes|truncate)\w*\s*\(/;
    for (const [file, text] of sources()) for (const line of text.split('\n')) if (re.test(line)) writes.push(`${file}: ${line.trim()}`);
    // the CLI writes the report and the exported Word document only where --output names them;
    // the editor's exported Word document goes where the save dialog says; the editor's other two writes follow a command the user ran: the new reply (never over an existing
    // file, client/src/batchView.ts checks first) and the report at the path picked in a save dialog
    // (or, for a program such as the end-to-end suite, the path passed to the command); the CLI's
    // report goes through writeOutputFile: a new temporary file beside the target, renamed over it
    // (or removed when the write fails)
    assert.deepEqual(writes.sort(), [
      'client/src/batchView.ts: await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.text));',
      'client/src/batchView.ts: await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.text));',
      "client/src/word.ts: await vscode.workspace.fs.writeFile(out, Buffer.from(r.base64, 'base64'));",
      'server/src/io/files.ts: await fs.rename(temp, target);',
      'server/src/io/files.ts: await fs.unlink(temp).catch(() => undefined);',
      "server/src/io/files.ts: await fs.writeFile(temp, text, { flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o666 });",
    ]);
  });

  it('leaves a workspace as it was after check, outline, report and rules in every format', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-untouched-'));
    try {
      fs.cpSync(path.join(FIXTURES, 'register'), dir, { recursive: true });
      fs.cpSync(path.join(EXAMPLES, 'flawed'), path.join(dir, 'flawed'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'binary.reply'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe]));
      fs.writeFileSync(path.join(dir, 'flawed', 'gbk.reply'), Buffer.from([0xc1, 0xd6, 0xc1, 0xe9, 0xce, 0xaf, 0xd4, 0xb1, 0xa3, 0xba, 0x0a]));
      const before = snapshot(dir);
      assert.ok(before.size > 10);
      const runs = [
        ['check', '.'], ['check', '--format', 'json', '.'], ['check', '--format', 'sarif', '.'], ['check', '--jobs', '2', '.'],
        ['check', '--config', 'flawed/.proposal-reply.json', 'flawed'],
        ['outline', 'flawed/01-missing-elements.reply'], ['outline', '--format', 'json', 'flawed/02-numbering.reply'],
        ['report', 'replies'], ['report', '--format', 'csv', 'replies'], ['report', '--format', 'md', 'replies'], ['report', '--format', 'json', '--register', 'gbk.csv', '.'],
        ['rules'],
      ];
      for (const args of runs) {
        let out = '';
        const code = await runCli(['--today', '2026-01-05', ...args], { stdout: (s) => (out += s), stderr: () => undefined, cwd: dir, env: {} });
        assert.ok(code <= 2 && out.length > 0, `${args.join(' ')}: exit ${code}`);
      }
      assert.deepEqual(snapshot(dir), before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a project file’s register inside its folder, however the path is written', () => {
    for (const bad of ['../../etc/passwd', '/etc/passwd', 'a/../../b.csv', '～/../../x.csv/../..']) {
      const r = resolveRegisterPath('/ws/project', bad);
      assert.equal(r.ok, false, bad);
    }
  });
});
