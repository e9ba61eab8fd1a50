/**
 * BullMQ sandboxed processor for the `parse` queue: runs in a child process, so a hostile file
 * cannot crash or stall the worker that owns the database. Inside it, the parse runs in a worker
 * thread with a heap cap, terminated when it exceeds its time limit (a thread can be stopped even
 * in a tight loop; a blocked process could not answer a cancel message). The thread is kept for
 * the next job unless it had to be stopped. When no job came for `limits.threadIdleMs`, the thread
 * is stopped and this process ends: a stopped thread's memory mostly stays with the allocator
 * (≈ 100 MB of 160), and BullMQ forks a fresh sandbox for the next job (≈ 1 s, outside its time
 * limit). Should a job be handed to this process in the instant it ends, the job fails as a transient
 * error and is retried.
 */
import { Worker } from 'node:worker_threads';
import type { SandboxedJob } from 'bullmq';
import { AppError, encodeError, isPermanent, type ErrorCode } from '../core/errors.js';
import type { ParseJobData, ParseProgress, ParseResult } from '../core/queues.js';
import { builtFileUrl } from './built-path.js';
import { parseCrashed, tooMuchMemory } from './parse-errors.js';

/** The thread runs the compiled JavaScript (pdf.js and our parsers load natively, once per thread). */
const THREAD_ENTRY = builtFileUrl(import.meta.url, './parse-thread.js');

interface ThreadMessage {
  id?: number;
  ready?: boolean;
  progress?: ParseProgress;
  result?: ParseResult;
  error?: { code: ErrorCode; message: string };
}

let thread: { worker: Worker; heapMb: number; ready: Promise<void> } | null = null;
let nextId = 1;
let idleTimer: NodeJS.Timeout | undefined;
const DEFAULT_THREAD_IDLE_MS = 60_000;

/** Loading our code and pdf.js into a fresh thread takes seconds: a file's time limit starts after it. */
const STARTUP_LIMIT_MS = 120_000;
const MEMORY_WATCH_MS = 25;

export default async function parse(job: SandboxedJob<ParseJobData, ParseResult>): Promise<ParseResult> {
  try {
    return await runInThread(job);
  } catch (err) {
    if (err instanceof AppError) {
      // UnrecoverableError: the job fails at once; retrying cannot fix a bad file.
      if (err.permanent) throw unrecoverable(encodeError(err));
      throw new Error(encodeError(err));
    }
    throw err;
  }
}

function getThread(heapMb: number): { worker: Worker; ready: Promise<void> } {
  if (thread && thread.heapMb === heapMb) return thread;
  if (thread) void thread.worker.terminate();
  const worker = new Worker(THREAD_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  worker.unref();
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (msg: ThreadMessage) => {
      if (!msg.ready) return;
      cleanup();
      resolve();
    };
    // A thread that cannot start is no verdict on the file: the job is retried (transient).
    const fail = (why: string) => {
      cleanup();
      dropThread(worker);
      reject(new Error(`The parser could not start (${why}); retrying.`));
    };
    const onError = (err: Error) => fail(err.message);
    const onExit = (exitCode: number) => fail(`exit ${exitCode}`);
    const timer = setTimeout(() => fail(`not ready after ${STARTUP_LIMIT_MS / 1000} s`), STARTUP_LIMIT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  ready.catch(() => undefined);
  const t = { worker, heapMb, ready };
  thread = t;
  worker.once('exit', () => {
    if (thread === t) thread = null;
  });
  return t;
}

/**
 * BullMQ tells an unrecoverable failure by the error's name once it has crossed the process boundary.
 * Importing bullmq's class here would load its whole module graph (ioredis, Lua scripts …) a second
 * time in every sandbox process, beside the copy its child runner already has.
 */
function unrecoverable(message: string): Error {
  return Object.assign(new Error(message), { name: 'UnrecoverableError' });
}

function stopWhenIdle(worker: Worker, ms: number): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    dropThread(worker);
    // Only as BullMQ's child (it has an IPC channel); a process that imported us keeps running.
    if (typeof process.send === 'function') process.exit(0);
  }, ms);
  idleTimer.unref();
}

function dropThread(worker: Worker): void {
  if (thread?.worker === worker) thread = null;
  void worker.terminate();
}

async function runInThread(job: SandboxedJob<ParseJobData, ParseResult>): Promise<ParseResult> {
  const { limits, fileName } = job.data;
  clearTimeout(idleTimer);
  const { worker, ready } = getThread(limits.maxMemoryMb);
  await ready;
  const id = nextId++;
  return new Promise<ParseResult>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void, stop = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(stall);
      clearInterval(memoryWatch);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (stop) dropThread(worker);
      else stopWhenIdle(worker, limits.threadIdleMs ?? DEFAULT_THREAD_IDLE_MS);
      fn();
    };
    // Per page, too: the whole-file limit is sized for 2 000 pages, so one pathological page would
    // otherwise hold this slot for all of it. Reset at every page reported; off once all are read
    // (extracting facts is covered by the whole-file limit).
    let pagesDone = 0;
    let stall: NodeJS.Timeout | undefined;
    const watchPage = () => {
      clearTimeout(stall);
      if (!limits.pageTimeoutMs) return;
      stall = setTimeout(() => {
        finish(
          () =>
            reject(
              new AppError(
                'parse-timeout',
                `Reading page ${pagesDone + 1} of ${fileName} took longer than ${Math.round(limits.pageTimeoutMs! / 1000)} s and was stopped. The file may be damaged; export it again, or upload the Word file.`,
              ),
            ),
          true,
        );
      }, limits.pageTimeoutMs);
    };
    watchPage();
    const timer = setTimeout(() => {
      finish(
        () =>
          reject(
            new AppError(
              'parse-timeout',
              `Reading ${fileName} took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped. The file may be damaged; export it again, or upload the Word file.`,
            ),
          ),
        true,
      );
    }, limits.timeoutMs);
    // The heap cap does not cover ArrayBuffers (inflated streams, page images), which a crafted
    // file can grow without bound: watch what this process really holds, too (the cap applies per
    // thread, and a large PDF may be read by `limits.threads` of them).
    const baseRss = process.memoryUsage.rss();
    const rssBudget = limits.maxMemoryMb * Math.max(1, limits.threads ?? 1) * 1024 * 1024;
    const memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() - baseRss > rssBudget) finish(() => reject(tooMuchMemory(fileName)), true);
    }, MEMORY_WATCH_MS);
    const onMessage = (msg: ThreadMessage) => {
      if (msg.id !== id) return;
      if (msg.progress) {
        void job.updateProgress(msg.progress as unknown as object);
        const { page, pages } = msg.progress as { page?: number; pages?: number };
        if (typeof page === 'number') pagesDone = page;
        if (typeof page === 'number' && page === pages) clearTimeout(stall);
        else watchPage();
      } else if (msg.result) finish(() => resolve(msg.result!));
      else if (msg.error) {
        const e = new AppError(msg.error.code, msg.error.message);
        finish(() => reject(isPermanent(e) ? e : new Error(encodeError(e))));
      }
    };
    const onError = (err: Error & { code?: string }) => {
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() => reject(oom ? tooMuchMemory(fileName) : err), true);
    };
    const onExit = (exitCode: number) => {
      finish(() => reject(parseCrashed(fileName, exitCode)), true);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, job: job.data });
  });
}
