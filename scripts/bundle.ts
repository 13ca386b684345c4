/**
 * Bundles the extension and the language server with esbuild into `dist/`, so that the packaged
 * extension (`npm run package`, vsce with --no-dependencies) installs with no node_modules:
 *   dist/extension.js  the VS Code client (`vscode` stays external, VS Code provides it)
 *   dist/server.js     the language server (`node dist/server.js --stdio`)
 * The client finds the server beside itself (client/src/paths.ts); the server finds the rule pages
 * in `docs/rules/` one folder up, which the package ships.
 */
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

export interface BundleResult {
  readonly outdir: string;
  /** Modules each output still imports at run time (must be Node built-ins or vscode). */
  readonly externals: Record<string, string[]>;
}

export async function bundle(outdir = path.join(ROOT, 'dist'), options: { minify?: boolean } = {}): Promise<BundleResult> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { extension: 'client/src/extension.ts', server: 'server/src/main.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // jsonc-parser's UMD build hides its modules from bundlers; its ES module build does not
    mainFields: ['module', 'main'],
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  const externals: Record<string, string[]> = {};
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    externals[path.basename(file)] = [...new Set(out.imports.filter((i) => i.external).map((i) => i.path))].sort();
  }
  return { outdir, externals };
}

/** True for a module the bundle may leave to the host: Node built-ins and the vscode API. */
export function isHostModule(name: string): boolean {
  return name === 'vscode' || name.startsWith('node:') || builtinModules.includes(name);
}

if (require.main === module) {
  bundle().then(
    (r) => {
      for (const [file, ext] of Object.entries(r.externals)) {
        const bad = ext.filter((m) => !isHostModule(m));
        if (bad.length > 0) throw new Error(`${file} still needs ${bad.join(', ')}`);
        console.log(`dist/${file}`);
      }
    },
  ).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
