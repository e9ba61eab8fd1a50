/**
 * When nothing answers at REDIS_URL and a `redis-server` binary is on PATH, the main job starts a
 * private one (data under the data dir, AOF on) so that `npm start` works on a fresh machine
 * (REDIS_AUTOSTART=false: never). It runs in a process group of its own: Ctrl-C in a terminal
 * signals the whole foreground group, and a Redis killed with it left the closing workers 30-60 s
 * of connection-refused retries. The owner stops it last, after its workers and queues closed.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { logger } from '../core/logger.js';
import { pingRedis, redisUnavailable } from './redis.js';

const log = logger('redis');

export interface RedisHandle {
  url: string;
  /** Set when we started the server; stops it. */
  stop?: () => Promise<void>;
  /** Process id of the server we started. */
  pid?: number;
}

export async function ensureRedis(url: string, dataDir: string, autostart: boolean): Promise<RedisHandle> {
  if (await pingRedis(url)) return { url };
  const local = isLocal(url);
  if (!autostart || !local || !hasRedisServer()) throw redisUnavailable(url);
  const u = new URL(url);
  const port = Number(u.port || 6379);
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 50; i++) {
    if (await pingRedis(url, 500)) {
      log.info({ pid: child.pid, port, dir }, 'started a private redis-server (stopped when this process ends)');
      let stopped: Promise<void> | undefined;
      return {
        url,
        pid: child.pid,
        stop: () =>
          (stopped ??= (async () => {
            if (child.exitCode === null && child.signalCode === null) {
              const exited = new Promise((r) => child.once('exit', r));
              child.kill('SIGTERM');
              await exited;
            }
            log.info({ pid: child.pid }, 'private redis-server stopped');
          })()),
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw redisUnavailable(url);
}

function isLocal(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}
