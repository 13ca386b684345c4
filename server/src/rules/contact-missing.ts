import { defineRule } from './types';
import { bodyTail, insertLineAfter } from './util';

export const rule = defineRule({
  id: 'contact-missing',
  defaultSeverity: 'off',
  title: { zh: '缺少联系人及电话', en: 'Contact missing' },
  description: {
    zh: '不少地区要求答复在成文日期之后注明承办联系人及电话，如“（联系人：×××，联系电话：×××）”。默认关闭；本地有此要求时在配置中打开。',
    en: 'Many regions require the handling contact and phone number after the date, e.g. “（联系人：×××，联系电话：×××）”. Off by default; turn it on where required.',
  },
  sources: [
    { kind: 'practice', note: { zh: '多地提案办理办法要求注明联系人、联系电话。', en: 'Many regional handling rules require a contact and phone number.' } },
  ],
  example: { bad: '2024年4月15日', good: '2024年4月15日\n（联系人：龚修颖，联系电话：2125050）' },
  check(ctx) {
    const { reply } = ctx;
    if (reply.contacts.length > 0) return;
    const anchor = reply.date ?? reply.signature ?? bodyTail(reply);
    ctx.report({
      start: anchor.start,
      end: anchor.end,
      message: { zh: '缺少联系人及电话：应在成文日期之后注明承办联系人和联系电话。', en: 'Contact missing: give the handling contact and phone number after the date.' },
      fixes: [{ title: { zh: '插入联系人行', en: 'Insert a contact line' }, edits: [insertLineAfter(reply, anchor.end, '（联系人：×××，联系电话：×××）')] }],
    });
  },
});
