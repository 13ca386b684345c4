/**
 * Word's automatic list numbering, rendered as the printed page shows it. A heading numbered by
 * Word's or WPS's list feature carries no `一、` in its text: the label comes from numbering.xml
 * (level text such as `%1、`, `（%2）`, `%3.`, each `%n` the counter of level n in that level's
 * number format) and the paragraph's list and level, given directly or through its style.
 * No library renders these labels, so this file does, for the formats Chinese documents use.
 */
import { NS, walkXml } from './xml';

export interface ListLevel {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  /** `w:isLgl`: every number in the label decimal. */
  readonly legal: boolean;
  /** `w:lvlRestart`: 0 never restarts; n restarts after level n-1 (1-based); absent: after any higher level. */
  readonly restart?: number;
  /** The paragraph style tied to the level (`w:pStyle`). */
  readonly style?: string;
}

interface ListInstance {
  readonly abstractId: string;
  /** Levels the instance overrides, and start overrides by level. */
  readonly levels: Map<number, ListLevel>;
  readonly startOverrides: Map<number, number>;
}

/** numbering.xml: abstract definitions and the list instances that use them. */
export interface Numbering {
  readonly abstracts: Map<string, Map<number, ListLevel>>;
  readonly instances: Map<string, ListInstance>;
}

/** A paragraph style's list membership (styles.xml), after `w:basedOn`. */
export interface StyleNumbering {
  readonly numId?: string;
  readonly ilvl?: number;
}

/** Word 2010's custom formats (`w:numFmt w:val="custom" w:format="一, 二, 三, ..."`) by their sample. */
const CUSTOM_FORMATS: Record<string, string> = {
  '一, 二, 三, ...': 'chineseCounting',
  '1, 2, 3, ...': 'decimal',
  '01, 02, 03, ...': 'decimalZero',
  '001, 002, 003, ...': 'decimalZero3',
  '0001, 0002, 0003, ...': 'decimalZero4',
  '１, ２, ３, ...': 'decimalFullWidth',
  '壹, 贰, 叁, ...': 'chineseLegalSimplified',
  '甲, 乙, 丙, ...': 'ideographTraditional',
};

const FORMATS = new Set([
  'decimal', 'decimalZero', 'decimalZero3', 'decimalZero4', 'decimalFullWidth', 'decimalFullWidth2', 'decimalHalfWidth', 'chineseCounting',
  'chineseCountingThousand', 'chineseLegalSimplified', 'ideographDigital', 'ideographTraditional', 'ideographZodiac', 'japaneseCounting',
  'taiwaneseCounting', 'taiwaneseCountingThousand', 'upperLetter', 'lowerLetter', 'upperRoman', 'lowerRoman', 'decimalEnclosedCircle',
  'decimalEnclosedCircleChinese', 'decimalEnclosedFullstop', 'decimalEnclosedParen', 'ideographEnclosedCircle', 'ideographLegalTraditional',
  'bullet', 'none',
]);

function int(v: string | undefined): number | undefined {
  if (v === undefined || !/^-?\d{1,9}$/.test(v.trim())) return undefined;
  return Number(v);
}

function onOff(v: string | undefined): boolean {
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

/** Reads numbering.xml. */
export function readNumbering(xml: Buffer | undefined): Numbering {
  const abstracts = new Map<string, Map<number, ListLevel>>();
  const instances = new Map<string, ListInstance>();
  if (!xml) return { abstracts, instances };
  let abstract: Map<number, ListLevel> | undefined;
  let instance: { id: string; abstractId: string; levels: Map<number, ListLevel>; startOverrides: Map<number, number> } | undefined;
  let overrideLevel: number | undefined;
  let level: { ilvl: number; start: number; format: string | undefined; text: string; legal: boolean; restart: number | undefined; style: string | undefined } | undefined;
  walkXml(xml, 'word/numbering.xml', {
    open(el) {
      if (!NS.w.includes(el.uri)) return;
      switch (el.local) {
        case 'abstractNum': abstract = new Map(); abstracts.set(el.attr('abstractNumId') ?? '', abstract); break;
        case 'num': instance = { id: el.attr('numId') ?? '', abstractId: '', levels: new Map(), startOverrides: new Map() }; break;
        case 'abstractNumId': if (instance) instance = { ...instance, abstractId: el.attr('val') ?? '' }; break;
        case 'lvlOverride': overrideLevel = int(el.attr('ilvl')); break;
        case 'startOverride': {
          const v = int(el.attr('val'));
          if (instance && overrideLevel !== undefined && v !== undefined) instance.startOverrides.set(overrideLevel, v);
          break;
        }
        case 'lvl': level = { ilvl: int(el.attr('ilvl')) ?? 0, start: 1, format: undefined, text: '', legal: false, restart: undefined, style: undefined }; break;
        case 'start': if (level) level.start = int(el.attr('val')) ?? 1; break;
        case 'numFmt': {
          if (!level) break;
          const v = el.attr('val') ?? 'decimal';
          const format = v === 'custom' ? CUSTOM_FORMATS[el.attr('format') ?? ''] : FORMATS.has(v) ? v : undefined;
          // mc:Choice comes before mc:Fallback: the first format understood wins
          if (format && level.format === undefined) level.format = format;
          break;
        }
        case 'lvlText': if (level) level.text = el.attr('val') ?? ''; break;
        case 'isLgl': if (level) level.legal = onOff(el.attr('val')); break;
        case 'lvlRestart': if (level) level.restart = int(el.attr('val')); break;
        case 'pStyle': if (level) level.style = el.attr('val'); break;
      }
    },
    close(el) {
      if (!NS.w.includes(el.uri)) return;
      if (el.local === 'lvl' && level) {
        const done: ListLevel = {
          start: level.start, format: level.format ?? 'decimal', text: level.text, legal: level.legal,
          ...(level.restart !== undefined ? { restart: level.restart } : {}), ...(level.style ? { style: level.style } : {}),
        };
        if (instance && overrideLevel !== undefined) instance.levels.set(overrideLevel, done);
        else abstract?.set(level.ilvl, done);
        level = undefined;
      } else if (el.local === 'abstractNum') abstract = undefined;
      else if (el.local === 'lvlOverride') overrideLevel = undefined;
      else if (el.local === 'num' && instance) {
        instances.set(instance.id, { abstractId: instance.abstractId, levels: instance.levels, startOverrides: instance.startOverrides });
        instance = undefined;
      }
    },
  });
  return { abstracts, instances };
}

/** Reads the list membership of paragraph styles from styles.xml, following `w:basedOn`. */
export function readStyleNumbering(xml: Buffer | undefined): Map<string, StyleNumbering> {
  const own = new Map<string, { basedOn: string | undefined; numId: string | undefined; ilvl: number | undefined }>();
  if (xml) {
    let style: { id: string; basedOn: string | undefined; numId: string | undefined; ilvl: number | undefined } | undefined;
    let depth = 0;
    let inPPr = false;
    walkXml(xml, 'word/styles.xml', {
      open(el) {
        if (!NS.w.includes(el.uri)) return;
        if (el.local === 'style') {
          style = el.attr('type') === 'paragraph' || el.attr('type') === undefined ? { id: el.attr('styleId') ?? '', basedOn: undefined, numId: undefined, ilvl: undefined } : undefined;
          depth = 0;
          return;
        }
        if (!style) return;
        depth++;
        if (el.local === 'pPr' && depth === 1) inPPr = true;
        else if (el.local === 'basedOn' && depth === 1) style.basedOn = el.attr('val');
        else if (inPPr && el.local === 'numId') style.numId = el.attr('val');
        else if (inPPr && el.local === 'ilvl') style.ilvl = int(el.attr('val'));
      },
      close(el) {
        if (!NS.w.includes(el.uri) || !style) return;
        if (el.local === 'style') {
          own.set(style.id, style);
          style = undefined;
          return;
        }
        if (el.local === 'pPr' && depth === 1) inPPr = false;
        depth--;
      },
    });
  }
  const resolved = new Map<string, StyleNumbering>();
  const resolve = (id: string, seen: Set<string>): StyleNumbering => {
    const done = resolved.get(id);
    if (done) return done;
    const s = own.get(id);
    if (!s || seen.has(id)) return {};
    seen.add(id);
    const base = s.basedOn ? resolve(s.basedOn, seen) : {};
    const numId = s.numId ?? base.numId;
    const ilvl = s.ilvl ?? base.ilvl;
    const r: StyleNumbering = { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}) };
    resolved.set(id, r);
    return r;
  };
  for (const id of own.keys()) resolve(id, new Set());
  return resolved;
}

// ---------------------------------------------------------------- number formats

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Chinese counting below 10 000: 十, 十一, 二十, 一百零一 (`tenAlone`: 10–19 without a leading 一). */
function chineseCounting(n: number, digits: string, units: readonly string[], tenAlone: boolean): string {
  if (n <= 0 || n >= 100_000) return String(n);
  if (n < 10) return digits[n]!;
  const parts = [Math.floor(n / 10000), Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[4 - i]!;
    if (d === 0) {
      if (out !== '') zero = true;
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += tenAlone && out === '' && d === 1 && unit === units[1] ? unit : digits[d]! + unit;
  });
  return out;
}

function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = n;
  for (const [v, s] of table) while (rest >= v) { out += s; rest -= v; }
  return upper ? out.toUpperCase() : out;
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

/** One counter in a number format, as Word and LibreOffice print it. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal': case 'decimalHalfWidth': return String(n);
    case 'decimalZero': return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'decimalZero3': return String(n).padStart(3, '0');
    case 'decimalZero4': return String(n).padStart(4, '0');
    case 'decimalFullWidth': case 'decimalFullWidth2': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting': case 'taiwaneseCountingThousand':
      return chineseCounting(n, '零一二三四五六七八九', ['', '十', '百', '千', '万'], true);
    case 'chineseLegalSimplified': return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟', '万'], false);
    case 'ideographLegalTraditional': return chineseCounting(n, '零壹貳參肆伍陸柒捌玖', ['', '拾', '佰', '仟', '萬'], false);
    case 'ideographDigital': return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]!);
    case 'ideographTraditional': return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case 'ideographZodiac': return n >= 1 && n <= 12 ? BRANCHES[n - 1]! : String(n);
    case 'upperLetter': return letters(n, true);
    case 'lowerLetter': return letters(n, false);
    case 'upperRoman': return roman(n, true);
    case 'lowerRoman': return roman(n, false);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedFullstop': return enclosed(n, 0x2488, 20);
    case 'decimalEnclosedParen': return enclosed(n, 0x2474, 20);
    case 'ideographEnclosedCircle': return enclosed(n, 0x3220, 10);
    case 'none': return '';
    default: return String(n);
  }
}

// ---------------------------------------------------------------- counting

/**
 * Counts list paragraphs in document order and renders their labels. Counters belong to the
 * abstract definition, as in Word: two lists that share one keep counting, unless a list
 * instance overrides a level's start, which restarts it the first time that instance is used.
 */
export class ListCounter {
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly startedInstances = new Set<string>();

  constructor(private readonly numbering: Numbering, private readonly styles: ReadonlyMap<string, StyleNumbering>) {}

  /** The paragraph's list and level: direct `w:numPr` first, then its style's; numId 0 means none. */
  resolve(direct: { readonly numId: string | undefined; readonly ilvl: number | undefined }, style: string | undefined): { numId: string; ilvl: number } | undefined {
    const fromStyle = style !== undefined ? this.styles.get(style) : undefined;
    const numId = direct.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    let ilvl = direct.ilvl ?? fromStyle?.ilvl;
    if (ilvl === undefined && style !== undefined) {
      const levels = this.levelsOf(numId);
      for (const [i, l] of levels ?? []) if (l.style === style) ilvl = i;
    }
    return { numId, ilvl: Math.max(0, Math.min(8, ilvl ?? 0)) };
  }

  private levelsOf(numId: string): Map<number, ListLevel> | undefined {
    const inst = this.numbering.instances.get(numId);
    if (!inst) return undefined;
    const base = this.numbering.abstracts.get(inst.abstractId);
    if (inst.levels.size === 0) return base;
    const merged = new Map(base ?? []);
    for (const [i, l] of inst.levels) merged.set(i, l);
    return merged;
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`, or undefined when the list does not exist. */
  next(numId: string, ilvl: number): { label: string; format: string } | undefined {
    const inst = this.numbering.instances.get(numId);
    const levels = this.levelsOf(numId);
    const level = levels?.get(ilvl);
    if (!inst || !levels || !level) return undefined;
    const startOf = (i: number): number => inst.startOverrides.get(i) ?? levels.get(i)?.start ?? 1;
    const key = inst.abstractId;
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, (counts = []));
    if (!this.startedInstances.has(numId)) {
      this.startedInstances.add(numId);
      if (inst.startOverrides.size > 0) counts.length = 0;
    }
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let i = ilvl + 1; i < 9; i++) {
      const restart = levels.get(i)?.restart;
      // lvlRestart n (1-based): restart only after a level above n; 0: never
      if (restart === 0 || (restart !== undefined && ilvl + 1 > restart)) continue;
      counts[i] = undefined;
    }
    const label = level.format === 'bullet' ? level.text : level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      if (!l) return '';
      const n = counts[i] ?? startOf(i);
      return formatNumber(n, level.legal ? 'decimal' : l.format);
    });
    return { label, format: level.format };
  }
}

