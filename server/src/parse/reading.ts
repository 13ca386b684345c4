/**
 * The parser's reading of a reply as text: the role of every block and the elements found, one
 * line each. The golden parser fixtures (test/fixtures/parse/*.roles) are this text, so that a
 * change to the parser is reviewed as a diff of readings; `proposal-reply outline --roles` prints it.
 */
import type { Reply } from '../core/model';
import { lineIndexAt } from '../core/text';

export function readingOf(reply: Reply): string {
  const lineOf = (offset: number): number => lineIndexAt(reply.lines, offset) + 1;
  const at = (span: { start: number } | undefined): string => (span ? String(lineOf(span.start)) : '-');
  const out: string[] = [];
  out.push(`kind ${reply.kind}`);
  out.push(`docNumber ${at(reply.docNumber)} · title ${at(reply.title)} · category ${reply.category?.value ?? '-'} · addressee ${at(reply.addressee)} · receipt ${at(reply.receipt)}`);
  out.push(`measures ${reply.headings.map((h) => `${lineOf(h.start)}:${h.marker.level}`).join(' ') || '-'} · nextSteps ${reply.nextSteps.map((n) => lineOf(n.start)).join(' ') || '-'}`);
  out.push(`closing ${at(reply.closing)} · signature ${at(reply.signature)} · date ${at(reply.date)}${reply.date?.styles.length ? ` (${reply.date.styles.join(', ')})` : ''} · contacts ${reply.contacts.map(at).join(' ') || '-'}`);
  const candidates = Object.entries(reply.candidates).map(([k, c]) => `${k} ${lineOf(c.start)} (${c.doubt})`);
  if (candidates.length > 0) out.push(`candidates ${candidates.join(' · ')}`);
  out.push('');
  for (const b of reply.roles) {
    const text = reply.text.slice(b.start, b.end).replace(/\s+/g, ' ');
    out.push(`${String(b.line + 1).padStart(4)}  ${b.role.padEnd(13)} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`);
  }
  return `${out.join('\n')}\n`;
}
