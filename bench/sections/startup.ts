/**
 * What a pre-commit hook, an editor's external-linter integration or a CI step over a few changed
 * files pays on every call: the whole `proposal-reply check` process on one 5 KB reply, against
 * the bare start of Node (`node -e 0`) on the same machine at the same moments (interleaved pairs).
 * Budget: the CLI within 1.6× `node -e 0`.
 */
import * as path from 'node:path';
import { type Budget, ms, ratio, type Section, stats, timeNode, timePairs } from '../runner';

export const startupSection: Section = {
  id: 'startup',
  title: '启动 CLI start-up: proposal-reply check on one 5 KB reply, and node -e 0',
  async run(ctx) {
    const input = ctx.inputs.small;
    const bin = path.join(ctx.root, 'bin', 'proposal-reply.js');
    const args = [bin, 'check', '--today', '2026-01-01', input.path];
    // the process start-up varies a lot on a shared machine: many pairs, and the median of their ratios
    const pairs = ctx.quick ? 3 : 60;
    ctx.log(`startup: ${pairs} pairs of node -e 0 and the CLI on ${input.label}`);
    let summary = '';
    const t = await timePairs(
      pairs,
      async () => (await timeNode(['-e', '0'], { cwd: ctx.root })).ms,
      async () => {
        const run = await timeNode(args, { cwd: ctx.root, okCodes: [0, 1] });
        summary = run.tail.trimEnd().split('\n').pop() ?? '';
        return run.ms;
      },
    );
    const node = stats(t.a);
    const cli = stats(t.b);
    const r = stats(t.ratios).median;
    const budgets: Budget[] = [{ name: `命令行启动 CLI check of one ${input.label} reply ÷ node -e 0 (whole processes, median of ${pairs} interleaved pairs)`, figure: ratio(r), limit: '≤ 1.6×', pass: r <= 1.6 }];
    return {
      columns: ['process', 'runs', 'median ms', 'p99 ms', 'min ms'],
      rows: [
        ['node -e 0', node.n, ms(node.median), ms(node.p99), ms(node.min)],
        [`proposal-reply check (${input.label}, ${input.bytes} bytes)`, cli.n, ms(cli.median), ms(cli.p99), ms(cli.min)],
      ],
      budgets,
      data: { bytes: input.bytes, pairs, nodeMs: node, cliMs: cli, ratio: r, ratios: t.ratios, summary },
      note: `Wall time from spawn to exit of \`node bin/proposal-reply.js check\` (the bundle dist/cli/main.js) and of \`node -e 0\`, in ${pairs} pairs, each pair's order alternating; the budget is the median of the per-pair ratios (${ratio(r)}). The CLI printed: ${summary}`,
    };
  },
};
