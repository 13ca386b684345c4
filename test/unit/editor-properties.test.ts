/**
 * Properties of the editor features over damaged real replies and random text: no feature throws
 * or answers a range outside the document, ending before it starts, or splitting a surrogate pair;
 * renumbering changes only numerals in markers and twice is once; the pasted-text cleanup makes
 * disjoint edits, removes the junk (pasted markup becomes its plain text) and keeps every other character. Cases are counted per invariant
 * with the fuzz tests (`npm run fuzz` runs both files).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { planCleanup } from '../../server/src/features/cleanup';
import { applyEdits, disjoint } from '../../server/src/features/edits';
import { renumberDocument } from '../../server/src/features/renumber';
import { unwrapText } from '../../server/src/parse/unwrap';
import { flatSymbols } from '../../server/src/features/symbols';
import { parseReply } from '../../server/src/parse';
import { typedLatinWay } from '../../server/src/parse/blocks';
import { copiedFromPrint } from '../../server/src/rules/util';
import { createReplyService } from '../../server/src/service';
import { foldWidth, lineIndexAt } from '../../server/src/core/text';
import { anyText, count, mutatedReply, RUNS } from '../support/mutations';
import { hardWrap } from '../support/wrap';

const NOW = (): Date => new Date(2026, 10, 23, 12);
const TODAY = { year: 2026, month: 11, day: 23 };
let version = 0;

/** True when `offset` falls between the halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function ranges(value: unknown, out: Range[] = [], seen = new Set<unknown>()): Range[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  const v = value as Record<string, unknown>;
  const s = v.start as { line?: unknown } | undefined;
  if (s && typeof s.line === 'number' && typeof (v.end as { line?: unknown } | undefined)?.line === 'number') out.push(v as unknown as Range);
  for (const child of Object.values(v)) ranges(child, out, seen);
  return out;
}

describe('editor feature properties', function () {
  this.timeout(600_000);

  it('every feature answers on any text without throwing, with valid LSP ranges inside the document', () => {
    fc.assert(fc.property(anyText, fc.nat(), fc.nat(), (text, seed, seed2) => {
      count('editor features on any text');
      const logs: string[] = [];
      const service = createReplyService({ now: NOW, log: (m) => logs.push(m) });
      const doc = TextDocument.create('file:///p.reply', 'proposal-reply', ++version, text);
      const lineCount = doc.lineCount;
      const at = doc.positionAt(seed % (text.length + 1));
      const other = doc.positionAt(seed2 % (text.length + 1));
      const picked = doc.offsetAt(at) <= doc.offsetAt(other) ? { start: at, end: other } : { start: other, end: at };
      const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
      const diagnostics = service.diagnostics(doc, DEFAULT_CONFIG, 'zh-cn');
      const answers: unknown[] = [
        diagnostics,
        service.outline(doc, DEFAULT_CONFIG),
        service.symbols(doc, DEFAULT_CONFIG, 'zh-cn'),
        flatSymbols(service.symbols(doc, DEFAULT_CONFIG, 'en'), doc.uri),
        service.folding(doc, DEFAULT_CONFIG),
        service.hover(doc, DEFAULT_CONFIG, at, 'en'),
        service.completion(doc, DEFAULT_CONFIG, at, { locale: 'zh-cn', snippets: true }),
        service.completion(doc, DEFAULT_CONFIG, other, { locale: 'en', snippets: false }),
        service.codeActions(doc, DEFAULT_CONFIG, whole, diagnostics, { locale: 'zh-cn' }),
        service.codeActions(doc, DEFAULT_CONFIG, picked, diagnostics.filter((d) => d.range.start.line <= picked.end.line), { locale: 'en' }),
        service.structure(doc, DEFAULT_CONFIG, 'en'),
        service.renumber(doc, DEFAULT_CONFIG),
        service.renumber(doc, DEFAULT_CONFIG, at),
        service.cleanup(doc, DEFAULT_CONFIG, 'zh-cn'),
        // the same text read as a project file
        service.projectFileHover(doc, at, 'zh-cn'),
      ];
      for (const r of ranges(answers)) {
        assert.ok(r.start.line <= r.end.line && r.end.line < lineCount, `range ${JSON.stringify(r)} outside ${lineCount} lines`);
        for (const p of [r.start, r.end]) {
          assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `position ${JSON.stringify(p)}`);
          assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, `position ${JSON.stringify(p)} inside its line`);
          assert.ok(!splitsPair(text, doc.offsetAt(p)), `position ${JSON.stringify(p)} splits a surrogate pair`);
        }
        assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `range ${JSON.stringify(r)} ends before it starts`);
      }
      for (const f of service.folding(doc, DEFAULT_CONFIG)) assert.ok(f.startLine < f.endLine && f.endLine < lineCount);
      assert.deepEqual(logs, []);
    }), { numRuns: RUNS });
  });

  it('renumbering changes only the numerals of markers, and renumbering again changes nothing', () => {
    fc.assert(fc.property(mutatedReply, (text) => {
      const edits = renumberDocument(parseReply(text));
      if (edits.length === 0) return;
      count('renumbering idempotent');
      for (const e of edits) {
        const old = text.slice(e.start, e.end);
        // (a marker that lost its numeral, `、`, gets one in front)
        const oldShape = /[一二三四五六七八九十百〇零两0-9\uff10-\uff19]/.test(old) ? old.replace(/[一二三四五六七八九十百〇零两0-9\uff10-\uff19]+/, '#') : `#${old}`;
        assert.equal(oldShape, e.newText.replace(/[一二三四五六七八九十百0-9]+/, '#'), `“${old}” → “${e.newText}” changes more than the numeral`);
      }
      assert.ok(disjoint(edits));
      const once = applyEdits(text, edits);
      assert.deepEqual(renumberDocument(parseReply(once)), [], 'renumbering twice differs from once');
    }), { numRuns: RUNS });
  });

  it('renumbers a marker or a cue a hard wrap broke without its line break, and counts to 99 (found by npm run fuzz)', () => {
    // `二` / `是` on two printed lines: the numeral changes, the line break stays
    const lines = ['周明远委员：', '　　我局采取了多项措施，一是完善了有关工作机制和管理制度，三', '是加大了资金投入力度，安排专项资金用于支持特色产业发展，三', '是加强了监督检查和考核评价工作，推动各项工作落到实处，让人', '民群众得到更多实惠。今后，我局将继续加大工作力度，完善有关', '政策措施和制度安排，推动各项工作取得更大成效，让群众有更多', '的获得感和满意度。'];
    const wrapped = lines.join('\n');
    assert.ok(unwrapText(wrapped), 'read as hard-wrapped');
    const edits = renumberDocument(parseReply(wrapped));
    const endOfLine2 = lines[0]!.length + 1 + lines[1]!.length;
    assert.deepEqual(edits, [{ start: endOfLine2 - 1, end: endOfLine2, newText: '二' }]);
    // `100、` would be no marker: the items past the 99th keep their numerals, and a second renumbering changes nothing
    const list = Array.from({ length: 120 }, () => '一、加强领导').join('\n');
    const once = applyEdits(list, renumberDocument(parseReply(list)));
    assert.equal(once.split('\n')[98], '九十九、加强领导');
    assert.equal(once.split('\n')[99], '一、加强领导');
    assert.deepEqual(renumberDocument(parseReply(once)), []);
  });

  it('reads a hard-wrapped text the same whatever its markers\' numerals, as renumbering needs (found by npm run fuzz)', () => {
    // which lines run on must not depend on how wide the numerals are: renumbering turns `五、` into
    // `二十六、`, and a second renumbering must read the text as the first did
    const NUMERAL = /(?<=^|[\s。;；,，:：])([二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=、)/gm;
    const joinedLines = (t: string): number[] | undefined => {
      const u = unwrapText(t);
      return u?.joins.map((j) => lineIndexAt(u.lines, j.at + j.removed));
    };
    fc.assert(fc.property(mutatedReply, fc.integer({ min: 16, max: 40 }), fc.constantFrom('一', '十一', '二十三'), (text, width, numeral) => {
      const wrapped = hardWrap(text, width);
      const joins = joinedLines(wrapped);
      if (!joins || wrapped.search(NUMERAL) < 0) return;
      count('hard wrap read alike whatever the numerals');
      assert.deepEqual(joinedLines(wrapped.replace(NUMERAL, numeral)), joins);
    }), { numRuns: RUNS });
    // and a reply with thirty items, all numbered 一、, renumbered once for all
    const items = Array.from({ length: 30 }, () => '　　一、加强组织领导。我局成立了工作专班，完善了有关工作机制，推动各项工作落到实处，让群众得到实惠。');
    const reply = hardWrap(['林灵委员：', '　　您提出的《关于课后服务的建议》收悉，现答复如下：', ...items, '　　此复。', '厦门市教育局', '2025年5月20日'].join('\n'), 20);
    const once = applyEdits(reply, renumberDocument(parseReply(reply)));
    assert.ok(once.includes('三十、'));
    assert.deepEqual(renumberDocument(parseReply(once)), []);
  });

  it('takes a word alone on a line for a bare label only with its colon, so the clean-up does not eat the line after it (found by npm run fuzz)', () => {
    // `内容` is a register row's label, and here the end of a heading a wrap broke: the line after it is content
    const text = ['林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：', '二、丰富课后服务', '内容', '（一）拓展服务项目。指导学校开设兴趣课程。', '此复。', '厦门市教育局', '2025年5月20日'].join('\n');
    assert.deepEqual(parseReply(text).junk, []);
    const labelled = ['来源：', '湘阴县人民政府', '林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：'].join('\n');
    assert.deepEqual(parseReply(labelled).junk.map((j) => labelled.slice(j.start, j.end)), ['来源：', '湘阴县人民政府']);
  });

  it('reads page furniture with a tag inside a word as furniture, so that the clean-up takes the whole line (found by npm run fuzz)', () => {
    const text = ['林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：', '我局已出台办法。', '此复。', '分</span>享到：', '厦门市教育局', '2025年5月20日'].join('\n');
    const reply = parseReply(text);
    assert.deepEqual(reply.junk.filter((j) => j.wholeLine).map((j) => [text.slice(j.start, j.end), j.reason]), [['分</span>享到：', 'share-widget']]);
    assert.ok(!applyEdits(text, planCleanup(reply, DEFAULT_CONFIG, TODAY).edits).includes('分享到'));
  });

  it('reads a tag split by another tag as one piece of markup, so that the clean-up leaves no tag behind (found by npm run fuzz)', () => {
    for (const line of ['<<p>div class="article">', '<di<p>v>', '<span<br/> style="x">', '<div cl</span>ass="article">']) {
      const text = ['林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：', line, '我局已出台办法。此复。'].join('\n');
      const reply = parseReply(text);
      assert.deepEqual(reply.junk.map((j) => [text.slice(j.start, j.end), j.wholeLine]), [[line, true]], line);
      assert.ok(!applyEdits(text, planCleanup(reply, DEFAULT_CONFIG, TODAY).edits).includes('<'), line);
    }
  });

  it('the clean-up takes a Markdown draft\'s marks out and keeps its text, a bold lead-in with its paragraph', () => {
    const text = ['## 关于第12号提案的答复', '**林灵委员：**', '您提出的《关于课后服务的建议》收悉，现答复如下：', '**一、加强领导。**成立工作专班。', '此复。', '**厦门市教育局**'].join('\n');
    const cleaned = applyEdits(text, planCleanup(parseReply(text), DEFAULT_CONFIG, TODAY).edits);
    assert.equal(cleaned, ['关于第12号提案的答复', '林灵委员：', '您提出的《关于课后服务的建议》收悉，现答复如下：', '一、加强领导。成立工作专班。', '此复。', '厦门市教育局'].join('\n'));
    // inline markup after a sentence end is no lost break (block markup is: `</p><p>`)
    for (const [line, want] of [['<b>一、加强领导。</b>成立工作专班。', '一、加强领导。成立工作专班。'], ['<p>一、加强领导。</p><p>成立工作专班。</p>', '一、加强领导。\n成立工作专班。']]) {
      const html = ['林灵委员：', line, '此复。'].join('\n');
      assert.equal(applyEdits(html, planCleanup(parseReply(html), DEFAULT_CONFIG, TODAY).edits), ['林灵委员：', want, '此复。'].join('\n'), line);
    }
  });

  it('the pasted-text cleanup removes the junk and keeps every other character', () => {
    fc.assert(fc.property(mutatedReply, (text) => {
      const reply = parseReply(text);
      const plan = planCleanup(reply, DEFAULT_CONFIG, TODAY);
      if (plan.edits.length === 0) return;
      count('cleanup keeps the content');
      assert.ok(disjoint(plan.edits), 'overlapping cleanup edits');
      // each edit changes only what its group names: junk removed (markup made its plain text),
      // blanks (and junk) between run-on paragraphs made one line break, a hard wrap's line break
      // taken out, a copy's blank beside a digit taken out, one half-width mark made its full-width form
      // a whole junk line goes with its line break, and between two blank lines with one of them
      const blank = (i: number): boolean => reply.lines[i] !== undefined && text.slice(reply.lines[i]!.start, reply.lines[i]!.end).trim() === '';
      // (a junk line a hard wrap broke goes with all its lines)
      const junk = (start: number, end: number): boolean => reply.junk.some((j) => {
        const last = lineIndexAt(reply.lines, j.end);
        return j.start <= start && end <= j.end
          || j.wholeLine && reply.lines[j.line]!.start === start && (reply.lines[last]!.next === end || (blank(j.line - 1) && blank(last + 1) && reply.lines[last + 1]!.next === end));
      });
      for (const e of plan.edits) {
        const old = text.slice(e.start, e.end);
        const what = `${e.group} edit “${old}” → “${e.newText}” at ${e.start}`;
        // (pasted markup becomes its plain text: `&ldquo;` → “)
        if (e.group === 'junk') assert.ok(junk(e.start, e.end) && e.newText === (reply.junk.find((j) => j.start === e.start && j.end === e.end && !j.wholeLine)?.plainText ?? ''), what);
        else if (e.group === 'split') {
          // a line break, after what markup in the gap stands for (a stray `&rdquo;`)
          const kept = reply.junk.filter((j) => j.start >= e.start && j.end <= e.end).map((j) => j.plainText?.trim() ?? '').join('');
          assert.ok(['\n', '\r\n', '\r'].some((lineBreak) => e.newText === kept + lineBreak), what);
          let rest = old;
          for (const j of reply.junk) if (j.start >= e.start && j.end <= e.end) rest = rest.replace(text.slice(j.start, j.end), '');
          assert.match(rest, /^[\s\u3000\u00a0\ufeff\u200b]*$/u, what);
        } else if (e.group === 'join') {
          // a line break inside a hard-wrapped paragraph, with the blanks before it
          assert.ok(e.newText === '' && /^[^\S\r\n]*(\r\n|\r|\n)$/u.test(old) && reply.wraps.some((w) => w.start === e.start && w.end === e.end), what);
        } else if (e.group === 'spacing') {
          // in a copy from print, one blank between a digit or letter and a Chinese character
          const around = text.slice(e.start - 1, e.start) + text.slice(e.end, e.end + 1);
          assert.ok(e.newText === '' && old === ' ' && copiedFromPrint(reply) && /[0-9A-Za-z]/.test(around) && /[^\x00-\x7f]/.test(around), what);
          count('cleanup: a blank beside a digit in a copy from print');
        } else if (e.group === 'latin') {
          // in a text typed the Latin way, the blanks after a comma or sentence end before Chinese text
          const before = text.charAt(e.start - 1);
          assert.ok(e.newText === '' && /^[ \t\u00a0\u3000]+$/.test(old) && ',:;!?。，：；！？'.includes(before) && typedLatinWay(reply.folded), what);
          count('cleanup: blanks after punctuation typed the Latin way');
        } else {
          // one mark, or (a paragraph of more than 500 marks) a piece of the same length in which
          // every character that changes is a half-width mark made full-width
          assert.ok(e.newText.length === old.length && old.length > 0, what);
          for (let i = 0; i < old.length; i++) {
            if (e.newText[i] === old[i]) continue;
            assert.ok(',:;?!().'.includes(old[i]!) && (foldWidth(e.newText[i]!) === old[i] || (old[i] === '.' && e.newText[i] === '。')), what.slice(0, 200));
          }
        }
      }
      const out = applyEdits(text, plan.edits);
      // the original without its junk, compared without blanks, line breaks and punctuation width
      let kept = text;
      for (const j of [...reply.junk].sort((a, b) => b.start - a.start)) kept = kept.slice(0, j.start) + (j.plainText ?? '') + kept.slice(j.end);
      const norm = (s: string): string => foldWidth(s).replace(/。/g, '.').replace(/[\s\u3000\u00a0\ufeff\u200b\u2002\u2003\u2009]+/g, '');
      assert.equal(norm(out), norm(kept));
      const after = parseReply(out);
      // no junk line survives, except one the cleanup made by splitting a long run-on line that the
      // parser read as content: a short piece of it may then look like web metadata on its own
      // (`发布时间:… 浏览次数:12次  标题  主送:  收文说明…` run together) — counted, not hidden
      // (each such line once: a long run-on line split a thousand times is not copied a thousand times)
      const runOnLines = new Set(plan.edits.filter((e) => e.group === 'split').map((e) => reply.lines.find((l) => l.start <= e.start && e.end <= l.end)).filter((l) => l !== undefined));
      const runOn = [...runOnLines].map((l) => norm(text.slice(l.start, l.end)));
      for (const j of after.junk.filter((x) => x.wholeLine)) {
        const line = out.slice(j.start, j.end);
        assert.ok(runOn.some((l) => l.includes(norm(line))), `a junk line survived: “${line}”`);
        count('cleanup: junk exposed by a split');
      }
    }), { numRuns: RUNS });
  });
});
