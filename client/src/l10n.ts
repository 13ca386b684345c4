/**
 * The client's texts in one resolved language per window: the `proposalReply.locale` setting when
 * it is set, otherwise VS Code's display language (the server resolves its messages the same way,
 * `messageLocale`). VS Code's own `vscode.l10n.t` follows only the display language, so a window in
 * English with the setting at zh-cn showed “主送 present”; here every view, notification, quick pick
 * and the status bar speak the language the diagnostics speak. The Chinese texts are the l10n
 * bundle (`l10n/bundle.l10n.zh-cn.json`), keyed by the English text. No vscode import, so unit
 * tests run it.
 */
import * as fs from 'node:fs';
import { messageLocale } from '../../server/src/config/settings';
import type { Locale } from '../../server/src/core/vocabulary';

export class Texts {
  private bundle: Readonly<Record<string, string>> = {};
  private current: Locale = 'en';

  /** The language the texts are in now. */
  get locale(): Locale {
    return this.current;
  }

  /** Reads the Chinese bundle (a missing or broken file leaves the English texts). */
  load(bundleFile: string): void {
    try {
      this.bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as Record<string, string>;
    } catch {
      this.bundle = {};
    }
  }

  /** Resolves the language from the `proposalReply` settings and VS Code's display language; whether it changed. */
  resolve(settings: unknown, displayLanguage: string): boolean {
    const next = messageLocale(settings, displayLanguage);
    const changed = next !== this.current;
    this.current = next;
    return changed;
  }

  /** `message` (English, with `{0}` … placeholders) in the resolved language. */
  t(message: string, ...args: Array<string | number | boolean>): string {
    const text = this.current === 'zh-cn' ? this.bundle[message] ?? message : message;
    return text.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
  }
}

/** The client's texts (one extension, one window, one language). */
export const l10n = new Texts();
