/**
 * The text a reader sees in a Word document (.docx, as Word and WPS write it), laid out as
 * LibreOffice's own text export lays it out, so that the checker reads what the printed page
 * shows and the result can be compared with a real office suite:
 *   - one line per paragraph, in document order; table cells row by row, each paragraph of a
 *     cell on its own line; a soft line break (Shift+Enter) starts a new line; tabs stay tabs;
 *   - a paragraph numbered by the list feature starts with four spaces per list level, then its
 *     label (`一、`, `（二）`, `3.` rendered from numbering.xml) and a space;
 *   - deleted revisions, field codes, hidden text, text boxes and headers and footers are left
 *     out; a field's shown result is kept.
 * Only the document, its numbering and its styles are read; nothing a relationship points to
 * (linked images, templates, external data) is fetched, and macros are never opened.
 */
import type { Localized } from '../core/vocabulary';
import { containerOf, describeBytes, OfficeFileError, partOf, readZipParts, type ZipPackage } from './container';
import { ListCounter, readNumbering, readStyleNumbering } from './listLabels';
import { is, NS, walkXml, type XmlElement } from './xml';

export type DocxResult =
  | { readonly ok: true; readonly text: string; readonly paragraphs: number }
  | { readonly ok: false; readonly problem: Localized };

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Why a file that is not a .docx cannot be checked, from its name and first bytes; undefined when it may be one. */
export function notDocx(name: string, bytes: Uint8Array): Localized | undefined {
  const container = containerOf(bytes);
  if (container === 'encrypted-ooxml') return { zh: 'Word 文档已加密，请在 Word 或 WPS 中取消密码、另存后再检查。', en: 'the Word document is encrypted; remove the password in Word or WPS, save it and check again.' };
  if (container === 'ole' || (container !== 'zip' && /\.(doc|wps|dot|wpt)$/i.test(name))) {
    return { zh: '这是旧版二进制 Word/WPS 文档（.doc/.wps），无法直接检查；请在 Word 或 WPS 中另存为 .docx 后再检查。', en: 'this is an old binary Word/WPS document (.doc/.wps); save it as .docx in Word or WPS and check that.' };
  }
  if (container !== 'zip') {
    const what = describeBytes(bytes);
    return what
      ? { zh: `文件扩展名是 .docx，内容却是${what.zh}，不是 Word 文档。`, en: `the file is named .docx but holds ${what.en}, not a Word document.` }
      : { zh: '文件不是 Word 文档（.docx）：无法作为 Office 文档读取。', en: 'not a Word document (.docx): it cannot be read as an Office file.' };
  }
  return undefined;
}

/** Extracts the text of a .docx; never throws. */
export async function extractDocx(bytes: Buffer, name = 'document.docx'): Promise<DocxResult> {
  const refused = notDocx(name, bytes);
  if (refused) return { ok: false, problem: refused };
  try {
    const pkg = await readZipParts(bytes, (n) => /\.(xml|rels)$/i.test(n) && !/^(customXml|docProps)\//i.test(n) && !/\/(media|embeddings)\//i.test(n));
    return { ok: true, ...extractFromPackage(pkg) };
  } catch (e) {
    if (e instanceof OfficeFileError) return { ok: false, problem: e.problem };
    return { ok: false, problem: { zh: `无法读取 Word 文档：${(e as Error).message}`, en: `cannot read the Word document: ${(e as Error).message}` } };
  }
}

/** Internal targets of a relationships part by type suffix; external targets are never followed. */
function relationships(pkg: ZipPackage, relsPart: string, baseDir: string): Array<{ type: string; target: string }> {
  const data = partOf(pkg, relsPart);
  if (!data) return [];
  const out: Array<{ type: string; target: string }> = [];
  walkXml(data, relsPart, {
    open(el) {
      if (!is(el, NS.rel, 'Relationship') || el.attr('TargetMode') === 'External') return;
      const target = el.attr('Target') ?? '';
      out.push({ type: el.attr('Type') ?? '', target: resolvePart(baseDir, target) });
    },
  });
  return out;
}

function resolvePart(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function extractFromPackage(pkg: ZipPackage): { text: string; paragraphs: number } {
  const main = relationships(pkg, '_rels/.rels', '').find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? 'word/document.xml';
  const document = partOf(pkg, main);
  if (!document) {
    const isWorkbook = pkg.names.some((n) => /^xl\/workbook\.xml$/i.test(n));
    throw new OfficeFileError(isWorkbook
      ? { zh: '这是 Excel 工作簿，不是 Word 文档；答复请另存为 .docx。', en: 'this is an Excel workbook, not a Word document.' }
      : { zh: '文件中没有 Word 正文（word/document.xml），不是 Word 文档或已损坏。', en: 'the file has no Word body (word/document.xml); not a Word document, or damaged.' });
  }
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = relationships(pkg, `${dir}_rels/${main.slice(dir.length)}.rels`, dir);
  const numberingPart = rels.find((r) => r.type.endsWith('/numbering'))?.target;
  const stylesPart = rels.find((r) => r.type.endsWith('/styles'))?.target;
  const counter = new ListCounter(
    readNumbering(numberingPart ? partOf(pkg, numberingPart) : undefined),
    readStyleNumbering(stylesPart ? partOf(pkg, stylesPart) : undefined),
  );
  return documentText(document, main, counter);
}

/** Elements whose content the reader does not see as body text. */
const SKIPPED = new Set(['del', 'moveFrom', 'txbxContent', 'pPrChange', 'rPrChange', 'instrText', 'delInstrText', 'footnoteReference', 'endnoteReference']);

function documentText(xml: Buffer, part: string, counter: ListCounter): { text: string; paragraphs: number } {
  const lines: string[] = [];
  let skip = 0;
  let fallback = 0;
  let para: { text: string; numId: string | undefined; ilvl: number | undefined; style: string | undefined; pPrDepth: number } | undefined;
  let depth = 0;
  let inPPr = false;
  let inRun = false;
  let runHidden = false;
  let inRPr = false;
  let inText = false;
  /** Open fields: true while in the field code (before `separate`). */
  const fields: boolean[] = [];
  const inCode = (): boolean => fields.length > 0 && fields[fields.length - 1]!;
  const visible = (): boolean => skip === 0 && fallback === 0 && !!para && !runHidden && !inCode();
  const w = (el: XmlElement): boolean => NS.w.includes(el.uri);
  walkXml(xml, part, {
    open(el) {
      depth++;
      if (is(el, NS.mc, 'Fallback')) { fallback++; return; }
      if (!w(el)) return;
      if (SKIPPED.has(el.local)) { skip++; return; }
      if (skip > 0 || fallback > 0) return;
      switch (el.local) {
        case 'p': para = { text: '', numId: undefined, ilvl: undefined, style: undefined, pPrDepth: depth + 1 }; break;
        case 'pPr': if (para && depth === para.pPrDepth) inPPr = true; break;
        case 'pStyle': if (inPPr && para) para.style = el.attr('val'); break;
        case 'numId': if (inPPr && para) para.numId = el.attr('val') ?? '0'; break;
        case 'ilvl': if (inPPr && para) { const v = Number(el.attr('val')); if (Number.isInteger(v)) para.ilvl = v; } break;
        case 'r': inRun = true; runHidden = false; break;
        case 'rPr': if (inRun) inRPr = true; break;
        case 'vanish': if (inRun && inRPr && el.attr('val') !== '0' && el.attr('val') !== 'false') runHidden = true; break;
        case 'fldChar': {
          const type = el.attr('fldCharType');
          if (type === 'begin') fields.push(true);
          else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = false;
          else if (type === 'end') fields.pop();
          break;
        }
        case 't': inText = true; break;
        case 'tab': case 'ptab': if (inRun && visible()) para!.text += '\t'; break;
        case 'br': {
          // a page or column break splits LibreOffice's paragraph, unless the paragraph is still empty
          const type = el.attr('type') ?? 'textWrapping';
          if (visible() && (type === 'textWrapping' || para!.text !== '')) para!.text += '\n';
          break;
        }
        case 'cr': if (visible()) para!.text += '\n'; break;
        case 'noBreakHyphen': if (visible()) para!.text += '\u2011'; break;
      }
    },
    close(el) {
      depth--;
      if (is(el, NS.mc, 'Fallback')) { fallback--; return; }
      if (!w(el)) return;
      if (SKIPPED.has(el.local)) { skip--; return; }
      if (skip > 0 || fallback > 0) return;
      switch (el.local) {
        case 't': inText = false; break;
        case 'rPr': inRPr = false; break;
        case 'r': inRun = false; runHidden = false; break;
        case 'pPr': inPPr = false; break;
        case 'p': {
          if (!para) break;
          const list = counter.resolve(para, para.style);
          const label = list ? counter.next(list.numId, list.ilvl) : undefined;
          lines.push(label ? `${'    '.repeat(list!.ilvl + 1)}${label.label} ${para.text}` : para.text);
          para = undefined;
          break;
        }
      }
    },
    text(t) {
      if (inText && visible()) para!.text += t;
    },
  });
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', paragraphs: lines.length };
}
