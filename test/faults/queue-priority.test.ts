/**
 * Issue 14 #7 (lanes): one large upload must not hold everyone's small minutes behind it. With one
 * parse slot and a 400-page plan queued before two short minutes, the minutes are read first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitDocument } from '../../queue/submit.js';
import { ensureGroup } from '../../store/groups.js';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers.js';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { waitFor } from '../helpers/processes.js';
import { FIXTURES } from '../helpers/services.js';

let p: Pipeline;
let workers: RunningWorkers | undefined;
beforeAll(async () => {
  p = await startPipeline('postgres', { WORKER_CONCURRENCY: '1' }, false);
}, 60_000);
afterAll(async () => {
  await workers?.close();
  await p?.close();
});

describe('small files before large ones', () => {
  it('two short minutes queued after a 400-page plan are read before it', { timeout: 120_000 }, async () => {
    const group = await ensureGroup(p.rt.db, 'prioritet');
    const files = [
      path.join(FIXTURES, 'edge', 'large-400-pages-plan-repeated.pdf'),
      path.join(FIXTURES, 'text', 'regionstyrelsen-svar-till-falkenbergs-kommun-psykisk-halsa-barn-och-unga.txt'),
      path.join(FIXTURES, 'text', 'forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod.txt'),
    ];
    for (const f of files) {
      await submitDocument(
        { db: p.rt.db, blobs: p.rt.blobs, queues: p.rt.queues, parseLimits: p.config.parse },
        { groupId: group.id, fileName: path.basename(f), bytes: fs.readFileSync(f), uploader: { id: 'u', name: 'U' } },
      );
    }
    workers = runWorkers({ config: p.config, db: p.rt.db, queues: p.rt.queues });
    const rows = await waitFor(
      'every document done',
      async () => {
        const r = await p.rt.db.query<{ file_name: string; status: string }>(
          `SELECT file_name, status FROM documents WHERE group_id = $1 ORDER BY parsed_at NULLS LAST`,
          [group.id],
        );
        return r.rows.every((x) => x.status === 'done') ? r.rows : null;
      },
      100_000,
      200,
    );
    expect(rows.map((r) => r.file_name).at(-1)).toBe('large-400-pages-plan-repeated.pdf');
  });
});
