import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/db.js';
import { listMigrations, migrate } from '../../store/migrate.js';
import { createTestDatabase, tempDir } from '../helpers/services.js';

const TABLES = ['groups', 'documents', 'pages', 'chunks', 'attendees', 'action_items', 'decisions', 'next_meetings', 'budget_lines', 'plan_activities'];

describe.each(['pglite', 'postgres'] as const)('migrations on an empty %s database', (kind) => {
  let db: Db;
  let drop = async () => {};
  let url: string | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') ({ url, drop } = await createTestDatabase());
    db = await openDb({ databaseUrl: url, dataDir: tempDir(), memory: kind === 'pglite' });
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('applies every numbered migration once, in order', async () => {
    const all = listMigrations().map((m) => m.version);
    expect(all[0]).toBe(1);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(await migrate(db)).toEqual(all);
    expect(await migrate(db)).toEqual([]);
    const tables = (await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`)).rows.map(
      (r) => r.table_name,
    );
    for (const t of TABLES) expect(tables).toContain(t);
  });

  it('searches text with the swedish configuration (stems inflections)', async () => {
    const g = await db.query<{ id: string }>(`INSERT INTO groups (name) VALUES ('g') RETURNING id`);
    const d = await db.query<{ id: string }>(
      `INSERT INTO documents (group_id, sha256, file_name, size_bytes, blob_key, uploader_id) VALUES ($1, 'a', 'f.pdf', 1, 'a', 'u') RETURNING id`,
      [g.rows[0]!.id],
    );
    await db.query(`INSERT INTO chunks (document_id, group_id, page_no, ord, text) VALUES ($1, $2, 3, 0, 'Kostnaderna för analysarbetet ökade')`, [
      d.rows[0]!.id,
      g.rows[0]!.id,
    ]);
    const hit = await db.query<{ page_no: number }>(`SELECT page_no FROM chunks WHERE tsv @@ plainto_tsquery('swedish', 'kostnader')`);
    expect(hit.rows).toEqual([{ page_no: 3 }]);
  });

  it('keeps dates as ISO strings and amounts as numbers', async () => {
    const r = await db.query<{ d: string; n: number }>(`SELECT '2026-04-17'::date AS d, 14236833::bigint AS n`);
    expect(r.rows[0]).toEqual({ d: '2026-04-17', n: 14236833 });
  });
});

describe('migrations started by several processes at once (Postgres)', () => {
  it('apply once, without errors, under the advisory lock', async () => {
    const { url, drop } = await createTestDatabase();
    const dbs = await Promise.all([1, 2, 3].map(() => openDb({ databaseUrl: url, dataDir: tempDir() })));
    try {
      const results = await Promise.all(dbs.map((db) => migrate(db)));
      expect(results.flat().sort((a, b) => a - b)).toEqual(listMigrations().map((m) => m.version));
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await drop();
    }
  });
});

describe('the embedded database is single-process', () => {
  it('refuses a second opener of the same data dir with a clear message', async () => {
    const dir = tempDir();
    const first = await openDb({ databaseUrl: undefined, dataDir: dir });
    try {
      // Same process: the lock names us, so simulate another owner by writing a live foreign pid.
      const fs = await import('node:fs');
      const path = await import('node:path');
      fs.writeFileSync(path.join(dir, 'pglite.lock'), JSON.stringify({ pid: process.ppid }));
      await expect(openDb({ databaseUrl: undefined, dataDir: dir })).rejects.toThrow(/in use by process/);
    } finally {
      await first.close();
    }
  });
});
