/**
 * The README's "first ten minutes", done by a user in the page (launch.ts runs it once per display
 * language): open a reply, read a finding, apply a fix, insert a template and fill it in, check the
 * workspace, generate the report; then the pasted-text clean-up accepted in its preview, the command
 * palette found by Chinese and English words, and a rule's page from the Problems panel. Each
 * step asserts what the user must see and takes a screenshot into .artifacts/e2e/walkthrough/<lang>/
 * (the README's pictures are the first six, written into docs/walkthrough/ by
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
    fix: /Change to “2025年6月12日”/, report: 'Proposal and suggestion reply report', structure: /Structure \d\/\d/, newStructure: /Structure 0\/\d/,
    checking: 'Checking replies', checked: /Checked \d+ replies: \d+ errors, \d+ warnings\./,
    palette: 'Clean Up Pasted Text', check: 'Check All Replies', generate: 'Generate Report',
  },
  'zh-cn': {
    fix: /改为“2025年6月12日”/, report: '提案建议答复办理情况报告', structure: /结构 \d\/\d/, newStructure: /结构 0\/\d/,
    checking: '正在检查答复', checked: /已检查 \d+ 份答复：错误 \d+ 个，警告 \d+ 个。/,
    palette: '清理粘贴文本', check: '检查工作区中的全部答复', generate: '生成办理情况报告',
  },
} as const;

export interface WalkthroughResult {
  readonly screenshots: string[];
  readonly notes: string[];
}

/**
 * Runs a command from the command palette: types `typed`, waits for the row that shows `row`, picks
 * it, and waits until the palette has closed (or the command's own input has taken its place).
 */
export async function runCommand(page: Page, typed: string, row: string | RegExp): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(typed);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(`(() => {
    const widget = document.querySelector('.quick-input-widget');
    return widget.style.display === 'none' || widget.querySelector('input').value !== ${JSON.stringify(typed)};
  })()`);
}

/** Moves the cursor of the active editor to a line (1-based). */
async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').fill(`:${line}`);
  await page.keyboard.press('Enter');
}

/** Clicks into an editor and waits until it has the keyboard, so that the keys pressed next reach it. */
async function clickInEditor(page: Page, target: Locator): Promise<void> {
  await target.click();
  await page.locator('.monaco-editor.focused').waitFor();
}

/**
 * Does `act` and waits for `shown`; if it does not show within 10 s, does `act` once more and waits
 * again (noted). VS Code drops the code actions it was asked for (by Ctrl+. or for a hover) when
 * it computes those at the cursor again on its own while the answer is still out, as it does when
 * a document's diagnostics are pulled again (after the server's first scan of the workspace, say):
 * on a busy machine, early in a session, the list then never opens or the hover says “No quick
 * fixes available”, and a user would ask again.
 */
async function onceMore(notes: string[], what: string, shown: Locator, act: () => Promise<void>): Promise<void> {
  await act();
  if (await shown.waitFor({ timeout: 10_000 }).then(() => true, () => false)) return;
  notes.push(`${what} did not show at the first try; asked again`);
  await act();
  await shown.waitFor();
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

  // 2. read a finding: the hover on the malformed date names the rule and its norm, and offers the fix
  await clickInEditor(page, page.locator('.monaco-editor .view-lines').first());
  await goToLine(page, 29);
  const hover = page.locator('.monaco-hover:visible', { hasText: /依据|Norm source/ });
  await onceMore(notes, 'the hover’s quick fix', hover.locator('.hover-row.status-bar', { hasText: /Quick Fix|快速修复/ }), async () => {
    await page.keyboard.press('Escape');
    await runCommand(page, '>Show or Focus Hover', /Show or Focus Hover/);
  });
  const hoverText = await hover.innerText();
  if (!/依据|Norm source/.test(hoverText) || !/GB\/T 9704-2012/.test(hoverText)) throw new Error(`the hover lacks the norm source of date-format: ${hoverText}`);
  // the link to the rule's page is a link (VS Code renders links of other schemes as plain text)
  await hover.locator('a', { hasText: /规则说明|Rule documentation/ }).waitFor();
  await shot('02-finding');
  await page.keyboard.press('Escape');

  // 3. apply a fix: Ctrl+. on the date (the cursor where step 2 put it, at its start) offers the
  //    rule's fix; choosing it rewrites the date
  await page.locator('.monaco-hover:visible').waitFor({ state: 'hidden' });
  await page.locator('.monaco-editor.focused').waitFor();
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: w.fix });
  await onceMore(notes, 'the quick fix list', fix, () => page.keyboard.press('Control+.'));
  await shot('03-fix');
  await page.keyboard.press('Enter');
  await markers.filter({ hasText: 'date-format' }).waitFor({ state: 'detached' });
  await page.locator('.view-line', { hasText: '2025年6月12日' }).first().waitFor();
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.dirty', { hasText: 'flawed.reply' }).waitFor({ state: 'detached' });

  // 4. insert a template and fill it in: a new reply, its prefix typed (nothing red), the snippet,
  //    the first tab stops filled; the placeholders left are errors
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '新答复.reply' }).click();
  await page.locator('.tabs-container .tab', { hasText: '新答复.reply' }).waitFor();
  await clickInEditor(page, page.locator('.monaco-editor .view-lines').first());
  await page.keyboard.type('提案答复');
  await page.keyboard.press('Control+Space');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: '提案答复' }).first();
  await suggestion.waitFor();
  // the server has seen the prefix (it answered the completion) and the status bar shows the new
  // file's structure (none of its elements yet, where flawed.reply had 6): nothing red
  const status = page.locator('.statusbar-item', { hasText: w.newStructure }).first();
  await status.waitFor();
  if (await status.locator('.codicon-error').count() > 0) throw new Error('the status bar shows an error while the prefix is typed');
  if (await markers.filter({ hasText: '新答复.reply' }).count() > 0) throw new Error('the Problems panel lists the new file while its prefix is typed');
  await shot('04-template-prefix');
  await page.keyboard.press('Enter');
  await page.keyboard.type('厦教提案函');
  await page.keyboard.press('Tab');
  await page.keyboard.type('31');
  await page.keyboard.press('Tab');
  await page.keyboard.type('厦门市教育局');
  await page.keyboard.press('Escape');
  // the Problems panel filtered to the rule: the placeholders left are errors, the title's organ
  // (“×××” at its start, filled in) no longer among them, the “×” after it still
  const filter = page.locator('.panel .viewpane-filter input:visible');
  await filter.fill('placeholder-left');
  await markers.filter({ hasText: '[Ln 3, Col 12]' }).waitFor();
  await markers.filter({ hasText: '[Ln 3, Col 1]' }).waitFor({ state: 'detached' });
  await page.locator('.breadcrumbs-control', { hasText: '厦门市教育局' }).waitFor();
  await shot('04-template');
  await filter.fill('');

  // 5. check the workspace: every reply, opened or not, in the Problems panel, and the summary.
  // The command ends by focusing the Problems panel and then shows its summary. (The page runs with
  // the smoke-test driver, under which VS Code shows no toasts: notifications go to the notification
  // center, which hides itself when its last notification, here the progress, goes; so it is opened
  // once the check is over.)
  await runCommand(page, `>${w.check}`, w.check);
  await page.waitForFunction("document.activeElement?.closest('.markers-panel') != null");
  await runCommand(page, '>Notifications: Show Notifications', 'Show Notifications');
  const summary = page.locator('.notifications-center .notification-list-item', { hasText: w.checked }).first();
  await summary.waitFor();
  await page.locator('.notifications-center .notification-list-item', { hasText: w.checking }).waitFor({ state: 'detached' });
  // every reply of the workspace, the ones nobody opened included (unopened/unsigned.reply, batch/…)
  const checked = Number(/(\d+)/.exec(await summary.innerText())?.[1]);
  if (!(checked >= 10)) throw new Error(`the workspace check counted ${checked} replies`);
  notes.push(`workspace check: ${checked} replies`);
  await shot('05-check');
  await page.keyboard.press('Escape');

  // 6. generate the report: saved where the dialog says, shown inside VS Code (the panel hidden, so
  //    that the report has the window's height)
  await runCommand(page, '>View: Hide Panel', 'Hide Panel');
  await page.locator('.part.panel').waitFor({ state: 'hidden' });
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
  await page.locator('iframe.webview.ready').waitFor({ state: 'detached' });

  // the pasted-text clean-up: the preview, accepted from the diff's title bar
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'pasted.reply' }).click();
  await page.locator('.tabs-container .tab', { hasText: 'pasted.reply' }).waitFor();
  await page.locator('.view-line', { hasText: '分享到' }).first().waitFor();
  await runCommand(page, `>${w.palette}`, w.palette);
  const apply = page.locator('.editor-actions .action-label.codicon-check').first();
  await apply.waitFor();
  await shot('07-cleanup-preview');
  await apply.click();
  // the preview closed, the reply itself cleaned: the junk line gone, the second measure a line of its own
  await page.locator('.tabs-container .tab', { hasText: '↔' }).waitFor({ state: 'detached' });
  await page.locator('.view-line', { hasText: '分享到' }).first().waitFor({ state: 'detached' });
  await page.locator('.view-line', { hasText: /^二、提升公园管养水平/ }).first().waitFor();
  await shot('08-cleanup-applied');

  // the command palette finds the commands by their Chinese and their English words (the clean-up's
  // among them while a reply is the active editor)
  for (const typed of ['提案', '答复', '清理', 'Clean Up']) {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${typed}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: w.palette }).first().waitFor();
    notes.push(`command palette “${typed}”: ${await page.locator('.quick-input-list .monaco-list-row').count()} rows, “${w.palette}” among them`);
    if (typed === '提案') await shot('09-palette');
    await page.keyboard.press('Escape');
  }

  // a rule's page from the Problems panel: a Markdown preview, not the raw file (the panel filtered
  // to the rule, whose rows could otherwise lie outside the list's rendered part)
  await page.keyboard.press('Control+Shift+M');
  await filter.fill('addressee-colon');
  await markers.filter({ hasText: 'addressee-colon' }).locator('a.monaco-link', { hasText: 'addressee-colon' }).first().click();
  await page.locator('.tabs-container .tab', { hasText: /Preview addressee-colon|预览 addressee-colon/ }).waitFor();
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('h1', { hasText: 'addressee-colon' }).waitFor();
  await shot('10-rule-page');
  return { screenshots, notes };
}
