/**
 * The end-to-end suite's entry point inside the VS Code extension host: the `run()` that
 * `@vscode/test-electron` and VS Code's own test runner (code-server with the smoke-test driver)
 * both call. Mocha runs the files in suite/ in a fixed order (activation first, the server crash
 * last); the outcome, with the measurements the tests note, is also written to the file named by
 * PROPOSAL_REPLY_E2E_REPORT, because the reporter's console output reaches the launcher only as
 * unformatted browser-console strings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notes } from './suite/helpers';

/** The suite files, in the order they run: activation must come before anything opens a reply. */
const FILES = ['activation', 'diagnostics', 'features', 'settings', 'views', 'batch', 'office', 'clerk', 'restart'];

export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const f of FILES) mocha.addFile(path.join(__dirname, 'suite', `${f}.test.js`));
  const lines: string[] = [];
  const report = process.env.PROPOSAL_REPLY_E2E_REPORT;
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => lines.push(`  ✓ ${t.fullTitle()} (${t.duration ?? 0} ms)`));
    runner.on('fail', (t, err: Error) => lines.push(`  ✗ ${t.fullTitle()}\n${String(err.stack ?? err).replace(/^/gm, '      ')}`));
    runner.on('pending', (t) => lines.push(`  - ${t.fullTitle()} (pending)`));
    runner.on('end', () => {
      const s = runner.stats;
      lines.push(...notes.map((n) => `  ${n}`));
      lines.push(`${s?.passes ?? 0} passing, ${s?.failures ?? 0} failing, ${s?.pending ?? 0} pending (${s?.duration ?? 0} ms)`);
      if (report) fs.writeFileSync(report, `${lines.join('\n')}\n`);
    });
  });
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
