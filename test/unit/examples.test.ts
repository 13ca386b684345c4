import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseProjectFile } from '../../server/src/config/projectFile';
import { resolveConfig } from '../../server/src/config/resolve';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { runCli } from '../../server/src/cli/main';
import { RULES } from '../../server/src/rules';
import { createReplyService } from '../../server/src/service';
import { EXAMPLES, ROOT } from '../support/fixtures';

const service = createReplyService({ now: () => new Date(2026, 10, 23, 12) });

function replies(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.reply')).sort().map((f) => path.join(dir, f));
}

describe('examples', () => {
  it('the clean examples, one of each kind, have no finding at all', () => {
    const kinds: string[] = [];
    for (const file of replies(path.join(EXAMPLES, 'clean'))) {
      const doc = TextDocument.create(`file://${file}`, 'proposal-reply', 1, fs.readFileSync(file, 'utf8'));
      const { reply, findings } = service.analyze(doc, DEFAULT_CONFIG);
      assert.deepEqual(findings.map((f) => `${f.ruleId}@${doc.positionAt(f.start).line + 1}`), [], file);
      kinds.push(reply.kind);
    }
    assert.deepEqual(kinds.sort(), ['co-handling-opinion', 'proposal-reply', 'rectification-report', 'suggestion-reply']);
  });

  it('the flawed drafts and the register batch, with their project files, trigger every rule', async () => {
    const dir = path.join(EXAMPLES, 'flawed');
    const project = parseProjectFile('.proposal-reply.json', fs.readFileSync(path.join(dir, '.proposal-reply.json'), 'utf8'));
    const { config, issues } = resolveConfig([project.layer!]);
    assert.deepEqual(issues, []);
    const fired = new Set<string>();
    for (const file of replies(dir)) {
      const doc = TextDocument.create(`file://${file}`, 'proposal-reply', 1, fs.readFileSync(file, 'utf8'));
      for (const f of service.analyze(doc, config).findings) fired.add(f.ruleId);
    }
    // the register batch, checked as a batch against its register (duplicates need the batch)
    let stdout = '';
    const code = await runCli(['--today', '2026-01-05', 'check', '--format', 'json', 'examples/register'], { stdout: (s) => (stdout += s), stderr: () => undefined, cwd: ROOT, env: {} });
    assert.equal(code, 1);
    for (const file of (JSON.parse(stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> }).files) for (const d of file.diagnostics) fired.add(d.code);
    assert.deepEqual(RULES.map((r) => r.id).filter((id) => !fired.has(id)), []);
  });
});
