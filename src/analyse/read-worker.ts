import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerOptions } from './parallel.js';
import { readFileTables } from './read-file.js';

/** A worker thread of the pool in `parallel.ts`: reads and recognises the files it is sent, one at a time. */
const options = workerData as WorkerOptions;
parentPort?.on('message', (job: { i: number; file: string }) => {
  readFileTables(job.file, options).then(
    (result) => parentPort?.postMessage({ i: job.i, result }),
    (err: unknown) => parentPort?.postMessage({ i: job.i, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
