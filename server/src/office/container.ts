/**
 * The containers of office files: what a file is by its first bytes (a zip package, an OLE
 * compound file, or something renamed), and the parts of a zip package read with caps, so that a
 * zip bomb stops at a size limit with a message instead of filling the memory. The zip format is
 * yauzl's: it checks every entry's declared size against the bytes that actually come out.
 * Nothing a part points to (external relationships, macros, embedded objects) is ever opened.
 */
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import type { Localized } from '../core/vocabulary';

/** Largest part read from a package, inflated (a 300-page reply's document.xml is about 5 MB). */
export const PART_MAX_BYTES = 32 * 1024 * 1024;
/** Largest sum of the parts read from one package, inflated. */
export const PACKAGE_MAX_BYTES = 64 * 1024 * 1024;
/** More entries than this is no office document. */
const MAX_ENTRIES = 20_000;

export type Container = 'zip' | 'encrypted-ooxml' | 'ole' | 'other';

/** Raised for anything wrong with a file's container; the message is for the user. */
export class OfficeFileError extends Error {
  constructor(readonly problem: Localized) {
    super(problem.en);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * What the bytes are. An encrypted Word or Excel file is an OLE compound file holding an
 * `EncryptedPackage` stream (its directory names are UTF-16); any other OLE file is a legacy
 * binary document (.doc, .xls, .wps, .et).
 */
export function containerOf(bytes: Uint8Array): Container {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) {
    const name = Buffer.from('EncryptedPackage', 'utf16le');
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name) ? 'encrypted-ooxml' : 'ole';
  }
  return 'other';
}

/** What a file that is not a zip package looks like, for the message (a renamed picture, a PDF …). */
export function describeBytes(bytes: Uint8Array): Localized | undefined {
  const known: Array<[readonly number[], Localized]> = [
    [[0x89, 0x50, 0x4e, 0x47], { zh: 'PNG 图片', en: 'a PNG image' }],
    [[0xff, 0xd8, 0xff], { zh: 'JPEG 图片', en: 'a JPEG image' }],
    [[0x47, 0x49, 0x46, 0x38], { zh: 'GIF 图片', en: 'a GIF image' }],
    [[0x25, 0x50, 0x44, 0x46], { zh: 'PDF 文件', en: 'a PDF file' }],
    [[0x7b, 0x5c, 0x72, 0x74, 0x66], { zh: 'RTF 文件', en: 'an RTF file' }],
  ];
  for (const [magic, what] of known) if (startsWith(bytes, magic)) return what;
  return undefined;
}

export interface ZipPackage {
  /** Every entry name in the package. */
  readonly names: readonly string[];
  /** Inflated parts that were asked for and exist. */
  readonly parts: ReadonlyMap<string, Buffer>;
}

function tooLarge(name: string, limit: number): OfficeFileError {
  const mb = limit / 1024 / 1024;
  return new OfficeFileError({
    zh: `文件中的“${name}”解压后超过 ${mb} MB 上限（可能是压缩炸弹），已停止读取。`,
    en: `“${name}” inflates to more than the ${mb} MB limit (a zip bomb?); reading stopped.`,
  });
}

function readCapped(stream: Readable, name: string, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        stream.destroy();
        reject(tooLarge(name, limit));
        return;
      }
      chunks.push(c);
    });
    stream.on('error', (e: Error) => reject(new OfficeFileError(/too many bytes/.test(e.message)
      ? {
        zh: `文件中的“${name}”解压后超过它声明的大小（可能是压缩炸弹），已停止读取。`,
        en: `“${name}” inflates to more than its declared size (a zip bomb?); reading stopped.`,
      }
      : { zh: `文件中的“${name}”已损坏，无法解压（${e.message}）。`, en: `“${name}” is damaged and cannot be inflated (${e.message}).` })));
    stream.on('end', () => resolve(Buffer.concat(chunks, size)));
  });
}

const NOT_A_PACKAGE: Localized = { zh: '文件已损坏，或不是 Office 文档（无法作为 zip 包读取）。', en: 'the file is damaged or not an Office document (not a readable zip package).' };

/**
 * Reads the named parts of a zip package (names compared case-insensitively, as Office does).
 * A declared size over the cap stops before inflating; a part whose real size exceeds its
 * declared size is stopped by yauzl as it inflates, so no part ever grows past the caps.
 */
export async function readZipParts(bytes: Buffer, wanted: (name: string) => boolean): Promise<ZipPackage> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new OfficeFileError(NOT_A_PACKAGE);
  }
  if (zip.entryCount > MAX_ENTRIES) throw new OfficeFileError({ zh: `文件包含 ${zip.entryCount} 个部件，不是正常的 Office 文档。`, en: `the file holds ${zip.entryCount} parts; not a normal Office document.` });
  const names: string[] = [];
  const parts = new Map<string, Buffer>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(new OfficeFileError(NOT_A_PACKAGE)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (!wanted(entry.fileName) || entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        if (entry.isEncrypted()) {
          reject(new OfficeFileError({ zh: '文件已加密，请取消密码后另存再检查。', en: 'the file is encrypted; remove the password, save it again and check that.' }));
          return;
        }
        const limit = Math.min(PART_MAX_BYTES, PACKAGE_MAX_BYTES - total);
        if (entry.uncompressedSize > limit) {
          reject(tooLarge(entry.fileName, limit < PART_MAX_BYTES ? PACKAGE_MAX_BYTES : PART_MAX_BYTES));
          return;
        }
        zip.openReadStreamPromise(entry)
          .then((stream) => readCapped(stream, entry.fileName, limit))
          .then((data) => {
            total += data.length;
            parts.set(entry.fileName, data);
            zip.readEntry();
          }, (e: unknown) => reject(e instanceof OfficeFileError ? e : new OfficeFileError(NOT_A_PACKAGE)));
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return { names, parts };
}

/** The part of a package by name, case-insensitively. */
export function partOf(pkg: ZipPackage, name: string): Buffer | undefined {
  const exact = pkg.parts.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [n, data] of pkg.parts) if (n.toLowerCase() === lower) return data;
  return undefined;
}
