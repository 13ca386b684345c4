/**
 * Properties of the parser's reading on the real replies of ../shared/corpus (the seeds and the
 * captured pages): page furniture inserted before, inside or after the head or the foot loses no
 * element. Every reply, every kind of line, every place is tried. The blanks and punctuation a web
 * copy changes (no-break spaces, half-width marks, indents) change no role.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Reply } from '../../server/src/core/model';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { parseReply } from '../../server/src/parse';
import { junkReason } from '../../server/src/parse/junk';
import { unwrapText } from '../../server/src/parse/unwrap';
import { foldWidth } from '../../server/src/core/text';
import { runRules } from '../../server/src/rules/engine';
import { ROOT } from '../support/fixtures';
import { hardWrap } from '../support/wrap';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

/** The replies, without the `# …` comment lines a corpus text may begin with. */
function corpusTexts(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const dir of ['seeds', 'real']) {
    for (const f of fs.readdirSync(path.join(CORPUS, dir)).filter((x) => x.endsWith('.txt')).sort()) {
      const lines = fs.readFileSync(path.join(CORPUS, dir, f), 'utf8').split('\n');
      while (lines[0]?.startsWith('# ')) lines.shift();
      out.push({ name: f, text: lines.join('\n') });
    }
  }
  return out;
}

/** Unknown lines of the kinds a web page leaves (written for this test). */
const UNKNOWN_LINES: Record<string, string> = {
  metadata: '发布时间：2024-03-18 10:22　来源：本站　浏览次数：35',
  breadcrumb: '首页 > 信息公开 > 提案建议办理',
  'page footer': '版权所有：某某市人民政府办公室　网站标识码：3502000023',
  'blank-only': '　　 \t ',
  widgets: '【打印本页】【关闭窗口】',
};

type ElementName = 'docNumber' | 'title' | 'addressee' | 'receipt' | 'closing' | 'signature' | 'date';
const ELEMENTS: readonly ElementName[] = ['docNumber', 'title', 'addressee', 'receipt', 'closing', 'signature', 'date'];

/** Each element found, by its text (its line moves when a line is inserted above it). */
function elements(reply: Reply): Map<ElementName, string> {
  const out = new Map<ElementName, string>();
  for (const e of ELEMENTS) {
    const span = reply[e];
    if (span) out.set(e, reply.text.slice(span.start, span.end));
  }
  return out;
}

/** Where to insert: before the document, after the title, between addressee and receipt, before the signature, after the date, at the end. */
function places(reply: Reply): Record<string, number | undefined> {
  const lineOf = (offset: number): number => reply.lines.findIndex((l) => offset >= l.start && offset <= l.end);
  const title = reply.title ? lineOf(reply.title.end) + 1 : undefined;
  const addressee = reply.addressee && reply.receipt && lineOf(reply.receipt.start) > lineOf(reply.addressee.end) ? lineOf(reply.addressee.end) + 1 : undefined;
  return {
    'before the document': 0,
    'after the title': title,
    'between addressee and receipt': addressee,
    'before the signature': reply.signature && lineOf(reply.signature.start) > 0 && reply.text.slice(reply.lines[lineOf(reply.signature.start)]!.start, reply.signature.start).trim() === '' ? lineOf(reply.signature.start) : undefined,
    'after the date': reply.date ? lineOf(reply.date.end) + 1 : undefined,
    'at the end': reply.lines.length,
  };
}

describe('parser properties on the real replies', () => {
  const texts = corpusTexts();

  it('reads the corpus (seeds and captured pages)', () => {
    assert.ok(texts.length >= 70, `only ${texts.length} replies in ${CORPUS}`);
  });

  it('loses no element when page furniture is inserted before, inside or after the head or the foot', () => {
    let tried = 0;
    const failures: string[] = [];
    for (const { name, text } of texts) {
      const before = parseReply(text);
      const found = elements(before);
      const lines = text.split('\n');
      for (const [where, at] of Object.entries(places(before))) {
        if (at === undefined) continue;
        for (const [kind, line] of Object.entries(UNKNOWN_LINES)) {
          const after = elements(parseReply([...lines.slice(0, at), line, ...lines.slice(at)].join('\n')));
          tried++;
          for (const [e, t] of found) {
            if (after.get(e) !== t) failures.push(`${name}: ${kind} ${where} (line ${at + 1}): ${e} “${t.slice(0, 20)}” became “${after.get(e)?.slice(0, 20) ?? 'nothing'}”`);
          }
        }
      }
    }
    assert.ok(tried > 1000, `only ${tried} insertions tried`);
    assert.deepEqual(failures, []);
  });

  it('gives every block the same role when the blanks or marks are those of a web copy', () => {
    const HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' };
    const variants: Record<string, (line: string) => string> = {
      'no-break spaces': (l) => l.replace(/ /g, '\u00a0') + (l.trim() ? '\u00a0' : ''),
      'half-width marks': (l) => l.replace(/[，：；？！（）]/g, (c) => HALF[c]!),
      'indented with U+3000': (l) => (l.trim() ? `\u3000\u3000${l}` : l),
    };
    const roles = (r: Reply): string => r.roles.map((b) => `${b.line}:${b.role}`).join(' ');
    const failures: string[] = [];
    for (const { name, text } of texts) {
      const want = roles(parseReply(text));
      for (const [variant, change] of Object.entries(variants)) {
        if (roles(parseReply(text.split('\n').map(change).join('\n'))) !== want) failures.push(`${name}: ${variant}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('reads a reply hard-wrapped at the page width as the reply itself: every element, every measure, no new error', () => {
    const errors = (r: Reply): string[] => runRules(r, DEFAULT_CONFIG, { today: { year: 2026, month: 1, day: 1 } }).filter((f) => f.severity === 'error').map((f) => f.ruleId).sort();
    // each element's text without the line breaks the wrap put in; of the receipt and the closing
    // their first sentence, or whole sentences of them (a line that ends a sentence at the margin is
    // not joined to the next, so they may end there, or a paragraph before them be cut there)
    const SENTENCE_PARTS: ReadonlySet<ElementName> = new Set(['receipt', 'closing']);
    const read = (r: Reply): { elements: Map<ElementName, string>; rest: string } => ({
      elements: new Map([...elements(r)].map(([e, t]) => [e, t.replace(/\s/g, '')])),
      rest: JSON.stringify({ measures: r.measures.length, errors: errors(r) }),
    });
    /** Whether `part` is a run of whole sentences of `whole`. */
    const sentencesOf = (part: string, whole: string): boolean => {
      const at = whole.indexOf(part);
      return at >= 0 && (at === 0 || /[。!?]$/.test(whole.slice(0, at))) && (at + part.length === whole.length || /[。!?:]$/.test(part));
    };
    const same = (got: ReturnType<typeof read>, want: ReturnType<typeof read>): boolean =>
      got.rest === want.rest && got.elements.size === want.elements.size && [...want.elements].every(([e, t]) => {
        const g = got.elements.get(e);
        const first = (x: string): string => /^.*?[。!?:]/.exec(x)?.[0] ?? x;
        return g === t || (g !== undefined && SENTENCE_PARTS.has(e) && (first(g) === first(t) || sentencesOf(g, t)));
      });
    // the page's own rows (metadata, share widgets) were never printed lines, and a row laid out
    // with blanks (a signature aligned right, a print line with its date) fits the page where it
    // was printed
    const laidOut = (l: string): boolean => /^\s{10,}/.test(l) || (l.trim().length <= 60 && /\S\s{3,}\S/.test(l));
    const wrap = (text: string, width: number, by: 'columns' | 'characters'): string =>
      text.split('\n').map((l) => (junkReason(foldWidth(l.trim())) || laidOut(l) ? l : hardWrap(l, width, by))).join('\n');
    const failures: string[] = [];
    let joined = 0;
    for (const { name, text } of texts) {
      const want = read(parseReply(text));
      for (const [by, width] of [['columns', 24], ['columns', 28], ['columns', 32], ['columns', 40], ['characters', 28], ['characters', 32]] as const) {
        const wrapped = wrap(text, width, by);
        if (unwrapText(wrapped)) joined++;
        const got = read(parseReply(wrapped));
        if (!same(got, want)) failures.push(`${name} at ${width} ${by}: ${JSON.stringify([...got.elements, got.rest])} instead of ${JSON.stringify([...want.elements, want.rest])}`);
      }
    }
    assert.ok(joined >= texts.length * 5, `only ${joined} of ${texts.length * 6} wrapped replies read as hard-wrapped`);
    assert.deepEqual(failures, []);
  });
});
