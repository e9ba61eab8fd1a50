/**
 * What a Postgres server's background processes do, done for PGlite after its writes. PGlite runs
 * Postgres as one standalone backend: no checkpointer and no autovacuum. Without this, pg_wal grew
 * by every write until the process stopped (about 1.7 MB per generated document: 1.9 GB of data
 * directory for 230 MB of data at 1 000 documents; the in-memory PGlite of the tests keeps it in
 * JS memory), and no table was ever analysed, so the planner guessed row counts.
 */
export interface UpkeepTarget {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

export interface UpkeepOptions {
  /** CHECKPOINT once this much WAL was written since the last one. */
  checkpointWalMb: number;
}

/**
 * Autovacuum's defaults: analyse a table once 50 + 10 % of its rows changed since it was last
 * analysed.
 */
const STATE_SQL = `
SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), (SELECT redo_lsn FROM pg_control_checkpoint()))::float8 AS wal,
  coalesce(array_agg(format('%I.%I', s.schemaname, s.relname)) FILTER (WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)), '{}') AS stale
FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid`;

/** Returns the step to run after each write transaction: checkpoints and analyses when due. */
export function pgliteUpkeep(db: UpkeepTarget, options: UpkeepOptions): () => Promise<void> {
  let running: Promise<void> | null = null;
  const step = async () => {
    // A backend reports its row counts when idle, at most once a second; this makes the next report
    // (between this statement and the next) include the transaction just committed.
    await db.query('SELECT pg_stat_force_next_flush()');
    const state = (await db.query<{ wal: number; stale: string[] }>(STATE_SQL)).rows[0];
    if (!state) return;
    if (state.stale.length) await db.exec(`ANALYZE ${state.stale.join(', ')}`);
    if (state.wal > options.checkpointWalMb * 2 ** 20) await db.exec('CHECKPOINT');
  };
  return async () => {
    // Writers finishing together share one check.
    // The caller's transaction is committed; a failed upkeep is retried after the next one.
    running ??= step()
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
    await running;
  };
}
