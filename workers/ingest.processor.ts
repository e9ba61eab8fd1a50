/**
 * `ingest` processor (in the process that owns the database): runs after its `parse` child,
 * stores pages, passages and facts in one transaction, or records why the file failed.
 * Storing is idempotent, so a retry or a second worker never leaves duplicate rows.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { decodeError } from '../core/errors.js';
import { logger } from '../core/logger.js';
import type { ExtractResult, PageText } from '../core/facts.js';
import type { IngestJobData, IngestResult, NotifyJobData, ParseResult } from '../core/queues.js';
import type { Db } from '../store/db.js';
import { getDocument, markFailed } from '../store/documents.js';
import { replaceDocumentContent } from '../store/facts.js';

export interface IngestDeps {
  db: Db;
  /** Tells the uploader how it went (the bot sends it), when the upload came from Teams. */
  notify?: (data: NotifyJobData, jobId: string) => Promise<void>;
  /** Optional LLM pass over the parsed facts (only with config.llm); throws to have the job retried. */
  refine?: (pages: PageText[], facts: ExtractResult) => Promise<ExtractResult>;
}

const log = logger('ingest');

export function createIngestProcessor(deps: IngestDeps) {
  return async function ingest(job: Job<IngestJobData, IngestResult>): Promise<IngestResult> {
    const { documentId, uploader } = job.data;
    const doc = await getDocument(deps.db, documentId);
    if (!doc) throw new UnrecoverableError(`[not-found] Document ${documentId} was removed before it was parsed.`);

    const failures = Object.values(await job.getIgnoredChildrenFailures());
    if (failures.length > 0) {
      const { code, message } = decodeError(failures[0]);
      await markFailed(deps.db, documentId, code, message);
      await notifyUploader(deps, job, { kind: 'ingest-finished', documentId, conversationRefId: uploader.conversationRefId, activityId: uploader.activityId });
      log.warn({ documentId, code }, 'document failed');
      throw new UnrecoverableError(`[${code}] ${message}`);
    }

    const values = Object.values(await job.getChildrenValues<ParseResult>());
    const result = values[0];
    if (!result) throw new Error('The parse result is missing; retrying.');
    await job.updateProgress({ stage: 'storing', page: result.pages.length, pages: result.pages.length });
    const facts = deps.refine ? await refineOrKeep(deps.refine, job, result) : result.facts;
    try {
      await deps.db.transaction((q) => replaceDocumentContent(q, documentId, job.data.groupId, { ...result, facts }));
    } catch (err) {
      // Forgotten while it was being read: nothing to store, nothing to retry.
      if (!(await getDocument(deps.db, documentId).catch(() => doc)))
        throw new UnrecoverableError(`[not-found] Document ${documentId} was removed while it was parsed.`);
      throw err;
    }
    await notifyUploader(deps, job, { kind: 'ingest-finished', documentId, conversationRefId: uploader.conversationRefId, activityId: uploader.activityId });
    log.info({ documentId, pages: result.pages.length, parseMs: Math.round(result.parseMs), extractMs: Math.round(result.extractMs) }, 'document stored');
    return { documentId, pages: result.pages.length, status: 'done' };
  };
}

/** The LLM may improve the facts but never cost the document: on the last attempt, store the rule-based ones. */
async function refineOrKeep(refine: NonNullable<IngestDeps['refine']>, job: Job<IngestJobData>, result: ParseResult): Promise<ExtractResult> {
  try {
    return await refine(result.pages, result.facts);
  } catch (err) {
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
    log.warn({ documentId: job.data.documentId, err: (err as Error).message }, 'LLM refinement failed on the last attempt; storing rule-based facts');
    return result.facts;
  }
}

async function notifyUploader(deps: IngestDeps, job: Job<IngestJobData>, data: NotifyJobData): Promise<void> {
  if (!deps.notify || !data.conversationRefId) return;
  // One summary per document, even when this job is retried or run twice.
  await deps.notify(data, `notify-ingest-${job.data.documentId}`);
}
