/**
 * Bytes to text for files read from disk (CLI, workspace checks): UTF-8 with or without BOM,
 * UTF-16 with BOM, and GB18030/GBK as saved by older Chinese Windows tools. Binary data and text in
 * no known encoding are recognised and refused with a reason, never decoded into garbage.
 */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { readonly ok: false; readonly reason: 'binary' | 'encoding' };

/** How many leading bytes are inspected for binary content. */
const SNIFF_BYTES = 8192;

export function decodeReplyBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  try {
    // a UTF-8 BOM is dropped, as editors do, so positions match what the editor shows
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB18030, the superset of GBK, and accept it only if it reads as Chinese text
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    if (hanRatio(text) >= 0.2) return { ok: true, text, encoding: 'gb18030' };
  } catch {
    // neither encoding fits
  }
  return { ok: false, reason: 'encoding' };
}

function looksBinary(bytes: Uint8Array): boolean {
  return controlHeavy(Math.min(bytes.length, SNIFF_BYTES), (i) => bytes[i]!);
}

/** NUL, or more than one in ten of the first units a control character other than tab, line breaks, form feed and escape. */
function controlHeavy(n: number, at: (i: number) => number): boolean {
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = at(i);
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * How text that an editor already decoded looks: `binary` when its start holds NUL or many control
 * characters (a binary file opened anyway), `encoding` when replacement characters (U+FFFD) are more
 * than one in twenty of its start (a GBK file opened as UTF-8), `text` otherwise.
 */
export function sniffText(text: string): 'text' | 'binary' | 'encoding' {
  const n = Math.min(text.length, SNIFF_BYTES);
  if (controlHeavy(n, (i) => text.charCodeAt(i))) return 'binary';
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1 && i < n; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return replaced >= 3 && replaced / n > 0.05 ? 'encoding' : 'text';
}

function hanRatio(text: string): number {
  let han = 0;
  let visible = 0;
  for (const ch of text.slice(0, 4000)) {
    if (/\s/.test(ch)) continue;
    visible++;
    if (/\p{Script=Han}/u.test(ch)) han++;
  }
  return visible === 0 ? 0 : han / visible;
}
