import { ELEMENT } from '../core/elements';
import { KIND_NAME } from '../core/labels';
import type { Localized } from '../core/vocabulary';
import { defineRule } from './types';
import { bodyTail, insertLineAfter, insertParagraphBefore } from './util';

/** A reply is long enough to owe next steps with this many top-level measures … */
const MIN_SECTIONS = 2;
/** … or this much body text. */
const MIN_BODY_CHARS = 1500;

export const rule = defineRule({
  id: 'next-steps-missing',
  defaultSeverity: 'information',
  title: { zh: '较长答复缺少下一步工作', en: 'Long reply without next steps' },
  description: {
    zh: `有两个以上一级措施或正文超过 ${MIN_BODY_CHARS} 字的答复，通常应写明下一步工作打算（“下一步，……”或“下一步工作打算”一节）。简短答复没有下一步不提示。`,
    en: `A reply with two or more top-level measures, or more than ${MIN_BODY_CHARS} characters of body, usually states its next steps (“下一步，……” or a 下一步工作打算 section). Short replies are not reported.`,
  },
  sources: [
    { kind: 'practice', note: { zh: '办理答复要求说明已采取的措施和下一步打算。', en: 'Handling rules ask replies to state measures taken and next steps.' } },
    { kind: 'corpus', note: { zh: '多数较长的样本答复有“下一步”段落或小节。', en: 'Most long sample replies have a next-steps paragraph or section.' } },
  ],
  appliesTo: ELEMENT.nextSteps.requiredFor,
  example: { bad: '一、……\n二、……\n此复。', good: '一、……\n二、……\n下一步，我们将……\n此复。' },
  check(ctx) {
    const { reply } = ctx;
    if (reply.nextSteps.length > 0) return;
    const bodyChars = reply.body.reduce((n, b) => n + (b.end - b.start), 0);
    if (reply.measures.length < MIN_SECTIONS && bodyChars < MIN_BODY_CHARS) return;
    const tail = bodyTail(reply);
    const before = reply.closing ?? reply.signature;
    // why it owes them: its measures, or its length
    const kind = KIND_NAME[reply.kind];
    const n = reply.measures.length;
    const why: Localized = n >= MIN_SECTIONS
      ? { zh: `这份${kind.zh}列了 ${n} 项措施`, en: `This ${kind.en} lists ${n} measures` }
      : { zh: `这份${kind.zh}篇幅较长`, en: `This ${kind.en} is long` };
    ctx.report({
      start: tail.start,
      end: Math.min(tail.end, tail.start + 20),
      message: {
        zh: `${why.zh}，但没有写明下一步工作打算；可在结尾前加一段“下一步，我们将……”。`,
        en: `${why.en} but does not state its next steps; consider a paragraph “下一步，我们将……” before the closing.`,
      },
      fixes: [{
        title: { zh: '插入“下一步”段落', en: 'Insert a next-steps paragraph' },
        edits: [before ? insertParagraphBefore(reply, before.start, '下一步，我们将……') : insertLineAfter(reply, tail.end, '下一步，我们将……')],
      }],
    });
  },
});
