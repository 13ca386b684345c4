import * as assert from 'node:assert/strict';
import { findDateIn, formatDate, isRealDate, matchDateAt } from '../../server/src/parse/dates';
import { dateElement } from '../../server/src/parse/footer';
import { canonicalMarker, parseCjkNumeral, toCjkNumeral, withOrdinal } from '../../server/src/parse/numbering';
import { foldWidth } from '../../server/src/core/text';

/** The date at the start of `s`; `degraded` as for matchDateAt (a line that holds nothing else). */
function date(s: string, degraded = false): unknown {
  const m = matchDateAt(s, foldWidth(s), 0, degraded);
  return m && { value: m.value, styles: m.styles, end: m.end };
}

describe('dates and numerals', () => {
  it('reads every written form of a date with its departures from GB/T 9704', () => {
    assert.deepEqual(date('2024年4月15日'), { value: { year: 2024, month: 4, day: 15 }, styles: [], end: 10 });
    assert.deepEqual(date('2024年04月05日'), { value: { year: 2024, month: 4, day: 5 }, styles: ['leading-zero'], end: 11 });
    assert.deepEqual(date('2024.4.15'), { value: { year: 2024, month: 4, day: 15 }, styles: ['numeric'], end: 9 });
    assert.deepEqual(date('2024-04-15'), { value: { year: 2024, month: 4, day: 15 }, styles: ['numeric'], end: 10 });
    assert.deepEqual(date('2024年4月15号'), { value: { year: 2024, month: 4, day: 15 }, styles: ['hao'], end: 10 });
    assert.deepEqual(date('二〇二四年四月十五日'), { value: { year: 2024, month: 4, day: 15 }, styles: ['chinese-numerals'], end: 10 });
    // a digit 0 typed into the year, spaced by a copy from print, is read from the year's start only
    assert.deepEqual(date('二 0 一七年五月二十六日'), { value: { year: 2017, month: 5, day: 26 }, styles: ['chinese-numerals', 'spaced'], end: 13 });
    assert.equal(matchDateAt('二 0 一七年五月二十六日', '二 0 一七年五月二十六日', 2), undefined);
    assert.deepEqual(date('２０２４年４月１５日'), { value: { year: 2024, month: 4, day: 15 }, styles: ['full-width-digits'], end: 10 });
    assert.deepEqual(date('2024 年 4 月 15 日'), { value: { year: 2024, month: 4, day: 15 }, styles: ['spaced'], end: 15 });
    assert.deepEqual(date('24年4月15日'), { value: { year: 2024, month: 4, day: 15 }, styles: ['short-year'], end: 8 });
    // an invisible character the folded text reads as a blank is no blank the reader sees (pasted-junk reports it)
    assert.deepEqual(matchDateAt('2024年4\u200b月15日', '2024年4 月15日', 0)?.styles, []);
    assert.deepEqual(matchDateAt('二〇二四年四\u200b月十五日', '二〇二四年四 月十五日', 0)?.styles, ['chinese-numerals']);
    assert.equal(date('2.9亿元'), undefined);
    assert.equal(date('一是加强'), undefined);
  });

  it('reads what a web page left of a date, where the line holds nothing else', () => {
    const degraded = (s: string): unknown => date(s, true);
    assert.deepEqual(degraded('20211022'), { value: { year: 2021, month: 10, day: 22 }, styles: ['run-together'], end: 8 });
    assert.deepEqual(degraded('2023年7月12'), { value: { year: 2023, month: 7, day: 12 }, styles: ['lost-mark'], end: 9 });
    assert.deepEqual(degraded('2023 7 12'), { value: { year: 2023, month: 7, day: 12 }, styles: ['lost-mark'], end: 9 });
    // one mark lost of three: the year's (`20237月12日`), the month's (`2023年712日`: month and day are one run)
    assert.deepEqual(degraded('20237月12日'), { value: { year: 2023, month: 7, day: 12 }, styles: ['lost-mark'], end: 9 });
    assert.deepEqual(degraded('202111月19日'), { value: { year: 2021, month: 11, day: 19 }, styles: ['lost-mark'], end: 10 });
    assert.deepEqual(degraded('2023年712日'), { value: { year: 2023, month: 7, day: 12 }, styles: ['lost-mark'], end: 9 });
    // a blank after the date is not the date's (`… 2023年7月12 (联系人…`)
    assert.deepEqual(degraded('2023年7月12 (联系人'), { value: { year: 2023, month: 7, day: 12 }, styles: ['lost-mark'], end: 9 });
    assert.deepEqual(degraded('年7月12日'), { value: { year: 0, month: 7, day: 12 }, styles: ['incomplete'], end: 6 });
    assert.deepEqual(degraded('2023年月12日'), { value: { year: 2023, month: 0, day: 12 }, styles: ['incomplete'], end: 9 });
    assert.deepEqual(degraded('2024年4月'), { value: { year: 2024, month: 4, day: 0 }, styles: ['incomplete'], end: 7 });
    // no date fills a line of three numbers that are no day, or a telephone number
    for (const s of ['2023 13 12', '0592 1234 567', '2023 12', '2023 712']) assert.equal(dateElement(s, foldWidth(s), 0, s.length, true), undefined, s);
    // nor a date that runs past the piece asked about (`2024年5 月6日` cut after the 5)
    assert.equal(dateElement('2024年5 月6日', '2024年5 月6日', 0, 6), undefined);
    // and none of them in running text
    assert.equal(date('2023年7月12'), undefined);
    // a full stop after a numeric date is no decimal
    assert.deepEqual(date('2023.07.12.'), { value: { year: 2023, month: 7, day: 12 }, styles: ['numeric'], end: 10 });
  });

  it('finds a date inside text and knows the calendar', () => {
    const s = '贵阳市教育局2019年10月15日';
    assert.equal(findDateIn(s, foldWidth(s), 0, s.length)!.start, 6);
    assert.equal(isRealDate({ year: 2024, month: 2, day: 29 }), true);
    assert.equal(isRealDate({ year: 2025, month: 2, day: 29 }), false);
    assert.equal(isRealDate({ year: 1900, month: 2, day: 29 }), false);
    assert.equal(isRealDate({ year: 2000, month: 2, day: 29 }), true);
    assert.equal(isRealDate({ year: 2025, month: 4, day: 31 }), false);
    assert.equal(formatDate({ year: 2025, month: 5, day: 3 }), '2025年5月3日');
  });

  it('converts Chinese numerals both ways and rewrites markers keeping their form', () => {
    for (let n = 1; n <= 99; n++) assert.equal(parseCjkNumeral(toCjkNumeral(n)), n);
    assert.equal(parseCjkNumeral('一百零五'), 105);
    assert.equal(parseCjkNumeral('二〇'), undefined);
    assert.deepEqual([1, 2, 3, 4].map((l) => canonicalMarker(l as 1 | 2 | 3 | 4, 12)), ['十二、', '（十二）', '12.', '（12）']);
    assert.equal(withOrdinal('(三)', 2, 1), '(一)');
    assert.equal(withOrdinal('１０、', 3, 2), '2、');
    assert.equal(withOrdinal('十一、', 1, 12), '十二、');
  });
});
