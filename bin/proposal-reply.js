#!/usr/bin/env node
'use strict';
// The command-line checker; see `proposal-reply --help`. Built by `npm run build`.
let cli;
try {
  cli = require('../out/server/src/cli/main.js');
} catch (e) {
  process.stderr.write('proposal-reply: not built yet; run `npm run build` first.\n');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`proposal-reply: internal error: ${e && e.stack ? e.stack : e}\n`); process.exitCode = 2; },
);
