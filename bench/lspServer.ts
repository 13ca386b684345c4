/**
 * The language server as the benchmark starts it: the real `startServer` over stdio, with its
 * connection wrapped so that the server measures itself and reports through custom notifications.
 * Nothing in the server changes; the wrapper only sees what the connection sees.
 *
 * - `bench/diagnosticsTiming` {uri, version, busyMs, wallMs}: from the moment a didChange reaches
 *   the server's handler to the moment the publishDiagnostics for that version is written. `busyMs`
 *   is the time the server's event loop was busy in that interval (performance.eventLoopUtilization):
 *   applying the change, analysing, converting, serialising, but not the idle wait of the push
 *   debounce. `wallMs` includes that wait.
 * - `bench/requestTiming` {method, ms}: a request handler's time, from its call to its answer.
 * - request `bench/memory`: process.memoryUsage() after a full garbage collection (with --expose-gc).
 */
import { performance } from 'node:perf_hooks';
import { type Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server/src/server';

type Handler = (...args: never[]) => unknown;

const connection = createConnection(ProposedFeatures.all);
/** Per document: the last version that arrived, when, and the event loop's counters then. */
const changes = new Map<string, { version: number; at: number; elu: ReturnType<typeof performance.eventLoopUtilization> }>();

const timedRequest = (method: string, register: (h: Handler) => unknown) => (handler: Handler) =>
  register(async (...args: never[]) => {
    const t0 = performance.now();
    const r = await handler(...args);
    void connection.sendNotification('bench/requestTiming', { method, ms: performance.now() - t0 });
    return r;
  });

const wrapped = new Proxy(connection, {
  get(target, prop, receiver) {
    const value: unknown = Reflect.get(target, prop, receiver);
    switch (prop) {
      case 'onDidChangeTextDocument':
        return (handler: (p: { textDocument: { uri: string; version: number } }) => void) => target.onDidChangeTextDocument((p) => {
          changes.set(p.textDocument.uri, { version: p.textDocument.version, at: performance.now(), elu: performance.eventLoopUtilization() });
          handler(p);
        });
      case 'sendDiagnostics':
        return async (p: { uri: string; version?: number }) => {
          await target.sendDiagnostics(p as never);
          const start = changes.get(p.uri);
          if (!start || start.version !== p.version) return;
          changes.delete(p.uri);
          const elu = performance.eventLoopUtilization(start.elu);
          void target.sendNotification('bench/diagnosticsTiming', { uri: p.uri, version: p.version, busyMs: elu.active, wallMs: performance.now() - start.at });
        };
      case 'onCompletion':
        return timedRequest('textDocument/completion', (h) => target.onCompletion(h as never));
      case 'onDocumentSymbol':
        return timedRequest('textDocument/documentSymbol', (h) => target.onDocumentSymbol(h as never));
      default:
        return value;
    }
  },
}) as Connection;

connection.onRequest('bench/memory', () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
});

startServer(wrapped);
