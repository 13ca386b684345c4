/**
 * The packaged extension: esbuild bundles the client and the server into dist/ with nothing left to
 * resolve but Node built-ins and vscode; the bundled server, run from a folder without node_modules
 * in the package's layout, answers like the compiled one and links the rule pages shipped beside it;
 * vsce packages exactly the files the manifest needs.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { serverModuleFor } from '../../client/src/paths';
import { bundle, isHostModule, isLibModule, LAZY_PACKAGES } from '../../scripts/bundle';
import { readText, ROOT, seedPath } from '../support/fixtures';
import { SERVER_MAIN, TestClient } from '../support/lspClient';

describe('the packaged extension', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-reply-package-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the server beside the bundled client, and in the compiled tree', () => {
    const exists = (p: string): boolean => fs.existsSync(p);
    assert.equal(serverModuleFor(path.join(ROOT, 'out', 'client', 'src'), exists), SERVER_MAIN);
    const dist = path.join(dir, 'layout', 'dist');
    fs.mkdirSync(dist, { recursive: true });
    fs.writeFileSync(path.join(dist, 'server.js'), '');
    assert.equal(serverModuleFor(dist, exists), path.join(dist, 'server.js'));
  });

  it('bundles a server that runs without node_modules and answers like the compiled one', async () => {
    const ext = path.join(dir, 'extension');
    const result = await bundle(path.join(ext, 'dist'));
    const libs = LAZY_PACKAGES.map((p) => `lib/${p.replace('/', '-')}.js`);
    assert.deepEqual(Object.keys(result.externals).sort(), ['extension.js', ...libs, 'server.js'].sort());
    for (const [file, modules] of Object.entries(result.externals)) {
      // the packages only some work needs come from their own bundles beside the server (dist/lib)
      assert.deepEqual(modules.filter((m) => !isHostModule(m) && !isLibModule(m)), [], `${file} needs modules it does not bundle`);
      for (const m of modules.filter(isLibModule)) assert.ok(fs.existsSync(path.join(ext, 'dist', path.dirname(file), m)), `${file} needs ${m}`);
    }
    assert.ok(result.externals['extension.js']!.includes('vscode'));
    assert.ok(!result.externals['server.js']!.includes('vscode'));
    fs.cpSync(path.join(ROOT, 'docs', 'rules'), path.join(ext, 'docs', 'rules'), { recursive: true });

    const text = readText(seedPath('000_'));
    const uri = pathToFileURL(seedPath('000_')).href;
    const pull = async (c: TestClient): Promise<Diagnostic[]> => {
      await c.open(uri, text);
      return (await c.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
    };
    // every module file the bundled server loads, listed as it loads (the server may be killed at the end)
    const loadedList = path.join(dir, 'server-loaded.txt');
    const preload = path.join(dir, 'list-loaded.js');
    fs.writeFileSync(preload, `const fs = require('node:fs'); const M = require('node:module'); const js = M._extensions['.js'];
M._extensions['.js'] = function (module, file) { fs.appendFileSync(${JSON.stringify(loadedList)}, file + '\\n'); return js.call(this, module, file); };\n`);
    const bundled = await TestClient.start({ pull: true, serverModule: path.join(ext, 'dist', 'server.js'), execArgv: ['--require', preload] });
    const compiled = await TestClient.start({ pull: true });
    try {
      const a = await pull(bundled);
      const b = await pull(compiled);
      const strip = (ds: Diagnostic[]): unknown[] => ds.map(({ codeDescription: _c, ...d }) => d);
      assert.deepEqual(strip(a), strip(b));
      assert.ok(a.length > 30);
      for (const d of a) {
        const file = fileURLToPath(d.codeDescription!.href);
        assert.equal(file, path.join(ext, 'docs', 'rules', `${d.code}.md`));
        assert.ok(fs.existsSync(file));
      }
      // a reply with the settings at their defaults needs none of the packages in dist/lib
      const loaded = fs.readFileSync(loadedList, 'utf8').split('\n').filter((l) => l.length > 0);
      assert.deepEqual(loaded.filter((f) => f !== preload), [path.join(ext, 'dist', 'server.js')]);
    } finally {
      await bundled.stop();
      await compiled.stop();
    }
  });

  it('loads the bundled client with only the vscode API provided, exporting activate and deactivate', async () => {
    const ext = path.join(dir, 'client-only');
    await bundle(path.join(ext, 'dist'));
    // the vscode module: every name the API declares (@types/vscode), each a harmless class whose
    // members are stand-ins too, so that loading the bundle runs its top-level code for real
    const dts = readText(path.join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'));
    const names = [...dts.matchAll(/^\texport (?:class|enum|namespace|const|function|let) (\w+)/gm)].map((m) => m[1]!);
    assert.ok(names.includes('CompletionItem') && names.includes('workspace'));
    const standIn = (): unknown => new Proxy(class StandIn {}, { get: (t, p) => (p in t ? (t as unknown as Record<string | symbol, unknown>)[p] : standIn()) });
    const stub = Object.fromEntries(names.map((n) => [n, standIn()]));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Module = require('node:module') as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
    const load = Module._load;
    Module._load = (request, parent, isMain) => (request === 'vscode' ? stub : load(request, parent, isMain));
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const extension = require(path.join(ext, 'dist', 'extension.js')) as { activate?: unknown; deactivate?: unknown };
      assert.equal(typeof extension.activate, 'function');
      assert.equal(typeof extension.deactivate, 'function');
    } finally {
      Module._load = load;
    }
  });

  it('packages the bundle and the files the manifest names, and nothing else', async () => {
    await bundle();
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean).sort();
    const pkg = JSON.parse(readText(path.join(ROOT, 'package.json'))) as {
      main: string;
      icon: string;
      contributes: { languages: Array<{ configuration: string }>; grammars: Array<{ path: string }>; snippets: Array<{ path: string }>; jsonValidation: Array<{ url: string }> };
    };
    const rel = (p: string): string => path.posix.normalize(p.replace(/^\.\//, ''));
    const needed = [
      rel(pkg.main), 'dist/server.js', ...fs.readdirSync(path.join(ROOT, 'dist', 'lib')).map((f) => `dist/lib/${f}`), rel(pkg.contributes.languages[0]!.configuration), rel(pkg.contributes.grammars[0]!.path), rel(pkg.contributes.snippets[0]!.path),
      rel(pkg.contributes.jsonValidation[0]!.url), 'l10n/bundle.l10n.zh-cn.json', 'package.nls.json', 'package.nls.zh-cn.json', 'package.json', 'README.md', 'LICENSE', rel(pkg.icon), 'docs/rules.md',
      ...fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => `docs/rules/${f}`),
    ].sort();
    assert.deepEqual(listed, needed);
  });
});
