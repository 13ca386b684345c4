/**
 * Turns lines into blocks (paragraphs): drops blank lines, recognises web-page junk, and splits
 * run-on pasted lines where a web page collapsed several paragraphs into one.
 */
import type { Block, JunkSpan } from '../model';
import { isBlank, isDigitCode, type LineInfo, type Offsets, type TextScan, trimSpan } from '../text';
import { matchDateAt } from './dates';
import { isMarkerNumeral, matchMarker } from './numbering';

/** The labels of publication metadata that open a line: `发布时间：…`, `来源：…`. */
const METADATA_LABELS = [
  '发布时间', '发布日期', '发文日期', '更新时间', '更新日期', '信息来源', '文章来源', '来源', '浏览次数', '浏览量', '访问次数', '阅读次数', '阅读量',
  '点击数', '点击次数', '点击量', '字体', '字号', '作者', '责任编辑', '编辑', '索引号', '主题分类', '主题词', '发布机构', '公开方式', '公开范围',
  '公开时限', '有效性', '文号', '当前位置', '您当前的位置', '您的位置', '所在位置',
];

/**
 * Web-page furniture that survives copying a reply from a government site: publication metadata,
 * share widgets, font-size switches, footers. Matched against a whole (folded, trimmed) line.
 */
export const JUNK_LINE: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(`^(${METADATA_LABELS.join('|')})[ \\t]*:`), 'web-metadata'],
  [/(浏览次数|阅读次数|点击数|访问量|浏览量)[ \t]*:?[ \t]*\d+/, 'web-metadata'],
  [/(公网安备|ICP备|网站标识码|版权所有|Copyright|©|技术支持:|网站地图|联系我们|建议使用.{0,20}浏览器|分辨率)/i, 'site-footer'],
  // a widget word alone, or followed by a colon, bracket or blank: not `打印机采购…` or `关闭…的决定`
  [/^(分享到|分享功能|分享|扫一扫|打印本页|打印|关闭窗口|关闭本页|关闭|收藏|返回顶部|返回首页|返回|上一篇|下一篇|相关链接|相关文章|相关阅读|相关新闻|相关文件|附件下载)(?=$|[\s:|【[(])/, 'share-widget'],
  [/^[【[](打印|关闭|字体|收藏|大|返回|打印本页|关闭窗口)/, 'share-widget'],
  [/扫一扫|在手机上(查看|打开|阅读)|手机扫码|微信扫/, 'share-widget'],
  [/^\([ \t]*(编辑|责任编辑|来源|作者|审核|校对)[ \t]*:/, 'web-metadata'],
  [/^[|\-=_*~·•#>\s]+$/, 'table-border'],
];

/** Junk lines are short; a long line is content even if it mentions a matching word. */
const JUNK_MAX_LINE = 160;

/**
 * All of JUNK_LINE in one regex, case-insensitive throughout (so it matches whatever one of them
 * matches, and maybe more): most lines are not junk, and one call tells so instead of eight.
 */
const JUNK_ANY = new RegExp(JUNK_LINE.map(([re]) => `(?:${re.source})`).join('|'), 'i');

/**
 * What JUNK_ANY needs of a line. Each of its alternatives needs one of a few characters or 手机
 * somewhere (浏阅击访: a count of views; 网版Cc©技联辨: a site footer, ICP备 by its C; 扫 and 手机: scan on a
 * phone), or opens the line with a widget word, a bracket, a table border or white space, or opens
 * it with a metadata label (its first two characters) or `(`, and has a colon.
 */
const JUNK_SOMEWHERE = /[浏阅击访网版Cc©技联辨扫]|手机/;
const JUNK_OPENERS = ((): Set<number> => {
  const t = new Set([...'分扫打关收返上下相附【[|-=_*~·•#>'].map((ch) => ch.charCodeAt(0)));
  for (let c = 0; c <= 0xffff; c++) if (/\s/.test(String.fromCharCode(c))) t.add(c);
  return t;
})();
/** The first characters of the metadata labels, and their first two (one string per label). */
const METADATA_FIRST = new Set(METADATA_LABELS.map((w) => w.charCodeAt(0)));
const METADATA_OPENINGS = new Set(METADATA_LABELS.map((w) => w.slice(0, 2)));

/**
 * Whether JUNK_ANY may match: false for most lines of a reply, which then need no regex call, or
 * one with a character class instead of the eight patterns (body lines, which often hold 建设 or 机制, too).
 */
export function mayBeJunk(line: string): boolean {
  const c = line.charCodeAt(0);
  if (JUNK_OPENERS.has(c)) return true;
  if ((c === 40 /* ( */ || (METADATA_FIRST.has(c) && METADATA_OPENINGS.has(line.slice(0, 2)))) && line.includes(':')) return true;
  return JUNK_SOMEWHERE.test(line);
}

export function junkReason(foldedLine: string): string | undefined {
  if (foldedLine.length > JUNK_MAX_LINE || !mayBeJunk(foldedLine) || !JUNK_ANY.test(foldedLine)) return undefined;
  for (const [re, reason] of JUNK_LINE) if (re.test(foldedLine)) return reason;
  return undefined;
}

export interface BlockSplit {
  readonly blocks: Block[];
  readonly junk: JunkSpan[];
}

/**
 * What makes a sentence end (。!?) a place where segmentLine might break a line: what could start
 * a numbering marker right after it.
 */
export const MARKER_AFTER_END = /[一二三四五六七八九十百]{1,4}[ \t]?[、.]|\(|\d/y;

/** Whether MARKER_AFTER_END can match at a code unit: the first characters of its alternatives. */
export function mayStartMarker(c: number): boolean {
  return isDigitCode(c) || c === 40 /* ( */ || isMarkerNumeral(c);
}

/**
 * Splits every line into blocks; see the module comment. `marks` are where scanText found the
 * brackets, blanks and sentence ends of `folded`.
 */
export function splitBlocks(text: string, folded: string, lines: readonly LineInfo[], marks: SegmentMarks): BlockSplit {
  const { breaks } = marks;
  const blocks: Block[] = [];
  const junk: JunkSpan[] = [];
  // Where segmentLine might break a line: a blank (a gap), or a sentence end followed by what
  // could start a numbering marker. A line without either is one paragraph, known without a loop
  // over its characters. `nextPlace` is the last character of the first place at or after some
  // offset: a place is a single blank, or lies on one line between its first and last non-blank
  // character, so the first place found from a line's (trimmed) start is in the line exactly when
  // this is before the line's end. The breaks are walked once for the whole text.
  let nextPlace = -1;
  let bi = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const { start, end } = trimSpan(text, line.start, line.end);
    if (start >= end) continue;
    // (a line too long to be junk is not sliced for the test)
    const reason = end - start > JUNK_MAX_LINE ? undefined : junkReason(folded.slice(start, end));
    if (reason) {
      junk.push({ start, end, reason, wholeLine: true, line: li });
      continue;
    }
    // leading and trailing table borders (`| ||||`) from captured web tables
    let s = start;
    let e = end;
    while (s < e && (folded.charCodeAt(s) === 124 || isBlank(folded.charCodeAt(s)))) s++;
    while (e > s && (folded.charCodeAt(e - 1) === 124 || isBlank(folded.charCodeAt(e - 1)))) e--;
    if (s > start) junk.push({ start, end: s, reason: 'table-border', wholeLine: false, line: li });
    if (e < end) junk.push({ start: e, end, reason: 'table-border', wholeLine: false, line: li });
    if (s >= e) continue;
    if (nextPlace < start) {
      nextPlace = Infinity;
      while (bi < breaks.length && breaks[bi]! < start) bi++;
      for (; bi < breaks.length; bi++) {
        const p = breaks[bi]!;
        if (isBlank(folded.charCodeAt(p))) {
          nextPlace = p;
          break;
        }
        // most sentence ends are followed by a character no marker starts with: no regex call then
        if (!mayStartMarker(folded.charCodeAt(p + 1))) continue;
        MARKER_AFTER_END.lastIndex = p + 1;
        if (MARKER_AFTER_END.test(folded)) {
          nextPlace = MARKER_AFTER_END.lastIndex - 1;
          break;
        }
      }
    }
    if (nextPlace >= end) {
      // no blank and no marker after a sentence end: the line is one paragraph (most lines)
      blocks.push({ start: s, end: e, line: li });
      continue;
    }
    for (const seg of segmentLine(folded, s, e, marks)) {
      const segText = folded.slice(seg.start, seg.end);
      const segReason = seg.start === s && seg.end === e ? undefined : junkReason(segText);
      if (segReason) junk.push({ start: seg.start, end: seg.end, reason: segReason, wholeLine: false, line: li });
      else blocks.push({ start: seg.start, end: seg.end, line: li });
    }
  }
  return { blocks, junk };
}

/** The marks of scanText that segmentLine walks: every character it looks at is among them. */
export type SegmentMarks = Pick<TextScan, 'brackets' | 'breaks' | 'squares'>;

/**
 * Splits one line into paragraphs where a web page collapsed line breaks into spaces:
 * at white space after a sentence end, before a numbering marker, before a date or contact line,
 * after an addressee or a `…如下：` transition; and, with no white space, at a numbering marker
 * right after a sentence end. Never inside brackets or quotes.
 *
 * It reads only the brackets, blanks and sentence ends of `[start, end)`, in order, from the
 * offsets scanText found, not every character (a collapsed web page is one line of 100 000).
 */
export function segmentLine(folded: string, start: number, end: number, marks: SegmentMarks): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const { brackets, breaks, squares } = marks;
  let bk = lowerBound(brackets, start);
  let br = lowerBound(breaks, start);
  let sq = lowerBound(squares, start);
  let segStart = start;
  let depth = 0;
  for (;;) {
    // the next mark of the three lists
    const a = bk < brackets.length ? brackets[bk]! : Infinity;
    const b = br < breaks.length ? breaks[br]! : Infinity;
    const q = sq < squares.length ? squares[sq]! : Infinity;
    const i = Math.min(a, b, q);
    if (i >= end) break;
    if (i === a) bk++;
    else if (i === q) sq++;
    else br++;
    const c = folded.charCodeAt(i);
    if (i !== b) {
      // a bracket: 《“〔[( open, 》”〕]) close
      if (c === 0x300a || c === 0x201c || c === 0x3014 || c === 0x5b || c === 0x28) depth++;
      else if (depth > 0) depth--;
    } else if (isBlank(c)) {
      let j = i + 1;
      while (j < end && isBlank(folded.charCodeAt(j))) j++;
      if (j < end && depth === 0 && i > segStart && shouldBreakAtGap(folded, segStart, i, j)) {
        out.push(trimSpan(folded, segStart, i));
        segStart = j;
      }
      // the rest of the gap is blanks, all in `breaks`
      br += j - i - 1;
    } else {
      // a sentence end: 。 also closes whatever bracket was left open, so that an unclosed
      // bracket cannot swallow the rest of a long line
      if (c === 0x3002) depth = 0;
      if (i + 1 < end && depth === 0 && markerIsHeadingLike(folded, i + 1)) {
        out.push(trimSpan(folded, segStart, i + 1));
        segStart = i + 1;
      }
    }
  }
  if (segStart < end) out.push(trimSpan(folded, segStart, end));
  return out.filter((s) => s.end > s.start);
}

/** The index of the first offset in `xs` (ascending) at or after `at`. */
function lowerBound(xs: Offsets, at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether segmentLine breaks at the gap `[gapStart, gapEnd)` of blanks (exported for the tests' reference). */
export function shouldBreakAtGap(folded: string, segStart: number, gapStart: number, gapEnd: number): boolean {
  const prev = folded.charAt(gapStart - 1);
  if (prev === '。' || prev === '!' || prev === '?') return true;
  if (prev === ':') {
    // `林灵委员: 您提出的…` and `…现答复如下: 近年来…`, but not `联系人: 张三`
    const before = folded.slice(segStart, gapStart);
    if (/如下:$/.test(before)) return true;
    if (before.length <= 40 && !/(联系|电话|地址|邮编|类别|签发)/.test(before)) return true;
  }
  if (markerIsHeadingLike(folded, gapEnd)) return true;
  const date = matchDateAt(folded, folded, gapEnd);
  if (date) {
    // a date standing alone after the signature, not `7月已启动` inside a sentence
    const after = folded.charAt(date.end);
    if (after === '' || isBlank(after.charCodeAt(0)) || after === '(') return true;
  }
  if (/^\((联系|此件)|^(联系人|联系电话|抄送)[ \t]*:/.test(folded.slice(gapEnd, gapEnd + 6))) return true;
  return false;
}

/** A marker followed by text, not by a digit or the end of the line (exported for the tests' reference). */
export function markerIsHeadingLike(folded: string, pos: number): boolean {
  const m = matchMarker(folded, pos);
  if (!m) return false;
  const after = folded.charCodeAt(pos + m.length);
  // followed by something (not the end of the text) that is not a digit or % (2.5, 3%)
  return !Number.isNaN(after) && !isDigitCode(after) && after !== 37;
}
