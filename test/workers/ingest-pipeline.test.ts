import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentStatus, retryFailed } from '../../runtime/operations.js';
import { waitForJobs } from '../../cli/wait-for-jobs.js';
import { PARSE_EVENTS_MAX_LEN } from '../../queue/queues.js';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { waitFor } from '../helpers/processes.js';
import { CORPUS_PAGES, CORPUS_PDFS, EDGE_EXPECTATIONS, FIXTURES } from '../helpers/services.js';

describe.each(['postgres', 'pglite'] as const)('queue → sandboxed parse → rows (%s)', (kind) => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await startPipeline(kind);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
  });

  it('ingests the five corpus PDFs with the right page counts', async () => {
    const { submitted, outcomes } = await p.ingest(CORPUS_PDFS);
    expect(submitted.map((s) => s.status)).toEqual(CORPUS_PDFS.map(() => 'queued'));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const rows = await documentStatus(p.rt, {});
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r.status).toBe('done');
      expect(r.pages).toBe(CORPUS_PAGES[r.fileName]);
    }
    const pages = await p.rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages');
    expect(pages.rows[0]!.n).toBe(Object.values(CORPUS_PAGES).reduce((a, b) => a + b, 0));
    const chunks = await p.rt.db.query<{ n: number }>('SELECT count(DISTINCT document_id)::int AS n FROM chunks');
    expect(chunks.rows[0]!.n).toBe(5);
    // The minutes' people reach the fact tables.
    const people = await p.rt.db.query<{ name: string; present: boolean }>(
      `SELECT a.name, a.present FROM attendees a JOIN documents d ON d.id = a.document_id WHERE d.file_name LIKE '%motesanteckning%'`,
    );
    expect(people.rows.filter((r) => !r.present).map((r) => r.name)).toContain('Else Thordstein');
  }, 120_000);

  it('keeps the original before parsing and does not parse the same file twice', async () => {
    const before = await p.rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages');
    const { submitted, outcomes } = await p.ingest(CORPUS_PDFS);
    expect(submitted.map((s) => s.status)).toEqual(CORPUS_PDFS.map(() => 'duplicate'));
    expect(submitted[0]!.uploadedBy).toBe('Test User');
    expect(outcomes).toEqual([]);
    const after = await p.rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const docs = await p.rt.db.query<{ sha256: string }>('SELECT sha256 FROM documents');
    for (const d of docs.rows) expect(fs.existsSync(p.rt.blobs.pathOf(d.sha256))).toBe(true);
  });

  it('keeps no parse result in Redis once it is stored (the completed ingest jobs stay, for deduplication)', async () => {
    const jobs = await p.rt.queues.ingest.getCompleted();
    expect(jobs.length).toBe(CORPUS_PDFS.length);
    const redis = p.rt.queues.connection;
    const keys = jobs.map((j) => p.rt.queues.ingest.toKey(`${j.id}:processed`));
    // Dropped when the worker sees the job completed, which may be just after the waiter heard of it.
    await waitFor('the parse results to leave Redis', async () => (await redis.exists(...keys)) === 0, 5000);
    expect(await redis.hget(p.rt.queues.parse.toKey('meta'), 'opts.maxLenEvents')).toBe(String(PARSE_EVENTS_MAX_LEN));
  });

  it('the same file in another group is that group’s own document', async () => {
    const { submitted, outcomes } = await p.ingest([CORPUS_PDFS[4]!], 'other-group');
    expect(submitted[0]!.status).toBe('queued');
    expect(outcomes[0]!.ok).toBe(true);
    expect(await documentStatus(p.rt, { group: 'other-group' })).toHaveLength(1);
  });

  it('ends each hostile file in a failed state with its message, keeps it, and the worker lives on', async () => {
    const files = Object.keys(EDGE_EXPECTATIONS).map((f) => path.join(FIXTURES, 'edge', f));
    const { outcomes } = await p.ingest(files, 'hostile');
    const byFile = Object.fromEntries(outcomes.map((o) => [path.basename(o.file), o]));
    for (const [name, code] of Object.entries(EDGE_EXPECTATIONS)) {
      expect(byFile[name]?.ok, name).toBe(false);
      expect(byFile[name]?.errorCode, name).toBe(code);
    }
    const rows = await documentStatus(p.rt, { group: 'hostile' });
    for (const r of rows) {
      expect(r.status, r.fileName).toBe('failed');
      expect(r.errorCode).toBe(EDGE_EXPECTATIONS[r.fileName]);
      expect(r.error!.length).toBeGreaterThan(20);
    }
    const shas = await p.rt.db.query<{ sha256: string; size_bytes: number }>(
      `SELECT sha256, size_bytes FROM documents d JOIN groups g ON g.id = d.group_id WHERE g.name = 'hostile' AND size_bytes > 0`,
    );
    for (const s of shas.rows) expect(fs.statSync(p.rt.blobs.pathOf(s.sha256)).size).toBe(s.size_bytes);
    // Failed jobs stay visible and retryable.
    expect(await p.rt.queues.ingest.getFailedCount()).toBe(Object.keys(EDGE_EXPECTATIONS).length);
    // The worker is alive: a good file after the bad ones is parsed.
    const after = await p.ingest([path.join(FIXTURES, 'edge', 'encrypted-owner-password-only.pdf')], 'hostile');
    expect(after.outcomes[0]).toMatchObject({ ok: true, pages: 6 });
  }, 120_000);

  it('a failed document uploaded again is parsed again', async () => {
    const file = path.join(FIXTURES, 'edge', 'truncated-first-half-of-motesanteckning.pdf');
    const { submitted, outcomes } = await p.ingest([file], 'hostile');
    expect(submitted[0]!.status).toBe('requeued');
    expect(outcomes[0]).toMatchObject({ ok: false, errorCode: 'corrupt-pdf' });
  });

  it('retry queues every failed document again from its kept original', async () => {
    const retried = await retryFailed(p.rt, { group: 'hostile' });
    expect(retried.map((r) => r.file).sort()).toEqual(Object.keys(EDGE_EXPECTATIONS).sort());
    const outcomes = await waitForJobs(p.rt.queues, p.config.redisUrl, retried, false);
    expect(outcomes.map((o) => o.errorCode).sort()).toEqual(Object.values(EDGE_EXPECTATIONS).sort());
  }, 120_000);
});
