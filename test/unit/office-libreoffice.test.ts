/**
 * A real office suite reads what we write and writes what we read. LibreOffice (installed by
 * scripts/ensure-office.sh) converts the exported Word documents to PDF, and poppler measures the
 * pages against GB/T 9704-2012: A4, margins from the text positions, 22 lines of 28 characters,
 * the title centred, headings indented, signature and date placed by 7.3.5, page numbers
 * `— n —` alternating right and left 7 mm below the type area. Pages are kept as PNG artefacts in
 * .artifacts/office/. LibreOffice also gives its own text export of Word files we did not write
 * (converted by it from .odt and .txt) and of files we built: our extracted text must equal it,
 * list labels included.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractDocx } from '../../server/src/office/docx';
import { DEFAULT_EXPORT_OPTIONS, exportDocx } from '../../server/src/office/exportDocx';
import { CHARS_PER_LINE, LINES_PER_PAGE, MARGIN_MM, PAGE_MM, PAGE_NUMBER_GAP_MM, SIZE_PT, TYPE_AREA_MM, widthInChars } from '../../server/src/office/layout';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { planCleanup } from '../../server/src/features/cleanup';
import { applyEdits } from '../../server/src/features/edits';
import type { Reply } from '../../server/src/core/model';
import { parseReply } from '../../server/src/parse';
import { runRules } from '../../server/src/rules/engine';
import { EXAMPLES, readText, ROOT, SEEDS, seedPath } from '../support/fixtures';
import { docx, docxOf, libreOfficeText, type PdfLine, type PdfPage, pdfLayout, REPLY_NUMBERING, soffice, wordReply } from '../support/office';

const ARTIFACTS = path.join(ROOT, '.artifacts', 'office');
const PT_PER_MM = 72 / 25.4;
const LEFT = MARGIN_MM.left * PT_PER_MM;
const RIGHT = (MARGIN_MM.left + TYPE_AREA_MM.width) * PT_PER_MM;
const TOP = MARGIN_MM.top * PT_PER_MM;
const BOTTOM = (MARGIN_MM.top + TYPE_AREA_MM.height) * PT_PER_MM;
/** One character of 3号 text with the letter spacing that fits 28 in a line. */
const CHAR = (TYPE_AREA_MM.width * PT_PER_MM) / CHARS_PER_LINE;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Rendered {
  readonly pages: PdfPage[];
  readonly fonts: string;
}

/** Exports each reply, converts them all in one LibreOffice run, and reads the PDFs. */
function render(dir: string, docs: Record<string, Buffer>): Record<string, Rendered> {
  for (const [name, bytes] of Object.entries(docs)) fs.writeFileSync(path.join(dir, `${name}.docx`), bytes);
  soffice(['--convert-to', 'pdf', '--outdir', dir, ...Object.keys(docs).map((n) => `${n}.docx`)], dir);
  const out: Record<string, Rendered> = {};
  for (const name of Object.keys(docs)) {
    const pdf = path.join(dir, `${name}.pdf`);
    out[name] = { pages: pdfLayout(pdf), fonts: spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout };
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const r = spawnSync('pdftoppm', ['-r', '80', '-png', pdf, path.join(ARTIFACTS, name)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  return out;
}

/** Lines on one baseline joined (poppler splits a line where justification leaves wide gaps). */
function rows(lines: readonly PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (const l of [...lines].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.yMin - l.yMin) < 3) {
      out[out.length - 1] = { text: last.text + l.text, words: [...last.words, ...l.words], xMin: Math.min(last.xMin, l.xMin), xMax: Math.max(last.xMax, l.xMax), yMin: last.yMin, yMax: Math.max(last.yMax, l.yMax) };
    } else {
      out.push(l);
    }
  }
  return out;
}

/** The lines of the type area (page numbers excluded). */
const body = (p: PdfPage): PdfLine[] => rows(p.lines.filter((l) => l.yMax <= BOTTOM + 2));
const footer = (p: PdfPage): PdfLine[] => rows(p.lines.filter((l) => l.yMin > BOTTOM + 2));
/** The line that is `text`, else the first that holds it. */
const find = (pages: PdfPage[], text: string): PdfLine => {
  const lines = pages.flatMap(body);
  const found = lines.find((l) => l.text === text) ?? lines.find((l) => l.text.includes(text));
  if (!found) throw new Error(`no line with ${text}`);
  return found;
};

describe('office: LibreOffice reads the exported Word documents (GB/T 9704)', function () {
  this.timeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-lo-pdf-'));
  let rendered: Record<string, Rendered>;

  before(async () => {
    const example = parseReply(readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply')));
    rendered = render(dir, {
      'example-sealed': await exportDocx(example),
      'example-unsealed': await exportDocx(example, { ...DEFAULT_EXPORT_OPTIONS, sealed: false }),
      seed: await exportDocx(parseReply(readText(seedPath('000')))),
    });
  });

  it('prints A4 pages with the type area where the standard puts it', () => {
    for (const [name, { pages }] of Object.entries(rendered)) {
      for (const p of pages) {
        assert.ok(Math.abs(p.width - PAGE_MM.width * PT_PER_MM) < 1 && Math.abs(p.height - PAGE_MM.height * PT_PER_MM) < 1, `${name}: A4`);
        const lines = body(p);
        if (lines.length === 0) continue;
        // margins measured from the text: nothing left of the 订口 or above the 天头, nothing below the type area
        assert.ok(Math.min(...lines.map((l) => l.xMin)) >= LEFT - 1, `${name}: left margin`);
        assert.ok(lines[0]!.yMin >= TOP - 1 && lines[0]!.yMin <= TOP + 12, `${name}: first line at the top margin: ${lines[0]!.yMin}`);
        assert.ok(Math.max(...lines.map((l) => l.yMax)) <= BOTTOM + 1, `${name}: bottom of the type area`);
      }
    }
    const lefts = rendered.seed!.pages.flatMap((p) => body(p).map((l) => l.xMin));
    assert.ok(Math.abs(Math.min(...lefts) - LEFT) < 1, `the text starts at 28 mm: ${Math.min(...lefts) / PT_PER_MM} mm`);
    // full lines reach the right edge of the 156 mm type area (a full-width stop may hang past it)
    const rights = rendered.seed!.pages.flatMap((p) => body(p).map((l) => l.xMax)).filter((x) => x > RIGHT - CHAR);
    assert.ok(Math.abs(median(rights) - RIGHT) < 1.5, `full lines end at 184 mm: ${median(rights) / PT_PER_MM} mm`);
  });

  it('sets 22 lines to the page and 28 characters to the line', () => {
    const { pages } = rendered.seed!;
    assert.ok(pages.length >= 4, `the seed runs over ${pages.length} pages`);
    const counts = pages.map((p) => body(p).length);
    assert.ok(counts.every((c) => c <= LINES_PER_PAGE), `lines per page: ${counts.join(', ')}`);
    assert.equal(Math.max(...counts), LINES_PER_PAGE, `a full page holds 22 lines: ${counts.join(', ')}`);
    const pitches = pages.flatMap((p) => body(p).slice(1).map((l, i) => l.yMin - body(p)[i]!.yMin));
    assert.ok(Math.abs(median(pitches) - (TYPE_AREA_MM.height * PT_PER_MM) / LINES_PER_PAGE) < 0.3, `line pitch ${median(pitches)} pt`);
    // a full line that starts at the margin (no indent) holds 28 characters
    const full = pages.flatMap((p) => body(p)).filter((l) => Math.abs(l.xMin - LEFT) < 1 && l.xMax > RIGHT - CHAR / 2);
    const widths = full.map((l) => Math.round(widthInChars(l.text)));
    const common = [...new Set(widths)].sort((a, b) => widths.filter((w) => w === b).length - widths.filter((w) => w === a).length)[0];
    assert.equal(common, CHARS_PER_LINE, `characters per full line: ${widths.join(' ')}`);
  });

  it('numbers pages — n — at 4号 size, odd pages right and even pages left, 7 mm below the type area', () => {
    const { pages } = rendered.seed!;
    pages.forEach((p, i) => {
      const [line] = footer(p);
      assert.ok(line, `page ${i + 1} has a number`);
      assert.equal(line.text, `—${i + 1}—`);
      assert.ok(Math.abs(line.yMin - (BOTTOM + PAGE_NUMBER_GAP_MM * PT_PER_MM)) < 3, `page ${i + 1}: ${(line.yMin - BOTTOM) / PT_PER_MM} mm below the type area`);
      assert.ok(Math.abs(line.yMax - line.yMin - SIZE_PT.small * 1.3) < 2, 'set in 4号');
      if ((i + 1) % 2 === 1) assert.ok(Math.abs(line.xMax - (RIGHT - SIZE_PT.small)) < 3, `odd page ${i + 1} right, one character in: ${line.xMax}`);
      else assert.ok(Math.abs(line.xMin - (LEFT + SIZE_PT.small)) < 3, `even page ${i + 1} left, one character in: ${line.xMin}`);
    });
  });

  it('centres the title in 2号 type, indents body and headings two characters, sets the addressee flush left', () => {
    const { pages } = rendered['example-sealed']!;
    const title = find(pages, '厦门市教育局关于市政协十四届四次会议');
    assert.ok(Math.abs((title.xMin + title.xMax) / 2 - (LEFT + RIGHT) / 2) < 3, 'title centred');
    assert.ok(Math.abs(title.yMax - title.yMin - SIZE_PT.title * 1.3) < 2, `title in 2号: ${title.yMax - title.yMin}`);
    assert.ok(Math.abs(find(pages, '陈明远委员').xMin - LEFT) < 1, 'addressee flush left');
    for (const text of ['一、健全课后服务保障机制', '（一）完善经费保障', '近年来，我局高度重视']) {
      assert.ok(Math.abs(find(pages, text.slice(0, 4)).xMin - (LEFT + 2 * CHAR)) < 2.5, `${text}: two characters in`);
    }
  });

  it('places organ and date by 7.3.5, sealed and unsealed', () => {
    const sealed = rendered['example-sealed']!.pages;
    const organ = find(sealed, '厦门市教育局');
    const date = find(sealed, '2025年5月20日');
    assert.ok(Math.abs((organ.xMin + organ.xMax) / 2 - (date.xMin + date.xMax) / 2) < 1.5, 'sealed: the organ centred over the date');
    // the date's centre sits where a date set in 仿宋 four characters from the right has it; LibreOffice
    // adds 1/5 em between Chinese and digits (it does not read w:autoSpaceDN, which Word does), so
    // its date is a little wider and reaches a little further right than 4 characters
    const centre = RIGHT - (4 + widthInChars('2025年5月20日') / 2) * CHAR;
    assert.ok(Math.abs((date.xMin + date.xMax) / 2 - centre) < 1.5, `sealed: the date centred four characters plus half its width from the right: ${(RIGHT - (date.xMin + date.xMax) / 2) / CHAR}`);
    assert.ok(Math.abs((RIGHT - date.xMax) / CHAR - 4) < 0.75, `sealed: the date about four characters from the right: ${(RIGHT - date.xMax) / CHAR}`);
    assert.ok(Math.abs(date.yMin - organ.yMin - (TYPE_AREA_MM.height * PT_PER_MM) / LINES_PER_PAGE) < 0.5, 'the date on the next line');
    const unsealed = rendered['example-unsealed']!.pages;
    const o2 = find(unsealed, '厦门市教育局');
    const d2 = find(unsealed, '2025年5月20日');
    assert.ok(Math.abs(d2.xMin - o2.xMin - 2 * CHAR) < 1, `unsealed: the date starts two characters right of the organ: ${(d2.xMin - o2.xMin) / CHAR}`);
    assert.ok(Math.abs((RIGHT - d2.xMax) / CHAR - 2) < 1.25, `unsealed: the longer date about two characters from the right (less LibreOffice's spacing before digits): ${(RIGHT - d2.xMax) / CHAR}`);
    const contact = find(sealed, '联系人');
    assert.ok(contact.yMin > date.yMin && Math.abs(contact.xMin - (LEFT + 2 * CHAR)) < 2.5, '附注 two characters in, below the date');
  });

  it('reads the text pdftotext copies from the printed reply as the reply, and reports only what the copy added', () => {
    const r = spawnSync('pdftotext', [path.join(dir, 'example-sealed.pdf'), '-'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const copied = parseReply(r.stdout);
    const original = parseReply(readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply')));
    const textOf = (reply: typeof copied, element: 'docNumber' | 'title' | 'addressee' | 'receipt' | 'closing' | 'signature' | 'date'): string | undefined => {
      const span = reply[element];
      return span && reply.text.slice(span.start, span.end).replace(/\s+/g, '');
    };
    for (const element of ['docNumber', 'title', 'addressee', 'receipt', 'closing', 'signature', 'date'] as const) assert.equal(textOf(copied, element), textOf(original, element), element);
    assert.equal(copied.headings.length, original.headings.length);
    // the copy's page numbers, form feeds and broken lines, and the blanks it put around digits, as
    // no more than information
    const findings = (reply: typeof copied): string[] => runRules(reply, DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 } }).map((f) => `${f.ruleId}/${f.severity}`);
    assert.deepEqual([...new Set(findings(copied))].sort(), ['date-format/information', 'doc-number-format/information', 'paragraph-line-break/information', 'pasted-junk/warning']);
    // and the clean-up takes out all that the copy added: the text is the reply's again, but for the
    // blank lines and the indents the copy lost
    const cleaned = applyEdits(copied.text, planCleanup(copied, DEFAULT_CONFIG, { year: 2026, month: 1, day: 1 }).edits);
    assert.deepEqual(findings(parseReply(cleaned)), []);
    const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    assert.deepEqual(lines(cleaned), lines(original.text));
  });

  it('uses a distinct family for 仿宋, 黑体 and 楷体 text, as configured', () => {
    const fonts = rendered['example-sealed']!.fonts;
    for (const family of ['BousungEG', 'NotoSansCJK', 'GBZenKai']) assert.match(fonts, new RegExp(family), `${family} in\n${fonts}`);
  });
});

describe('office: a reply printed to PDF and copied back with pdftotext reads as the reply', function () {
  this.timeout(300_000);
  const ELEMENTS = ['docNumber', 'title', 'addressee', 'receipt', 'closing', 'signature', 'date'] as const;
  const TODAY = { year: 2026, month: 1, day: 1 };
  /** Each element's text (folded, blanks out: the export writes an addressee's colon full width). */
  const elementsOf = (reply: Reply): Array<string | undefined> => ELEMENTS.map((e) => reply[e] && reply.folded.slice(reply[e].start, reply[e].end).replace(/\s+/g, ''));
  /** The errors and warnings, but for the pasted junk that a copy brings. */
  const findingsOf = (reply: Reply): string[] => runRules(reply, DEFAULT_CONFIG, { today: TODAY }).filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.ruleId !== 'pasted-junk').map((f) => f.ruleId);
  /**
   * What the copy reads that the reply does not: an element the reply has and the copy lacks or
   * places elsewhere (the two texts, one a part of the other: a paragraph that a line's end cut at
   * a sentence's end stays cut, and a copy loses the blank lines that parted an organ line from the
   * title), and a finding the reply does not have.
   */
  const losses = (reply: Reply, copy: Reply): string[] => {
    const [a, b] = [elementsOf(reply), elementsOf(copy)];
    const lost = ELEMENTS.filter((_, k) => a[k] !== undefined && !(b[k] !== undefined && (a[k]!.includes(b[k]!.slice(0, 8)) || b[k]!.includes(a[k]!.slice(0, 8)))));
    const extra = findingsOf(copy);
    for (const f of findingsOf(reply)) if (extra.includes(f)) extra.splice(extra.indexOf(f), 1);
    return [...lost.map((e) => `lost ${e}`), ...extra.map((f) => `new ${f}`)];
  };

  it('for every seed and real reply, cleaned up as a clerk would before printing it; the copy before the clean-up and after it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-lo-copy-'));
    const corpus = path.resolve(SEEDS, '..', 'real');
    const files = [SEEDS, corpus].flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => path.join(d, f)));
    assert.ok(files.length > 70, `the corpus is there: ${files.length}`);
    const names = files.map((_, i) => `r${i}`);
    const cleanUp = (reply: Reply): Reply => parseReply(applyEdits(reply.text, planCleanup(reply, DEFAULT_CONFIG, TODAY).edits));
    const printed = files.map((file) => cleanUp(parseReply(readText(file))));
    for (const [i, reply] of printed.entries()) fs.writeFileSync(path.join(dir, `${names[i]}.docx`), await exportDocx(reply));
    soffice(['--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => `${n}.docx`)], dir);
    let pageBreaks = 0;
    const problems: string[] = [];
    for (const [i, file] of files.entries()) {
      const r = spawnSync('pdftotext', [path.join(dir, `${names[i]}.pdf`), '-'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const copy = parseReply(r.stdout);
      pageBreaks += copy.wraps.filter((w) => r.stdout.slice(w.start, w.end).includes('\f')).length;
      for (const loss of losses(printed[i]!, copy)) problems.push(`${path.basename(file)}: ${loss}`);
      for (const loss of losses(printed[i]!, cleanUp(copy))) problems.push(`${path.basename(file)} cleaned up: ${loss}`);
    }
    assert.deepEqual(problems, []);
    // paragraphs ran on over a page's end (its number, the blank lines and the form feed)
    assert.ok(pageBreaks > 10, `paragraphs over a page break: ${pageBreaks}`);
  });
});

describe('office: our text of a Word file equals LibreOffice’s text export', function () {
  this.timeout(180_000);

  it('for documents with automatic numbering, tables and soft breaks, built with the generator and converted by LibreOffice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-lo-txt-'));
    const { Paragraph, TextRun, Table, TableRow, TableCell, LevelFormat, AlignmentType } = docx;
    const numbered = (reference: string, level: number, text: string): InstanceType<typeof Paragraph> => new Paragraph({ numbering: { reference, level }, children: [new TextRun(text)] });
    const formats = {
      reference: 'formats',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: '第%1条', start: 18, alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%2', alignment: AlignmentType.LEFT },
        { level: 2, format: LevelFormat.UPPER_LETTER, text: '%1.%2.%3', alignment: AlignmentType.LEFT },
      ],
    };
    fs.writeFileSync(path.join(dir, 'word-reply.docx'), await wordReply());
    fs.writeFileSync(path.join(dir, 'formats.docx'), await docxOf([
      ...['一', '二', '三', '四', '五'].map((n) => numbered('formats', 0, `条目${n}`)),
      numbered('formats', 1, '圈一'), numbered('formats', 1, '圈二'), numbered('formats', 2, '字母'),
      new Paragraph({ children: [new TextRun('分页前'), new docx.PageBreak(), new TextRun('分页后')] }),
      new Table({ rows: [new TableRow({ children: [new TableCell({ children: [numbered('reply', 0, '表中编号'), new Paragraph('第二段')] }), new TableCell({ children: [new Paragraph('')] })] })] }),
      ...Array.from({ length: 12 }, (_, i) => numbered('reply', 0, `第${i + 2}项`)),
    ], [REPLY_NUMBERING, formats]));
    // files LibreOffice writes: from a flat ODF text with Chinese list numbering, and from plain text
    fs.writeFileSync(path.join(dir, 'from-odt.fodt'), FODT);
    fs.writeFileSync(path.join(dir, 'from-txt.txt'), readText(path.join(EXAMPLES, 'clean', 'suggestion-reply.reply')));
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, 'from-odt.fodt', 'from-txt.txt'], dir);
    const files = ['word-reply.docx', 'formats.docx', 'from-odt.docx', 'from-txt.docx'];
    const theirs = libreOfficeText(files, path.join(dir));
    for (const f of files) {
      const ours = await extractDocx(fs.readFileSync(path.join(dir, f)), f);
      assert.ok(ours.ok, f);
      assert.equal(ours.text, theirs.get(f), f);
    }
    assert.match(theirs.get('from-odt.docx')!, / {8}（二） 落实责任\n/, 'LibreOffice’s own numbering survives its .docx');
    assert.match(theirs.get('formats.docx')!, / {4}十三、 第13项\n/);
  });
});

/** A flat ODF text document with a list styled 一、（一）1.（1）, a soft break and a table. */
const FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <text:list-style style:name="L1">
   <text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
   <text:list-level-style-number text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/>
   <text:list-level-style-number text:level="3" style:num-format="1" style:num-suffix="."/>
   <text:list-level-style-number text:level="4" style:num-format="1" style:num-prefix="（" style:num-suffix="）"/>
  </text:list-style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p>某局关于某提案的答复</text:p>
  <text:p>张三委员：</text:p>
  <text:p>您提出的建议收悉。<text:line-break/>现答复如下：</text:p>
  <text:list text:style-name="L1">
   <text:list-item><text:p>加强管理</text:p>
    <text:list><text:list-item><text:p>完善制度</text:p>
      <text:list><text:list-item><text:p>第三级</text:p>
        <text:list><text:list-item><text:p>第四级</text:p></text:list-item><text:list-item><text:p>第四级又一</text:p></text:list-item></text:list>
      </text:list-item></text:list>
    </text:list-item><text:list-item><text:p>落实责任</text:p></text:list-item></text:list>
   </text:list-item>
   <text:list-item><text:p>强化保障</text:p></text:list-item>
  </text:list>
  <table:table><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>联系人</text:p></table:table-cell><table:table-cell><text:p>李四</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:p>某局<text:tab/>盖章</text:p>
  <text:p>2025年5月20日</text:p>
 </office:text></office:body>
</office:document>
`;
