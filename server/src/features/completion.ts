/**
 * Context-aware completion. Where the cursor stands in the reply decides what is offered:
 * - after `答复类别：` the allowed category values with their meaning;
 * - at the end of a receipt line without a transition, the standard transitions;
 * - on a line of its own: the addressee before anything else, the receipt-line skeleton after the
 *   addressee, in the body the next numbering marker at each possible level (`三、` after `二、`,
 *   `（一）` under a new `一、`), next steps, then the closings, the signing organisation and
 *   today's date (`YYYY年M月D日`) where those belong.
 * Snippet placeholders are used only when the client supports snippets.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, type Range } from 'vscode-languageserver-types';
import type { EffectiveConfig } from '../config/schema';
import { DEFAULT_CATEGORIES } from '../config/schema';
import type { Block, DateValue, MeasureHeading, NumberingLevel, Reply } from '../core/model';
import { formatDate } from '../parse/dates';
import { canonicalMarker, markerLabel, withOrdinal } from '../parse/numbering';
import { type Locale, type Localized, localize } from '../core/vocabulary';
import { addresseeTemplate, closingTemplate, receiptTemplate, transitionTemplate } from '../rules/util';
import { foldWidth, isBlank, lineIndexAt, type Span } from '../core/text';
import { rangeOf } from './diagnostics';
import { headingPath } from './hover';
import { type RegisterInReply, registerAddressees, registerReceipts } from './registerLink';

export interface CompletionOptions {
  readonly locale: Locale;
  /** Whether the client accepts snippet syntax in insert texts. */
  readonly snippets: boolean;
  readonly today: DateValue;
  /** The register the reply is linked to: its addressees and receipt lines come first. */
  readonly register?: RegisterInReply;
}

const LEVEL_NAME: Record<NumberingLevel, Localized> = {
  1: { zh: '一级标题', en: 'level-1 heading' },
  2: { zh: '二级标题', en: 'level-2 heading' },
  3: { zh: '三级标题', en: 'level-3 heading' },
  4: { zh: '四级标题', en: 'level-4 heading' },
};

/** The closing formulas of each kind, after the kind's own template (rules/util closingTemplate). */
const CLOSINGS: Record<Reply['kind'], readonly string[]> = {
  'proposal-reply': ['此复。', '特此函复。', '特此答复。'],
  'suggestion-reply': ['此复。', '特此函复。', '特此答复。'],
  'co-handling-opinion': ['以上意见供参考。', '特此函复。'],
  'rectification-report': ['特此报告。'],
};

export const TRANSITIONS = ['现答复如下：', '现将办理情况答复如下：', '现函复如下：', '现提出协办意见如下：', '现将整改情况报告如下：'];

const CATEGORY_PREFIX = /^(?:(?:答复|办复|办理|办结)?[ \t]*类[ \t]*别|答复类型)[ \t]*:[ \t]*([A-Za-z甲乙丙丁]?)$/;
const RECEIPT_CUE = /(收悉|已收到|办理|研究|协办|会办|主办|承办)[^。:]*[,。]?$/;

/** Escapes text for a snippet body. */
export function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** A template's `×××` and `×` placeholders as numbered snippet placeholders. */
export function templateSnippet(template: string): string {
  let n = 0;
  return template.split(/(×××|×)/).map((part) => (part === '×××' || part === '×' ? `\${${++n}:${part}}` : escapeSnippet(part))).join('');
}

interface ItemSpec {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail: string;
  readonly documentation?: string;
  /** Snippet body; the plain text is `label` unless `plain` is given. */
  readonly snippet?: string;
  readonly plain?: string;
}

interface Context {
  readonly reply: Reply;
  readonly doc: TextDocument;
  readonly offset: number;
  readonly lineStart: number;
  readonly lineEnd: number;
  /** First non-blank character of the line (or the cursor). */
  readonly contentStart: number;
  /** What the user typed on this line before the cursor, after the indentation (folded width). */
  readonly typed: string;
  readonly restOfLine: string;
  readonly options: CompletionOptions;
  readonly config: EffectiveConfig;
}

export function completions(reply: Reply, doc: TextDocument, offset: number, config: EffectiveConfig, options: CompletionOptions): CompletionItem[] {
  const line = reply.lines[lineIndexAt(reply.lines, offset)]!;
  let contentStart = line.start;
  while (contentStart < offset && isBlank(reply.text.charCodeAt(contentStart))) contentStart++;
  const ctx: Context = {
    reply, doc, offset, config, options,
    lineStart: line.start,
    lineEnd: line.end,
    contentStart,
    typed: reply.folded.slice(contentStart, offset),
    restOfLine: reply.text.slice(offset, line.end),
  };
  const category = CATEGORY_PREFIX.exec(ctx.typed);
  if (category) return categoryItems(ctx, category[1]!.length);
  const atLineEnd = ctx.restOfLine.trim().length === 0;
  if (atLineEnd && ctx.typed.length > 0 && !/如下/.test(ctx.typed) && RECEIPT_CUE.test(ctx.typed) && isReceiptLine(ctx)) return transitionItems(ctx);
  // structure is offered on a line of its own: empty, or the first few characters typed
  if (ctx.typed.length > 8 || /[。;!?:]/.test(ctx.typed)) return [];
  return structuralItems(ctx);
}

function isReceiptLine(ctx: Context): boolean {
  const r = ctx.reply.receipt;
  if (r && r.start <= ctx.offset && ctx.lineStart <= r.end) return true;
  // a receipt line being written: the first content after the addressee
  const a = ctx.reply.addressee;
  return !r && a !== undefined && a.end <= ctx.lineStart && !ctx.reply.blocks.some((b) => b.start >= a.end && b.end <= ctx.lineStart && b.start < ctx.lineStart);
}

function toItems(ctx: Context, specs: readonly ItemSpec[], range: Range): CompletionItem[] {
  return specs.map((s, i) => {
    const useSnippet = ctx.options.snippets && s.snippet !== undefined;
    const newText = useSnippet ? s.snippet! : s.plain ?? s.label;
    return {
      label: s.label,
      kind: s.kind,
      detail: s.detail,
      ...(s.documentation ? { documentation: { kind: MarkupKind.Markdown, value: s.documentation } } : {}),
      sortText: String(i).padStart(3, '0'),
      filterText: s.label,
      insertTextFormat: useSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText },
    };
  });
}

function categoryItems(ctx: Context, partial: number): CompletionItem[] {
  const { locale } = ctx.options;
  const withSuffix = !/^\s*类/.test(ctx.restOfLine);
  const specs = ctx.config.categories.map((c): ItemSpec => {
    const meaning = c.meaning ?? DEFAULT_CATEGORIES.find((d) => d.value === c.value)?.meaning;
    return {
      label: c.value,
      kind: CompletionItemKind.EnumMember,
      detail: meaning ?? (localize({ zh: '答复类别', en: 'reply category' }, locale)),
      ...(meaning ? { documentation: `**${localize({ zh: '类别', en: 'Category' }, locale)} ${c.value}**：${meaning}` } : {}),
      plain: withSuffix ? `${c.value}类` : c.value,
    };
  });
  return toItems(ctx, specs, rangeOf(ctx.doc, { start: ctx.offset - partial, end: ctx.offset }));
}

function transitionItems(ctx: Context): CompletionItem[] {
  const first = transitionTemplate(ctx.reply.kind);
  const list = [first, ...TRANSITIONS.filter((t) => t !== first)];
  const sep = /[,，。]$/.test(ctx.reply.text.slice(ctx.contentStart, ctx.offset)) ? '' : '，';
  const specs = list.map((t): ItemSpec => ({
    label: t,
    kind: CompletionItemKind.Text,
    detail: localize({ zh: '过渡语', en: 'transition into the body' }, ctx.options.locale),
    plain: `${sep}${t}`,
  }));
  return toItems(ctx, specs, rangeOf(ctx.doc, { start: ctx.offset, end: ctx.offset }));
}

/** The footer elements' start: where the closing, signature or date begin. */
function footStart(reply: Reply): number {
  const starts = [reply.closing, reply.signature, reply.date].filter((s): s is Span => s !== undefined).map((s) => s.start);
  return starts.length > 0 ? Math.min(...starts) : Infinity;
}

function structuralItems(ctx: Context): CompletionItem[] {
  const { reply, options, lineStart, lineEnd } = ctx;
  const { locale } = options;
  const specs: ItemSpec[] = [];
  const others = reply.blocks.filter((b) => b.end <= lineStart || b.start >= lineEnd);
  const prev: Block | undefined = others.filter((b) => b.end <= lineStart).pop();
  const next: Block | undefined = others.find((b) => b.start >= lineEnd);
  const a = reply.addressee;
  const foot = footStart(reply);
  const inHead = !a && (!reply.receipt || reply.receipt.start >= lineEnd) && (!prev || [reply.docNumber, reply.title, reply.category].some((s) => s && prev.end <= s.end + 1 && prev.start >= s.start - 1));

  if (inHead) {
    if (options.register) {
      for (const r of registerAddressees(reply, options.register, locale)) specs.push({ label: r.label, kind: CompletionItemKind.Value, detail: r.detail });
    }
    specs.push({
      label: addresseeTemplate(reply.kind),
      kind: CompletionItemKind.Snippet,
      detail: localize({ zh: '主送', en: 'addressee' }, locale),
      snippet: templateSnippet(addresseeTemplate(reply.kind)),
    });
  }
  const afterAddressee = a !== undefined && prev !== undefined && prev.end >= a.end && prev.start <= a.start + 1 && !(reply.receipt && reply.receipt.end <= lineStart);
  if (afterAddressee && !reply.receipt) {
    if (options.register) {
      for (const r of registerReceipts(reply, options.register, locale)) specs.push({ label: r.label, kind: CompletionItemKind.Text, detail: r.detail });
    }
    const tpl = receiptTemplate(reply);
    specs.push({
      label: tpl,
      kind: CompletionItemKind.Snippet,
      detail: localize({ zh: '收文说明', en: 'receipt line' }, locale),
      documentation: localize({ zh: '写明收悉的提案（建议）标题和编号，并以过渡语引出正文。', en: 'Acknowledges the item by its title and number and leads into the body.' }, locale),
      snippet: templateSnippet(tpl),
    });
  }
  const bodyFrom = reply.receipt?.end ?? a?.end ?? reply.title?.end ?? 0;
  const inBody = !inHead && lineStart >= bodyFrom && lineEnd <= foot && (reply.receipt !== undefined || a !== undefined);
  if (inBody && !afterAddressee) {
    specs.push(...markerSpecs(ctx, prev));
    if (reply.nextSteps.length === 0) {
      specs.push({
        label: '下一步，我们将……',
        kind: CompletionItemKind.Snippet,
        detail: localize({ zh: '下一步工作', en: 'next steps' }, locale),
        snippet: '下一步，${1:我们将……}',
      });
      const top = reply.measures[reply.measures.length - 1];
      if (top && top.marker.start < lineStart) {
        const heading = `${withOrdinal(top.marker.text, top.marker.level, top.marker.ordinal + 1)}下一步工作打算`;
        specs.push({ label: heading, kind: CompletionItemKind.Snippet, detail: localize({ zh: '下一步工作（标题）', en: 'next-steps heading' }, locale), snippet: escapeSnippet(heading) });
      }
    }
  }
  // the tail: no body text after the cursor; closings before the signature, the signature before the date
  const started = reply.receipt !== undefined || a !== undefined;
  const bodyEnded = !inHead && !afterAddressee && started && (!next || next.start >= foot);
  const before = (s: Span | undefined): boolean => !s || s.start >= lineEnd;
  if (bodyEnded && !reply.closing && before(reply.signature) && before(reply.date)) {
    const list = [...new Set([closingTemplate(reply), ...CLOSINGS[reply.kind]])];
    for (const c of list) specs.push({ label: c, kind: CompletionItemKind.Text, detail: localize({ zh: '结束语', en: 'closing' }, locale) });
  }
  if (bodyEnded && !reply.signature && before(reply.date)) {
    const name = ctx.config.organization ?? reply.title?.organ;
    if (name) {
      specs.push({
        label: name,
        kind: CompletionItemKind.Value,
        detail: localize(ctx.config.organization ? { zh: '署名（配置的发文机关）', en: 'signature (configured organisation)' } : { zh: '署名（标题中的发文机关）', en: 'signature (organ in the title)' }, locale),
      });
    }
  }
  const afterSignature = reply.signature !== undefined && prev !== undefined && prev.end >= reply.signature.end && prev.start <= reply.signature.start + 1;
  const dateTyped = /^\d{1,4}$/.test(ctx.typed);
  const datePosition = afterSignature || (bodyEnded && !reply.signature) || (dateTyped && lineStart >= foot);
  if (datePosition && (!reply.date || dateTyped)) {
    const today = formatDate(options.today);
    specs.push({ label: today, kind: CompletionItemKind.Value, detail: localize({ zh: '今天的日期（成文日期，GB/T 9704-2012 7.3.5.4）', en: 'today’s date (GB/T 9704-2012 7.3.5.4)' }, locale) });
  }
  // what the user has typed on the line narrows the offer to what it begins
  const offered = ctx.typed.length === 0 ? specs : specs.filter((x) => foldWidth(x.label).startsWith(ctx.typed));
  if (offered.length === 0) return [];
  return toItems(ctx, offered, rangeOf(ctx.doc, { start: ctx.contentStart, end: ctx.offset }));
}
/** The level a heading's first sub-item takes: what this document does under headings of its level, or the next level down. */
function childLevel(reply: Reply, h: MeasureHeading): NumberingLevel | undefined {
  const counts = new Map<number, number>();
  for (const x of reply.headings) {
    if (x.marker.level !== h.marker.level) continue;
    for (const c of x.children) counts.set(c.marker.level, (counts.get(c.marker.level) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [level, n] of counts) if (best === undefined || n > counts.get(best)!) best = level;
  if (best !== undefined) return best as NumberingLevel;
  return h.marker.level < 4 ? ((h.marker.level + 1) as NumberingLevel) : undefined;
}

/** The marker of `level` and `ordinal`, written the way this document writes that level. */
function markerLike(reply: Reply, level: NumberingLevel, ordinal: number): string {
  const model = reply.headings.find((x) => x.marker.level === level);
  return model ? withOrdinal(model.marker.text, level, ordinal) : canonicalMarker(level, ordinal);
}

function markerSpecs(ctx: Context, prev: Block | undefined): ItemSpec[] {
  const { reply, options, lineStart } = ctx;
  const { locale } = options;
  const before = reply.headings.filter((h) => h.marker.start < lineStart);
  const last = before[before.length - 1];
  const spec = (text: string, level: NumberingLevel, path: string, why: Localized): ItemSpec => ({
    label: text,
    kind: CompletionItemKind.Keyword,
    detail: `${localize(LEVEL_NAME[level], locale)} · ${localize(why, locale)}`,
    documentation: `${localize({ zh: '标题路径', en: 'Heading path' }, locale)}：${path}`,
    snippet: `${escapeSnippet(text)}\${1:×××}`,
  });
  if (!last) {
    const top = reply.measures[0];
    const level = top ? top.marker.level : 1;
    const text = markerLike(reply, level, 1);
    return [spec(text, level, markerLabel(level, 1), { zh: '第一个措施标题', en: 'the first measure heading' })];
  }
  const siblings: ItemSpec[] = [];
  for (let h: MeasureHeading | undefined = last; h; h = h.parent >= 0 ? reply.headings[h.parent] : undefined) {
    const m = h.marker;
    const parentPath = h.parent >= 0 ? `${headingPath(reply, reply.headings[h.parent]!)} › ` : '';
    siblings.push(spec(withOrdinal(m.text, m.level, m.ordinal + 1), m.level, parentPath + markerLabel(m.level, m.ordinal + 1), { zh: `接“${m.text}”之后`, en: `after ${m.text}` }));
  }
  const level = childLevel(reply, last);
  const child = level !== undefined && level > last.marker.level
    ? spec(markerLike(reply, level, 1), level, `${headingPath(reply, last)} › ${markerLabel(level, 1)}`, { zh: `“${last.marker.text}”下的第一项`, en: `first item under ${last.marker.text}` })
    : undefined;
  // right under a heading with nothing written yet, its first sub-item comes first
  const justUnderHeading = prev !== undefined && prev.start === last.start && last.form === 'standalone';
  if (!child) return siblings;
  return justUnderHeading ? [child, ...siblings] : [siblings[0]!, child, ...siblings.slice(1)];
}
