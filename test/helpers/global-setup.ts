/**
 * Runs once before all test files: builds dist/ when a source changed (tests that spawn the CLI, the
 * workers' sandboxed parse processes and their threads run the compiled JavaScript, as users do),
 * and makes sure the real Redis and Postgres the integration tests use are up (starting them when
 * down, as CI does), unless TEST_*_URL point elsewhere.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export default function setup(): void {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Building dist/ failed; see the messages above.');
  if (process.env['TEST_SKIP_SERVICES'] === '1') return;
  const script = path.resolve(ROOT, 'scripts', 'ensure-services.sh');
  const r = spawnSync('bash', [script], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Redis and PostgreSQL are needed by the tests; see the messages above.');
}
