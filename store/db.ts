/**
 * One database interface over Postgres (`pg`) and embedded PGlite: the same SQL and migrations.
 * Repository functions take a `Queryable`, so a pool, a transaction or PGlite all work.
 */
import fs from 'node:fs';
import path from 'node:path';
// Only the driver a process uses is loaded (PGlite's WASM build is large; a Postgres process never needs it).
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Config } from '../core/config.js';
import { AppError } from '../core/errors.js';
import { acquireDirLock, initPgliteApart } from './pglite-dir.js';
import { pgliteUpkeep } from './pglite-upkeep.js';

export { lockFilePath, readLiveLock, recordLockPort, type LockInfo } from './pglite-dir.js';

export interface QueryResult<T> {
  rows: T[];
}

export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /**
   * For interactive reads (answers to questions): on Postgres a pool of its own whose statements
   * are cancelled after `readTimeoutMs`, so one costly question cannot hold the database; on PGlite
   * (one thread, no timers inside a statement) the database itself, bounded by how queries are built.
   */
  readonly reader: Queryable;
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** Postgres connection string; without it, PGlite in `<dataDir>/pglite`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Postgres schema to use (tests isolate themselves with one schema each). */
  schema?: string;
  /** In-memory PGlite (tests). */
  memory?: boolean;
  poolSize?: number;
  /** Statement timeout of `Db.reader` on Postgres. @defaultValue 5000 */
  readTimeoutMs?: number;
  /** PGlite's Postgres shared_buffers (its default, 128 MB, is most of its idle memory). */
  sharedBuffersMb?: number;
  /** PGlite's maintenance_work_mem (index builds); its WASM memory never shrinks once grown. */
  maintenanceWorkMemMb?: number;
  /** PGlite checkpoints once this much WAL was written since the last checkpoint. @defaultValue 64 */
  checkpointWalMb?: number;
}

// Dates stay ISO strings (`YYYY-MM-DD`): a JS Date would shift them by the local time zone.
// int8 (counts, amounts in SEK) fits in a double for every amount we handle.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

let pgTypesSet = false;
function setPgTypes(driver: typeof pg): void {
  if (pgTypesSet) return;
  driver.types.setTypeParser(DATE_OID, (v) => v);
  driver.types.setTypeParser(INT8_OID, (v) => Number(v));
  driver.types.setTypeParser(NUMERIC_OID, (v) => Number(v));
  pgTypesSet = true;
}

/** How every process opens its database from its config (the question bench opens PGlite this way too). */
export function dbOptions(config: Config, schema?: string): OpenDbOptions {
  return {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    schema,
    readTimeoutMs: config.answerQueryTimeoutMs,
    sharedBuffersMb: config.pgliteSharedBuffersMb,
    maintenanceWorkMemMb: config.pgliteMaintenanceWorkMemMb,
    checkpointWalMb: config.pgliteCheckpointWalMb,
  };
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema, options.poolSize ?? 10, options.readTimeoutMs ?? 5000);
  return openPglite(options);
}

async function openPostgres(url: string, schema: string | undefined, max: number, readTimeoutMs: number): Promise<Db> {
  const { default: driver } = await import('pg');
  setPgTypes(driver);
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new AppError('config-invalid', `Bad schema name: ${schema}`);
  const searchPath = schema ? `-c search_path=${schema},public` : '';
  const newPool = (size: number, extra = '') => {
    const p = new driver.Pool({ connectionString: url, max: size, connectionTimeoutMillis: 5000, options: `${searchPath} ${extra}`.trim() || undefined });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    p.on('error', () => undefined);
    return p;
  };
  const pool = newPool(max);
  // Made on first use: most processes (CLI commands, workers) never answer a question.
  let readPool: pg.Pool | null = null;
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw databaseUnavailable(err);
  }
  const queryOn = async <T>(p: pg.Pool, text: string, params?: unknown[]): Promise<QueryResult<T>> => {
    try {
      const r = await p.query(text, params);
      return { rows: r.rows as T[] };
    } catch (err) {
      throw mapPgError(err);
    }
  };
  const query = <T>(text: string, params?: unknown[]) => queryOn<T>(pool, text, params);
  const reader: Queryable = {
    query<T>(text: string, params?: unknown[]) {
      readPool ??= newPool(Math.max(2, Math.ceil(max / 2)), `-c statement_timeout=${Math.max(1, Math.round(readTimeoutMs))}`);
      return queryOn<T>(readPool, text, params);
    },
    async exec() {
      throw new Error('Db.reader is for reads');
    },
  };
  return {
    kind: 'postgres',
    reader,
    query,
    async exec(sql) {
      await query(sql);
    },
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw databaseUnavailable(err);
      }
      try {
        await client.query('BEGIN');
        const q: Queryable = {
          async query<T>(text: string, params?: unknown[]) {
            try {
              const r = await client.query(text, params);
              return { rows: r.rows as T[] };
            } catch (err) {
              throw mapPgError(err);
            }
          },
          async exec(sql) {
            await q.query(sql);
          },
        };
        const result = await fn(q);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all([pool.end(), readPool?.end()]);
    },
  };
}

async function openPglite(options: OpenDbOptions): Promise<Db> {
  const dir = options.memory ? undefined : path.join(options.dataDir, 'pglite');
  let release = () => {};
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    release = acquireDirLock(options.dataDir);
  }
  const [{ PGlite: PGliteClass, types: pgliteTypes }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  const parsers = {
    [pgliteTypes.DATE]: (v: string) => v,
    [pgliteTypes.INT8]: (v: string) => Number(v),
    [pgliteTypes.NUMERIC]: (v: string) => Number(v),
  };
  const walMb = options.checkpointWalMb ?? 64;
  let db: PGlite;
  try {
    if (dir) initPgliteApart(dir);
    const postgresqlconf = [
      ...(options.sharedBuffersMb ? [`shared_buffers=${options.sharedBuffersMb}MB`] : []),
      ...(options.maintenanceWorkMemMb ? [`maintenance_work_mem=${options.maintenanceWorkMemMb}MB`] : []),
      // pg_wal keeps at most about this much between the checkpoints of pglite-upkeep (Postgres'
      // defaults, 80 MB to 1 GB, are sized for a server with a checkpointer of its own).
      `min_wal_size=32MB`,
      `max_wal_size=${Math.max(32, 2 * walMb)}MB`,
    ];
    db = await PGliteClass.create(dir ?? 'memory://', { extensions: { pg_trgm }, parsers, postgresqlconf });
  } catch (err) {
    release();
    throw err;
  }
  const upkeep = pgliteUpkeep(db, { checkpointWalMb: walMb });
  const self: Queryable = {
    async query<T>(text: string, params?: unknown[]) {
      const r = await db.query<T>(text, params);
      return { rows: r.rows };
    },
    async exec(sql) {
      await db.exec(sql);
    },
  };
  return {
    kind: 'pglite',
    reader: self,
    query: self.query,
    exec: self.exec,
    async transaction(fn) {
      const result = await db.transaction(async (tx) =>
        fn({
          async query<T>(text: string, params?: unknown[]) {
            const r = await tx.query<T>(text, params);
            return { rows: r.rows };
          },
          async exec(sql) {
            await tx.exec(sql);
          },
        }),
      );
      // Transactions write nearly all the WAL (document content, migrations).
      await upkeep();
      return result;
    },
    async close() {
      await db.close();
      release();
    },
  };
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

function mapPgError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  const message = err instanceof Error ? err.message : '';
  // 57014: cancelled by statement_timeout (only `Db.reader` sets one).
  if (code === '57014') return new AppError('query-timeout', 'That took the database too long; ask more simply or try again.', { cause: err });
  if ((code && CONNECTION_CODES.has(code)) || /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message)) {
    return databaseUnavailable(err);
  }
  return err;
}

function databaseUnavailable(err: unknown): AppError {
  return new AppError('database-unavailable', 'The database is not reachable right now; try again in a moment.', { cause: err });
}
