/**
 * The two databases the answer-engine tests run against: in-memory PGlite, and real Postgres
 * in a schema of its own (dropped afterwards). Postgres comes from TEST_DATABASE_URL or the
 * local default.
 */
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

export interface TestDb {
  db: Db;
  close(): Promise<void>;
}

export async function openTestDb(backend: Backend): Promise<TestDb> {
  if (backend === 'pglite') {
    const db = await openDb({ databaseUrl: undefined, dataDir: '', memory: true });
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const schema = 'test_' + randomBytes(6).toString('hex');
  const db = await openDb({ databaseUrl: POSTGRES_URL, dataDir: '', schema, poolSize: 4 });
  await migrate(db);
  return {
    db,
    async close() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}
