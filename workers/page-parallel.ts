/**
 * Page-parallel PDF reading: a large document's pages are split into chunks that this thread and
 * helper worker threads (workers/pdf-range.thread.ts, each with its own heap cap) read at the same
 * time, each from its own copy of the document; the pages are merged back in page order. Chunks are
 * handed out as threads get free, so a helper that starts late or a slow page range does not hold the
 * others up. Small documents are read on this thread alone: a helper costs a pdf.js load.
 * Errors are those of the one-thread reader (parsers/pdf-text.ts); when several ranges fail, the
 * first failing range's error wins, as if the pages had been read in order.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../core/errors.js';
import type { PageText } from '../core/facts.js';
import type { PdfPageReader } from '../parsers/pdf-text.js';
import { rememberPageTables } from '../parsers/tables/continuation.js';
import { detectTables } from '../parsers/tables/detect.js';
import type { Table } from '../parsers/tables/types.js';
import { builtFileUrl } from './built-path.js';
import { parseCrashed, tooMuchMemory } from './parse-errors.js';
import type { HelperRequest } from './pdf-range.thread.js';

export interface PageParallelOptions {
  /** For error messages. */
  fileName: string;
  /** Threads reading one document, this one included; 1 reads on this thread only. */
  threads: number;
  /** Documents with fewer pages are read on this thread only. */
  minPages: number;
  /** Heap cap of each helper thread (the same cap as the parse thread's). */
  heapMb: number;
}

interface HelperReply {
  req: number;
  ok?: boolean;
  pages?: PageText[];
  /** detectTables of each page, with `pages`. */
  tables?: Table[][];
  error?: { code?: ErrorCode; name: string; message: string };
}

/** Helpers idle this long are stopped, so a long-running process gives their memory back. */
const HELPER_IDLE_MS = 30_000;
/** Fewer pages per chunk would spend more on messages than on reading. */
const MIN_CHUNK_PAGES = 8;
/** Chunks per thread: the threads finish within about one chunk of each other (25 pages of 400 on two threads). */
const CHUNKS_PER_THREAD = 8;

class Helper {
  readonly worker: Worker;
  private pending = new Map<number, { resolve: (r: HelperReply) => void; reject: (e: unknown) => void }>();
  private nextReq = 1;
  private fileName = '';
  private idleTimer: NodeJS.Timeout | undefined;
  dead = false;
  busy = false;

  constructor(readonly heapMb: number) {
    this.worker = new Worker(builtFileUrl(import.meta.url, './pdf-range.thread.js'), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    this.worker.unref();
    this.worker.on('message', (m: HelperReply) => {
      const p = this.pending.get(m.req);
      this.pending.delete(m.req);
      p?.resolve(m);
    });
    const fail = (err: unknown) => {
      this.dead = true;
      helpers.delete(this);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', (err: Error & { code?: string }) =>
      fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory(this.fileName) : parseCrashed(this.fileName, 1)),
    );
    this.worker.on('exit', (code) => fail(parseCrashed(this.fileName, code)));
  }

  acquire(fileName: string): void {
    this.busy = true;
    this.fileName = fileName;
    clearTimeout(this.idleTimer);
    // Referenced while it works: the process must wait for its answers.
    this.worker.ref();
  }

  release(): void {
    this.busy = false;
    this.worker.unref();
    this.idleTimer = setTimeout(() => this.stop(), HELPER_IDLE_MS);
    this.idleTimer.unref();
  }

  stop(): void {
    helpers.delete(this);
    this.dead = true;
    void this.worker.terminate();
  }

  async call(msg: WithoutReq<Extract<HelperRequest, { req: number }>>): Promise<HelperReply> {
    if (this.dead) throw parseCrashed(this.fileName, 1);
    const req = this.nextReq++;
    const reply = await new Promise<HelperReply>((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      this.worker.postMessage({ ...msg, req });
    });
    if (reply.error) {
      const { code, name, message } = reply.error;
      if (code) throw new AppError(code, message);
      throw Object.assign(new Error(message), { name });
    }
    return reply;
  }

  send(msg: HelperRequest): void {
    if (!this.dead) this.worker.postMessage(msg);
  }
}

type WithoutReq<T> = T extends unknown ? Omit<T, 'req'> : never;

const helpers = new Set<Helper>();
let nextDoc = 1;

function takeHelpers(count: number, heapMb: number, fileName: string): Helper[] {
  const out: Helper[] = [];
  for (const h of helpers) if (out.length < count && !h.busy && !h.dead && h.heapMb === heapMb) out.push(h);
  while (out.length < count) {
    const h = new Helper(heapMb);
    helpers.add(h);
    out.push(h);
  }
  for (const h of out) h.acquire(fileName);
  return out;
}

/** Pages a PDF declares as page objects written out in the file (`/Type /Page`); 0 when they sit in compressed object streams. */
function pagesInPlainSight(bytes: Uint8Array): number {
  return (
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  );
}
/** Bytes per page of a text PDF whose page objects are compressed (a guess: fonts weigh more in short files). */
const GUESS_BYTES_PER_PAGE = 16 * 1024;

/**
 * Starts the helper threads a read of `bytes` will probably want, before the caller loads pdf.js
 * itself: a helper's own start (pdf.js loaded and compiled in its thread) then overlaps the caller's
 * instead of following the document's open. A guess from the bytes; a wrong one costs an idle thread,
 * stopped after HELPER_IDLE_MS and never keeping the process alive.
 */
export function prestartHelpers(bytes: Uint8Array, opts: Omit<PageParallelOptions, 'fileName'>): void {
  if (opts.threads < 2) return;
  const pages = pagesInPlainSight(bytes) || Math.floor(bytes.byteLength / GUESS_BYTES_PER_PAGE);
  const wanted = Math.min(opts.threads - 1, Math.floor(pages / MIN_CHUNK_PAGES) - 1);
  if (pages < opts.minPages || wanted < 1) return;
  let idle = 0;
  for (const h of helpers) if (!h.busy && !h.dead && h.heapMb === opts.heapMb) idle++;
  for (; idle < wanted; idle++) {
    const h = new Helper(opts.heapMb);
    helpers.add(h);
    h.release();
  }
}

/** A reader with the contract of `extractPdfText` that spreads large documents over threads. */
export function pageParallelReader(opts: PageParallelOptions): PdfPageReader {
  return async (bytes, options) => {
    // Loaded here, not at the top: `prestartHelpers` runs before this thread loads pdf.js.
    const { openPdf } = await import('../parsers/pdf-text.js');
    const pdf = await openPdf(bytes, options);
    try {
      const total = pdf.numPages;
      let done = 0;
      const progress = (n: number) => {
        done += n;
        options.onPage?.(done, total);
      };
      const helperCount = Math.min(opts.threads - 1, Math.floor(total / MIN_CHUNK_PAGES) - 1);
      if (total < opts.minPages || helperCount < 1) return await pdf.readPages(1, total, () => progress(1));

      const size = Math.max(MIN_CHUNK_PAGES, Math.ceil(total / ((helperCount + 1) * CHUNKS_PER_THREAD)));
      const chunks: Array<[number, number]> = [];
      for (let first = 1; first <= total; first += size) chunks.push([first, Math.min(total, first + size - 1)]);
      const results: PageText[][] = [];
      const errors = new Map<number, unknown>();
      let next = 0;
      const take = () => (errors.size === 0 && next < chunks.length ? next++ : -1);
      const run = async (read: (first: number, last: number) => Promise<PageText[]>) => {
        for (let i = take(); i >= 0; i = take()) {
          const [first, last] = chunks[i]!;
          try {
            results[i] = await read(first, last);
          } catch (err) {
            errors.set(i, err);
          }
        }
      };
      // Each thread also detects the tables of the pages it read (parsers/tables/continuation.ts takes
      // them): per-page work that would otherwise wait, on this thread alone, until every page is read.
      const local = run(async (first, last) => {
        const pages = await pdf.readPages(first, last, () => progress(1));
        for (const p of pages) rememberPageTables(p, detectTables(p));
        return pages;
      });
      const remote = takeHelpers(helperCount, opts.heapMb, opts.fileName).map(async (h) => {
        const doc = nextDoc++;
        try {
          await h.call({ type: 'open', doc, bytes: new Uint8Array(bytes), maxPages: options.maxPages, password: options.password });
          await run(async (first, last) => {
            const reply = await h.call({ type: 'read', doc, first, last });
            const pages = reply.pages!;
            pages.forEach((p, k) => rememberPageTables(p, reply.tables![k]!));
            progress(pages.length);
            return pages;
          });
        } catch (err) {
          // The helper could not open what this thread opened: no page's fault, so any page error wins over it.
          errors.set(Number.MAX_SAFE_INTEGER, err);
        } finally {
          h.send({ type: 'close', doc });
          h.release();
        }
      });
      await Promise.all([local, ...remote]);
      if (errors.size > 0) throw errors.get(Math.min(...errors.keys()));
      return results.flat();
    } finally {
      await pdf.close();
    }
  };
}
