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
