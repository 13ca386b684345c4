/**
 * The worker pool of `proposal-reply check` and `report`: spreads chunks of files over worker
 * threads (worker.ts) and gathers their outcomes in input order. Loaded only when a run uses more
 * than one thread (check.ts decides).
 */
import * as path from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { EffectiveConfig } from '../config/schema';
import type { CheckJob, CheckOptions, FileOutcome } from './check';

/** Messages between the CLI and its workers. */
export interface ChunkRequest {
  readonly chunk: number;
  /** Configurations this worker has not seen yet, by id; jobs refer to them by id. */
  readonly configs: ReadonlyArray<readonly [number, EffectiveConfig]>;
  readonly jobs: ReadonlyArray<Omit<CheckJob, 'config'> & { readonly config: number }>;
}

export interface ChunkReply {
  readonly chunk: number;
  readonly outcomes?: FileOutcome[];
  readonly error?: string;
}

/** The outcome of a file whose worker died while checking it alone (out of memory, a crash). */
function workerDied(error: string): FileOutcome {
  return {
    ok: false,
    logs: [],
    message: {
      zh: `检查此文件时工作线程异常退出（${error}），已跳过；其余文件照常检查。`,
      en: `the worker thread checking this file ended abnormally (${error}); skipped. The other files are checked as usual.`,
    },
  };
}

/**
 * Spreads the chunks over `count` workers. A worker that dies (out of memory on one file) takes no
 * other file's outcome with it: its chunk is split into chunks of one file, which fresh workers
 * check again, and a file that kills a worker on its own gets an outcome saying so. Any other
 * failure of a worker fails the run.
 */
export function checkInWorkers(list: readonly CheckJob[], options: CheckOptions, count: number, size: number, resourceLimits?: ResourceLimits): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(list.length);
  // configurations are shared by many files: each is sent to a worker once, then named by id
  const configIds = new Map<EffectiveConfig, number>();
  const idOf = (c: EffectiveConfig): number => {
    let id = configIds.get(c);
    if (id === undefined) configIds.set(c, (id = configIds.size));
    return id;
  };
  /** Chunks to check, as lists of indices into `list`; a chunk's id is its index here. */
  const chunks: number[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(Array.from({ length: Math.min(size, list.length - i) }, (_, k) => i + k));
  const queue = chunks.map((_, id) => id);
  let left = list.length;
  return new Promise<FileOutcome[]>((resolve, reject) => {
    const pool = new Set<Worker>();
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const record = (chunk: number, results: readonly FileOutcome[]): void => {
      chunks[chunk]!.forEach((index, k) => (outcomes[index] = results[k]!));
      left -= chunks[chunk]!.length;
      if (left === 0) finish();
    };
    const start = (): void => {
      const w = new Worker(path.join(__dirname, 'worker.js'), { workerData: options, ...(resourceLimits ? { resourceLimits } : {}) });
      const known = new Set<number>();
      let current: number | undefined;
      let failure = 'exit';
      pool.add(w);
      const send = (): void => {
        current = queue.shift();
        if (current === undefined) {
          pool.delete(w);
          void w.terminate();
          return;
        }
        const configs: Array<readonly [number, EffectiveConfig]> = [];
        const jobs = chunks[current]!.map((index) => {
          const j = list[index]!;
          const id = idOf(j.config);
          if (!known.has(id)) {
            known.add(id);
            configs.push([id, j.config]);
          }
          return { ...j, config: id };
        });
        const request: ChunkRequest = { chunk: current, configs, jobs };
        w.postMessage(request);
      };
      w.on('message', (reply: ChunkReply) => {
        if (reply.error !== undefined || !reply.outcomes) {
          finish(new Error(`worker failed: ${reply.error ?? 'no outcomes'}`));
          return;
        }
        current = undefined;
        record(reply.chunk, reply.outcomes);
        if (!settled) send();
      });
      w.on('error', (e: NodeJS.ErrnoException) => {
        failure = e.code ?? e.message;
        // only running out of memory is a file's doing; anything else (a worker that cannot load,
        // a bug) would fail the same way for every file, and retrying them one by one never ends
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') finish(new Error(`worker failed: ${e.stack ?? e.message}`));
      });
      w.on('exit', () => {
        pool.delete(w);
        if (settled || current === undefined) return;
        const lost = chunks[current]!;
        if (lost.length === 1) record(current, [workerDied(failure)]);
        else {
          // check the files of the lost chunk one by one, first
          for (const index of lost.reverse()) queue.unshift(chunks.push([index]) - 1);
        }
        if (!settled && queue.length > 0) start();
      });
      send();
    };
    for (let i = 0; i < count; i++) start();
  });
}
