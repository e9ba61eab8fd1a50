import type { Command } from 'commander';
import type { StatusRow } from '../../runtime/operations.js';
import type { CliContext } from '../context.js';

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('list documents and their state')
    .option('--group <name>', 'only this group')
    .option('--json', 'print JSON')
    .action(async (opts: { group?: string; json?: boolean }) => {
      const { openStoreAccess } = await import('../store-access.js');
      const access = await openStoreAccess(ctx.config);
      try {
        const rows = await access.call('documentStatus', { group: opts.group });
        process.stdout.write(opts.json ? `${JSON.stringify(rows, null, 2)}\n` : formatStatus(rows));
      } finally {
        await access.close();
      }
    });
}

export function formatStatus(rows: StatusRow[]): string {
  if (rows.length === 0) return 'No documents yet. Add some with: npm run -s minutes -- ingest --wait FILE.pdf\n';
  const lines = rows.map((r) => {
    const what = r.status === 'done' ? `${r.pages} pages, ${r.kind ?? '?'}${r.date ? `, ${r.date}` : ''}` : r.status === 'failed' ? `${r.error}` : '';
    return [r.group, r.status.toUpperCase(), r.fileName, what];
  });
  // Columns as wide as their longest cell: group and file names are often long, and a cap misaligned
  // every row after the first long one.
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i]!.length)));
  return `${lines
    .map((l) =>
      l
        .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
