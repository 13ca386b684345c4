/**
 * Document symbols for the Outline view and breadcrumbs: the header (document number, title,
 * category) as one group, then addressee, receipt line, opening, measures nested by level, next
 * steps, closing, signature, date and the other footer lines, in document order.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, type SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import { ELEMENT_LABEL } from '../core/labels';
import type { ElementKind, Reply } from '../core/model';
import { type Locale, type Localized, localize } from '../core/vocabulary';
import { buildOutline, type OutlineNode } from './outline';

export const HEADER_LABEL: Localized = { zh: '文头', en: 'header' };

const LEVEL_LABEL: Record<number, Localized> = {
  1: { zh: '一级标题', en: 'level-1 heading' },
  2: { zh: '二级标题', en: 'level-2 heading' },
  3: { zh: '三级标题', en: 'level-3 heading' },
  4: { zh: '四级标题', en: 'level-4 heading' },
};

const HEADER_KINDS: ReadonlySet<ElementKind> = new Set(['docNumber', 'title', 'category']);

function symbolKind(n: OutlineNode): SymbolKind {
  switch (n.kind) {
    case 'docNumber': return SymbolKind.Key;
    case 'title': return SymbolKind.String;
    case 'category': return SymbolKind.EnumMember;
    case 'addressee': return SymbolKind.Interface;
    case 'receipt': return SymbolKind.String;
    case 'opening': return SymbolKind.Object;
    case 'measure': return n.level === 1 ? SymbolKind.Module : n.level === 2 ? SymbolKind.Class : n.level === 3 ? SymbolKind.Method : SymbolKind.Field;
    case 'nextSteps': return SymbolKind.Function;
    case 'closing': return SymbolKind.Constant;
    case 'signature': return SymbolKind.Property;
    case 'date': return SymbolKind.Number;
    case 'contact': return SymbolKind.Field;
    case 'annotation': return SymbolKind.String;
    case 'copyTo': return SymbolKind.Array;
  }
}

function toSymbol(n: OutlineNode, locale: Locale): DocumentSymbol {
  const label = localize(ELEMENT_LABEL[n.kind], locale);
  const isHeading = n.level !== undefined && (n.kind === 'measure' || n.kind === 'nextSteps');
  // text that opens with its own label (下一步，… 答复类别：A 抄送：… （联系人：…）) names itself too
  const namesItself = isHeading || n.name.replace(/^[（(【[]/, '').startsWith(ELEMENT_LABEL[n.kind].zh);
  const sep = localize({ zh: '：', en: ': ' }, locale);
  return {
    // a heading names itself (一、…); other elements say what they are first, then what they say
    name: namesItself ? n.name : `${label}${sep}${n.name}`,
    ...(namesItself ? { detail: isHeading && n.kind === 'measure' ? localize(LEVEL_LABEL[n.level!]!, locale) : label } : {}),
    kind: symbolKind(n),
    range: n.range,
    selectionRange: n.selectionRange,
    children: n.children.map((c) => toSymbol(c, locale)),
  };
}

/** The hierarchical document symbols of a reply. */
export function documentSymbols(reply: Reply, doc: TextDocument, locale: Locale): DocumentSymbol[] {
  const nodes = buildOutline(reply, doc);
  const header = nodes.filter((n) => HEADER_KINDS.has(n.kind));
  const out: DocumentSymbol[] = [];
  let headerDone = false;
  for (const n of nodes) {
    if (!HEADER_KINDS.has(n.kind)) {
      out.push(toSymbol(n, locale));
      continue;
    }
    if (headerDone) continue;
    headerDone = true;
    const first = header[0]!;
    const last = header[header.length - 1]!;
    const title = header.find((h) => h.kind === 'title') ?? first;
    out.push({
      name: localize(HEADER_LABEL, locale),
      detail: title.name,
      kind: SymbolKind.Namespace,
      range: { start: first.range.start, end: last.range.end },
      selectionRange: title.selectionRange,
      children: header.map((h) => toSymbol(h, locale)),
    });
  }
  return out;
}

/** The same symbols flattened, for clients without hierarchical symbol support. */
export function flatSymbols(symbols: readonly DocumentSymbol[], uri: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const walk = (list: readonly DocumentSymbol[], container?: string): void => {
    for (const s of list) {
      out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) });
      walk(s.children ?? [], s.name);
    }
  };
  walk(symbols);
  return out;
}
