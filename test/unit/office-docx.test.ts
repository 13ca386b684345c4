/**
 * Word documents in: the text a reader sees (paragraphs, table cells row by row, soft breaks,
 * automatic list labels rendered from numbering.xml), the checker over it, and hostile files —
 * a renamed picture, a zip bomb, external relationships and macros, old binary and encrypted
 * documents. The comparison with LibreOffice's own text export is in office-libreoffice.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { runCli } from '../../server/src/cli/main';
import { PART_MAX_BYTES } from '../../server/src/office/container';
import { extractDocx } from '../../server/src/office/docx';
import { formatNumber } from '../../server/src/office/listLabels';
import { bombDeflate, CONTENT_TYPES, docx, docxOf, documentXml, REPLY_NUMBERING, ROOT_RELS, wordReply, zipOf } from '../support/office';

async function text(bytes: Buffer): Promise<string> {
  const r = await extractDocx(bytes, 'test.docx');
  if (!r.ok) throw new Error(r.problem.en);
  return r.text;
}

async function problem(bytes: Buffer, name = 'test.docx'): Promise<string> {
  const r = await extractDocx(bytes, name);
  assert.equal(r.ok, false, 'the file is refused');
  return r.ok ? '' : `${r.problem.zh} | ${r.problem.en}`;
}

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {} });
  return { code, stdout, stderr };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-docx-'));
}

const { Paragraph, TextRun, Table, TableRow, TableCell } = docx;

describe('office: text of a .docx', () => {
  it('renders automatic list labels as the page shows them, levels counted and restarted', async () => {
    const t = await text(await wordReply());
    const lines = t.split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith(' ')), [
      '    一、 健全心理健康教育工作体系',
      '        （一） 完善制度设计。出台中小学心理健康教育工作方案，明确各学段目标任务。',
      '        （二） 加强队伍建设。按照标准配齐专职心理健康教育教师。',
      '            1. 开展全员培训。',
      '                （1） 班主任专题培训。',
      '                （2） 学科教师通识培训。',
      '    二、 推进家校医协同',
      '        （一） 建立转介机制。会同卫生健康部门建立心理危机转介绿色通道。',
      '    三、 下一步工作打算',
    ]);
  });

  it('keeps a soft line break as a new line and reads table cells row by row', async () => {
    const t = await text(await wordReply());
    const lines = t.split('\n');
    const title = lines.indexOf('厦门市教育局关于市政协十四届四次会议');
    assert.equal(lines[title + 1], '第20250211号提案的答复');
    assert.deepEqual(lines.slice(-3), ['联系人：陈晓', '联系电话：0592-1234567', '']);
  });

  it('counts past ten in Chinese, and renders the other number formats Word offers', () => {
    assert.deepEqual([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000].map((n) => formatNumber(n, 'chineseCounting')),
      ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千']);
    assert.deepEqual([1, 10, 12].map((n) => formatNumber(n, 'chineseLegalSimplified')), ['壹', '壹拾', '壹拾贰']);
    assert.deepEqual([3, 12].map((n) => formatNumber(n, 'decimalFullWidth')), ['３', '１２']);
    assert.deepEqual([1, 10].map((n) => formatNumber(n, 'ideographTraditional')), ['甲', '癸']);
    assert.deepEqual([2, 27].map((n) => formatNumber(n, 'upperLetter')), ['B', 'AA']);
    assert.deepEqual([4, 9].map((n) => formatNumber(n, 'lowerRoman')), ['iv', 'ix']);
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(7, 'decimalZero'), '07');
  });

  it('numbers headings through their paragraph style, and restarts a new list instance', async () => {
    const bytes = await docx.Packer.toBuffer(new docx.Document({
      styles: { paragraphStyles: [{ id: 'Level1', name: 'Level1', basedOn: 'Normal', paragraph: { numbering: { reference: 'reply', level: 0 } } }] },
      numbering: { config: [REPLY_NUMBERING] },
      sections: [{
        children: [
          new Paragraph({ style: 'Level1', children: [new TextRun('第一部分')] }),
          new Paragraph({ style: 'Level1', children: [new TextRun('第二部分')] }),
          new Paragraph({ numbering: { reference: 'reply', level: 0, instance: 2 }, children: [new TextRun('另一份清单')] }),
        ],
      }],
    }));
    assert.deepEqual((await text(bytes)).split('\n'), ['    一、 第一部分', '    二、 第二部分', '    一、 另一份清单', '']);
  });

  it('leaves out deleted revisions and hidden text, and keeps inserted text and tabs', async () => {
    const bytes = await docxOf([
      new Paragraph({
        children: [
          new TextRun('现答复'), new TextRun({ text: '（隐藏批注）', vanish: true }),
          new docx.DeletedTextRun({ text: '删除的字', id: 1, author: 'a', date: '2025-01-01T00:00:00Z' }),
          new docx.InsertedTextRun({ text: '如下：', id: 2, author: 'a', date: '2025-01-01T00:00:00Z' }),
          new TextRun('\t后'),
        ],
      }),
    ]);
    assert.equal(await text(bytes), '现答复如下：\t后\n');
  });

  it('reads nested tables cell by cell, in order', async () => {
    const inner = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('内一')] }), new TableCell({ children: [new Paragraph('内二')] })] })] });
    const bytes = await docxOf([new Table({ rows: [new TableRow({ children: [new TableCell({ children: [inner, new Paragraph('外一')] }), new TableCell({ children: [new Paragraph('外二')] })] })] })]);
    assert.equal(await text(bytes), '内一\n内二\n外一\n外二\n');
  });
});

describe('office: .docx checked by the command line', () => {
  it('checks a folder of .docx replies: numbering seen through the labels, positions are paragraphs', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, '20250211.docx'), await wordReply());
    // a second reply whose list skips a level-1 number: the printed labels show 一、三、
    const broken = await docxOf([
      new Paragraph('林晓红委员：'),
      new Paragraph('您提出的《关于推进中小学心理健康教育全覆盖的建议》收悉。现答复如下：'),
      new Paragraph({ numbering: { reference: 'reply', level: 0 }, children: [new TextRun('健全体系')] }),
      new Paragraph({ children: [new TextRun('三、推进协同')] }),
      new Paragraph('感谢您对教育工作的关心和支持。'),
      new Paragraph('厦门市教育局'),
      new Paragraph('2025年6月20日'),
    ]);
    fs.writeFileSync(path.join(dir, 'skipped.docx'), broken);
    fs.writeFileSync(path.join(dir, '~$skipped.docx'), 'lock');
    const r = await cli(['check', '--format', 'json', '--fail-on', 'none', '--today', '2025-07-01', dir], dir);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { files: Array<{ path: string; extractedFrom?: string; positions?: string; diagnostics: Array<{ code: string; range: { start: { line: number } } }>; outline: Array<{ kind: string; name: string }> }> };
    assert.deepEqual(doc.files.map((f) => [f.path, f.extractedFrom, f.positions]), [['20250211.docx', 'docx', 'paragraphs'], ['skipped.docx', 'docx', 'paragraphs']]);
    const good = doc.files[0]!;
    assert.deepEqual(good.diagnostics.filter((x) => x.code.startsWith('numbering')), []);
    assert.deepEqual(good.outline.filter((n) => n.kind === 'measure' || n.kind === 'nextSteps').map((n) => n.name), ['一、健全心理健康教育工作体系', '二、推进家校医协同', '三、下一步工作打算']);
    const gap = doc.files[1]!.diagnostics.find((x) => x.code === 'numbering-sequence');
    assert.ok(gap, 'the skipped number is found through the list label');
    assert.equal(gap.range.start.line, 3, 'line = paragraph index of the extracted text');
  });

  it('gives SARIF for a .docx with the positions explained and no text fixes', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a.docx'), await docxOf([new Paragraph('林晓红委员'), new Paragraph('您提出的建议收悉。现答复如下：'), new Paragraph('厦门市教育局')]));
    const r = await cli(['check', '--format', 'sarif', '--fail-on', 'none', 'a.docx'], dir);
    const run = (JSON.parse(r.stdout) as { runs: Array<{ artifacts: Array<{ description?: { text: string }; properties?: Record<string, string> }>; results: Array<{ ruleId: string; fixes?: unknown[] }> }> }).runs[0]!;
    assert.equal(run.artifacts[0]!.properties?.positions, 'paragraphs');
    assert.match(run.artifacts[0]!.description!.text, /段落/);
    assert.ok(run.results.some((x) => x.ruleId === 'addressee-colon'), 'findings are reported');
    assert.ok(run.results.every((x) => x.fixes === undefined), 'no fix edits the extracted text of a Word file');
  });

  it('prints the outline of a .docx', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'r.docx'), await wordReply());
    const r = await cli(['outline', 'r.docx'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /措施 {2}一、健全心理健康教育工作体系/);
    assert.match(r.stdout, /成文日期 {2}2025年6月20日/);
  });
});

describe('office: hostile and unreadable Word files', () => {
  it('refuses a renamed PNG, an old .doc/.wps and an encrypted document with a clear message', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)]);
    assert.match(await problem(png), /PNG 图片.*a PNG image/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    assert.match(await problem(ole, 'old.doc'), /另存为 \.docx 后再检查/);
    assert.match(await problem(Buffer.from('WPS binary'), 'old.wps'), /另存为 \.docx/);
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
    assert.match(await problem(encrypted), /已加密.*encrypted/);
    assert.match(await problem(Buffer.from('PK\u0003\u0004 truncated')), /damaged|不是 Office/);
  });

  it('stops at the size cap on a zip bomb, whether it declares its size or lies about it', async function () {
    this.timeout(60_000);
    assert.equal(zlib.inflateRawSync(bombDeflate(3)).length, 3 * 1024 * 1024, 'the bomb inflates to what it says');
    const twoGiB = bombDeflate(2048);
    assert.ok(twoGiB.length < 8 * 1024 * 1024, 'the bomb is small on disk');
    const declared = zipOf([
      { name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: '_rels/.rels', data: ROOT_RELS },
      { name: 'word/document.xml', deflated: { bytes: twoGiB, declaredSize: 2 * 1024 * 1024 * 1024 - 1 } },
    ]);
    const before = process.memoryUsage().rss;
    assert.match(await problem(declared), /压缩炸弹/);
    const lying = zipOf([
      { name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: '_rels/.rels', data: ROOT_RELS },
      { name: 'word/document.xml', deflated: { bytes: twoGiB, declaredSize: 4096 } },
    ]);
    assert.match(await problem(lying), /声明的大小.*zip bomb/);
    assert.ok(process.memoryUsage().rss - before < PART_MAX_BYTES * 4, 'memory stays bounded');
  });

  it('never fetches external relationships or opens macros, and still reads the text', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${url}/pic.png" TargetMode="External"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="${url}/numbering.xml" TargetMode="External"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="${url}/evil.dotm" TargetMode="External"/>
<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`;
      const rootRels = Buffer.from(ROOT_RELS.toString().replace('</Relationships>', `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${url}/doc.xml" TargetMode="External"/></Relationships>`));
      const pkg = zipOf([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: '_rels/.rels', data: rootRels },
        { name: 'word/_rels/document.xml.rels', data: Buffer.from(rels) },
        { name: 'word/vbaProject.bin', data: Buffer.from('Attribute VB_Name = "AutoOpen"\nShell "curl ' + url + '"') },
        { name: 'word/document.xml', data: documentXml(['林晓红委员：', '您提出的建议收悉。'], `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLUDEPICTURE "${url}/x.png"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>图</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`) },
      ]);
      assert.equal(await text(pkg), '林晓红委员：\n您提出的建议收悉。\n图\n');
      const dir = tmp();
      fs.writeFileSync(path.join(dir, 'linked.docx'), pkg);
      const r = await cli(['check', '--fail-on', 'none', 'linked.docx'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(requests, 0, 'nothing was fetched');
    } finally {
      server.close();
    }
  });

  it('reports unreadable Word files in a folder by name and goes on with the rest (exit 2)', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'good.docx'), await wordReply());
    fs.writeFileSync(path.join(dir, 'old.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    fs.writeFileSync(path.join(dir, 'photo.docx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    const r = await cli(['check', '--fail-on', 'none', dir], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /old\.doc: 这是旧版二进制 Word\/WPS 文档（\.doc\/\.wps），无法直接检查；请在 Word 或 WPS 中另存为 \.docx 后再检查。/);
    assert.match(r.stderr, /photo\.docx: 文件扩展名是 \.docx，内容却是PNG 图片/);
    assert.match(r.stdout, /已检查 1 个文件/);
  });
});
