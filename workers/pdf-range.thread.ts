/**
 * Worker-thread entry of a page-parallel helper (workers/page-parallel.ts): opens a job's PDF once and
 * reads the page ranges it is asked for. Errors travel back with their stable code and message.
 * In: {type: 'open', req, doc, bytes, maxPages, password?} | {type: 'read', req, doc, first, last} | {type: 'close', doc}.
 * Out: {req, ok} | {req, pages, tables (detectTables of each page)} | {req, error: {code?, name, message}}.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../core/errors.js';
import { openPdf, preloadPdfJs, type OpenPdf } from '../parsers/pdf-text.js';
import { detectTables } from '../parsers/tables/detect.js';

export type HelperRequest =
  | { type: 'open'; req: number; doc: number; bytes: Uint8Array; maxPages: number; password?: string }
  | { type: 'read'; req: number; doc: number; first: number; last: number }
  | { type: 'close'; doc: number };

const docs = new Map<number, OpenPdf>();

async function handle(m: HelperRequest): Promise<void> {
  if (m.type === 'close') {
    await docs.get(m.doc)?.close();
    docs.delete(m.doc);
    return;
  }
  try {
    if (m.type === 'open') {
      docs.set(m.doc, await openPdf(m.bytes, { maxPages: m.maxPages, password: m.password }));
      parentPort?.postMessage({ req: m.req, ok: true });
    } else {
      const doc = docs.get(m.doc);
      if (!doc) throw new Error(`page-parallel helper: document ${m.doc} is not open`);
      const pages = await doc.readPages(m.first, m.last);
      // Table detection is per page: done here, it runs while the other threads still read.
      parentPort?.postMessage({ req: m.req, pages, tables: pages.map(detectTables) });
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    parentPort?.postMessage({ req: m.req, error: { code: err instanceof AppError ? err.code : undefined, name: e.name, message: e.message } });
  }
}

// Helpers start before they have work (page-parallel.ts prestartHelpers): compile pdf.js meanwhile. The
// first job's open waits for the same import, so nothing runs twice; a failure here shows at that open.
const ready = preloadPdfJs().catch(() => undefined);
parentPort?.on('message', (m: HelperRequest) => void ready.then(() => handle(m)));
