/**
 * What a user might run instead, on the same text in the same process: markdownlint (all its
 * default rules) and textlint (its kernel with the plain-text plugin and
 * textlint-rule-preset-jtf-style, because textlint has no rules by default; see the README).
 * No budget: what a user waits for is the whole process, which the cli-large section compares with
 * markdownlint-cli2; this table shows the analyses alone.
 */
import { TextlintKernel } from '@textlint/kernel';
import { lint as markdownlint } from 'markdownlint/sync';
import { MiB, ms, ratio, repeat, type Section, type Stats } from '../runner';
import type { AnalysisData } from './analysis';

interface TextlintRuleEntry {
  readonly ruleId: string;
  readonly rule: unknown;
  readonly options?: unknown;
}

/** The jtf-style preset expanded into kernel rule entries, with the preset's own options. */
function jtfRules(): TextlintRuleEntry[] {
  const preset = require('textlint-rule-preset-jtf-style') as { rules: Record<string, unknown>; rulesConfig: Record<string, unknown> };
  return Object.entries(preset.rules).map(([id, rule]) => ({ ruleId: `preset-jtf-style/${id}`, rule, options: preset.rulesConfig[id] ?? true }));
}

function textPlugin(): unknown {
  const m = require('@textlint/textlint-plugin-text') as { default?: unknown };
  return m.default ?? m;
}

export function makeLinters(): { markdownlint: (text: string) => number; textlint: (text: string) => Promise<number> } {
  const kernel = new TextlintKernel();
  const rules = jtfRules();
  const plugins = [{ pluginId: 'text', plugin: textPlugin() }];
  return {
    markdownlint: (text) => {
      const result = markdownlint({ strings: { reply: text } });
      return result.reply?.length ?? 0;
    },
    textlint: async (text) => {
      // the kernel's own option types are stricter than the presets' shapes; these are the documented ones
      const r = await kernel.lintText(text, { ext: '.txt', filePath: '/bench/reply.txt', plugins, rules } as never);
      return r.messages.length;
    },
  };
}

/**
 * Repetitions: these tools are slow on megabytes, so the time per cell is capped. They are warmed
 * up too (see analysis.ts), for about a second per small size.
 */
function repsFor(bytes: number, quick: boolean): { reps: number; warmup: number; maxSeconds: number; minReps: number } {
  if (quick) return { reps: 2, warmup: 1, maxSeconds: 5, minReps: 1 };
  if (bytes <= 16 * 1024) return { reps: 100, warmup: 300, maxSeconds: 20, minReps: 10 };
  if (bytes <= 160 * 1024) return { reps: 30, warmup: 30, maxSeconds: 30, minReps: 5 };
  if (bytes <= 2 * MiB) return { reps: 8, warmup: 1, maxSeconds: 60, minReps: 3 };
  return { reps: 3, warmup: 1, maxSeconds: 120, minReps: 3 };
}

export const othersSection: Section = {
  id: 'others',
  title: '对比 markdownlint and textlint on the same text',
  async run(ctx) {
    const analysis = ctx.results.get('analysis')?.data as AnalysisData | undefined;
    const linters = makeLinters();
    const sizes: Array<{ label: string; bytes: number; markdownlint: { ms: Stats; findings: number }; textlint: { ms: Stats; findings: number }; mdOverAnalysis: number | null; tlOverAnalysis: number | null }> = [];
    for (const input of ctx.inputs.sizes) {
      const reps = repsFor(input.bytes, ctx.quick);
      ctx.log(`others: markdownlint ${input.label}`);
      const mdFindings = linters.markdownlint(input.text);
      const md = await repeat(() => linters.markdownlint(input.text), reps);
      ctx.log(`others: textlint ${input.label}`);
      const tlFindings = await linters.textlint(input.text);
      const tl = await repeat(() => linters.textlint(input.text), reps);
      const a = analysis?.sizes.find((s) => s.label === input.label);
      sizes.push({
        label: input.label, bytes: input.bytes,
        markdownlint: { ms: md, findings: mdFindings },
        textlint: { ms: tl, findings: tlFindings },
        mdOverAnalysis: a ? md.median / a.ms.median : null,
        tlOverAnalysis: a ? tl.median / a.ms.median : null,
      });
    }
    return {
      columns: ['size', 'markdownlint median ms', 'p99 ms', 'findings', 'textlint median ms', 'p99 ms', 'findings', 'markdownlint ÷ analysis', 'textlint ÷ analysis'],
      rows: sizes.map((s) => [
        s.label,
        ms(s.markdownlint.ms.median), ms(s.markdownlint.ms.p99), s.markdownlint.findings,
        ms(s.textlint.ms.median), ms(s.textlint.ms.p99), s.textlint.findings,
        s.mdOverAnalysis === null ? '—' : ratio(s.mdOverAnalysis), s.tlOverAnalysis === null ? '—' : ratio(s.tlOverAnalysis),
      ]),
      budgets: [],
      data: { markdownlint: 'markdownlint/sync lint(), default config (all default rules)', textlint: '@textlint/kernel + @textlint/textlint-plugin-text + textlint-rule-preset-jtf-style', sizes },
      note: 'markdownlint: all default rules. textlint: kernel + plain-text plugin + textlint-rule-preset-jtf-style (CJK typography rules; textlint has no rules by default).',
    };
  },
};
