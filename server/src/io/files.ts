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
import { decodeReplyBytes, type DecodeResult, type Encoding } from '../core/decode';
import { type FileLimits, lineCount } from '../features/limits';
import { isInside } from '../register/location';
import type { Localized } from '../core/vocabulary';

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
/** Files larger than this are not replies; the CLI reports and skips them (the editor's limit is CHECK_MAX_BYTES). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Files of more lines are not replies either (a real 64 MB reply has ~140 000; features/limits.ts). */
export const MAX_FILE_LINES = 200_000;
/** What the command line and its workers check. */
export const CLI_FILE_LIMITS: FileLimits = { bytes: MAX_FILE_BYTES, lines: MAX_FILE_LINES };

export interface Problem {
  readonly path: string;
  readonly message: Localized;
}

/**
 * Expands the command-line paths: files as given, folders walked for reply files, sorted. A reply
 * that is a symbolic link is followed when its target is a file inside the folder walked, and
 * reported as skipped otherwise (a workspace must not make the checker read what lies outside it);
 * links to folders are not followed.
 */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  // (~$name.docx is the lock file Word keeps beside an open document)
  const isReply = (name: string): boolean => REPLY_EXTENSIONS.some((x) => name.toLowerCase().endsWith(x)) || (isWordFile(name) && !name.startsWith('~$'));
  const walk = async (dir: string, root: string): Promise<void> => {
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
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await walk(p, root);
      } else if (e.isFile() && isReply(e.name)) {
        files.push(p);
      } else if (e.isSymbolicLink() && isReply(e.name)) {
        const target = await fs.realpath(p).catch(() => undefined);
        const st = target !== undefined ? await fs.stat(target).catch(() => undefined) : undefined;
        if (target !== undefined && st?.isFile() && isInside(root, target)) files.push(p);
        else if (!st || st.isFile()) {
          problems.push({ path: p, message: target === undefined || !st
            ? { zh: '符号链接指向的文件不存在，已跳过。', en: 'a symbolic link to nothing; skipped.' }
            : { zh: '符号链接指向所检查的文件夹之外，已跳过；如需检查，请直接指定目标文件。', en: 'a symbolic link to a file outside the folder checked; skipped. Name the target itself to check it.' } });
        }
      }
    }
  };
  for (const p of paths) {
    let st: import('node:fs').Stats;
    try {
      // the paths named and the project-file lookup below are stat'ed synchronously, a few
      // microseconds each: so that checking one file never loads fs.promises (~2.5 ms of the
      // CLI's start-up, issue 20); walking a folder stays asynchronous
      st = fsSync.statSync(p);
    } catch (e) {
      problems.push({ path: p, message: ioMessage(e) });
      continue;
    }
    if (st.isDirectory()) await walk(p, await fs.realpath(p).catch(() => p));
    else files.push(p);
  }
  return { files, problems };
}

/** Something said about a file that was read anyway: a guessed encoding, invalid bytes (with their place). */
export interface ReadNote {
  readonly line?: number;
  readonly column?: number;
  readonly message: Localized;
}

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding | 'docx'; readonly notes: readonly ReadNote[]; readonly extractedFrom?: 'docx' }
  | { readonly ok: false; readonly problem: Problem; readonly tooLarge?: number };

/** The bytes of a file, or why they were not read (`tooLarge`: the size past the limit, when that was why). */
export type BytesResult = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly problem: Problem; readonly tooLarge?: number };

/**
 * How every reader opens a file: without blocking (a FIFO would wait for a writer and hold a
 * thread of the file-reading pool meanwhile), then only a regular file is read (not a FIFO, a
 * device such as /dev/zero, a socket), and never past `maxBytes` whatever its size said (a file
 * may grow while it is read, and /proc files say 0).
 */
const OPEN_FLAGS = fsSync.constants.O_RDONLY | (fsSync.constants.O_NONBLOCK ?? 0);
/**
 * The first read asks for the size the file said and one byte more (so that a file that grew is
 * seen), and usually gets the whole file in one buffer; only what comes past it is read in chunks
 * of this size and joined. Reading every file in 1 MB chunks and joining them cost a 4 MB reply
 * ~20 ms of copying in a CLI run (issue 20).
 */
const READ_CHUNK = 1024 * 1024;

export async function readFileBounded(p: string, maxBytes: number): Promise<BytesResult> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(p, OPEN_FLAGS);
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, problem: notRegular(p, st) };
    if (st.size > maxBytes) return tooLarge(p, st.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(total === 0 ? st.size + 1 : READ_CHUNK);
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return tooLarge(p, total, maxBytes);
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, problem: { path: p, message: ioMessage(e) } };
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** The same, blocking (see readReplyFileSync). */
export function readFileBoundedSync(p: string, maxBytes: number): BytesResult {
  let fd: number | undefined;
  try {
    fd = fsSync.openSync(p, OPEN_FLAGS);
    const st = fsSync.fstatSync(fd);
    if (!st.isFile()) return { ok: false, problem: notRegular(p, st) };
    if (st.size > maxBytes) return tooLarge(p, st.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(total === 0 ? st.size + 1 : READ_CHUNK);
      const bytesRead = fsSync.readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return tooLarge(p, total, maxBytes);
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, problem: { path: p, message: ioMessage(e) } };
  } finally {
    if (fd !== undefined) fsSync.closeSync(fd);
  }
}

/** Reads and decodes a reply within the caller's limits (the editor's are smaller than the CLI's). */
export async function readReplyFile(p: string, limits = CLI_FILE_LIMITS): Promise<ReadResult> {
  const read = await readFileBounded(p, limits.bytes);
  return read.ok ? decodeRead(p, read.bytes, limits.lines) : read;
}

/**
 * The same, blocking: for the checker's loop over many files (in a worker thread or a CLI run
 * with nothing else to do), where five thread-pool round trips per file left the thread idle.
 */
export function readReplyFileSync(p: string, limits = CLI_FILE_LIMITS): ReadResult {
  const read = readFileBoundedSync(p, limits.bytes);
  return read.ok ? decodeRead(p, read.bytes, limits.lines) : read;
}

const mb = (size: number): string => (size / 1024 / 1024).toFixed(1);

function tooLarge(p: string, size: number, limit: number): { ok: false; problem: Problem; tooLarge: number } {
  const shownLimit = limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`;
  return { ok: false, tooLarge: size, problem: { path: p, message: { zh: `文件过大（${mb(size)} MB，上限 ${shownLimit}），不是答复文稿，已跳过。`, en: `file too large (${mb(size)} MB, limit ${shownLimit}); not a reply, skipped.` } } };
}

function notRegular(p: string, st: fsSync.Stats): Problem {
  const what = st.isFIFO() ? { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' }
    : st.isCharacterDevice() || st.isBlockDevice() ? { zh: '设备文件', en: 'a device' }
    : st.isSocket() ? { zh: '套接字', en: 'a socket' }
    : st.isDirectory() ? { zh: '文件夹', en: 'a folder' }
    : { zh: '特殊文件', en: 'a special file' };
  return { path: p, message: { zh: `这是${what.zh}，不是普通文件，未读取。`, en: `this is ${what.en}, not a regular file; not read.` } };
}

function decodeRead(p: string, bytes: Buffer, maxLines: number): ReadResult {
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
  const lines = lineCount(decoded.text);
  if (lines > maxLines) {
    return { ok: false, problem: { path: p, message: { zh: `行数过多（${lines} 行，上限 ${maxLines} 行），不是答复文稿，已跳过。`, en: `too many lines (${lines}, limit ${maxLines}); not a reply, skipped.` } } };
  }
  return { ok: true, text: decoded.text, encoding: decoded.encoding, notes: decodeNotes(bytes, decoded) };
}

/**
 * Reads a Word document's text (office/docx.ts, loaded on the first Word file so that a run over
 * text files does not pay for it), through the same bounded reader.
 */
export async function readWordFile(p: string, limits = CLI_FILE_LIMITS): Promise<ReadResult> {
  const read = await readFileBounded(p, limits.bytes);
  if (!read.ok) return read;
  const { extractDocx } = require('../office/docx') as typeof import('../office/docx');
  const r = await extractDocx(read.bytes, path.basename(p));
  return r.ok ? { ok: true, text: r.text, encoding: 'docx', notes: [], extractedFrom: 'docx' } : { ok: false, problem: { path: p, message: r.problem } };
}

/** Reads any file the checker accepts: a Word document through its text, anything else decoded. */
export function readAnyReplyFile(p: string, limits = CLI_FILE_LIMITS): Promise<ReadResult> {
  return isWordFile(p) ? readWordFile(p, limits) : readReplyFile(p, limits);
}

const ENCODING_NAME: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' };

/** What the decoding guessed, and where it met invalid UTF-8 (line and column of the character shown as �). */
function decodeNotes(bytes: Buffer, decoded: Extract<DecodeResult, { ok: true }>): ReadNote[] {
  const notes: ReadNote[] = [];
  if (decoded.guessed) {
    const name = ENCODING_NAME[decoded.encoding];
    notes.push({ message: { zh: `文件没有标明编码，按 ${name} 读取（推测）；如有乱码，请另存为 UTF-8。`, en: `the file does not mark its encoding; read as ${name} (a guess). If the text looks garbled, save it as UTF-8.` } });
  }
  for (const at of decoded.invalid ?? []) {
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
    const hex = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
    notes.push({ line, column, message: { zh: `此处的字节 ${hex} 不是有效的 UTF-8，已显示为 �；其余内容照常检查。`, en: `the byte ${hex} here is not valid UTF-8 and is shown as �; the rest is checked as usual.` } });
  }
  const more = (decoded.invalidCount ?? 0) - (decoded.invalid?.length ?? 0);
  if (more > 0) notes.push({ message: { zh: `另有 ${more} 处无效的 UTF-8 字节，均显示为 �。`, en: `${more} more invalid UTF-8 byte sequence(s), each shown as �.` } });
  return notes;
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly message: Localized };

/**
 * Writes a file the user named (`report --output`), and only that: an existing symbolic link is
 * refused (a repository may commit `报告.csv -> ~/.bashrc`), so is anything but a regular file, and
 * so is any input of the run (a reply, the register, a project file, compared by device and inode,
 * so hard links and other spellings count). The text goes to a new temporary file beside the target
 * (created exclusively, so nothing planted there is followed), which then replaces the target: a
 * failed write leaves the old file as it was.
 */
export async function writeOutputFile(target: string, text: string | Uint8Array, inputs: readonly string[]): Promise<WriteResult> {
  let existing: fsSync.Stats | undefined;
  try {
    existing = await fs.lstat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, message: ioMessage(e, 'write') };
  }
  if (existing?.isSymbolicLink()) {
    return { ok: false, message: { zh: '输出文件是一个已有的符号链接，拒绝写入（以免经链接覆盖别处的文件）；请指定一个新的文件名。', en: 'the output is an existing symbolic link; refusing to write through it (it could overwrite a file elsewhere). Name a new file.' } };
  }
  if (existing && !existing.isFile()) {
    return { ok: false, message: { zh: '输出位置已有一个不是普通文件的对象（文件夹、设备、管道等），拒绝写入。', en: 'the output exists and is not a regular file (a folder, a device, a pipe …); refusing to write.' } };
  }
  if (existing) {
    for (const input of inputs) {
      const st = await fs.stat(input).catch(() => undefined);
      if (st && st.dev === existing.dev && st.ino === existing.ino) {
        return { ok: false, message: { zh: '输出文件是本次运行读取的文件之一（答复、登记表或配置文件），拒绝覆盖；请指定另一个文件名。', en: 'the output is one of the files this run reads (a reply, the register or a project file); refusing to overwrite it. Name another file.' } };
      }
    }
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await fs.writeFile(temp, text, { flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o666 });
    await fs.rename(temp, target);
    return { ok: true };
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    return { ok: false, message: ioMessage(e, 'write') };
  }
}

/** What went wrong reading (or, for `write`, writing) a file, in words. */
export function ioMessage(e: unknown, doing: 'read' | 'write' = 'read'): Localized {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const write = doing === 'write';
  switch (code) {
    case 'ENOENT': return write ? { zh: '所在文件夹不存在。', en: 'no such folder.' } : { zh: '文件或文件夹不存在。', en: 'no such file or folder.' };
    case 'EACCES': case 'EPERM': return write ? { zh: '没有写入权限。', en: 'permission denied (writing).' } : { zh: '没有读取权限。', en: 'permission denied.' };
    case 'EISDIR': return { zh: '这是文件夹，不是文件。', en: 'is a folder, not a file.' };
    case 'ENOSPC': return { zh: '磁盘空间不足，写入失败。', en: 'no space left on the device; not written.' };
    default: return write
      ? { zh: `写入失败：${(e as Error)?.message ?? String(e)}`, en: `cannot write: ${(e as Error)?.message ?? String(e)}` }
      : { zh: `读取失败：${(e as Error)?.message ?? String(e)}`, en: `cannot read: ${(e as Error)?.message ?? String(e)}` };
  }
}

export interface LoadedProjectFile {
  readonly layer?: ConfigLayer;
  readonly issues: ConfigIssue[];
  /** True when the file could not be read at all (missing, no permission). */
  readonly unreadable?: boolean;
}

/**
 * Finds and reads project files, nearest first, each read once. With `workspaceFolders` (the
 * editor's), a project file that is a symbolic link to a place outside all of them is not read.
 */
export class ProjectFiles {
  private readonly byDir = new Map<string, Promise<string | undefined>>();
  private readonly loaded = new Map<string, Promise<LoadedProjectFile>>();

  constructor(private readonly workspaceFolders: () => readonly string[] = () => []) {}

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
          if (fsSync.statSync(candidate).isFile()) return candidate;
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
        const folders = this.workspaceFolders();
        if (folders.length > 0 && (await fs.lstat(file).catch(() => undefined))?.isSymbolicLink()) {
          const real = await fs.realpath(file).catch(() => file);
          const realFolders = await Promise.all(folders.map((f) => fs.realpath(f).catch(() => f)));
          if (!realFolders.some((f) => isInside(f, real))) {
            return {
              issues: [{
                source: shownAs, key: '',
                message: { zh: '项目配置文件经符号链接指向工作区之外，已忽略。', en: 'the project file is a symbolic link to a place outside the workspace; ignored.' },
              }],
            };
          }
        }
        const read = await readFileBounded(file, PROJECT_FILE_MAX_BYTES);
        if (read.ok) return parseProjectFile(shownAs, read.bytes.toString('utf8'));
        if (read.tooLarge !== undefined) return { issues: [projectFileTooLarge(shownAs)] };
        return { issues: [{ source: shownAs, key: '', message: read.problem.message }], unreadable: true };
      })();
      this.loaded.set(file, p);
    }
    return p;
  }
}
