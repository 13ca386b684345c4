/**
 * The body of a reply: numbered measures as a tree, inline enumerations `一是…二是…`, next steps
 * (as a heading or a paragraph that turns to what comes next) and the opening.
 */
import type { Block, EnumerationItem, InlineEnumeration, MeasureHeading, NextSteps, NumberingMarker } from '../core/model';
import { type Span, trimSpan } from '../core/text';
import { ENUMERATION_CUE, isCueBoundary, matchMarker, parseCjkNumeral } from './numbering';

/**
 * A heading that introduces next steps by a cue that says so wherever it stands in the title
 * (`下一步工作打算`, `存在的问题及今后推动计划`) — but not in quotes, which give the proposer's words
 * (`关于“今后新建住宅小区全部预留充电设施”的建议`).
 */
const NEXT_STEPS_HEADING = /下一步|下步|下阶段|下一阶段|今后|接下来/;
/**
 * A planning word names next steps only when it is what the heading is: the whole title, perhaps for
 * a coming period (`2026年工作计划`, `明年工作打算`), or after a conjunction (`工作成效及工作打算`,
 * `存在的问题和努力方向`) — not the object of a verb (`制定年度推进计划`).
 */
const NEXT_STEPS_TITLE = /(?:^|[及和与、])(?:[\d０-９]{4}年度?|明年|下半年|下年度|来年)?(工作打算|工作计划|推进计划|推动计划|努力方向|后续工作|工作思路|工作设想|工作展望|展望)$/;
/** What a quote holds, blanked out (an open quote runs to the end, where a long title was cut). */
const QUOTED = /“[^”]*(”|$)|《[^》]*(》|$)/g;

/** The cue in a heading's title that makes it next steps, as where it starts and how long it is. */
function nextStepsHeadingCue(title: string): { at: number; length: number } | undefined {
  const own = title.replace(QUOTED, (q) => ' '.repeat(q.length)).replace(/[\s:：,，]+$/, '');
  const strong = NEXT_STEPS_HEADING.exec(own);
  if (strong) return { at: strong.index, length: strong[0].length };
  const named = NEXT_STEPS_TITLE.exec(own);
  return named ? { at: own.length - named[1]!.length, length: named[1]!.length } : undefined;
}

/**
 * A next-steps cue: 下一步, 今后, 接下来 … where the reply turns to what it will do (`下一步，我局将…`,
 * `…正在招标，下一步实施动工`, `在今后的工作中，我们将…`) — not where it asks the proposer for more
 * (`欢迎今后提出…`, `请在今后…多提宝贵意见`, `以便促进我们今后…`). 后续 and 未来 count only opening a
 * clause, with a comma or with who will act (`后续，我们将…`, `未来我局将…`): `做好后续工作`, `未来三年`
 * say nothing of next steps.
 */
const NEXT_STEPS_CUE = /下一步|下步|下一阶段|下阶段|接下来|今后|(后续|未来)(?=,|(我们|我|本)[^,。;:]{0,8}将)/g;
const REQUEST = /欢迎|请|希望|以便/;

/** The first next-steps cue in `s`, as where it starts and how long it is. */
export function nextStepsCue(s: string): { at: number; length: number } | undefined {
  for (const m of s.matchAll(NEXT_STEPS_CUE)) {
    if (countsAsCue(s, 0, m)) return { at: m.index!, length: m[0].length };
  }
  return undefined;
}

/** Whether a cue found in `s` counts: it opens its clause if it must, and its clause (from `from` on) asks the proposer for nothing. */
function countsAsCue(s: string, from: number, m: RegExpExecArray | RegExpMatchArray): boolean {
  const at = m.index!;
  if (m[1] !== undefined && at > from && !isCueBoundary(s.charAt(at - 1))) return false;
  const clause = s.slice(Math.max(from, at - 40), at).split(/[,，。;；!?！？]/).pop()!;
  return !REQUEST.test(clause);
}

const OPENING_CUE = /感谢|高度重视|十分重视|非常重视|近年来|一直以来|长期以来|关心|关注|收悉后/;

/** A stand-alone heading title is short; a longer first sentence makes the heading a paragraph opener. */
const TITLE_MAX = 60;

interface MutableHeading {
  start: number;
  end: number;
  marker: NumberingMarker;
  title: Span;
  titleText: string;
  form: 'standalone' | 'paragraph';
  parent: number;
  children: MutableHeading[];
  isNextSteps: boolean;
  blockIndex: number;
}

/**
 * Recognises a measure heading at the start of a block. A marker alone in its block takes the next
 * block for its title when only blanks and line breaks lie between them and that block is no item
 * of its own: a page or a printout broke the line after the marker (`…作为硬性指标。  五、` /
 * `打造优质教育人才队伍`), or set the marker on a line of its own.
 */
function matchHeading(text: string, folded: string, block: Block, blockIndex: number, next: Block | undefined): MutableHeading | undefined {
  const m = matchMarker(folded, block.start);
  if (!m) return undefined;
  const markerEnd = block.start + m.length;
  let end = block.end;
  let rest = trimSpan(folded, markerEnd, end);
  if (rest.start >= rest.end) {
    if (!next || !/^\s*$/.test(folded.slice(block.end, next.start)) || matchMarker(folded, next.start)) return undefined;
    end = next.end;
    rest = trimSpan(folded, next.start, end);
  }
  const stop = folded.slice(rest.start, rest.end).search(/[。!?;]/);
  let titleEnd = stop < 0 ? rest.end : rest.start + stop;
  // text after the first sentence, or a sentence with clauses (…，我们已…，我局将…。), makes a numbered paragraph
  const more = stop >= 0 && trimSpan(folded, rest.start + stop + 1, rest.end).end > rest.start + stop + 1;
  let form: 'standalone' | 'paragraph' = more || (stop >= 0 && /[,，]/.test(folded.slice(rest.start, rest.start + stop))) ? 'paragraph' : 'standalone';
  if (stop > TITLE_MAX || (stop < 0 && rest.end - rest.start > TITLE_MAX * 2)) {
    // no short first sentence: a numbered paragraph; its title is its opening words
    titleEnd = rest.start + TITLE_MAX;
    form = 'paragraph';
  }
  const title = trimSpan(folded, rest.start, titleEnd);
  const titleText = text.slice(title.start, title.end);
  const marker: NumberingMarker = {
    start: block.start,
    end: markerEnd,
    level: m.level,
    ordinal: m.ordinal,
    text: text.slice(block.start, markerEnd),
    separator: m.separatorAt >= 0 ? text.charAt(m.separatorAt) : '',
  };
  return {
    start: block.start, end, marker, title, titleText, form,
    parent: -1, children: [], isNextSteps: nextStepsHeadingCue(titleText) !== undefined, blockIndex,
  };
}

export interface BodyParse {
  readonly headings: MeasureHeading[];
  readonly roots: MeasureHeading[];
  readonly enumerations: InlineEnumeration[];
  readonly nextSteps: NextSteps[];
  readonly opening: Span | undefined;
}

/**
 * Parses the body blocks (those between the receipt line and the closing). `bodyEnd` is where
 * the closing or the foot starts; sections end there.
 */
export function parseBody(text: string, folded: string, body: readonly Block[], bodyEnd: number, hasReceipt: boolean): BodyParse {
  const headings: MutableHeading[] = [];
  body.forEach((b, i) => {
    const h = matchHeading(text, folded, b, i, body[i + 1]);
    if (h) headings.push(h);
  });

  // the tree: a heading's parent is the nearest earlier heading of a higher level (a lower rank);
  // a section runs to the last block before the next heading of its level or higher
  const open: number[] = [];
  const roots: MutableHeading[] = [];
  const close = (h: MutableHeading, lastBlock: number): void => {
    h.end = Math.max(Math.min(body[lastBlock]!.end, bodyEnd), h.title.end);
  };
  headings.forEach((h, idx) => {
    while (open.length > 0 && headings[open[open.length - 1]!]!.marker.level >= h.marker.level) close(headings[open.pop()!]!, h.blockIndex - 1);
    h.parent = open.length > 0 ? open[open.length - 1]! : -1;
    if (h.parent >= 0) headings[h.parent]!.children.push(h);
    else roots.push(h);
    open.push(idx);
  });
  for (const idx of open) close(headings[idx]!, body.length - 1);

  // next steps: headings, and the first cue of each paragraph outside next-steps sections (one
  // search over the body's text)
  const nextSteps: NextSteps[] = [];
  const sections = headings.filter((h) => h.isNextSteps);
  for (const h of sections) {
    const cue = nextStepsHeadingCue(h.titleText)!;
    const at = h.title.start + cue.at;
    nextSteps.push({ start: h.start, end: h.end, form: 'heading', cue: { start: at, end: at + cue.length } });
  }
  if (body.length > 0) {
    const re = new RegExp(NEXT_STEPS_CUE); // (a copy: its lastIndex moves)
    re.lastIndex = body[0]!.start;
    let bi = 0;
    let sec = 0;
    let found = -1;
    for (let m = re.exec(folded); m && m.index < bodyEnd; m = re.exec(folded)) {
      while (bi < body.length && body[bi]!.end <= m.index) bi++;
      if (bi === body.length) break;
      const b = body[bi]!;
      if (m.index < b.start || bi === found) continue;
      while (sec < sections.length && sections[sec]!.end <= m.index) sec++;
      if (sec < sections.length && sections[sec]!.start <= m.index) continue;
      if (!countsAsCue(folded, b.start, m)) continue;
      found = bi;
      nextSteps.push({ start: m.index, end: Math.min(b.end, bodyEnd), form: 'paragraph', cue: { start: m.index, end: m.index + m[0].length } });
    }
  }
  nextSteps.sort((a, b) => a.start - b.start);

  // the opening: what comes between the receipt line and the first measure
  let opening: Span | undefined;
  const firstHeadingBlock = headings.length > 0 ? headings[0]!.blockIndex : -1;
  if (firstHeadingBlock > 0) {
    const first = body[0]!;
    const last = body[firstHeadingBlock - 1]!;
    if (hasReceipt || OPENING_CUE.test(folded.slice(first.start, last.end))) opening = { start: first.start, end: Math.min(last.end, bodyEnd) };
  } else if (firstHeadingBlock < 0 && body.length > 1) {
    const first = body[0]!;
    if (OPENING_CUE.test(folded.slice(first.start, Math.min(first.end, first.start + 200)))) opening = { start: first.start, end: Math.min(first.end, bodyEnd) };
  }
  if (opening && opening.end <= opening.start) opening = undefined;

  return { headings, roots, enumerations: findEnumerations(folded, body, headings, bodyEnd), nextSteps, opening };
}

/**
 * Groups `一是…二是…` cues per measure section: a group starts at 一是 or at a new section. One
 * search over the body's text; a cue outside the body's blocks (in page furniture) is no cue.
 */
function findEnumerations(folded: string, body: readonly Block[], headings: readonly MutableHeading[], bodyEnd: number): InlineEnumeration[] {
  const out: InlineEnumeration[] = [];
  let current: EnumerationItem[] = [];
  let currentSection = -2;
  const flush = (): void => {
    if (current.length >= 2 || (current.length === 1 && current[0]!.ordinal !== 1)) {
      out.push({ start: current[0]!.start, end: current[current.length - 1]!.end, items: current });
    }
    current = [];
  };
  if (body.length === 0) return out;
  let block = 0;
  let section = -1;
  const re = new RegExp(ENUMERATION_CUE); // (a copy: its lastIndex moves)
  re.lastIndex = body[0]!.start;
  for (let m = re.exec(folded); m && m.index < bodyEnd; m = re.exec(folded)) {
    while (block < body.length && body[block]!.end <= m.index) block++;
    if (block === body.length) break;
    if (m.index < body[block]!.start) continue;
    while (section + 1 < headings.length && headings[section + 1]!.start <= m.index) section++;
    const ordinal = parseCjkNumeral(m[1]!);
    if (ordinal === undefined) continue;
    // a cue starts a clause; or it comes next in its group, the mark before it lost (`…形成全链条四是…`,
    // as a page or a copy that joined two paragraphs leaves it), but not 第四是, 周四是
    const before = folded.charAt(m.index - 1);
    const next = current.length > 0 && section === currentSection && ordinal === current[current.length - 1]!.ordinal + 1 && !/[第周]/.test(before);
    if (!isCueBoundary(before) && !next) continue;
    if (ordinal === 1 || section !== currentSection) {
      flush();
      currentSection = section;
    }
    current.push({ start: m.index, end: m.index + m[0].length, ordinal });
  }
  flush();
  return out;
}
