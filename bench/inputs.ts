/**
 * The benchmark's inputs, generated at run time into `.bench/` (git-ignored): one reply per size
 * and a folder of replies for the CLI. The folder is reused when its stamp says it was written by
 * the same generator with the same seed and count, because writing 10 000 files takes a while.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { folderReply, generateReply } from './generate';
import { ensureDir, MiB } from './runner';

export const SEED = 20240515;

export interface SizedInput {
  /** Target size in bytes (10 KB, 100 KB, 1 MB, 10 MB). */
  readonly target: number;
  readonly label: string;
  readonly path: string;
  readonly text: string;
  /** UTF-8 size of `text`. */
  readonly bytes: number;
}

export interface FolderInput {
  readonly path: string;
  readonly files: number;
  readonly bytes: number;
}

export interface Inputs {
  readonly sizes: readonly SizedInput[];
  /** One reply of about 5 KB: what a pre-commit hook or an editor's linter integration checks. */
  readonly small: SizedInput;
  /** One large reply for the whole CLI process against markdownlint-cli2 (4 MB; quick mode 100 KB). */
  readonly large: SizedInput;
  folder(): FolderInput;
}

export const FULL_SIZES = [10 * 1024, 100 * 1024, MiB, 10 * MiB];
export const QUICK_SIZES = [10 * 1024, 100 * 1024];
export const SMALL_SIZE = 5 * 1024;
export const LARGE_SIZE = 4 * MiB;
export const QUICK_LARGE_SIZE = 100 * 1024;
export const FULL_FOLDER = 10_000;
export const QUICK_FOLDER = 200;

/** A run-on line of this many characters is put into the 1 MB and 10 MB inputs (a collapsed web page). */
export const LONG_LINE = 100_000;

function label(bytes: number): string {
  return bytes >= MiB ? `${bytes / MiB} MB` : `${bytes / 1024} KB`;
}

/** The sized reply for `target` bytes; deterministic. */
export function sizedReply(target: number): string {
  return generateReply(SEED + target, {
    bytes: target,
    kind: 'proposal-reply',
    halfWidth: 0.03,
    ...(target >= MiB ? { longLine: LONG_LINE } : {}),
  });
}

/**
 * A reply of about `target` bytes (±10 %) from the first seed that gives one: at a few KB the
 * generator's sections are too coarse to meet a size from any one seed.
 */
export function smallReply(target: number): string {
  for (let seed = SEED; ; seed++) {
    const text = generateReply(seed, { bytes: target, kind: 'proposal-reply', halfWidth: 0.03 });
    if (Math.abs(Buffer.byteLength(text) - target) <= target * 0.1) return text;
  }
}

export function prepareInputs(work: string, quick: boolean, log: (m: string) => void): Inputs {
  const dir = ensureDir(path.join(work, 'inputs'));
  const write = (target: number, text: string): SizedInput => {
    const p = path.join(dir, `reply-${label(target).replace(' ', '')}.reply`);
    fs.writeFileSync(p, text);
    return { target, label: label(target), path: p, text, bytes: Buffer.byteLength(text) };
  };
  const sizes = (quick ? QUICK_SIZES : FULL_SIZES).map((target) => write(target, sizedReply(target)));
  const small = write(SMALL_SIZE, smallReply(SMALL_SIZE));
  const largeSize = quick ? QUICK_LARGE_SIZE : LARGE_SIZE;
  const large = sizes.find((s) => s.target === largeSize) ?? write(largeSize, sizedReply(largeSize));
  log(`inputs: ${[small, ...sizes, ...(sizes.includes(large) ? [] : [large])].map((s) => `${s.label} (${s.bytes} bytes)`).join(', ')}`);
  let folder: FolderInput | undefined;
  return {
    sizes,
    small,
    large,
    folder: () => (folder ??= prepareFolder(work, quick ? QUICK_FOLDER : FULL_FOLDER, log)),
  };
}

/** Writes `count` replies into `.bench/folder-<count>/`, 1 000 per sub-folder. */
export function prepareFolder(work: string, count: number, log: (m: string) => void): FolderInput {
  const dir = path.join(work, `folder-${count}`);
  const stampFile = path.join(dir, '.stamp');
  const generator = fs.readFileSync(path.join(__dirname, 'generate.js'), 'utf8');
  const stamp = createHash('sha256').update(`${SEED}\n${count}\n${generator}`).digest('hex');
  if (fs.existsSync(stampFile)) {
    const [old, bytes] = fs.readFileSync(stampFile, 'utf8').split('\n');
    if (old === stamp) return { path: dir, files: count, bytes: Number(bytes) };
  }
  log(`inputs: writing ${count} replies to ${path.relative(process.cwd(), dir)} …`);
  fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = ensureDir(path.join(dir, String(Math.floor(i / 1000)).padStart(2, '0')));
    const text = folderReply(SEED, i);
    const buf = Buffer.from(text);
    bytes += buf.length;
    fs.writeFileSync(path.join(sub, `reply-${String(i).padStart(5, '0')}.reply`), buf);
  }
  fs.writeFileSync(stampFile, `${stamp}\n${bytes}\n`);
  return { path: dir, files: count, bytes };
}
