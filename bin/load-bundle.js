'use strict';
// Loads the CLI bundle (dist/cli/main.js) as `require` would, but through V8's code cache when the
// build left one beside it (main.js.cache, written by scripts/bundle.ts after a warm-up check).
// Compiling the ~600 KB bundle and the functions a check calls took ~11 ms of the ~70 ms a 5 KB
// check spent above `node -e 0` (issue 20). A cache from another Node version or made with other
// V8 flags is rejected by V8 and the bundle compiles as usual. V8 checks a cache against the length
// of the source only, so a cache older than the bundle is not read at all, and the build deletes the
// old cache before it writes the bundle's.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

const cacheOf = (file) => `${file}.cache`;
const mtime = (p) => fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/** The bundle compiled as CommonJS (the wrapper keeps its line numbers in stack traces). */
function compile(file, cachedData) {
  const source = fs.readFileSync(file, 'utf8');
  return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
}

function run(script, file) {
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** The cache beside the bundle when it is at least as new, else nothing (an unreadable one is no cache either). */
function readCache(file) {
  try {
    return mtime(cacheOf(file)) >= mtime(file) ? fs.readFileSync(cacheOf(file)) : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle's exports. */
function loadBundle(file) {
  return run(compile(file, readCache(file)), file);
}

/**
 * Runs the bundle's `main(args)` once and writes what V8 compiled for it beside the bundle. Run in
 * a process of its own with its output discarded (scripts/bundle.ts): the warm-up prints a report.
 */
async function writeCodeCache(file, args) {
  const script = compile(file, undefined);
  await run(script, file).main(args);
  fs.writeFileSync(cacheOf(file), script.createCachedData());
}

/** Whether V8 accepts the cache beside the bundle (a test asks this of the build). */
function codeCacheAccepted(file) {
  return fs.existsSync(cacheOf(file)) && !compile(file, fs.readFileSync(cacheOf(file))).cachedDataRejected;
}

module.exports = { loadBundle, writeCodeCache, codeCacheAccepted };
