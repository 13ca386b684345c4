/**
 * The register in a reply's editor features: the hover of the reply's link to its register entry
 * (on the title or the receipt line), with the entry's state, and the completions the register
 * offers — the addressee from the proposers and the receipt line with the exact quoted title and
 * number. The texts come from `register/complete.ts`; this file only decides where they apply.
 */
import type { DateValue, DocumentKind, Reply } from '../core/model';
import { addresseeCompletions, defaultReplyKind, entryLabel, receiptLineFor, registerHover } from '../register/complete';
import type { Register, RegisterEntry, RegisterLink } from '../register/types';
import { buildReport, STATE_LABEL } from '../report/batch';
import { summarizeReply } from '../report/summary';
import { type Locale, localize } from '../core/vocabulary';
import { type Finding } from '../rules/types';
import type { Span } from '../core/text';

/** How many entries an unlinked reply is offered at most (a register of hundreds would flood the list). */
export const REGISTER_COMPLETION_MAX = 200;

/** The register a reply was checked against and its link to it. */
export interface RegisterInReply {
  readonly register: Register;
  readonly link: RegisterLink;
  readonly organization?: string;
}

/**
 * The hover of the register link where the cursor is on the title or the receipt line: the entry
 * (编号, 案由, 提案人, 主办单位, 办理期限 …) and its state as the batch report would show it.
 */
export function registerLinkHover(
  path: string,
  analysis: { readonly reply: Reply; readonly findings: readonly Finding[]; readonly link?: RegisterLink; readonly register?: Register },
  offset: number,
  locale: Locale,
  today: DateValue,
): { readonly value: string; readonly span: Span } | undefined {
  const { reply, link, register } = analysis;
  if (!link || !register) return undefined;
  const span = ([reply.title, reply.receipt] as Array<Span | undefined>).find((s): s is Span => s !== undefined && s.start <= offset && offset <= s.end);
  if (!span) return undefined;
  const parts = [localize(registerHover(link), locale)];
  if (link.entry) {
    const report = buildReport({ register, replies: [summarizeReply(path, analysis)], today });
    const row = report.rows.find((r) => r.entry === link.entry && r.reply);
    if (row) {
      const late = row.overdue ? localize({ zh: ` · 逾期${row.daysOverdue ? ` ${row.daysOverdue} 天` : ''}`, en: ` · overdue${row.daysOverdue ? ` by ${row.daysOverdue} day(s)` : ''}` }, locale) : '';
      parts.push(`**${localize({ zh: '办理状态', en: 'State' }, locale)}**${localize({ zh: '：', en: ': ' }, locale)}${localize(STATE_LABEL[row.state], locale)}${late}`);
    }
  }
  return { value: parts.join('\n\n'), span };
}

/** The kind of reply written for an entry: the document's own when it is an opinion or a report, else the entry's. */
function kindFor(reply: Reply, entry: RegisterEntry): DocumentKind {
  return reply.kind === 'co-handling-opinion' || reply.kind === 'rectification-report' ? reply.kind : defaultReplyKind(entry);
}

export interface RegisterItem {
  readonly label: string;
  readonly detail: string;
}

/** Addressee lines from the register: the linked entry's proposers, or the first addressee of each entry. */
export function registerAddressees(reply: Reply, r: RegisterInReply, locale: Locale): RegisterItem[] {
  const head = localize({ zh: '登记表', en: 'Register' }, locale);
  if (r.link.entry) {
    const e = r.link.entry;
    return addresseeCompletions(e, kindFor(reply, e)).map((label) => ({ label, detail: `${head} ${entryLabel(e)}` }));
  }
  const out: RegisterItem[] = [];
  const seen = new Set<string>();
  for (const e of r.register.entries.slice(0, REGISTER_COMPLETION_MAX)) {
    const label = addresseeCompletions(e, kindFor(reply, e))[0]!;
    if (seen.has(label)) continue;
    seen.add(label);
    out.push({ label, detail: `${head} ${entryLabel(e)}` });
  }
  return out;
}

/**
 * Receipt lines from the register: the linked entry's, else those of the entries whose proposers
 * the addressee names, else every entry's (the label is the whole line, so typing narrows it).
 */
export function registerReceipts(reply: Reply, r: RegisterInReply, locale: Locale): RegisterItem[] {
  const head = localize({ zh: '登记表', en: 'Register' }, locale);
  let entries: readonly RegisterEntry[];
  if (r.link.entry) entries = [r.link.entry];
  else {
    const addressee = reply.addressee ? reply.text.slice(reply.addressee.start, reply.addressee.end) : '';
    const named = addressee ? r.register.entries.filter((e) => [...e.proposers, e.leadUnit ?? ''].some((p) => p.length > 0 && addressee.includes(p))) : [];
    entries = named.length > 0 ? named : r.register.entries;
  }
  const options = r.organization ? { organization: r.organization } : {};
  return entries.slice(0, REGISTER_COMPLETION_MAX).map((e) => ({ label: receiptLineFor(e, kindFor(reply, e), options), detail: `${head} ${entryLabel(e)}` }));
}
