/**
 * Word documents out: the GB/T 9704-2012 layout of a parsed reply (which paragraph is what, where
 * the signature and the date go), what the .docx says (page, margins, fonts), the `export`
 * command, and the round trip reply → .docx → extracted text → the same outline and findings, over
 * the examples, the seeds and the real-reply corpus. LibreOffice's rendering is measured in
 * office-libreoffice.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../../server/src/cli/main';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { buildOutline } from '../../server/src/features/outline';
import { extractDocx } from '../../server/src/office/docx';
import { DEFAULT_EXPORT_OPTIONS, exportDocx } from '../../server/src/office/exportDocx';
import { chars, layoutReply, LINE_PITCH_TWIPS, signaturePlacement, widthInChars } from '../../server/src/office/layout';
import { readZipParts } from '../../server/src/office/container';
import { parseReply } from '../../server/src/parse';
import { createReplyService } from '../../server/src/service';
import { EXAMPLES, readText, SEEDS } from '../support/fixtures';

const CORPUS = path.resolve(SEEDS, '..', 'real');

async function xmlOf(bytes: Buffer, part: string): Promise<string> {
  const pkg = await readZipParts(bytes, (n) => n === part);
  return pkg.parts.get(part)!.toString('utf8');
}

describe('office: GB/T 9704 layout of a reply', () => {
  const example = readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply'));

  it('gives every paragraph the role the parser gives its text, without dropping or moving text', () => {
    const laid = layoutReply(parseReply(example));
    assert.deepEqual(laid.map((p) => p.role), [
      'docNumber', 'title', 'title', 'category', 'addressee', 'body', 'body',
      'heading', 'heading', 'heading', 'heading', 'heading', 'heading', 'heading', 'heading', 'heading',
      'body', 'closing', 'signature', 'date', 'contact', 'annotation', 'copyTo',
    ]);
    assert.deepEqual(laid.filter((p) => p.role === 'heading').map((p) => [p.level, p.text.slice(0, p.headingLength)]).slice(0, 3), [
      [1, '一、健全课后服务保障机制'], [2, '（一）完善经费保障。'], [2, '（二）加强师资统筹。'],
    ]);
    const kept = laid.map((p) => p.text).join('');
    assert.equal(kept, example.replace(/\s/g, ''), 'every character but whitespace is laid out, in order');
  });

  it('lays out the elements of a run-on line as paragraphs of their own, where the parser cut the line', () => {
    const runOn = '江规资函〔2024〕31号 江城市自然资源和规划局关于市政协十一届三次会议第0231号提案的答复 周文斌委员：您提出的《关于加强历史文化街区保护的提案》收悉，现答复如下：\n一、完善保护规划。已编制三个街区的保护规划。\n江城市自然资源和规划局\n2024年6月3日\n';
    assert.deepEqual(layoutReply(parseReply(runOn)).slice(0, 5).map((p) => [p.role, p.text.slice(0, 6)]), [
      ['docNumber', '江规资函〔2'], ['title', '江城市自然资'], ['addressee', '周文斌委员：'], ['body', '您提出的《关'], ['heading', '一、完善保护'],
    ]);
    // a web table's row of page metadata stays one paragraph
    const row = '索引号：000014348/2020-02432 | 发布日期：2020-05-06 | 浏览：12\n林灵委员：\n您提出的提案收悉，现答复如下：\n';
    assert.equal(layoutReply(parseReply(row))[0]!.text, '索引号：000014348/2020-02432 | 发布日期：2020-05-06 | 浏览：12');
  });

  it('lays out a paragraph a hard wrap broke into lines as one paragraph, without the wrap\'s line breaks', () => {
    const text = readText(path.join(EXAMPLES, 'flawed', '05-copied-from-pdf.reply'));
    const laid = layoutReply(parseReply(text));
    // every paragraph of the reply once, whatever lines the page width made of it
    assert.equal(laid.length, text.split('\n').filter((l) => l.trim() !== '').length - 7);
    assert.ok(laid.every((p) => !/[\r\n]/.test(p.text)));
    assert.equal(laid[0]!.text, '厦门市教育局关于市政协十四届四次会议第20250172号提案的答复');
    assert.deepEqual(laid.map((p) => p.text).join(''), text.replace(/\s/g, ''));
  });

  it('places organ and date by 7.3.5: sealed centred on each other with the date four characters in, unsealed offset by two', () => {
    assert.equal(widthInChars('2025年5月20日'), 6.5);
    // sealed: one box centred 4 + 6.5/2 characters from the right, wide enough for both with room to spare
    assert.deepEqual(signaturePlacement('厦门市教育局', '2025年5月20日', true), {
      organ: { align: 'center', left: 15.5, right: 2 }, date: { align: 'center', left: 15.5, right: 2 },
    });
    // unsealed, the date longer than the organ: the date ends two in, starting two right of the organ
    assert.deepEqual(signaturePlacement('厦门市教育局', '2025年5月20日', false), { organ: { align: 'right', left: 0, right: 4.5 }, date: { align: 'left', left: 19.5, right: 0 } });
    // unsealed, the organ longer: the organ two in, the date two right of its start
    assert.deepEqual(signaturePlacement('厦门市人民政府办公厅', '2025年5月20日', false), { organ: { align: 'right', left: 0, right: 2 }, date: { align: 'left', left: 18, right: 0 } });
    // an organ too long to centre over the date stands at the right edge, never wrapped
    assert.equal(signaturePlacement('厦门市人民政府办公厅厦门市教育局联合工作组', '2025年5月20日', true).organ.align, 'right');
  });

  it('writes an A4 page with the standard margins, 22 lines of 28 characters, alternating page numbers and the configured fonts', async () => {
    const bytes = await exportDocx(parseReply(example), { ...DEFAULT_EXPORT_OPTIONS, fonts: { ...DEFAULT_EXPORT_OPTIONS.fonts, title: '宋体' }, boldTitle: true });
    const doc = await xmlOf(bytes, 'word/document.xml');
    assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(doc, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    assert.match(doc, new RegExp(`<w:docGrid w:type="lines" w:linePitch="${LINE_PITCH_TWIPS}"/>`));
    assert.equal(LINE_PITCH_TWIPS * 22 <= 225 / 25.4 * 1440, true);
    assert.ok(chars(28) <= 156 / 25.4 * 1440 && chars(29) > 156 / 25.4 * 1440, '28 characters fit the line, 29 do not');
    assert.match(await xmlOf(bytes, 'word/settings.xml'), /<w:evenAndOddHeaders\/>/);
    assert.match(doc, /w:eastAsia="宋体"[^]*?<w:b\/>[^]*?厦门市教育局关于市政协十四届四次会议/);
    assert.match(doc, /w:eastAsia="黑体"[^>]*\/>[^]*?一、健全课后服务保障机制/);
    assert.match(doc, /w:eastAsia="楷体_GB2312"[^>]*\/>[^]*?（一）完善经费保障。<\/w:t>/);
    assert.match(doc, /w:eastAsia="仿宋_GB2312"[^>]*\/>[^]*?会同市财政局出台/);
    const footers = [await xmlOf(bytes, 'word/footer1.xml'), await xmlOf(bytes, 'word/footer2.xml')].join('\n');
    assert.match(footers, /<w:jc w:val="right"\/>/);
    assert.match(footers, /<w:jc w:val="left"\/>/);
    assert.match(footers, /PAGE/);
  });

  it('exports from the command line only where -o names the file, never onto a terminal or over the reply', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-export-'));
    fs.copyFileSync(path.join(EXAMPLES, 'clean', 'proposal-reply.reply'), path.join(dir, 'a.reply'));
    const run = async (args: string[], bytes?: (b: Buffer) => void): Promise<{ code: number; stderr: string }> => {
      let stderr = '';
      const code = await runCli(args, { stdout: () => undefined, stderr: (s) => (stderr += s), cwd: dir, env: {}, ...(bytes ? { stdoutBytes: bytes } : {}) });
      return { code, stderr };
    };
    const terminal = await run(['export', 'a.reply']);
    assert.equal(terminal.code, 2);
    assert.match(terminal.stderr, /请用 -o 指定/);
    assert.deepEqual(fs.readdirSync(dir), ['a.reply']);
    assert.equal((await run(['export', 'a.reply', '-o', 'a.reply'])).code, 2);
    assert.equal(readText(path.join(dir, 'a.reply')), readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply')));
    const wrote = await run(['export', '--format', 'docx', 'a.reply', '-o', '答复.docx']);
    assert.equal(wrote.code, 0, wrote.stderr);
    assert.match(wrote.stderr, /已写入 答复\.docx（GB\/T 9704 版式，加盖印章；措施标题 9 个）/);
    let piped: Buffer | undefined;
    assert.equal((await run(['export', '--unsealed', '答复.docx'], (b) => (piped = b))).code, 0, 'a .docx exports too');
    const unsealed = await xmlOf(piped!, 'word/document.xml');
    // 7.3.5.2 with a date longer than the organ: the organ 2 + 0.5 + 2 in, the date starting two right of it
    assert.match(unsealed, new RegExp(`<w:ind w:left="0" w:right="${chars(4.5)}"/><w:jc w:val="right"/>(?:(?!<w:p>).)*厦门市教育局</w:t>`));
    assert.match(unsealed, new RegExp(`<w:ind w:left="${chars(19.5)}" w:right="0"/><w:jc w:val="left"/>(?:(?!<w:p>).)*2025年5月20日</w:t>`));
    assert.equal((await run(['export', '--format', 'pdf', 'a.reply', '-o', 'x.pdf'])).code, 2);
  });
});

describe('office: round trip reply → .docx → text', () => {
  const service = createReplyService({ now: () => new Date(2026, 0, 1) });
  let n = 0;
  const view = (text: string): { outline: string[]; findings: string[] } => {
    const doc = TextDocument.create(`file:///round-trip/${n++}.reply`, 'proposal-reply', 1, text);
    const analysis = service.analyze(doc, DEFAULT_CONFIG);
    service.forget(doc.uri);
    const outline: string[] = [];
    const walk = (nodes: ReturnType<typeof buildOutline>, depth: number): void => {
      for (const node of nodes) {
        outline.push(`${depth} ${node.kind} ${node.name}`);
        walk(node.children, depth + 1);
      }
    };
    walk(buildOutline(analysis.reply, doc), 0);
    // a finding is its rule and the text it flags: lines move (blank lines become layout), text does
    // not (a span over several paragraphs is compared without the blank lines between them and the
    // indents of its lines, which the export lays out as paragraph formatting)
    return { outline, findings: analysis.findings.map((f) => `${f.ruleId} ${text.slice(f.start, f.end).trim().replace(/\s*\n\s*/g, '\n')}`).sort() };
  };

  const files = [
    ...fs.readdirSync(path.join(EXAMPLES, 'clean')).map((f) => path.join(EXAMPLES, 'clean', f)),
    ...fs.readdirSync(path.join(EXAMPLES, 'flawed')).filter((f) => f.endsWith('.reply')).map((f) => path.join(EXAMPLES, 'flawed', f)),
    ...fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS, f)),
    ...fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => path.join(CORPUS, f)),
  ];

  it(`keeps the outline and the findings of ${files.length} replies (examples, seeds, real corpus)`, async function () {
    this.timeout(120_000);
    assert.ok(files.length > 70, `the corpus is there: ${files.length}`);
    for (const file of files) {
      const text = readText(file);
      const before = view(text);
      const extracted = await extractDocx(await exportDocx(parseReply(text)));
      assert.ok(extracted.ok, file);
      const after = view(extracted.text);
      assert.deepEqual(after.outline, before.outline, `${path.basename(file)}: outline`);
      // but for the hard wraps and the paragraphs run together on one line, which the export takes
      // out (a paragraph is one paragraph again, each on its own)
      const wrapped = (f: string): boolean => f.startsWith('paragraph-line-break ') || f.startsWith('paragraphs-run-together ');
      assert.deepEqual(after.findings, before.findings.filter((f) => !wrapped(f)), `${path.basename(file)}: findings`);
    }
  });
});
