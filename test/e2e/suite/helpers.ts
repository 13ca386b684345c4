/**
 * Helpers for the end-to-end suite: the workspace's files, the extension's API, and waiting for a
 * condition on events (diagnostics, tree changes) with a timeout instead of sleeping.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProposalReplyApi } from '../../../client/src/extension';
import { formatDate, todayOf } from '../../../server/src/parse/dates';

export const EXTENSION_ID = 'proposal-reply.proposal-reply';
export const LANGUAGE_ID = 'proposal-reply';
/** How long any one condition may take to come true. */
export const WAIT_MS = 20_000;

/** Measurements the tests take, printed after the results in the suite's report (index.ts). */
export const notes: string[] = [];

export function extension(): vscode.Extension<ProposalReplyApi> {
  const ext = vscode.extensions.getExtension<ProposalReplyApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

export function api(): ProposalReplyApi {
  const ext = extension();
  assert.ok(ext.isActive, 'the extension is not active');
  return ext.exports;
}

export function fileUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Opens a workspace file in an editor and returns the editor. */
export async function show(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  /** With no events to listen to, how often to look again. */
  readonly pollMs?: number;
  /** What to show of the state when the wait times out (default: the last value of `check`). */
  readonly state?: () => unknown;
}

/**
 * Resolves with the first truthy value of `check`, evaluated now and after each of `events`; with no
 * events, re-evaluated every `pollMs` (for state with no change event, such as activation).
 * Rejects after `timeoutMs`, saying what was awaited and what was last seen.
 */
export function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, events: readonly vscode.Event<unknown>[] = [], options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? WAIT_MS;
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    let last: unknown;
    let poll: NodeJS.Timeout | undefined;
    const finish = (error: Error | undefined, value?: T): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      for (const s of subscriptions) s.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const evaluate = async (): Promise<void> => {
      if (done) return;
      try {
        const v = await check();
        last = v;
        if (v) finish(undefined, v);
      } catch (e) {
        last = e;
      }
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe(options.state ? options.state() : last)}`)), timeoutMs);
    for (const e of events) subscriptions.push(e(() => void evaluate()));
    if (events.length === 0) poll = setInterval(() => void evaluate(), options.pollMs ?? 50);
    void evaluate();
  });
}

function describe(v: unknown): string {
  if (v instanceof Error) return v.message;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** A diagnostic as the tests compare it: rule id, severity name and 0-based range. */
export interface Seen {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly range: readonly [number, number, number, number];
}

const SEVERITY = ['error', 'warning', 'information', 'hint'] as const;

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** This extension's diagnostics for a file (the server's and the workspace check's), in document order. */
export function diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'proposal-reply')
    .sort((a, b) => a.range.start.compareTo(b.range.start) || codeOf(a).localeCompare(codeOf(b)));
}

export function seen(uri: vscode.Uri): Seen[] {
  return diagnostics(uri).map((d) => ({
    code: codeOf(d),
    severity: SEVERITY[d.severity]!,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  }));
}

/** Waits until the file's diagnostics satisfy `ok`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ok: (codes: string[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} in ${uri.path.split('/').pop()}`, () => {
    const ds = diagnostics(uri);
    return ok(ds.map(codeOf)) && ds;
  }, [vscode.languages.onDidChangeDiagnostics], { state: () => diagnostics(uri).map(codeOf) });
}

/** Today's date as replies write it: 2025年5月8日. */
export function today(): string {
  return formatDate(todayOf(new Date()));
}
