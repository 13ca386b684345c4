/**
 * Doubtful candidates for a required element the parser did not find: a block in the element's
 * place that looks almost like it. A "missing" finding then names that block at a lower severity,
 * and its fix completes the block instead of inserting a second one (rules/*-missing.ts; the
 * policy is in docs/rules/addressee-missing.md and its siblings).
 */
import type { BlockRole, Candidate, Reply, RoleSpan } from '../core/model';

/** Roles that may hold an element the parser could not be sure of. */
const UNSURE: ReadonlySet<BlockRole> = new Set(['other', 'body', 'issuer', 'titleMore']);
const HEAD: ReadonlySet<BlockRole> = new Set(['issuer', 'docNumber', 'title', 'titleMore', 'subtitle', 'category', 'mark', 'itemMark', 'junk', 'other']);
const FOOT: ReadonlySet<BlockRole> = new Set(['signature', 'date', 'signatureDate', 'contact', 'annotation', 'attachment', 'copyTo', 'printLine', 'footCategory', 'footMark', 'lateClosing', 'closing', 'junk', 'other']);

/** A short line of names with no role word (张三、李四：): an addressee that lost 委员 or 代表. */
const NAMES_WITHOUT_ROLE = /^(尊敬的)?[\p{Script=Han}·*×]{2,8}([、，,][\p{Script=Han}·*×]{2,8}){0,9}[:：]?$/u;
/** A line that names the role is no addressee that lost it (where it stands made it none). */
const ROLE_NAMED = /(委员|代表)[:：]?$/;
/**
 * A short line with digits and date words that is no date (2024年月15日, 2024年13月), also where a page
 * or a scan put a mark or a look-alike for a lost character (2025年6月□日, 2025年?月20日, 2025年6月20曰,
 * 2O25年6月20日), perhaps with a seal note after it.
 */
const BROKEN_DATE = /^[\dOo〇○零一二三四五六七八九十?\ufffd□■\s]{2,}[年.\-/][\d〇○零一二三四五六七八九十?\ufffd□■\s年月日曰号.\-/]{0,10}(\([^)]{1,6}\))?$/;
/** A short line of Han characters with no punctuation: a signature whose organ word is missing. */
const BARE_NAME = /^[\p{Script=Han}]{2,20}$/u;

export function candidatesFor(reply: Reply): Reply['candidates'] {
  const text = (b: RoleSpan): string => reply.folded.slice(b.start, b.end);
  const at = (b: RoleSpan, doubt: Candidate['doubt']): Candidate => ({ start: b.start, end: b.end, doubt });
  const out: { addressee?: Candidate; signature?: Candidate; date?: Candidate } = {};
  const roles = reply.roles;
  if (!reply.addressee) {
    // the first content after the head (below the title), before the receipt line
    const first = roles.find((b) => b.start >= (reply.title?.end ?? 0) && (!HEAD.has(b.role) || (b.role === 'other' && NAMES_WITHOUT_ROLE.test(text(b)))));
    if (first && UNSURE.has(first.role) && NAMES_WITHOUT_ROLE.test(text(first)) && !ROLE_NAMED.test(text(first)) && (!reply.receipt || first.end <= reply.receipt.start)) out.addressee = at(first, 'no-role-word');
  }
  // the foot: the blocks after the last body block
  let footFrom = roles.length;
  while (footFrom > 0 && FOOT.has(roles[footFrom - 1]!.role)) footFrom--;
  const foot = roles.slice(footFrom).filter((b) => UNSURE.has(b.role));
  if (!reply.date) {
    const d = foot.find((b) => BROKEN_DATE.test(text(b)));
    if (d) out.date = at(d, 'not-a-date');
  }
  if (!reply.signature) {
    const s = foot.find((b) => BARE_NAME.test(text(b)) && b !== (out.date && roles.find((r) => r.start === out.date!.start)));
    if (s && (!reply.date || s.end <= reply.date.start)) out.signature = at(s, 'not-an-organ');
  }
  return out;
}
