import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** `forget [--group NAME] FILE-NAME|TITLE|ID`: erase a document and all that was taken from it. */
export function registerForget(program: Command, ctx: CliContext): void {
  program
    .command('forget')
    .description('remove a document and everything derived from it (pages, passages, facts, reminders, queue jobs, the original)')
    .option('--group <name>', 'look only in this group (default: every group)')
    .option('--json', 'print JSON')
    .argument('<document...>', 'file name, title or document id')
    .action(async (words: string[], opts: { group?: string; json?: boolean }) => {
      const { openStoreAccess } = await import('../store-access.js');
      const access = await openStoreAccess(ctx.config);
      try {
        const out = await access.call('forgetDocuments', { group: opts.group, document: words.join(' ') });
        if (opts.json) process.stdout.write(`${JSON.stringify(out)}\n`);
        process.stderr.write(
          `forgot  ${out.fileName} (group ${out.group}) and everything taken from it${out.blobRemoved ? '' : '; the original stays, another document shares it'}\n`,
        );
      } finally {
        await access.close();
      }
    });
}
