/**
 * What the editor offers from the register: the addressee from the proposers, the receipt line
 * with the exact quoted title and number, a whole reply skeleton for a chosen entry with its
 * conventional file name, and the hover text of a reply's link. Pure functions over the register
 * model; the language server only maps them to LSP completion items, hovers and commands.
 */
import { escapeMarkdown } from '../core/markdown';
import type { DateValue, DocumentKind } from '../core/model';
import { bodyAbbreviation, ORG_SUFFIX } from '../parse/header';
import type { Localized } from '../core/vocabulary';
import { chineseQuotes, entryRef, formatDate, ITEM_KIND_NAME } from './match';
import type { LinkSource, RegisterEntry, RegisterLink } from './types';

/** The kind of reply an entry calls for: a proposal reply or a suggestion reply (proposal when unknown). */
export function defaultReplyKind(entry: RegisterEntry): DocumentKind {
  return entry.kind === 'suggestion' ? 'suggestion-reply' : 'proposal-reply';
}

function isBody(name: string): boolean {
  return ORG_SUFFIX.test(name) && !/(委员|代表)$/.test(name);
}

function roleWord(entry: RegisterEntry): string {
  return entry.kind === 'suggestion' ? '代表' : '委员';
}

/** The item word: 提案 or 建议. */
function itemWord(entry: RegisterEntry): string {
  return ITEM_KIND_NAME[entry.kind ?? 'proposal'].zh;
}

/**
 * Addressee lines for the entry, best first: the lead proposer, then all proposers, then the lead
 * with 等 for several. A co-handling opinion is addressed to the lead unit.
 */
export function addresseeCompletions(entry: RegisterEntry, kind: DocumentKind = defaultReplyKind(entry)): string[] {
  if (kind === 'co-handling-opinion') return [`${entry.leadUnit ?? '×××（主办单位）'}：`];
  const people = entry.proposers;
  const role = roleWord(entry);
  if (people.length === 0) return [`×××${role}：`];
  const out: string[] = [];
  const add = (s: string): void => {
    if (!out.includes(s)) out.push(s);
  };
  const persons = people.filter((p) => !isBody(p));
  const bodies = people.filter(isBody);
  if (bodies.length > 0 && persons.length === 0) {
    add(`${bodies[0]}：`);
    if (bodies.length > 1) add(`${bodies.join('、')}：`);
    return out;
  }
  add(`${persons[0]}${role}：`);
  if (persons.length > 1) {
    add(`${persons.join('、')}${role}：`);
    add(`${persons[0]}等${persons.length}位${role}：`);
  }
  return out;
}

/**
 * How the reply addresses its reader: 您 for the lead proposer (the first addressee offered), 贵委 /
 * 贵局 … for a body.
 */
function youFor(entry: RegisterEntry, kind: DocumentKind): string {
  if (kind === 'co-handling-opinion') return `贵${bodyAbbreviation(entry.leadUnit ?? '')}`;
  const people = entry.proposers;
  if (people.length > 0 && people.every(isBody)) return `贵${bodyAbbreviation(people[0]!)}`;
  return '您';
}

export interface DraftOptions {
  /** The signing organisation (the `organization` setting); placeholders when absent. */
  readonly organization?: string;
}

/** The receipt line with the register's exact title and number. */
export function receiptLineFor(entry: RegisterEntry, kind: DocumentKind = defaultReplyKind(entry), options: DraftOptions = {}): string {
  const you = youFor(entry, kind);
  const title = `《${entry.title ? chineseQuotes(entry.title) : '×××'}》`;
  switch (kind) {
    case 'co-handling-opinion': {
      const own = options.organization ? `我${bodyAbbreviation(options.organization)}` : '我单位';
      return `${you}主办的${entry.session ?? ''}第${entry.number}号${itemWord(entry)}${title}收悉。${own}作为协办单位，经认真研究，现提出协办意见如下：`;
    }
    case 'rectification-report':
      return `${title}（第${entry.number}号）收悉后，我们高度重视，现将整改情况报告如下：`;
    case 'suggestion-reply':
      return `${you}${entry.session ? `在${entry.session}期间` : ''}提出的${title}（第${entry.number}号）收悉。现将办理情况答复如下：`;
    case 'proposal-reply':
      return `${you}提出的${title}（第${entry.number}号）收悉。经认真研究，现答复如下：`;
  }
}

/** The reply's own title: 厦门市教育局关于市政协十四届四次会议第20250136号提案的答复. */
export function replyTitleFor(entry: RegisterEntry, kind: DocumentKind = defaultReplyKind(entry), options: DraftOptions = {}): string {
  const head = `${options.organization ?? ''}关于${entry.session ?? ''}第${entry.number}号${itemWord(entry)}`;
  switch (kind) {
    case 'co-handling-opinion': return `${head}的协办意见`;
    case 'rectification-report': return `${head}办理情况的整改报告`;
    default: return `${head}的答复`;
  }
}

export interface SkeletonOptions extends DraftOptions {
  readonly kind?: DocumentKind;
  /** The date line (today, as a rule). */
  readonly today: DateValue;
  readonly eol?: string;
}

/**
 * A whole reply for the entry, in the conventional element order, with ××× where the drafter
 * writes: title, category (if the register has it), addressee, receipt line, numbered measures,
 * next steps, closing, signature, date and contact line.
 */
export function replySkeleton(entry: RegisterEntry, options: SkeletonOptions): string {
  const kind = options.kind ?? defaultReplyKind(entry);
  const you = youFor(entry, kind);
  const organ = options.organization ?? '×××（发文机关）';
  const lines: string[] = [replyTitleFor(entry, kind, options), ''];
  if (entry.category && kind !== 'co-handling-opinion') lines.push(`答复类别：${entry.category}类`, '');
  lines.push(addresseeCompletions(entry, kind)[0]!, '', receiptLineFor(entry, kind, options), '');
  if (kind === 'co-handling-opinion') {
    lines.push('一、关于×××。×××。', '', '二、关于×××。×××。', '', '以上意见供参考。', '');
  } else if (kind === 'rectification-report') {
    lines.push('一、整改措施', '', '×××。', '', '二、下一步工作', '', '下一步，我们将×××。', '', '特此报告。', '');
  } else {
    lines.push(
      '一、×××', '', '（一）×××。×××。', '', '（二）×××。×××。', '',
      '二、×××', '', '（一）×××。×××。', '', '（二）×××。×××。', '',
      '下一步，我们将×××。', '',
      `感谢${you}对我们工作的关心和支持，欢迎继续提出宝贵意见。`, '',
    );
  }
  lines.push(organ, formatDate(options.today), '', '（联系人：×××，联系电话：×××）', '');
  return lines.join(options.eol ?? '\n');
}

/** Characters no file name may hold on Windows, macOS or Linux, and blanks. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\s\u3000]+/g;

/**
 * The conventional file name of the entry's reply: `20250136-陈明远.reply`, `0087-王丽华等.reply`,
 * `0215-泉州市教育局-协办意见.reply`. It starts with the number, so the reply links by file name.
 */
export function conventionalFileName(entry: RegisterEntry, kind: DocumentKind = defaultReplyKind(entry)): string {
  const clean = (s: string): string => s.replace(UNSAFE, '').replace(/^\.+|\.+$/g, '').slice(0, 40);
  const number = clean(entry.number) || 'reply';
  const names = entry.proposers.map(clean).filter((n) => n.length > 0);
  const who = names.length > 0 ? `${names[0]}${entry.proposers.length > 1 ? '等' : ''}` : '';
  const parts = [number];
  if (kind === 'co-handling-opinion') {
    if (entry.leadUnit) parts.push(clean(entry.leadUnit));
    parts.push('协办意见');
  } else if (kind === 'rectification-report') {
    parts.push('整改报告');
  } else if (who) {
    parts.push(who);
  }
  return `${parts.filter((p) => p.length > 0).join('-')}.reply`;
}

/** One line naming an entry, for pickers and tree items: `第20250136号 关于…的建议`. */
export function entryLabel(entry: RegisterEntry): string {
  return `第${entry.number}号 ${entry.title}`.trim();
}

/** The details beside an entry's label: proposers, lead unit, deadline. */
export function entryDetail(entry: RegisterEntry): Localized {
  const zh: string[] = [];
  const en: string[] = [];
  if (entry.proposers.length > 0) {
    zh.push(`${entry.kind === 'suggestion' ? '领衔代表' : '提案人'}：${entry.proposers.join('、')}`);
    en.push(`proposers: ${entry.proposers.join('、')}`);
  }
  if (entry.leadUnit) {
    zh.push(`主办：${entry.leadUnit}`);
    en.push(`lead: ${entry.leadUnit}`);
  }
  if (entry.deadline) {
    zh.push(`期限：${formatDate(entry.deadline)}`);
    en.push(`deadline: ${formatDate(entry.deadline)}`);
  }
  return { zh: zh.join(' · '), en: en.join(' · ') };
}

const VIA_TEXT: Record<LinkSource, Localized> = {
  title: { zh: '按标题中的编号对应', en: 'linked by the number in the title' },
  receipt: { zh: '按收文说明中的编号对应', en: 'linked by the number in the receipt line' },
  'file-name': { zh: '按文件名中的编号对应', en: 'linked by the number in the file name' },
};

/** The hover of a reply's register link (Markdown), or a note that it is not in the register. */
export function registerHover(link: RegisterLink): Localized {
  const entry = link.entry;
  if (!entry) {
    return {
      zh: '**登记表**：未找到对应条目（标题、收文说明和文件名中没有登记表里的编号）。',
      en: '**Register**: no matching entry (no register number in the title, the receipt line or the file name).',
    };
  }
  const ref = entryRef(entry);
  const kind = entry.kind ? ITEM_KIND_NAME[entry.kind] : undefined;
  const rows: Array<[string, string, string | undefined]> = [
    ['提案人', 'Proposers', entry.proposers.length > 0 ? entry.proposers.join('、') : undefined],
    ['附议人', 'Seconders', entry.seconders.length > 0 ? entry.seconders.join('、') : undefined],
    ['届次', 'Session', entry.session],
    ['主办单位', 'Lead unit', entry.leadUnit],
    ['协办单位', 'Co-handling', entry.coUnits.length > 0 ? entry.coUnits.join('、') : undefined],
    ['办理期限', 'Deadline', entry.deadline ? formatDate(entry.deadline) : undefined],
    ['答复类别', 'Category', entry.category],
  ];
  const present = rows.filter((r) => r[2] !== undefined);
  const joint = link.entries.length > 1 ? link.entries.slice(1).map((e) => `第${e.number}号`).join('、') : '';
  return {
    zh: [
      `**${escapeMarkdown(ref.zh)}**${kind ? ` · ${kind.zh}` : ''}`,
      '',
      `《${escapeMarkdown(entry.title)}》`,
      '',
      ...present.map(([zh, , v]) => `- ${zh}：${escapeMarkdown(v!)}`),
      '',
      `_${link.via ? VIA_TEXT[link.via].zh : ''}${joint ? `；合并答复，另含${joint}` : ''}_`,
    ].join('\n'),
    en: [
      `**${escapeMarkdown(ref.en)}**${kind ? ` · ${kind.en}` : ''}`,
      '',
      `《${escapeMarkdown(entry.title)}》`,
      '',
      ...present.map(([, en, v]) => `- ${en}: ${escapeMarkdown(v!)}`),
      '',
      `_${link.via ? VIA_TEXT[link.via].en : ''}${joint ? `; joint reply, also ${joint}` : ''}_`,
    ].join('\n'),
  };
}
