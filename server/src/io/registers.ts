/**
 * File-system side of the register for the CLI: where the register is (the `--register` option,
 * or the project file's `register` key, which must stay inside the project folder, real paths
 * included), reading and decoding it (a CSV or JSON text, or an .xlsx workbook), each register once.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { EffectiveConfig } from '../config/schema';
import { decodeRegisterBytes, isInside, parseRegister, REGISTER_MAX_BYTES, resolveRegisterPath } from '../register';
import type { Register } from '../register/types';
import type { Localized } from '../core/vocabulary';
import { readFileBounded } from './files';

export interface LoadedRegister {
  readonly abs: string;
  /** The path as shown to the user. */
  readonly shown: string;
  readonly register?: Register;
  /** The register's text as parsed (the editor maps its issues to positions in it). */
  readonly text?: string;
  /** Why the register could not be used. */
  readonly problem?: Localized;
}

export type RegisterLocation = { readonly abs: string } | { readonly problem: Localized; readonly source: string };

/** Where the register named by a project file is, after the folder and symbolic-link checks. */
export async function locateFromProjectFile(projectFile: string, value: string): Promise<RegisterLocation> {
  const dir = path.dirname(projectFile);
  const r = resolveRegisterPath(dir, value);
  if (!r.ok) return { problem: r.message, source: projectFile };
  try {
    const [realDir, realFile] = await Promise.all([fs.realpath(dir), fs.realpath(r.path)]);
    if (!isInside(realDir, realFile)) {
      return {
        source: projectFile,
        problem: {
          zh: `登记表“${value}”经符号链接指向项目文件夹之外，已忽略。`,
          en: `the register “${value}” is a symbolic link to a place outside the project folder; ignored.`,
        },
      };
    }
  } catch {
    // a missing file is reported when it is read
  }
  return { abs: r.path };
}

/** Reads and parses registers, each (path, columns, categories) once. */
export class Registers {
  private readonly cache = new Map<string, Promise<LoadedRegister>>();

  load(abs: string, shown: string, config: EffectiveConfig): Promise<LoadedRegister> {
    const categories = config.categories.map((c) => c.value);
    const key = JSON.stringify([abs, config.registerColumns ?? null, categories, config.registerSheet ?? null]);
    let p = this.cache.get(key);
    if (!p) {
      p = (async (): Promise<LoadedRegister> => {
        // a reply is never a register: read as one, it would fail and drop out of the check unseen
        if (/\.reply$/i.test(abs)) {
          return { abs, shown, problem: { zh: '登记表不能是答复文件（.reply），已忽略；请指定 CSV 或 JSON 格式的登记表。', en: 'a reply (.reply) cannot be the register; ignored. Name a CSV or JSON register.' } };
        }
        const read = await readFileBounded(abs, REGISTER_MAX_BYTES);
        if (!read.ok) {
          return read.tooLarge !== undefined
            ? { abs, shown, problem: { zh: `登记表过大（上限 ${REGISTER_MAX_BYTES / 1024 / 1024} MB），已忽略。`, en: `the register is too large (limit ${REGISTER_MAX_BYTES / 1024 / 1024} MB); ignored.` } }
            : { abs, shown, problem: read.problem.message };
        }
        const bytes = read.bytes;
        if (/\.(xlsx|xlsm|xls|et)$/i.test(abs)) {
          // a workbook: office/xlsxRegister.ts, loaded only when a register is one
          const { readWorkbookRegister } = require('../office/xlsxRegister') as typeof import('../office/xlsxRegister');
          const wb = await readWorkbookRegister(bytes, path.basename(abs), {
            ...(config.registerColumns ? { columns: config.registerColumns } : {}),
            categories,
            ...(config.registerSheet ? { sheet: config.registerSheet } : {}),
          });
          return wb.ok ? { abs, shown, register: wb.register } : { abs, shown, problem: wb.problem };
        }
        const decoded = decodeRegisterBytes(bytes);
        if (!decoded.ok) return { abs, shown, problem: decoded.message };
        const format = /\.json$/i.test(abs) ? 'json' : /\.(csv|tsv|txt)$/i.test(abs) ? 'csv' : undefined;
        const register = parseRegister(decoded.text, {
          ...(format ? { format } : {}),
          ...(config.registerColumns ? { columns: config.registerColumns } : {}),
          categories,
          ...(decoded.invalidBytes ? { invalidBytes: decoded.invalidBytes } : {}),
        });
        return { abs, shown, register, text: decoded.text };
      })();
      this.cache.set(key, p);
    }
    return p;
  }
}
