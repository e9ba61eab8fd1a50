import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planReminders } from '../../reminders/plan.js';
import type { Db } from '../../store/db.js';
import { listOpenItems } from '../../store/reminders.js';
import { closeTestDb, morning, openTestDb, seedMinutes } from './helpers.js';

describe.each(['pglite', 'postgres'] as const)('planReminders (%s)', (kind) => {
  let db: Db;
  let groupId: string;
  beforeAll(async () => {
    db = await openTestDb(kind);
    ({ groupId } = await seedMinutes(db));
  });
  afterAll(async () => {
    await closeTestDb(db);
  });

  it('plans the chair digest three days before the next meeting (2026-04-17 → Tuesday 2026-04-14) with every open item', async () => {
    const open = await listOpenItems(db, groupId);
    expect(open.length).toBeGreaterThan(3);
    const plan = await planReminders(db, { now: morning('2026-04-14'), groupId });
    const digests = plan.filter((p) => p.kind === 'chair-digest');
    expect(digests).toHaveLength(1);
    const d = digests[0]!;
    expect(d.day).toBe('2026-04-14');
    expect(d.when).toBe('2026-04-14T08:00:00+02:00');
    expect(d.nextMeeting?.date).toBe('2026-04-17');
    expect(d.items.map((i) => i.id).sort()).toEqual(open.map((o) => o.id).sort());
    expect(d.byOwner!.flatMap((g) => g.items).length).toBe(open.length);
    for (const i of d.items) {
      expect(i.source.fileName).toMatch(/motesanteckning/);
      expect(i.source.page).toBeGreaterThan(0);
      expect(i.source.quote.length).toBeGreaterThan(3);
    }
    // The weekly overdue digest is not sent on top of a chair digest the same day.
    expect(plan.filter((p) => p.kind === 'weekly-overdue')).toEqual([]);
    // The day before and after: no digest.
    for (const day of ['2026-04-13', '2026-04-15']) {
      const other = await planReminders(db, { now: morning(day), groupId });
      expect(other.filter((p) => p.kind === 'chair-digest')).toEqual([]);
    }
  });

  it('sends the weekly overdue digest on Monday with only overdue items, and nothing on a weekend', async () => {
    const plan = await planReminders(db, { now: morning('2026-04-20'), groupId });
    const weekly = plan.filter((p) => p.kind === 'weekly-overdue');
    expect(weekly).toHaveLength(1);
    const open = await listOpenItems(db, groupId);
    const overdue = open.filter((o) => (o.corrected_due ?? o.due) !== null && (o.corrected_due ?? o.due)! < '2026-04-20');
    expect(weekly[0]!.items.map((i) => i.id).sort()).toEqual(overdue.map((o) => o.id).sort());
    expect(weekly[0]!.items.every((i) => i.overdue)).toBe(true);
    expect(await planReminders(db, { now: morning('2026-04-18'), groupId })).toEqual([]);
  });

  it('an item due on the digest day reaches the chair once that day (in the digest)', async () => {
    const open = await listOpenItems(db, groupId);
    const unit = open.find((o) => o.owners.includes('Närvårdskontoret'))!;
    const mine = open.find((o) => o.owners.join() === 'Maria Glemfelt')!;
    await db.query(`UPDATE action_items SET corrected_due = '2026-04-14' WHERE id = ANY($1::bigint[])`, [[unit.id, mine.id]]);
    try {
      const plan = await planReminders(db, { now: morning('2026-04-14'), groupId });
      const toChair = plan.filter((p) => p.recipient.userId === '29:simon').flatMap((p) => p.items.map((i) => i.id));
      expect(toChair.filter((id) => id === unit.id)).toHaveLength(1);
      // The owner still gets her own reminder.
      expect(plan.find((p) => p.kind === 'owner-due' && p.recipient.userId === '29:maria-g')?.items.map((i) => i.id)).toEqual([mine.id]);
    } finally {
      await db.query(`UPDATE action_items SET corrected_due = NULL WHERE id = ANY($1::bigint[])`, [[unit.id, mine.id]]);
    }
  });

  it('reminds owners on the morning an item falls due; units go to the chair', async () => {
    const plan = await planReminders(db, { now: morning('2026-04-17'), groupId });
    const due = plan.filter((p) => p.kind === 'owner-due');
    const open = await listOpenItems(db, groupId);
    const dueItems = open.filter((o) => (o.corrected_due ?? o.due) === '2026-04-17');
    expect(dueItems.length).toBeGreaterThan(0);
    // Every item due that day is in some reminder, and every reminded item is due that day.
    const remindedIds = new Set(due.flatMap((p) => p.items.map((i) => i.id)));
    expect([...remindedIds].sort()).toEqual(dueItems.map((o) => o.id).sort());
    for (const p of due) expect(p.key).not.toContain(':');
    // Charlotte's own item goes to her personal chat.
    const mine = dueItems.filter((o) => o.owners.some((n) => /Charlotte/.test(n)));
    if (mine.length) {
      const r = due.find((p) => p.recipient.userId === '29:charlotte');
      expect(r?.items.map((i) => i.id)).toEqual(expect.arrayContaining(mine.map((m) => m.id)));
    }
    // "alla" is a unit: the chair (Simon, flagged chair in the minutes) gets it.
    const unit = dueItems.filter((o) => o.owners.includes('alla'));
    if (unit.length) {
      const toChair = due.find((p) => p.recipient.userId === '29:simon');
      expect(toChair?.recipient.role).toBe('chair');
      expect(toChair?.items.map((i) => i.id)).toEqual(expect.arrayContaining(unit.map((m) => m.id)));
    }
    // Nothing that morning that is not due.
    const before = await planReminders(db, { now: morning('2026-04-16'), groupId });
    expect(before.filter((p) => p.kind === 'owner-due')).toEqual([]);
  });
});
