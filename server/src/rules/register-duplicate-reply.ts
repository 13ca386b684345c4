import { baseName } from '../register/link';
import { entryRef } from '../register/match';
import { defineRule } from './types';
import { firstContent } from './util';

export const rule = defineRule({
  id: 'register-duplicate-reply',
  defaultSeverity: 'warning',
  title: { zh: '同一件有两份答复', en: 'Two replies for one entry' },
  description: {
    zh: '一件提案（建议）只应有一份答复（或一份协办意见）。同一批答复中有两份对应登记表的同一条目时，其中一份多半是旧稿、重复件或编号写错，应删去或改正。此检查需要整批答复（命令行检查多个文件、办理报告或编辑器中的工作区）。',
    en: 'One proposal or suggestion gets one reply (or one co-handling opinion). When two replies in a batch tie to the same register entry, one is probably an old draft, a copy or a wrong number; remove or correct it. The check needs the batch: several files on the command line, the report, or the editor’s workspace.',
  },
  sources: [
    { kind: 'practice', note: { zh: '一件一答复，答复件与登记表一一对应。', en: 'One reply per item, matching the register one to one.' } },
    { kind: 'configuration', note: { zh: '登记表由配置项 register 指定。', en: 'The register is set by the register option.' } },
  ],
  example: {
    bad: '20250136-陈明远.reply 与 20250136-陈明远（修改稿）.reply 都答复第20250136号',
    good: '只保留 20250136-陈明远.reply',
  },
  check(ctx) {
    const reg = ctx.register;
    const entry = reg?.link.entry;
    if (!reg || !entry || reg.duplicates.length === 0) return;
    const names = reg.duplicates.slice(0, 3).map(baseName);
    const more = reg.duplicates.length - names.length;
    const at = ctx.reply.title ?? ctx.reply.addressee ?? firstContent(ctx.reply);
    ctx.report({
      start: at.start,
      end: at.end,
      message: {
        zh: `${entryRef(entry).zh}另有答复：${names.join('、')}${more > 0 ? ` 等 ${reg.duplicates.length} 份` : ''}；一件只应有一份答复，请删去重复件或改正编号。`,
        en: `${entryRef(entry).en} has another reply: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}; keep one reply per entry and remove the copy or correct its number.`,
      },
    });
  },
});
