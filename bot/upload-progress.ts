/**
 * Live progress of uploads: the acknowledgement message is updated as the parse worker reports
 * pages (QueueEvents 'progress' on the parse queue), at most about once a second, and never after
 * the final message (updates for one message are chained, `finish` waits for the chain).
 */
import type { ParseProgress } from '../core/queues.js';
import { logger } from '../core/logger.js';
import { progressText } from './logic/messages.js';
import type { ProactiveSender } from './proactive.js';

export interface WatchedUpload {
  documentId: string;
  refId: string;
  ackId: string;
  fileName: string;
  groupName: string | null;
}

interface Entry extends WatchedUpload {
  chain: Promise<void>;
  lastAt: number;
  lastStage: string | null;
}

const log = logger('upload-progress');

export class UploadProgress {
  private byJob = new Map<string, Entry>();
  private byDoc = new Map<string, string>();

  constructor(
    private readonly sender: ProactiveSender,
    private readonly minIntervalMs = 900,
  ) {}

  watch(parseJobId: string, u: WatchedUpload): void {
    // The first update ("Läser …") is chained too, so it can never land after the final message.
    const chain = this.sender.update(u.refId, u.ackId, { text: progressText(u.fileName, u.groupName, null) }).catch(() => undefined);
    this.byJob.set(parseJobId, { ...u, chain, lastAt: Date.now(), lastStage: null });
    this.byDoc.set(u.documentId, parseJobId);
  }

  onProgress(jobId: string, data: unknown): void {
    const e = this.byJob.get(jobId);
    if (!e || !data || typeof data !== 'object') return;
    const p = data as ParseProgress;
    const now = Date.now();
    if (now - e.lastAt < this.minIntervalMs && p.stage === e.lastStage) return;
    e.lastAt = now;
    e.lastStage = p.stage;
    e.chain = e.chain
      .then(() => this.sender.update(e.refId, e.ackId, { text: progressText(e.fileName, e.groupName, p) }))
      .catch((err: unknown) => log.debug({ err: String(err) }, 'progress update failed'));
  }

  /** Stops watching a document; resolves once pending progress updates are out. */
  async finish(documentId: string): Promise<WatchedUpload | undefined> {
    const jobId = this.byDoc.get(documentId);
    if (!jobId) return undefined;
    this.byDoc.delete(documentId);
    const e = this.byJob.get(jobId);
    this.byJob.delete(jobId);
    await e?.chain;
    return e;
  }
}
