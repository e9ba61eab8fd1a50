/**
 * Issue 14 #1 through the real HTTP endpoint: reminder card actions (Action.Execute invokes and
 * Action.Submit messages) carrying another group's action-item id or reminder key are refused
 * without revealing anything of that item or reminder, whoever presses them: a member of another
 * team, from that team's channel or from personal chat, and a stranger whose display name equals
 * the item's owner. The owner, found by Teams identity, still can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_VERBS } from '../../reminders/cards.js';
import { claimSend, getItem, listOpenItems, type ReminderItemRow } from '../../store/reminders.js';
import { cardOf, cardText, startBotHarness, type Account, type BotHarness, type Conversation } from '../helpers/bot-harness.js';
import { seedMinutes } from '../reminders/helpers.js';

let h: BotHarness;
let groupName: string;
let item: ReminderItemRow;
let key: string;
const teamB = () => h.team('19:team-b@thread.tacv2', 'Äldre');
const bob = () => h.user('29:bob', 'Bob Berg');
// Display name equal to the item's owner in group A's minutes; not in group A's roster.
const mallory = () => h.user('29:mallory', 'Charlotte Bliesener Falkenström');
const charlotte = () => h.user('29:charlotte', 'Charlotte Bliesener Falkenström');

beforeAll(async () => {
  h = await startBotHarness({ name: 'cardaccess' });
  const db = h.job.runtime.db;
  let groupId: string;
  ({ groupId, groupName } = await seedMinutes(db, 'Uppdragsgrupp Barn och unga A'));
  item = (await listOpenItems(db, groupId)).find((i) => i.owners.includes('Charlotte Bliesener Falkenström'))!;
  expect(item).toBeTruthy();
  key = `owner-due-${groupId}-test`;
  await claimSend(db, { key, groupId, kind: 'owner-due', day: '2026-04-10', recipientId: '29:charlotte', recipientName: null, itemIds: [item.id] }, 'test');
  // Team B, with Bob in its roster, knows nothing of group A.
  h.emu.setRoster(teamB().teamId!, [{ id: '29:bob', name: 'Bob Berg', aadObjectId: 'aad-bob' }]);
  await h.exchange(h.conversationUpdate({ conversation: teamB(), from: bob(), membersAdded: [{ id: h.botId }] }));
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

const execute = (conversation: Conversation, from: Account, verb: string) => ({
  ...h.message({ conversation, from }),
  type: 'invoke',
  name: 'adaptiveCard/action',
  text: undefined,
  value: { action: { type: 'Action.Execute', verb, data: { verb, itemId: item.id, key } }, trigger: 'manual' },
});

/** Nothing of group A's item or reminder: not its task, owners, quote, document or group. */
function revealsNothing(text: string): void {
  expect(text).not.toContain(groupName);
  expect(text).not.toMatch(/Barn och unga/);
  expect(text).not.toContain(item.task.slice(0, 20));
  expect(text).not.toMatch(/Bliesener|Falkenström/);
  expect(text).not.toMatch(/Mötesanteckning|motesanteckning/i);
}

describe('card actions across groups', () => {
  for (const [who, where] of [
    ['a member of team B, in team B', () => [teamB(), bob()] as const],
    ['a member of team B, in personal chat', () => [h.personal('29:bob'), bob()] as const],
    ["someone with the owner's display name, in personal chat", () => [h.personal('29:mallory'), mallory()] as const],
  ] as const) {
    it(`Action.Execute with group A's item and key from ${who}: refused, nothing revealed, item unchanged`, async () => {
      const [conv, from] = where();
      for (const verb of Object.values(REMINDER_VERBS)) {
        const res = await h.post(execute(conv, from, verb));
        expect(res.status).toBe(200);
        revealsNothing(res.body);
        expect(res.body).toContain('finns inte');
      }
      const now = await getItem(h.job.runtime.db, item.id);
      expect(now?.status).toBe('open');
      expect(now?.snoozed_until).toBeNull();
      expect(now?.corrected_owners ?? null).toBeNull();
    });
  }

  it("Action.Submit with group A's item from a member of team B: the reply reveals nothing, item unchanged", async () => {
    const conv = h.personal('29:bob');
    const replies = await h.exchange(h.message({ conversation: conv, from: bob(), value: { verb: REMINDER_VERBS.done, itemId: item.id, key } }));
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) revealsNothing(`${r.activity.text ?? ''} ${cardText(cardOf(r) ?? {})}`);
    expect((await getItem(h.job.runtime.db, item.id))?.status).toBe('open');
  });

  it('the owner, by Teams identity, closes it from personal chat and sees the reminder', async () => {
    const res = await h.post(execute(h.personal('29:charlotte'), charlotte(), REMINDER_VERBS.done));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Klar');
    expect(res.body).toContain(groupName);
    expect((await getItem(h.job.runtime.db, item.id))?.status).toBe('done');
  });
});
