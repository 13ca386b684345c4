/**
 * SARIF 2.1.0 output of `proposal-reply check --format sarif` (with rule metadata and fixes, for
 * code-scanning tools). Loaded only for that format.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { compactEdits } from '../features/edits';
import { RULES } from '../rules';
import type { Locale, Severity } from '../core/vocabulary';
import type { Fix, Rule } from '../rules/types';
import { localize } from '../core/vocabulary';
import { DOCX_POSITIONS, type FileResult, type Skipped } from './format';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function artifactUri(p: string): string {
  return p.split(path.sep).map(encodeURIComponent).join('/');
}

function region(doc: TextDocument, start: number, end: number): Record<string, number> {
  const s = doc.positionAt(start);
  const e = doc.positionAt(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

export function formatSarif(results: readonly FileResult[], skipped: readonly Skipped[], locale: Locale, version: string, cwd: string): string {
  const rules = RULES as readonly Rule[];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = results.map((r) => ({
    location: { uri: artifactUri(r.path), uriBaseId: 'SRCROOT' },
    ...(r.extractedFrom ? {
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      description: { text: localize(DOCX_POSITIONS, locale) },
      properties: { extractedFrom: r.extractedFrom, positions: 'paragraphs' },
    } : {}),
  }));
  const written = new Set<Fix>();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'proposal-reply',
          version,
          rules: rules.map((r) => ({
            id: r.id,
            name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
            shortDescription: { text: localize(r.title, locale) },
            fullDescription: { text: localize(r.description, locale) },
            defaultConfiguration: r.defaultSeverity === 'off' ? { enabled: false } : { level: SARIF_LEVEL[r.defaultSeverity] },
            properties: {
              tags: ['proposal-reply', r.sources[0]?.kind ?? 'practice'],
              defaultSeverity: r.defaultSeverity,
              normSources: r.sources.map((s) => `${s.kind}${s.clause ? ` ${s.clause}` : ''}: ${localize(s.note, locale)}`),
            },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      artifacts,
      // a fix that several findings share (one object) is written with the first of them only
      results: results.flatMap((r, fileIndex) => r.findings.map((f) => {
        const fixes = f.fixes?.filter((fix) => !written.has(fix) && written.add(fix));
        if (!r.doc) throw new Error(`SARIF needs the document of ${r.path}`);
        const doc = r.doc;
        const artifactLocation = { uri: artifactUri(r.path), uriBaseId: 'SRCROOT', index: fileIndex };
        return {
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId) ?? -1,
          level: SARIF_LEVEL[f.severity],
          message: { text: localize(f.message, locale) },
          locations: [{ physicalLocation: { artifactLocation, region: region(doc, f.start, f.end) } }],
          ...(f.related && f.related.length > 0 ? {
            relatedLocations: f.related.map((rel, id) => ({
              id, message: { text: localize(rel.message, locale) },
              physicalLocation: { artifactLocation, region: region(doc, rel.start, rel.end) },
            })),
          } : {}),
          // a fix edits text; the extracted text of a Word document is not the file, so it gets none
          ...(fixes && fixes.length > 0 && !r.extractedFrom ? {
            fixes: fixes.map((fix) => ({
              description: { text: localize(fix.title, locale) },
              artifactChanges: [{
                artifactLocation,
                replacements: compactEdits(doc.getText(), fix.edits).map((e) => ({ deletedRegion: region(doc, e.start, e.end), insertedContent: { text: e.newText } })),
              }],
            })),
          } : {}),
        };
      })),
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: skipped.map((s) => ({
          level: 'warning',
          message: { text: s.reason },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(s.path), uriBaseId: 'SRCROOT' } } }],
        })),
      }],
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
