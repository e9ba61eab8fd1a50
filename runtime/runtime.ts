/**
 * The composition of a running process: config, database, blob store, Redis and queues.
 * `start`, `serve`, `worker` and the CLI commands all build one, so they wire things alike.
 */
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Config } from '../core/config.js';
import { logger } from '../core/logger.js';
import { openQueues, type QueueHandles } from '../queue/queues.js';
import { ensureRedis, type RedisHandle } from '../queue/redis-autostart.js';
import { producerConnection } from '../queue/redis.js';
import { BlobStore } from '../store/blobs.js';
import { dbOptions, openDb, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { secureDataDir } from './data-dir.js';

export interface Runtime {
  config: Config;
  db: Db;
  blobs: BlobStore;
  queues: QueueHandles;
  redis: RedisHandle;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Start a private redis-server when none answers (the main job does; one-shot commands do too). */
  autostartRedis?: boolean;
  /** Postgres schema (tests). */
  schema?: string;
}

const log = logger('runtime');

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  secureDataDir(config.dataDir);
  // Redis first: opening the embedded database can hold the event loop for a second or more
  // (PGlite's WASM), long enough for a ping to time out on a loaded machine.
  const redis: RedisHandle = await ensureRedis(config.redisUrl, config.dataDir, options.autostartRedis ?? config.redisAutostart);
  let db: Db;
  try {
    db = await openDb(dbOptions(config, options.schema));
  } catch (err) {
    await redis.stop?.();
    throw err;
  }
  // PGlite writes its files with modes of its own (0666 when it creates the database, 0644 for a
  // few at every open), whatever the umask: fix them once it is open.
  if (db.kind === 'pglite') secureDataDir(config.dataDir);
  let connection: Redis;
  try {
    const applied = await migrate(db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    connection = producerConnection(redis.url);
    connection.on('error', () => undefined);
  } catch (err) {
    await db.close();
    await redis.stop?.();
    throw err;
  }
  const queues = openQueues(connection, config.queuePrefix);
  const handle = redis;
  const conn = connection;
  return {
    config,
    db,
    blobs: new BlobStore(path.join(config.dataDir, 'blobs')),
    queues,
    redis: handle,
    async close() {
      await queues.close();
      conn.disconnect();
      await db.close();
      await handle.stop?.();
    },
  };
}
