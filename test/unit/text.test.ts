import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ENUMERATION_CUE, enumerationCues } from '../../server/src/parse/numbering';
import { FORM_USE, type FormUse, formUses } from '../../server/src/rules/address-form-mismatch';
import { foldWidth, splitLines } from '../../server/src/text';

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

describe('text helpers', () => {
  it('foldWidth folds exactly U+FF01–U+FF5E and U+3000, one code unit for one, lone surrogates kept', () => {
    let all = '';
    for (let c = 0; c <= 0xffff; c++) all += String.fromCharCode(c);
    assert.equal(foldWidth(all), foldReference(all));
    assert.equal(foldWidth('（一）１２：　ＡＢ'), '(一)12: AB');
    const plain = '没有全角字符的文本';
    assert.equal(foldWidth(plain), plain);
  });

  it('splitLines splits at \\n, \\r\\n and a lone \\r like an editor', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '中', '\n', '\r', '\r\n', ' ')).map((xs) => xs.join('')), (s) => {
      assert.deepEqual(splitLines(s), splitReference(s));
    }), { numRuns: 500 });
  });
});

describe('enumeration cues', () => {
  it('enumerationCues finds exactly what ENUMERATION_CUE matches', () => {
    const reference = (s: string): Array<{ at: number; numeral: string }> => {
      const out: Array<{ at: number; numeral: string }> = [];
      const re = new RegExp(ENUMERATION_CUE.source, 'g');
      for (let m = re.exec(s); m; m = re.exec(s)) out.push({ at: m.index + m[1]!.length, numeral: m[2]! });
      return out;
    };
    const piece = fc.constantFrom('一', '二', '三', '十', '四', '是', '否', '非', '。', ',', ';', '、', ' ', '\u3000', '\u2028', '\t', '中', 'a');
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }).map((xs) => xs.join('')), (s) => {
      assert.deepEqual(enumerationCues(s), reference(s));
    }), { numRuns: 20_000 });
    assert.deepEqual(enumerationCues('措施:一是加强,二是完善;十一是') /* folded text */, [{ at: 3, numeral: '一' }, { at: 8, numeral: '二' }, { at: 13, numeral: '十一' }]);
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
