/**
 * PDFs crafted to make the parser run or allocate without bound: the sandbox's time and memory
 * limits stop them, the document ends failed with a clear message, the original is kept and the
 * same worker goes on to parse a good file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentStatus } from '../../runtime/operations.js';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { sampleChildRss } from '../helpers/proc-rss.js';
import { CORPUS_PDFS, tempDir } from '../helpers/services.js';
import { nestedFormsBomb, textOperatorBomb } from './hostile-pdf.js';

const MEMORY_CAP_MB = 256;
const TIME_LIMIT_MS = 10_000;

describe('a parse that would run or allocate without bound', () => {
  let p: Pipeline;
  const dir = tempDir('minutes-bombs-');
  // Unbounded, the text bomb takes ≈ 100 s and 2.2 GB; the forms bomb runs for minutes.
  const textBomb = path.join(dir, 'protokoll-text-bomb.pdf');
  const formsBomb = path.join(dir, 'protokoll-nested-forms.pdf');

  beforeAll(async () => {
    fs.writeFileSync(textBomb, textOperatorBomb(4_000_000));
    fs.writeFileSync(formsBomb, nestedFormsBomb(6, 10));
    p = await startPipeline('postgres', {
      PARSE_TIMEOUT_MS: String(TIME_LIMIT_MS),
      PARSE_MAX_MEMORY_MB: String(MEMORY_CAP_MB),
      WORKER_CONCURRENCY: '1',
    });
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is stopped by the time or memory limit, fails with a clear message, keeps the original, and the worker parses the next file', async () => {
    const rss = sampleChildRss(process.pid);
    const { outcomes } = await p.ingest([textBomb, formsBomb], 'bombs');
    const { peakMb } = rss.stop();

    const byName = Object.fromEntries(outcomes.map((o) => [path.basename(o.file), o]));
    for (const name of [path.basename(textBomb), path.basename(formsBomb)]) {
      expect(byName[name]?.ok, name).toBe(false);
      expect(['parse-timeout', 'parse-crashed'], name).toContain(byName[name]?.errorCode);
      expect(byName[name]?.message, name).toMatch(/stopped/);
    }
    // Each file was parsed once: these failures are permanent, so nothing retried them.
    const attempts = await p.rt.db.query<{ attempts: number }>(`SELECT d.attempts FROM documents d JOIN groups g ON g.id = d.group_id WHERE g.name = 'bombs'`);
    expect(attempts.rows.map((r) => r.attempts)).toEqual([1, 1]);
    // The sandbox child stays near its cap, far below 2.2 GB: its growth cap over the RSS it had when
    // the file started (the child's runtime plus the parse thread with pdf.js loaded, ≈ 300 MB), plus
    // what a bomb allocates between two memory checks (measured 577 MB idle, 612 MB under CI load).
    expect(peakMb).toBeLessThan(MEMORY_CAP_MB + 400);

    const rows = await documentStatus(p.rt, { group: 'bombs' });
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.status).toBe('failed');
      expect(r.error).toMatch(/stopped/);
    }
    const docs = await p.rt.db.query<{ sha256: string; size_bytes: number }>('SELECT sha256, size_bytes FROM documents');
    for (const d of docs.rows) expect(fs.statSync(p.rt.blobs.pathOf(d.sha256)).size).toBe(d.size_bytes);
    // The parse jobs were not retried: a file that blows the limits once will again.
    const failedParses = await p.rt.queues.parse.getFailed();
    for (const j of failedParses) expect(j.attemptsMade).toBe(1);

    // The same worker is alive and parses a good file afterwards.
    const after = await p.ingest([CORPUS_PDFS[4]!], 'bombs');
    expect(after.outcomes[0]).toMatchObject({ ok: true, pages: 2 });
    console.info(`runaway parse: ${outcomes.map((o) => o.errorCode).join(', ')} for both bombs, peak sandbox child RSS ${Math.round(peakMb)} MB`);
  }, 90_000);
});
