import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { CliContext } from '../context.js';

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description("print a group's open action items as CSV or an iCalendar file")
    .option('--group <name>', 'the group', ctx.config.defaultGroup)
    .option('--format <format>', "csv (Excel with Swedish settings: ';' and a UTF-8 BOM), csv-comma (plain RFC 4180 for tools) or ics", 'csv')
    .option('--now <iso>', 'date-time that decides what is overdue (default: now)')
    .action(async (opts: { group: string; format: string; now?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'csv-comma' && opts.format !== 'ics')
        throw new AppError('bad-input', `Unknown format "${opts.format}": use csv, csv-comma or ics.`);
      const { openStoreAccess } = await import('../store-access.js');
      const access = await openStoreAccess(ctx.config);
      try {
        const out = await access.call('exportActionItems', { group: opts.group, format: opts.format, now: opts.now });
        process.stdout.write(out.content);
      } finally {
        await access.close();
      }
    });
}
