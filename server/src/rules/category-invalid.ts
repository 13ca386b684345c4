import { defineRule } from './types';

export const rule = defineRule({
  id: 'category-invalid',
  defaultSeverity: 'warning',
  title: { zh: '答复类别不在允许范围', en: 'Unknown reply category' },
  description: {
    zh: '答复类别（办复类别）只能取配置允许的值，默认 A（已解决或基本解决）、B（正在解决或列入计划）、C（暂不能解决、留作参考）；有的地区再分子类（B1、C2），按其大类判断；用甲、乙、丙等写法的地区在配置项 categories 中设定。',
    en: 'The reply category takes only the configured values, by default A (solved or mostly solved), B (being solved or planned), C (not feasible now, kept for reference); a sub-class some regions add (B1, C2) is judged by its class; regions using 甲/乙/丙 set the categories option.',
  },
  sources: [
    { kind: 'practice', note: { zh: '各地提案、建议办理办法规定答复分类标注。', en: 'Regional handling rules define the reply categories.' } },
    { kind: 'configuration', note: { zh: '配置项 categories 列出允许的值。', en: 'The categories option lists the allowed values.' } },
  ],
  example: { bad: '答复类别：D类', good: '答复类别：A类' },
  check(ctx) {
    const c = ctx.reply.category;
    if (!c) return;
    const allowed = ctx.settings.categories;
    // a sub-class is judged by its class: B1 by B
    const main = c.value.replace(/(?<=\D)\d$/, '');
    if (allowed.some((a) => a.value === c.value || a.value === main)) return;
    const list = allowed.map((a) => (a.meaning ? `${a.value}（${a.meaning}）` : a.value));
    ctx.report({
      start: c.valueSpan.start,
      end: c.valueSpan.end,
      message: {
        zh: `答复类别“${c.value}”不在允许范围内；允许的类别：${list.join('；')}。`,
        en: `The reply category “${c.value}” is not allowed; allowed: ${allowed.map((a) => a.value).join(', ')}.`,
      },
      fixes: allowed.slice(0, 4).map((a) => ({
        title: { zh: `改为“${a.value}”`, en: `Change to “${a.value}”` },
        edits: [{ start: c.valueSpan.start, end: c.valueSpan.end, newText: a.value }],
      })),
    });
  },
});
