import type { Reply } from '../core/model';
import { isBlank, type Span } from '../core/text';
import { defineRule } from './types';

/**
 * What the templates leave for the clerk to fill in (the snippets, the skeleton of "new reply for a
 * register entry", the missing-element fixes): `×××`, `第×号`, `……`, `XXX`, `某某`, and the role
 * in brackets after a name to be written (`（主办单位）`, `（发文机关）`). Each is found where it
 * cannot be ordinary text of a finished reply:
 * - `×` runs, but not a multiplication between quantities (`1.2米×0.8米`, `62万人×20元`);
 * - `……` outside quotation marks and quoted titles (an ellipsis in a quotation is text), and not
 *   one that ends a list within a sentence that goes on (`公告栏、广播……多种渠道`);
 * - two or more Latin `X`/`x` standing alone (`XX局`), not inside a word or a code (`X442`, `xxgk`);
 * - `某某` only in the document number, the title, the addressee and the signature (a body may name
 *   `王某某`), and a bracketed role only where the templates put it, at the end of a line, before the
 *   addressee's colon if any (a body may write `市教育局（主办单位）、市财政局（协办单位）`).
 * A name a published page masked keeps its surname, and is no placeholder (`张××委员`).
 * The text is searched with indexOf for each mark (no regex over the whole text).
 */

/** A role in brackets at the end of a line (before a colon, if any): `×××（主办单位）：`, `×××（发文机关）`. */
const ROLE_AT_END = /\((?:主办单位|协办单位|督办单位|发文机关|单位名称|提案人|代表姓名|委员姓名)\)\s*:?\s*$/;

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

function isLatinOrDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A unit written after a number: `米`, `万人`, `cm`, `%` (Han or Latin letters, or a percent sign). */
const UNIT_CHAR = /[\p{Script=Han}A-Za-z%]/u;
/** The longest unit a quantity is read with before `×` (`平方米`, `千瓦时`). */
const MAX_UNIT = 3;

/**
 * `3×4`, `1.2米×0.8米`, `20cm×30cm`, `62万人×20元×12个月`: a multiplication between quantities — a
 * number, perhaps with a unit of up to three characters, then `×`, then a number — not a
 * placeholder (`市政协×届×次会议`, `第×号` have no number on either side).
 */
function isDimension(folded: string, start: number, end: number): boolean {
  if (end - start !== 1 || !isDigit(folded.charCodeAt(end))) return false;
  let i = start - 1;
  while (i >= 0 && start - 1 - i < MAX_UNIT && UNIT_CHAR.test(folded[i]!)) i--;
  return i >= 0 && isDigit(folded.charCodeAt(i));
}

/** What ends a clause in the folded text (，；：！？ are folded to ASCII): a list is looked for no further back. */
const CLAUSE_END = /[,;:!?。\r\n]/;

/**
 * An ellipsis that ends a list and lets the sentence go on (`通过公告栏、政务新媒体、广播……多种渠道宣传`,
 * `图书、文具……等物资`): Chinese punctuation, not a slot. Written right after an item, followed by
 * more of the sentence (not a line end, not `。` or `；`), and its clause holds a list — a `、` before
 * it or `等` after it. A template's slot has none of this: `下一步，我们将……。`, `一、……`, a line of `……`.
 */
function endsList(folded: string, span: Span): boolean {
  const before = folded[span.start - 1] ?? '';
  const after = folded[span.end] ?? '';
  if (!/[\p{L}\d”’》)]/u.test(before) || !/[\p{L}\d“‘《]/u.test(after)) return false;
  if (after === '等') return true;
  for (let i = span.start - 1; i >= 0 && !CLAUSE_END.test(folded[i]!); i--) if (folded[i] === '、') return true;
  return false;
}

/** Whether `offset` lies inside “…”, ‘…’ or 《…》 within its paragraph. */
function quoted(reply: Reply, offset: number): boolean {
  const block = blockAt(reply, offset);
  if (!block) return false;
  let depth = 0;
  for (let i = block.start; i < offset; i++) {
    const c = reply.text.charCodeAt(i);
    if (c === 0x201c || c === 0x2018 || c === 0x300a) depth++;
    else if ((c === 0x201d || c === 0x2019 || c === 0x300b) && depth > 0) depth--;
  }
  return depth > 0;
}

function blockAt(reply: Reply, offset: number): Span | undefined {
  const blocks = reply.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** Every run of `ch` in the folded text at least `minLength` long, as spans. */
function runsOf(folded: string, ch: string, minLength: number): Span[] {
  const out: Span[] = [];
  for (let i = folded.indexOf(ch); i >= 0; i = folded.indexOf(ch, i)) {
    let end = i + 1;
    while (end < folded.length && folded[end] === ch) end++;
    if (end - i >= minLength) out.push({ start: i, end });
    i = end;
  }
  return out;
}

/**
 * A name a published page masked, its surname kept (`张××委员`, `欧阳某某代表`, `李XX、王××代表`):
 * no template's placeholder, which stands for the whole name (`×××委员`).
 */
const MASKED_NAME = /(?<=^|[、,\s])(?:(?!某)\p{Script=Han}){1,2}(×+|某某?|[Xx]{2,})(?=[、,\s等]|委员|代表|同志|$)/gu;

/** The masked names among the addressee's names, as spans. */
function maskedNames(reply: Reply): Span[] {
  const names = reply.addressee?.namesSpan;
  if (!names) return [];
  return [...reply.folded.slice(names.start, names.end).matchAll(MASKED_NAME)].map((m) => ({ start: names.start + m.index, end: names.start + m.index + m[0].length }));
}

/** The placeholders left in a reply, in document order. */
export function placeholders(reply: Reply): Span[] {
  const { folded } = reply;
  const masked = maskedNames(reply);
  const found: Span[] = [];
  for (const s of runsOf(folded, '×', 1)) if (!isDimension(folded, s.start, s.end)) found.push(s);
  for (const s of runsOf(folded, '…', 1)) if (!quoted(reply, s.start) && !endsList(folded, s)) found.push(s);
  for (const x of ['X', 'x']) {
    for (const s of runsOf(folded, x, 2)) {
      if (!isLatinOrDigit(folded.charCodeAt(s.start - 1)) && !isLatinOrDigit(folded.charCodeAt(s.end))) found.push(s);
    }
  }
  for (const e of [reply.docNumber, ...(reply.title?.lines ?? []), reply.addressee, reply.signature]) {
    if (!e) continue;
    for (let i = folded.indexOf('某某', e.start); i >= 0 && i + 2 <= e.end; i = folded.indexOf('某某', i + 2)) found.push({ start: i, end: i + 2 });
  }
  for (const line of reply.lines) {
    let end = line.end;
    while (end > line.start && isBlank(folded.charCodeAt(end - 1))) end--;
    const last = folded.charCodeAt(end - 1);
    if (last !== 0x29 /* ) */ && last !== 0x3a /* : */) continue;
    const m = ROLE_AT_END.exec(folded.slice(Math.max(line.start, end - 10), end));
    if (m) {
      const start = Math.max(line.start, end - 10) + m.index;
      found.push({ start, end: start + m[0].replace(/\s*:?\s*$/, '').length });
    }
  }
  return found.filter((p) => !masked.some((m) => m.start <= p.start && p.end <= m.end)).sort((a, b) => a.start - b.start);
}

export const rule = defineRule({
  id: 'placeholder-left',
  defaultSeverity: 'error',
  title: { zh: '模板占位符未填写', en: 'Template placeholder left in' },
  description: {
    zh: '代码片段、“为登记条目新建答复”的骨架和插入缺少要素的快速修复都用“×××”“第×号”“……”“XXX”“某某”和“（主办单位）”之类的占位符标出要填写的地方。定稿的答复不能留有占位符：每一处（包括插入代码片段时跳过的位置）都报告为错误，答复在办理情况中也不算完成。数量之间的乘号（1.2米×0.8米、62万人×20元）、引文中的省略号、句中结束列举的省略号（公告栏、广播……多种渠道）和网页发布时隐去名字的主送（张××委员）不算占位符。',
    en: 'The snippets, the skeleton of “new reply for a register entry” and the fixes that insert a missing element mark what is to be written with placeholders such as “×××”, “第×号”, “……”, “XXX”, “某某” and a bracketed role like “（主办单位）”. A finished reply keeps none: each one left (tab stops skipped while filling a snippet included) is an error, and the reply does not count as complete in the batch. A multiplication sign between quantities (1.2米×0.8米, 62万人×20元), an ellipsis inside a quotation, an ellipsis ending a list within a sentence (公告栏、广播……多种渠道) and an addressee whose given name a published page masked (张××委员) are not placeholders.',
  },
  sources: [
    { kind: 'practice', note: { zh: '公文定稿前须逐项填写，模板中的占位内容不得出现在发出的答复中。', en: 'Every part of a template is filled in before a document is signed off; no placeholder goes out in a reply.' } },
  ],
  example: { bad: '×××委员：\n您提出的《关于×××的提案》（第×号）收悉，现答复如下：', good: '林灵委员：\n您提出的《关于加强社区养老服务的提案》（第156号）收悉，现答复如下：' },
  check(ctx) {
    const { reply } = ctx;
    for (const s of placeholders(reply)) {
      const shown = reply.text.slice(s.start, s.end);
      ctx.report({
        start: s.start,
        end: s.end,
        message: {
          zh: `模板占位符“${shown}”尚未填写：定稿前应换成实际内容。`,
          en: `The template placeholder “${shown}” is not filled in: replace it with the actual text before the reply is final.`,
        },
      });
    }
  },
});
