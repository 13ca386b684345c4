/**
 * The report as one self-contained HTML page: inline CSS and a few lines of inline script to sort
 * by any column, no external resource (a Content-Security-Policy forbids loading any), Chinese
 * headers, counts by state, overdue entries marked in words as well as colour, and a print style
 * sheet (A4 landscape, header row repeated on each page). Every text is escaped.
 */
import { formatDate, isoDate } from '../register/match';
import type { Locale } from '../core/vocabulary';
import { localize } from '../core/vocabulary';
import { type BatchReport, ENTRY_STATES, STATE_LABEL } from './batch';
import { COLUMNS, overdueText } from './columns';
import { REPORT_TITLE } from './formats';

export interface HtmlReportOptions {
  readonly locale: Locale;
  /** A link for a reply file (relative URL), or undefined for none. */
  readonly hrefOf?: (path: string) => string | undefined;
  /** Shown in the footer, e.g. `proposal-reply 0.1.0`. */
  readonly generator?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A relative URL for a path: each segment percent-encoded, never a scheme. */
export function relativeHref(p: string): string {
  return p.split(/[\\/]/).map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg))).join('/');
}

const STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; --missing: #6e7781; --errors: #cf222e; --warnings: #9a6700; --complete: #1a7f37; --overdue: #fff1e5; }
* { box-sizing: border-box; }
body { margin: 24px; color: var(--ink); font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0 0 16px; }
.summary li { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 6px 12px; min-width: 96px; }
.summary .count { display: block; font-size: 22px; font-weight: 600; }
.summary .state-missing { border-left-color: var(--missing); }
.summary .state-errors { border-left-color: var(--errors); }
.summary .state-warnings { border-left-color: var(--warnings); }
.summary .state-complete { border-left-color: var(--complete); }
.summary .overdue { border-left-color: #bc4c00; background: var(--overdue); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
thead th { background: var(--head); position: sticky; top: 0; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.el, td.num { text-align: center; white-space: nowrap; }
td.el.absent { color: var(--errors); font-weight: 600; }
td.el.present { color: var(--complete); }
td.number, td.deadline { white-space: nowrap; }
td.title { min-width: 7em; }
td.kind { word-break: keep-all; }
td.file { word-break: break-all; min-width: 6em; }
th.vertical { padding: 4px 2px; }
th.vertical button { writing-mode: vertical-rl; }
tr.overdue { background: var(--overdue); }
.badge { display: inline-block; border-radius: 4px; padding: 0 4px; font-size: 12px; font-weight: 600; }
td.deadline .badge { display: block; width: fit-content; margin-top: 2px; white-space: normal; word-break: keep-all; }
.badge.overdue { color: #fff; background: #bc4c00; }
td.state { font-weight: 600; word-break: keep-all; }
tr[data-state="missing"] td.state { color: var(--missing); }
tr[data-state="errors"] td.state { color: var(--errors); }
tr[data-state="warnings"] td.state { color: var(--warnings); }
tr[data-state="complete"] td.state { color: var(--complete); }
footer { color: var(--muted); margin-top: 12px; font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; font-size: 9pt; }
  h1 { font-size: 14pt; }
  .summary li { padding: 2px 8px; }
  .summary .count { font-size: 12pt; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  th[aria-sort] button::after { content: ""; }
  a { color: inherit; text-decoration: none; }
  tr.overdue, .summary .overdue { background: none; }
  .badge.overdue { color: inherit; background: none; border: 1px solid; }
}
`;

// Sorts the body rows by the clicked column: the cell's data-sort key if any, else its text;
// numeric columns as numbers. Clicking again reverses. Array sort is stable, so ties keep order.
const SCRIPT = `
(function () {
  var table = document.getElementById('report');
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, i) {
    th.querySelector('button').addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir);
      var numeric = th.getAttribute('data-type') === 'number';
      var key = function (row) {
        var c = row.cells[i];
        var v = c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent;
        return numeric ? parseFloat(v) : v;
      };
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var r = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return dir === 'ascending' ? r : -r;
      });
      var frag = document.createDocumentFragment();
      rows.forEach(function (r) { frag.appendChild(r); });
      body.appendChild(frag);
    });
  });
})();
`;

export function formatReportHtml(report: BatchReport, options: HtmlReportOptions): string {
  const { locale } = options;
  const en = locale === 'en';
  const e = escapeHtml;
  const t = report.totals;
  const title = localize(REPORT_TITLE, locale);
  const date = en ? isoDate(report.today) : formatDate(report.today);
  const meta = [en ? `As of ${date}` : `统计日期：${date}`];
  if (report.register) {
    meta.push(en
      ? `register ${report.register.source} (${report.register.entries} entries, ${report.register.issues} issue(s))`
      : `登记表：${report.register.source}（${report.register.entries} 件，登记表问题 ${report.register.issues} 个）`);
  }
  meta.push(en ? `${t.replies} reply file(s)` : `答复文件 ${t.replies} 份`);

  const summary: string[] = ENTRY_STATES.map((s) => `<li class="state-${s}"><span class="label">${e(localize(STATE_LABEL[s], locale))}</span><span class="count" data-count="${s}">${t[s]}</span></li>`);
  summary.push(`<li class="overdue"><span class="label">${en ? 'overdue' : '逾期'}</span><span class="count" data-count="overdue">${t.overdue}</span></li>`);
  if (report.register) summary.push(`<li><span class="label">${en ? 'not in register' : '未登记的答复'}</span><span class="count" data-count="unregistered">${t.unregistered}</span></li>`);
  summary.push(`<li><span class="label">${en ? 'rows' : '合计'}</span><span class="count" data-count="rows">${t.rows}</span></li>`);

  const head = COLUMNS.map((c) => {
    const other = en ? c.header.zh : c.header.en;
    // narrow columns (marks, counts, a category letter): the header runs vertically, centred
    const vertical = c.numeric || c.id === 'category' || c.id.startsWith('element-') ? ' class="vertical"' : '';
    return `<th scope="col" aria-sort="none" data-col="${c.id}"${c.numeric ? ' data-type="number"' : ''}${vertical} title="${e(other)}"><button type="button">${e(localize(c.header, locale))}</button></th>`;
  }).join('');

  const present = en ? 'present' : '有';
  const absent = en ? 'missing' : '缺';
  const rows: string[] = [];
  for (const r of report.rows) {
    const cells = COLUMNS.map((c) => {
      const cell = c.cell(r, locale);
      const sort = cell.sort !== undefined ? ` data-sort="${e(cell.sort)}"` : '';
      if (c.id.startsWith('element-')) {
        const cls = cell.present === undefined ? 'el' : `el ${cell.present ? 'present' : 'absent'}`;
        const label = cell.notApplicable ? ` aria-label="${en ? 'not applicable' : '不适用'}"` : cell.present === undefined ? '' : ` aria-label="${cell.present ? present : absent}"`;
        return `<td class="${cls}"${label}>${e(cell.text)}</td>`;
      }
      if (c.id === 'deadline' && r.overdue) {
        return `<td class="deadline"${sort}>${e(cell.text)} <span class="badge overdue">${e(overdueText(r, locale))}</span></td>`;
      }
      if (c.id === 'file' && r.reply) {
        const href = options.hrefOf?.(r.reply.path);
        return `<td class="file">${href ? `<a href="${e(href)}">${e(cell.text)}</a>` : e(cell.text)}</td>`;
      }
      return `<td class="${c.numeric ? 'num' : c.id}"${sort}>${e(cell.text)}</td>`;
    });
    const cls = r.overdue ? ' class="overdue"' : '';
    rows.push(`<tr data-state="${r.state}"${cls}${r.entry ? ` data-number="${e(r.entry.number)}"` : ''}>${cells.join('')}</tr>`);
  }

  const legend = en
    ? '✓ element present, ✗ missing, / not called for by this kind of document, — no reply yet. Overdue: a reply dated after the deadline, or no dated reply by then. Click a column header to sort.'
    : '✓ 有该要素，✗ 缺该要素，/ 该文种不要求，— 尚无答复。逾期：答复的成文日期晚于办理期限，或期限已过而尚无写明日期的答复。点击列标题可排序。';

  return `<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p class="meta">${meta.map(e).join(' · ')}</p>
</header>
<ul class="summary" aria-label="${en ? 'counts by state' : '按状态统计'}">
${summary.join('\n')}
</ul>
<table id="report">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<footer><p>${e(legend)}</p>${options.generator ? `<p>${e(en ? `Generated by ${options.generator}.` : `由 ${options.generator} 生成。`)}</p>` : ''}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
