/**
 * The client's one language per window (client/src/l10n.ts): the locale setting when set, else the
 * display language; its texts from the l10n bundle, placeholders filled.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Texts } from '../../client/src/l10n';
import { ROOT } from '../support/fixtures';

describe('client texts in one language', () => {
  const bundle = path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json');

  it('follows the setting over the display language, and the display language at auto', () => {
    const t = new Texts();
    t.load(bundle);
    assert.equal(t.resolve({ locale: 'zh-cn' }, 'en'), true);
    assert.equal(t.t('Structure {0}/{1}', 6, 7), '结构 6/7');
    assert.equal(t.resolve({ locale: 'en' }, 'zh-cn'), true);
    assert.equal(t.t('Structure {0}/{1}', 6, 7), 'Structure 6/7');
    assert.equal(t.resolve({ locale: 'auto' }, 'zh-cn'), true);
    assert.equal(t.locale, 'zh-cn');
    assert.equal(t.resolve({ locale: 'auto' }, 'zh-tw'), false, 'any Chinese display language is Chinese');
    assert.equal(t.resolve({ locale: 'auto' }, 'de'), true);
    assert.equal(t.locale, 'en');
    assert.equal(t.resolve(undefined, 'en'), false);
  });

  it('keeps the English text where the bundle lacks one, and a missing bundle leaves English', () => {
    const t = new Texts();
    t.load(bundle);
    t.resolve({ locale: 'zh-cn' }, 'en');
    assert.equal(t.t('No such message {0}', 'x'), 'No such message x');
    assert.equal(t.t('{0} overdue', 3), '逾期 3 件');
    const none = new Texts();
    none.load(path.join(ROOT, 'no-such-bundle.json'));
    none.resolve({ locale: 'zh-cn' }, 'zh-cn');
    assert.equal(none.t('present'), 'present');
  });
});
