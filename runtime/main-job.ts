/**
 * The main job: HTTP server (bot) and/or pipeline workers in one process, with graceful
 * shutdown on SIGINT/SIGTERM (active jobs finish, connections close).
 */
import type { Express } from 'express';
import type { Config } from '../core/config.js';
import { logger } from '../core/logger.js';
import type { RunningServer } from '../bot/http-server.js';
import type { RunningWorkers } from '../workers/run-workers.js';
import { reconcileDocuments } from '../queue/reconcile.js';
import { openRuntime, type Runtime } from './runtime.js';

export interface MainJobOptions {
  serve: boolean;
  work: boolean;
  /**
   * Wires the Teams bot into the HTTP server (listening on `port`); returns a function that stops
   * its own consumers.
   */
  mountBot?: (app: Express, rt: Runtime, server: { port: number }) => Promise<() => Promise<void>> | (() => Promise<void>);
}

export interface MainJob {
  runtime: Runtime;
  http?: RunningServer;
  workers?: RunningWorkers;
  stop(): Promise<void>;
}

const log = logger('main');

export async function startMainJob(config: Config, opts: MainJobOptions): Promise<MainJob> {
  // REDIS_AUTOSTART decides, as for every other command.
  const runtime = await openRuntime(config);
  // A role loads only what it runs: no HTTP stack in a worker, no BullMQ workers in a server.
  const workers = opts.work ? (await import('../workers/run-workers.js')).runWorkers({ config, db: runtime.db, queues: runtime.queues }) : undefined;
  const stopReconciler = opts.work ? startReconciler(runtime) : undefined;
  let stopBot: (() => Promise<void>) | undefined;
  let http: RunningServer | undefined;
  if (opts.serve) {
    try {
      const { startHttpServer } = await import('../bot/http-server.js');
      http = await startHttpServer({
        runtime,
        port: config.port,
        host: config.host,
        failuresPerMinute: config.failuresPerMinute,
        trustProxy: config.trustProxy,
      });
      // Routes added after listen() are served as well; the bot needs the runtime first.
      stopBot = await opts.mountBot?.(http.app, runtime, { port: http.port });
    } catch (err) {
      // E.g. the port is taken: undo what started (workers, a private Redis) before saying so.
      await http?.close();
      await workers?.close();
      await runtime.close();
      throw err;
    }
  }
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('shutting down');
      stopReconciler?.();
      await http?.close();
      await stopBot?.();
      await workers?.close();
      if (workers) log.info('workers closed');
      // Last: a private Redis goes after everything that talks to it.
      await runtime.close();
    })());
  return { runtime, http, workers, stop };
}

/**
 * Queues again documents whose jobs Redis lost (queue/reconcile.ts): once at start-up, then every
 * RECONCILE_INTERVAL_MS. Only where workers run: that process owns the pipeline.
 */
function startReconciler(rt: Runtime): () => void {
  const { config } = rt;
  const deps = { db: rt.db, blobs: rt.blobs, queues: rt.queues, parseLimits: config.parse };
  let running: Promise<unknown> | null = null;
  const run = () => {
    running ??= reconcileDocuments(deps, { graceMs: config.reconcile.graceMs })
      .catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'reconciling documents with their jobs failed'))
      .finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, config.reconcile.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Runs until SIGINT/SIGTERM, then stops gracefully. */
export function stopOnSignals(job: MainJob): void {
  const onSignal = (signal: string) => {
    log.info({ signal }, 'signal received');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    job.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
