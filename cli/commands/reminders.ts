import type { Command } from 'commander';
import type { PlannedReminder } from '../../reminders/types.js';
import type { CliContext } from '../context.js';

export function registerReminders(program: Command, ctx: CliContext): void {
  const reminders = program.command('reminders').description('action-item reminders');
  reminders
    .command('plan')
    .description('print the reminders that would go out at a moment, without sending anything')
    .option('--now <iso>', 'ISO date-time, e.g. 2026-04-14T08:00:00+02:00 (default: now)')
    .option('--group <name>', 'only this group')
    .option('--json', 'print JSON')
    .action(async (opts: { now?: string; group?: string; json?: boolean }) => {
      const { openStoreAccess } = await import('../store-access.js');
      const access = await openStoreAccess(ctx.config);
      try {
        const plan = await access.call('remindersPlan', { now: opts.now, group: opts.group });
        process.stdout.write(opts.json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan));
      } finally {
        await access.close();
      }
    });
}

export function formatPlan(plan: PlannedReminder[]): string {
  if (plan.length === 0) return 'No reminders at that moment.\n';
  const lines: string[] = [];
  for (const r of plan) {
    const who = r.recipient.name ?? r.recipient.userId ?? '(group conversation)';
    lines.push(`${r.when}  ${r.kind}  → ${who}${r.recipient.role === 'chair' ? ' (chair)' : ''}  [${r.groupName}]`);
    for (const i of r.items)
      lines.push(`    - ${i.task.slice(0, 90)}${i.due ? `  (due ${i.due}${i.overdue ? ', overdue' : ''})` : ''}  — ${i.owners.join(', ')}`);
    for (const u of r.undelivered ?? []) lines.push(`    ! undelivered: ${u.recipientName ?? '?'} ${u.kind} ${u.day}: ${u.error ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
