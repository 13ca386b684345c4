/**
 * A small LSP client for the protocol tests and the benchmark: it starts the real server (`node
 * out/server/src/main.js --stdio`, or any other server module), answers the server's requests
 * (configuration, capability registration, refresh), records its notifications, and waits on them
 * with a timeout — never a fixed sleep. It is compiled with the bench project (bench/tsconfig.json),
 * which the test project references, so that both drive the server with the same client.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { type CancellationToken, createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, InitializeResult, PublishDiagnosticsParams, ShowMessageParams, TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The server as built: this file runs from out/test/support. */
export const SERVER_MAIN = path.resolve(__dirname, '..', '..', 'server', 'src', 'main.js');

export interface TestClientOptions {
  /** Advertise pull diagnostics (`textDocument.diagnostic`); push otherwise. */
  readonly pull: boolean;
  readonly snippets?: boolean;
  readonly hierarchicalSymbols?: boolean;
  /** The `initialize` locale, e.g. `zh-cn` or `en`. */
  readonly locale?: string;
  /** The `proposalReply` settings section returned for every `workspace/configuration` item. */
  readonly settings?: Record<string, unknown>;
  readonly rootUri?: string;
  /** Another server module to start (the bundled one). */
  readonly serverModule?: string;
  /** Node options for the server process, e.g. `--expose-gc` with a `--require` of a test probe. */
  readonly execArgv?: readonly string[];
  /** Advertise `codeAction/resolve` of the edit (as VS Code does): actions come without edits until resolved. */
  readonly codeActionResolve?: boolean;
}

interface Waiter<T> {
  readonly test: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly configurationRequests: unknown[] = [];
  refreshRequests = 0;
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly waiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly messageWaiters: Array<Waiter<ShowMessageParams>> = [];
  private readonly refreshWaiters: Array<() => void> = [];
  /** Waiters for notifications the client does not record (waitForNotification), by method. */
  private readonly otherWaiters = new Map<string, Array<Waiter<unknown>>>();
  private stderr = '';

  private constructor(readonly connection: MessageConnection, readonly process: ChildProcess, options: TestClientOptions) {
    this.settings = options.settings ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      settle(this.waiters, p);
    });
    const onMessage = (p: ShowMessageParams): void => {
      this.messages.push(p);
      settle(this.messageWaiters, p);
    };
    connection.onNotification('window/showMessage', onMessage);
    connection.onRequest('window/showMessageRequest', (p: ShowMessageParams) => {
      onMessage(p);
      return null;
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      this.configurationRequests.push(p);
      return p.items.map(() => this.settings);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      for (const r of this.refreshWaiters.splice(0)) r();
      return null;
    });
  }

  static async start(options: TestClientOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), options.serverModule ?? SERVER_MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, options);
    child.stderr!.on('data', (d: Buffer) => void (client.stderr = (client.stderr + d.toString()).slice(-4000)));
    connection.listen();
    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, versionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        completion: { completionItem: { snippetSupport: options.snippets ?? true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: options.hierarchicalSymbols ?? true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
          ...(options.codeActionResolve ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
        },
        foldingRange: {},
      },
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
    };
    const result = await withTimeout(
      connection.sendRequest('initialize', { processId: process.pid, rootUri: options.rootUri ?? null, capabilities, ...(options.locale ? { locale: options.locale } : {}) }) as Promise<InitializeResult>,
      15000,
      () => `initialize timed out; server stderr: ${client.stderr}`,
    );
    client.initializeResult = result;
    await connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'proposal-reply', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends a request; cancelling `token` sends `$/cancelRequest`. */
  request<R>(method: string, params: unknown, timeout = 15000, token?: CancellationToken): Promise<R> {
    const sent = (token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params)) as Promise<R>;
    return withTimeout(sent, timeout, () => `${method} timed out; server stderr: ${this.stderr}`);
  }

  /**
   * The next notification `method` (one the client does not otherwise record, such as the
   * benchmark server's timings) that passes `test`; call it before causing the notification.
   */
  waitForNotification<P>(method: string, test: (p: P) => boolean, timeout = 15000): Promise<P> {
    const waiters = this.waitersFor(method);
    return withTimeout(
      new Promise<P>((resolve) => waiters.push({ test: test as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void })),
      timeout,
      () => `no ${method}; server stderr: ${this.stderr}`,
    );
  }

  /** Waits for a publishDiagnostics for `uri` that passes `test` (already received ones count). */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeout = 15000): Promise<PublishDiagnosticsParams> {
    const have = this.diagnostics.get(uri);
    if (have && test(have)) return Promise.resolve(have);
    return withTimeout(new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve })), timeout, () => `no diagnostics for ${uri}`);
  }

  /** The waiters of a notification the client does not record; its handler is set on first use. */
  private waitersFor(method: string): Array<Waiter<unknown>> {
    let waiters = this.otherWaiters.get(method);
    if (!waiters) {
      const fresh: Array<Waiter<unknown>> = [];
      this.connection.onNotification(method, (p: unknown) => settle(fresh, p));
      this.otherWaiters.set(method, fresh);
      waiters = fresh;
    }
    return waiters;
  }

  waitForMessage(test: (p: ShowMessageParams) => boolean, timeout = 15000): Promise<ShowMessageParams> {
    const have = this.messages.find(test);
    if (have) return Promise.resolve(have);
    return withTimeout(new Promise<ShowMessageParams>((resolve) => this.messageWaiters.push({ test, resolve })), timeout, () => 'no window message');
  }

  waitForRefresh(timeout = 15000): Promise<void> {
    return withTimeout(new Promise<void>((resolve) => this.refreshWaiters.push(resolve)), timeout, () => 'no diagnostic refresh');
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest('shutdown') as Promise<unknown>, 5000, () => 'shutdown timed out');
      await this.connection.sendNotification('exit');
    } catch {
      // the process is killed below anyway
    }
    const exited = this.exited();
    this.connection.dispose();
    if (!this.hasExited) this.process.kill();
    await exited;
  }

  /** Whether the server process has ended (by itself, or killed by a signal). */
  get hasExited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }

  /** Resolves when the server process has ended. */
  exited(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.hasExited) resolve();
      else this.process.once('exit', () => resolve());
    });
  }
}

/** Resolves and removes the waiters that `value` satisfies. */
function settle<T>(waiters: Array<Waiter<T>>, value: T): void {
  for (const w of waiters.filter((x) => x.test(value))) {
    waiters.splice(waiters.indexOf(w), 1);
    w.resolve(value);
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what())), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The text edits a workspace edit makes to one document (`changes` or `documentChanges`). */
export function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  return out;
}

/** Applies LSP edits to a text the way an editor does. */
export function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'proposal-reply', 1, text), [...edits]);
}
