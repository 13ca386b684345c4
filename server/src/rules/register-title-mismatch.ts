import { chineseQuotes, entryRef, titlesMatch } from '../register/match';
import { defineRule } from './types';

/** Quoted titles that name a proposal or suggestion, not a law or a plan cited beside it. */
const ITEM_TITLE = /关于|建议|提案|议案|意见/;

export const rule = defineRule({
  id: 'register-title-mismatch',
  defaultSeverity: 'warning',
  title: { zh: '案由与登记表不一致', en: 'Quoted title differs from the register' },
  description: {
    zh: '收文说明书名号中引用的提案（建议）标题应与登记表中的案由逐字一致（全角半角、空格和引号样式不计）。不一致多因凭记忆转述或套用旧稿，应照登记表改正。',
    en: 'The proposal or suggestion title quoted in 《》 in the receipt line matches the register’s title word for word (width, blanks and quote style aside). A difference usually comes from paraphrasing or an old draft; copy the register’s title.',
  },
  sources: [
    { kind: 'practice', note: { zh: '审核要点：收文说明照录提案（建议）标题，与登记表一致。', en: 'Review checklist: the receipt line quotes the title exactly as registered.' } },
    { kind: 'configuration', note: { zh: '登记表由配置项 register 指定。', en: 'The register is set by the register option.' } },
  ],
  example: {
    bad: '（登记表案由：关于加强中小学课后服务质量的建议）\n您提出的《关于提升课后服务质量的建议》（第20250136号）收悉。',
    good: '您提出的《关于加强中小学课后服务质量的建议》（第20250136号）收悉。',
  },
  check(ctx) {
    const entries = ctx.register?.link.entries.filter((e) => e.title.length > 0) ?? [];
    const receipt = ctx.reply.receipt;
    if (entries.length === 0 || !receipt) return;
    const quoted = receipt.quotedTitles.filter((q) => ITEM_TITLE.test(q.text));
    if (quoted.length === 0) return;
    const unmatched = entries.filter((e) => !quoted.some((q) => titlesMatch(q.text, e.title)));
    if (unmatched.length === 0) return;
    if (entries.length === 1) {
      const e = entries[0]!;
      const q = quoted[0]!;
      const right = chineseQuotes(e.title);
      ctx.report({
        start: q.start,
        end: q.end,
        message: {
          zh: `收文说明引用的《${q.text}》与${entryRef(e).zh}的案由不一致，应为《${right}》。`,
          en: `The quoted title 《${q.text}》 differs from the title in ${entryRef(e).en}; it should be 《${right}》.`,
        },
        fixes: [{ title: { zh: '改为登记表中的案由', en: 'Use the register’s title' }, edits: [{ start: q.start + 1, end: q.end - 1, newText: right }] }],
      });
      return;
    }
    // a joint reply: each entry's title should be quoted
    for (const e of unmatched) {
      ctx.report({
        start: quoted[0]!.start,
        end: quoted[quoted.length - 1]!.end,
        message: {
          zh: `合并答复的收文说明没有照录${entryRef(e).zh}的案由《${e.title}》。`,
          en: `The receipt line of this joint reply does not quote the title of ${entryRef(e).en}: 《${e.title}》.`,
        },
      });
    }
  },
});
