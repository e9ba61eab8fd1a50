/**
 * Live progress of uploads: the acknowledgement message is updated as the parse worker reports
 * pages (QueueEvents 'progress' on the parse queue), at most about once a second. Updates of one
 * message run in a chain and are skipped once the upload is finished, so a late progress update
 * can never overwrite the final message (a failing parse can finish before `submit` returns).
 * Entries are keyed by the acknowledgement's activity id; this is per bot process.
 */
import type { ParseProgress } from '../core/queues.js';
import { logger } from '../core/logger.js';
import { progressText } from './logic/messages.js';
import type { ProactiveSender } from './proactive.js';

export interface WatchedUpload {
  refId: string;
  ackId: string;
  fileName: string;
  groupName: string | null;
}

interface Entry extends WatchedUpload {
  chain: Promise<void>;
  finished: boolean;
  lastAt: number;
  lastStage: string | null;
}

const log = logger('upload-progress');

export class UploadProgress {
  private byAck = new Map<string, Entry>();
  private ackByJob = new Map<string, string>();

  constructor(
    private readonly sender: ProactiveSender,
    private readonly minIntervalMs = 900,
  ) {}

  /** Starts tracking an acknowledgement message (before the document is submitted). */
  start(u: WatchedUpload): void {
    if (this.byAck.get(u.ackId)?.finished) return;
    this.byAck.set(u.ackId, { ...u, chain: Promise.resolve(), finished: false, lastAt: 0, lastStage: null });
  }

  /** Replaces the message text, in order, unless the upload has finished by then. */
  say(ackId: string, text: string): Promise<void> {
    const e = this.byAck.get(ackId);
    if (!e) return Promise.resolve();
    e.chain = e.chain
      .then(() => (e.finished ? undefined : this.sender.update(e.refId, e.ackId, { text })))
      .catch((err: unknown) => log.debug({ err: String(err) }, 'progress update failed'));
    return e.chain;
  }

  /** Links the parse job, whose progress events then update the message. */
  bindJob(ackId: string, parseJobId: string): void {
    if (this.byAck.get(ackId)?.finished === false) this.ackByJob.set(parseJobId, ackId);
  }

  onProgress(jobId: string, data: unknown): void {
    const ackId = this.ackByJob.get(jobId);
    const e = ackId ? this.byAck.get(ackId) : undefined;
    if (!e || e.finished || !data || typeof data !== 'object') return;
    const p = data as ParseProgress;
    const now = Date.now();
    if (now - e.lastAt < this.minIntervalMs && p.stage === e.lastStage) return;
    e.lastAt = now;
    e.lastStage = p.stage;
    void this.say(e.ackId, progressText(e.fileName, e.groupName, p));
  }

  /** No more progress for this message; resolves once updates already under way are out. */
  async finish(ackId: string): Promise<WatchedUpload | undefined> {
    let e = this.byAck.get(ackId);
    if (!e) {
      // Finished before it was tracked: leave a tombstone so a late start/bind changes nothing.
      e = { refId: '', ackId, fileName: '', groupName: null, chain: Promise.resolve(), finished: true, lastAt: 0, lastStage: null };
      this.byAck.set(ackId, e);
    }
    e.finished = true;
    for (const [job, ack] of this.ackByJob) if (ack === ackId) this.ackByJob.delete(job);
    await e.chain;
    // Keep the tombstone a while, then forget it.
    setTimeout(() => this.byAck.delete(ackId), 10 * 60_000).unref();
    return e.refId ? e : undefined;
  }
}
