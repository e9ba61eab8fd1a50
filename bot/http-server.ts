/**
 * The main job's HTTP server: Bot Framework messages, health and readiness, and the loopback API
 * that CLI commands use when this process owns the embedded database.
 */
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { AppError } from '../core/errors.js';
import { logger } from '../core/logger.js';
import { handleLocalApi, LOCAL_API_PATH, publishLocalApi } from '../runtime/local-api.js';
import type { Runtime } from '../runtime/runtime.js';
import { createFailureLimiter } from './failure-limiter.js';

export interface HttpServerOptions {
  runtime: Runtime;
  port: number;
  host: string;
  /** Failed (400/401/403) requests per address and minute before it gets 429. */
  failuresPerMinute: number;
  /** Express's `trust proxy` (which X-Forwarded-For hops give the client's address); false: none. */
  trustProxy?: string | false;
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
  // Behind a reverse proxy every request comes from the proxy: without this, one client's failures
  // would get everyone's requests answered 429.
  if (opts.trustProxy) app.set('trust proxy', opts.trustProxy);
  const limiter = createFailureLimiter(opts.failuresPerMinute);
  app.use((req, res, next) => {
    // Health checks always answer: an orchestrator must see the process even during a flood.
    if (req.path === '/healthz' || req.path === '/readyz') return next();
    const address = req.ip ?? req.socket.remoteAddress ?? '';
    const wait = limiter.blockedFor(address);
    if (wait > 0) {
      res.status(429).set('Retry-After', String(wait)).json({ error: 'too-many-requests', message: 'Too many failed requests; try again later.' });
      return;
    }
    res.on('finish', () => {
      if ((res.statusCode === 400 || res.statusCode === 401 || res.statusCode === 403) && limiter.record(address)) {
        log.warn({ address, perMinute: opts.failuresPerMinute }, 'too many failed requests from one address; answering 429 for the rest of the minute');
      }
    });
    next();
  });
  app.use(express.json({ limit: '1mb' }));
  // A body that is not JSON (or too large) gets a short JSON answer, never Express's HTML page with a stack.
  const badBody: ErrorRequestHandler = (err: { status?: number; type?: string }, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status === 413 ? 413 : 400;
    log.warn({ path: req.path, address: req.socket.remoteAddress, type: err.type ?? 'unknown' }, 'request body rejected');
    res.status(status).json({
      error: status === 413 ? 'too-large' : 'bad-request',
      message: status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.',
    });
  };
  app.use(badBody);
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
    s.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, opts.host, opts.port)));
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

/** A port in use or not ours to take is a setting to change, not a crash: say which and how. */
function listenError(err: NodeJS.ErrnoException, host: string, port: number): Error {
  if (err.code === 'EADDRINUSE')
    return new AppError('config-invalid', `Port ${port} on ${host} is already in use (another minutes-bot?). Stop that process or set PORT to a free port.`);
  if (err.code === 'EACCES') return new AppError('config-invalid', `Not allowed to listen on ${host}:${port}. Use a port above 1023 (PORT).`);
  if (err.code === 'EADDRNOTAVAIL') return new AppError('config-invalid', `HOST=${host} is not an address of this machine.`);
  return err;
}
