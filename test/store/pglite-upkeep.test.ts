import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/db.js';
import { tempDir } from '../helpers/services.js';

// PGlite is one standalone backend: no checkpointer, no autovacuum. The store does their work.
describe('the embedded database on a data directory after writes', () => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    db = await openDb({ databaseUrl: undefined, dataDir: dir, checkpointWalMb: 2 });
    await db.exec('CREATE TABLE notes (id serial PRIMARY KEY, body text)');
  });
  afterAll(async () => {
    await db.close();
  });

  const state = async () =>
    (
      await db.query<{ redo: string; reltuples: number }>(
        `SELECT (SELECT redo_lsn::text FROM pg_control_checkpoint()) AS redo, (SELECT reltuples FROM pg_class WHERE relname = 'notes') AS reltuples`,
      )
    ).rows[0]!;
  const walMb = () => {
    const wal = path.join(dir, 'pglite', 'pg_wal');
    const bytes = fs
      .readdirSync(wal)
      .filter((f) => /^[0-9A-F]{24}$/.test(f))
      .reduce((n, f) => n + fs.statSync(path.join(wal, f)).size, 0);
    return bytes / 2 ** 20;
  };
  const write = (rows: number) =>
    db.transaction((q) => q.query(`INSERT INTO notes (body) SELECT repeat(md5(g::text), 40) FROM generate_series(1, $1) g`, [rows]));

  it('analyses a table once enough of it changed, as autovacuum would', async () => {
    expect((await state()).reltuples).toBeLessThanOrEqual(0);
    await write(500);
    expect((await state()).reltuples).toBeGreaterThanOrEqual(500);
  });

  it('checkpoints once the WAL since the last checkpoint passes the limit, so pg_wal stays bounded', async () => {
    const lsn = async () => (await db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn;
    const before = await state();
    const start = await lsn();
    for (let i = 0; i < 60; i++) await write(2000);
    const written = (await db.query<{ mb: number }>('SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::float8 / 1048576 AS mb', [await lsn(), start])).rows[0]!
      .mb;
    const after = await state();
    expect(after.redo).not.toBe(before.redo);
    expect(after.reltuples).toBeGreaterThan(50_000);
    // Without checkpoints every segment written stays; with them, max_wal_size (32 MB here) and the one in use.
    expect(written).toBeGreaterThan(120);
    expect(walMb()).toBeLessThanOrEqual(64);
  });
});
