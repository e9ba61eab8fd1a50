/**
 * The main job's HTTP server: Bot Framework messages, health and readiness, and the loopback API
 * that CLI commands use when this process owns the embedded database.
 */
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import { logger } from '../core/logger.js';
import { handleLocalApi, LOCAL_API_PATH, publishLocalApi } from '../runtime/local-api.js';
import type { Runtime } from '../runtime/runtime.js';

export interface HttpServerOptions {
  runtime: Runtime;
  port: number;
  host: string;
}

export interface RunningServer {
  server: Server;
  app: Express;
  port: number;
  close(): Promise<void>;
}

const log = logger('http');

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const { runtime } = opts;
  const app = express();
  app.disable('x-powered-by');
  // Nothing served here is a web page: no script, no framing, no sniffing, and signed links never
  // leak through a Referer. Routes that serve files (documents) set their own narrower policy.
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use(express.json({ limit: '1mb' }));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await readiness(runtime);
    res.status(checks.ok ? 200 : 503).json(checks);
  });
  let token = '';
  app.post(LOCAL_API_PATH, async (req, res) => {
    const r = await handleLocalApi(runtime, token, { remoteAddress: req.socket.remoteAddress, authorization: req.headers.authorization, body: req.body });
    res.status(r.status).json(r.body);
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, opts.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  token = publishLocalApi(runtime, port);
  log.info({ port }, 'listening');
  return {
    server,
    app,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readiness(rt: Runtime): Promise<{ ok: boolean; database: boolean; redis: boolean }> {
  const [database, redis] = await Promise.all([
    rt.db.query('SELECT 1').then(
      () => true,
      () => false,
    ),
    rt.queues.connection.ping().then(
      (r) => r === 'PONG',
      () => false,
    ),
  ]);
  return { ok: database && redis, database, redis };
}
