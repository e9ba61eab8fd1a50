/**
 * Wires the Teams bot into the main job's HTTP server: `POST /api/messages` (Bot Framework
 * activities; with an app id, unauthenticated requests get 401 and nothing runs),
 * `GET /documents/:id` (signed links to originals), `GET /exports/:groupId.(csv|ics)` (signed
 * links to a group's open action items), the `notify` consumer (summaries, reminders)
 * and live upload progress. Returns a function that stops the consumers.
 */
import { QueueEvents } from 'bullmq';
import type { Express, Request, Response } from 'express';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { logger } from '../core/logger.js';
import { QUEUES } from '../core/queues.js';
import { workerConnection } from '../queue/redis.js';
import type { Runtime } from '../runtime/runtime.js';
import { createBotApp } from './app.js';
import { mountDocumentRoute } from './document-links.js';
import { mountExportRoute } from './export.js';
import { startNotifyConsumer } from './notify-consumer.js';
import { startBotReminders } from './reminder-actions.js';
import { isUnreachable, tokenShapeProblem } from './token-shape.js';
import { startInterruptedUploadSweep } from './upload-intents.js';

const log = logger('bot');

/**
 * CloudAdapter's own step under process(): checks the token, runs the logic, returns the invoke
 * response. Protected in the typings only; process() is a thin wrapper around it.
 */
interface AdapterProcessing {
  processActivity(authHeader: string, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
}

/** The request body as an activity (timestamps as dates, as the adapter expects), or null. */
function activityOf(body: unknown): Activity | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type === '') return null;
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    if (typeof a[key] === 'string') {
      a[raw] = a[key];
      a[key] = new Date(a[key]);
    }
  }
  return a as unknown as Activity;
}

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
    const activity = activityOf(req.body);
    if (!activity) {
      log.warn({ address: req.socket.remoteAddress }, 'not an activity');
      res.status(400).json({ error: 'bad-request', message: 'The body is not a Bot Framework activity.' });
      return;
    }
    const shape = localMode ? null : tokenShapeProblem(req.headers.authorization);
    if (shape) {
      log.warn({ address: req.socket.remoteAddress, reason: shape }, 'activity rejected: not authenticated');
      res.status(401).json({ error: 'unauthorized', message: 'The request is not authenticated.' });
      return;
    }
    const seenAt = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    // The logic runs only once the token checked out: an error before it is the caller's fault.
    let authenticated = false;
    try {
      // Not adapter.process(): it prints every failure's stack with console.error and answers with
      // the error's message; here a rejected request gets a short JSON answer and one log line.
      const invoke = await (bot.adapter as unknown as AdapterProcessing).processActivity(req.headers.authorization ?? '', activity, (ctx) => {
        authenticated = true;
        // An unauthenticated request's Host header never decides where signed links point.
        if (!localMode) deps.links.learnBaseUrl(seenAt);
        return bot.app.run(ctx).then(() => undefined);
      });
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.send(invoke.body);
      res.end();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (res.headersSent) return;
      if (!authenticated && isUnreachable(err)) {
        log.error({ err: message.slice(0, 200) }, 'could not check the token: the identity endpoints did not answer');
        res.status(503).json({ error: 'unavailable', message: 'The token could not be checked right now.' });
        return;
      }
      if (!authenticated) {
        log.warn({ address: req.socket.remoteAddress, err: message.slice(0, 200) }, 'activity rejected: not authenticated');
        res.status(401).json({ error: 'unauthorized', message: 'The request is not authenticated.' });
        return;
      }
      log.error({ err: message }, 'activity processing failed');
      res.status(500).json({ error: 'internal', message: 'The activity could not be processed.' });
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
  // Uploads a previous run was receiving when it died: their uploaders hear it now.
  const stopSweep = startInterruptedUploadSweep(deps);
  log.info({ localMode: rt.config.bot.localMode, llm: Boolean(rt.config.llm) }, 'Teams bot mounted at /api/messages');
  return async () => {
    stopSweep();
    await Promise.allSettled([notify.close(), events.close(), stopReminders()]);
    eventsConn.disconnect();
  };
}
