import { defineRule } from './types';
import { firstContent } from './util';

export const rule = defineRule({
  id: 'register-entry-unknown',
  defaultSeverity: 'warning',
  title: { zh: '登记表中找不到该件', en: 'Not in the register' },
  description: {
    zh: '配置了登记表时，每份答复都应能对应到登记表中的一件：标题或收文说明中写明编号（如“第20250136号”），或文件名以编号开头（如“20250136-陈明远.reply”）。编号不在登记表中，多为编号写错或登记表漏登。',
    en: 'With a register configured, every reply ties to one of its entries: by a number in the title or the receipt line (第20250136号), or by a file name starting with the number (20250136-陈明远.reply). A number missing from the register is usually a slip, or the register lacks the item.',
  },
  sources: [
    { kind: 'practice', note: { zh: '答复件与交办登记一一对应。', en: 'Replies correspond one to one with the assignment register.' } },
    { kind: 'configuration', note: { zh: '登记表由配置项 register 指定。', en: 'The register is set by the register option.' } },
  ],
  example: {
    bad: '（登记表中没有第20259999号）\n……第20259999号提案的答复',
    good: '……第20250136号提案的答复',
  },
  check(ctx) {
    const reg = ctx.register;
    if (!reg || reg.link.entry || reg.register.entries.length === 0) return;
    const { reply } = ctx;
    const first = reply.title?.proposalNumbers[0] ?? reply.receipt?.proposalNumbers[0];
    if (first) {
      const all = [...(reply.title?.proposalNumbers ?? []), ...(reply.receipt?.proposalNumbers ?? [])].map((r) => `第${r.value}号`);
      const shown = [...new Set(all)];
      ctx.report({
        start: first.start,
        end: first.end,
        message: {
          zh: `登记表中没有${shown.join('、')}；请核对编号，或把该件补登到登记表。`,
          en: `The register has no ${shown.join(', ')}; check the number, or add the item to the register.`,
        },
      });
      return;
    }
    const at = reply.title ?? reply.receipt ?? firstContent(reply);
    ctx.report({
      start: at.start,
      end: at.end,
      message: {
        zh: '无法与登记表对应：标题和收文说明中没有编号，文件名中也没有登记表里的编号；请在收文说明中写明编号（如“（第20250136号）”），或以编号开头命名文件。',
        en: 'Cannot tie this reply to the register: neither the title nor the receipt line cites a number, and the file name holds none of the register’s; cite the number in the receipt line (（第20250136号）) or start the file name with it.',
      },
    });
  },
});
