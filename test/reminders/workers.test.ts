/**
 * Real BullMQ workers on real Redis (own prefix per test) and real Postgres: two worker sets on
 * the same queues run the same schedule; each reminder reaches the (fake) sender once.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../core/queues.js';
import { planReminders } from '../../reminders/plan.js';
import { saveConversationRef } from '../../store/conversations.js';
import type { Db } from '../../store/db.js';
import { getSend, listOpenItems } from '../../store/reminders.js';
import {
  REMINDER_SCHEDULER_ID,
  startReminderWorkers,
  upsertReminderSchedule,
  type ReminderSender,
  type RunningReminderWorkers,
} from '../../queue/reminders.js';
import { TEST_REDIS_URL, uniqueName } from '../helpers/services.js';
import { closeTestDb, morning, openTestDb, seedMinutes } from './helpers.js';

async function until(cond: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

function personal(userId: string) {
  return {
    id: `a:personal-${userId}`,
    kind: 'personal' as const,
    userId,
    serviceUrl: 'http://127.0.0.1:9/',
    reference: { conversation: { id: `a:personal-${userId}` }, serviceUrl: 'http://127.0.0.1:9/' },
  };
}

class FakeSender implements ReminderSender {
  sends: Array<{ refId: string; key: string; at: number }> = [];
  failures = new Map<string, Array<number>>();
  async send(refId: string, activity: Record<string, unknown>): Promise<{ id: string }> {
    const plan = this.failures.get(refId);
    const status = plan?.shift();
    if (status) throw Object.assign(new Error(`channel said ${status}`), { statusCode: status });
    const card = (activity['attachments'] as Array<{ content: { body: Array<Record<string, unknown>> } }>)[0]!.content;
    const key = JSON.stringify(card).match(/"key":"([^"]+)"/)?.[1] ?? '';
    this.sends.push({ refId, key, at: Date.now() });
    return { id: `act-${this.sends.length}` };
  }
}

describe('reminder workers', () => {
  let db: Db;
  let db2: Db;
  let groupId: string;
  let prefix: string;
  let running: RunningReminderWorkers[] = [];
  let redis: Redis;
  beforeAll(async () => {
    db = await openTestDb('postgres');
    ({ groupId } = await seedMinutes(db));
    // The second "process" gets its own pool on the same schema.
    const schema = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    const { openDb } = await import('../../store/db.js');
    const { TEST_DATABASE_URL } = await import('../helpers/services.js');
    db2 = await openDb({ databaseUrl: TEST_DATABASE_URL, dataDir: '', schema, poolSize: 4 });
    redis = new Redis(TEST_REDIS_URL);
  });
  afterEach(async () => {
    await Promise.all(running.map((r) => r.close()));
    running = [];
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  });
  afterAll(async () => {
    redis.disconnect();
    await db2.close();
    await closeTestDb(db);
  });

  it('two workers on one schedule send each reminder once, through a 429 and retries', async () => {
    prefix = uniqueName('rem');
    await saveConversationRef(db, personal('29:simon'));
    await saveConversationRef(db, personal('29:charlotte'));
    const now = morning('2026-04-17');
    const expected = await planReminders(db, { now, groupId });
    expect(expected.length).toBe(2);
    const sender = new FakeSender();
    sender.failures.set('a:personal-29:charlotte', [429, 502]);
    for (const d of [db, db2]) {
      running.push(startReminderWorkers({ db: d, redisUrl: TEST_REDIS_URL, prefix, sender, clock: () => now, backoffMs: 20, concurrency: 3 }));
    }
    const queue = new Queue(QUEUES.reminders, { connection: redis, prefix });
    // Six ticks of the same scheduler; both workers compete for them.
    await queue.upsertJobScheduler('test-ticks', { every: 100, limit: 6 }, { name: 'plan', data: {} });
    await until(async () => ((await queue.getJobCounts('completed')).completed ?? 0) >= 6);
    const sendQueue = running[0]!.sendQueue;
    await until(async () => {
      const c = await sendQueue.getJobCounts('waiting', 'active', 'delayed');
      return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) === 0 && sender.sends.length >= 2;
    });
    await queue.close();
    expect(sender.sends.map((s) => s.key).sort()).toEqual(expected.map((e) => e.key).sort());
    for (const e of expected) expect((await getSend(db, e.key))?.status).toBe('sent');
    expect((await getSend(db, expected.find((e) => e.recipient.userId === '29:charlotte')!.key))?.attempts).toBeGreaterThanOrEqual(3);
  });

  it('a 403 marks the conversation dead; the chair hears about it in the next digest', async () => {
    prefix = uniqueName('rem');
    const items = await listOpenItems(db, groupId);
    const glemfelt = items.find((i) => i.owners.includes('Maria Glemfelt'))!;
    await db.query(`UPDATE action_items SET corrected_due = '2026-04-21' WHERE id = $1`, [glemfelt.id]);
    await saveConversationRef(db, personal('29:maria-g'));
    const sender = new FakeSender();
    sender.failures.set('a:personal-29:maria-g', [403]);
    const now = morning('2026-04-21');
    running.push(startReminderWorkers({ db, redisUrl: TEST_REDIS_URL, prefix, sender, clock: () => now, backoffMs: 20 }));
    const queue = new Queue(QUEUES.reminders, { connection: redis, prefix });
    await queue.add('plan', {}, { jobId: 'plan-once' });
    await until(async () => (await getSend(db, `reminder-owner-due-${groupId}-29_maria-g-2026-04-21`))?.status === 'dead');
    await queue.close();
    expect(sender.sends).toEqual([]);
    const ref = (await db.query<{ dead_at: Date | null }>(`SELECT dead_at FROM conversation_refs WHERE id = 'a:personal-29:maria-g'`)).rows[0];
    expect(ref?.dead_at).toBeTruthy();
    // Next Monday's weekly digest to the chair names the undelivered reminder.
    const plan = await planReminders(db, { now: morning('2026-04-27'), groupId });
    const weekly = plan.find((p) => p.kind === 'weekly-overdue')!;
    expect(weekly.undelivered?.map((u) => u.recipientName)).toEqual(['GLEMFELT, Maria']);
    expect(weekly.items.map((i) => i.id)).toContain(glemfelt.id);
  });

  it('limits sends per conversation: two reminders to one group channel go a window apart', async () => {
    prefix = uniqueName('rem');
    await db.query(`UPDATE conversation_refs SET dead_at = now() WHERE kind = 'personal'`);
    const items = await listOpenItems(db, groupId);
    const ids = [
      items.find((i) => i.owners.includes('Närvårdskontoret'))!.id,
      items.find((i) => !i.due && i.owners.join() === 'Charlotte Bliesener Falkenström')!.id,
    ];
    await db.query(`UPDATE action_items SET corrected_due = '2026-04-22' WHERE id = ANY($1::bigint[])`, [ids]);
    await saveConversationRef(db, {
      id: '19:channel@thread.tacv2',
      kind: 'channel',
      groupId,
      serviceUrl: 'http://127.0.0.1:9/',
      reference: { conversation: { id: '19:channel@thread.tacv2' } },
    });
    const sender = new FakeSender();
    const now = morning('2026-04-22');
    expect((await planReminders(db, { now, groupId })).filter((p) => p.kind === 'owner-due')).toHaveLength(2);
    running.push(startReminderWorkers({ db, redisUrl: TEST_REDIS_URL, prefix, sender, clock: () => now, perConversation: { max: 1, windowMs: 400 } }));
    const queue = new Queue(QUEUES.reminders, { connection: redis, prefix });
    await queue.add('plan', {}, { jobId: 'plan-once' });
    await until(async () => sender.sends.length >= 2);
    await queue.close();
    expect(sender.sends.every((s) => s.refId === '19:channel@thread.tacv2')).toBe(true);
    expect(sender.sends[1]!.at - sender.sends[0]!.at).toBeGreaterThanOrEqual(300);
  });

  it('the daily scheduler fires at the configured hour, Stockholm time', async () => {
    prefix = uniqueName('rem');
    const queue = new Queue(QUEUES.reminders, { connection: redis, prefix });
    await upsertReminderSchedule(queue, { digestDaysBefore: 3, hour: 8, timezone: 'Europe/Stockholm', skipHolidays: true, weeklyDay: 1 });
    await upsertReminderSchedule(queue, { digestDaysBefore: 3, hour: 8, timezone: 'Europe/Stockholm', skipHolidays: true, weeklyDay: 1 });
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    const s = (await queue.getJobScheduler(REMINDER_SCHEDULER_ID))!;
    expect(s.pattern).toBe('0 8 * * *');
    expect(s.tz).toBe('Europe/Stockholm');
    const next = new Date(s.next!);
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(next)).toBe('08:00');
    await queue.close();
  });
});
