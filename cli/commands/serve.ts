import type { Command } from 'commander';
import type { MainJobOptions } from '../../runtime/main-job.js';
import type { CliContext } from '../context.js';

/** `start` (bot + workers), `serve` (HTTP/bot only), `worker` (workers only). */
export function registerServe(program: Command, ctx: CliContext): void {
  const run = async (opts: Pick<MainJobOptions, 'serve' | 'work'>) => {
    // Each role loads only its own modules: `worker` never loads the Teams SDK or the HTTP server.
    const { startMainJob, stopOnSignals } = await import('../../runtime/main-job.js');
    const mountBot = opts.serve ? (await import('../../bot/mount.js')).mountTeamsBot : undefined;
    const job = await startMainJob(ctx.config, { ...opts, mountBot });
    stopOnSignals(job);
    const where = job.http ? ` on http://localhost:${job.http.port}` : '';
    process.stderr.write(`minutes-bot ${opts.serve && opts.work ? 'bot and workers' : opts.serve ? 'bot' : 'workers'} running${where} (Ctrl-C stops)\n`);
    if (job.http) process.stderr.write(`${listenNotice(ctx.config)}\n`);
    ctx.exitCode = -1;
  };
  program
    .command('start')
    .description('run the bot (HTTP server) and the parsing workers in one process')
    .action(() => run({ serve: true, work: true }));
  program
    .command('serve')
    .description('run only the HTTP server (bot)')
    .action(() => run({ serve: true, work: false }));
  program
    .command('worker')
    .description('run only the parsing workers')
    .action(() => run({ serve: false, work: true }));
}

/** What start-up says about who can reach the bot: local mode has no authentication. */
export function listenNotice(config: CliContext['config']): string {
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(config.host);
  if (!config.bot.localMode) return `Listening on ${config.host}; Bot Framework authentication is on (MicrosoftAppId is set).`;
  if (loopback)
    return `Local mode (no MicrosoftAppId, no authentication): listening on ${config.host} only, so only this machine can reach it. HOST=0.0.0.0 opens it to the network.`;
  return `WARNING: local mode (no MicrosoftAppId, no authentication) while listening on ${config.host}: anyone who reaches this port can upload and ask. Set MicrosoftAppId, or leave HOST unset to listen on 127.0.0.1 only.`;
}
