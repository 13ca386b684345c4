/**
 * Office files for the tests: Word documents built with the `docx` generator (automatic numbering,
 * tables, soft breaks), hand-made zip packages for the hostile cases (a zip bomb whose XML
 * inflates to gigabytes, external relationships, macros), and LibreOffice run headless.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as d from 'docx';

const level = (lvl: number, format: (typeof d.LevelFormat)[keyof typeof d.LevelFormat], text: string, extra: Partial<d.ILevelsOptions> = {}): d.ILevelsOptions => ({
  level: lvl, format, text, alignment: d.AlignmentType.LEFT, ...extra,
});

/** The numbering of a Chinese reply as Word's and WPS's list feature writes it: 一、（一）1.（1）. */
export const REPLY_NUMBERING: d.INumberingOptions['config'][number] = {
  reference: 'reply',
  levels: [
    level(0, d.LevelFormat.CHINESE_COUNTING, '%1、', { suffix: d.LevelSuffix.NOTHING }),
    level(1, d.LevelFormat.CHINESE_COUNTING, '（%2）', { suffix: d.LevelSuffix.NOTHING }),
    level(2, d.LevelFormat.DECIMAL, '%3.', { suffix: d.LevelSuffix.NOTHING }),
    level(3, d.LevelFormat.DECIMAL, '（%4）', { suffix: d.LevelSuffix.NOTHING }),
  ],
};

/**
 * A reply drafted in Word: its measure headings numbered by the list feature (their text holds no
 * 一、), a title broken with a soft line break, and a contact table.
 */
export async function wordReply(): Promise<Buffer> {
  const p = (text: string): d.Paragraph => new d.Paragraph({ children: [new d.TextRun(text)] });
  const h = (lvl: number, text: string): d.Paragraph => new d.Paragraph({ numbering: { reference: 'reply', level: lvl }, children: [new d.TextRun(text)] });
  const doc = new d.Document({
    numbering: { config: [REPLY_NUMBERING] },
    sections: [{
      children: [
        p('厦教提案函〔2025〕21号'),
        new d.Paragraph({ children: [new d.TextRun('厦门市教育局关于市政协十四届四次会议'), new d.TextRun({ text: '第20250211号提案的答复', break: 1 })] }),
        p('林晓红委员：'),
        p('您提出的《关于推进中小学心理健康教育全覆盖的建议》（第20250211号）收悉。经认真研究，现答复如下：'),
        h(0, '健全心理健康教育工作体系'),
        h(1, '完善制度设计。出台中小学心理健康教育工作方案，明确各学段目标任务。'),
        h(1, '加强队伍建设。按照标准配齐专职心理健康教育教师。'),
        h(2, '开展全员培训。'),
        h(3, '班主任专题培训。'),
        h(3, '学科教师通识培训。'),
        h(0, '推进家校医协同'),
        h(1, '建立转介机制。会同卫生健康部门建立心理危机转介绿色通道。'),
        h(0, '下一步工作打算'),
        p('下一步，我局将继续完善心理健康教育体系，不断提升服务水平。'),
        p('感谢您对教育工作的关心和支持。'),
        p('厦门市教育局'),
        p('2025年6月20日'),
        new d.Table({
          rows: [
            new d.TableRow({ children: [new d.TableCell({ children: [p('联系人：陈晓')] }), new d.TableCell({ children: [p('联系电话：0592-1234567')] })] }),
          ],
        }),
      ],
    }],
  });
  return d.Packer.toBuffer(doc);
}

/** Builds a Word document from paragraphs and tables with the generator. */
export function docxOf(children: Array<d.Paragraph | d.Table>, numbering: d.INumberingOptions['config'] = [REPLY_NUMBERING]): Promise<Buffer> {
  return d.Packer.toBuffer(new d.Document({ numbering: { config: numbering }, sections: [{ children }] }));
}

export { d as docx };

// ---------------------------------------------------------------- hand-made zip packages

export interface ZipEntry {
  readonly name: string;
  /** Stored as is. */
  readonly data?: Buffer;
  /** Raw deflate data with the sizes to declare (a zip bomb may lie about its size). */
  readonly deflated?: { readonly bytes: Buffer; readonly declaredSize: number };
}

/** A zip file of the entries (no CRC checks are made by the readers under test; CRCs are 0). */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflated ? e.deflated.bytes : e.data ?? Buffer.alloc(0);
    const size = e.deflated ? e.deflated.declaredSize : body.length;
    const method = e.deflated ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw deflate data that inflates to `mib` MiB of XML-ish text, made in milliseconds: one MiB
 * compressed with a full flush (which resets the compressor, so every copy is the same bytes),
 * repeated, then an empty final block.
 */
export function bombDeflate(mib: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, '<w:t>a</w:t>'), { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 });
  const parts: Buffer[] = [];
  for (let i = 0; i < mib; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00]));
  return Buffer.concat(parts);
}

export const CONTENT_TYPES = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
export const ROOT_RELS = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');

/** A minimal document.xml with the given paragraphs' text. */
export function documentXml(paragraphs: readonly string[], extra = ''): Buffer {
  const body = paragraphs.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}${extra}</w:body></w:document>`);
}

// ---------------------------------------------------------------- LibreOffice

export const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

/**
 * Runs LibreOffice headless with a profile of its own (so that it never meets another
 * LibreOffice running on the machine) and fonts configured so that the names written into our
 * documents resolve to distinct families with the metrics of the GB fonts (CJK one em, ASCII half
 * an em): 仿宋 and 宋体 to AR PL SungtiL GB, 楷体 to AR PL KaitiM GB, 黑体 to Noto Sans CJK SC,
 * 小标宋 to Noto Serif CJK SC.
 */
export function soffice(args: readonly string[], cwd: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-lo-'));
  try {
    const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], {
      cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: fontsConf(), HOME: profile },
    });
    if (r.status !== 0) throw new Error(`soffice ${args.join(' ')} failed: ${r.error?.message ?? ''} ${r.stderr}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

let fontsConfPath: string | undefined;

function fontsConf(): string {
  if (fontsConfPath) return fontsConfPath;
  const alias = (family: string, prefer: string): string => `<alias binding="same"><family>${family}</family><prefer><family>${prefer}</family></prefer></alias>`;
  const conf = `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${alias('仿宋_GB2312', 'AR PL SungtiL GB')}${alias('仿宋', 'AR PL SungtiL GB')}${alias('宋体', 'AR PL SungtiL GB')}${alias('方正小标宋简体', 'Noto Serif CJK SC')}
${alias('黑体', 'Noto Sans CJK SC')}${alias('楷体_GB2312', 'AR PL KaitiM GB')}${alias('楷体', 'AR PL KaitiM GB')}</fontconfig>`;
  fontsConfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-fc-')), 'fonts.conf');
  fs.writeFileSync(fontsConfPath, conf);
  return fontsConfPath;
}

/** LibreOffice's own text export of a document (UTF-8; its BOM removed). */
export function libreOfficeText(files: readonly string[], dir: string): Map<string, string> {
  soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, ...files], dir);
  return new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, `${path.basename(f, path.extname(f))}.txt`), 'utf8').replace(/^\ufeff/, '')]));
}

export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfLine extends PdfWord {
  readonly words: readonly PdfWord[];
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PdfLine[];
}

/** Pages, lines and words with their boxes in points, from poppler's `pdftotext -bbox-layout`. */
export function pdfLayout(pdf: string): PdfPage[] {
  const r = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const pages: PdfPage[] = [];
  const num = (s: string, k: string): number => Number(new RegExp(`${k}="([\\d.]+)"`).exec(s)![1]);
  const box = (s: string): Omit<PdfWord, 'text'> => ({ xMin: num(s, 'xMin'), yMin: num(s, 'yMin'), xMax: num(s, 'xMax'), yMax: num(s, 'yMax') });
  for (const page of r.stdout.split('<page ').slice(1)) {
    const lines: PdfLine[] = [];
    for (const line of page.split('<line ').slice(1)) {
      const words = [...line.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => ({ ...box(m[1]!), text: m[2]! }));
      lines.push({ ...box(line), text: words.map((w) => w.text).join(''), words });
    }
    pages.push({ width: num(page, 'width'), height: num(page, 'height'), lines });
  }
  return pages;
}
