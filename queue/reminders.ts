/**
 * Reminder queues. A job scheduler on `reminders` fires every morning at config.reminders.hour
 * (Europe/Stockholm); its processor plans the day's reminders and enqueues one `reminder-send`
 * job per reminder, with the sent-log key as job id. The send processor claims the key in the
 * sent-log before it posts, so two workers, retries and restarts send each reminder once.
 *
 * Sends are limited per conversation (a fixed window in Redis; Teams allows about 7 messages a
 * second per conversation) and back off on 429/412/502/504. A 403/404 marks the conversation
 * dead and the reminder undeliverable; the chair hears about it in the next digest.
 */
import { randomUUID } from 'node:crypto';
import { DelayedError, Queue, UnrecoverableError, Worker, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { logger } from '../core/logger.js';
import { QUEUES, type ReminderSendJobData, type ReminderSendResult, type RemindersPlanJobData, type RemindersPlanResult } from '../core/queues.js';
import { workerConnection } from './redis.js';
import { buildReminderCard, cardActivity } from '../reminders/cards.js';
import { localDay } from '../reminders/calendar.js';
import { DEFAULT_REMINDER_SETTINGS, planReminders } from '../reminders/plan.js';
import type { PlannedReminder, ReminderSettings } from '../reminders/types.js';
import { getPersonalConversationRef, listConversationRefs, markConversationDead } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { claimSend, markReported, markSendDead, markSendSent, releaseSend } from '../store/reminders.js';

const log = logger('reminders');

/** What the send job needs from the bot: bot/proactive.ts's ProactiveSender fits. */
export interface ReminderSender {
  send(refId: string, activity: Record<string, unknown>): Promise<{ id: string }>;
}

export interface ReminderWorkersOptions {
  db: Db;
  redisUrl: string;
  prefix: string;
  sender: ReminderSender;
  settings?: ReminderSettings;
  /** Injected clock (tests); default: the real time. */
  clock?: () => Date;
  /** Messages per conversation per window (default 4 per 1000 ms). */
  perConversation?: { max: number; windowMs: number };
  /** Base delay of the exponential backoff (default 2000 ms). */
  backoffMs?: number;
  attempts?: number;
  concurrency?: number;
}

export interface RunningReminderWorkers {
  plan: Worker<RemindersPlanJobData, RemindersPlanResult>;
  send: Worker<ReminderSendJobData, ReminderSendResult>;
  sendQueue: Queue<ReminderSendJobData, ReminderSendResult>;
  close(): Promise<void>;
}

export const REMINDER_SCHEDULER_ID = 'reminders-daily';

/** The daily scheduler's repeat options: `0 <hour> * * *` in the reminders' time zone. */
export function dailySchedule(settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): { pattern: string; tz: string } {
  return { pattern: `0 ${settings.hour} * * *`, tz: settings.timezone };
}

/** Creates or updates the daily scheduler (idempotent: every process may call it at start). */
export async function upsertReminderSchedule(
  queue: Queue<RemindersPlanJobData, RemindersPlanResult>,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): Promise<void> {
  await queue.upsertJobScheduler(REMINDER_SCHEDULER_ID, dailySchedule(settings), {
    name: 'plan',
    data: {},
    opts: { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  });
}

export function openRemindersQueue(connection: Redis, prefix: string): Queue<RemindersPlanJobData, RemindersPlanResult> {
  const q = new Queue<RemindersPlanJobData, RemindersPlanResult>(QUEUES.reminders, { connection, prefix });
  q.on('error', () => undefined);
  return q;
}

/** Retryable answers from the Bot Connector: throttled, precondition, gateway errors. */
const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);
const GONE = new Set([403, 404]);

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; response?: { status?: number } } | null;
  return e?.statusCode ?? e?.status ?? e?.response?.status;
}

function retryAfterMs(err: unknown): number | null {
  const h = (err as { response?: { headers?: { get?: (k: string) => string | null } | Record<string, string> } } | null)?.response?.headers;
  const v = h
    ? typeof (h as { get?: unknown }).get === 'function'
      ? (h as { get: (k: string) => string | null }).get('retry-after')
      : (h as Record<string, string>)['retry-after']
    : null;
  const n = v ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.min(n * 1000, 5 * 60_000) : null;
}

export function startReminderWorkers(opts: ReminderWorkersOptions): RunningReminderWorkers {
  const settings = opts.settings ?? DEFAULT_REMINDER_SETTINGS;
  const clock = opts.clock ?? (() => new Date());
  const rate = opts.perConversation ?? { max: 4, windowMs: 1000 };
  const attempts = opts.attempts ?? 8;
  const { db, prefix } = opts;
  const producer = workerConnection(opts.redisUrl);
  const planConn = workerConnection(opts.redisUrl);
  const sendConn = workerConnection(opts.redisUrl);
  for (const c of [producer, planConn, sendConn]) c.on('error', () => undefined);
  const sendQueue = new Queue<ReminderSendJobData, ReminderSendResult>(QUEUES.reminderSend, { connection: producer, prefix });
  sendQueue.on('error', () => undefined);
  const sendOptions: JobsOptions = {
    attempts,
    backoff: { type: 'exponential', delay: opts.backoffMs ?? 2000 },
    // Completed ids are dropped: a later plan re-adding the id is stopped by the sent-log.
    removeOnComplete: true,
    removeOnFail: { count: 1000 },
  };

  const plan = new Worker<RemindersPlanJobData, RemindersPlanResult>(
    QUEUES.reminders,
    async (job) => {
      const now = clock();
      const planned = await planReminders(db, { now, groupId: job.data.groupId, settings });
      for (const r of planned) {
        await sendQueue.add('send', { reminder: r as unknown as ReminderSendJobData['reminder'] }, { ...sendOptions, jobId: r.key });
      }
      return { day: localDay(now, settings.timezone), planned: planned.length, enqueued: planned.length };
    },
    { connection: planConn, prefix, concurrency: 1 },
  );

  const send = new Worker<ReminderSendJobData, ReminderSendResult>(
    QUEUES.reminderSend,
    async (job, token) => {
      const r = job.data.reminder as unknown as PlannedReminder;
      const claimant = randomUUID();
      const claimed = await claimSend(
        db,
        {
          key: r.key,
          groupId: r.groupId,
          kind: r.kind,
          day: r.day,
          recipientId: r.recipient.userId,
          recipientName: r.recipient.name,
          itemIds: r.items.map((i) => i.id),
        },
        claimant,
      );
      if (!claimed) return { status: 'duplicate' };
      const refId = await targetConversation(db, r);
      if (!refId) {
        await markSendDead(db, r.key, null, 'no conversation with the recipient or the group');
        return { status: 'dead', conversationRefId: null };
      }
      const wait = await takeToken(sendConn, `${prefix}:reminder-rate:${refId}`, rate);
      if (wait > 0) {
        await releaseSend(db, r.key, 'rate limited');
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
      const card = buildReminderCard({ ...r, key: r.key });
      try {
        const sent = await opts.sender.send(refId, cardActivity(card, summaryOf(r)));
        await markSendSent(db, r.key, refId, sent.id || null);
        if (r.undelivered?.length)
          await markReported(
            db,
            r.undelivered.map((u) => u.key),
          );
        return { status: 'sent', conversationRefId: refId, activityId: sent.id || null };
      } catch (err) {
        const status = statusOf(err);
        const message = `${status ?? ''} ${(err as Error).message ?? String(err)}`.trim().slice(0, 500);
        if ((status !== undefined && GONE.has(status)) || (err as Error)?.name === 'ConversationGoneError') {
          await markConversationDead(db, refId, `reminder send: ${message}`);
          await markSendDead(db, r.key, refId, message);
          log.warn({ key: r.key, refId, status }, 'conversation gone; reminder undeliverable');
          return { status: 'dead', conversationRefId: refId };
        }
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (last) {
          await markSendDead(db, r.key, refId, `gave up after ${job.attemptsMade + 1} attempts: ${message}`);
          throw new UnrecoverableError(message);
        }
        await releaseSend(db, r.key, message);
        const after = retryAfterMs(err);
        if (after && status !== undefined && RETRYABLE.has(status)) {
          await job.moveToDelayed(Date.now() + after, token);
          throw new DelayedError();
        }
        throw err; // exponential backoff
      }
    },
    { connection: sendConn, prefix, concurrency: opts.concurrency ?? 4 },
  );
  for (const w of [plan, send] as Worker[]) {
    w.on('error', (err) => log.error({ err: err.message, queue: w.name }, 'worker error'));
    w.on('failed', (job, err) => log.warn({ queue: w.name, jobId: job?.id, reason: err.message }, 'job failed'));
  }
  return {
    plan,
    send,
    sendQueue,
    async close() {
      await Promise.allSettled([plan.close(), send.close()]);
      await sendQueue.close().catch(() => undefined);
      for (const c of [producer, planConn, sendConn]) c.disconnect();
    },
  };
}

/** Personal chat for a person; else the group's team channel or group chat. */
async function targetConversation(db: Db, r: PlannedReminder): Promise<string | null> {
  if (r.recipient.userId) {
    const personal = await getPersonalConversationRef(db, { userId: r.recipient.userId });
    if (personal) return personal.id;
  }
  const refs = (await listConversationRefs(db, { groupId: r.groupId })).filter((c) => c.kind !== 'personal');
  const channel = refs.find((c) => c.kind === 'channel') ?? refs[0];
  return channel?.id ?? null;
}

/** Fixed-window counter per conversation; returns how long to wait (0 = go). */
async function takeToken(redis: Redis, key: string, rate: { max: number; windowMs: number }): Promise<number> {
  const res = await redis.multi().set(key, '0', 'PX', rate.windowMs, 'NX').incr(key).pttl(key).exec();
  const count = Number(res?.[1]?.[1] ?? 0);
  const ttl = Number(res?.[2]?.[1] ?? rate.windowMs);
  return count > rate.max ? Math.max(ttl, 50) : 0;
}

function summaryOf(r: PlannedReminder): string {
  if (r.kind === 'owner-due') return `Påminnelse: ${r.items[0]?.task.slice(0, 80) ?? ''}`;
  if (r.kind === 'chair-digest') return `Inför nästa möte: ${r.items.length} öppna uppgifter`;
  return `Försenade uppgifter: ${r.items.length}`;
}
