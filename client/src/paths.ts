/**
 * Where the language server module is, whichever way the extension was built: bundled by esbuild
 * into `dist/` (`dist/extension.js` beside `dist/server.js`, as in the .vsix), or compiled by tsc into
 * `out/` (`out/client/src/extension.js`, with the server at `out/server/src/main.js`). No vscode import,
 * so that tests can check both layouts.
 */
import * as path from 'node:path';

/** The server module for an extension module in `dir`; the first candidate that exists. */
export function serverModuleFor(dir: string, exists: (p: string) => boolean): string {
  const candidates = [path.join(dir, 'server.js'), path.join(dir, '..', '..', 'server', 'src', 'main.js')];
  return candidates.find(exists) ?? candidates[0]!;
}

/**
 * The glob patterns of reply files for the workspace check: `*.reply`, `*.reply.txt`, and every
 * pattern that `files.associations` maps to the proposal-reply language (e.g. `*.txt`).
 */
export function replyFilePatterns(associations: Readonly<Record<string, string>> | undefined): string[] {
  const out = ['**/*.reply', '**/*.reply.txt'];
  for (const [pattern, language] of Object.entries(associations ?? {})) {
    if (language !== 'proposal-reply') continue;
    const glob = pattern.includes('/') ? pattern : `**/${pattern}`;
    if (!out.includes(glob)) out.push(glob);
  }
  return out;
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
