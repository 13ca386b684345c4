import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { parseReply } from '../../server/src/parse';
import { RULES } from '../../server/src/rules';
import { runRules } from '../../server/src/rules/engine';
import { FIXTURES } from '../support/fixtures';
import { loadFixture, runFixture } from '../support/harness';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');

describe('rule fixtures', () => {
  const dirs = fs.readdirSync(RULE_FIXTURES).filter((d) => fs.statSync(path.join(RULE_FIXTURES, d)).isDirectory()).sort();

  it('has a fixture folder for every rule and none for unknown rules', () => {
    assert.deepEqual(dirs, RULES.map((r) => r.id).sort());
  });

  for (const dir of dirs) {
    describe(dir, () => {
      const files = fs.readdirSync(path.join(RULE_FIXTURES, dir)).filter((f) => f.endsWith('.reply')).sort();
      it('has a fixture where the rule fires and one where it does not', () => {
        const fixtures = files.map((f) => loadFixture(path.join(RULE_FIXTURES, dir, f)));
        assert.ok(fixtures.some((fx) => [...fx.expected].some((e) => e.startsWith(`${dir}@`))), 'no positive fixture');
        assert.ok(fixtures.some((fx) => ![...fx.expected].some((e) => e.startsWith(`${dir}@`)) && (!fx.only || fx.only.has(dir))), 'no negative fixture');
      });
      for (const file of files) {
        it(file, () => {
          const fx = loadFixture(path.join(RULE_FIXTURES, dir, file));
          const { found } = runFixture(fx);
          assert.deepEqual([...found].sort(), [...fx.expected].sort());
        });
      }
    });
  }
});

describe('rule messages', () => {
  it('numbering-style names the marker it flags', () => {
    const text = ['陈明远委员：', '您提出的《关于加强课后服务的建议》收悉，现答复如下：', '一、加强保障', '1、出台办法。', '2、加强督导。'].join('\n');
    const messages = runRules(parseReply(text), DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 } })
      .filter((f) => f.ruleId === 'numbering-style')
      .map((f) => f.message.zh);
    assert.deepEqual(messages, ['编号“1、”写法不规范：“1、”应写作“1.”。', '编号“2、”写法不规范：“2、”应写作“2.”。']);
  });


  it('address-form-mismatch addresses a party committee as 贵委, a federation as 贵会 and a party branch as 贵支部', () => {
    const forms = ['民盟厦门市委：', '市工商联（总商会）：', '市侨联：', '民盟临江市教育支部：', '民进临江市直属总支部：', '九三学社临江市第一支社：'].map((addressee) => {
      const text = [addressee, '您提出的《关于加强课后服务的建议》收悉，现答复如下：', '感谢您的关心和支持。'].join('\n');
      return runRules(parseReply(text), DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 } })
        .filter((f) => f.ruleId === 'address-form-mismatch')
        .map((f) => /宜统一为“(.+)”/.exec(f.message.zh)?.[1])[0];
    });
    assert.deepEqual(forms, ['贵委', '贵会', '贵会', '贵支部', '贵总支', '贵支社']);
  });

  it('address-form-mismatch suggests 你们 to a body the reply already addresses as 你们', () => {
    const text = ['民革临江市委会：', '你们提出的《关于加强课后服务的建议》收悉，现答复如下：', '感谢您的关心和支持。'].join('\n');
    const messages = runRules(parseReply(text), DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 } })
      .filter((f) => f.ruleId === 'address-form-mismatch')
      .map((f) => /却用“(.+?)”称呼.*宜统一为“(.+)”/.exec(f.message.zh)?.slice(1));
    assert.deepEqual(messages, [['您', '你们']]);
  });

  it('next-steps-missing says why the reply owes next steps: its measures or its length', () => {
    const head = ['陈明远委员：', '您提出的《关于加强课后服务的提案》收悉，现答复如下：'];
    const message = (body: string[]): string | undefined => runRules(parseReply([...head, ...body, '此复。'].join('\n')), DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 } })
      .find((f) => f.ruleId === 'next-steps-missing')?.message.zh.split('，')[0];
    assert.equal(message(['一、完善机制。出台办法。', '二、加强保障。落实经费。', '三、强化督导。定期检查。']), '这份提案答复列了 3 项措施');
    assert.equal(message(['我局高度重视，认真研究。'.repeat(130)]), '这份提案答复篇幅较长');
    assert.equal(message(['我局高度重视，认真研究。']), undefined);
  });

  it('element-order names the measure by its marker and the elements by their names', () => {
    const text = ['陈明远委员：', '您提出的《关于加强课后服务的建议》收悉，现答复如下：', '一、下一步工作打算', '继续完善。', '二、已采取的措施', '出台办法。', '2024年4月15日', '厦门市教育局'].join('\n');
    const messages = runRules(parseReply(text), DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 } })
      .filter((f) => f.ruleId === 'element-order')
      .map((f) => [f.message.zh, f.message.en, f.related?.[0]?.message.zh]);
    assert.deepEqual(messages, [
      ['措施“二、”应位于下一步之前。', 'Measure “二、” should come before the next steps.', '下一步'],
      ['署名应位于成文日期之前。', 'Signature should come before the date.', '成文日期'],
    ]);
  });
});
