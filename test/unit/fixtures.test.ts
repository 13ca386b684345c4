import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
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
