/**
 * The tolerant reply parser: text in, reply model out. It never throws; whatever it cannot
 * recognise it leaves out, and the rules report what is missing.
 */
import type { Block, Category, DateElement, DocNumber, DocumentKind, ProposalNumberRef, Reply, Signatory, Signature, Title } from '../model';
import { foldWidth, lastOf, scanText, splitLines, type Span, trimSpan } from '../text';
import { splitBlocks } from './blocks';
import { parseBody } from './body';
import { classifyFooterBlock, closingCueAt, findAttachmentNote, isAttachmentItem } from './footer';
import {
  findProposalNumbers, isTitleCandidate, isTitleContinuation, matchAddressee, matchCategory, matchDocNumber, matchSignatory, titleIsComplete, titleOrgan,
} from './header';
import { detectKind, type KindEvidence } from './kind';
import { matchMarker } from './numbering';
import { buildReceipt, receiptScore } from './receipt';

/** A model object under construction: its fields writable, the optional and the later ones not yet set. */
type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

export interface ParseOptions {
  /** The document kind when the configuration sets it; detected otherwise. */
  readonly kind?: DocumentKind;
}

/** How far into the document the head (number, title, category, addressee) may reach, in blocks. */
const HEAD_WINDOW = 12;
/** How many blocks after the addressee the receipt line may start. */
const RECEIPT_WINDOW = 4;
/** How many blocks from the end the foot may take. */
const FOOT_WINDOW = 16;

/**
 * Parses a draft reply. Never throws: should a recogniser fail on some unforeseen input, the reply
 * comes back with only its lines and `parseError` set, so that callers can log it and carry on.
 */
export function parseReply(text: string, options: ParseOptions = {}): Reply {
  try {
    return parseUnchecked(text, options);
  } catch (e) {
    // (every field, in the model's order, as parseUnchecked returns them)
    return {
      text, folded: foldWidth(text), lines: splitLines(text), blocks: [], junk: [],
      kind: options.kind ?? 'proposal-reply', kindSource: options.kind ? 'configured' : 'detected',
      docNumber: undefined, title: undefined, category: undefined, signatory: undefined, addressee: undefined, receipt: undefined, opening: undefined,
      measures: [], headings: [], enumerations: [], nextSteps: [],
      closing: undefined, signature: undefined, date: undefined, contacts: [], annotation: undefined, copyTo: undefined, body: [],
      marks: undefined,
      parseError: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    };
  }
}

function parseUnchecked(text: string, options: ParseOptions): Reply {
  const lines = splitLines(text);
  const scan = scanText(text);
  const { folded } = scan;
  // (the splitter's array is fresh: split below changes it in place)
  const { blocks: bs, junk } = splitBlocks(text, folded, lines, scan);
  const split = (i: number, at: number, firstEnd: number): void => {
    const b = bs[i]!;
    const rest = trimSpan(text, at, b.end);
    const head = trimSpan(text, b.start, firstEnd);
    bs.splice(i, 1, { start: head.start, end: head.end, line: b.line }, { start: rest.start, end: rest.end, line: lineOf(lines, rest.start, b.line) });
  };

  // ---- head
  let docNumber: DocNumber | undefined;
  let category: Category | undefined;
  let signatory: Signatory | undefined;
  let addressee: Reply['addressee'];
  const titleBlocks: Block[] = [];
  let i = 0;
  while (i < bs.length && i < HEAD_WINDOW && !addressee) {
    const b = bs[i]!;
    if (!docNumber && titleBlocks.length === 0) {
      const dn = matchDocNumber(text, folded, b);
      if (dn) {
        docNumber = dn.docNumber;
        if (dn.rest < b.end) split(i, dn.rest, dn.docNumber.end);
        i++;
        continue;
      }
    }
    const cat = matchCategory(folded, b);
    if (cat) {
      category ??= cat;
      i++;
      continue;
    }
    const sig = matchSignatory(folded, b);
    if (sig) {
      signatory ??= sig;
      i++;
      continue;
    }
    const am = matchAddressee(text, folded, b, true);
    if (am) {
      addressee = am.addressee;
      if (am.category) category ??= am.category;
      if (am.rest !== undefined) split(i, am.rest, am.addressee.end);
      i++;
      break;
    }
    if (receiptScore(folded, b) > 0 || matchMarker(folded, b.start)) break;
    const lastTitle = lastOf(titleBlocks);
    const titleFits = lastTitle ? !titleIsComplete(folded, lastTitle) && isTitleContinuation(folded, b) : isTitleCandidate(folded, b);
    if (titleBlocks.length < 3 && titleFits) {
      titleBlocks.push(b);
      i++;
      continue;
    }
    break;
  }
  if (!addressee && i < bs.length) {
    // an addressee without its colon (`林灵委员`, `林灵委员，`) right where the head stopped
    const am = matchAddressee(text, folded, bs[i]!, false);
    if (am) {
      addressee = am.addressee;
      if (am.category) category ??= am.category;
      i++;
    }
  }
  const headEnd = i;

  // ---- receipt line
  let receipt: Reply['receipt'];
  let bodyStart = headEnd;
  for (let j = headEnd; j < bs.length && j < headEnd + RECEIPT_WINDOW; j++) {
    if (matchMarker(folded, bs[j]!.start)) break;
    if (receiptScore(folded, bs[j]!) > 0) {
      const rm = buildReceipt(text, folded, bs[j]!);
      receipt = rm.receipt;
      if (rm.rest !== undefined) split(j, rm.rest, rm.receipt.end);
      bodyStart = j + 1;
      break;
    }
  }

  // ---- foot, from the end
  let date: DateElement | undefined;
  let signature: Signature | undefined;
  let closing: Span | undefined;
  let annotation: Span | undefined;
  let copyTo: Span | undefined;
  const contacts: Span[] = [];
  let footStart = bs.length;
  // an attachment note (附件：1.…, GB/T 9704-2012 7.3.4) lists its items on the lines below it
  const attachmentAt = findAttachmentNote(folded, bs, Math.max(bodyStart, bs.length - FOOT_WINDOW));
  for (let j = bs.length - 1; j >= bodyStart && j >= bs.length - FOOT_WINDOW; j--) {
    const item = classifyFooterBlock(text, folded, bs[j]!) ?? (attachmentAt >= 0 && j > attachmentAt && isAttachmentItem(folded, bs[j]!) ? { kind: 'attachment' as const, span: bs[j]! } : undefined);
    if (!item) break;
    footStart = j;
    switch (item.kind) {
      case 'date': date ??= item.date; break;
      case 'signature':
        // several organs sign a joint reply on consecutive lines
        signature = signature && signature.start > item.signature.end
          ? { start: item.signature.start, end: signature.end, names: [...item.signature.names, ...signature.names] }
          : signature ?? item.signature;
        break;
      case 'signature+date': signature ??= item.signature; date ??= item.date; break;
      case 'contact': contacts.unshift(item.span); break;
      case 'annotation': annotation ??= item.span; break;
      case 'copyTo': copyTo ??= item.span; break;
      case 'closing': closing = closing ? { start: item.span.start, end: closing.end } : item.span; break;
      case 'category': category ??= item.category; break;
      case 'attachment': break;
    }
  }
  let bodyEnd = footStart < bs.length ? bs[footStart]!.start : text.length;
  if (!closing && footStart - 1 >= bodyStart) {
    // the closing may end the last paragraph: …工作。特此函复。
    const last = bs[footStart - 1]!;
    const from = Math.max(last.start, last.end - 200);
    const at = closingCueAt(folded.slice(from, last.end));
    if (at >= 0) {
      const s = folded.slice(last.start, from + at);
      const sentenceStart = last.start + Math.max(s.lastIndexOf('。'), s.lastIndexOf('!'), s.lastIndexOf('?')) + 1;
      const span = trimSpan(text, sentenceStart, last.end);
      // a heading that happens to contain a cue word is not a closing
      if (!(span.start === last.start && matchMarker(folded, last.start))) {
        closing = span;
        bodyEnd = span.start;
      }
    }
  }

  // ---- body
  const body = bs.slice(bodyStart, footStart);
  const parsedBody = parseBody(text, folded, body, bodyEnd, receipt !== undefined);

  // ---- title
  let title: Title | undefined;
  if (titleBlocks.length > 0) {
    const span = { start: titleBlocks[0]!.start, end: titleBlocks[titleBlocks.length - 1]!.end };
    const textOfTitle = titleBlocks.map((b) => text.slice(b.start, b.end)).join('');
    const proposalNumbers: ProposalNumberRef[] = [];
    for (const b of titleBlocks) for (const ref of findProposalNumbers(folded, b)) proposalNumbers.push(ref);
    // every field, undefined where absent (one hidden class for all titles, as for the reply below)
    title = {
      start: span.start,
      end: span.end,
      lines: titleBlocks.map((b) => ({ start: b.start, end: b.end })),
      text: textOfTitle,
      organ: titleOrgan(textOfTitle),
      proposalNumbers,
    };
  }

  let kind = options.kind;
  if (!kind) {
    const evidence: Mutable<KindEvidence> = {
      title: title?.text ?? '',
      docNumberOrgan: docNumber?.organ ?? '',
      receipt: receipt ? folded.slice(receipt.start, receipt.end) : '',
    };
    if (addressee) evidence.addressee = addressee;
    evidence.opening = parsedBody.opening ? folded.slice(parsedBody.opening.start, Math.min(parsedBody.opening.end, parsedBody.opening.start + 400)) : '';
    kind = detectKind(evidence as KindEvidence);
  }

  // Every field of the model, in its order, undefined where absent: all replies share one hidden
  // class, so that the rules and features reading them stay monomorphic (replies with different sets
  // of fields made those reads polymorphic: the 10 KB analysis took ~7% longer in a process that had
  // seen a few other documents, as a server has)
  return {
    text, folded, lines, blocks: bs, junk, kind, kindSource: options.kind ? 'configured' : 'detected',
    docNumber, title, category, signatory, addressee, receipt, opening: parsedBody.opening,
    measures: parsedBody.roots, headings: parsedBody.headings, enumerations: parsedBody.enumerations, nextSteps: parsedBody.nextSteps,
    closing, signature, date, contacts, annotation, copyTo, body,
    marks: { brackets: scan.brackets, halfWidth: scan.halfWidth },
    parseError: undefined,
  };
}

function lineOf(lines: readonly { start: number; next: number }[], offset: number, hint: number): number {
  let i = hint;
  while (i + 1 < lines.length && lines[i + 1]!.start <= offset) i++;
  return i;
}
