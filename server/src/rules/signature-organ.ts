import { defineRule, type RelatedPlace } from './types';

/** What an organ's office adds to its name when it signs for it: 办公室, 办公厅. */
const OFFICE_OF = /^(办公室|办公厅)$/;

/** Drops the place name before the organ word, so 市教育局 and 贵阳市教育局 compare equal. */
function core(name: string): string {
  return name.replace(/\s+/g, '').replace(/^.*?(省|自治区|市|州|盟|区|县|旗)(?=[^省市州区县旗]{2,}$)/, '');
}

export const rule = defineRule({
  id: 'signature-organ',
  defaultSeverity: 'information',
  title: { zh: '署名与发文机关不一致', en: 'Signature differs from the issuing organ' },
  description: {
    zh: '署名应为发文机关：与配置项 organization 一致；未配置时，与标题中“××关于……”的机关一致（地名前缀可省略，政府办公室、办公厅可代政府署名）。',
    en: 'The signature names the issuing organ: the configured organization, or, when none is configured, the organ that opens the title (a place-name prefix may differ, and a government\'s office may sign for it).',
  },
  sources: [
    { kind: 'GB/T 9704-2012', clause: '7.3.5.1', note: { zh: '署发文机关全称或者规范化简称。', en: 'Sign with the organ’s full or standard short name.' } },
    { kind: 'configuration', note: { zh: '配置项 organization 指定应署的机关。', en: 'The organization setting names the expected organ.' } },
  ],
  example: { bad: '市教育局关于……的答复\n……\n市财政局', good: '市教育局关于……的答复\n……\n贵阳市教育局' },
  check(ctx) {
    const { reply, settings: config } = ctx;
    const sig = reply.signature;
    if (!sig) return;
    const names = sig.names;
    if (config.organization) {
      const expected = config.organization.replace(/\s+/g, '');
      if (names.some((n) => n === expected)) return;
      ctx.report({
        start: sig.start,
        end: sig.end,
        message: {
          zh: `署名“${names.join(' ')}”与配置的发文机关“${config.organization}”不一致。`,
          en: `The signature “${names.join(' ')}” differs from the configured organization “${config.organization}”.`,
        },
        fixes: [{ title: { zh: `改为“${config.organization}”`, en: `Change to “${config.organization}”` }, edits: [{ start: sig.start, end: sig.end, newText: config.organization }] }],
      });
      return;
    }
    const organ = reply.title?.organ;
    if (!organ) return;
    // (the place names are dropped, two regex replaces per name, only when no name ends the other); a
    // government's office signs for it (江州市人民政府办公室 for 江州市人民政府)
    if (names.some((n) => n.endsWith(organ) || organ.endsWith(n) || OFFICE_OF.test(n.slice(organ.length)) && n.startsWith(organ))) return;
    const want = core(organ);
    if (names.some((n) => core(n) === want)) return;
    const title = reply.title!;
    const related: RelatedPlace[] = [{ start: title.start, end: title.end, message: { zh: `标题中的发文机关“${organ}”`, en: `the organ in the title, “${organ}”` } }];
    ctx.report({
      start: sig.start,
      end: sig.end,
      message: {
        zh: `署名“${names.join(' ')}”与标题中的发文机关“${organ}”不一致；若为联合答复或机关更名请核对。`,
        en: `The signature “${names.join(' ')}” differs from the organ in the title, “${organ}”; check for a joint reply or a renamed organ.`,
      },
      related,
    });
  },
});
