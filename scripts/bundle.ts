/**
 * Bundles with esbuild into `dist/`:
 *   dist/extension.js     the VS Code client (`vscode` stays external, VS Code provides it)
 *   dist/server.js        the language server (`node dist/server.js --stdio`)
 *   dist/lib/*.js         the packages only some work needs (LAZY_PACKAGES), one file each
 *   dist/cli/main.js      the command-line checker that bin/proposal-reply.js runs
 *   dist/cli/worker.js    its worker thread (cli/pool.ts starts it from beside main.js)
 * The extension, the server and the CLI need nothing else, so that the packaged extension (`npm run
 * package`, vsce with --no-dependencies) installs with no node_modules. The client finds the server
 * beside itself (client/src/paths.ts); the server finds the rule pages in `docs/rules/` one folder up.
 *
 * The CLI starts once per command, so it is bundled for start-up: one file to read and compile
 * instead of ~200 modules to resolve, and V8's code cache beside it.
 *
 *   node out/scripts/bundle.js        all of them (`npm run bundle`)
 *   node out/scripts/bundle.js cli    the CLI only (`npm run build`)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Packages only some work needs: Word documents (docx; yauzl and saxes to read them), Excel files
 * (exceljs), CSV registers (csv-parse) and the validation of settings, project files and registers
 * (zod). Each is bundled into a file of its own, `lib/NAME.js` beside the server (and one folder
 * above the CLI), which the server and the CLI require when they first need it: so a start does not
 * compile what it may never run. Inside the server's bundle they made it 3 MB and ~165 ms to compile
 * at every start (1.5 MB and ~85 ms without docx, exceljs, csv-parse, yauzl and saxes); inside the
 * CLI's, 2.3 MB and ~150 ms of a 5 KB check, zod another ~65 ms. Both run without node_modules.
 */
export const LAZY_PACKAGES = ['docx', 'exceljs', 'yauzl', 'saxes', 'csv-parse/sync', 'zod'];

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

/** The name of a lazy package's bundle: `csv-parse/sync` → csv-parse-sync(.js). */
const libName = (pkg: string): string => pkg.replace(/\//g, '-');

/**
 * Leaves the lazy packages out of bundles written to `outdir`: a require of one becomes a require of
 * its file in `libDir`, by a path relative to the bundle.
 */
function requireFromLib(outdir: string, libDir: string): esbuild.Plugin {
  const filter = new RegExp(`^(${LAZY_PACKAGES.join('|')})$`);
  return {
    name: 'require-from-lib',
    setup(build) {
      build.onResolve({ filter }, (args) => {
        const target = path.relative(outdir, path.join(libDir, `${libName(args.path)}.js`)).split(path.sep).join('/');
        return { path: target.startsWith('.') ? target : `./${target}`, external: true };
      });
    },
  };
}

/** The entry of a lazy package's bundle, `lazy:NAME`: the package as `require` returns it. */
const LAZY_ENTRY: esbuild.Plugin = {
  name: 'lazy-entry',
  setup(build) {
    build.onResolve({ filter: /^lazy:/ }, (args) => ({ path: args.path.slice('lazy:'.length), namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, resolveDir: ROOT, loader: 'js' }));
  },
};

/** Bundles each lazy package into `libDir` (minified: they are other people's code, and ship in the .vsix). */
async function bundleLibs(libDir: string): Promise<esbuild.BuildResult<{ metafile: true }>> {
  return esbuild.build({
    ...COMMON,
    entryPoints: Object.fromEntries(LAZY_PACKAGES.map((p) => [libName(p), `lazy:${p}`])),
    outdir: libDir,
    minify: true,
    plugins: [LAZY_ENTRY],
  });
}

/** The extension and the language server, self-contained with dist/lib (minified: they ship in the .vsix). */
export async function bundle(outdir = path.join(ROOT, 'dist'), options: { minify?: boolean } = {}): Promise<BundleResult> {
  const libDir = path.join(outdir, 'lib');
  const libs = await bundleLibs(libDir);
  const result = await esbuild.build({
    ...COMMON,
    entryPoints: { extension: 'client/src/extension.ts', server: 'server/src/main.ts' },
    outdir,
    external: ['vscode'],
    minify: options.minify ?? true,
    plugins: [requireFromLib(outdir, libDir)],
  });
  return { outdir, externals: { ...externalsOf(outdir, result), ...externalsOf(outdir, libs) } };
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
  const libDir = path.join(outdir, '..', 'lib');
  const libs = await bundleLibs(libDir);
  // the old cache goes before the new bundle comes: V8 would take it for any bundle of its length
  fs.rmSync(path.join(outdir, 'main.js.cache'), { force: true });
  const result = await esbuild.build({
    ...COMMON,
    entryPoints: { main: 'server/src/cli/main.ts', worker: 'server/src/cli/worker.ts' },
    outdir,
    plugins: [requireFromLib(outdir, libDir)],
  });
  const warmUp = `require(${JSON.stringify(LOADER)}).writeCodeCache(${JSON.stringify(path.join(outdir, 'main.js'))}, ['check', 'examples/clean/proposal-reply.reply'])`;
  execFileSync(process.execPath, ['-e', warmUp], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return { outdir, externals: { ...externalsOf(outdir, result), ...externalsOf(outdir, libs) } };
}

const LOADER = path.join(ROOT, 'bin', 'load-bundle.js');

/** True for a module the bundle may leave to the host: Node built-ins and the vscode API. */
export function isHostModule(name: string): boolean {
  return name === 'vscode' || name.startsWith('node:') || builtinModules.includes(name);
}

/** True for a module a bundle requires from dist/lib: a lazy package's own bundle. */
export function isLibModule(name: string): boolean {
  return /^(\.\.?\/)+lib\/[\w.-]+\.js$/.test(name);
}

async function run(targets: readonly string[]): Promise<void> {
  const unknown = targets.filter((t) => t !== 'cli');
  if (unknown.length > 0) throw new Error(`usage: bundle.js [cli] (unknown: ${unknown.join(' ')})`);
  const allowed = (m: string): boolean => isHostModule(m) || isLibModule(m);
  const results: BundleResult[] = [];
  if (targets.length === 0) results.push(await bundle());
  results.push(await bundleCli());
  for (const r of results) {
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
