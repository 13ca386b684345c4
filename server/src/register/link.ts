/**
 * Ties a reply to its register entry. Precedence: a number in the title, then one in the receipt
 * line, then one in the file name (`20250136-陈明远.reply`, `第0087号答复.reply`). Numbers compare
 * by `proposalKey`, so `第0087号`, `87` and `0087` are one number.
 */
import type { ProposalNumberRef, Reply } from '../core/model';
import { proposalKey } from '../parse/header';
import { foldWidth } from '../core/text';
import type { Register, RegisterEntry, RegisterLink } from './types';

/** Numbers a file name may carry, in order: `第…号` first, then free-standing number tokens. */
export function fileNameNumbers(fileName: string): string[] {
  const base = foldWidth(fileName.replace(/^.*[\\/]/, '')).replace(/\.[A-Za-z0-9]{1,8}$/, '');
  const out: string[] = [];
  for (const m of base.matchAll(/第\s*([A-Za-z]{0,3}\s*\d{1,10}[A-Za-z]?)\s*号/g)) out.push(m[1]!.replace(/\s/g, ''));
  // a token: letters-then-digits not glued to other ASCII letters or digits
  for (const m of base.matchAll(/(?<![A-Za-z0-9])([A-Za-z]{0,3}\d{2,10}[A-Za-z]?)(?![A-Za-z0-9])/g)) out.push(m[1]!);
  return out;
}

function entriesOf(refs: readonly ProposalNumberRef[], register: Register): RegisterEntry[] {
  const out: RegisterEntry[] = [];
  for (const r of refs) {
    const e = register.byKey.get(r.key);
    if (e && !out.includes(e)) out.push(e);
  }
  return out;
}

/**
 * Links a reply to the register. `fileName` is the reply's file name or path (only its last part
 * counts). A joint reply that cites several register numbers in the place that linked it (or in a
 * receipt line that also cites the title's number) answers them all; `entry` is the first.
 */
export function linkReply(reply: Reply, fileName: string | undefined, register: Register): RegisterLink {
  const titleRefs = reply.title?.proposalNumbers ?? [];
  const receiptRefs = reply.receipt?.proposalNumbers ?? [];
  const cited: string[] = [];
  for (const r of [...titleRefs, ...receiptRefs]) if (!cited.includes(r.key)) cited.push(r.key);
  const fromTitle = entriesOf(titleRefs, register);
  if (fromTitle.length > 0) {
    // a receipt line that cites the title's item and others answers them all (a joint reply
    // whose title names one item); one that cites only another number is a slip, not a link
    const fromReceipt = entriesOf(receiptRefs, register);
    const joint = fromReceipt.some((e) => fromTitle.includes(e)) ? fromReceipt.filter((e) => !fromTitle.includes(e)) : [];
    return { entry: fromTitle[0]!, entries: [...fromTitle, ...joint], via: 'title', cited };
  }
  const fromReceipt = entriesOf(receiptRefs, register);
  if (fromReceipt.length > 0) return { entry: fromReceipt[0]!, entries: fromReceipt, via: 'receipt', cited };
  if (fileName) {
    for (const n of fileNameNumbers(fileName)) {
      const e = register.byKey.get(proposalKey(n));
      if (e) return { entry: e, entries: [e], via: 'file-name', cited };
    }
  }
  return { entries: [], cited };
}

/** The last part of a path or URI, decoded: what `linkReply` reads numbers from. */
export function baseName(pathOrUri: string): string {
  const last = pathOrUri.replace(/[?#].*$/, '').replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '');
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(pathOrUri) ? decodeURIComponent(last) : last;
  } catch {
    return last;
  }
}
