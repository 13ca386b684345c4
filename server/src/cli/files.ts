/**
 * File-system side of the CLI: which files to check, reading and decoding them, and finding the
 * project file that applies to each.
 */
import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_FILE_MAX_BYTES, parseProjectFile, projectFileTooLarge } from '../config/projectFile';
import { type ConfigIssue, type ConfigLayer } from '../config/resolve';
import { PROJECT_FILE_NAME } from '../config/schema';
import { decodeReplyBytes, type DecodeResult } from '../decode';

/** File endings checked when a folder is given. */
export const REPLY_EXTENSIONS = ['.reply', '.txt'];
/**
 * Word documents: a .docx is read through its extracted text; an old binary .doc or .wps is
 * listed too, so that the user is told to save it as .docx instead of it being passed over.
 */
export const WORD_EXTENSIONS = ['.docx', '.doc', '.wps'];

export function isWordFile(p: string): boolean {
  const lower = p.toLowerCase();
  return WORD_EXTENSIONS.some((x) => lower.endsWith(x));
}
/** Folders never descended into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg', 'out', 'dist']);
/** Files larger than this are not replies; they are reported and skipped. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface Problem {
  readonly path: string;
  readonly message: { zh: string; en: string };
}

/** Expands the command-line paths: files as given, folders walked for reply files, sorted. */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, message: ioMessage(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await walk(p);
      } else if (e.isFile() && (REPLY_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x)) || (isWordFile(e.name) && !e.name.startsWith('~$')))) {
        // ~$name.docx is the lock file Word keeps beside an open document
        files.push(p);
      }
    }
  };
  for (const p of paths) {
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(p);
    } catch (e) {
      problems.push({ path: p, message: ioMessage(e) });
      continue;
    }
    if (st.isDirectory()) await walk(p);
    else files.push(p);
  }
  return { files, problems };
}

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly extractedFrom?: 'docx' }
  | { readonly ok: false; readonly problem: Problem };

/**
 * Reads a Word document's text (office/docx.ts, loaded on the first Word file so that a run over
 * text files does not pay for it).
 */
export async function readWordFile(p: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const st = await fs.stat(p);
    if (st.size > MAX_FILE_BYTES) return tooLarge(p, st.size);
    bytes = await fs.readFile(p);
  } catch (e) {
    return { ok: false, problem: { path: p, message: ioMessage(e) } };
  }
  const { extractDocx } = require('../office/docx') as typeof import('../office/docx');
  const r = await extractDocx(bytes, path.basename(p));
  return r.ok ? { ok: true, text: r.text, encoding: 'docx', extractedFrom: 'docx' } : { ok: false, problem: { path: p, message: r.problem } };
}

/** Reads any file the checker accepts: a Word document through its text, anything else decoded. */
export function readAnyReplyFile(p: string): Promise<ReadResult> {
  return isWordFile(p) ? readWordFile(p) : readReplyFile(p);
}

export async function readReplyFile(p: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const st = await fs.stat(p);
    if (st.size > MAX_FILE_BYTES) return tooLarge(p, st.size);
    bytes = await fs.readFile(p);
  } catch (e) {
    return { ok: false, problem: { path: p, message: ioMessage(e) } };
  }
  return decodeRead(p, bytes);
}

/**
 * The same, blocking: for the checker's loop over many files (in a worker thread or a CLI run
 * with nothing else to do), where five thread-pool round trips per file left the thread idle.
 */
export function readReplyFileSync(p: string): ReadResult {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = fsSync.openSync(p, 'r');
    const st = fsSync.fstatSync(fd);
    if (st.size > MAX_FILE_BYTES) return tooLarge(p, st.size);
    bytes = fsSync.readFileSync(fd);
  } catch (e) {
    return { ok: false, problem: { path: p, message: ioMessage(e) } };
  } finally {
    if (fd !== undefined) fsSync.closeSync(fd);
  }
  return decodeRead(p, bytes);
}

function tooLarge(p: string, size: number): ReadResult {
  const mb = (size / 1024 / 1024).toFixed(1);
  return { ok: false, problem: { path: p, message: { zh: `文件过大（${mb} MB，上限 ${MAX_FILE_BYTES / 1024 / 1024} MB），不是答复文稿，已跳过。`, en: `file too large (${mb} MB, limit ${MAX_FILE_BYTES / 1024 / 1024} MB); not a reply, skipped.` } } };
}

function decodeRead(p: string, bytes: Buffer): ReadResult {
  const decoded: DecodeResult = decodeReplyBytes(bytes);
  if (!decoded.ok) {
    return {
      ok: false,
      problem: {
        path: p,
        message: decoded.reason === 'binary'
          ? { zh: '二进制文件（不是文本），已跳过。', en: 'binary file (not text), skipped.' }
          : { zh: '无法识别的编码（既非 UTF-8 也非 GB18030/GBK），已跳过；请另存为 UTF-8。', en: 'unrecognised encoding (neither UTF-8 nor GB18030/GBK), skipped; save it as UTF-8.' },
      },
    };
  }
  return { ok: true, text: decoded.text, encoding: decoded.encoding };
}

export function ioMessage(e: unknown): { zh: string; en: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return { zh: '文件或文件夹不存在。', en: 'no such file or folder.' };
    case 'EACCES': case 'EPERM': return { zh: '没有读取权限。', en: 'permission denied.' };
    case 'EISDIR': return { zh: '这是文件夹，不是文件。', en: 'is a folder, not a file.' };
    default: return { zh: `读取失败：${(e as Error)?.message ?? String(e)}`, en: `cannot read: ${(e as Error)?.message ?? String(e)}` };
  }
}

export interface LoadedProjectFile {
  readonly layer?: ConfigLayer;
  readonly issues: ConfigIssue[];
  /** True when the file could not be read at all (missing, no permission). */
  readonly unreadable?: boolean;
}

/** Finds and reads project files, nearest first, each read once. */
export class ProjectFiles {
  private readonly byDir = new Map<string, Promise<string | undefined>>();
  private readonly loaded = new Map<string, Promise<LoadedProjectFile>>();

  /** The project file that applies to a file: the nearest `.proposal-reply.json` in its folder or above. */
  nearest(file: string): Promise<string | undefined> {
    return this.lookup(path.dirname(path.resolve(file)));
  }

  private lookup(dir: string): Promise<string | undefined> {
    let p = this.byDir.get(dir);
    if (!p) {
      p = (async () => {
        const candidate = path.join(dir, PROJECT_FILE_NAME);
        try {
          if ((await fs.stat(candidate)).isFile()) return candidate;
        } catch {
          // not here; look further up
        }
        const parent = path.dirname(dir);
        return parent === dir ? undefined : this.lookup(parent);
      })();
      this.byDir.set(dir, p);
    }
    return p;
  }

  /** Reads a project file; a missing or unreadable file is an issue, not a crash. */
  load(file: string, shownAs: string): Promise<LoadedProjectFile> {
    let p = this.loaded.get(file);
    if (!p) {
      p = (async () => {
        try {
          const st = await fs.stat(file);
          if (st.size > PROJECT_FILE_MAX_BYTES) return { issues: [projectFileTooLarge(shownAs)] };
          return parseProjectFile(shownAs, await fs.readFile(file, 'utf8'));
        } catch (e) {
          return { issues: [{ source: shownAs, key: '', message: ioMessage(e) }], unreadable: true };
        }
      })();
      this.loaded.set(file, p);
    }
    return p;
  }
}
