/**
 * How the checker holds up on the kinds of variation real replies show, measured on the labelled
 * corpus: every reply of ../shared/corpus is rewritten one way (line by line, or as a whole with the
 * line numbers of its labels carried over), and ../shared/tools/corpus-eval.mjs scores the checker
 * on the copies. The copies are written to a temporary folder and deleted; nothing of the corpus
 * enters the project.
 *
 *   npm run corpus:variants                   every variant, a table of the scores
 *   npm run corpus:variants -- drop           the variants whose name contains `drop`, with every miss
 *   npm run corpus:variants -- drop --keep    and keep the copies (their folder is printed) to look at
 *
 * Random variants are seeded, so a run is repeatable.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { prng } from './prng';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const SETS = ['real', 'seeds'] as const;

/** Characters a page carries that nobody sees: zero-width space, soft hyphen, pop-direction mark, a control character. */
const INVISIBLE = ['\u200b', '\u00ad', '\u202c', '\u0007'];

const HALF_WIDTH: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' };

/** Every Chinese character replaced (by `by`, or dropped) with probability `rate`. */
function lose(rate: number, seed: number, by: string): (line: string) => string {
  const next = prng(seed);
  return (line) => [...line].map((c) => (/\p{Script=Han}/u.test(c) && next() < rate ? by : c)).join('');
}

/** A rewrite of a text's lines, and where each old line went (labels name lines by number). */
interface Rewrite {
  readonly lines: string[];
  readonly moved: readonly number[];
}

interface Variant {
  readonly name: string;
  readonly what: string;
  /** Each line rewritten in place… */
  readonly line?: (line: string) => string;
  /** …or the lines as a whole. */
  readonly lines?: (lines: readonly string[]) => Rewrite;
  readonly eol?: string;
}

/** The lines without the blank ones; a blank line's labels (none) would go to the next line. */
function withoutBlankLines(lines: readonly string[]): Rewrite {
  const kept: string[] = [];
  const moved = lines.map((l) => {
    const at = kept.length;
    if (l.trim() !== '') kept.push(l);
    return at;
  });
  return { lines: kept, moved };
}

/** A label with every `line` number carried to where `moved` says that line went. */
function relabel(label: unknown, moved: readonly number[]): unknown {
  if (Array.isArray(label)) return label.map((x) => relabel(x, moved));
  if (label === null || typeof label !== 'object') return label;
  return Object.fromEntries(Object.entries(label).map(([k, v]) => [k, k === 'line' && typeof v === 'number' ? moved[v] : relabel(v, moved)]));
}

const VARIANTS: readonly Variant[] = [
  { name: 'as-captured', what: 'the corpus as it is', line: (l) => l },
  { name: 'indent', what: 'every paragraph indented with two U+3000', line: (l) => (l.trim() ? `\u3000\u3000${l}` : l) },
  { name: 'nbsp', what: 'blanks as no-break spaces (U+00A0)', line: (l) => l.replace(/ /g, '\u00a0') },
  { name: 'half-width', what: 'full-width ，：；？！（） as half-width', line: (l) => l.replace(/[，：；？！（）]/g, (c) => HALF_WIDTH[c]!) },
  { name: 'full-width-digits', what: 'ASCII digits as full-width', line: (l) => l.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) },
  { name: 'trailing', what: 'blanks and a tab after every line', line: (l) => `${l}  \t` },
  { name: 'latin-spacing', what: 'a blank after every comma before a Chinese character and after every ;:。 (typed the Latin way)', line: (l) => l.replace(/(,(?=\p{Script=Han})|[;:。](?=\S))/gu, '$1 ') },
  { name: 'no-blank-lines', what: 'no blank line between paragraphs', lines: withoutBlankLines },
  { name: 'crlf', what: 'CRLF line ends', line: (l) => l, eol: '\r\n' },
  { name: 'addressee-comma', what: 'a short line of names ending in a colon ends in a comma (张明委员，)', line: (l) => (l.length <= 40 && /(委员|代表|委|会|局|室|府)[:：][ \t]*$/.test(l) ? l.replace(/[:：]([ \t]*)$/, '，$1') : l) },
  { name: 'spaced-names', what: 'two-character names in a short addressee line spaced out to three (张　明委员：)', line: (l) => (l.length <= 40 && /(委员|代表)[^:：]{0,6}[:：][ \t]*$/.test(l) ? l.replace(/(^|[、，,]|尊敬的|致)(\p{Script=Han})(\p{Script=Han})(?=[、，,等]|委员|代表)/gu, (all, lead: string, a: string, b: string) => (/^(主任|各位)$/.test(a + b) ? all : `${lead}${a}\u3000${b}`)) : l) },
  { name: 'invisible', what: 'a zero-width space, soft hyphen, direction mark or control character at the start or end of two lines in three', line: (l) => (!l.trim() || l.length % 3 === 2 ? l : l.length % 3 === 0 ? `${INVISIBLE[l.length % 4]}${l}` : `${l}${INVISIBLE[l.length % 4]}`) },
  ...[1, 2, 3].map((seed): Variant => ({ name: `drop-1%-${seed}`, what: `1% of Chinese characters lost (seed ${seed})`, line: lose(0.01, seed, '') })),
  { name: 'question-1%', what: '1% of Chinese characters as ?', line: lose(0.01, 1, '?') },
  { name: 'replacement-1%', what: '1% of Chinese characters as U+FFFD', line: lose(0.01, 5, '\ufffd') },
  // what pages whose font lacks a glyph lose throughout (corpus 108, 117, 131, 134, 147, 156, 172, 178)
  { name: 'no-ymd', what: '年月日 after a digit lost everywhere (20211022)', line: (l) => l.replace(/(\d)[年月日]/g, '$1').replace(/(\d)[年月日]/g, '$1') },
  { name: 'no-hexagonal-brackets', what: '〔〕 lost everywhere (厦教提案函202443号)', line: (l) => l.replace(/[〔〕]/g, '') },
];

/** The corpus rewritten by a variant into `dir`, with its labels. */
function writeVariant(variant: Variant, dir: string): void {
  for (const set of SETS) {
    const from = path.join(SHARED, 'corpus', set);
    const to = path.join(dir, set);
    fs.mkdirSync(path.join(to, 'labels'), { recursive: true });
    for (const labelFile of fs.readdirSync(path.join(from, 'labels'))) {
      const label = JSON.parse(fs.readFileSync(path.join(from, 'labels', labelFile), 'utf8')) as { file: string };
      const lines = fs.readFileSync(path.join(from, label.file), 'utf8').split('\n');
      // the corpus's own comment lines stay as they are
      const rewrite = variant.lines
        ? variant.lines(lines)
        : { lines: lines.map((l) => (l.startsWith('# ') ? l : variant.line!(l))), moved: lines.map((_, i) => i) };
      fs.writeFileSync(path.join(to, label.file), rewrite.lines.join(variant.eol ?? '\n'));
      fs.writeFileSync(path.join(to, 'labels', labelFile), JSON.stringify(relabel(label, rewrite.moved), null, 1));
    }
  }
}

function evaluate(dir: string, verbose: boolean): string {
  const args = [path.join(SHARED, 'tools', 'corpus-eval.mjs'), '--corpus', path.join(dir, 'real'), '--also', path.join(dir, 'seeds'), ...(verbose ? ['--verbose'] : [])];
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function main(): void {
  const keep = process.argv.includes('--keep');
  const only = process.argv.slice(2).find((a) => a !== '--keep');
  const chosen = VARIANTS.filter((v) => !only || v.name.includes(only));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-variants-'));
  if (keep) console.log(`copies in ${tmp}`);
  try {
    console.log('| variant | what | scores |\n|---|---|---|');
    for (const variant of chosen) {
      const dir = path.join(tmp, variant.name);
      writeVariant(variant, dir);
      const out = evaluate(dir, only !== undefined);
      const summary = out.trim().split('\n').pop()!.replace(/^corpus: /, '');
      console.log(`| ${variant.name} | ${variant.what} | ${summary} |`);
      if (only !== undefined) console.log(out);
    }
  } finally {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
