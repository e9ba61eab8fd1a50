/** Runs a real runtime + workers against real Redis and Postgres or PGlite, for pipeline tests. */
import type { Config } from '../../core/config.js';
import { waitForJobs, type WaitOutcome } from '../../cli/wait-for-jobs.js';
import { submitFiles, type SubmittedFile } from '../../runtime/operations.js';
import { openRuntime, type Runtime } from '../../runtime/runtime.js';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers.js';
import { createTestDatabase, testConfig } from './services.js';

export interface Pipeline {
  config: Config;
  rt: Runtime;
  workers: RunningWorkers | null;
  ingest(files: string[], group?: string): Promise<{ submitted: SubmittedFile[]; outcomes: WaitOutcome[] }>;
  close(): Promise<void>;
}

export async function startPipeline(kind: 'pglite' | 'postgres', env: Record<string, string> = {}, withWorkers = true): Promise<Pipeline> {
  const database = kind === 'postgres' ? await createTestDatabase() : null;
  const config = testConfig({ DATABASE_URL: database?.url, ...env });
  const rt = await openRuntime(config);
  const workers = withWorkers ? runWorkers({ config, db: rt.db, queues: rt.queues }) : null;
  return {
    config,
    rt,
    workers,
    async ingest(files, group = 'default') {
      const submitted = await submitFiles(rt, { group, files, uploader: { id: 'test-user', name: 'Test User' } });
      const pending = submitted.filter((s) => s.jobId && s.status !== 'duplicate').map((s) => ({ file: s.file, jobId: s.jobId! }));
      const outcomes = await waitForJobs(rt.queues, config.redisUrl, pending, false);
      return { submitted, outcomes };
    },
    async close() {
      await workers?.close();
      await rt.queues.ingest.obliterate({ force: true }).catch(() => undefined);
      await rt.queues.parse.obliterate({ force: true }).catch(() => undefined);
      await rt.queues.notify.obliterate({ force: true }).catch(() => undefined);
      await rt.close();
      await database?.drop();
    },
  };
}
