/**
 * What the bot's features get: the runtime's stores and queues plus the Teams adapter, the
 * proactive sender and the bot's own services. Built once by `mountTeamsBot`.
 */
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../core/config.js';
import type { NotifyJobData } from '../core/queues.js';
import type { QueueHandles } from '../queue/queues.js';
import type { BlobStore } from '../store/blobs.js';
import type { Db } from '../store/db.js';
import type { DocumentLinks } from './document-links.js';
import type { GraphFiles } from './graph-files.js';
import type { LlmAnswerer } from './llm.js';
import type { ProactiveSender } from './proactive.js';
import type { Rosters } from './rosters.js';
import type { UploadProgress } from './upload-progress.js';

/**
 * Handles one `notify` job of a given `kind` (the bot's notify consumer dispatches on it).
 * Throw to retry; throw BullMQ's UnrecoverableError to give up.
 */
export type NotifyHandler = (data: NotifyJobData, jobId: string) => Promise<void>;

export interface BotDeps {
  config: Config;
  db: Db;
  blobs: BlobStore;
  queues: QueueHandles;
  adapter: TeamsAdapter;
  /** Bot app id; undefined in local mode. */
  appId: string | undefined;
  sender: ProactiveSender;
  links: DocumentLinks;
  rosters: Rosters;
  progress: UploadProgress;
  /** Notify handlers by job kind; `ingest-finished` is the bot's, others (reminders) register here. */
  notifyHandlers: Map<string, NotifyHandler>;
  /** Present only with config.llm. */
  llm: LlmAnswerer | undefined;
  /** Present only with config.graph: files posted in channels (channel-files.ts). */
  graphFiles: GraphFiles | undefined;
}
