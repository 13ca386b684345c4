/**
 * What both end-to-end launchers share: where things are, and a fresh copy of the fixture
 * workspace (the suite edits documents and settings; the fixtures in the repository stay as they are).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file runs from out/test/e2e/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The compiled suite entry point, the `run()` the extension host calls. */
export const SUITE = path.join(ROOT, 'out', 'test', 'e2e', 'index.js');
/** The seed corpus beside the checkout (../shared), read at test time. */
export const SEEDS = path.resolve(ROOT, '..', 'shared', 'corpus', 'seeds');
/** Screenshots, logs and the suite's report (git-ignored). */
export const ARTIFACTS = path.join(ROOT, '.artifacts', 'e2e');
/** The environment variable naming the file the suite writes its report to. */
export const REPORT_ENV = 'PROPOSAL_REPLY_E2E_REPORT';

/** Copies test/e2e/fixtures to `dir` and returns it. */
export function copyWorkspace(dir: string): string {
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures'), dir, { recursive: true });
  return dir;
}

/** Empties the artifacts folder, so that what is there afterwards belongs to this run. */
export function freshArtifacts(): void {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}

export interface ServerProcess {
  readonly pid: number;
  readonly ppid: number;
  /** The working directory: the workspace folder the client started the server in. */
  readonly cwd: string;
}

/**
 * The running language servers of the extension at `extensionPath` (processes running its bundled
 * server module), read from /proc: the end-to-end tests kill one to check the restart.
 */
export function languageServers(extensionPath: string): ServerProcess[] {
  const module = path.join(extensionPath, 'dist', 'server.js');
  const found: ServerProcess[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(module)) continue;
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold blanks and parentheses, so read after the last ')'
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      found.push({ pid: Number(entry), ppid, cwd: fs.readlinkSync(`/proc/${entry}/cwd`) });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
