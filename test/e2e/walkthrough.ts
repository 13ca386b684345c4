/**
 * The README's "first ten minutes", done by a user in the page (launch.ts runs it once per display
 * language): open a reply, read a finding, apply a fix, insert a template and fill it in, check the
 * workspace, generate the report; then the pasted-text clean-up accepted in its preview, a rule's
 * page from the Problems panel, and the command palette found by Chinese and English words. Each
 * step asserts what the user must see and takes a screenshot into .artifacts/e2e/walkthrough/<lang>/
 * (the README's pictures are those files, copied into docs/walkthrough/ by
 * `npm run test:e2e -- --update-walkthrough`; a normal run never writes into the repository).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export type DisplayLanguage = 'en' | 'zh-cn';

/** The steps whose screenshots the README shows, in order. */
export const WALKTHROUGH_STEPS = ['01-open', '02-finding', '03-fix', '04-template', '05-check', '06-report'] as const;

/** The words of the page in a display language (VS Code's own chrome stays English offline: see launch.ts). */
const WORDS = {
  en: {
    fix: /Change to “2025年6月12日”/, report: 'Proposal and suggestion reply report', checked: /Checked \d+ replies: \d+ errors, \d+ warnings\./, structure: /Structure \d\/\d/,
    palette: 'Clean Up Pasted Text', check: 'Check All Replies', generate: 'Generate Report',
  },
  'zh-cn': {
    fix: /改为“2025年6月12日”/, report: '提案建议答复办理情况报告', checked: /已检查 \d+ 份答复：错误 \d+ 个，警告 \d+ 个。/, structure: /结构 \d\/\d/,
    palette: '清理粘贴文本', check: '检查工作区中的全部答复', generate: '生成办理情况报告',
  },
} as const;

export interface WalkthroughResult {
  readonly screenshots: string[];
  readonly notes: string[];
}

/** Runs a command from the command palette: types `typed`, waits for the row that shows `row`, picks it. */
export async function runCommand(page: Page, typed: string, row: string | RegExp): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(typed);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Moves the cursor of the active editor to a line (1-based). */
async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').fill(`:${line}`);
  await page.keyboard.press('Enter');
}

/** Boxes VS Code's Unicode highlighting draws in the visible editors. */
export function unicodeBoxes(page: Page): Locator {
  return page.locator('.monaco-editor .view-overlays .unicode-highlight, .monaco-editor .unicode-highlight');
}

export async function runWalkthrough(page: Page, lang: DisplayLanguage, outDir: string): Promise<WalkthroughResult> {
  const w = WORDS[lang];
  const screenshots: string[] = [];
  const notes: string[] = [];
  fs.mkdirSync(outDir, { recursive: true });
  const shot = async (name: string): Promise<void> => {
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    screenshots.push(file);
  };
  const markers = page.locator('.markers-panel .monaco-list-row');

  // 1. open a reply from the Explorer: its findings in the Problems panel, no boxes on Chinese punctuation
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'flawed.reply' }).click();
  await page.locator('.tabs-container .tab', { hasText: 'flawed.reply' }).waitFor();
  await page.keyboard.press('Control+Shift+M');
  await markers.filter({ hasText: 'date-format' }).waitFor();
  await page.locator('.statusbar-item', { hasText: w.structure }).first().waitFor();
  const boxes = await unicodeBoxes(page).count();
  if (boxes !== 0) throw new Error(`${boxes} Unicode-highlight boxes drawn in flawed.reply`);
  await shot('01-open');

  // 2. read a finding: the hover on the malformed date names the rule and its norm
  await page.locator('.monaco-editor .view-lines').first().click();
  await goToLine(page, 29);
  await runCommand(page, '>Show or Focus Hover', /Show or Focus Hover/);
  const hover = page.locator('.monaco-hover:visible', { hasText: /依据|Norm source/ });
  await hover.waitFor();
  const hoverText = await hover.innerText();
  if (!/依据|Norm source/.test(hoverText) || !/GB\/T 9704-2012/.test(hoverText)) throw new Error(`the hover lacks the norm source of date-format: ${hoverText}`);
  // the link to the rule's page is a link (VS Code renders links of other schemes as plain text)
  await hover.locator('a', { hasText: /规则说明|Rule documentation/ }).waitFor();
  await shot('02-finding');
  await page.keyboard.press('Escape');

  // 3. apply a fix: Ctrl+. on the date offers the rule's fix; choosing it rewrites the date
  await page.locator('.view-line', { hasText: '2025.6.12' }).first().click();
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: w.fix });
  await fix.waitFor();
  await shot('03-fix');
  await page.keyboard.press('Enter');
  await markers.filter({ hasText: 'date-format' }).waitFor({ state: 'detached' });
  await page.locator('.view-line', { hasText: '2025年6月12日' }).first().waitFor();
  await page.keyboard.press('Control+S');

  // 4. insert a template and fill it in: a new reply, its prefix typed (nothing red), the snippet,
  //    the first tab stops filled; the placeholders left are errors
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '新答复.reply' }).click();
  await page.locator('.tabs-container .tab', { hasText: '新答复.reply' }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.type('提案答复');
  // the server has analysed the prefix (the status bar shows its structure): nothing red
  const status = page.locator('.statusbar-item', { hasText: w.structure }).first();
  await status.waitFor();
  if (await status.locator('.codicon-error').count() > 0) throw new Error('the status bar shows an error while the prefix is typed');
  if (await markers.filter({ hasText: '新答复.reply' }).count() > 0) throw new Error('the Problems panel lists the new file while its prefix is typed');
  await page.keyboard.press('Control+Space');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: '提案答复' }).first();
  await suggestion.waitFor();
  await shot('04-template-prefix');
  await page.keyboard.press('Enter');
  await page.keyboard.type('厦教提案函');
  await page.keyboard.press('Tab');
  await page.keyboard.type('31');
  await page.keyboard.press('Tab');
  await page.keyboard.type('厦门市教育局');
  await page.keyboard.press('Escape');
  await markers.filter({ hasText: 'placeholder-left' }).first().waitFor();
  await shot('04-template');

  // 5. check the workspace: every reply, opened or not, in the Problems panel, and the summary
  await runCommand(page, `>${w.check}`, w.check);
  await runCommand(page, '>Notifications: Show Notifications', 'Show Notifications');
  const summary = page.locator('.notifications-center .notification-list-item', { hasText: w.checked }).first();
  await summary.waitFor();
  // every reply of the workspace, the ones nobody opened included (unopened/unsigned.reply, batch/…)
  const checked = Number(/(\d+)/.exec(await summary.innerText())?.[1]);
  if (!(checked >= 10)) throw new Error(`the workspace check counted ${checked} replies`);
  notes.push(`workspace check: ${checked} replies`);
  await shot('05-check');
  await page.keyboard.press('Escape');

  // 6. generate the report: saved where the dialog says, shown inside VS Code
  await runCommand(page, `>${w.generate}`, w.generate);
  // the save dialog (a quick input in code-server) proposes the report's default name in the project folder
  await page.waitForFunction("/办理情况报告-\\d{4}-\\d{2}-\\d{2}\\.html$/.test(document.querySelector('.quick-input-widget input')?.value ?? '')");
  await page.keyboard.press('Enter');
  const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await report.locator('h1', { hasText: w.report }).waitFor();
  const rows = await report.locator('table#report tbody tr').count();
  if (rows !== 5) throw new Error(`the report shows ${rows} rows, expected 5`);
  const width = await report.locator('body').evaluate((b) => [b.scrollWidth, b.clientWidth]);
  if (width[0]! > width[1]!) throw new Error(`the report is wider than its view: ${width.join(' > ')}`);
  await shot('06-report');
  notes.push(`report: ${rows} rows, ${width[0]} px wide in a ${width[1]} px view`);
  await page.keyboard.press('Control+W');

  // the pasted-text clean-up: the preview, accepted from the diff's title bar
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'pasted.reply' }).click();
  await page.locator('.tabs-container .tab', { hasText: 'pasted.reply' }).waitFor();
  await runCommand(page, `>${w.palette}`, w.palette);
  const apply = page.locator('.editor-actions .action-label.codicon-check').first();
  await apply.waitFor();
  await shot('07-cleanup-preview');
  await apply.click();
  await page.locator('.view-line', { hasText: /^二、提升公园管养水平/ }).first().waitFor();
  await shot('08-cleanup-applied');

  // a rule's page from the Problems panel: a Markdown preview, not the raw file
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'flawed.reply' }).click();
  await markers.filter({ hasText: 'addressee-colon' }).locator('a.code-link').first().click();
  await page.locator('.tabs-container .tab', { hasText: /Preview addressee-colon|预览 addressee-colon/ }).waitFor();
  await shot('09-rule-page');

  // the command palette finds the commands by their Chinese and their English words
  for (const typed of ['提案', '答复', '清理', 'Clean Up']) {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${typed}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: w.palette }).first().waitFor();
    notes.push(`command palette “${typed}”: ${await page.locator('.quick-input-list .monaco-list-row').count()} rows, “${w.palette}” among them`);
    if (typed === '提案') await shot('10-palette');
    await page.keyboard.press('Escape');
  }
  return { screenshots, notes };
}
