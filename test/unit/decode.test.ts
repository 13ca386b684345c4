import * as assert from 'node:assert/strict';
import { decodeReplyBytes } from '../../server/src/decode';

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
    assert.deepEqual(decodeReplyBytes(gbk), { ok: true, text: '林灵委员：', encoding: 'gb18030' });
  });

  it('refuses binary data and text in no known encoding', () => {
    assert.deepEqual(decodeReplyBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14])), { ok: false, reason: 'binary' });
    assert.deepEqual(decodeReplyBytes(Buffer.from([0x61, 0x62, 0xff, 0xfe, 0xfd, 0x63, 0x80, 0x81])), { ok: false, reason: 'encoding' });
  });
});
