import * as assert from 'node:assert/strict';
import { decodeReplyBytes } from '../../server/src/core/decode';

describe('decoding files', () => {
  const text = '林灵委员：\n您提出的《关于教育的建议》收悉，现答复如下：\n';

  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    assert.deepEqual(decodeReplyBytes(Buffer.from(text, 'utf8')), { ok: true, text, encoding: 'utf-8' });
    assert.deepEqual(decodeReplyBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])), { ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(decodeReplyBytes(le), { ok: true, text, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    assert.deepEqual(decodeReplyBytes(be), { ok: true, text, encoding: 'utf-16be' });
  });

  it('reads GBK (as GB18030) when the bytes are not UTF-8', () => {
    // 林灵委员： in GBK
    const gbk = Buffer.from([0xc1, 0xd6, 0xc1, 0xe9, 0xce, 0xaf, 0xd4, 0xb1, 0xa3, 0xba]);
    assert.deepEqual(decodeReplyBytes(gbk), { ok: true, text: '林灵委员：', encoding: 'gb18030', guessed: true });
  });

  it('refuses binary data and text in no known encoding', () => {
    assert.deepEqual(decodeReplyBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14])), { ok: false, reason: 'binary' });
    assert.deepEqual(decodeReplyBytes(Buffer.from([0x61, 0x62, 0xff, 0xfe, 0xfd, 0x63, 0x80, 0x81])), { ok: false, reason: 'encoding' });
  });

  // issue 23, item 9: UTF-16 without a BOM was refused as binary (NULs) or, with no ASCII at all,
  // read as GB18030 gibberish; one invalid UTF-8 byte made the whole file unreadable
  it('reads UTF-16 without a BOM, with or without ASCII, and says it guessed', () => {
    const han = '林灵委员您提出的关于教育的建议收悉现答复如下我局高度重视';
    // 一 is U+4E00: Chinese has a few NULs on the other side too
    const headings = '一、加强领导\n二、完善机制\n三、一以贯之\n';
    for (const sample of [text, han, headings]) {
      const le = Buffer.from(sample, 'utf16le');
      assert.deepEqual(decodeReplyBytes(le), { ok: true, text: sample, encoding: 'utf-16le', guessed: true });
      const be = Buffer.from(le);
      be.swap16();
      assert.deepEqual(decodeReplyBytes(be), { ok: true, text: sample, encoding: 'utf-16be', guessed: true });
    }
  });

  it('still refuses 16-bit binary data whose NULs fall on one side', () => {
    const words = Buffer.alloc(2000);
    for (let i = 0; i < words.length; i += 2) words[i] = (i * 7) % 31;
    assert.deepEqual(decodeReplyBytes(words), { ok: false, reason: 'binary' });
  });

  it('decodes UTF-8 with a few invalid bytes, marking each place, and refuses text that is mostly invalid', () => {
    const bytes = Buffer.concat([Buffer.from('林灵委员：\n您提出的', 'utf8'), Buffer.from([0xff]), Buffer.from('建议收悉。\n'.repeat(40), 'utf8')]);
    const r = decodeReplyBytes(bytes);
    assert.ok(r.ok);
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.guessed, undefined);
    assert.equal(r.text, `林灵委员：\n您提出的\ufffd${'建议收悉。\n'.repeat(40)}`);
    assert.deepEqual([r.invalid, r.invalidCount], [[Buffer.byteLength('林灵委员：\n您提出的')], 1]);
    // a truncated sequence and a lone continuation byte are one place each
    const two = decodeReplyBytes(Buffer.concat([Buffer.from('甲乙丙丁'.repeat(200)), Buffer.from([0xe4, 0xb8]), Buffer.from('戊'), Buffer.from([0x80]), Buffer.from('己')]));
    assert.ok(two.ok);
    assert.equal(two.invalidCount, 2);
    assert.equal(two.text.slice(-4), '\ufffd戊\ufffd己');
  });
});
