import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadOptions } from '../read/inputs.js';
import type { RecogniseOptions } from '../recognise/sheet.js';
import type { FileResult } from './read-file.js';

/** What a worker needs to read a file: plain values only. */
export interface WorkerOptions {
  readonly cwd: string;
  readonly encoding?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly scale: RecogniseOptions['scale'];
  readonly period?: string | undefined;
  readonly maxRows?: number | undefined;
}

export interface Pool {
  /** Read every file on the workers; `onResult` is called in the files' order, whatever order they finish in. */
  run(files: readonly string[], onResult: (result: FileResult, index: number) => void): Promise<void>;
  close(): Promise<void>;
}

type Reply = { i: number; result: FileResult } | { i: number; error: string };

/**
 * Worker threads that read and recognise files while the main thread checks and folds them in order, so a run
 * gives the same output as reading them one by one. Undefined where the compiled worker is not there (tests
 * running from the TypeScript sources), and the caller reads the files itself.
 */
export async function workerPool(options: ReadOptions & RecogniseOptions & { workers?: number | undefined }): Promise<Pool | undefined> {
  const url = new URL('./read-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const size = Math.max(1, options.workers ?? Math.min(availableParallelism(), 4));
  const data: WorkerOptions = { cwd: options.cwd, encoding: options.encoding, delimiter: options.delimiter, scale: options.scale, period: options.period, maxRows: options.maxRows };
  const workers = Array.from({ length: size }, () => new Worker(url, { workerData: data }));
  return {
    run(files, onResult) {
      return new Promise((resolve, reject) => {
        const results = new Map<number, FileResult>();
        let next = 0;
        let emitted = 0;
        let failed = false;
        const give = (w: Worker): void => {
          if (next < files.length) w.postMessage({ i: next, file: files[next++] });
        };
        for (const w of workers) {
          w.on('message', (reply: Reply) => {
            if (failed) return;
            if ('error' in reply) {
              failed = true;
              reject(new Error(reply.error));
              return;
            }
            results.set(reply.i, reply.result);
            try {
              for (let r = results.get(emitted); r; r = results.get(emitted)) {
                results.delete(emitted);
                onResult(r, emitted++);
              }
            } catch (err) {
              failed = true;
              reject(err instanceof Error ? err : new Error(String(err)));
              return;
            }
            if (emitted === files.length) resolve();
            else give(w);
          });
          w.on('error', (err) => {
            if (!failed) {
              failed = true;
              reject(err);
            }
          });
          give(w);
        }
        if (files.length === 0) resolve();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
