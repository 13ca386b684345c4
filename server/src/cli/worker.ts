/**
 * A worker thread of `proposal-reply check`: checks the chunks of files it is sent, one at a time,
 * and sends back their outcomes in the order it was given them (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EffectiveConfig } from '../config/schema';
import { type CheckOptions, fileChecker, type FileOutcome } from './check';
import type { ChunkReply, ChunkRequest } from './pool';

const port = parentPort;
if (!port) throw new Error('cli/worker.js runs as a worker thread of the CLI');
const check = fileChecker(workerData as CheckOptions);
const configs = new Map<number, EffectiveConfig>();

port.on('message', (request: ChunkRequest) => {
  void (async (): Promise<ChunkReply> => {
    try {
      for (const [id, config] of request.configs) configs.set(id, config);
      const outcomes: FileOutcome[] = [];
      for (const job of request.jobs) {
        outcomes.push(await check({ ...job, config: configs.get(job.config)! }));
      }
      return { chunk: request.chunk, outcomes };
    } catch (e) {
      return { chunk: request.chunk, error: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
  })().then((reply) => port.postMessage(reply));
});
