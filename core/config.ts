import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

/**
 * The only place that reads `process.env`. Validates everything at start-up and throws one
 * error listing every bad key. Every key is listed, with its default, in `.env.example`.
 */

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));
const list = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    );

const schema = z.object({
  PORT: int(3978, 0),
  // Unset: loopback in local mode (no MicrosoftAppId, so no authentication), all interfaces otherwise.
  HOST: optionalString,
  MINUTES_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString,
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_AUTOSTART: bool.default('true'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('minutes'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_GROUP: z.string().min(1).default('default'),
  WORKER_CONCURRENCY: int(2, 1),
  QUEUE_LOCK_DURATION_MS: int(30_000, 1000),
  QUEUE_STALLED_INTERVAL_MS: int(30_000, 500),
  RECONCILE_INTERVAL_MS: int(300_000, 1000),
  RECONCILE_GRACE_MS: int(60_000, 0),
  PARSE_MAX_BYTES: int(50 * 1024 * 1024, 1),
  PARSE_MAX_PAGES: int(2000, 1),
  PARSE_MAX_TEXT_BYTES: int(10 * 1024 * 1024, 1024),
  PARSE_TIMEOUT_MS: int(120_000, 1000),
  PARSE_PAGE_TIMEOUT_MS: int(30_000, 1000),
  PARSE_MAX_MEMORY_MB: int(768, 64),
  PARSE_THREADS: int(0, 0),
  PARSE_PARALLEL_MIN_PAGES: int(40, 1),
  PARSE_THREAD_IDLE_MS: int(60_000, 1000),
  PGLITE_SHARED_BUFFERS_MB: int(16, 1),
  PGLITE_MAINTENANCE_WORK_MEM_MB: int(16, 1),
  PGLITE_CHECKPOINT_WAL_MB: int(64, 1),
  PUBLIC_BASE_URL: optionalString,
  FAILED_REQUESTS_PER_MINUTE: int(30, 1),
  TRUST_PROXY: optionalString,
  ANSWER_QUERY_TIMEOUT_MS: int(5000, 100),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalString,
  // Microsoft Graph, for files posted in team channels (client credentials). Default: the bot's own app registration.
  GRAPH_TENANT_ID: optionalString,
  GRAPH_CLIENT_ID: optionalString,
  GRAPH_CLIENT_SECRET: optionalString,
  GRAPH_BASE_URL: z.string().default('https://graph.microsoft.com/v1.0'),
  GRAPH_LOGIN_URL: z.string().default('https://login.microsoftonline.com'),
  DOWNLOAD_ALLOWED_HOSTS: list('sharepoint.com,sharepoint-df.com,onedrive.com,1drv.ms,files.1drv.com,svc.ms'),
  DOWNLOAD_TIMEOUT_MS: int(30_000, 1000),
  DOWNLOAD_CONCURRENCY: int(3, 1),
  UPLOAD_MAX_FILES_PER_MESSAGE: int(10, 1),
  DOCUMENT_LINK_SECRET: optionalString,
  DOCUMENT_LINK_TTL_HOURS: int(24 * 7, 1),
  ROSTER_TTL_MINUTES: int(60, 1),
  REMINDER_DIGEST_DAYS_BEFORE: int(3, 0),
  REMINDER_HOUR: int(8, 0),
  REMINDER_TIMEZONE: z.string().default('Europe/Stockholm'),
  REMINDER_SKIP_HOLIDAYS: bool.default('true'),
  REMINDER_WEEKLY_DAY: int(1, 1),
});

export interface GraphConfig {
  clientId: string;
  clientSecret: string;
  tenantId: string | undefined;
  /** e.g. https://graph.microsoft.com/v1.0 (no trailing slash). */
  baseUrl: string;
  /** e.g. https://login.microsoftonline.com (no trailing slash). */
  loginUrl: string;
}

/** An endpoint the bot sends credentials to: https, or http on loopback (test emulators). */
function credentialEndpoint(raw: string): string | null {
  try {
    const u = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    if (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) return raw.replace(/\/+$/, '');
  } catch {
    /* not a URL */
  }
  return null;
}

function graphConfig(e: z.infer<typeof schema>, problems: string[]): GraphConfig | undefined {
  const baseUrl = credentialEndpoint(e.GRAPH_BASE_URL);
  const loginUrl = credentialEndpoint(e.GRAPH_LOGIN_URL);
  if (!baseUrl) problems.push('GRAPH_BASE_URL: must be an https URL (http only on loopback)');
  if (!loginUrl) problems.push('GRAPH_LOGIN_URL: must be an https URL (http only on loopback)');
  if ((e.GRAPH_CLIENT_ID === undefined) !== (e.GRAPH_CLIENT_SECRET === undefined))
    problems.push('GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET: set both or neither');
  const clientId = e.GRAPH_CLIENT_ID ?? e.MicrosoftAppId;
  const clientSecret = e.GRAPH_CLIENT_ID ? e.GRAPH_CLIENT_SECRET : e.MicrosoftAppPassword;
  if (!clientId || !clientSecret || !baseUrl || !loginUrl) return undefined;
  return { clientId, clientSecret, tenantId: e.GRAPH_TENANT_ID ?? e.MicrosoftAppTenantId, baseUrl, loginUrl };
}

export interface LlmConfig {
  apiKey: string;
  baseUrl: string | undefined;
  model: string;
}

export interface Config {
  port: number;
  /** Where the HTTP server listens: HOST, else 127.0.0.1 in local mode and 0.0.0.0 with an app id. */
  host: string;
  /** Failed (400/401/403) HTTP requests per address and minute before it gets 429. */
  failuresPerMinute: number;
  /** Re-queueing documents whose jobs Redis lost: how often, and how old a document must be. */
  reconcile: { intervalMs: number; graceMs: number };
  /** Express `trust proxy` value (e.g. `loopback`, `1`), or false when clients connect directly. */
  trustProxy: string | false;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Statement timeout of the queries that answer a question (Postgres only). */
  answerQueryTimeoutMs: number;
  redisUrl: string;
  redisAutostart: boolean;
  queuePrefix: string;
  logLevel: string;
  defaultGroup: string;
  workerConcurrency: number;
  /** How long a worker holds a job without renewing; a killed worker's job is retried after this. */
  lockDurationMs: number;
  stalledIntervalMs: number;
  parse: {
    maxBytes: number;
    maxPages: number;
    /** Plain text (.txt bytes, .docx text) above this is refused: no minutes are that long. */
    maxTextBytes: number;
    /** One page taking longer than this stops the parse (a few-kB page can hold millions of operators). */
    pageTimeoutMs: number;
    timeoutMs: number;
    maxMemoryMb: number;
    /** Threads reading one large PDF (page-parallel), each with the heap cap maxMemoryMb. */
    threads: number;
    /** PDFs with fewer pages are read on one thread. */
    parallelMinPages: number;
    /** A sandbox stops its idle parse thread (and gives pdf.js's memory back) after this long. */
    threadIdleMs: number;
  };
  /** Postgres `shared_buffers` of the embedded database: the largest part of its idle memory. */
  pgliteSharedBuffersMb: number;
  /** Its `maintenance_work_mem` (index builds in migrations): WASM memory never shrinks once grown. */
  pgliteMaintenanceWorkMemMb: number;
  /** It checkpoints after this much WAL (PGlite has no checkpointer: pg_wal grew without bound). */
  pgliteCheckpointWalMb: number;
  publicBaseUrl: string | undefined;
  /** Present only when an OpenAI-compatible endpoint is configured. */
  llm: LlmConfig | undefined;
  bot: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string | undefined;
    /** True without an app id: no auth, loopback downloads allowed. */
    localMode: boolean;
  };
  /** `concurrency`: downloads at once per process; `maxFilesPerMessage`: attachments taken from one message. */
  download: { allowedHosts: string[]; timeoutMs: number; concurrency: number; maxFilesPerMessage: number };
  /**
   * Microsoft Graph app credentials (client credentials flow), present when a client id and secret
   * are known (GRAPH_CLIENT_ID/SECRET, else MicrosoftAppId/Password). Without them files posted in
   * channels are not fetched. `tenantId` undefined: the tenant of the conversation.
   */
  graph: GraphConfig | undefined;
  /** Signed links to stored originals (`GET /documents/:id`). Without a secret, one is kept in the data dir. */
  documentLinks: { secret: string | undefined; ttlHours: number };
  /** How long a cached team/group-chat roster is trusted before the bot asks Teams again. */
  rosterTtlMinutes: number;
  reminders: {
    digestDaysBefore: number;
    hour: number;
    timezone: string;
    skipHolidays: boolean;
    /** ISO weekday of the weekly overdue digest (1 = Monday). */
    weeklyDay: number;
  };
}

/** Reads and validates configuration. Throws one AppError('config-invalid') listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('config-invalid', `Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const graph = graphConfig(e, problems);
  if (problems.length) throw new AppError('config-invalid', `Invalid configuration: ${problems.join('; ')}`);
  const llmWanted = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  return {
    port: e.PORT,
    host: e.HOST ?? (e.MicrosoftAppId === undefined ? '127.0.0.1' : '0.0.0.0'),
    failuresPerMinute: e.FAILED_REQUESTS_PER_MINUTE,
    reconcile: { intervalMs: e.RECONCILE_INTERVAL_MS, graceMs: e.RECONCILE_GRACE_MS },
    trustProxy: e.TRUST_PROXY ?? false,
    dataDir: path.resolve(e.MINUTES_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    answerQueryTimeoutMs: e.ANSWER_QUERY_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    redisAutostart: e.REDIS_AUTOSTART,
    queuePrefix: e.QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
    defaultGroup: e.DEFAULT_GROUP,
    workerConcurrency: e.WORKER_CONCURRENCY,
    lockDurationMs: e.QUEUE_LOCK_DURATION_MS,
    stalledIntervalMs: e.QUEUE_STALLED_INTERVAL_MS,
    parse: {
      maxBytes: e.PARSE_MAX_BYTES,
      maxPages: e.PARSE_MAX_PAGES,
      maxTextBytes: e.PARSE_MAX_TEXT_BYTES,
      pageTimeoutMs: e.PARSE_PAGE_TIMEOUT_MS,
      timeoutMs: e.PARSE_TIMEOUT_MS,
      maxMemoryMb: e.PARSE_MAX_MEMORY_MB,
      // 0: one per core this process may use, less one: V8's own threads (concurrent GC, optimising
      // compiler) keep about a core busy while pdf.js parses, so on two cores a second reader slows the
      // first (400-page plan: 1.3x the wall time of one thread, +1 s CPU, +65 MB).
      threads: e.PARSE_THREADS || Math.max(1, os.availableParallelism() - 1),
      parallelMinPages: e.PARSE_PARALLEL_MIN_PAGES,
      threadIdleMs: e.PARSE_THREAD_IDLE_MS,
    },
    pgliteSharedBuffersMb: e.PGLITE_SHARED_BUFFERS_MB,
    pgliteMaintenanceWorkMemMb: e.PGLITE_MAINTENANCE_WORK_MEM_MB,
    pgliteCheckpointWalMb: e.PGLITE_CHECKPOINT_WAL_MB,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    // Local servers need no key, but the OpenAI SDK insists on one.
    llm: llmWanted ? { apiKey: e.OPENAI_API_KEY ?? 'not-needed', baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL } : undefined,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      localMode: e.MicrosoftAppId === undefined,
    },
    download: {
      allowedHosts: e.DOWNLOAD_ALLOWED_HOSTS,
      timeoutMs: e.DOWNLOAD_TIMEOUT_MS,
      concurrency: e.DOWNLOAD_CONCURRENCY,
      maxFilesPerMessage: e.UPLOAD_MAX_FILES_PER_MESSAGE,
    },
    graph,
    documentLinks: { secret: e.DOCUMENT_LINK_SECRET, ttlHours: e.DOCUMENT_LINK_TTL_HOURS },
    rosterTtlMinutes: e.ROSTER_TTL_MINUTES,
    reminders: {
      digestDaysBefore: e.REMINDER_DIGEST_DAYS_BEFORE,
      hour: e.REMINDER_HOUR,
      timezone: e.REMINDER_TIMEZONE,
      skipHolidays: e.REMINDER_SKIP_HOLIDAYS,
      weeklyDay: e.REMINDER_WEEKLY_DAY,
    },
  };
}
