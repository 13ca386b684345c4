/**
 * The shared vocabulary of the product: the severities of findings, text in both languages and the
 * locale that picks one, and a text edit. Everything may import this module; it imports only the
 * span of text.ts.
 */
import type { Span } from './text';

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityOrOff = Severity | 'off';

/** Text the user sees, Chinese first. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

export type Locale = 'zh-cn' | 'en';

export function localize(text: Localized, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** One replacement of `[start, end)` by `newText`. */
export interface TextEdit extends Span {
  readonly newText: string;
}

