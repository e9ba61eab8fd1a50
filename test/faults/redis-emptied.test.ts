/**
 * Issue 14 #5b: Redis comes back empty (restarted without its data, flushed) while documents are
 * queued. The database still says `queued`, no job exists: without a reconciler they wait forever
 * (a re-upload is a duplicate, `retry` saw only failed documents). Now `retry` queues them again,
 * and a main job with workers does so by itself at start-up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitDocument } from '../../queue/submit.js';
import { retryFailed } from '../../runtime/operations.js';
import { startMainJob, type MainJob } from '../../runtime/main-job.js';
import { ensureGroup } from '../../store/groups.js';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers.js';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { waitFor } from '../helpers/processes.js';
import { FIXTURES } from '../helpers/services.js';

let p: Pipeline;
let workers: RunningWorkers | undefined;
let job: MainJob | undefined;
beforeAll(async () => {
  p = await startPipeline('postgres', { RECONCILE_GRACE_MS: '0' }, false);
}, 60_000);
afterAll(async () => {
  await job?.stop();
  await workers?.close();
  await p?.close();
});

/** Submits one file with no workers running, so it stays queued. */
async function queuedDocument(group: string, file: string, salt: string): Promise<string> {
  const g = await ensureGroup(p.rt.db, group);
  const bytes = Buffer.concat([fs.readFileSync(path.join(FIXTURES, 'text', file)), Buffer.from(`\n${salt}\n`)]);
  const r = await submitDocument(
    { db: p.rt.db, blobs: p.rt.blobs, queues: p.rt.queues, parseLimits: p.config.parse },
    { groupId: g.id, fileName: file, bytes, uploader: { id: 'u', name: 'U' } },
  );
  expect(r.status).toBe('queued');
  return r.documentId;
}

/** What an empty Redis looks like to this installation: none of its keys. */
async function emptyRedis(): Promise<void> {
  const conn = p.rt.queues.connection;
  const keys = await conn.keys(`${p.config.queuePrefix}:*`);
  if (keys.length) await conn.del(...keys);
  expect(await p.rt.queues.ingest.getJobCounts()).toMatchObject({ waiting: 0, 'waiting-children': 0 });
}

const statusOf = async (id: string) => (await p.rt.db.query<{ status: string }>('SELECT status FROM documents WHERE id = $1', [id])).rows[0]!.status;

describe('Redis emptied under queued documents', () => {
  it('retry queues them again, and they are read', { timeout: 90_000 }, async () => {
    const id = await queuedDocument('tom-redis', '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.txt', 'retry');
    await emptyRedis();
    const retried = await retryFailed(p.rt, { group: 'tom-redis' });
    expect(retried.map((r) => r.documentId)).toEqual([id]);
    workers = runWorkers({ config: p.config, db: p.rt.db, queues: p.rt.queues });
    await waitFor('the document done', async () => (await statusOf(id)) === 'done', 60_000, 200);
    await workers.close();
    workers = undefined;
  });

  it('a main job with workers queues them again at start-up', { timeout: 90_000 }, async () => {
    const id = await queuedDocument('tom-redis-2', 'forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod.txt', 'startup');
    await emptyRedis();
    expect(await statusOf(id)).toBe('queued');
    job = await startMainJob(p.config, { serve: false, work: true });
    await waitFor('the document done', async () => (await statusOf(id)) === 'done', 60_000, 200);
  });
});
