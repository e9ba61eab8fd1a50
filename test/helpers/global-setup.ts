/**
 * Runs once before all test files: makes sure the real Redis and Postgres the integration tests
 * use are up (starting them when down, as CI does), unless TEST_*_URL point elsewhere.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  if (process.env['TEST_SKIP_SERVICES'] === '1') return;
  const script = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'ensure-services.sh');
  const r = spawnSync('bash', [script], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Redis and PostgreSQL are needed by the tests; see the messages above.');
}
