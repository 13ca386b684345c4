/**
 * A large reply through the whole command line, as a user waits for it: `proposal-reply check` on
 * a 4 MB reply against markdownlint-cli2 (all its default rules) on the same text, each a new
 * process, in interleaved pairs. Budget: the CLI within 0.2× markdownlint-cli2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Budget, ensureDir, ms, ratio, type Section, stats, timeNode, timePairs } from '../runner';

/** markdownlint-cli2's command (a devDependency), from its package.json's `bin`. */
function markdownlintCli2(root: string): string {
  const dir = path.join(root, 'node_modules', 'markdownlint-cli2');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
  return path.join(dir, pkg.bin['markdownlint-cli2']!);
}

export const cliLargeSection: Section = {
  id: 'cli-large',
  title: '大文件 A large reply: proposal-reply check and markdownlint-cli2, whole processes',
  async run(ctx) {
    const input = ctx.inputs.large;
    // markdownlint-cli2 lints Markdown files, and reads configuration from the folder it runs in:
    // the same text as a .md file in a folder of its own
    const mdDir = ensureDir(path.join(ctx.work, 'markdownlint-cli2'));
    const md = path.join(mdDir, 'reply.md');
    fs.writeFileSync(md, input.text);
    const bin = path.join(ctx.root, 'bin', 'proposal-reply.js');
    const mdBin = markdownlintCli2(ctx.root);
    const pairs = ctx.quick ? 1 : 12;
    ctx.log(`cli-large: ${pairs} pairs of markdownlint-cli2 and the CLI on ${input.label}`);
    let cliSummary = '';
    let mdSummary = '';
    const t = await timePairs(
      pairs,
      async () => {
        const run = await timeNode([mdBin, 'reply.md'], { cwd: mdDir, okCodes: [0, 1] });
        mdSummary = run.tail.trimEnd().split('\n').pop() ?? '';
        return run.ms;
      },
      async () => {
        const run = await timeNode([bin, 'check', '--today', '2026-01-01', input.path], { cwd: ctx.root, okCodes: [0, 1] });
        cliSummary = run.tail.trimEnd().split('\n').pop() ?? '';
        return run.ms;
      },
    );
    const mdStats = stats(t.a);
    const cli = stats(t.b);
    const r = stats(t.ratios).median;
    const budgets: Budget[] = input.target >= 1024 * 1024
      ? [{ name: `命令行大文件 CLI on a ${input.label} reply ÷ markdownlint-cli2 on the same text (whole processes)`, figure: ratio(r), limit: '≤ 0.2×', pass: r <= 0.2 }]
      : [];
    return {
      columns: ['process', 'runs', 'median ms', 'p99 ms', 'min ms'],
      rows: [
        [`markdownlint-cli2 (${input.label})`, mdStats.n, ms(mdStats.median), ms(mdStats.p99), ms(mdStats.min)],
        [`proposal-reply check (${input.label})`, cli.n, ms(cli.median), ms(cli.p99), ms(cli.min)],
      ],
      budgets,
      data: { bytes: input.bytes, pairs, markdownlintCli2Ms: mdStats, cliMs: cli, ratio: r, ratios: t.ratios, cliSummary, markdownlintSummary: mdSummary },
      note: `Wall time from spawn to exit, ${pairs} interleaved pairs on ${input.bytes} bytes; the ratio is the median of the per-pair ratios (${ratio(r)}). markdownlint-cli2 with its default rules on the text saved as reply.md, in a folder of its own. The CLI printed: ${cliSummary}`,
    };
  },
};
