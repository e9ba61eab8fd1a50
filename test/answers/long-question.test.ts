/**
 * Issue 14 #2: long questions must not freeze the bot. The SQL a question builds is bounded by
 * design (a fixed number of terms, chosen by weight), a question past the length cap gets a
 * polite reply without touching the database, and on Postgres the answer queries run with a
 * statement timeout whose expiry is answered politely too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../answers/index.js';
import { MAX_QUESTION_CHARS } from '../../answers/format.js';
import { openDb, type Db, type Queryable } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { BACKENDS, openTestDb, POSTGRES_URL, type TestDb } from '../helpers/answer-db.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

/** `n` distinct made-up words: none is in the documents, so every search level runs. */
function manyWords(n: number): string {
  const w = (i: number) => `ord${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}lig`;
  return Array.from({ length: n }, (_, i) => w(i)).join(' ');
}

/** Records the size of every SQL text that reaches the database. */
function recording(db: Queryable): { q: Queryable; sizes: number[] } {
  const sizes: number[] = [];
  return {
    sizes,
    q: {
      query: (text, params) => {
        sizes.push(text.length);
        return db.query(text, params);
      },
      exec: (sql) => db.exec(sql),
    },
  };
}

describe.each(BACKENDS)('long questions (%s)', (backend) => {
  let t: TestDb;
  let groupId: string;
  beforeAll(async () => {
    t = await openTestDb(backend);
    ({ groupId } = await seedCorpus(t.db, 'long'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('a question of 50 words under the length cap builds SQL of bounded size', async () => {
    const question = `Hur tänker ni kring ${manyWords(50)}?`;
    expect(question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    const small = recording(t.db);
    await answerQuestion(small.q, { question: `Hur tänker ni kring ${manyWords(6)}?`, asker: { id: 'u' }, groupIds: [groupId] });
    const large = recording(t.db);
    const a = await answerQuestion(large.q, { question, asker: { id: 'u' }, groupIds: [groupId] });
    expect(a.found).toBe(false);
    // Today's cost grew with the square of the word count: 230 KB of SQL at 50 words.
    expect(Math.max(...large.sizes)).toBeLessThan(16_000);
    expect(large.sizes.length).toBeLessThanOrEqual(small.sizes.length + 4);
  });

  it('a question past the cap gets a polite reply, in its language', async () => {
    const sv = await answerQuestion(t.db, { question: `Vad sägs om ${manyWords(140)}?`.slice(0, 1000), asker: { id: 'u' }, groupIds: [groupId] });
    expect(sv.found).toBe(false);
    expect(sv.intent).toBe('too-long');
    expect(sv.answer).toMatch(/för lång.*högst 500 tecken/);
    const en = await answerQuestion(t.db, {
      question: `What does the group say about ${'the budget and the plan and '.repeat(30)}?`,
      asker: { id: 'u' },
      groupIds: [groupId],
    });
    expect(en.answer).toMatch(/too long.*at most 500 characters/);
  });
});

describe('answer queries on Postgres have a statement timeout', () => {
  let db: Db;
  const schema = `longq_${process.pid}_${Date.now().toString(36)}`;
  beforeAll(async () => {
    db = await openDb({ databaseUrl: POSTGRES_URL, dataDir: '', schema, poolSize: 2, readTimeoutMs: 150 });
    await migrate(db);
  });
  afterAll(async () => {
    await db?.query(`DROP SCHEMA ${schema} CASCADE`);
    await db?.close();
  });

  it('a slow statement on the reader is cancelled with code query-timeout; the main pool has none', async () => {
    await expect(db.reader.query('SELECT pg_sleep(1)')).rejects.toMatchObject({ code: 'query-timeout' });
    await expect(db.query('SELECT pg_sleep(0.3) AS s')).resolves.toBeTruthy();
  });

  it('a question whose queries time out is answered politely', async () => {
    // Every query of this reader first waits past the timeout, on the real server.
    const slow: Queryable = {
      async query(text, params) {
        await db.reader.query('SELECT pg_sleep(0.5)');
        return db.reader.query(text, params);
      },
      exec: () => Promise.reject(new Error('read only')),
    };
    const a = await answerQuestion(slow, { question: 'Vem var ordförande?', asker: { id: 'u' }, groupIds: ['00000000-0000-0000-0000-000000000000'] });
    expect(a.found).toBe(false);
    expect(a.intent).toBe('timeout');
    expect(a.answer).toMatch(/tog för lång tid/);
  });
});
