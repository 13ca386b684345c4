/** Paths of the test data: the project's fixtures and examples, and the shared seed corpus. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/...). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLES = path.join(ROOT, 'examples');
/** The seed corpus lives beside the checkout, in ../shared (CI puts it there too). */
export const SEEDS = path.resolve(ROOT, '..', 'shared', 'corpus', 'seeds');

export function readText(p: string): string {
  return fs.readFileSync(p, 'utf8');
}

/** The seed texts (the folder also holds their labels, in a folder of their own). */
export function seedFiles(): string[] {
  return fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS, f));
}

export function seedPath(prefix: string): string {
  const name = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found in ${SEEDS}`);
  return path.join(SEEDS, name);
}
