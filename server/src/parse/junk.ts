/**
 * Page furniture: what a government web page puts around a reply and what survives copying it —
 * publication metadata (索引号, 发布时间, 来源, 浏览次数 …), share and print widgets, site footers and
 * table borders. Recognised by the kind of line, not by one site's wording: a metadata label opens
 * the line (its characters may be spaced out: 索 引 号), a row holds several `label: value` pairs, or
 * a page timestamp; a widget word stands alone.
 */

import { matchMarker } from './numbering';

/** Labels of a page's counters, whose value is a number. */
const COUNTER_LABELS = ['浏览次数', '浏览量', '浏览', '访问次数', '访问量', '阅读次数', '阅读量', '阅读', '点击数', '点击次数', '点击量', '点击', '下载次数', '下载量'];

/** The labels of the register rows some sites print above the reply; a feedback form attached to a reply has them too. */
const REGISTER_ROW_LABELS = ['领衔代表', '代表团', '建议号', '提案号', '提案人', '内容', '责任领导', '政府督办领导', '交办日期', '反馈时间'];

/** Labels of publication metadata and of the record tables that frame a reply on a web page. */
const METADATA_LABELS = [
  // publication
  '发布时间', '发布日期', '发布机构', '发文日期', '发文时间', '发文单位', '发文机关', '发文字号', '成文日期', '成文时间', '生成日期', '生效日期',
  '废止日期', '更新时间', '更新日期', '信息来源', '文章来源', '来源', '作者', '责任编辑', '编辑', '责任部门', '所属机构', '索引号', '索取号',
  '文号', '标题', '名称', '题目', '内容概述', '关键字', '关键词', '主题词',
  // classification and validity
  '主题分类', '组配分类', '体裁分类', '信息分类', '所属主题', '分类', '公开方式', '公开范围', '公开时限', '有效性', '是否有效', '效力状态', '时效',
  // counts and display
  ...COUNTER_LABELS, '字体', '字号', '文字大小', '背景色', '时间', '日期',
  ...REGISTER_ROW_LABELS,
  // where the page is
  '当前位置', '您当前的位置', '您的位置', '所在位置',
];

const LABELS: ReadonlySet<string> = new Set(METADATA_LABELS);
const LONGEST_LABEL = Math.max(...METADATA_LABELS.map((w) => w.length));
/** What may open a row of a web table or list: a bullet, a bracket, a bar. */
const OPENER = /^[-•·*[【|]?[ \t]*/;

/**
 * The metadata labels that open a line after its opener, each with where it ends and how many
 * characters it has; a label's characters may be spaced out (`索 引 号`). Read character by
 * character against the set of labels: written as regexes, with `[ \t]*` between every two
 * characters of ~90 labels, the four patterns this replaces took ~8 ms to compile in every process,
 * a tenth of the CLI's start-up above `node -e 0` (issue 20).
 */
function openingLabels(line: string): Array<{ label: string; end: number }> {
  const found: Array<{ label: string; end: number }> = [];
  let word = '';
  for (let i = OPENER.exec(line)![0].length; i < line.length && word.length < LONGEST_LABEL; i++) {
    const c = line.charAt(i);
    if (c === ' ' || c === '\t') continue;
    word += c;
    if (LABELS.has(word)) found.push({ label: word, end: i + 1 });
  }
  return found;
}

/** After a label: its colon, a bar or a closing bracket (`发布时间:`, `| 文 号 |`, `[ 索引号 ]`). */
const COLON_AFTER = /^[ \t]*[:|\]】]/;
/**
 * After a label: its colon (or bar, bracket) and nothing else (`来源:`, its value on the next line).
 * Without the colon a word alone on a line is as likely the end of a wrapped line (`二、丰富课后服务` / `内容`).
 */
const NOTHING_AFTER = /^[ \t]*[:\]】|][ \t]*$/;

/**
 * A row of page metadata opened by its label: the label and a colon, bar or bracket; a bulleted
 * label glued to its value (`- 发布机构弥勒市政府办公室`); a longer label, a blank and a value
 * (`索 引 号 640323004/2022-00062`).
 */
function isMetadataRow(line: string): boolean {
  const bulleted = /^[-•·*]/.test(line);
  return openingLabels(line).some(({ label, end }) => bulleted || COLON_AFTER.test(line.slice(end)) || (label.length >= 3 && /^[ \t]+\S/.test(line.slice(end))));
}

/**
 * `label: value` pairs: a row holding two of them, one a metadata label, is page metadata
 * (`来源:潼关县民政局 发布时间:2024-09-11`); rows of other labels are the reply's own
 * (`联系人:… 电话:…`, `地址:… 邮编:…`, `主办单位:… 协办单位:…`, `目标任务:… 牵头单位:…`).
 */
const LABEL_VALUE = /(?:^|[\s|])(\p{Script=Han}{2,6})[ \t]*:[ \t]*\S/gu;
/** A page's timestamp: 2019-10-30 04:10, 2025年06月26日 18:30. */
const TIMESTAMP = /\d{4}([-/]|年)\d{1,2}([-/]|月)\d{1,2}日?[ \t]*\d{1,2}:\d{2}/;

/** A site's footer: its registrations and copyright, and the row naming who hosts and who runs it (`主办单位:… 承办单位:…`). */
const SITE_FOOTER = /公网安备|ICP备|网站标识码|版权所有|Copyright|©|技术支持:|网站地图|联系我们|建议使用.{0,20}浏览器|分辨率|主办(单位)?[ \t]*:[^:]{2,40}(承办|运维|维护)(单位)?[ \t]*:/i;
/**
 * A widget word alone, or followed by a colon, bracket or blank: not `打印机采购…`, `关闭…的决定` or
 * `无障碍设施…`. With the share and print buttons, a site's accessibility and language switches.
 */
const WIDGET = /^[【[]?(分享到|分享功能|分享|扫一扫|扫码查看手机版|查看手机版|手机版|扫码阅读|打印本页|打印|关闭窗口|关闭本页|关闭|收藏|返回顶部|返回首页|返回|上一篇|下一篇|相关链接|相关文章|相关阅读|相关新闻|相关文件|附件下载|原文下载|下载原文|PDF下载|下载PDF|详细查看|放大|缩小|无障碍(浏览|阅读)?|长者模式|关怀版|适老化|繁体版|繁體|简体版|English|Print|Close)[】\]]?(?=$|[\s:|【[(])/;
const SCAN_TO_READ = /扫一扫|在手机上(查看|打开|阅读)|手机扫码|微信扫/;
/** What a public account's article puts around a text: `点击蓝字关注我们`, `阅读原文`, `往期推荐`, `—END—`. */
const ARTICLE_WIDGET = /^.{0,10}(点击.{0,4}蓝字|长按识别|识别二维码|阅读原文|往期推荐|往期回顾|点个?[“"]?在看)|^[-—–]*[ \t]*END[ \t]*[-—–]*$/;
const WIDGET_ROW = /^[【[](打印|关闭|字体|收藏|大|返回)|\[[ \t]*(大|中|小)[ \t]*\]/;
const EDITOR_NOTE = /^\([ \t]*(编辑|责任编辑|来源|作者|审核|校对)[ \t]*:/;
const BORDER = /^[|\-=_*~·•#>\s]+$/;
/**
 * A page number alone on its line, from a printout or a PDF copied line by line: `— 1 —` (GB/T 9704-2012
 * 7.5), `-2-`, `第 1 页 共 3 页`, `1/3`.
 */
const PAGE_NUMBER = /^-{1,2}[ \t]*\d{1,3}[ \t]*-{1,2}$|^[—–][ \t]*\d{1,3}[ \t]*[—–]$|^第[ \t]*\d{1,3}[ \t]*页([ \t,，/]*共[ \t]*\d{1,3}[ \t]*页)?$|^\d{1,3}[ \t]*\/[ \t]*\d{1,3}$/;
/**
 * A list item of a page's side panel: `• 2025-07-02`, `· 关于…的通知`, a date or a link's title — not a
 * reply's own bulleted point, which has clauses (`· 加快站点布局，计划新建招呼站46个`).
 */
const BULLET_ITEM = /^[•·][ \t]*\S[^,;]{0,58}$/;
/** Where the page sits in its site: `首页 > 政务公开 > 建议提案办理`. */
const BREADCRUMB = /^.{0,20}([>»›]).{1,30}\1/;

/** Junk lines are short; a long line is content even if it mentions a matching word. */
export const JUNK_MAX_LINE = 160;

export type JunkReason = 'web-metadata' | 'share-widget' | 'site-footer' | 'table-border' | 'page-number';

/**
 * A row of a blank form, as a feedback form attached after the date has (`提案号：　　　提案人：`):
 * register labels with their colons and no values. A page's register row has its values.
 */
const BLANK_FORM_ROW = new RegExp(`^([ \\t]*(${REGISTER_ROW_LABELS.join('|')})[ \\t]*:[ \\t]*){2,}$`);

/** Whether a (folded, trimmed) line is a row of a blank form: content, and one block. */
export function isBlankFormRow(line: string): boolean {
  return BLANK_FORM_ROW.test(line);
}

/**
 * A sentence: page furniture has none, so a line with one is the reply's text whatever label or
 * widget word it holds (`时间：3月12日上午，地点：市民中心。`, `群众用手机扫码即可查询。`).
 */
const SENTENCE_END = /。|\p{Script=Han}\.$/u;

/** Why a (folded, trimmed) line is page furniture, or undefined when it is not. */
export function junkReason(line: string): JunkReason | undefined {
  if (line.length > JUNK_MAX_LINE || SENTENCE_END.test(line) || isBlankFormRow(line)) return undefined;
  if (BORDER.test(line)) return 'table-border';
  if (PAGE_NUMBER.test(line)) return 'page-number';
  // a numbered heading is the reply's, whatever page word it holds (`三、推进阅读原文献工作`)
  if (matchMarker(line, 0)) return undefined;
  if (isMetadataRow(line) || EDITOR_NOTE.test(line) || TIMESTAMP.test(line) || BULLET_ITEM.test(line) || BREADCRUMB.test(line)) return 'web-metadata';
  const pairs = [...line.matchAll(LABEL_VALUE)];
  if (pairs.length >= 2 && pairs.some((m) => LABELS.has(m[1]!))) return 'web-metadata';
  if (/(浏览次数|阅读次数|点击数|访问量|浏览量|下载次数)[ \t]*:?[ \t]*\d+|^\([ \t]*(浏览|阅读|点击)[ \t]*\d+[ \t]*次[ \t]*\)$/.test(line)) return 'web-metadata';
  if (SITE_FOOTER.test(line)) return 'site-footer';
  if (WIDGET.test(line) || WIDGET_ROW.test(line) || SCAN_TO_READ.test(line) || (line.length <= 40 && ARTICLE_WIDGET.test(line))) return 'share-widget';
  return undefined;
}

/** Whether a (folded) text opens with a metadata label and its colon (`发布日期:`, `索 引 号:`): where page metadata starts inside a run-on line. */
export function opensWithMetadataLabel(text: string): boolean {
  return openingLabels(text).some(({ end }) => COLON_AFTER.test(text.slice(end)));
}

/** Words that may head a column of any table (`时间`, `内容`): alone, without their colons, they do not make a stack of labels. */
const GENERIC_LABELS: ReadonlySet<string> = new Set(['来源', '作者', '编辑', '标题', '名称', '题目', '分类', '时间', '日期', '时效', '字体', '字号', '内容']);
/** How near two labels without their colons stand to make a stack: a label, its value, the next label. */
const STACK_REACH = 2;

/** A metadata label alone on a (folded, trimmed) line, with its colon, bar or bracket (`来源:`) or without (`索引号`). */
function labelAlone(line: string): { label: string; colon: boolean } | undefined {
  if (line.length > 12) return undefined;
  for (const { label, end } of openingLabels(line)) {
    const rest = line.slice(end);
    if (NOTHING_AFTER.test(rest)) return { label, colon: true };
    if (/^[ \t]*$/.test(rest) && !REGISTER_ROW_LABELS.includes(label)) return { label, colon: false };
  }
  return undefined;
}

/**
 * For each (folded, trimmed) line, the metadata label it is when it stands alone with its value on
 * the next line: with its colon (`来源:` then `湘阴县人民政府`), or without it when another stands
 * within two lines (`索引号` / value / `发布机构` / value: a page's metadata table copied cell by cell)
 * and one of them is no word any table may head a column with. One label alone without its colon is
 * as likely the end of a wrapped line (`二、丰富课后服务` / `内容`); a register's labels without their
 * colons are left out (a blank form's rows are content).
 */
export function labelsAlone(lines: readonly string[]): Array<string | undefined> {
  const alone = lines.map(labelAlone);
  return alone.map((a, i) => {
    if (!a || a.colon) return a?.label;
    const near = alone.slice(Math.max(0, i - STACK_REACH), i + STACK_REACH + 1).filter((b) => b !== undefined);
    return near.length >= 2 && near.some((b) => !GENERIC_LABELS.has(b.label)) ? a.label : undefined;
  });
}

/** Whether a metadata label names a document number (`文号`): its value is the page's record of the number. */
export function isNumberLabel(label: string): boolean {
  return label === '文号' || label === '发文字号';
}

/** Whether a line can be the value of a label alone on the line before it: a counter's value is a number (`访问量:` then `林灵委员` is an addressee). */
export function isValueOfLabel(label: string, line: string): boolean {
  return !COUNTER_LABELS.includes(label) || /^\d/.test(line);
}
