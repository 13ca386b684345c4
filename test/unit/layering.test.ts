/**
 * The layering of server/src, held by a test: the folders import each other without a cycle (files
 * directly in server/src, the server's glue, count as one folder). core/ is the bottom; a folder
 * that needs something of a folder above it gets it moved down, not imported up.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

const SRC = path.join(ROOT, 'server', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The folder of server/src a file lies in ('.' for the files directly in it). */
function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : '.';
}

/** The module an import names: a file, or a folder's index. */
function resolveImport(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  return fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts');
}

/** Folder → the folders it imports, with one import that shows each edge. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'|require\('(\.[^']+)'\)/gm)) {
      const target = resolveImport(file, (m[1] ?? m[2] ?? m[3])!);
      if (!target.startsWith(SRC)) continue;
      const a = folderOf(file);
      const b = folderOf(target);
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Map());
      if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, `${path.relative(SRC, file)} → ${(m[1] ?? m[2] ?? m[3])!}`);
    }
  }
  return graph;
}

describe('layering of server/src', () => {
  it('has no import cycle between folders', () => {
    const graph = folderGraph();
    assert.ok(graph.size >= 8, `only ${graph.size} folders import others`);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]): void => {
      state.set(node, 'open');
      for (const [next, example] of graph.get(node) ?? []) {
        if (state.get(next) === 'open') {
          const start = trail.indexOf(next);
          cycles.push([...trail.slice(start < 0 ? 0 : start), node, next].join(' → ') + `  (e.g. ${example})`);
        } else if (!state.has(next)) visit(next, [...trail, node]);
      }
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node, []);
    assert.deepEqual(cycles, []);
  });

  it('keeps core/ at the bottom: it imports no other folder', () => {
    assert.deepEqual([...(folderGraph().get('core')?.keys() ?? [])], []);
  });
});
