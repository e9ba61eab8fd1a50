/**
 * Wires the Teams bot into the main job's HTTP server: `POST /api/messages` (Bot Framework
 * activities; with an app id, unauthenticated requests get 401 and nothing runs),
 * `GET /documents/:id` (signed links to originals), `GET /exports/:groupId.(csv|ics)` (signed
 * links to a group's open action items), the `notify` consumer (summaries, reminders)
 * and live upload progress. Returns a function that stops the consumers.
 */
import { QueueEvents } from 'bullmq';
import type { Express, Request, Response } from 'express';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import { logger } from '../core/logger.js';
import { QUEUES } from '../core/queues.js';
import { workerConnection } from '../queue/redis.js';
import type { Runtime } from '../runtime/runtime.js';
import { createBotApp } from './app.js';
import { mountDocumentRoute } from './document-links.js';
import { mountExportRoute } from './export.js';
import { startNotifyConsumer } from './notify-consumer.js';
import { startBotReminders } from './reminder-actions.js';

const log = logger('bot');

/** Where a local-mode bot is reached from this machine: its listen address, or localhost. */
function localBaseUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

export async function mountTeamsBot(app: Express, rt: Runtime, server: { port: number }): Promise<() => Promise<void>> {
  const bot = createBotApp({ config: rt.config, db: rt.db, blobs: rt.blobs, queues: rt.queues });
  const { deps } = bot;
  const { localMode } = rt.config.bot;
  if (!rt.config.publicBaseUrl) {
    if (localMode) {
      // Nothing is authenticated in local mode, so no request may set where links point.
      deps.links.learnBaseUrl(localBaseUrl(rt.config.host, server.port));
    } else {
      log.warn('PUBLIC_BASE_URL is not set: links to documents and exports use the host Bot Framework calls, learnt from authenticated activities');
    }
  }
  app.post('/api/messages', async (req: Request, res: Response) => {
    const seenAt = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    try {
      await bot.adapter.process(req as unknown as BotRequest, res as unknown as BotResponse, (ctx) => {
        // Runs only for activities whose Bot Framework token checked out: an unauthenticated
        // request's Host header never decides where signed links point.
        if (!localMode) deps.links.learnBaseUrl(seenAt);
        return bot.app.run(ctx).then(() => undefined);
      });
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'activity processing failed');
      if (!res.headersSent) res.status(500).end();
    }
  });
  mountDocumentRoute(app, { db: rt.db, blobs: rt.blobs, links: deps.links });
  mountExportRoute(app, { db: rt.db, links: deps.links, timezone: rt.config.reminders.timezone });

  const notify = startNotifyConsumer(deps, rt.redis.url);
  const eventsConn = workerConnection(rt.redis.url);
  const events = new QueueEvents(QUEUES.parse, { connection: eventsConn, prefix: rt.queues.prefix });
  events.on('error', () => undefined);
  events.on('progress', ({ jobId, data }) => deps.progress.onProgress(jobId, data));
  // Reminders plan and send from here: sending needs the adapter, which lives in the bot process.
  const stopReminders = await startBotReminders(deps, rt.redis.url);
  log.info({ localMode: rt.config.bot.localMode, llm: Boolean(rt.config.llm) }, 'Teams bot mounted at /api/messages');
  return async () => {
    await Promise.allSettled([notify.close(), events.close(), stopReminders()]);
    eventsConn.disconnect();
  };
}
