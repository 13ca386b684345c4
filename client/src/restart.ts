/**
 * What the client does when the language server dies or its connection errs: restart a crashed
 * server, at most MAX_RESTARTS times within RESTART_WINDOW_MS, then stop and say so. The same
 * bounds as vscode-languageclient's default handler, but the user sees a short notice in their
 * language instead of the default English text (extension.ts renders the decisions). No vscode
 * import, so that unit and protocol tests drive the very policy the extension uses.
 */

/** Restarts allowed within the window; one more crash inside it stops the server for good. */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;
/** Consecutive read/write errors on the connection tolerated before it is shut down. */
export const MAX_CONNECTION_ERRORS = 3;

export type CloseDecision =
  /** Restart; `crash` counts the crashes within the window, this one included. */
  | { readonly restart: true; readonly crash: number }
  /** Give up: `crashes` crashes within `windowMinutes` minutes. */
  | { readonly restart: false; readonly crashes: number; readonly windowMinutes: number };

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The server's connection closed without the client asking. */
  closed(): CloseDecision {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.windowMs);
    this.crashes.push(t);
    if (this.crashes.length <= this.maxRestarts) return { restart: true, crash: this.crashes.length };
    return { restart: false, crashes: this.crashes.length, windowMinutes: Math.round(this.windowMs / 60_000) };
  }

  /** Reading or writing the connection failed for the `count`th time in a row. */
  error(count: number | undefined): 'continue' | 'shutdown' {
    return count !== undefined && count <= MAX_CONNECTION_ERRORS ? 'continue' : 'shutdown';
  }
}
