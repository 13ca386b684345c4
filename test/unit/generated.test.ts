import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from '../../scripts/generate';
import { RULES } from '../../server/src/rules';
import { ROOT } from '../support/fixtures';

describe('generated files', () => {
  it('docs/rules, docs/rules.md and the project-file schema match the registry (run `npm run generate`)', () => {
    for (const [rel, content] of generatedFiles()) {
      const p = path.join(ROOT, rel);
      assert.ok(fs.existsSync(p), `${rel} is missing`);
      assert.equal(fs.readFileSync(p, 'utf8'), content, `${rel} is out of date`);
    }
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).sort();
    assert.deepEqual(pages, RULES.map((r) => `${r.id}.md`).sort());
  });

  it('every rule has a default severity, zh and en texts, a norm source and an example', () => {
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)+$/);
      assert.ok(['error', 'warning', 'information', 'hint', 'off'].includes(r.defaultSeverity));
      for (const t of [r.title, r.description]) {
        assert.match(t.zh, /\p{Script=Han}/u, r.id);
        assert.match(t.en, /[a-z]/, r.id);
      }
      assert.ok(r.sources.length > 0, r.id);
      assert.ok(r.example, r.id);
    }
  });
});
