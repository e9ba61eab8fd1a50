import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReminderAction } from '../../reminders/actions.js';
import { REMINDER_VERBS } from '../../reminders/cards.js';
import { planReminders } from '../../reminders/plan.js';
import type { Db } from '../../store/db.js';
import { claimSend, listOpenItems } from '../../store/reminders.js';
import { closeTestDb, morning, openTestDb, seedMinutes } from './helpers.js';

const charlotte = { userId: '29:charlotte', aadObjectId: 'aad-charlotte', name: 'Charlotte Bliesener Falkenström' };
const nina = { userId: '29:nina', aadObjectId: 'aad-nina', name: 'Nina Brag' };
const annaLena = { userId: '29:anna-lena', name: 'Anna-Lena Hardtmann' };
const mariaG = { userId: '29:maria-g', name: 'Maria Glemfelt' };

function cardTexts(card: Record<string, unknown>): string {
  return JSON.stringify(card);
}

describe.each(['pglite', 'postgres'] as const)('card actions change what the next plan contains (%s)', (kind) => {
  let db: Db;
  let groupId: string;
  beforeAll(async () => {
    db = await openTestDb(kind);
    ({ groupId } = await seedMinutes(db));
  });
  afterAll(async () => {
    await closeTestDb(db);
  });

  const digestIds = async (day: string) => {
    const plan = await planReminders(db, { now: morning(day), groupId });
    return plan.find((p) => p.kind === 'chair-digest')?.items.map((i) => i.id) ?? [];
  };

  it('Klar: only owner, chair or secretary; the item leaves the digest; the card shows it done', async () => {
    const items = await listOpenItems(db, groupId);
    const mine = items.find((i) => i.owners.length === 1 && i.owners[0] === 'Charlotte Bliesener Falkenström' && i.due)!;
    expect(mine).toBeTruthy();
    // A sent reminder whose card the button sits on.
    const plan = await planReminders(db, { now: morning(mine.due!), groupId });
    const reminder = plan.find((p) => p.kind === 'owner-due' && p.recipient.userId === '29:charlotte')!;
    expect(reminder.items.map((i) => i.id)).toContain(mine.id);
    await claimSend(
      db,
      {
        key: reminder.key,
        groupId,
        kind: reminder.kind,
        day: reminder.day,
        recipientId: '29:charlotte',
        recipientName: null,
        itemIds: reminder.items.map((i) => i.id),
      },
      'test',
    );

    const denied = await applyReminderAction(db, {
      verb: REMINDER_VERBS.done,
      itemId: mine.id,
      key: reminder.key,
      actor: nina,
      now: morning('2026-04-10'),
      groupIds: [groupId],
    });
    expect(denied.status).toBe('forbidden');
    expect(await digestIds('2026-04-14')).toContain(mine.id);

    const ok = await applyReminderAction(db, {
      verb: REMINDER_VERBS.done,
      itemId: mine.id,
      key: reminder.key,
      actor: charlotte,
      now: morning('2026-04-10'),
      groupIds: [groupId],
    });
    expect(ok.status).toBe('done');
    expect(cardTexts(ok.card)).toContain('Klar – markerad av Charlotte');
    expect(cardTexts(ok.card)).not.toContain(`"itemId":${mine.id}`); // no buttons for a done item
    expect(await digestIds('2026-04-14')).not.toContain(mine.id);
    const again = await applyReminderAction(db, {
      verb: REMINDER_VERBS.snooze,
      itemId: mine.id,
      key: reminder.key,
      actor: charlotte,
      now: morning('2026-04-10'),
      groupIds: [groupId],
    });
    expect(again.status).toBe('already-done');
  });

  it('Skjut upp en vecka: gone from plans until the snooze ends, then the owner hears again', async () => {
    const items = await listOpenItems(db, groupId);
    const glemfelt = items.find((i) => i.owners.includes('Maria Glemfelt'))!;
    const r = await applyReminderAction(db, {
      verb: REMINDER_VERBS.snooze,
      itemId: glemfelt.id,
      actor: mariaG,
      now: morning('2026-04-08'),
      groupIds: [groupId],
    });
    expect(r.status).toBe('snoozed');
    expect(r.message).toContain('2026-04-15');
    expect(await digestIds('2026-04-14')).not.toContain(glemfelt.id);
    const on15 = await planReminders(db, { now: morning('2026-04-15'), groupId });
    const back = on15.find((p) => p.kind === 'owner-due' && p.recipient.userId === '29:maria-g');
    expect(back?.items.map((i) => i.id)).toEqual([glemfelt.id]);
  });

  it('Inte min: reassigned to the chair (by a secretary), and the chair gets it when due', async () => {
    const items = await listOpenItems(db, groupId);
    const due = items.find((i) => i.due && i.owners.includes('alla'))!;
    // Turn a unit item into Charlotte's by correction, then she says it is not hers.
    await db.query(`UPDATE action_items SET corrected_owners = ARRAY['Charlotte Bliesener Falkenström'] WHERE id = $1`, [due.id]);
    let plan = await planReminders(db, { now: morning(due.due!), groupId });
    expect(plan.find((p) => p.kind === 'owner-due' && p.recipient.userId === '29:charlotte')?.items.map((i) => i.id)).toContain(due.id);
    const r = await applyReminderAction(db, { verb: REMINDER_VERBS.notMine, itemId: due.id, actor: annaLena, now: morning('2026-04-10'), groupIds: [groupId] });
    expect(r.status).toBe('reassigned');
    plan = await planReminders(db, { now: morning(due.due!), groupId });
    expect(plan.find((p) => p.recipient.userId === '29:charlotte')?.items.map((i) => i.id) ?? []).not.toContain(due.id);
    const chair = plan.find((p) => p.kind === 'owner-due' && p.recipient.role === 'chair');
    expect(chair?.recipient.userId).toBe('29:simon');
    expect(chair?.items.map((i) => i.id)).toContain(due.id);
    expect(chair?.items.find((i) => i.id === due.id)?.owners).toEqual(['Simon Elfgren']);
  });

  it('the chair set by command wins over the minutes', async () => {
    await db.query('UPDATE groups SET chair_user_id = $2 WHERE id = $1', [groupId, '29:charlotte']);
    const plan = await planReminders(db, { now: morning('2026-04-14'), groupId });
    expect(plan.find((p) => p.kind === 'chair-digest')?.recipient).toEqual({ role: 'chair', userId: '29:charlotte', name: 'Charlotte Bliesener Falkenström' });
    await db.query('UPDATE groups SET chair_user_id = NULL WHERE id = $1', [groupId]);
  });
});

describe('the chair command', () => {
  let db: Db;
  let groupId: string;
  beforeAll(async () => {
    db = await openTestDb('pglite');
    ({ groupId } = await seedMinutes(db));
  });
  afterAll(async () => {
    await closeTestDb(db);
  });

  it('a secretary can change the chair; a member cannot; the next digest goes to the new chair', async () => {
    const { setGroupChair } = await import('../../reminders/actions.js');
    expect((await setGroupChair(db, { groupId, chairUserId: '29:nina', actor: nina })).status).toBe('forbidden');
    expect((await setGroupChair(db, { groupId, chairUserId: '29:nobody', actor: annaLena })).status).toBe('not-member');
    expect((await setGroupChair(db, { groupId, chairUserId: '29:nina', actor: annaLena })).status).toBe('set');
    let digest = (await planReminders(db, { now: morning('2026-04-14'), groupId })).find((p) => p.kind === 'chair-digest');
    expect(digest?.recipient.userId).toBe('29:nina');
    // Back to the minutes.
    expect((await setGroupChair(db, { groupId, chairUserId: null, actor: annaLena })).status).toBe('set');
    digest = (await planReminders(db, { now: morning('2026-04-14'), groupId })).find((p) => p.kind === 'chair-digest');
    expect(digest?.recipient.userId).toBe('29:simon');
  });
});
