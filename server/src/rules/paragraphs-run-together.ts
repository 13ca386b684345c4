import type { BlockRole, RoleSpan } from '../core/model';
import type { TextEdit } from '../core/vocabulary';
import { defineRule } from './types';
import { eolOf, runOnLines } from './util';

/**
 * The roles of a paragraph of the letter. A line that holds one of them and anything else ran
 * paragraphs together; head items sharing a line (发文字号 and 签发人, 答复类别 and 公开属性, a
 * title and its number in brackets) and the foot's (署名 and 成文日期 side by side) are laid out so
 * on purpose, and a table row's cells are no paragraphs.
 */
const PARAGRAPH: ReadonlySet<BlockRole> = new Set(['addressee', 'greeting', 'receipt', 'opening', 'heading', 'body', 'closing', 'lateClosing']);
/**
 * What may go on a paragraph after a sentence: more body text (`…作出了贡献。 我局将…`, a stray blank
 * after the sentence), the closing sentence that ends the last paragraph (`…继续推进。感谢您的关心和
 * 支持！`), an enumeration after a colon (`具体情况如下：一是…`).
 */
const GOES_ON: ReadonlySet<BlockRole> = new Set(['body', 'opening', 'closing', 'lateClosing']);

/**
 * Whether the line break between two pieces of a line was lost, for sure: the addressee stands on a
 * line of its own (GB/T 9704-2012 7.3.2), so anything after it on its line ran on; elsewhere the
 * blanks (or the paragraph tags) a lost line break leaves, before a piece that cannot go on a
 * paragraph (the receipt, a measure's heading, the signature). A heading glued to a sentence
 * (`…内容。（二）…`) may be an enumeration run into its paragraph, and is not reported.
 */
function lostBreak(folded: string, prev: RoleSpan, next: RoleSpan): boolean {
  // (in the folded text, pasted markup and invisible characters are blanks too: `…如下：</p><p>一、…`)
  return prev.role === 'addressee' || (prev.end < next.start && folded.slice(prev.end, next.start).trim() === '' && !GOES_ON.has(next.role));
}

export const rule = defineRule({
  id: 'paragraphs-run-together',
  defaultSeverity: 'information',
  title: { zh: '多段连写在一行', en: 'Paragraphs run together on one line' },
  description: {
    zh: '从网页复制的答复常丢失换行：主送、收文说明、各条措施、结束语、署名等连写在一行之内。主送单独成行，公文正文每个自然段另起一行、左空二字；不分段，排版后整封答复成为一段。只在确知丢了换行时提示：主送之后同行还有文字，或空白之后接着收文说明、措施标题、署名等另起一段的内容；正文句后的空格、冒号后的列举、段末的致谢语不算。检查器按段落读取这样的行；快速修复在段落之间断行，“清理粘贴文本”命令可一次分开全部。',
    en: 'Replies copied from a web page often lose their line breaks: addressee, receipt, measures, closing and signature run together on one line. The addressee stands alone, and each paragraph of an official document starts a line of its own, indented two characters; left so, the typeset reply is one paragraph. Reported only where a break was surely lost: text after the addressee on its line, or after blanks a piece that starts a paragraph of its own (the receipt, a measure\'s heading, the signature); a blank after a sentence, an enumeration after a colon and thanks ending a paragraph are not. The checker reads such a line paragraph by paragraph; the fix breaks the line between them, and the “clean up pasted text” command splits them all.',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.2', note: { zh: '主送机关编排于标题下空一行位置，居左顶格。', en: 'The addressee stands below the title, flush left, on a line of its own.' } },
    { kind: 'GB/T 9704-2012', clause: '7.3.3', note: { zh: '正文每个自然段左空二字，回行顶格。', en: 'Each paragraph of the body is indented two characters; its lines wrap flush left.' } },
  ],
  example: { bad: '林灵委员： 您提出的《关于加强课后服务的提案》收悉，现答复如下： 一、完善保障。', good: '林灵委员：\n您提出的《关于加强课后服务的提案》收悉，现答复如下：\n一、完善保障。' },
  check(ctx) {
    const { reply } = ctx;
    const eol = eolOf(reply);
    for (const run of runOnLines(reply)) {
      if (!run.some((b) => PARAGRAPH.has(b.role)) || !run.slice(1).some((b, i) => lostBreak(reply.folded, run[i]!, b))) continue;
      const first = run[0]!;
      const last = run[run.length - 1]!;
      // a line break in each gap: the blanks there give way to it; anything else (markup, a table
      // bar) stays before it, for pasted-junk and the clean-up
      const edits: TextEdit[] = run.slice(1).map((b, i) => {
        const gap = { start: run[i]!.end, end: b.start };
        return reply.text.slice(gap.start, gap.end).trim() === '' ? { ...gap, newText: eol } : { start: b.start, end: b.start, newText: eol };
      });
      ctx.report({
        start: first.start,
        end: last.end,
        message: {
          zh: `本行连写了 ${run.length} 段（似为复制网页时丢失了换行），每段应另起一行。`,
          en: `This line runs ${run.length} paragraphs together (line breaks lost when a web page was copied); each starts a line of its own.`,
        },
        fixes: [{ title: { zh: `分为 ${run.length} 段`, en: `Split into ${run.length} paragraphs` }, edits }],
      });
    }
  },
});
