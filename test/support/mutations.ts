/**
 * Generators for property and fuzz tests: random text and random damage to real replies, the way
 * pasted and half-edited drafts arrive (deleted, duplicated and swapped lines, web junk, truncation,
 * mixed widths, CRLF/CR/LF, a BOM, lone surrogates, astral characters, NUL bytes, huge lines, a
 * hard wrap at the page width).
 */
import * as fc from 'fast-check';
import { hardWrap } from './wrap';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, SEEDS } from './fixtures';

/** How many cases each property runs: bounded in CI, long with FUZZ_RUNS for `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 3000 : 150));

// a failure prints its seed and path; FUZZ_SEED (and FUZZ_PATH, with mocha -g for that property) replays it
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) });

/** Cases counted per invariant, printed after the suite. */
export const counts = new Map<string, number>();

export function count(invariant: string): void {
  counts.set(invariant, (counts.get(invariant) ?? 0) + 1);
}

// printed once after every suite of the run (a root hook), whichever property files ran
after(() => {
  if (counts.size === 0) return;
  const rows = [...counts].map(([k, n]) => `    ${k.padEnd(34)} ${n}`).join('\n');
  console.log(`\n  property cases per invariant (FUZZ_RUNS=${RUNS}):\n${rows}\n`);
});

function readAll(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, name.name);
    if (name.isDirectory()) out.push(...readAll(p, ext));
    else if (name.name.endsWith(ext)) out.push(fs.readFileSync(p, 'utf8'));
  }
  return out;
}

/** The real replies: the seeds and the project's own examples. */
export const CORPUS: readonly string[] = [...readAll(SEEDS, '.txt'), ...readAll(EXAMPLES, '.reply')];

const JUNK_LINES = ['发布时间：2024-01-02 10:00　浏览次数：12次', '分享到：', '||||||||', '扫一扫在手机上查看当前页面', '（编辑：张三）', '闽公网安备 35020302032660号', '<div class="article">'];
const PIECES = [
  '一、', '二、', '十一、', '（一）', '(二)', '（三）、', '1.', '2、', '１０.', '（1）', '(2)', '一是', '二是', '三是', '下一步，', '今后，',
  '林灵委员：', '民进厦门市委:', '您提出的《关于教育的建议》（第156号）收悉，现答复如下：', '此复。', '特此报告。', '厦门市教育局',
  '2024年4月15日', '2024年02月30日', '二〇二四年四月十五日', '2024.4.15', '厦教提案函〔2024〕43号', '[2024]', '答复类别：A类',
  '（联系人：林晓，联系电话：0592-1234567）', '（此件公开发布）', '抄送：市政协提案委员会。', '《', '》', '“', '”', '（', '）', '〔', '〕',
  '，', ',', '：', ':', '。', '.', '；', '　', ' ', '\t', '\n', '\r\n', '\r', '\ufeff', '\u0000', '\ud800', '\udc00', '𠀋', '😀', '\u200b',
  '<p>', '</p>', '<br/>', '&nbsp;', '&ldquo;', '&#12290;', '&amp;', '<', '&', '\u2004', '\u205f', '\u2028',
];

/** Text built from the pieces replies are made of, plus arbitrary characters. */
export const replyLikeText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), { maxLength: 120 })
  .map((parts) => parts.join(''));

type Mutation = (text: string) => string;

function lines(text: string): string[] {
  return text.split('\n');
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (t) => { const l = lines(t); l.splice(i % Math.max(1, l.length), 1); return l.join('\n'); }),
  fc.nat().map((i): Mutation => (t) => { const l = lines(t); const k = i % Math.max(1, l.length); l.splice(k, 0, l[k] ?? ''); return l.join('\n'); }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => { const l = lines(t); const n = Math.max(1, l.length); const x = a % n; const y = b % n; [l[x], l[y]] = [l[y]!, l[x]!]; return l.join('\n'); }),
  fc.tuple(fc.nat(), fc.constantFrom(...JUNK_LINES)).map(([i, j]): Mutation => (t) => { const l = lines(t); l.splice(i % (l.length + 1), 0, j); return l.join('\n'); }),
  fc.nat().map((i): Mutation => (t) => t.slice(0, i % (t.length + 1))),
  fc.constant<Mutation>((t) => t.replace(/[，：；（）]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))),
  fc.constant<Mutation>((t) => t.replace(/[,:;()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
  // typed the Latin way: a blank after every comma and sentence end
  fc.constant<Mutation>((t) => t.replace(/([，,。；;：:！？])(?=\S)/g, '$1 ')),
  fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r\n')),
  fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r')),
  fc.constant<Mutation>((t) => t.replace(/\n/g, ' ')),
  fc.constant<Mutation>((t) => `\ufeff${t}`),
  fc.tuple(fc.nat(), fc.constantFrom('\ud800', '\udfff', '\u0000', '𠀋𠀋', '😀', '\u3000\u3000', '\u00a0', '<p>', '</span>', '&nbsp;', '&rdquo;')).map(([i, s]): Mutation => (t) => { const k = i % (t.length + 1); return t.slice(0, k) + s + t.slice(k); }),
  fc.nat().map((i): Mutation => (t) => { const k = i % (t.length + 1); return `${t.slice(0, k)}${'一、加强领导，'.repeat(14_300)}${t.slice(k)}`; }),
  // copied from a PDF or a printout: every line broken at the page width
  fc.tuple(fc.integer({ min: 8, max: 45 }), fc.constantFrom('columns', 'characters') as fc.Arbitrary<'columns' | 'characters'>).map(([width, by]): Mutation => (t) => hardWrap(t, width, by)),
);

/** A real reply with up to six random mutations applied. */
export const mutatedReply = fc.tuple(fc.constantFrom(...CORPUS), fc.array(mutation, { maxLength: 6 })).map(([text, ms]) => ms.reduce((t, m) => m(t), text));

/** Any text a clerk might open: reply-like, mutated real replies, or arbitrary strings. */
export const anyText = fc.oneof({ weight: 3, arbitrary: mutatedReply }, { weight: 2, arbitrary: replyLikeText }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) });
