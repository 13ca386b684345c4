#!/usr/bin/env node
'use strict';
// The command-line checker; see `proposal-reply --help`. `npm run build` writes it twice: compiled
// by tsc into out/, and bundled by esbuild into dist/cli/ (scripts/bundle.ts), one file that starts
// much faster than the ~200 modules of out/, and with it V8's code cache (load-bundle.js). The bundle
// runs, unless the compiled tree is newer (after `tsc -b` alone or during `npm run watch`): then
// out/ runs, the code just compiled.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundled = path.join(root, 'dist', 'cli', 'main.js');
const compiled = path.join(root, 'out', 'server', 'src', 'cli', 'main.js');
const mtime = (p) => fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = mtime(bundled) >= mtime(path.join(root, 'out', 'server.tsbuildinfo')) ? bundled : compiled;

let cli;
try {
  cli = entry === bundled ? require('./load-bundle').loadBundle(bundled) : require(entry);
} catch (e) {
  if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ENOENT') && !fs.existsSync(entry)) {
    process.stderr.write('proposal-reply: not built yet; run `npm run build` first.\n');
    process.exit(2);
  }
  throw e;
}
// a reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit();
});
cli.main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`proposal-reply: internal error: ${e && e.stack ? e.stack : e}\n`); process.exitCode = 2; },
);
