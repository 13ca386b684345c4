/**
 * Expands a VS Code snippet body the way the editor does, with fixed values for the variables, and
 * records where the placeholders ended up (the text a user must still fill in). Supports tab stops
 * `$1` `${1}`, placeholders `${1:text}` (nested), mirrors, choices `${1|a,b|}` (the first is
 * taken), variables `$NAME` `${NAME}` `${NAME:default}` and transforms `${NAME/regex/format/flags}`.
 */
import type { Span } from '../../server/src/core/text';

export const SNIPPET_VARIABLES: Readonly<Record<string, string>> = {
  CURRENT_YEAR: '2025',
  CURRENT_YEAR_SHORT: '25',
  CURRENT_MONTH: '06',
  CURRENT_MONTH_NAME: 'June',
  CURRENT_MONTH_NAME_SHORT: 'Jun',
  CURRENT_DATE: '08',
  CURRENT_DAY_NAME: 'Sunday',
  CURRENT_DAY_NAME_SHORT: 'Sun',
  CURRENT_HOUR: '09',
  CURRENT_MINUTE: '30',
  CURRENT_SECOND: '00',
  TM_SELECTED_TEXT: '',
  TM_FILENAME: 'draft.reply',
  TM_FILENAME_BASE: 'draft',
};

/** The date the variables above stand for, for checks that compare with "today". */
export const SNIPPET_TODAY = new Date(2025, 5, 8, 12);

export interface Expansion {
  readonly text: string;
  /** Where placeholder texts (and mirrors) were put, in the expanded text. */
  readonly placeholders: Span[];
  /** Variables the body used. */
  readonly variables: Set<string>;
}

export function expandSnippet(body: string, variables: Readonly<Record<string, string>> = SNIPPET_VARIABLES): Expansion {
  let i = 0;
  let out = '';
  const placeholders: Span[] = [];
  const values = new Map<number, string>();
  const used = new Set<string>();
  const fail = (what: string): never => {
    throw new Error(`snippet syntax: ${what} at ${i} in ${JSON.stringify(body)}`);
  };
  const variable = (name: string): string => {
    used.add(name);
    const v = variables[name];
    if (v === undefined) fail(`unknown variable ${name}`);
    return v!;
  };
  const readWhile = (re: RegExp): string => {
    let s = '';
    while (i < body.length && re.test(body[i]!)) s += body[i++];
    return s;
  };
  /** Reads raw text up to an unescaped `stop`, unescaping `\x`. */
  const readRaw = (stop: string): string => {
    let s = '';
    while (i < body.length && body[i] !== stop) {
      if (body[i] === '\\' && i + 1 < body.length) {
        s += body[i + 1];
        i += 2;
      } else s += body[i++];
    }
    if (body[i] !== stop) fail(`missing ${stop}`);
    i++;
    return s;
  };
  const tabstop = (n: number, start: number): void => {
    if (n === 0) return;
    const v = values.get(n) ?? '';
    out += v;
    placeholders.push({ start, end: out.length });
  };
  /** Parses until an unescaped `}` (when nested) or the end. */
  const sequence = (nested: boolean): void => {
    while (i < body.length) {
      const c = body[i]!;
      if (nested && c === '}') return;
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      i++;
      const start = out.length;
      if (/\d/.test(body[i] ?? '')) {
        tabstop(Number(readWhile(/\d/)), start);
        continue;
      }
      if (/[A-Z_]/.test(body[i] ?? '')) {
        out += variable(readWhile(/[A-Z_0-9]/));
        continue;
      }
      if (body[i] !== '{') {
        out += '$';
        continue;
      }
      i++;
      if (/\d/.test(body[i] ?? '')) {
        const n = Number(readWhile(/\d/));
        const next = body[i++];
        if (next === '}') tabstop(n, start);
        else if (next === ':') {
          sequence(true);
          if (body[i++] !== '}') fail('unclosed placeholder');
          if (!values.has(n)) values.set(n, out.slice(start));
          if (n !== 0) placeholders.push({ start, end: out.length });
        } else if (next === '|') {
          const raw = readRaw('|');
          if (body[i++] !== '}') fail('unclosed choice');
          const first = raw.split(',')[0]!;
          if (!values.has(n)) values.set(n, first);
          out += values.get(n);
          placeholders.push({ start, end: out.length });
        } else fail('bad tab stop');
        continue;
      }
      const name = readWhile(/[A-Z_0-9]/);
      if (!name) fail('bad variable');
      const next = body[i++];
      if (next === '}') out += variable(name);
      else if (next === ':') {
        const v = variables[name];
        used.add(name);
        const before = out.length;
        sequence(true);
        if (body[i++] !== '}') fail('unclosed variable default');
        if (v !== undefined && v !== '') out = out.slice(0, before) + v;
      } else if (next === '/') {
        const regex = readRaw('/');
        const format = readRaw('/');
        const flags = readRaw('}');
        out += variable(name).replace(new RegExp(regex, flags), (...m: unknown[]) => format.replace(/\$(\d+)|\$\{(\d+)\}/g, (_s, a?: string, b?: string) => String(m[Number(a ?? b)] ?? '')));
      } else fail('bad variable form');
    }
  };
  sequence(false);
  return { text: out, placeholders, variables: used };
}
