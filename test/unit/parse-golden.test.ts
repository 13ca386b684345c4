/**
 * Golden parser fixtures: every `test/fixtures/parse/*.reply` beside the parser's reading of it
 * (`*.roles`: the role of every block and the elements found). A parser change shows up as a diff
 * of these files; `npm run golden` writes them anew for review.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReply } from '../../server/src/parse';
import { readingOf } from '../../server/src/parse/reading';
import { FIXTURES } from '../support/fixtures';

const DIR = path.join(FIXTURES, 'parse');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('golden parser fixtures', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.reply')).sort();

  it('has fixtures, each with its reading', () => {
    assert.ok(files.length >= 10, `only ${files.length} fixtures`);
    if (UPDATE) return;
    const readings = fs.readdirSync(DIR).filter((f) => f.endsWith('.roles'));
    assert.deepEqual(readings.sort(), files.map((f) => f.replace(/\.reply$/, '.roles')).sort());
  });

  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const reading = readingOf(parseReply(text));
      const golden = path.join(DIR, file.replace(/\.reply$/, '.roles'));
      if (UPDATE) fs.writeFileSync(golden, reading);
      assert.equal(reading, fs.readFileSync(golden, 'utf8'), `${file}: the reading differs from ${path.basename(golden)} (npm run golden writes it anew)`);
    });
  }
});
