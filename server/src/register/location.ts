/**
 * Where the register named in a project file may be: inside the project file's folder, never
 * outside it. A workspace may be untrusted, and its project file must not make the checker read
 * (and show parts of) arbitrary files such as ~/.ssh/config. The caller also compares real paths
 * (symbolic links) with `isInside` before reading.
 */
import * as path from 'node:path';
import { type Localized, localize } from '../core/vocabulary';
import type { RegisterFormat, RegisterIssue } from './types';

export type RegisterPathResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: Localized };

/** True when `p` is `dir` itself or below it (both absolute, normalised by `path.resolve`). */
export function isInside(dir: string, p: string, api: typeof path = path): boolean {
  const rel = api.relative(api.resolve(dir), api.resolve(p));
  return rel !== '' && !rel.startsWith(`..${api.sep}`) && rel !== '..' && !api.isAbsolute(rel);
}

/** Resolves the project file's `register` value against its folder, refusing anything outside it. */
export function resolveRegisterPath(projectDir: string, value: string, api: typeof path = path): RegisterPathResult {
  const abs = api.resolve(projectDir, value);
  if (!isInside(projectDir, abs, api)) {
    return {
      ok: false,
      message: {
        zh: `登记表路径“${value}”在项目文件所在文件夹之外，已忽略；出于安全考虑，项目文件只能指定本文件夹内的登记表（命令行可用 --register 指定其他位置）。`,
        en: `the register path “${value}” is outside the project file’s folder and was ignored; for safety a project file may only name a register inside its folder (use --register on the command line for another place).`,
      },
    };
  }
  return { ok: true, path: abs };
}

const SEVERITY_WORD = { error: 'error', warning: 'warning', information: 'info' } as const;

/**
 * `path:line:col: severity register: 第 N 行，“列名”列：message`, the CLI's stderr line for an issue
 * (for a JSON register: 第 N 条，“键”键).
 */
export function formatRegisterIssue(issue: RegisterIssue, shownPath: string, locale: 'zh-cn' | 'en', format: RegisterFormat = 'csv'): string {
  return `${shownPath}:${issue.line}:${issue.column}: ${SEVERITY_WORD[issue.severity]} register: ${registerIssueText(issue, locale, format)}`;
}

/** `第 N 行，“列名”列：message` (for a JSON register: 第 N 条，“键”键), the issue as the user reads it. */
export function registerIssueText(issue: RegisterIssue, locale: 'zh-cn' | 'en', format: RegisterFormat = 'csv'): string {
  const json = format === 'json';
  const where = locale === 'en'
    ? `${issue.row > 0 ? `${json ? 'entry' : 'row'} ${issue.row}` : 'file'}${issue.header ? `, ${json ? 'key' : 'column'} “${issue.header}”` : ''}: `
    : `${issue.row > 0 ? `第 ${issue.row} ${json ? '条' : '行'}` : '文件'}${issue.header ? `，“${issue.header}”${json ? '键' : '列'}` : ''}：`;
  return `${where}${localize(issue.message, locale)}`;
}
