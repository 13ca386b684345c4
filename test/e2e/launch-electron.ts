/**
 * `npm run test:e2e:electron`: the end-to-end suite in desktop VS Code, downloaded by
 * `@vscode/test-electron` (needs internet and a display, e.g. xvfb-run on Linux). The offline
 * launcher, `npm run test:e2e`, runs the same suite in code-server (launch.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ARTIFACTS, copyWorkspace, freshArtifacts, REPORT_ENV, ROOT, SUITE } from './workspace';

async function main(): Promise<number> {
  freshArtifacts();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-e2e-'));
  const report = path.join(ARTIFACTS, 'report.txt');
  try {
    const workspace = copyWorkspace(path.join(home, 'workspace'));
    return await runTests({
      // the downloaded VS Code goes with the other test tools (git-ignored)
      cachePath: path.join(ROOT, '.tools', 'vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { [REPORT_ENV]: report },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', path.join(home, 'user-data')],
    });
  } catch (e) {
    console.error(`e2e: ${String(e)}`);
    return 1;
  } finally {
    if (fs.existsSync(report)) process.stdout.write(fs.readFileSync(report, 'utf8'));
    fs.rmSync(home, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});
