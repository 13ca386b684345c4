import { defineRule } from './types';
import { addresseeTemplate, firstContent, insertLineBefore, lineLabel, MISSING_POLICY } from './util';

export const rule = defineRule({
  id: 'addressee-missing',
  defaultSeverity: 'error',
  title: { zh: '缺少主送（称谓）', en: 'Addressee missing' },
  description: {
    zh: `答复须在正文前单独一行写明主送对象（提案人、代表或主办单位），以全角冒号结尾，如“林灵委员：”。${MISSING_POLICY.zh}`,
    en: `A reply names its addressee (the proposer, the deputy or the lead unit) on its own line before the body, ending with a full-width colon, e.g. “林灵委员：”. ${MISSING_POLICY.en}`,
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.1', note: { zh: '主送机关：公文的主要受理机关，编排于标题下空一行位置，居左顶格。', en: 'Addressee (主送机关): placed one blank line below the title, flush left.' } },
    { kind: 'practice', note: { zh: '提案、建议答复均以对提案人或代表的称谓开头。', en: 'Proposal and suggestion replies open by addressing the proposer or deputy.' } },
  ],
  example: { bad: '您提出的《关于……的提案》收悉，现答复如下：', good: '林灵委员：\n您提出的《关于……的提案》收悉，现答复如下：' },
  check(ctx) {
    const { reply } = ctx;
    if (reply.addressee) return;
    const c = reply.candidates.addressee;
    if (c) {
      // names without 委员 or 代表: complete them (a role word cut short is addressee-role-word's)
      const names = reply.text.slice(c.start, c.end).replace(/[:：]\s*$/, '');
      const completed = `${names}${reply.kind === 'suggestion-reply' ? '代表' : '委员'}：`;
      const line = lineLabel(reply, c);
      ctx.report({
        start: c.start,
        end: c.end,
        doubtful: true,
        message: {
          zh: `${line.zh}可能是主送，但没有写明称谓（“委员”“代表”）或单位：请补全，如“${completed}”。`,
          en: `${line.en} may be the addressee, but it names no role (委员, 代表) or unit: complete it, e.g. “${completed}”.`,
        },
        fixes: [{ title: { zh: `补全为“${completed}”`, en: `Complete as “${completed}”` }, edits: [{ start: c.start, end: c.end, newText: completed }] }],
      });
      return;
    }
    const anchor = reply.receipt ?? reply.body[0] ?? firstContent(reply);
    const at = reply.receipt?.start ?? reply.body[0]?.start ?? reply.title?.end;
    ctx.report({
      start: anchor.start,
      end: reply.receipt ? Math.min(anchor.end, anchor.start + 12) : anchor.end,
      message: {
        zh: '缺少主送（称谓）：应在收文说明之前单独一行写明主送对象，并以全角冒号结尾，如“林灵委员：”。',
        en: 'Addressee missing: name the addressee on its own line before the receipt line, ending with a full-width colon, e.g. “林灵委员：”.',
      },
      fixes: [{
        title: { zh: '插入主送行', en: 'Insert an addressee line' },
        edits: [at !== undefined ? insertLineBefore(reply, at, addresseeTemplate(reply.kind)) : { start: 0, end: 0, newText: `${addresseeTemplate(reply.kind)}\n` }],
      }],
    });
  },
});
