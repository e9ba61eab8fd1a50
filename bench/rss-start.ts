/**
 * Peak RSS of `minutes start` itself (bot + workers in one process, as `npm start` runs it, on
 * Postgres or the embedded database) while the CLI, in a process of its own, ingests copies of a large file: the figure a
 * secretary's upload puts on the bot process, without the benchmark's own modules in it. On PGlite the
 * embedded database's WASM memory is in that process, too.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { descendants, rssMb } from '../test/helpers/proc-rss.js';
import { createTestDatabase, TEST_REDIS_URL, tempDir, uniqueName } from '../test/helpers/services.js';
import { round, type Row } from './stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
/** As `npm start` and the Docker image run Node (package.json, Dockerfile). */
export const START_NODE_FLAGS = ['--max-old-space-size=1024'];

/**
 * The environment of a benchmarked `minutes start` and the CLI calls beside it: the test Redis, a
 * queue prefix of its own, any free port, and glibc's trim threshold as `npm start` and the image set
 * it (read at process start; see .env.example). An empty `databaseUrl` is the embedded database.
 */
export function startEnv(dataDir: string, databaseUrl: string, queuePrefix = uniqueName('bench')): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MINUTES_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_AUTOSTART: 'false',
    QUEUE_PREFIX: queuePrefix,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? '131072',
  };
}

export async function benchStartRss(
  file: string,
  copies: number,
  concurrency: number,
  backend: 'postgres' | 'pglite' = 'postgres',
  nodeFlags = START_NODE_FLAGS,
): Promise<Row> {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first.');
  const dir = tempDir('minutes-bench-start-rss-');
  const files = Array.from({ length: copies }, (_, i) => {
    // Trailing bytes after %%EOF make each copy a distinct upload without changing its pages.
    const f = path.join(dir, `plan-${i}.pdf`);
    fs.writeFileSync(f, Buffer.concat([fs.readFileSync(file), Buffer.from(`\n% copy ${i}\n`)]));
    return f;
  });
  const db = backend === 'postgres' ? await createTestDatabase() : null;
  const prefix = uniqueName('bench');
  const env = {
    ...startEnv(path.join(dir, 'data'), db?.url ?? '', prefix),
    WORKER_CONCURRENCY: String(concurrency),
    PARSE_TIMEOUT_MS: '600000',
  };
  const child = spawn(process.execPath, [...nodeFlags, CLI, 'start'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += String(d)));
  let timer: NodeJS.Timeout | undefined;
  try {
    const until = Date.now() + 120_000;
    while (!/running on/.test(err)) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`minutes start did not come up: ${err.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const pid = child.pid!;
    const startedMb = rssMb(pid);
    let peakMain = 0;
    let peakChild = 0;
    timer = setInterval(() => {
      peakMain = Math.max(peakMain, rssMb(pid));
      for (const p of descendants(pid)) peakChild = Math.max(peakChild, rssMb(p));
    }, 100);
    const t = performance.now();
    const ingest = spawn(process.execPath, [CLI, 'ingest', '--wait', ...files], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let ingestErr = '';
    ingest.stderr.on('data', (d) => (ingestErr += String(d)));
    const code = await new Promise<number | null>((r) => ingest.once('exit', r));
    if (code !== 0) throw new Error(`ingest failed: ${ingestErr.slice(-500)}`);
    const seconds = (performance.now() - t) / 1000;
    clearInterval(timer);
    return {
      section: 'rss',
      name: `minutes start ${nodeFlags.join(' ')} (${backend}): ${copies} × ${path.basename(file)} ingested by the CLI, concurrency ${concurrency}`,
      seconds: round(seconds, 1),
      startedRssMb: Math.round(startedMb),
      peakStartProcessRssMb: Math.round(peakMain),
      afterRssMb: Math.round(rssMb(pid)),
      peakSandboxChildRssMb: Math.round(peakChild),
    };
  } finally {
    clearInterval(timer);
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await dropKeys(prefix);
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The run's queues (their kept jobs hold parse results): not left behind in the shared Redis. */
async function dropKeys(prefix: string): Promise<void> {
  const r = new Redis(TEST_REDIS_URL);
  try {
    for (let cursor = '0'; ;) {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await r.del(...keys);
      if ((cursor = next) === '0') break;
    }
  } finally {
    r.disconnect();
  }
}
