/**
 * The bot process's consumer of the `notify` queue. Jobs are dispatched on `data.kind` to the
 * handlers in `deps.notifyHandlers` (`ingest-finished` here; reminders register their own). A
 * conversation that is gone is not retried.
 */
import { UnrecoverableError, Worker } from 'bullmq';
import { CardFactory } from 'botbuilder';
import { logger } from '../core/logger.js';
import { QUEUES, type NotifyJobData } from '../core/queues.js';
import { workerConnection } from '../queue/redis.js';
import { getDocument } from '../store/documents.js';
import type { BotDeps, NotifyHandler } from './deps.js';
import { chooseBudgetChart, loadChartLines, withBudgetChart } from './logic/budget-chart.js';
import { doneText, failureMessage } from './logic/messages.js';
import { loadSummary, summaryCard } from './logic/summary.js';
import { ConversationGoneError } from './proactive.js';
import { groupLabel } from './upload.js';

const log = logger('notify');

export function startNotifyConsumer(deps: BotDeps, redisUrl: string): { close(): Promise<void> } {
  const connection = workerConnection(redisUrl);
  const worker = new Worker<NotifyJobData>(
    QUEUES.notify,
    async (job) => {
      const handler = deps.notifyHandlers.get(job.data.kind);
      if (!handler) throw new UnrecoverableError(`no notify handler for kind ${job.data.kind}`);
      try {
        await handler(job.data, job.id ?? '');
      } catch (err) {
        if (err instanceof ConversationGoneError) throw new UnrecoverableError(err.message);
        throw err;
      }
    },
    { connection, prefix: deps.queues.prefix, concurrency: 4 },
  );
  worker.on('error', (err) => log.error({ err: err.message }, 'notify worker error'));
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, reason: err.message }, 'notify failed'));
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}

/** Tells the uploader how their document went: the final status in the acknowledgement, then the summary card. */
export function ingestFinishedHandler(deps: BotDeps): NotifyHandler {
  return async (data) => {
    if (!data.documentId || !data.conversationRefId) return;
    const ackId = data.activityId ?? null;
    // Stop progress updates first, so none lands after the final text.
    if (ackId) await deps.progress.finish(ackId);
    const doc = await getDocument(deps.db, data.documentId);
    if (!doc) return;
    const refId = data.conversationRefId;
    const groupName = await groupLabel(deps, doc.group_id);
    const say = async (text: string) => {
      if (ackId) await deps.sender.update(refId, ackId, { text });
      else await deps.sender.send(refId, { text });
    };
    if (doc.status === 'failed') {
      await say(failureMessage(doc.file_name, doc.error_code));
      return;
    }
    if (doc.status !== 'done') return;
    await say(doneText(doc.file_name, groupName));
    // The document's budget lines, read once: for the summary's main table and for the chart.
    const lines = await loadChartLines(deps.db, [doc.id]);
    const summary = await loadSummary(deps.db, doc.id, lines);
    if (!summary) return;
    // Budget at a glance: a chart of the document's budget lines, when they make one (logic/budget-chart.ts).
    const chart = chooseBudgetChart(lines);
    const card = withBudgetChart(summaryCard(summary, deps.links.urlFor(doc.id)), chart);
    await deps.sender.send(refId, { attachments: [CardFactory.adaptiveCard(card)] });
  };
}
