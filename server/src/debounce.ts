/**
 * Per-document scheduling of work that follows typing (push diagnostics): each new call for a key
 * replaces the pending one, so a burst of edits is analysed once, after the burst, and typing never
 * waits on an analysis of a version that is already stale.
 */
export class Debouncer {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  /** Runs `fn` after the delay unless another call for `key` (or `cancel`) comes first. */
  schedule(key: string, fn: () => void): void {
    this.cancel(key);
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      fn();
    }, this.delayMs));
  }

  cancel(key: string): void {
    const t = this.pending.get(key);
    if (t === undefined) return;
    clearTimeout(t);
    this.pending.delete(key);
  }
}
