/**
 * The Docker setup stays consistent with the safe defaults: the unauthenticated local mode is never
 * published beyond loopback by default, one image serves both roles, the data volume is writable by
 * the image's user, and the bot has a healthcheck. `docker-compose config -q` validates the file
 * where the tool is installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const compose = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

/** The lines of one top-level service block. */
function service(name: string): string {
  const start = compose.indexOf(`\n  ${name}:\n`);
  expect(start, `service ${name}`).toBeGreaterThan(-1);
  const rest = compose.slice(start + 1);
  const next = rest.slice(1).search(/\n(?: {2}[a-z][\w-]*:\n|[a-z][\w-]*:)/);
  return next === -1 ? rest : rest.slice(0, next + 1);
}

describe('docker-compose and the image', () => {
  it('publishes the bot on loopback unless told otherwise, builds one image for bot and worker, checks the bot health', () => {
    const bot = service('bot');
    const worker = service('worker');
    const ports = [...bot.matchAll(/^\s+- '([^']+)'$/gm)].map((m) => m[1]!).filter((p) => p.endsWith(':3978'));
    expect(ports).toHaveLength(1);
    expect(ports[0]).toMatch(/^\$\{BOT_PUBLISH:-127\.0\.0\.1\}:3978:3978$/);
    expect(compose.match(/^\s+build:/gm)).toHaveLength(1);
    const image = /^\s+image: (\S+)$/m.exec(bot)?.[1];
    expect(image).toBeTruthy();
    expect(worker).toContain(`image: ${image}`);
    expect(worker).not.toMatch(/build:/);
    expect(bot).toMatch(/healthcheck:\n\s+test: .*readyz/);
  });

  it('creates /data owned by node before switching to that user', () => {
    const mk = dockerfile.search(/mkdir -p \/data && chown node:node \/data/);
    expect(mk).toBeGreaterThan(-1);
    expect(mk).toBeLessThan(dockerfile.indexOf('USER node'));
  });

  it('is valid for docker-compose where the tool is installed', () => {
    const r = spawnSync('docker-compose', ['config', '-q'], { cwd: ROOT, encoding: 'utf8' });
    if (r.error) return; // not installed here
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
