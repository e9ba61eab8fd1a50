/**
 * Queue contracts: one name and one typed data/result pair per queue. Job data holds ids,
 * never file bytes. Job ids are deterministic (no `:`), so a re-upload is not parsed twice.
 */
import type { Chunk, EvidenceUnit, ExtractResult, PageText } from './facts.js';

export const QUEUES = {
  /** In-process: stores the parse result and the facts, then notifies. Parent of `parse`. */
  ingest: 'ingest',
  /** Sandboxed (child process): bytes → pages + facts. CPU-heavy; may meet hostile files. */
  parse: 'parse',
  /** Proactive messages (summary cards, reminders) sent by the bot process. */
  notify: 'notify',
  /** Reminder planning, driven by job schedulers. */
  reminders: 'reminders',
  /** One job per reminder message (job id = sent-log key); rate-limited per conversation. */
  reminderSend: 'reminder-send',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Who asked for a document to be ingested, and where to tell them how it went. */
export interface Uploader {
  id: string;
  name: string | null;
  /** Set when the upload came from Teams: where to post progress and the summary. */
  conversationRefId?: string | null;
  /** Id of the acknowledgement message to update with progress. */
  activityId?: string | null;
}

export interface IngestJobData {
  documentId: string;
  groupId: string;
  sha256: string;
  fileName: string;
  uploader: Uploader;
}

export interface IngestResult {
  documentId: string;
  pages: number;
  status: 'done' | 'failed';
  errorCode?: string;
  message?: string;
}

export interface ParseJobData {
  documentId: string;
  sha256: string;
  fileName: string;
  /** Absolute path of the stored original in the blob store. */
  blobPath: string;
  /** maxMemoryMb caps the parse thread's heap. */
  limits: {
    maxBytes: number;
    maxPages: number;
    timeoutMs: number;
    maxMemoryMb: number;
    /** Page-parallel reading of large PDFs (absent in jobs queued by older versions: one thread). */
    threads?: number;
    parallelMinPages?: number;
    /** The sandbox stops its parse thread after this long without a job. */
    threadIdleMs?: number;
    /** Text (.txt bytes, .docx text) above this is refused (absent in older jobs: the parser's default). */
    maxTextBytes?: number;
    /** A page that takes longer than this stops the parse (absent in older jobs: no page limit). */
    pageTimeoutMs?: number;
  };
}

export interface ParseResult {
  pages: PageText[];
  chunks: Chunk[];
  /** Evidence units (absent in results of older versions: the document answers from facts only). */
  units?: EvidenceUnit[];
  facts: ExtractResult;
  format: 'pdf' | 'docx' | 'txt';
  parseMs: number;
  extractMs: number;
}

/** Progress the workers report, per page. */
export interface ParseProgress {
  stage: 'parsing' | 'extracting' | 'storing';
  page: number;
  pages: number;
}

export interface NotifyJobData {
  kind: 'ingest-finished' | 'reminder';
  documentId?: string;
  conversationRefId?: string | null;
  activityId?: string | null;
  payload?: Record<string, unknown>;
}

/** Deterministic ids: one ingest per (group, content). */
export function ingestJobId(groupId: string, sha256: string): string {
  return `ingest-${groupId}-${sha256}`;
}

export function parseJobId(groupId: string, sha256: string): string {
  return `parse-${groupId}-${sha256}`;
}

/** A `reminders` job: plan the reminders of today (all groups, or one) and enqueue their sends. */
export interface RemindersPlanJobData {
  groupId?: string;
}

export interface RemindersPlanResult {
  day: string;
  planned: number;
  enqueued: number;
}

/**
 * A `reminder-send` job. `reminder` is the planned reminder as JSON (reminders/types.ts
 * PlannedReminder); the job id and `reminder.key` are the sent-log key.
 */
export interface ReminderSendJobData {
  reminder: { key: string; groupId: string; kind: string; day: string; recipient: { role: string; userId: string | null; name: string | null } } & Record<
    string,
    unknown
  >;
}

export interface ReminderSendResult {
  status: 'sent' | 'duplicate' | 'dead';
  conversationRefId?: string | null;
  activityId?: string | null;
}
