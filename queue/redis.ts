/**
 * Redis connections. Workers block on Redis, so their connections retry for ever
 * (`maxRetriesPerRequest: null`); producers fail fast so an HTTP turn or a CLI call
 * gets a clear error instead of hanging.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { AppError } from '../core/errors.js';

export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

export function producerConnection(url: string): Redis {
  const opts: RedisOptions = {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 3000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  return new Redis(url, opts);
}

/** Resolves when Redis answers PING, or throws a clear error after `timeoutMs`. */
export async function pingRedis(url: string, timeoutMs = 3000): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null, enableOfflineQueue: false });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

export function redisUnavailable(url: string): AppError {
  return new AppError(
    'redis-unavailable',
    `Redis does not answer at ${redactUrl(url)}. Install it (Debian: apt-get install redis-server) or start it with "docker compose up -d redis", then set REDIS_URL.`,
  );
}

/** Drops credentials from a URL before it reaches a message or a log. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
