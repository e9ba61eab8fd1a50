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
import { extractPdfText } from '../parsers/pdf-text.js';
import { pageParallelReader } from './page-parallel.js';

async function run(id: number, data: ParseJobData): Promise<void> {
  const bytes = await fs.readFile(data.blobPath);
  let lastSent = 0;
  const readPdf = pageParallelReader({
    fileName: data.fileName,
    threads: data.limits.threads ?? 1,
    minPages: data.limits.parallelMinPages ?? Infinity,
    heapMb: data.limits.maxMemoryMb,
  });
  const analysis = await analyseDocument(bytes, data.fileName, data.limits, onProgress, readPdf);
  function onProgress(page: number, pages: number): void {
    // Progress per page, throttled so a 400-page file does not flood Redis.
    const now = Date.now();
    if (page === pages || now - lastSent > 200) {
      lastSent = now;
      parentPort?.postMessage({ id, progress: { stage: 'parsing', page, pages } });
    }
  }
  // Positioned lines serve table reconstruction, which is done by now; without them the result that
  // travels through Redis to the ingest worker is ≈ 2.5 × smaller (5.9 → 2.4 MB for 400 pages).
  const pages = analysis.pages.map((p) => ({ ...p, lines: [] }));
  parentPort?.postMessage({ id, result: { ...analysis, pages } });
}

parentPort?.on('message', (msg: { id: number; job: ParseJobData }) => {
  run(msg.id, msg.job).catch((err: unknown) => {
    const code = err instanceof AppError ? err.code : 'internal';
    const message = err instanceof Error ? err.message : String(err);
    parentPort?.postMessage({ id: msg.id, error: { code, message } });
  });
});
// pdf.js loads its own worker code on the first document (≈ 3 s): pay that before saying ready,
// so a file's time limit measures the file.
extractPdfText(tinyPdf(), { maxPages: 1 })
  .catch(() => undefined)
  .finally(() => parentPort?.postMessage({ ready: true }));

function tinyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Length 33 >>\nstream\nBT /F1 12 Tf 20 100 Td (ok) Tj ET\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${out.length}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
