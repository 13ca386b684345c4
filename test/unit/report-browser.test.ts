/**
 * The HTML report in a real browser: Debian's headless Chromium, driven by playwright-core
 * (`npm test` runs scripts/ensure-chromium.sh first, which installs it when missing). The page must
 * load nothing from outside, show one row per entry or reply with the counts by state, sort by a
 * clicked column, and print. Screenshots go to .artifacts/ (git-ignored) as test artifacts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { runCli } from '../../server/src/cli/main';
import { numberSortKey } from '../../server/src/report/columns';
import { ROOT } from '../support/fixtures';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, '.artifacts');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--today', '2026-01-05', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: ROOT, env: {} });
  return { code, stdout, stderr };
}

interface Totals { rows: number; missing: number; errors: number; warnings: number; complete: number; overdue: number; unregistered: number }

describe('HTML report in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let home: string;
  let totals: Totals;
  const outside: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-chromium-'));
    const html = path.join(home, 'report.html');
    const r = await cli(['report', '--format', 'html', '--output', html, 'examples/register']);
    assert.equal(r.code, 0, r.stderr);
    totals = (JSON.parse((await cli(['report', '--format', 'json', 'examples/register'])).stdout) as { totals: Totals }).totals;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      env: { ...process.env, HOME: home },
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) outside.push(req.url());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(pathToFileURL(html).href);
  });

  after(async () => {
    await browser?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('loads nothing from outside the page and runs without script errors', () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(pageErrors, []);
  });

  it('has Chinese headers, one row per entry or reply, and the counts by state', async () => {
    const headers = await page.locator('#report thead th').allTextContents();
    assert.deepEqual(headers.slice(0, 5), ['编号', '案由', '类型', '类别', '办理期限']);
    assert.ok(headers.includes('状态') && headers.includes('收文说明'));
    assert.equal(await page.locator('#report tbody tr').count(), totals.rows);
    assert.equal(totals.rows, 8);
    const counts: Record<string, number> = {};
    for (const key of ['missing', 'errors', 'warnings', 'complete', 'overdue', 'unregistered', 'rows']) {
      counts[key] = Number(await page.locator(`[data-count="${key}"]`).textContent());
    }
    assert.deepEqual(counts, { missing: 2, errors: 1, warnings: 3, complete: 2, overdue: totals.overdue, unregistered: 1, rows: 8 });
    for (const state of ['missing', 'errors', 'warnings', 'complete'] as const) {
      assert.equal(await page.locator(`#report tbody tr[data-state="${state}"]`).count(), counts[state], state);
    }
    // overdue rows are marked in words, not only in colour
    const overdueRows = page.locator('#report tbody tr.overdue');
    assert.equal(await overdueRows.count(), totals.overdue);
    for (const text of await overdueRows.locator('td.deadline').allTextContents()) assert.match(text, /逾期\d+天/);
    // the entry without a reply has no element marks; the complete reply has all it needs
    const missing = page.locator('#report tbody tr[data-number="0045"]');
    assert.match((await missing.locator('td.state').textContent()) ?? '', /^未答复/);
    const complete = page.locator('#report tbody tr[data-number="20250211"] td.el');
    assert.deepEqual(await complete.allTextContents(), ['✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓']);
  });

  it('sorts by a clicked column, and reverses on a second click', async () => {
    const numbers = async (): Promise<string[]> => page.locator('#report tbody tr td:first-child').allTextContents();
    const before = await numbers();
    const byKey = (list: string[]): string[] => [...list].sort((a, b) => (numberSortKey(a) < numberSortKey(b) ? -1 : numberSortKey(a) > numberSortKey(b) ? 1 : 0));
    await page.locator('#report thead th[data-col="number"] button').click();
    assert.equal(await page.locator('#report thead th[data-col="number"]').getAttribute('aria-sort'), 'ascending');
    const ascending = await numbers();
    assert.deepEqual(ascending, byKey(before));
    assert.deepEqual(ascending.slice(0, 3), ['0031', '0031', '0045']);
    await page.locator('#report thead th[data-col="number"] button').click();
    assert.equal(await page.locator('#report thead th[data-col="number"]').getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await numbers(), [...byKey(before)].reverse());
    // a numeric column sorts as numbers; rows without a reply (—) come first
    await page.locator('#report thead th[data-col="warnings"] button').click();
    const warnings = await page.locator('#report tbody tr td:nth-child(15)').allTextContents();
    const values = warnings.map((w) => (w === '—' ? -1 : Number(w)));
    assert.deepEqual(values, [...values].sort((a, b) => a - b));
    assert.equal(await page.locator('#report thead th[data-col="number"]').getAttribute('aria-sort'), 'none');
    // back to register order for the screenshot
    await page.locator('#report thead th[data-col="state"] button').click();
    const states = await page.locator('#report tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    assert.deepEqual(states, ['missing', 'missing', 'errors', 'warnings', 'warnings', 'warnings', 'complete', 'complete']);
  });

  it('fits an editor of a 1280-px window (VS Code shows it in a webview) in either language, without a horizontal scroll bar', async () => {
    for (const locale of ['zh-cn', 'en']) {
      const html = path.join(home, `report-${locale}.html`);
      const r = await cli(['report', '--format', 'html', '--locale', locale, '--output', html, 'examples/register']);
      assert.equal(r.code, 0, r.stderr);
      const narrow = await browser.newPage({ viewport: { width: 960, height: 900 } });
      try {
        await narrow.goto(pathToFileURL(html).href);
        const [scroll, client] = await narrow.locator('body').evaluate((b) => [b.scrollWidth, b.clientWidth]);
        assert.ok(scroll! <= client!, `${locale}: the report is ${scroll} px wide in a ${client} px body`);
      } finally {
        await narrow.close();
      }
    }
  });

  it('prints readably: A4 landscape, header row repeated, and saves screenshots as artifacts', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.reload();
    assert.equal(await page.locator('#report tbody tr td:first-child').first().textContent(), '20250211');
    const screen = path.join(ARTIFACTS, 'report.png');
    await page.screenshot({ path: screen, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const thead = await page.locator('#report thead').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).display);
    assert.equal(thead, 'table-header-group');
    const sticky = await page.locator('#report thead th').first().evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).position);
    assert.equal(sticky, 'static');
    const printShot = path.join(ARTIFACTS, 'report-print.png');
    await page.screenshot({ path: printShot, fullPage: true });
    const pdf = await page.pdf({ path: path.join(ARTIFACTS, 'report.pdf'), preferCSSPageSize: true });
    assert.ok(pdf.length > 10_000);
    for (const p of [screen, printShot]) assert.ok(fs.statSync(p).size > 20_000, p);
  });
});
