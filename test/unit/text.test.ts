import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseReply } from '../../server/src/parse';
import { JUNK_LINE, junkReason, MARKER_AFTER_END, mayBeJunk, markerIsHeadingLike, mayStartMarker, segmentLine, shouldBreakAtGap } from '../../server/src/parse/blocks';
import { nextStepsSentence, NextStepsWords } from '../../server/src/parse/body';
import { matchDateAt } from '../../server/src/parse/dates';
import { CLOSING_CUES, closingCueAt, mayEndWithDate } from '../../server/src/parse/footer';
import { findProposalNumbers, proposalKey } from '../../server/src/parse/header';
import { eachEnumerationCue, ENUMERATION_CUE, parseCjkNumeral } from '../../server/src/parse/numbering';
import { FORM_USE, type FormUse, formUses, mayBeQuoted } from '../../server/src/rules/address-form-mismatch';
import { RULES } from '../../server/src/rules';
import { runRules } from '../../server/src/rules/engine';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { bodyCitations } from '../../server/src/rules/util';
import { foldWidth, hasFullWidthDigit, isBlank, isHan, isRegexSpace, scanText, splitLines, trimSpan } from '../../server/src/text';

/** The definitions, one character at a time, that the fast implementations must equal. */
function foldReference(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c === 0x3000 ? ' ' : c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s.charAt(i);
  }
  return out;
}

function splitReference(s: string): Array<{ start: number; end: number; next: number }> {
  const lines: Array<{ start: number; end: number; next: number }> = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\n' || s[i] === '\r') {
      const next = s[i] === '\r' && s[i + 1] === '\n' ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ start, end: s.length, next: s.length });
  return lines;
}

/** Two offsets into `s` (0 … s.length) from two arbitrary naturals, in order: a span of `s` for a property test. */
function spanOf(s: string, x: number, y: number): [number, number] {
  const a = x % (s.length + 1);
  const b = y % (s.length + 1);
  return a <= b ? [a, b] : [b, a];
}

describe('text helpers', () => {
  it('foldWidth folds exactly U+FF01–U+FF5E and U+3000, one code unit for one, lone surrogates kept', () => {
    let all = '';
    for (let c = 0; c <= 0xffff; c++) all += String.fromCharCode(c);
    assert.equal(foldWidth(all), foldReference(all));
    assert.equal(foldWidth('（一）１２：　ＡＢ'), '(一)12: AB');
    const plain = '没有全角字符的文本';
    assert.equal(foldWidth(plain), plain);
  });

  it('scanText records exactly the brackets, half-width marks and places to break that its definitions name', () => {
    const reference = (s: string): { brackets: number[]; halfWidth: number[]; breaks: number[]; squares: number[] } => {
      const folded = foldReference(s);
      const at = (test: (ch: string, i: number) => boolean): number[] => [...folded].flatMap((ch, i) => (test(ch, i) ? [i] : []));
      return {
        brackets: at((ch) => '《》“”()〔〕'.includes(ch)),
        halfWidth: at((_ch, i) => ',:;?!().'.includes(s.charAt(i))),
        breaks: at((ch) => isBlank(ch.charCodeAt(0)) || '。!?'.includes(ch)),
        squares: at((ch) => '[]'.includes(ch)),
      };
    };
    const marks = (s: string): ReturnType<typeof reference> => {
      const { brackets, halfWidth, breaks, squares } = scanText(s);
      return { brackets: [...brackets], halfWidth: [...halfWidth], breaks: [...breaks], squares: [...squares] };
    };
    let all = '';
    for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    assert.deepEqual(marks(all), reference(all));
    // the pieces include what the pairwise skip must not skip: units just outside its range (U+30FF
    // is skipped, U+3015 and U+FEFF are not), at odd and even offsets
    const piece = fc.constantFrom('中', '。', '！', '!', '？', '?', '，', ',', '（', '(', ')', '）', '《', '》', '“', '”', '〔', '〕', '[', ']', '［', '］', ' ', '\t',
      '\u3000', '\ufeff', '\u200b', '\u00a0', 'a', '1', '\u3015', '\u3016', '\u30ff', '\u3100', '\ufdff', '\ufe00', '\uff5e', '\uff5f', '\uffff', '中文');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((xs) => xs.join('')), (s) => {
      assert.deepEqual(marks(s), reference(s));
      assert.equal(scanText(s).folded, foldReference(s));
    }), { numRuns: 5_000 });
  });

  it('scanText gives the same result where there is no Buffer (a browser)', () => {
    let all = '';
    for (let c = 0; c <= 0xffff; c++) all += String.fromCharCode(c);
    const samples = [all, '', '中', '（一）１２：　ＡＢ。', '没有全角字符的文本', 'abc'];
    const withBuffer = samples.map((s) => scanText(s));
    const g = globalThis as { Buffer?: unknown };
    const saved = g.Buffer;
    let without: ReturnType<typeof scanText>[];
    try {
      delete g.Buffer;
      assert.equal(typeof Buffer, 'undefined');
      without = samples.map((s) => scanText(s));
    } finally {
      g.Buffer = saved;
    }
    const plain = (x: ReturnType<typeof scanText>): unknown => ({ folded: x.folded, brackets: [...x.brackets], halfWidth: [...x.halfWidth], breaks: [...x.breaks], squares: [...x.squares] });
    assert.deepEqual(without.map(plain), withBuffer.map(plain));
  });

  it('scanText hands out its own offsets: a later scan, small or huge, changes none of them', () => {
    const first = scanText('中文。（一）');
    const huge = scanText(' '.repeat(300_000));
    assert.equal(huge.breaks.length, 300_000);
    const after = scanText('甲。乙');
    assert.deepEqual([...first.breaks, -1, ...first.brackets], [2, -1, 3, 5]);
    assert.deepEqual([...huge.breaks].slice(299_998), [299_998, 299_999]);
    assert.deepEqual([...after.breaks], [1]);
  });

  it('scanText hands out the same offsets as a plain array (few) or a typed array (many)', () => {
    for (const n of [4095, 4096, 4097, 9000]) {
      const { breaks, brackets } = scanText('。'.repeat(n) + '《》');
      assert.equal(breaks.length, n);
      assert.ok(breaks.every((x, i) => x === i), String(n));
      assert.deepEqual([...brackets], [n, n + 1]);
      assert.equal(breaks instanceof Int32Array, n > 4096, String(n));
    }
  });

  it('hasFullWidthDigit finds what /[\\uff10-\\uff19]/ finds in a span', () => {
    const piece = fc.constantFrom('０', '９', '\uff0f', '\uff1a', '0', '9', '中', '（', ')', '）');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')), fc.nat(), fc.nat(), (s, x, y) => {
      const [a, b] = spanOf(s, x, y);
      assert.equal(hasFullWidthDigit(s, a, b), /[\uff10-\uff19]/.test(s.slice(a, b)), JSON.stringify([s, a, b]));
      assert.equal(hasFullWidthDigit(s), /[\uff10-\uff19]/.test(s));
    }), { numRuns: 3_000 });
  });

  it('isRegexSpace is exactly /\\s/ on every code unit', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(isRegexSpace(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });

  it('isHan is exactly /\\p{Script=Han}/u on every code unit', () => {
    const han = /\p{Script=Han}/u;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isHan(ch) !== han.test(ch)) assert.fail(`U+${c.toString(16)}`);
    }
    assert.equal(isHan(''), false);
    assert.equal(isHan(undefined), false);
    assert.equal(isHan('\u{20000}'), true);
  });

  it('splitLines splits at \\n, \\r\\n and a lone \\r like an editor', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '中', '\n', '\r', '\r\n', ' ')).map((xs) => xs.join('')), (s) => {
      assert.deepEqual(splitLines(s), splitReference(s));
    }), { numRuns: 500 });
  });
});

describe('enumeration cues', () => {
  it('eachEnumerationCue finds exactly what ENUMERATION_CUE matches in the slice it is given', () => {
    const reference = (s: string): Array<{ at: number; numeral: string }> => {
      const out: Array<{ at: number; numeral: string }> = [];
      const re = new RegExp(ENUMERATION_CUE.source, 'g');
      for (let m = re.exec(s); m; m = re.exec(s)) out.push({ at: m.index + m[1]!.length, numeral: m[2]! });
      return out;
    };
    const cues = (s: string, start: number, end: number): Array<{ at: number; numeral: string }> => {
      const out: Array<{ at: number; numeral: string }> = [];
      eachEnumerationCue(s, start, end, (at, length) => out.push({ at: at - start, numeral: s.slice(at, at + length) }));
      return out;
    };
    const piece = fc.constantFrom('一', '二', '三', '十', '四', '是', '否', '非', '。', ',', ';', '、', ' ', '\u3000', '\u2028', '\t', '中', 'a');
    const text = fc.array(piece, { maxLength: 16 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (s, x, y) => {
      const [start, end] = spanOf(s, x, y);
      assert.deepEqual(cues(s, start, end), reference(s.slice(start, end)), JSON.stringify([s, start, end]));
    }), { numRuns: 20_000 });
    assert.deepEqual(cues('措施:一是加强,二是完善;十一是', 0, 16) /* folded text */, [{ at: 3, numeral: '一' }, { at: 8, numeral: '二' }, { at: 13, numeral: '十一' }]);
  });

  it('the enumerations of a reply whose only 是 is at its end are found without a search to it from every block', () => {
    const paragraphs = Array.from({ length: 2_000 }, (_x, i) => `${i % 2 === 0 ? '（一）' : ''}推进工作，完善机制。`);
    const text = `林灵委员：\n${paragraphs.join('\n')}\n一是末尾。\n`;
    // how far the searches for 是 read, counted by wrapping indexOf for the parse
    const indexOf = String.prototype.indexOf;
    let read = 0;
    String.prototype.indexOf = function (this: string, search: string, from?: number): number {
      const at = indexOf.call(this, search, from);
      if (search === '是') read += (at < 0 ? this.length : at) - (from ?? 0);
      return at;
    } as typeof String.prototype.indexOf;
    let reply;
    try {
      reply = parseReply(text);
    } finally {
      String.prototype.indexOf = indexOf;
    }
    assert.equal(reply.enumerations.length, 0); // a lone 一是 is no enumeration
    assert.ok(read <= 3 * text.length, `read ${read} characters for a text of ${text.length}`);
  });

  it('parseCjkNumeral reads a part of a string as it reads that part alone', () => {
    const piece = fc.constantFrom('一', '二', '十', '百', '零', '〇', '九', '两', '是', 'a');
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((xs) => xs.join('')), fc.nat(), fc.nat(), (s, x, y) => {
      const [start, end] = spanOf(s, x, y);
      assert.equal(parseCjkNumeral(s, start, end), parseCjkNumeral(s.slice(start, end)));
    }), { numRuns: 10_000 });
  });
});

describe('next steps and citations', () => {
  it('nextStepsSentence finds the cue that /(^|[。!?;])[ \\t]*(cue)/ finds', () => {
    const re = /(^|[。!?;])[ \t]*(下一步|下步|下阶段|下一阶段|接下来|今后)(?=[,:，：\s]|工作|我|将|要|继续|区|市|县|省|本)/;
    const reference = (s: string): { at: number; length: number } | undefined => {
      const m = re.exec(s);
      return m ? { at: m.index + m[0].length - m[2]!.length, length: m[2]!.length } : undefined;
    };
    const piece = fc.constantFrom('下', '一', '步', '阶段', '接', '来', '今', '后', '。', '!', ';', ' ', '\t', '，', '工作', '我', '将', '本', '中', '\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }).map((xs) => xs.join('')), (s) => {
      assert.deepEqual(nextStepsSentence(s), reference(s));
    }), { numRuns: 20_000 });
  });

  it('NextStepsWords finds, from each place in turn, what the regex of its six words finds from there', () => {
    const words = /下一步|下步|下阶段|下一阶段|接下来|今后/g;
    const piece = fc.constantFrom('下', '一', '步', '阶', '段', '阶段', '接', '来', '今', '后', '今后', '下一步', '下一阶段', '接下来', '下步', '中', '。');
    const found = new Set<string>();
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }).map((xs) => xs.join('')), fc.array(fc.nat(), { maxLength: 6 }), (s, steps) => {
      const finder = new NextStepsWords(s);
      let from = 0;
      for (const step of [0, ...steps]) {
        from = Math.min(s.length, from + (step % 5));
        words.lastIndex = from;
        const m = words.exec(s);
        if (m) found.add(m[0]);
        assert.deepEqual(finder.next(from), m ? { start: m.index, end: m.index + m[0].length } : undefined, JSON.stringify([s, from]));
      }
    }), { numRuns: 20_000 });
    assert.equal(found.size, 6, [...found].join());
  });

  it('NextStepsWords searches for a character it found nowhere further on no more (linear in the text)', () => {
    // 2 000 words 今后 and no 步, 段 or 接: each of those three is searched for once, not once per word
    const text = '今后工作。'.repeat(2000);
    const finder = new NextStepsWords(text);
    const original = String.prototype.indexOf;
    let calls = 0;
    String.prototype.indexOf = function (this: string, ...args: Parameters<string['indexOf']>): number {
      if (this === text) calls++;
      return original.apply(this, args);
    };
    let found = 0;
    try {
      for (let from = 0, w = finder.next(0); w; from = w.end, w = finder.next(from)) found++;
    } finally {
      String.prototype.indexOf = original;
    }
    assert.equal(found, 2000);
    assert.ok(calls <= found + 4, `${calls} searches for ${found} words`);
  });

  it('the next next-steps word, searched from the start of a block, lies inside every block where nextStepsSentence finds a cue', () => {
    const piece = fc.constantFrom('下', '一', '步', '阶段', '接', '来', '今', '后', '。', '!', ';', ' ', '\t', '，', '工作', '我', '将', '本', '中', '\n', '下一步', '接下来');
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }).map((xs) => xs.join('')), fc.nat(), fc.nat(), (text, x, y) => {
      const folded = foldWidth(text);
      const [start, end] = spanOf(text, x, y);
      if (!nextStepsSentence(folded.slice(start, end))) return;
      const word = new NextStepsWords(folded).next(start);
      assert.ok(word && word.start >= start && word.end <= end, JSON.stringify([text, start, end]));
    }), { numRuns: 20_000 });
  });

  it('proposalKey equals the upper-cased value with the zeros after its letters replaced away', () => {
    const reference = (v: string): string => v.toUpperCase().replace(/^([A-Z]*)0+(?=\d)/, '$1');
    fc.assert(fc.property(fc.array(fc.constantFrom('0', '00', '1', '9', 'a', 'B', 'z', ' ', '号'), { maxLength: 8 }).map((xs) => xs.join('')), (v) => {
      assert.equal(proposalKey(v), reference(v));
    }), { numRuns: 5_000 });
    assert.equal(proposalKey('a0012'), 'A12');
  });

  it('bodyCitations finds the 第N号 of the body right after 》 or 》（, as a scan of every 第 would', () => {
    const reference = (text: string): unknown[] => {
      const reply = parseReply(text);
      return reply.body.flatMap((b) => findProposalNumbers(reply.folded, b).filter((r) => /》\(?$/.test(reply.folded.slice(Math.max(b.start, r.start - 2), r.start))));
    };
    const head = '林灵委员：\n\n您提出的《关于加强管理的建议》（第41019号）收悉，现答复如下：\n\n';
    const piece = fc.constantFrom('《', '》', '（', '(', '）', '第', '12', 'A', ' ', '号', '文', '\n', '\n\n', '。', '一、', '》（第', '》第');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((xs) => `${head}${xs.join('')}\n\n厦门市教育局\n2025年6月3日\n`), (text) => {
      assert.deepEqual(bodyCitations(parseReply(text)), reference(text));
    }), { numRuns: 3_000 });
  });
});

describe('forms of address', () => {
  it('formUses finds exactly what FORM_USE matches', () => {
    const reference = (s: string): FormUse[] => {
      const out: FormUse[] = [];
      const re = new RegExp(FORM_USE.source, 'g');
      for (let m = re.exec(s); m; m = re.exec(s)) out.push({ index: m.index, length: m[0].length, form: m[1] !== undefined ? 0 : m[2] !== undefined ? 1 : 2 });
      return out;
    };
    const piece = fc.constantFrom('你', '您', '贵', '们', '委', '会', '单', '位', '单位', '中心', '党', '派', '党派', '组织', '盟', '社', '局', '司', '中', '。', 'a');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }).map((xs) => xs.join('')), (s) => {
      assert.deepEqual(formUses(s), reference(s));
    }), { numRuns: 20_000 });
  });
});

describe('block splitting', () => {
  /** segmentLine as it was defined, one character at a time. */
  function segmentReference(folded: string, start: number, end: number): Array<{ start: number; end: number }> {
    const out: Array<{ start: number; end: number }> = [];
    let segStart = start;
    let depth = 0;
    for (let i = start; i < end; i++) {
      const ch = folded.charAt(i);
      if ('(《“〔['.includes(ch)) depth++;
      else if (')》”〕]'.includes(ch)) {
        if (depth > 0) depth--;
      } else if (isBlank(ch.charCodeAt(0))) {
        let j = i + 1;
        while (j < end && isBlank(folded.charCodeAt(j))) j++;
        if (j < end && depth === 0 && i > segStart && shouldBreakAtGap(folded, segStart, i, j)) {
          out.push(trimSpan(folded, segStart, i));
          segStart = j;
        }
        i = j - 1;
      } else if ('。!?'.includes(ch)) {
        if (ch === '。') depth = 0;
        if (i + 1 < end && depth === 0 && markerIsHeadingLike(folded, i + 1)) {
          out.push(trimSpan(folded, segStart, i + 1));
          segStart = i + 1;
        }
      }
    }
    if (segStart < end) out.push(trimSpan(folded, segStart, end));
    return out.filter((x) => x.end > x.start);
  }

  it('mayStartMarker skips no place where MARKER_AFTER_END matches', () => {
    const re = new RegExp(MARKER_AFTER_END.source, 'y');
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `${ch}、`, `${ch} .`, `${ch}一、`, `${ch}十二、`]) {
        re.lastIndex = 0;
        if (re.test(s) && !mayStartMarker(c)) assert.fail(`U+${c.toString(16)} in ${s}`);
      }
    }
    assert.equal(mayStartMarker('四'.charCodeAt(0)), true);
    assert.equal(mayStartMarker('中'.charCodeAt(0)), false);
  });

  it('segmentLine, walking the marks of scanText, splits a line where the character-by-character definition does', () => {
    const piece = fc.constantFrom('中', '文', '。', '!', '？', '，', ':', '如下：', '联系人：', '（', '）', '(', ')', '《', '》', '“', '”', '〔', '〕', '[', ']', '［', '］',
      ' ', '  ', '\t', '\u3000', '\ufeff', '一、', '（二）', '3.', '1.5', '2025年6月3日', '(联系', '抄送:', 'a');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((xs) => xs.join('')), fc.nat(), fc.nat(), (text, x, y) => {
      const scan = scanText(text);
      const [start, end] = spanOf(text, x, y);
      assert.deepEqual(segmentLine(scan.folded, start, end, scan), segmentReference(scan.folded, start, end));
    }), { numRuns: 20_000 });
  });
});

describe('footer prefilters', () => {
  it('mayEndWithDate is true wherever a date that only blanks and full stops follow starts in the block', () => {
    // the definition classifyFooterBlock's signature+date search applies: a date at i, then /^[ \t。.]*$/ to the end
    const dateEndsBlock = (folded: string, start: number, end: number): boolean => {
      for (let i = start; i < end; i++) {
        const m = matchDateAt(folded, folded, i);
        if (m && m.end <= end && /^[ \t。.]*$/.test(folded.slice(m.end, end))) return true;
      }
      return false;
    };
    const piece = fc.constantFrom('中', '局', '2025', '2025年6月3日', '25年06月03号', '2024.4.15', '2024-04-15', '二〇二四年四月十五日', '年', '月', '日', '号',
      '。', '.', ' ', '\t', '1', '0', ',', '(盖章)', 'a');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')), fc.nat(), fc.nat(), (s, x, y) => {
      const folded = foldWidth(s);
      const [start, end] = spanOf(s, x, y);
      if (dateEndsBlock(folded, start, end)) assert.ok(mayEndWithDate(folded, { start, end }), JSON.stringify([s, start, end]));
    }), { numRuns: 20_000 });
  });

  it('closingCueAt finds the earliest place where any of the closing cues matches', () => {
    const earliest = (s: string): number => {
      let best = -1;
      for (const re of CLOSING_CUES) {
        const i = s.search(re);
        if (i >= 0 && (best < 0 || i < best)) best = i;
      }
      return best;
    };
    const piece = fc.constantFrom('此复', '特此', '函复', '答复', '谨此', '专此', '以上', '意见', '参考', '妥否', '，', ',', '请', '感谢', '关心', '支持',
      '欢迎', '继续', '提出', '建议', '对', '本', '此', '经', '审签', '满意', '回执', '此致', '。', '中', ' ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }).map((xs) => xs.join('')), (s) => {
      assert.equal(closingCueAt(s), earliest(s), s);
    }), { numRuns: 20_000 });
  });

  it('signatureNames only strips a seal from text that ends with “)”', () => {
    for (const s of ['市教育局(盖章)', '市教育局 (盖章)', '市教育局（印章）', '市教育局', '市教育局(盖章) ', '市教育局(章)x']) {
      const folded = foldWidth(s);
      const seal = /[ \t]*\([ \t]*(盖章|印章|章)[ \t]*\)$/;
      const stripped = folded.replace(seal, '');
      assert.equal(stripped === folded, !folded.endsWith(')') || !seal.test(folded), s);
    }
  });
});

describe('junk lines', () => {
  it('junkReason, with its one-regex prefilter, gives what the list of JUNK_LINE patterns gives', () => {
    const reference = (line: string): string | undefined => {
      if (line.length > 160) return undefined;
      for (const [re, reason] of JUNK_LINE) if (re.test(line)) return reason;
      return undefined;
    };
    // every word the patterns name (and its case variants), the characters mayBeJunk looks for and
    // their neighbours, white space of every kind
    const words = [...new Set(JUNK_LINE.flatMap(([re]) => re.source.match(/[\u4e00-\u9fff©A-Za-z]+/g) ?? []))];
    const piece = fc.constantFrom(...words, ...words.map((w) => w.toLowerCase()), ...words.map((w) => w.toUpperCase()),
      '发布时间', '来源', '浏览次数', '阅读量', ':', ' ', '\t', '\u3000', '\u2028', '\u00a0', '12', '0', '9', 'copyright', '©', '技术支持:', '建议使用', '浏览器',
      '分享', '分享到', '打印', '关闭', '【', '[', '(', ')', '编辑', '扫一扫', '在手机上查看', '|', '-', '=', '_', '*', '~', '·', '•', '#', '>',
      '中', '文', '。', '返回顶部', '一、', '备', '网', '版', 'C', 'c', '技', '联', '建', '辨', '扫', '机', '(编辑:', '( 校对 :', '(作者');
    const reasons = new Map<string | undefined, number>();
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')), (s) => {
      const expected = reference(s);
      reasons.set(expected, (reasons.get(expected) ?? 0) + 1);
      assert.equal(junkReason(s), expected, s);
      if (!mayBeJunk(s)) assert.equal(expected, undefined, s);
    }), { numRuns: 30_000 });
    // not vacuous: every reason, and lines that are not junk, came up (web-metadata, a word at the start and a colon, least: ~100 times)
    for (const reason of [undefined, ...new Set(JUNK_LINE.map(([, r]) => r))]) assert.ok((reasons.get(reason) ?? 0) > 20, `${reason}: ${reasons.get(reason)}`);
  });

  it('mayBeJunk rules out the lines of a reply that hold nothing JUNK_ANY needs', () => {
    for (const line of ['一、补齐基础设施短板', '贵阳市卫生健康委员会', '感谢您对我们工作的关心和支持。', '(1)加强机制建设,完善体制机制。', '您提出的《关于教育的建议》收悉,现答复如下:']) assert.equal(mayBeJunk(line), false, line);
    for (const line of ['来源:新华网', '浏览次数 12', '分享', '| ---', 'Copyright']) assert.equal(mayBeJunk(line), true, line);
  });
});

describe('forms of address in quotes', () => {
  it('mayBeQuoted is true whenever a use lies in what /《[^》]*》|“[^”]*”/g matches in the scope', () => {
    const piece = fc.constantFrom('您', '你们', '贵委', '中', '文', '《', '》', '“', '”', '（', '）', '(', ')', '〔', '〕', '。');
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }).map((xs) => xs.join('')), fc.nat(), (s, x) => {
      const { folded, brackets } = scanText(s);
      const from = s.length === 0 ? 0 : x % (s.length + 1);
      const scope = folded.slice(from);
      const uses = formUses(scope);
      const quoted: Array<[number, number]> = [];
      const re = /《[^》]*》|“[^”]*”/g;
      for (let m = re.exec(scope); m; m = re.exec(scope)) quoted.push([m.index, m.index + m[0].length]);
      const inQuotes = uses.some((u) => quoted.some(([a, b]) => a <= u.index && u.index < b));
      if (inQuotes) assert.ok(mayBeQuoted(folded, brackets, from, uses), JSON.stringify([s, from]));
    }), { numRuns: 20_000 });
  });

  it('address-form-mismatch counts the uses outside 《》 and “” as the regex definitions do', () => {
    const rule = RULES.find((r) => r.id === 'address-form-mismatch')!;
    const piece = fc.constantFrom('您', '你们', '贵委', '感谢', '中', '文', '《', '》', '“', '”', '（', '）', '。', '\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((xs) => `民进厦门市委：\n${xs.join('')}`), (text) => {
      const reply = parseReply(text);
      const findings = runRules(reply, DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 }, rules: [rule] });
      const a = reply.addressee;
      if (!a) return;
      const end = reply.signature?.start ?? reply.date?.start ?? text.length;
      const scope = reply.folded.slice(a.end, end);
      const quoted: Array<[number, number]> = [];
      const q = /《[^》]*》|“[^”]*”/g;
      for (let m = q.exec(scope); m; m = q.exec(scope)) quoted.push([m.index, m.index + m[0].length]);
      const re = new RegExp(FORM_USE.source, 'g');
      const first = new Map<number, number>();
      const counts = new Map<number, number>();
      for (let m = re.exec(scope); m; m = re.exec(scope)) {
        const at = m.index;
        if (quoted.some(([x, y]) => x <= at && at < y)) continue;
        const form = m[1] !== undefined ? 0 : m[2] !== undefined ? 1 : 2;
        if (!first.has(form)) first.set(form, a.end + at);
        counts.set(form, (counts.get(form) ?? 0) + 1);
      }
      const expected = [...first.entries()].filter(([form]) => ['persons', 'person', 'body'][form] !== a.form).map(([form, at]) => [at, counts.get(form)]);
      const got = findings.map((f) => [f.start, Number(/(\d+)×/.exec(f.message.en)![1])]);
      assert.deepEqual(got.sort(), expected.sort(), text);
    }), { numRuns: 3_000 });
  });
});
