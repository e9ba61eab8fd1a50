/**
 * Worker-thread entry that runs the pure parse pipeline on one stored file. It runs in a thread
 * so that the sandbox process around it can stop it (time limit) and V8 can cap its heap.
 * Messages to the parent: { progress }, then { result } or { error }.
 */
import fs from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../core/errors.js';
import type { ParseJobData } from '../core/queues.js';
import { analyseDocument } from '../parsers/analyse.js';

const data = workerData as ParseJobData;

async function run(): Promise<void> {
  const bytes = await fs.readFile(data.blobPath);
  let lastSent = 0;
  const analysis = await analyseDocument(bytes, data.fileName, data.limits, (page, pages) => {
    // Progress per page, throttled so a 400-page file does not flood Redis.
    const now = Date.now();
    if (page === pages || now - lastSent > 200) {
      lastSent = now;
      parentPort?.postMessage({ progress: { stage: 'parsing', page, pages } });
    }
  });
  parentPort?.postMessage({ result: analysis });
}

run().catch((err: unknown) => {
  const code = err instanceof AppError ? err.code : 'internal';
  const message = err instanceof Error ? err.message : String(err);
  parentPort?.postMessage({ error: { code, message } });
});
