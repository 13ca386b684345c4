/**
 * The tolerant reply parser: text in, reply model out. It never throws.
 *
 * 1. blocks.ts cuts the lines into blocks (paragraphs, table cells, the pieces of run-on lines);
 * 2. roles.ts scores every block for every role it could play;
 * 3. decode.ts picks the best roles the order of a reply allows;
 * 4. this file builds the model from the roles; body.ts builds the measures from the body.
 * What no role claims stays in the model as `unplaced`. A hard-wrapped text (unwrap.ts) is parsed
 * with its paragraphs joined, and the model mapped back onto the text as written.
 */
import type { Addressee, Block, BlockRole, Category, DateElement, DocNumber, DocumentKind, JunkSpan, ReceiptLine, Reply, RoleSpan, Signatory, Signature, Title } from '../core/model';
import { blankOut, foldWidth, type Span, splitLines, trimSpan } from '../core/text';
import { splitBlocks } from './blocks';
import { nextStepsCue, parseBody } from './body';
import { decodeRoles } from './decode';
import { closingCueAt, dateElement, sentenceStart, signatureAndDate, signatureNames } from './footer';
import { findProposalNumbers, matchAddressee, matchCategory, matchDocNumberBlock, signatoryName, titleOrgan } from './header';
import { invisibleJunk } from './invisible';
import { junkReason, labelsAlone } from './junk';
import { detectKind, isReportTitle } from './kind';
import { readMarkup, unmasked } from './markup';
import { matchMarker } from './numbering';
import { buildReceipt } from './receipt';
import { FOOT_WINDOW, type Facts, factsOf, HEAD_WINDOW, isNeutralRole, mayFollow, ROLES } from './roles';
import { candidatesFor } from './candidates';
import { rewrap, unwrapText } from './unwrap';

export interface ParseOptions {
  /** The document kind when the configuration sets it; detected otherwise. */
  readonly kind?: DocumentKind;
}

/**
 * Parses a draft reply. Never throws: should a recogniser fail on some unforeseen input, the reply
 * comes back with only its lines and `parseError` set, so that callers can log it and carry on.
 */
export function parseReply(text: string, options: ParseOptions = {}): Reply {
  try {
    const unwrapped = unwrapText(text);
    return unwrapped ? rewrap(parseUnchecked(unwrapped.text, options), text, unwrapped) : parseUnchecked(text, options);
  } catch (e) {
    return {
      text, folded: foldWidth(text), lines: splitLines(text), blocks: [], junk: [], roles: [], unplaced: [], candidates: {},
      kind: options.kind ?? 'proposal-reply', kindSource: options.kind ? 'configured' : 'detected',
      docNumber: undefined, title: undefined, category: undefined, signatory: undefined, addressee: undefined, receipt: undefined, opening: undefined,
      measures: [], headings: [], enumerations: [], nextSteps: [], closing: undefined, signature: undefined, date: undefined, contacts: [],
      annotation: undefined, copyTo: undefined, body: [], wraps: [],
      parseError: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    };
  }
}

const GRAMMAR = {
  count: ROLES.length,
  neutral: (r: number) => ROLES[r]!.phase === 'neutral',
  allowed: (prev: number, next: number) => mayFollow(prev < 0 ? undefined : ROLES[prev], ROLES[next]!),
};

/** The phases whose roles a block may play anywhere, also between the head and foot windows. */
const ANYWHERE: ReadonlySet<string> = new Set(['neutral', 'body']);
/** Roles that make up a title: the organ above it, its lines. */
const TITLE_ROLES: ReadonlySet<BlockRole> = new Set(['issuer', 'title', 'titleMore']);
/** Roles of the closing and the foot: the body ends where the first of them starts. */
const FOOT_ROLES: ReadonlySet<BlockRole> = new Set(ROLES.filter((r) => r.phase === 'closing' || r.phase === 'foot').map((r) => r.role));
/** Roles of the body. */
const BODY_ROLES: ReadonlySet<BlockRole> = new Set(['body', 'heading']);

function parseUnchecked(text: string, options: ParseOptions): Reply {
  const lines = splitLines(text);
  const markup = readMarkup(text, foldWidth(text), lines);
  // invisible characters read as blanks, as markup does
  const invisible = invisibleJunk(text, lines);
  const folded = blankOut(markup.folded, invisible);
  const { blocks: all, borders } = splitBlocks(text, folded, lines);
  const inWindow = (i: number): boolean => i < HEAD_WINDOW || i >= all.length - FOOT_WINDOW;
  const labels = labelsAlone(all.map((b, i) => (inWindow(i) ? folded.slice(b.start, b.end) : '')));
  const facts = all.map((b, i) => factsOf(text, folded, b, all[i - 1], inWindow(i), { before: labels[i - 1], here: labels[i] }));
  // between the head and foot windows a block is body text, a heading, furniture or unplaced: only
  // those roles are scored there (the others cannot be, and scoring them cost as much as the rest of
  // the parse of a long reply)
  const replyFrom = replySectionStart(facts);
  const scores = facts.map((f, i) => ROLES.map(({ phase, score }) => ((inWindow(i) || ANYWHERE.has(phase)) && (i >= replyFrom || phase === 'neutral') ? score(f) : -Infinity)));
  const chosen = decodeRoles(scores, GRAMMAR).map((r) => ROLES[r]!.role);
  const titleRun = chooseTitle(chosen, facts);
  const leadIn = reportLeadIn(chosen, facts, titleRun);
  if (leadIn >= 0) chosen[leadIn] = 'receipt';

  // the blocks with their roles: the model's lists below share these objects
  const roles: RoleSpan[] = all.map((b, i) => ({ start: b.start, end: b.end, line: b.line, role: chosen[i]! }));
  const firstOf = (...wanted: BlockRole[]): number => chosen.findIndex((r) => wanted.includes(r));
  const allOf = (...wanted: BlockRole[]): Block[] => roles.filter((b) => wanted.includes(b.role));

  // ---- head
  let docNumber: DocNumber | undefined;
  let category: Category | undefined;
  const dn = firstOf('docNumber');
  if (dn >= 0) {
    const m = matchDocNumberBlock(text, folded, all[dn]!)!;
    docNumber = m.docNumber;
    category = m.category;
  }
  const cat = firstOf('category', 'footCategory');
  if (cat >= 0) category ??= matchCategory(folded, all[cat]!.start, all[cat]!.end);
  let signatory: Signatory | undefined;
  for (const b of allOf('mark', 'footMark')) {
    const name = signatoryName(folded, b);
    if (name) {
      signatory = { start: b.start, end: b.end, name };
      break;
    }
  }
  const title = titleRun.length > 0 ? buildTitle(text, folded, titleRun.map((i) => all[i]!)) : undefined;

  let addressee: Addressee | undefined;
  const ad = firstOf('addressee');
  if (ad >= 0) {
    const b = all[ad]!;
    const m = matchAddressee(text, folded, b.start, b.end)!;
    addressee = { start: b.start, end: b.end, namesSpan: m.namesSpan, names: m.names, form: m.form, role: m.role, colon: m.colon, ...(m.roleCut ? { roleCut: m.roleCut } : {}) };
  }

  // ---- receipt: the block the decoder chose, up to its transition; what follows it is body text
  let receipt: ReceiptLine | undefined;
  const rc = firstOf('receipt');
  const body: Block[] = [];
  if (rc >= 0) {
    const b = all[rc]!;
    receipt = buildReceipt(text, folded, b);
    const rest = trimSpan(folded, receipt.end, b.end);
    if (rest.end > rest.start) body.push({ start: rest.start, end: rest.end, line: lineOf(lines, rest.start, b.line) });
  }
  for (const b of allOf(...BODY_ROLES)) body.push(b);
  body.sort((a, b) => a.start - b.start);

  // ---- foot
  const closingBlocks = allOf('closing', 'lateClosing');
  let closing: Span | undefined = closingBlocks.length > 0 ? { start: closingBlocks[0]!.start, end: closingBlocks[closingBlocks.length - 1]!.end } : undefined;
  let bodyEnd = all.find((_, i) => FOOT_ROLES.has(chosen[i]!))?.start ?? text.length;
  const lastBody = body.filter((b) => b.start < bodyEnd).pop();
  // the closing may end the last paragraph (…工作。特此函复。), in a reply of one paragraph the
  // receipt's (…收悉。经研究，…统筹考虑。感谢您的关心和支持！)
  const tail = lastBody ?? (rc >= 0 ? all[rc] : undefined);
  if (!closing && tail) {
    const from = Math.max(tail.start, tail.end - 200);
    const s = folded.slice(from, tail.end);
    const at = closingCueAt(s);
    const span = at >= 0 ? trimSpan(folded, from + sentenceStart(s, at), tail.end) : undefined;
    // a heading that happens to contain a cue word is not a closing, nor the receipt's own sentence
    if (span && !(span.start === tail.start && (!lastBody || matchMarker(folded, tail.start)))) {
      closing = span;
      bodyEnd = span.start;
      if (!lastBody) {
        // the receipt and what the reply says before its closing
        receipt = buildReceipt(text, folded, { start: tail.start, end: span.start });
        const rest = trimSpan(folded, receipt.end, span.start);
        if (rest.end > rest.start) body.push({ start: rest.start, end: rest.end, line: lineOf(lines, rest.start, tail.line) });
      }
    }
  }

  // the signature: organs on consecutive lines (several sign a joint reply, perhaps each with its
  // seal note below it); of several such runs the one just above the date (organ names below it are
  // a page's links or an attached form's)
  const runs: number[][] = [];
  let previous: BlockRole | undefined;
  chosen.forEach((role, i) => {
    if (role === 'signature') {
      if (previous === 'signature') runs[runs.length - 1]!.push(i);
      else runs.push([i]);
    }
    if (!isNeutralRole(role)) previous = role;
  });
  const dateAt = chosen.findIndex((role) => role === 'date' || role === 'signatureDate');
  const aboveDate = (run: readonly number[]): boolean => chosen.slice(run[run.length - 1]! + 1, dateAt).every(isNeutralRole);
  const signing = runs.find((r) => r[r.length - 1]! < dateAt && aboveDate(r)) ?? runs[0] ?? [];
  let signature: Signature | undefined = signing.length === 0 ? undefined : {
    start: all[signing[0]!]!.start,
    end: all[signing[signing.length - 1]!]!.end,
    names: signing.flatMap((i) => signatureNames(folded, all[i]!)!),
  };
  let date: DateElement | undefined;
  for (const [i, role] of chosen.entries()) {
    const b = all[i]!;
    if (role === 'signatureDate') {
      const sd = signatureAndDate(text, folded, b)!;
      signature ??= { ...sd.signature, names: sd.names };
      date ??= sd.date;
    } else if (role === 'date') {
      date ??= dateElement(text, folded, b.start, b.end, true);
    }
  }
  const contacts: Span[] = allOf('contact').map(spanOf);
  const annotation = allOf('annotation').map(spanOf)[0];
  const copyTo = allOf('copyTo').map(spanOf)[0];

  // ---- junk: page furniture, table bars, and pasted markup and invisible characters but for what
  // lies in them (it goes with them)
  const furniture: JunkSpan[] = [];
  for (let i = 0; i < all.length; i++) {
    if (chosen[i] !== 'junk') continue;
    const b = all[i]!;
    // the furniture of a line from this block on: a line that is all furniture, in pieces or not, is
    // one whole line of it (`文 号  厦教函〔2024〕43号  发布日期  2024-06-20`)
    let last = i;
    while (last + 1 < all.length && all[last + 1]!.line === b.line && chosen[last + 1] === 'junk') last++;
    const line = lines[b.line]!;
    const whole = trimSpan(folded, line.start, line.end);
    const wholeLine = whole.start === b.start && whole.end === all[last]!.end;
    // a whole line of it with the markup at its edges (`&rdquo;发布时间：…</p>`)
    const span = wholeLine ? trimSpan(text, line.start, line.end) : b;
    furniture.push({ start: span.start, end: span.end, reason: junkReason(unmasked(text, folded, b.start, b.end)) ?? 'web-metadata', wholeLine, line: b.line });
    if (wholeLine) i = last;
  }
  // (the bars between the cells of a row that is all furniture go with it; both lists are in order)
  const wholeLines = furniture.filter((f) => f.wholeLine);
  let w = 0;
  const outside = borders.filter((j) => {
    while (w < wholeLines.length && wholeLines[w]!.end < j.end) w++;
    return !(w < wholeLines.length && wholeLines[w]!.start <= j.start);
  });
  const junk: JunkSpan[] = [...outside, ...furniture].sort((a, b) => a.start - b.start);
  const others = junk.length;
  const pieces = [...markup.junk, ...invisible].sort((a, b) => a.start - b.start);
  let k = 0;
  let piecesEnd = 0;
  for (const m of pieces) {
    while (k < others && junk[k]!.end <= m.start) k++;
    const j = k < others ? junk[k] : undefined;
    // not inside furniture, nor a zero-width space inside a tag (`<p title="…">`)
    if ((j && j.start <= m.start && m.end <= j.end) || m.start < piecesEnd) continue;
    junk.push(m);
    piecesEnd = m.end;
  }
  junk.sort((a, b) => a.start - b.start);

  // ---- body
  const parsedBody = parseBody(text, folded, body, bodyEnd, receipt !== undefined);
  // a reply may promise what it will do next only in its closing: 我们将在今后的工作中…
  const promise = closing && parsedBody.nextSteps.length === 0 ? nextStepsCue(folded.slice(closing.start, closing.end)) : undefined;
  const nextSteps = promise
    ? [{ start: closing!.start + promise.at, end: closing!.end, form: 'paragraph' as const, cue: { start: closing!.start + promise.at, end: closing!.start + promise.at + promise.length } }]
    : parsedBody.nextSteps;

  const kind = options.kind ?? detectKind({
    title: title?.text ?? '',
    docNumberOrgan: docNumber?.organ ?? '',
    receipt: receipt ? folded.slice(receipt.start, receipt.end) : '',
    addressee,
    opening: parsedBody.opening ? folded.slice(parsedBody.opening.start, Math.min(parsedBody.opening.end, parsedBody.opening.start + 400)) : '',
  });

  const reply: Reply = {
    text, folded, lines,
    blocks: roles.filter((b) => b.role !== 'junk'),
    junk, roles,
    unplaced: allOf('other'),
    candidates: {},
    kind, kindSource: options.kind ? 'configured' : 'detected',
    docNumber, title, category, signatory, addressee, receipt, opening: parsedBody.opening,
    measures: parsedBody.roots, headings: parsedBody.headings, enumerations: parsedBody.enumerations, nextSteps,
    closing, signature, date, contacts, annotation, copyTo, body, wraps: [],
  };
  return { ...reply, candidates: candidatesFor(reply) };
}

/**
 * A report to a standing committee opens with a paragraph or two before its lead-in (`受市人民政府
 * 委托，向市人大常委会报告…` … `…现将整改具体情况报告如下：`), which the order of a reply does not
 * allow: with a report's title and no receipt, the lead-in is the last paragraph before the first
 * heading that reads as one (ends with its transition). -1 when there is none to take.
 */
function reportLeadIn(chosen: readonly BlockRole[], facts: readonly Facts[], titleRun: readonly number[]): number {
  if (chosen.includes('receipt') || !isReportTitle(titleRun.map((i) => facts[i]!.text).join(''))) return -1;
  const firstHeading = chosen.indexOf('heading');
  for (let i = (firstHeading < 0 ? chosen.length : firstHeading) - 1; i >= 0 && chosen[i] === 'body'; i--) {
    if (facts[i]!.receipt >= 1.5) return i;
  }
  return -1;
}

/** A page's label over the proposal it shows (`提案内容：`, `【建议内容】`) … */
const PROPOSAL_SECTION = /^[【[(]?[ \t]*(提案|建议|议案)[ \t]*(内容|正文|原文|全文)[ \t]*[】\])]?[ \t]*:?$/;
/** … and over the reply below it (`答复内容：`, `【办理情况】`). */
const REPLY_SECTION = /^[【[(]?[ \t]*(答复|办理|回复|复文)[ \t]*(内容|正文|原文|全文|意见|情况|结果)[ \t]*[】\])]?[ \t]*:?$/;

/**
 * Where the reply starts on a page that shows the proposal above it under labels of their own
 * (`提案内容：` … `答复内容：`): the proposal's title, headings and paragraphs are page text, not
 * the reply's. The first block when the page labels no such sections.
 */
function replySectionStart(facts: readonly Facts[]): number {
  const proposal = facts.findIndex((f) => PROPOSAL_SECTION.test(f.text));
  const reply = proposal < 0 ? -1 : facts.findIndex((f, i) => i > proposal && REPLY_SECTION.test(f.text));
  return reply < 0 ? 0 : reply + 1;
}

/**
 * The title is the last run of title lines before the addressee (a web page repeats the title
 * above its metadata; the document's own comes last), at most three lines, with the organ's line
 * right above it. The runs before it are page text, not the title.
 */
/** A subtitle that opens with a dash: `——对市政协…提案的答复`. */
const DASH_SUBTITLE = /^(——|--|—)/;
/** A headline: a short line with no clause or sentence punctuation. */
const HEADLINE = /^[^,;:!?。]{2,40}$/;

function chooseTitle(chosen: BlockRole[], facts: readonly Facts[]): number[] {
  const isLetterhead = (i: number): boolean => chosen[i] === 'issuer' && /文件$/.test(facts[i]!.text);
  // whether line i, right below another title line, starts a title of its own: a letterhead
  // (`潼关县民政局文件`) is no line of a title; a line that opens a title starts a new one, unless the
  // line above left a bracket open or is the organ's line and the title names no organ of its own
  // (`厦门市教育局` / `关于…的答复`, not above `普洱市教育体育局对…的答复`)
  const startsTitle = (i: number): boolean => {
    if (isLetterhead(i) || isLetterhead(i - 1)) return true;
    const organAbove = chosen[i - 1] === 'issuer' && titleOrgan(facts[i]!.text.replace(/[ \t]+/g, '')) === undefined;
    return facts[i]!.titleLine?.opens === true && !organAbove && !facts[i - 1]!.titleLine?.leavesOpen;
  };
  const runs: number[][] = [];
  chosen.forEach((role, i) => {
    if (!TITLE_ROLES.has(role)) return;
    const run = runs[runs.length - 1];
    const continues = run && run[run.length - 1] === i - 1 && !startsTitle(i);
    if (continues) run.push(i);
    else runs.push([i]);
  });
  // a run that is only a letterhead (潼关县民政局文件) is no title
  const titled = runs.filter((run) => run.some((i) => chosen[i] === 'title'));
  const last = titled[titled.length - 1] ?? [];
  for (const run of runs) {
    if (run === last) continue;
    for (const i of run) if (chosen[i] !== 'issuer') chosen[i] = 'other';
  }
  // a title that is a subtitle naming the item (`——对…提案的答复`) has its headline on the line above
  // (`以科技创新引领产业升级`), which reads as no title of its own
  const top = last[0];
  if (top !== undefined && top > 0 && DASH_SUBTITLE.test(facts[top]!.text) && chosen[top - 1] === 'other' && HEADLINE.test(facts[top - 1]!.text)) {
    chosen[top - 1] = 'title';
    last.unshift(top - 1);
  }
  while (last.length > 3) chosen[last.shift()!] = 'other';
  return last;
}

function buildTitle(text: string, folded: string, blocks: readonly Block[]): Title {
  const textOfTitle = blocks.map((b) => text.slice(b.start, b.end)).join('');
  return {
    start: blocks[0]!.start,
    end: blocks[blocks.length - 1]!.end,
    lines: blocks.map(spanOf),
    text: textOfTitle,
    organ: titleOrgan(textOfTitle.replace(/[ \t]+/g, '')),
    proposalNumbers: blocks.flatMap((b) => findProposalNumbers(folded, b)),
  };
}

function spanOf(b: Span): Span {
  return { start: b.start, end: b.end };
}

function lineOf(lines: readonly { start: number }[], offset: number, hint: number): number {
  let i = hint;
  while (i + 1 < lines.length && lines[i + 1]!.start <= offset) i++;
  return i;
}
