/**
 * End to end through the real bot: a reminder goes out through the proactive sender to the
 * channel emulator's HTTP endpoint, and the card's "Klar" coming back as an Action.Execute
 * invoke to /api/messages closes the item and returns the updated card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../bot/app.js';
import { createProactiveSender } from '../../bot/proactive.js';
import { REMINDER_VERBS } from '../../reminders/cards.js';
import { getItem, getSend } from '../../store/reminders.js';
import { startReminderWorkers, openRemindersQueue, type RunningReminderWorkers } from '../../queue/reminders.js';
import { cardOf, cardText, startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { morning, seedMinutes } from './helpers.js';

interface ExecuteAction {
  type: string;
  title: string;
  verb: string;
  data: { verb: string; itemId: number; key: string };
}

function actionsOf(card: unknown): ExecuteAction[] {
  const out: ExecuteAction[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'Action.Execute') out.push(o as unknown as ExecuteAction);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('reminders end to end through the channel emulator', () => {
  let h: BotHarness;
  let workers: RunningReminderWorkers | undefined;
  beforeAll(async () => {
    h = await startBotHarness({ name: 'reminders' });
  });
  afterAll(async () => {
    await workers?.close();
    await h.stop();
  });

  it('the owner gets the card in personal chat and closes the item with Klar', async () => {
    const db = h.job.runtime.db;
    const charlotte = h.user('29:charlotte', 'Charlotte Bliesener Falkenström');
    const nina = h.user('29:nina', 'Nina Brag');
    const chat = h.personal('29:charlotte');
    // Her first message stores the personal conversation reference.
    expect((await h.post(h.message({ conversation: chat, from: charlotte, text: 'hjälp' }))).status).toBe(200);
    await h.emu.waitFor((a) => a.conversationId === chat.id);
    // The help answer is a card too: only what comes after it is the reminder.
    const afterHelp = h.emu.sent.length;
    const { groupId } = await seedMinutes(db);

    const now = morning('2026-04-17');
    const sender = createProactiveSender(createTeamsAdapter(h.config), h.config.bot.appId, db);
    workers = startReminderWorkers({
      db,
      redisUrl: h.config.redisUrl,
      prefix: `${h.config.queuePrefix}r`,
      sender,
      clock: () => now,
      settings: h.config.reminders,
    });
    const queue = openRemindersQueue(h.job.runtime.queues.connection, `${h.config.queuePrefix}r`);
    await queue.add('plan', { groupId }, { jobId: 'plan-e2e' });
    // Proactive posts arrive as a new message or, with the stored reference's activity id, as a reply.
    const sent = await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= afterHelp && a.conversationId === chat.id && a.op !== 'update' && cardOf(a) !== null);
    await queue.close();
    const card = cardOf(sent)!;
    expect(cardText(card)).toContain('mailar Elisabeth Johansson');
    expect(cardText(card)).toMatch(/Källa\n.*s\. 5/);
    const klar = actionsOf(card).find((a) => a.title === 'Klar')!;
    expect(klar.verb).toBe(REMINDER_VERBS.done);
    // The sent-log records the channel's id for the message once the POST has returned.
    for (let i = 0; i < 200 && (await getSend(db, klar.data.key))?.status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await getSend(db, klar.data.key))?.activity_id).toBe(sent.id);

    const invoke = (from: typeof charlotte, action: ExecuteAction) => ({
      ...h.message({ conversation: chat, from }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      replyToId: sent.id,
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
    });
    // Someone else may not close it.
    const denied = await h.post(invoke(nina, klar));
    expect(denied.status).toBe(200);
    expect(JSON.stringify(JSON.parse(denied.body))).toContain('Bara den ansvariga');
    expect((await getItem(db, klar.data.itemId))?.status).toBe('open');
    // The owner may.
    const res = await h.post(invoke(charlotte, klar));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Klar – markerad av Charlotte Bliesener Falkenström');
    expect(actionsOf(body.value)).toEqual([]);
    const item = await getItem(db, klar.data.itemId);
    expect(item?.status).toBe('done');
    expect(item?.done_by).toBe('29:charlotte');
  });
});
