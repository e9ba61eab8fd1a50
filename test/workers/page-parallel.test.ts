import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { parseDocument } from '../../parsers/parse-document.js';
import { extractPdfText } from '../../parsers/pdf-text.js';
import { documentTables } from '../../parsers/tables/continuation.js';
import { pageParallelReader, prestartHelpers } from '../../workers/page-parallel.js';
import { CORPUS_PDFS, EDGE_EXPECTATIONS, FIXTURES } from '../helpers/services.js';

const limits = { maxBytes: 50 * 1024 * 1024, maxPages: 2000 };
const PLAN = CORPUS_PDFS.find((f) => f.includes('handlingsplan'))!;

async function failureOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('parsed, but it should have failed');
}

describe('page-parallel PDF reading (helper threads run dist/workers/pdf-range.thread.js)', () => {
  it('reads the 56-page plan on three threads exactly as one thread does, pages in order, progress to the last page', async () => {
    const bytes = fs.readFileSync(PLAN);
    const one = await extractPdfText(bytes, { maxPages: 2000 });
    const seen: number[] = [];
    const read = pageParallelReader({ fileName: 'plan.pdf', threads: 3, minPages: 10, heapMb: 512 });
    const three = await read(bytes, { maxPages: 2000, onPage: (done, total) => seen.push(done, total) });
    expect(three).toEqual(one);
    expect(three.map((p) => p.pageNo)).toEqual(one.map((_, i) => i + 1));
    expect(seen.slice(-2)).toEqual([56, 56]);
    // The reading threads detected each page's tables ahead: the document's tables are the same.
    expect(documentTables(three)).toEqual(documentTables(one));
  });

  it('helpers started before the read (prestartHelpers, as `minutes extract` does) read the same pages', async () => {
    const bytes = fs.readFileSync(PLAN);
    const opts = { fileName: 'plan.pdf', threads: 2, minPages: 10, heapMb: 384 };
    prestartHelpers(bytes, opts);
    expect(await pageParallelReader(opts)(bytes, { maxPages: 2000 })).toEqual(await extractPdfText(bytes, { maxPages: 2000 }));
  });

  it('keeps the error codes and messages of the one-thread reader on hostile files', async () => {
    const read = pageParallelReader({ fileName: 'x.pdf', threads: 2, minPages: 1, heapMb: 512 });
    for (const [name, code] of Object.entries(EDGE_EXPECTATIONS)) {
      const bytes = fs.readFileSync(path.join(FIXTURES, 'edge', name));
      const one = await failureOf(parseDocument(bytes, name, limits));
      const two = await failureOf(parseDocument(bytes, name, limits, undefined, read));
      expect(two.code).toBe(code);
      expect(two.message).toBe(one.message);
    }
    const tooMany = await failureOf(read(fs.readFileSync(PLAN), { maxPages: 20 }));
    expect(tooMany.code).toBe('too-many-pages');
  });

  it('a helper thread is held to the heap cap: one that runs out of memory ends the read as parse-crashed, with the memory message', async () => {
    const read = pageParallelReader({ fileName: 'plan.pdf', threads: 2, minPages: 10, heapMb: 4 });
    const err = await failureOf(read(fs.readFileSync(PLAN), { maxPages: 2000 }));
    expect(err.code).toBe('parse-crashed');
    expect(err.message).toMatch(/needed more memory than allowed/);
  });
});
