/**
 * Access: a team sees only its own documents; personal chat sees the groups whose rosters include
 * the user; nobody gets another group's facts, passages, counts or document names. Also the
 * group question for an uploader who is in two teams.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, cardText, startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

const MINUTES = 'test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
const PLAN = 'test/fixtures/2015-11-13-mal-och-handlingsplan-2016-2018.pdf';
const ABSENT = ['Anna Torstensson', 'Thomas Johansson', 'Morgan Gustafsson', 'Anna-Pia Wentzel', 'Sara Karlsson', 'Else Thordstein'];

let h: BotHarness;
const teamA = () => h.team('19:team-a@thread.tacv2', 'Barn och unga');
const teamB = () => h.team('19:team-b@thread.tacv2', 'Äldre');

beforeAll(async () => {
  h = await startBotHarness({ name: 'access' });
  const member = (id: string) => ({ id, name: id, aadObjectId: `aad-${id}` });
  h.emu.setRoster(teamA().teamId!, [member('sec-a'), member('alice'), member('carol')]);
  h.emu.setRoster(teamB().teamId!, [member('bob'), member('carol')]);
  // The bot is added to both teams: groups are created and rosters fetched.
  for (const [team, by] of [
    [teamA(), 'sec-a'],
    [teamB(), 'bob'],
  ] as const) {
    const replies = await h.exchange(h.conversationUpdate({ conversation: team, from: h.user(by), membersAdded: [{ id: h.botId }] }));
    expect(replies[0]?.activity.text).toMatch(/^Hej!/);
  }
  const conv = h.personal('sec-a');
  await h.post(h.message({ conversation: conv, from: h.user('sec-a'), attachments: [h.fileAttachment('motesanteckning.pdf', fs.readFileSync(MINUTES))] }));
  await h.emu.waitFor((a) => a.conversationId === conv.id && /^Klart/.test(a.activity.text ?? ''), 60_000);
}, 90_000);

afterAll(async () => {
  await h?.stop();
});

describe('group scoping', () => {
  it('the uploader in one team files into it without being asked; the team sees the answer', async () => {
    const text = await h.ask(teamA(), h.user('alice'), 'Vem var frånvarande?', { mentionBot: true });
    for (const n of ABSENT) expect(text).toContain(n);
    expect(text).toMatch(/Källa:/);
  });

  it('another team gets nothing of it: no names, no document names, no counts', async () => {
    for (const q of ['Vem var frånvarande?', 'Vilka var närvarande?', 'Vad handlade mötet 2026-03-02 om?', 'dokument', 'åtgärder', 'närvaro']) {
      const text = await h.ask(teamB(), h.user('bob'), q, { mentionBot: true });
      for (const n of ABSENT) expect(text).not.toContain(n);
      expect(text).not.toMatch(/Simon Elfgrén|Mötesanteckning|motesanteckning|Uppdragsgrupp/i);
    }
    expect(await h.ask(teamB(), h.user('bob'), 'dokument', { mentionBot: true })).toMatch(/Inga dokument/);
  });

  it('personal chat: a member of team A sees it, a member of only team B does not', async () => {
    const alice = await h.ask(h.personal('alice'), h.user('alice'), 'Vem var frånvarande?');
    for (const n of ABSENT) expect(alice).toContain(n);
    const bob = await h.ask(h.personal('bob'), h.user('bob'), 'Vem var frånvarande?');
    for (const n of ABSENT) expect(bob).not.toContain(n);
    expect(await h.ask(h.personal('bob'), h.user('bob'), 'dokument')).not.toMatch(/motesanteckning/);
  });

  it('a new group chat gets its own empty group on its first message', async () => {
    const chat = h.groupChat('19:chat-x@thread.v2', 'Planering');
    h.emu.setRoster(chat.id, [
      { id: 'alice', name: 'alice' },
      { id: 'bob', name: 'bob' },
    ]);
    const text = await h.ask(chat, h.user('alice'), 'Vem var frånvarande?');
    for (const n of ABSENT) expect(text).not.toContain(n);
    const groups = await h.job.runtime.db.query<{ name: string; kind: string }>(`SELECT name, kind FROM groups WHERE conversation_id = $1`, [chat.id]);
    expect(groups.rows).toEqual([{ name: 'Planering', kind: 'groupChat' }]);
  });

  it('an uploader in two teams is asked which group, and the answer becomes the default', { timeout: 90_000 }, async () => {
    const conv = h.personal('carol');
    const from = h.user('carol');
    const start = h.emu.sent.length;
    await h.post(h.message({ conversation: conv, from, attachments: [h.fileAttachment('plan.pdf', fs.readFileSync(PLAN))] }));
    const question = await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= start && a.conversationId === conv.id && cardOf(a) !== null);
    const card = cardOf(question)!;
    expect(cardText(card)).toMatch(/Vilken grupp hör plan\.pdf till\?/);
    const choices = (card.body as Array<{ type: string; choices?: Array<{ title: string; value: string }> }>).find(
      (b) => b.type === 'Input.ChoiceSet',
    )!.choices!;
    expect(choices.map((c) => c.title).sort()).toEqual(['Barn och unga', 'Äldre']);
    const pendingId = (card.actions as Array<{ data: { pendingId: string } }>)[0]!.data.pendingId;
    const b = choices.find((c) => c.title === 'Äldre')!.value;
    const [ack] = await h.exchange(h.message({ conversation: conv, from, value: { verb: 'chooseGroup', pendingId, groupId: b } }));
    expect(ack!.activity.text).toMatch(/Tar emot plan\.pdf … till Äldre/);
    await h.emu.waitFor((a) => a.conversationId === conv.id && /^Klart: plan\.pdf är inläst i Äldre/.test(a.activity.text ?? ''), 60_000);
    expect(await h.ask(teamB(), h.user('bob'), 'Hur mycket kostar Hallandsbarometern 2016?', { mentionBot: true })).toMatch(/375 000 kr/);
    expect(await h.ask(teamA(), h.user('alice'), 'Hur mycket kostar Hallandsbarometern 2016?', { mentionBot: true })).not.toMatch(/375 000/);
    // The next upload goes to the default without a question.
    const again = h.emu.sent.length;
    await h.post(h.message({ conversation: conv, from, attachments: [h.fileAttachment('min.pdf', fs.readFileSync(MINUTES))] }));
    await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= again && /^Klart: min\.pdf är inläst i Äldre/.test(a.activity.text ?? ''), 60_000);
    expect(h.emu.sent.slice(again).some((a) => cardOf(a) !== null && cardText(cardOf(a)).includes('Vilken grupp'))).toBe(false);
  });
});
