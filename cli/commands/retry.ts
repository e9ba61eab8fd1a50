import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** `retry [--group NAME]`: parse every failed document again (its original was kept). */
export function registerRetry(program: Command, ctx: CliContext): void {
  program
    .command('retry')
    .description('queue every failed document again (originals are kept)')
    .option('--group <name>', 'only this group')
    .action(async (opts: { group?: string }) => {
      const { openStoreAccess } = await import('../store-access.js');
      const access = await openStoreAccess(ctx.config);
      try {
        const retried = await access.call('retryFailed', { group: opts.group });
        process.stderr.write(retried.length ? retried.map((r) => `queued  ${r.file}`).join('\n') + '\n' : 'No failed documents.\n');
      } finally {
        await access.close();
      }
    });
}
