const fc = require('fast-check');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { createReplyService } = require('./out/server/src/service.js');
const { DEFAULT_CONFIG } = require('./out/server/src/config/schema.js');
const { toDiagnostics } = require('./out/server/src/features/diagnostics.js');
const { anyText } = require('./out/test/support/mutations.js');
const MiB = 1048576;
const document = fc.tuple(anyText, anyText, fc.integer({ min: 1, max: 200000 })).map(([prefix, unit, bytes]) => {
  const head = prefix.slice(0, 2000); const per = Math.max(1, Buffer.byteLength(unit));
  return head + unit.repeat(Math.max(0, Math.floor((bytes - Buffer.byteLength(head)) / per)));
});
let worst = 0;
for (const text of fc.sample(document, { numRuns: +(process.argv[2] || 60), seed: 7 })) {
  const service = createReplyService({ now: () => new Date(2026, 10, 23, 12) });
  const doc = TextDocument.create('file:///x.reply', 'proposal-reply', 1, text);
  const { findings } = service.analyze(doc, DEFAULT_CONFIG);
  const diagnostics = toDiagnostics(doc, findings, { locale: 'zh-cn' });
  const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  const acts = service.codeActions(doc, DEFAULT_CONFIG, whole, diagnostics, { locale: 'zh-cn' });
  const b = Buffer.byteLength(text); const r = Buffer.byteLength(JSON.stringify(acts)) / (8 * b + MiB);
  if (r > worst) { worst = r; require('fs').writeFileSync('/tmp/worst.txt', text); const by = {}; for (const a of acts) { const k = (a.kind||'') + ' ' + a.title.replace(/[0-9]+/g,'#').slice(0,16); by[k] = (by[k]||0) + Buffer.byteLength(JSON.stringify(a)); } console.log(r.toFixed(2), b, acts.length, Object.entries(by).sort((x,y)=>y[1]-x[1]).slice(0,4)); }
}
