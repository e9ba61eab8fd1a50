/**
 * Worker-thread entry that runs the pure parse pipeline on stored files. It runs in a thread so
 * that the sandbox process around it can stop it (time limit) and V8 can cap its heap. The thread
 * lives on between jobs, so pdf.js is loaded once, not per file.
 * In: { id, job: ParseJobData }. Out: { id, progress } …, then { id, result } or { id, error }.
 */
import fs from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../core/errors.js';
import type { ParseJobData } from '../core/queues.js';
import { analyseDocument } from '../parsers/analyse.js';

async function run(id: number, data: ParseJobData): Promise<void> {
  const bytes = await fs.readFile(data.blobPath);
  let lastSent = 0;
  const analysis = await analyseDocument(bytes, data.fileName, data.limits, (page, pages) => {
    // Progress per page, throttled so a 400-page file does not flood Redis.
    const now = Date.now();
    if (page === pages || now - lastSent > 200) {
      lastSent = now;
      parentPort?.postMessage({ id, progress: { stage: 'parsing', page, pages } });
    }
  });
  parentPort?.postMessage({ id, result: analysis });
}

parentPort?.on('message', (msg: { id: number; job: ParseJobData }) => {
  run(msg.id, msg.job).catch((err: unknown) => {
    const code = err instanceof AppError ? err.code : 'internal';
    const message = err instanceof Error ? err.message : String(err);
    parentPort?.postMessage({ id: msg.id, error: { code, message } });
  });
});
parentPort?.postMessage({ ready: true });
