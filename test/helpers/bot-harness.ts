/**
 * Starts a real main job in-process (HTTP + workers + the Teams bot) against real Redis and
 * Postgres (own schema) or PGlite, with a channel emulator, and posts Bot Framework activities to
 * its `/api/messages`.
 *
 * ```ts
 * const h = await startBotHarness({ name: 'upload' });
 * const res = await h.post(h.message({ conversation: h.personal('user-1'), from: h.user('user-1'), text: 'hjälp' }));
 * const reply = await h.emu.waitFor((a) => a.conversationId === h.personal('user-1').id);
 * await h.stop();
 * ```
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../core/config.js';
import { configureLogger } from '../../core/logger.js';
import { mountTeamsBot } from '../../bot/mount.js';
import { startMainJob, type MainJob } from '../../runtime/main-job.js';
import { startChannelEmulator, type ChannelEmulator } from './channel-emulator.js';

export const TEST_PG = 'postgres://postgres@127.0.0.1:5432/test';

export interface HarnessOptions {
  /** Used in the queue prefix and schema name. */
  name: string;
  /** 'postgres' (own schema in the test database; default) or 'pglite' (in the temp data dir). */
  database?: 'postgres' | 'pglite';
  /** Extra environment for loadConfig (MicrosoftAppId, OPENAI_BASE_URL, …). */
  env?: Record<string, string>;
}

export interface Conversation {
  id: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  teamId?: string;
  teamName?: string;
  /** The team's Microsoft 365 group id, when the activity carries it (`channelData.team.aadGroupId`). */
  aadGroupId?: string;
  name?: string;
}

export interface Account {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface BotHarness {
  job: MainJob;
  config: Config;
  baseUrl: string;
  emu: ChannelEmulator;
  botId: string;
  personal(userId: string): Conversation;
  team(teamId: string, name?: string): Conversation;
  groupChat(id: string, name?: string): Conversation;
  user(id: string, name?: string): Account;
  /** A message activity (text and/or attachments/value). */
  message(o: {
    conversation: Conversation;
    from: Account;
    text?: string;
    attachments?: unknown[];
    value?: unknown;
    mentionBot?: boolean;
  }): Record<string, unknown>;
  /** A `file.download.info` attachment for a file the emulator serves. */
  fileAttachment(name: string, bytes: Uint8Array): Record<string, unknown>;
  conversationUpdate(o: {
    conversation: Conversation;
    from: Account;
    membersAdded?: Array<{ id: string; name?: string }>;
    membersRemoved?: Array<{ id: string }>;
  }): Record<string, unknown>;
  /** POSTs an activity to /api/messages; resolves with the HTTP status and body. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Posts an activity and returns the bot's message replies to it (text or cards), in order. */
  exchange(activity: Record<string, unknown>): Promise<RecordedReply[]>;
  /** Posts a text message and returns the text of the bot's reply (the first message with text). */
  ask(conversation: Conversation, from: Account, text: string, o?: { mentionBot?: boolean }): Promise<string>;
  stop(): Promise<void>;
}

export type RecordedReply = ChannelEmulator['sent'][number];

let counter = 0;

export async function startBotHarness(opts: HarnessOptions): Promise<BotHarness> {
  const tag = `${opts.name.replace(/[^a-z0-9]/gi, '').toLowerCase()}${process.pid}${Date.now().toString(36)}${++counter}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-bot-'));
  const schema = `bot_${tag}`;
  const usePg = (opts.database ?? 'postgres') === 'postgres';
  if (usePg) {
    const c = new pg.Client({ connectionString: TEST_PG });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    // pg_trgm lands in the first schema of whoever creates it first; a test schema dropped with
    // CASCADE would take it (and our indexes) along. Keep it in public, where every schema sees it.
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => undefined);
    const where = await c.query<{ nspname: string }>(
      `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    );
    if (where.rows[0] && where.rows[0].nspname !== 'public') await c.query('ALTER EXTENSION pg_trgm SET SCHEMA public').catch(() => undefined);
    await c.end();
  }
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    MINUTES_DATA_DIR: dataDir,
    QUEUE_PREFIX: `t${tag}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_AUTOSTART: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKER_CONCURRENCY: '2',
    ...(usePg ? { DATABASE_URL: `${TEST_PG}?options=${encodeURIComponent(`-c search_path=${schema},public`)}` } : {}),
    ...opts.env,
  };
  const config = loadConfig(env);
  configureLogger(config.logLevel);
  const emu = await startChannelEmulator();
  const job = await startMainJob(config, { serve: true, work: true, mountBot: mountTeamsBot });
  const baseUrl = `http://127.0.0.1:${job.http!.port}`;
  const botId = '28:minutes-bot';
  let seq = 0;

  const base = (conversation: Conversation, from: Account) => ({
    id: `act-${tag}-${++seq}`,
    channelId: 'msteams',
    serviceUrl: emu.url,
    timestamp: new Date().toISOString(),
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: botId, name: 'minutes-bot' },
    conversation: {
      id: conversation.id,
      conversationType: conversation.conversationType,
      tenantId: 'tenant-1',
      isGroup: conversation.conversationType !== 'personal',
      name: conversation.name,
    },
    channelData: {
      tenant: { id: 'tenant-1' },
      ...(conversation.teamId
        ? {
            team: { id: conversation.teamId, name: conversation.teamName, ...(conversation.aadGroupId ? { aadGroupId: conversation.aadGroupId } : {}) },
            channel: { id: conversation.teamId },
          }
        : {}),
    },
  });

  const h: BotHarness = {
    job,
    config,
    baseUrl,
    emu,
    botId,
    personal: (userId) => ({ id: `a:personal-${userId}`, conversationType: 'personal' }),
    team: (teamId, name) => ({ id: `${teamId}`, conversationType: 'channel', teamId, teamName: name ?? teamId }),
    groupChat: (id, name) => ({ id, conversationType: 'groupChat', name }),
    user: (id, name) => ({ id, name: name ?? id, aadObjectId: `aad-${id}` }),
    message({ conversation, from, text, attachments, value, mentionBot }) {
      const entities = mentionBot ? [{ type: 'mention', text: '<at>minutes-bot</at>', mentioned: { id: botId, name: 'minutes-bot' } }] : undefined;
      return {
        ...base(conversation, from),
        type: 'message',
        text: mentionBot ? `<at>minutes-bot</at> ${text ?? ''}` : text,
        textFormat: 'plain',
        attachments,
        value,
        entities,
      };
    },
    fileAttachment(name, bytes) {
      return {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        contentUrl: `https://contoso.sharepoint.com/personal/u/Documents/${encodeURIComponent(name)}`,
        content: { downloadUrl: emu.serveFile(name, bytes), uniqueId: `u-${++seq}`, fileType: path.extname(name).slice(1) },
      };
    },
    conversationUpdate({ conversation, from, membersAdded, membersRemoved }) {
      return { ...base(conversation, from), type: 'conversationUpdate', membersAdded, membersRemoved };
    },
    async post(activity, headers = {}) {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      return { status: res.status, body: await res.text() };
    },
    async exchange(activity) {
      const res = await h.post(activity);
      if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${res.body}`);
      return emu.sent.filter((a) => a.op === 'reply' && a.replyToId === activity.id && a.activity.type === 'message');
    },
    async ask(conversation, from, text, o = {}) {
      const activity = h.message({ conversation, from, text, mentionBot: o.mentionBot });
      // With an LLM the answer comes after the turn, proactively (continueConversation replies to its
      // own event id, not to the question): wait for the next message in the conversation.
      const asked = Date.now();
      const until = asked + 20_000;
      let replies = await h.exchange(activity);
      for (;;) {
        const first = replies.find((r) => typeof r.activity.text === 'string' && r.activity.text !== '');
        if (first) return first.activity.text!;
        if (Date.now() > until) throw new Error(`no text reply to "${text}"`);
        await new Promise((r) => setTimeout(r, 25));
        replies = emu.sent.filter(
          (a) =>
            a.activity.type === 'message' &&
            ((a.op === 'reply' && a.replyToId === activity.id) || (a.op !== 'update' && a.conversationId === conversation.id && a.at >= asked)),
        );
      }
    },
    async stop() {
      await job.stop();
      await emu.close();
      if (usePg) {
        const c = new pg.Client({ connectionString: TEST_PG });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

/** Adaptive Card content of a recorded activity, if it carries one. */
export function cardOf(a: { activity: { attachments?: Array<{ contentType: string; content?: unknown }> } }): Record<string, unknown> | null {
  const att = a.activity.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
  return (att?.content as Record<string, unknown>) ?? null;
}

/**
 * All text in a card (TextBlocks, FactSet values), for assertions, as a reader sees it: without the
 * invisible word joiners the bot puts after a "<" so that renderers do not take "<namn>" for a tag.
 */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string') out.push(o.title);
      if (typeof o.value === 'string') out.push(o.value);
      for (const k of ['body', 'facts', 'items', 'columns', 'actions', 'choices']) if (o[k]) walk(o[k]);
    }
  };
  walk(card);
  return out.join('\n').replace(/\u2060/g, '');
}
