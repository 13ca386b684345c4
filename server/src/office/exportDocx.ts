/**
 * Writes a reply as a Word document laid out by GB/T 9704-2012, with the `docx` package. The
 * document is built from the parsed reply, the model the checker uses: a paragraph is styled as
 * a level-2 heading because the parser found a level-2 heading there. Font names are written as
 * configured; Word and WPS substitute fonts the computer lacks (see the README's font notes).
 */
import type * as Docx from 'docx';
import type { EffectiveConfig } from '../config/schema';
import type { Reply } from '../core/model';
import type { Localized } from '../core/vocabulary';
import {
  chars, type LaidParagraph, layoutReply, LETTER_SPACING_TWENTIETHS, LINE_PITCH_TWIPS, MARGIN_MM, mmToTwips, PAGE_MM, PAGE_NUMBER_GAP_MM,
  signaturePlacement, SIZE_PT,
} from './layout';

export interface ExportFonts {
  /** 标题: 2号小标宋. */
  readonly title: string;
  /** 正文 and levels 3–4: 3号仿宋. */
  readonly body: string;
  /** Level-1 headings (and the category line): 黑体. */
  readonly heading1: string;
  /** Level-2 headings: 楷体. */
  readonly heading2: string;
  /** Page numbers: 4号半角宋体. */
  readonly pageNumber: string;
}

export interface ExportOptions {
  /** 7.3.5.1 a sealed document (default) or 7.3.5.2 an unsealed one. */
  readonly sealed: boolean;
  readonly fonts: ExportFonts;
  /** Bold title, for offices that set the title in 宋体 bold for want of 小标宋. */
  readonly boldTitle: boolean;
}

export const DEFAULT_FONTS: ExportFonts = { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' };
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { sealed: true, fonts: DEFAULT_FONTS, boldTitle: false };

/** The export options a configuration asks for (`export` in the project file), unsealed when asked. */
export function exportOptionsFor(config: EffectiveConfig, unsealed = false): ExportOptions {
  const e = config.export ?? {};
  return {
    sealed: unsealed ? false : e.sealed ?? DEFAULT_EXPORT_OPTIONS.sealed,
    boldTitle: e.boldTitle ?? DEFAULT_EXPORT_OPTIONS.boldTitle,
    fonts: { ...DEFAULT_EXPORT_OPTIONS.fonts, ...e.fonts },
  };
}

/** What the user is told after an export: where, which layout, and the elements laid out as body text for want of them. */
export function exportSummary(reply: Reply, options: ExportOptions, where: string): Localized {
  const missing = (['title', 'signature', 'date'] as const).filter((k) => reply[k] === undefined);
  const names = { title: ['标题', 'title'], signature: ['署名', 'signature'], date: ['成文日期', 'date'] } as const;
  return {
    zh: `已写入 ${where}（GB/T 9704 版式，${options.sealed ? '加盖印章' : '不加盖印章'}；措施标题 ${reply.headings.length} 个）。${missing.length > 0 ? `未找到${missing.map((k) => names[k][0]).join('、')}。` : ''}`,
    en: `wrote ${where} (GB/T 9704 layout, ${options.sealed ? 'sealed' : 'unsealed'}; ${reply.headings.length} measure heading(s)).${missing.length > 0 ? ` No ${missing.map((k) => names[k][1]).join(', ')} found.` : ''}`,
  };
}

const half = (pt: number): number => pt * 2;

/** Builds the .docx bytes of a reply. */
export async function exportDocx(reply: Reply, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Promise<Buffer> {
  const d = require('docx') as typeof Docx;
  const { fonts } = options;
  const font = (name: string): Docx.IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
  const exact = { line: LINE_PITCH_TWIPS, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 };
  const blank = (): Docx.Paragraph => new d.Paragraph({ spacing: exact, children: [] });
  const run = (text: string, f: string, extra: Partial<Docx.IRunOptions> = {}): Docx.TextRun => new d.TextRun({ text, font: font(f), size: half(SIZE_PT.body), characterSpacing: LETTER_SPACING_TWENTIETHS, ...extra });

  const laid = layoutReply(reply);
  const dateText = laid.find((p) => p.role === 'date')?.text ?? '';
  const organText = laid.find((p) => p.role === 'signature')?.text ?? '';
  const children: Docx.Paragraph[] = [];
  let previous: LaidParagraph | undefined;
  for (const p of laid) {
    const role = p.role;
    // the blank lines of the standard: around the title, and before the signature (room for the seal)
    if (role === 'title' && previous && previous.role !== 'title') children.push(blank());
    if (previous?.role === 'title' && role !== 'title') children.push(blank());
    if (role === 'signature' && previous?.role !== 'signature') {
      children.push(blank());
      if (options.sealed) children.push(blank());
    }
    if (role === 'date' && previous?.role !== 'signature' && previous?.role !== 'date') children.push(blank());
    if (role === 'copyTo' && previous?.role !== 'copyTo') children.push(blank());
    children.push(paragraphOf(d, p, { options, organText, dateText, exact, run }));
    previous = p;
  }
  if (children.length === 0) children.push(blank());

  const pageNumber = (odd: boolean): Docx.Footer => new d.Footer({
    children: [new d.Paragraph({
      alignment: odd ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
      // 7.5 odd pages right, even pages left, one character in from the edge of the type area
      indent: odd ? { right: SIZE_PT.small * 20 } : { left: SIZE_PT.small * 20 },
      spacing: { line: SIZE_PT.small * 20, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
      children: [new d.TextRun({ font: font(fonts.pageNumber), size: half(SIZE_PT.small), children: ['— ', d.PageNumber.CURRENT, ' —'] })],
    })],
  });

  const doc = new d.Document({
    creator: 'proposal-reply',
    title: reply.title?.text ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(fonts.body), size: half(SIZE_PT.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exact },
        },
      },
      // the Normal style carries the 16 pt size too: LibreOffice takes the grid's base character size from it
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: font(fonts.body), size: half(SIZE_PT.body) }, paragraph: { spacing: exact } }],
    },
    sections: [{
      properties: {
        page: {
          size: { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height), orientation: d.PageOrientation.PORTRAIT },
          margin: {
            top: mmToTwips(MARGIN_MM.top), bottom: mmToTwips(MARGIN_MM.bottom), left: mmToTwips(MARGIN_MM.left), right: mmToTwips(MARGIN_MM.right),
            header: mmToTwips(15),
            // the footer's line starts 7 mm below the type area
            footer: mmToTwips(MARGIN_MM.bottom - PAGE_NUMBER_GAP_MM) - SIZE_PT.small * 20, gutter: 0,
          },
        },
        grid: { type: d.DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
      },
      footers: { default: pageNumber(true), even: pageNumber(false) },
      children,
    }],
  });
  return d.Packer.toBuffer(doc);
}

interface Ctx {
  readonly options: ExportOptions;
  /** The reply's (first) signing organ and its date, which are placed against each other. */
  readonly organText: string;
  readonly dateText: string;
  readonly exact: Docx.ISpacingProperties;
  readonly run: (text: string, font: string, extra?: Partial<Docx.IRunOptions>) => Docx.TextRun;
}

function paragraphOf(d: typeof Docx, p: LaidParagraph, ctx: Ctx): Docx.Paragraph {
  const { fonts } = ctx.options;
  const { exact, run } = ctx;
  const indentFirst = { firstLine: chars(2) };
  // no automatic space between Chinese and digits (2025年, 第20250136号): the text sits as typed, as in 公文
  const para = (o: Docx.IParagraphOptions): Docx.Paragraph => new d.Paragraph({ spacing: exact, autoSpaceEastAsianText: false, ...o });
  switch (p.role) {
    case 'title':
      return para({
        alignment: d.AlignmentType.CENTER,
        children: [run(p.text, fonts.title, { size: half(SIZE_PT.title), bold: ctx.options.boldTitle })],
      });
    case 'docNumber':
      return para({ alignment: d.AlignmentType.CENTER, children: [run(p.text, fonts.body)] });
    case 'category':
      return para({ alignment: d.AlignmentType.LEFT, children: [run(p.text, fonts.heading1)] });
    case 'addressee':
      return para({ alignment: d.AlignmentType.LEFT, children: [run(p.text, fonts.body)] });
    case 'heading': {
      const level = p.level ?? 1;
      const headingFont = level === 1 ? fonts.heading1 : level === 2 ? fonts.heading2 : fonts.body;
      const cut = p.headingLength ?? p.text.length;
      const runs = [run(p.text.slice(0, cut), headingFont)];
      if (cut < p.text.length) runs.push(run(p.text.slice(cut), fonts.body));
      return para({ alignment: d.AlignmentType.JUSTIFIED, indent: indentFirst, children: runs });
    }
    case 'signature':
    case 'date': {
      const both = signaturePlacement(ctx.organText, ctx.dateText, ctx.options.sealed);
      const place = p.role === 'signature' ? both.organ : both.date;
      const align = place.align === 'center' ? d.AlignmentType.CENTER : place.align === 'left' ? d.AlignmentType.LEFT : d.AlignmentType.RIGHT;
      return para({ alignment: align, indent: { left: chars(place.left), right: chars(place.right) }, children: [run(p.text, fonts.body)] });
    }
    case 'contact':
    case 'annotation':
      // 7.3.6 附注: two characters from the left, on the lines after the date
      return para({ alignment: d.AlignmentType.LEFT, indent: { left: chars(2) }, children: [run(p.text, fonts.body)] });
    case 'copyTo': {
      // 7.4.2 抄送: 4号, one character in on both sides, wrapped lines aligned after the colon, between rules
      const colon = Math.max(0, p.text.search(/[:：]/) + 1);
      const em = SIZE_PT.small * 20;
      const rule = { style: d.BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
      return para({
        alignment: d.AlignmentType.LEFT,
        indent: { left: em + colon * em, hanging: colon * em, right: em },
        border: { top: rule, bottom: rule },
        children: [run(p.text, fonts.body, { size: half(SIZE_PT.small) })],
      });
    }
    default:
      return para({ alignment: d.AlignmentType.JUSTIFIED, indent: indentFirst, children: [run(p.text, fonts.body)] });
  }
}
