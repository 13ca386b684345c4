/**
 * The batch report inside VS Code: the HTML page the server wrote, in a webview beside the editors.
 * The page is our own (every text escaped, a Content-Security-Policy that loads nothing); the
 * webview adds one inline script that turns a click on a reply's link into a message, and the
 * extension opens that file in an editor when the link is relative and names a reply (.reply, .txt).
 */
import * as vscode from 'vscode';
import { l10n } from './l10n';

export const REPORT_VIEW_TYPE = 'proposalReply.report';

/** Clicks on links become messages: a webview cannot follow a relative link to a workspace file. */
const LINK_SCRIPT = `<script>(function () {
  var vscode = acquireVsCodeApi();
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a) return;
    e.preventDefault();
    vscode.postMessage({ open: a.getAttribute('href') });
  });
})();</script>`;

/** The report page with the link script before `</body>`. */
export function webviewHtml(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + LINK_SCRIPT : html.slice(0, at) + LINK_SCRIPT + html.slice(at);
}

/** The reply a link of the report names, relative to the report file; undefined for anything else. */
export function linkedReply(report: vscode.Uri, href: unknown): vscode.Uri | undefined {
  if (typeof href !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return undefined;
  let parts: string[];
  try {
    parts = href.split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const target = vscode.Uri.joinPath(report, '..', ...parts);
  return /\.(reply|txt)$/i.test(target.path) ? target : undefined;
}

const panels = new Map<string, vscode.WebviewPanel>();

/** Shows a report in a webview (one panel per report file, refreshed when written again). */
export function showReport(html: string, file: vscode.Uri): vscode.WebviewPanel {
  const key = file.toString();
  let panel = panels.get(key);
  if (!panel) {
    panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, l10n.t('Report: {0}', file.path.replace(/^.*\//, '')), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      enableFindWidget: true,
    });
    const p = panel;
    panels.set(key, p);
    p.onDidDispose(() => panels.delete(key));
    p.webview.onDidReceiveMessage(async (m: { open?: unknown }) => {
      const reply = linkedReply(file, m?.open);
      if (!reply) return;
      try {
        await vscode.window.showTextDocument(reply, { viewColumn: vscode.ViewColumn.Beside });
      } catch {
        void vscode.window.showWarningMessage(l10n.t('Cannot open {0}.', reply.path.replace(/^.*\//, '')));
      }
    });
  } else {
    panel.reveal();
  }
  panel.webview.html = webviewHtml(html);
  return panel;
}
