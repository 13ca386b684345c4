/**
 * The language server's node entry point: `node main.js --stdio` (or `--node-ipc`, `--socket=N`,
 * as the client chooses). It creates the connection and starts the server.
 *
 * Over stdio the server reads the stream itself: a stream it can no longer read (stray bytes, a
 * header without a number for Content-Length, a body that is not JSON) would otherwise leave it
 * alive but deaf for good, every later message misread. It exits instead, and the client restarts
 * it. (IPC, which VS Code uses, carries whole messages and cannot fall out of step.)
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--stdio')) {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((e) => {
    process.stderr.write(`proposal-reply: the client's message stream cannot be read any more (${e.message.split('\n')[0]}); exiting so that the client restarts the server.\n`);
    process.exit(1);
  });
  // the client went away without `exit`
  reader.onClose(() => process.exit(1));
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  // stdout is the protocol stream: what would be printed goes to the client's log instead
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  startServer(connection);
} else {
  startServer(createConnection(ProposedFeatures.all));
}
