/**
 * `proposal-reply export [--format docx] FILE [-o FILE.docx]`: a reply laid out by GB/T 9704-2012
 * as a Word document. The file is written only where `-o` names it; without `-o` the document goes
 * to standard output when that is a pipe or a file, never to a terminal. The `docx` package is
 * loaded only here (office/exportDocx.ts requires it when called).
 */
import * as path from 'node:path';
import type { EffectiveConfig } from '../config/schema';
import type { Reply } from '../core/model';
import { exportDocx, exportOptionsFor, exportSummary } from '../office/exportDocx';
import type { Locale } from '../core/vocabulary';
import { localize } from '../core/vocabulary';
import { readAnyReplyFile, writeOutputFile } from '../io/files';
import { terminalPath } from './terminal';

export interface ExportIo {
  readonly cwd: string;
  readonly stderr: (s: string) => void;
  /** Writes the document to standard output; undefined when standard output is a terminal. */
  readonly stdoutBytes?: (bytes: Buffer) => void;
}

export async function exportReply(
  file: string,
  opts: { output: string | undefined; unsealed: boolean; config: EffectiveConfig; locale: Locale; parse: (text: string) => Reply },
  io: ExportIo,
): Promise<number> {
  const abs = path.resolve(io.cwd, file);
  const shown = path.relative(io.cwd, abs) || abs;
  const target = opts.output !== undefined ? path.resolve(io.cwd, opts.output) : undefined;
  const say = (m: { zh: string; en: string }): void => io.stderr(`proposal-reply: ${localize(m, opts.locale)}\n`);
  if (target === undefined && !io.stdoutBytes) {
    say({ zh: '请用 -o 指定要写入的 Word 文件，例如 -o 答复.docx（不会写到终端）。', en: 'name the Word file to write with -o, e.g. -o reply.docx (it is not written to a terminal).' });
    return 2;
  }
  const read = await readAnyReplyFile(abs);
  if (!read.ok) {
    io.stderr(`proposal-reply: ${shown}: ${localize(read.problem.message, opts.locale)}\n`);
    return 2;
  }
  const reply = opts.parse(read.text);
  const options = exportOptionsFor(opts.config, opts.unsealed);
  const bytes = await exportDocx(reply, options);
  if (target === undefined) {
    io.stdoutBytes!(bytes);
    return 0;
  }
  // written as report --output writes: never through a link, never over the input (io/files.ts)
  const written = await writeOutputFile(target, bytes, [abs]);
  if (!written.ok) {
    io.stderr(`proposal-reply: ${terminalPath(path.relative(io.cwd, target) || target)}: ${localize(written.message, opts.locale)}\n`);
    return 2;
  }
  say(exportSummary(reply, options, path.relative(io.cwd, target) || target));
  return 0;
}
