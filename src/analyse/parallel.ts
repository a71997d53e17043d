import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
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
  readonly unit?: string | undefined;
  readonly maxRows?: number | undefined;
}

export interface Pool {
  /** Read every file on the workers; `onResult` is called in the files' order, whatever order they finish in. */
  run(files: readonly string[], onResult: (result: FileResult, index: number) => void): Promise<void>;
  close(): Promise<void>;
}

type Reply = { i: number; result: FileResult } | { i: number; error: string };

/**
 * The workers a run gets when TALLY_WORKERS does not say: none below 4 processors. On 2 processors, 1,000 one-unit
 * workbooks took 1.34× as long on 2 workers as one after the other (23.0 s against 17.1 s, median of 5, on a
 * shared machine) and 96 MB more (236 MB against 140 MB): the main thread's checking and folding, the copy of
 * every result between threads and the workers' own start-up left nothing to gain. From 4 processors, up to 4.
 */
export function defaultWorkers(processors: number = availableParallelism()): number {
  return processors >= 4 ? Math.min(processors, 4) : 0;
}

/**
 * Worker threads that read and recognise files while the main thread checks and folds them in order, so a run
 * gives the same output as reading them one by one. Undefined where the compiled worker is not there (tests
 * running from the TypeScript sources) or there are to be no workers (TALLY_WORKERS=0, or fewer than 4
 * processors and TALLY_WORKERS unset), and the caller reads the files itself.
 */
export async function workerPool(options: ReadOptions & RecogniseOptions & { workers?: number | undefined }): Promise<Pool | undefined> {
  const url = new URL('./read-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const size = options.workers ?? defaultWorkers();
  if (size === 0) return undefined;
  const { Worker } = await import('node:worker_threads');
  const data: WorkerOptions = { cwd: options.cwd, encoding: options.encoding, delimiter: options.delimiter, scale: options.scale, period: options.period, unit: options.unit, maxRows: options.maxRows };
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
