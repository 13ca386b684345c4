/**
 * Bundles with esbuild into `dist/`:
 *   dist/extension.js     the VS Code client (`vscode` stays external, VS Code provides it)
 *   dist/server.js        the language server (`node dist/server.js --stdio`)
 *   dist/cli/main.js      the command-line checker that bin/proposal-reply.js runs
 *   dist/cli/worker.js    its worker thread (cli/pool.ts starts it from beside main.js)
 * The extension and the server are self-contained, so that the packaged extension (`npm run
 * package`, vsce with --no-dependencies) installs with no node_modules. The client finds the server
 * beside itself (client/src/paths.ts); the server finds the rule pages in `docs/rules/` one folder up.
 *
 * The CLI runs from the checkout, beside node_modules, and starts once per command, so it is bundled
 * for start-up: one file to read and compile instead of ~200 modules to resolve. The packages that
 * only some commands need stay outside it (CLI_LAZY_PACKAGES) and load from node_modules when used.
 *
 *   node out/scripts/bundle.js        all of them (`npm run bundle`)
 *   node out/scripts/bundle.js cli    the CLI only (`npm run build`)
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Packages the CLI loads only for some commands (Word and Excel files, CSV registers) or some
 * projects (zod, for a project file or a register: config/schema.ts); left out of its bundle, they
 * are not compiled by a check of plain replies. With them inside, the bundle was 2.3 MB and its
 * compile alone took ~150 ms of a 5 KB check (2 loaded cores); zod inside added ~65 ms.
 */
export const CLI_LAZY_PACKAGES = ['docx', 'exceljs', 'yauzl', 'saxes', 'csv-parse', 'zod'];

export interface BundleResult {
  readonly outdir: string;
  /** Modules each output still imports at run time, by output file relative to `outdir`. */
  readonly externals: Record<string, string[]>;
}

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's UMD build hides its modules from bundlers; its ES module build does not
  mainFields: ['module', 'main'],
  sourcemap: false,
  legalComments: 'external',
  metafile: true,
  logLevel: 'warning',
} satisfies esbuild.BuildOptions;

function externalsOf(outdir: string, result: esbuild.BuildResult<{ metafile: true }>): Record<string, string[]> {
  const externals: Record<string, string[]> = {};
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    const rel = path.relative(outdir, path.resolve(ROOT, file)).split(path.sep).join('/');
    externals[rel] = [...new Set(out.imports.filter((i) => i.external).map((i) => i.path))].sort();
  }
  return externals;
}

/** The extension and the language server, self-contained (minified: they ship in the .vsix). */
export async function bundle(outdir = path.join(ROOT, 'dist'), options: { minify?: boolean } = {}): Promise<BundleResult> {
  const result = await esbuild.build({
    ...COMMON,
    entryPoints: { extension: 'client/src/extension.ts', server: 'server/src/main.ts' },
    outdir,
    external: ['vscode'],
    minify: options.minify ?? true,
  });
  return { outdir, externals: externalsOf(outdir, result) };
}

/**
 * The CLI and its worker, and V8's code cache of the CLI after a check of one clean reply (see
 * bin/load-bundle.js), written by a process of its own so that the check's report goes nowhere. A
 * check of all of examples/ (a project file, registers) left a cache of 540 KB instead of 430 KB,
 * slower to read for the check of plain replies that start-up is measured on.
 * Not minified: minifying changed its start-up by less than the noise and would turn the stack of
 * an internal error into single letters.
 */
export async function bundleCli(outdir = path.join(ROOT, 'dist', 'cli')): Promise<BundleResult> {
  const result = await esbuild.build({
    ...COMMON,
    entryPoints: { main: 'server/src/cli/main.ts', worker: 'server/src/cli/worker.ts' },
    outdir,
    external: CLI_LAZY_PACKAGES,
  });
  const warmUp = `require(${JSON.stringify(LOADER)}).writeCodeCache(${JSON.stringify(path.join(outdir, 'main.js'))}, ['check', 'examples/clean/proposal-reply.reply'])`;
  execFileSync(process.execPath, ['-e', warmUp], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return { outdir, externals: externalsOf(outdir, result) };
}

const LOADER = path.join(ROOT, 'bin', 'load-bundle.js');

/** True for a module the bundle may leave to the host: Node built-ins and the vscode API. */
export function isHostModule(name: string): boolean {
  return name === 'vscode' || name.startsWith('node:') || builtinModules.includes(name);
}

/** True for a module the CLI bundle may leave to node_modules: a lazy package or a file of one. */
export function isCliLazyModule(name: string): boolean {
  return CLI_LAZY_PACKAGES.some((p) => name === p || name.startsWith(`${p}/`));
}

async function run(targets: readonly string[]): Promise<void> {
  const unknown = targets.filter((t) => t !== 'cli');
  if (unknown.length > 0) throw new Error(`usage: bundle.js [cli] (unknown: ${unknown.join(' ')})`);
  const results: Array<{ r: BundleResult; allowed: (m: string) => boolean }> = [];
  if (targets.length === 0) results.push({ r: await bundle(), allowed: isHostModule });
  results.push({ r: await bundleCli(), allowed: (m) => isHostModule(m) || isCliLazyModule(m) });
  for (const { r, allowed } of results) {
    for (const [file, ext] of Object.entries(r.externals)) {
      const bad = ext.filter((m) => !allowed(m));
      const shown = path.relative(ROOT, path.join(r.outdir, file));
      if (bad.length > 0) throw new Error(`${shown} still needs ${bad.join(', ')}`);
      if (targets.length === 0) console.log(shown);
    }
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
