/**
 * A thin walk over an XML part with saxes (a conforming streaming parser that expands no
 * external or DTD entities): elements by namespace and local name, attributes by local name.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { OfficeFileError } from './container';

export const NS: Readonly<Record<'w' | 'mc' | 'rel', readonly string[]>> = {
  /** WordprocessingML, transitional and strict. */
  w: ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'],
  mc: ['http://schemas.openxmlformats.org/markup-compatibility/2006'],
  rel: ['http://schemas.openxmlformats.org/package/2006/relationships'],
};

export interface XmlElement {
  readonly local: string;
  readonly uri: string;
  attr(local: string): string | undefined;
}

export interface XmlHandlers {
  open?(el: XmlElement): void;
  close?(el: XmlElement): void;
  text?(text: string): void;
}

function elementOf(tag: SaxesTagNS): XmlElement {
  return {
    local: tag.local,
    uri: tag.uri,
    attr(local) {
      for (const a of Object.values(tag.attributes)) if (a.local === local && a.prefix !== 'xmlns') return a.value;
      return undefined;
    },
  };
}

/** True when the element is `local` in one of the namespaces. */
export function is(el: XmlElement, ns: readonly string[], local: string): boolean {
  return el.local === local && ns.includes(el.uri);
}

/** Walks a part; malformed XML is reported as a damaged file. */
export function walkXml(data: Buffer | string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const el = elementOf(tag as SaxesTagNS);
    stack.push(el);
    // saxes emits closetag for a self-closing element too
    handlers.open?.(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) handlers.close?.(el);
  });
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', (t) => text(t));
    parser.on('cdata', (t) => text(t));
  }
  const xml = typeof data === 'string' ? data : data.toString('utf8');
  try {
    parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) {
    throw new OfficeFileError({
      zh: `文件中的“${part}”不是格式正确的 XML，文件可能已损坏（${failure.message}）。`,
      en: `“${part}” is not well-formed XML; the file may be damaged (${failure.message}).`,
    });
  }
}
