import type { AddresseeForm } from '../core/model';
import { marksOf } from '../parse/marks';
import { type Localized } from '../core/vocabulary';
import { defineRule } from './types';
import { youForm } from './util';

/** The forms of address in the order they are reported. */
const FORMS: readonly AddresseeForm[] = ['persons', 'person', 'body'];

/**
 * A use of a form of address: `你们|您们` (persons), `您` (person), `你委`, `贵局` … (body). A use
 * starts with 你, 您 or 贵, and no use can overlap another.
 */
const FORM_USE = /(你们|您们)|(您)(?!们)|((?:你|贵)(?:委|会|单位|总支|支部|支社|部|办|局|院|处|厅|室|司|校|中心|党派|组织|党|盟|社))/g;

interface FormUse {
  readonly index: number;
  readonly length: number;
  /** Index into FORMS. */
  readonly form: number;
}

function formUses(s: string): FormUse[] {
  return [...s.matchAll(FORM_USE)].map((m) => ({ index: m.index!, length: m[0].length, form: m[1] ? 0 : m[2] ? 1 : 2 }));
}

/**
 * The forms that fit each addressee. A body is addressed as 贵委 / 你委 …, or in the plural as the
 * people who make it up: replies to a party committee write `你们提出的…` throughout, and that is
 * no slip. Only a form that fits none of them (您 to a committee) is reported.
 */
const FITS: Record<AddresseeForm, readonly AddresseeForm[]> = { person: ['person'], persons: ['persons'], body: ['body', 'persons'] };

const FORM_NAME: Record<AddresseeForm, Localized> = {
  person: { zh: '一位提案人（用“您”）', en: 'one person (您)' },
  persons: { zh: '多位提案人（用“你们”）', en: 'several people (你们)' },
  body: { zh: '单位或党派（用“贵委”“你委”等或“你们”）', en: 'a body (贵委, 你委 … or 你们)' },
};

export const rule = defineRule({
  id: 'address-form-mismatch',
  defaultSeverity: 'hint',
  title: { zh: '对提案人的称呼与主送不符', en: 'Form of address does not fit the addressee' },
  description: {
    zh: '正文称呼提案人的方式应与主送一致：一人用“您”，多人用“你们”，单位或党派用“贵委”“你委”等，也可用“你们”；用了不相符的称呼时提示。书名号和引号内的文字不检查。',
    en: 'The way the body addresses the proposer fits the addressee: 您 for one person, 你们 for several, 贵委/你委 … or 你们 for a body; a form that does not fit is noted. Text inside 《》 and “” is not checked.',
  },
  sources: [
    { kind: 'practice', note: { zh: '审核要点：称谓与主送对象相符，全文统一。', en: 'Review checklist: the form of address fits the addressee and stays consistent.' } },
  ],
  example: { bad: '民进厦门市委：\n您提出的《……》收悉', good: '民进厦门市委：\n贵委提出的《……》收悉' },
  check(ctx) {
    const { reply } = ctx;
    const a = reply.addressee;
    if (!a) return;
    const from = a.end;
    const end = reply.signature?.start ?? reply.date?.start ?? reply.text.length;
    const scope = reply.folded.slice(from, end);
    const uses = formUses(scope);
    const quoted = quotedRanges(reply.folded, marksOf(reply).brackets, from, end);
    // per form: the first use outside 《》 and “”, and how many there are (a use never straddles a quote mark)
    const first: Array<FormUse | undefined> = [undefined, undefined, undefined];
    const counts = [0, 0, 0];
    let q = 0;
    for (const x of uses) {
      while (q < quoted.length && quoted[q]!.end <= x.index) q++;
      if (q < quoted.length && quoted[q]!.start <= x.index) continue;
      first[x.form] ??= x;
      counts[x.form]!++;
    }
    // what to write instead: the addressee's own form, or for a body the plural when that is what the text uses
    const expected = a.form === 'body' && counts[0]! > 0 && counts[2] === 0 ? '你们' : youForm(reply);
    FORMS.forEach((form, k) => {
      const m = first[k];
      if (FITS[a.form].includes(form) || !m) return;
      const count = counts[k]!;
      const start = from + m.index;
      const used = reply.text.slice(start, start + m.length);
      ctx.report({
        start,
        end: start + m.length,
        message: {
          zh: `主送是${FORM_NAME[a.form].zh}，正文却用“${used}”称呼（共 ${count} 处）；宜统一为“${expected}”。`,
          en: `The addressee is ${FORM_NAME[a.form].en}, but the body says “${used}” (${count}×); prefer “${expected}” throughout.`,
        },
        related: [{ start: a.start, end: a.end, message: { zh: '主送', en: 'addressee' } }],
        fixes: [{ title: { zh: `将此处改为“${expected}”`, en: `Change this one to “${expected}”` }, edits: [{ start, end: start + m.length, newText: expected }] }],
      });
    });
  },
});

/**
 * The spans inside 《》 and “” (marks included) within `[from, end)`, relative to `from`, which do
 * not count as forms of address: what `/《[^》]*》|“[^”]*”/g` matches in that part of the text.
 * The openers come from the parser's list of brackets; each closer is found with indexOf, and an
 * opener with no closer before `end` rules out the later ones of its kind, so nothing is scanned
 * twice (the regex backtracked to the end of the text for every unclosed 《).
 */
function quotedRanges(folded: string, brackets: Int32Array, from: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let titleClosers = true;
  let quoteClosers = true;
  let after = from;
  for (const p of brackets) {
    if (p < after) continue;
    if (p >= end) break;
    const c = folded.charCodeAt(p);
    const title = c === 0x300a; // 《
    if (!title && c !== 0x201c) continue; // “
    if (title ? !titleClosers : !quoteClosers) continue;
    const close = folded.indexOf(title ? '》' : '”', p + 1);
    if (close < 0 || close >= end) {
      // no closer in the scope after this one: no later opener of its kind closes either
      if (title) titleClosers = false;
      else quoteClosers = false;
      continue;
    }
    out.push({ start: p - from, end: close + 1 - from });
    after = close + 1;
  }
  return out;
}
