/**
 * Hover: on a place with findings, each finding with its rule id, norm source and documentation
 * link; on a numbering marker, its path (二 › （三）) and level; on a category value, its meaning;
 * and in the project file, on a rule id, the rule with its norm source.
 */
import { findNodeAtOffset, getLocation, parseTree } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Hover, MarkupKind } from 'vscode-languageserver-types';
import type { EffectiveConfig } from '../config/schema';
import { DEFAULT_CATEGORIES } from '../config/schema';
import { KIND_NAME } from '../core/labels';
import type { MeasureHeading, Reply } from '../core/model';
import { canonicalMarker, markerLabel } from '../parse/numbering';
import { ruleById } from '../rules';
import { type Locale, type Localized, localize, type Severity } from '../core/vocabulary';
import { type Finding, type Rule } from '../rules/types';
import type { Span } from '../core/text';
import { rangeOf } from './diagnostics';
import { escapeMarkdown } from '../core/markdown';

const SEVERITY_LABEL: Record<Severity | 'off', Localized> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  information: { zh: '信息', en: 'information' },
  hint: { zh: '提示', en: 'hint' },
  off: { zh: '关闭', en: 'off' },
};

const LEVEL_NAME: Record<number, Localized> = {
  1: { zh: '第一层', en: 'level 1' },
  2: { zh: '第二层', en: 'level 2' },
  3: { zh: '第三层', en: 'level 3' },
  4: { zh: '第四层', en: 'level 4' },
};

/** The colon after a label: full-width in Chinese, `: ` in English. */
function colon(locale: Locale): string {
  return localize({ zh: '：', en: ': ' }, locale);
}

export interface HoverOptions {
  readonly locale: Locale;
  readonly ruleDocsUri?: (ruleId: string) => string | undefined;
}

/** Markdown lines on a rule's norm sources, with a link to its page. */
export function ruleSourceLines(rule: Rule, options: HoverOptions): string[] {
  const { locale } = options;
  const lines = rule.sources.map((s) => `- ${s.kind}${s.clause ? ` ${s.clause}` : ''}${colon(locale)}${localize(s.note, locale)}`);
  const href = options.ruleDocsUri?.(rule.id);
  if (href) lines.push('', `[${localize({ zh: '规则说明', en: 'Rule documentation' }, locale)}](${href})`);
  return lines;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The path of a heading from the top level down: 二 › （三） › 1. */
export function headingPath(reply: Reply, h: MeasureHeading): string {
  const chain: MeasureHeading[] = [h];
  for (let p = h.parent; p >= 0; p = reply.headings[p]!.parent) chain.unshift(reply.headings[p]!);
  return chain.map((x) => markerLabel(x.marker.level, x.marker.ordinal)).join(' › ');
}

export function replyHover(reply: Reply, findings: readonly Finding[], doc: TextDocument, offset: number, config: EffectiveConfig, options: HoverOptions): Hover | null {
  const { locale } = options;
  const parts: string[] = [];
  // the hover's range: the narrowest span shown (a marker, a category value, a finding)
  let range: Span | undefined;
  const widen = (s: Span): void => {
    if (!range || s.end - s.start < range.end - range.start) range = s;
  };

  const here = findings.filter((f) => contains(f, offset));
  for (const f of here) {
    const rule = ruleById(f.ruleId);
    const head = `**${localize(SEVERITY_LABEL[f.severity], locale)}** \`${f.ruleId}\`${rule ? ` · ${localize(rule.title, locale)}` : ''}`;
    // the editor shows the diagnostic's message above the hover: the hover adds what it lacks
    parts.push([head, '', `${localize({ zh: '依据', en: 'Norm source' }, locale)}${colon(locale)}`, ...(rule ? ruleSourceLines(rule, options) : [])].join('\n'));
    widen(f);
  }

  const h = reply.headings.find((x) => contains(x.marker, offset));
  if (h) {
    const path = headingPath(reply, h);
    const level = h.marker.level;
    parts.push([
      `**${localize({ zh: '标题', en: 'Heading' }, locale)}** ${path}`,
      '',
      localize({ zh: `GB/T 9704-2012 7.3.3 ${localize(LEVEL_NAME[level]!, locale)}（写作“${canonicalMarker(level, 1)}”“${canonicalMarker(level, 2)}”……）：${escapeMarkdown(h.titleText)}`, en: `${localize(LEVEL_NAME[level]!, locale)} of GB/T 9704-2012 7.3.3 (written “${canonicalMarker(level, 1)}” “${canonicalMarker(level, 2)}” …): ${escapeMarkdown(h.titleText)}` }, locale),
    ].join('\n'));
    widen(h.marker);
  }

  const c = reply.category;
  if (c && contains(c.valueSpan, offset)) {
    const allowed = config.categories;
    const entry = allowed.find((a) => a.value === c.value);
    // categories configured as bare values keep the common meaning of A, B and C
    const meaning = entry ? entry.meaning ?? DEFAULT_CATEGORIES.find((d) => d.value === c.value)?.meaning : undefined;
    // the value comes from the reply, the meanings from the project file: both shown as text
    const title = `**${localize({ zh: '答复类别', en: 'Reply category' }, locale)} ${escapeMarkdown(c.value)}**`;
    const text = entry
      ? meaning !== undefined ? escapeMarkdown(meaning) : (localize({ zh: '（未配置含义）', en: '(no meaning configured)' }, locale))
      : escapeMarkdown(locale === 'en'
        ? `not an allowed category; allowed: ${allowed.map((a) => a.value).join(', ')}`
        : `不在允许范围内；允许的类别：${allowed.map((a) => (a.meaning ? `${a.value}（${a.meaning}）` : a.value)).join('；')}`);
    parts.push(`${title}${colon(locale)}${text}`);
    widen(c.valueSpan);
  }

  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    ...(range ? { range: rangeOf(doc, range) } : {}),
  };
}

/** Hover in the project file (`.proposal-reply.json`): a rule id under `rules`, or a `kind` value. */
export function projectFileHover(doc: TextDocument, offset: number, options: HoverOptions): Hover | null {
  const text = doc.getText();
  const loc = getLocation(text, offset);
  const path = loc.path;
  const tree = parseTree(text);
  const node = tree ? findNodeAtOffset(tree, offset) : undefined;
  if (!node) return null;
  const { locale } = options;
  const nodeRange = rangeOf(doc, { start: node.offset, end: node.offset + node.length });
  if (path[0] === 'rules' && typeof path[1] === 'string' && path.length === 2) {
    const rule = ruleById(path[1]);
    if (!rule) return null;
    const value = [
      `**\`${rule.id}\`** · ${localize(rule.title, locale)}`,
      '',
      localize(rule.description, locale),
      '',
      `${localize({ zh: '默认级别', en: 'Default' }, locale)}${colon(locale)}${localize(SEVERITY_LABEL[rule.defaultSeverity], locale)}${localize({ zh: `（${rule.defaultSeverity}）`, en: '' }, locale)}`,
      '',
      `${localize({ zh: '依据', en: 'Norm source' }, locale)}${colon(locale)}`,
      ...ruleSourceLines(rule, options),
    ].join('\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange };
  }
  if (path[0] === 'kind' && path.length === 1 && !loc.isAtPropertyKey && typeof node.value === 'string') {
    const k = node.value as keyof typeof KIND_NAME;
    if (!Object.hasOwn(KIND_NAME, k)) return null;
    return { contents: { kind: MarkupKind.Markdown, value: `**${k}**${colon(locale)}${localize(KIND_NAME[k], locale)}` }, range: nodeRange };
  }
  return null;
}
