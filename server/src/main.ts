/**
 * The language server's node entry point: `node main.js --stdio` (or `--node-ipc`, `--socket=N`,
 * as the client chooses). It creates the connection and starts the server.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
