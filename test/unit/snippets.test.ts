/**
 * The snippets: a valid file with Chinese prefixes and English aliases; each snippet, expanded with
 * fixed variable values, passes the checker with no error or warning other than on the placeholders
 * a user must fill in. Whole-document snippets give complete structures of their kind; fragments are
 * checked inside a clean reply, where they belong.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { createReplyService } from '../../server/src/service';
import type { Span } from '../../server/src/core/text';
import { parseSnippets, type Template } from '../../client/src/templates';
import { EXAMPLES, ROOT, readText } from '../support/fixtures';
import { expandSnippet, SNIPPET_TODAY } from '../support/snippets';

const FILE = path.join(ROOT, 'snippets', 'proposal-reply.code-snippets');
const TEMPLATES: Template[] = parseSnippets(readText(FILE));
const CLEAN = readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply'));

function byPrefix(alias: string): Template {
  const t = TEMPLATES.find((x) => x.prefixes.includes(alias));
  assert.ok(t, `no snippet with prefix ${alias}`);
  return t;
}

/** Findings at error or warning level that do not touch a placeholder. */
function unexpected(text: string, placeholders: readonly Span[]): string[] {
  const service = createReplyService({ now: () => SNIPPET_TODAY });
  const { findings } = service.analyze(TextDocument.create('file:///snippet.reply', 'proposal-reply', 1, text), DEFAULT_CONFIG);
  return findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .filter((f) => !placeholders.some((p) => f.start <= p.end && p.start <= f.end))
    .map((f) => `${f.ruleId}: ${f.message.zh}`);
}

/** Puts an expansion into a host text in place of `[start, end)`, shifting the placeholders. */
function insertInto(host: string, start: number, end: number, body: string): { text: string; placeholders: Span[] } {
  const e = expandSnippet(body);
  return { text: host.slice(0, start) + e.text + host.slice(end), placeholders: e.placeholders.map((p) => ({ start: p.start + start, end: p.end + start })) };
}

function lineSpan(text: string, line: number): Span {
  const lines = text.split('\n');
  const start = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  return { start, end: start + lines[line]!.length };
}

describe('snippets', () => {
  it('is a valid snippet file: Chinese prefixes with English aliases, a description and a body each', () => {
    assert.ok(TEMPLATES.length >= 11);
    for (const t of TEMPLATES) {
      assert.ok(t.prefixes.some((p) => /\p{Script=Han}/u.test(p)), `${t.name}: no Chinese prefix`);
      assert.ok(t.prefixes.some((p) => /^[a-z][a-z0-9-]*$/.test(p)), `${t.name}: no English alias`);
      assert.match(t.description, /\p{Script=Han}/u, t.name);
      assert.ok(t.body.length > 0, t.name);
      expandSnippet(t.body); // parses, and uses only known variables
    }
    const prefixes = TEMPLATES.flatMap((t) => t.prefixes);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  });

  it('writes the date with VS Code’s date variables, without leading zeros (GB/T 9704-2012 7.3.5.4)', () => {
    const e = expandSnippet(byPrefix('closing').body);
    assert.ok(e.variables.has('CURRENT_MONTH') && e.variables.has('CURRENT_DATE'));
    assert.match(e.text, /\n2025年6月8日$/);
  });

  for (const [alias, kind] of [['proposal-reply', 'proposal-reply'], ['suggestion-reply', 'suggestion-reply'], ['co-handling-opinion', 'co-handling-opinion'], ['rectification-report', 'rectification-report']] as const) {
    it(`expands ${alias} into a ${kind} with every element, whose only errors are its unfilled placeholders`, () => {
      const e = expandSnippet(byPrefix(alias).body);
      assert.deepEqual(unexpected(e.text, e.placeholders), []);
      const service = createReplyService({ now: () => SNIPPET_TODAY });
      const doc = TextDocument.create('file:///snippet.reply', 'proposal-reply', 1, e.text);
      const s = service.structure(doc, DEFAULT_CONFIG, 'zh-cn');
      assert.equal(s.kind, kind);
      assert.equal(`${s.present}/${s.total}`, `${s.total}/${s.total}`, s.items.filter((i) => i.state === 'missing').map((i) => `${i.label}:${i.state}`).join(', '));
      // an unfilled template is not finished: its placeholders are errors, each inside a tab stop
      const problems = s.items.flatMap((i) => i.problems);
      assert.ok(problems.length > 0 && problems.every((p) => p.ruleId === 'placeholder-left'), problems.map((p) => p.ruleId).join(', '));
      const placeholders = service.analyze(doc, DEFAULT_CONFIG).findings.filter((f) => f.ruleId === 'placeholder-left');
      assert.ok(s.counts.error >= placeholders.length && placeholders.length > 0);
      for (const f of placeholders) assert.ok(e.placeholders.some((p) => p.start <= f.start && f.end <= p.end), `placeholder-left outside a tab stop: ${e.text.slice(f.start, f.end)}`);
    });
  }

  it('fits the receipt line after the addressee', () => {
    const line = CLEAN.split('\n').findIndex((l) => l.startsWith('您提出的'));
    const span = lineSpan(CLEAN, line);
    const r = insertInto(CLEAN, span.start, span.end, byPrefix('receipt').body);
    assert.deepEqual(unexpected(r.text, r.placeholders), []);
    assert.match(r.text.split('\n')[line]!, /^您提出的《关于×××的提案》（第×号）收悉，现答复如下：$/);
  });

  for (const [alias, level, after] of [['h1', 1, '（二）畅通家长反馈渠道'], ['h2', 2, '（二）畅通家长反馈渠道'], ['h3', 3, '（二）畅通家长反馈渠道'], ['h4', 4, '（二）畅通家长反馈渠道']] as const) {
    it(`gives a level-${level} heading the checker recognises (${alias})`, () => {
      const line = CLEAN.split('\n').findIndex((l) => l.startsWith(after));
      const at = lineSpan(CLEAN, line).end;
      const r = insertInto(CLEAN, at, at, `\n\n${byPrefix(alias).body}`);
      assert.deepEqual(unexpected(r.text, r.placeholders), []);
      const service = createReplyService({ now: () => SNIPPET_TODAY });
      const { reply } = service.analyze(TextDocument.create('file:///h.reply', 'proposal-reply', 1, r.text), DEFAULT_CONFIG);
      const inserted = reply.headings.find((h) => h.start === r.placeholders[0]!.start || h.marker.start === at + 2);
      assert.ok(inserted, 'the heading is recognised');
      assert.equal(inserted.marker.level, level);
    });
  }

  it('fits the next-steps paragraph and the closing with signature and date at the end of a reply', () => {
    const lines = CLEAN.split('\n');
    const next = lines.findIndex((l) => l.startsWith('下一步'));
    const span = lineSpan(CLEAN, next);
    const r = insertInto(CLEAN, span.start, span.end, byPrefix('next-steps').body);
    assert.deepEqual(unexpected(r.text, r.placeholders), []);
    const closing = lines.findIndex((l) => l.startsWith('此复'));
    const date = lines.findIndex((l) => /^\d{4}年/.test(l));
    const tail = { start: lineSpan(CLEAN, closing).start, end: lineSpan(CLEAN, date).end };
    const c = insertInto(CLEAN, tail.start, tail.end, byPrefix('closing').body);
    assert.deepEqual(unexpected(c.text, c.placeholders), []);
    const service = createReplyService({ now: () => SNIPPET_TODAY });
    const s = service.structure(TextDocument.create('file:///c.reply', 'proposal-reply', 1, c.text), DEFAULT_CONFIG, 'zh-cn');
    // the signature placeholder (×××局) differs from the organ in the title: a finding on the placeholder
    assert.deepEqual(s.items.filter((i) => ['closing', 'signature', 'date'].includes(i.element)).map((i) => i.state === 'missing'), [false, false, false]);
  });
});
