/**
 * Reads the workspace project file (`.proposal-reply.json`). JSON with comments is accepted;
 * syntax errors are reported with their line and column and the readable rest is still used.
 */
import type { ParseError } from 'jsonc-parser';
import type { ConfigIssue, ConfigLayer } from './resolve';

/** How project files are parsed: comments and trailing commas allowed. */
export const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false } as const;

/** Largest project file read; anything bigger is not a configuration. */
export const PROJECT_FILE_MAX_BYTES = 256 * 1024;

export interface ProjectFileResult {
  readonly layer?: ConfigLayer;
  readonly issues: ConfigIssue[];
}

/** Parses the text of a project file; `source` is the path shown in messages. */
export function parseProjectFile(source: string, text: string): ProjectFileResult {
  const issues: ConfigIssue[] = [];
  if (text.length > PROJECT_FILE_MAX_BYTES) return { issues: [projectFileTooLarge(source)] };
  // loaded with the first project file: the parser's module builds its tables when it loads, ~1.5 ms
  // of every CLI start that reads none (issue 20)
  const { parse, printParseErrorCode } = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  const data: unknown = parse(text.slice(bom), errors, PARSE_OPTIONS);
  for (const e of errors.slice(0, 3)) {
    const offset = e.offset + bom;
    const { line, column } = lineColumn(text, offset);
    issues.push({
      source: `${source}:${line}:${column}`, key: '', at: { offset, length: e.length },
      message: {
        zh: `JSON 语法错误（${printParseErrorCode(e.error)}），已尽量读取其余内容。`,
        en: `JSON syntax error (${printParseErrorCode(e.error)}); the readable rest is used.`,
      },
    });
  }
  return { layer: { source, data }, issues };
}

export function projectFileTooLarge(source: string): ConfigIssue {
  return {
    source, key: '',
    message: { zh: `文件超过 ${PROJECT_FILE_MAX_BYTES / 1024} KB，不是有效的配置文件，已忽略。`, en: `the file is larger than ${PROJECT_FILE_MAX_BYTES / 1024} KB and is not a configuration; ignored.` },
  };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
