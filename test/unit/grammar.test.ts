/**
 * The TextMate grammar, loaded with vscode-textmate and the Oniguruma engine VS Code uses, colours
 * a reply's parts: document number, title (over two lines), category, addressee, quoted proposal
 * title, numbering markers by level, next-steps markers, dates, the signature and contact lines.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { EXAMPLES, ROOT, readText, seedPath } from '../support/fixtures';

const GRAMMAR = path.join(ROOT, 'syntaxes', 'proposal-reply.tmLanguage.json');

interface Token {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => (scopeName === 'text.proposal-reply' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
  });
  const g = await registry.loadGrammar('text.proposal-reply');
  assert.ok(g, 'the grammar loads');
  return g;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let stack = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, i) => {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) out.push({ line: i, start: t.startIndex, end: Math.min(t.endIndex, line.length), text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = r.ruleStack;
  });
  return out;
}

/**
 * Every token over `needle` has `scope`: its first occurrence, or with `occurrence` a later one,
 * or with `'line'` the line that is exactly `needle`.
 */
function assertScope(tokens: readonly Token[], text: string, needle: string, scope: string, occurrence: number | 'line' = 0): void {
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (occurrence === 'line' && lines[i]!.trim() !== needle) continue;
    let from = 0;
    for (let at = lines[i]!.indexOf(needle, from); at >= 0; at = lines[i]!.indexOf(needle, from)) {
      from = at + 1;
      if (typeof occurrence === 'number' && seen++ < occurrence) continue;
      const covering = tokens.filter((t) => t.line === i && t.end > at && t.start < at + needle.length);
      assert.ok(covering.length > 0, `no tokens for ${needle}`);
      for (const t of covering) assert.ok(t.scopes.some((s) => s === scope), `“${t.text}” in “${needle}” has ${t.scopes.join(' ')}, not ${scope}`);
      return;
    }
  }
  assert.fail(`“${needle}” not found`);
}

function assertNoScope(tokens: readonly Token[], text: string, needle: string, prefix: string): void {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `“${needle}” not found`);
  const at = lines[i]!.indexOf(needle);
  for (const t of tokens.filter((x) => x.line === i && x.end > at && x.start < at + needle.length)) {
    assert.ok(!t.scopes.some((s) => s.startsWith(prefix)), `“${t.text}” in “${needle}” has ${t.scopes.join(' ')}`);
  }
}

describe('TextMate grammar', () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  it('is valid JSON naming its scope, and package.json contributes it for the language', () => {
    const g = JSON.parse(readText(GRAMMAR)) as { scopeName: string; repository: Record<string, unknown> };
    assert.equal(g.scopeName, 'text.proposal-reply');
    const pkg = JSON.parse(readText(path.join(ROOT, 'package.json'))) as { contributes: { grammars: Array<{ language: string; scopeName: string; path: string }> } };
    assert.deepEqual(pkg.contributes.grammars, [{ language: 'proposal-reply', scopeName: 'text.proposal-reply', path: './syntaxes/proposal-reply.tmLanguage.json' }]);
  });

  it('colours the parts of the clean proposal reply', () => {
    const text = readText(path.join(EXAMPLES, 'clean', 'proposal-reply.reply'));
    const tokens = tokenize(text);
    assertScope(tokens, text, '厦教提案函〔2025〕18号', 'constant.other.document-number.proposal-reply');
    assertScope(tokens, text, '厦门市教育局关于市政协十四届四次会议', 'markup.heading.title.proposal-reply');
    assertScope(tokens, text, '第20250136号提案的答复', 'markup.heading.title.proposal-reply');
    assertScope(tokens, text, '答复类别', 'keyword.other.category.proposal-reply');
    assertScope(tokens, text, 'A', 'constant.language.category-value.proposal-reply');
    assertScope(tokens, text, '陈明远委员', 'entity.name.tag.addressee.proposal-reply');
    assertScope(tokens, text, '《关于加强中小学课后服务质量的建议》', 'string.quoted.other.title.proposal-reply');
    assertScope(tokens, text, '第20250136号', 'constant.other.proposal-number.proposal-reply', 1);
    assertScope(tokens, text, '一、', 'keyword.other.numbering.level-1.proposal-reply');
    assertScope(tokens, text, '（一）', 'keyword.other.numbering.level-2.proposal-reply');
    assertScope(tokens, text, '下一步', 'keyword.control.next-steps.proposal-reply');
    assertScope(tokens, text, '厦门市教育局', 'markup.bold.signature.proposal-reply', 'line');
    assertScope(tokens, text, '2025年5月20日', 'constant.numeric.date.proposal-reply');
    assertScope(tokens, text, '（联系人：林晓，联系电话：0592-1234567）', 'comment.line.contact.proposal-reply');
    assertScope(tokens, text, '（此件公开发布）', 'comment.line.annotation.proposal-reply');
    assertScope(tokens, text, '抄送', 'keyword.other.copy-to.proposal-reply');
    // a body paragraph is plain text: no heading, title or signature colour
    assertNoScope(tokens, text, '近年来，我局高度重视', 'markup');
    assertNoScope(tokens, text, '近年来，我局高度重视', 'keyword');
  });

  it('colours the level-3 and level-4 markers, and not decimals or dates in the text', () => {
    const text = ['1.加强小区配建力度。全市投入2.9亿元。', '（1）组织专项培训', '2017年12月5日，国务院批复了规划。', '今后，我们将继续努力。'].join('\n');
    const tokens = tokenize(text);
    assertScope(tokens, text, '1.', 'keyword.other.numbering.level-3.proposal-reply');
    assertNoScope(tokens, text, '2.9亿', 'keyword.other.numbering');
    assertScope(tokens, text, '（1）', 'keyword.other.numbering.level-4.proposal-reply');
    assertScope(tokens, text, '2017年12月5日', 'constant.numeric.date.proposal-reply');
    assertNoScope(tokens, text, '2017年12月5日', 'keyword.other.numbering');
    assertScope(tokens, text, '今后', 'keyword.control.next-steps.proposal-reply');
  });

  it('colours a pasted seed: the document number with the title on its line, a half-width addressee colon', () => {
    const text = readText(seedPath('000_'));
    const tokens = tokenize(text);
    assertScope(tokens, text, '筑教提复〔2019〕45号', 'constant.other.document-number.proposal-reply');
    assertScope(tokens, text, '市教育局关于市政协十二届三次会议第41019号界别提案的答复', 'markup.heading.title.proposal-reply');
    assertScope(tokens, text, '***委员会', 'entity.name.tag.addressee.proposal-reply');
    assertScope(tokens, text, '二、', 'keyword.other.numbering.level-1.proposal-reply');
    assertScope(tokens, text, '贵阳市教育局', 'markup.bold.signature.proposal-reply', 'line');
    assertScope(tokens, text, '2019年10月15日', 'constant.numeric.date.proposal-reply', 'line');
  });

  it('does not colour a long pasted line as a title, even one that names the matter with 关于', () => {
    const long = `市教育局关于课后服务的答复${'我市持续推进课后服务工作,覆盖全部义务教育学校,参与学生比例逐年提高'.repeat(100)}`;
    assert.ok(long.length > 3000);
    const text = [long, '', '近年来我市持续投入'].join('\n');
    const tokens = tokenize(text);
    assertNoScope(tokens, text, '市教育局关于课后服务的答复', 'markup.heading.title');
    // a title line of ordinary length still is one
    const short = ['市教育局关于市政协十四届四次会议', '第20250136号提案的答复'].join('\n');
    assertScope(tokenize(short), short, '第20250136号提案的答复', 'markup.heading.title.proposal-reply');
  });

  it('ends a title at a blank line even when it has no ending word', () => {
    const text = ['关于课后服务的情况汇总', '', '近年来我市持续投入'].join('\n');
    const tokens = tokenize(text);
    assertNoScope(tokens, text, '近年来我市持续投入', 'markup.heading.title');
  });
});
