/**
 * Daily use in Teams, through the real endpoint and the channel emulator:
 * - the export card of a personal collection names it as such, not by its internal key;
 * - a duplicate upload says who uploaded the original: "du" for the uploader (also when Teams
 *   sends no display name, as the Agents Playground does), the other member's name otherwise.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, cardText, startBotHarness, type Account, type BotHarness, type Conversation } from '../helpers/bot-harness.js';

const MINUTES = 'test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ name: 'dailyuse' });
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

/** A user as the Playground sends one: an id, no display name. */
const nameless = (id: string): Account => ({ id, name: undefined as unknown as string, aadObjectId: `aad-${id}` });

async function upload(conv: Conversation, from: Account, file = MINUTES): Promise<string> {
  const before = h.emu.sent.length;
  await h.post(h.message({ conversation: conv, from, attachments: [h.fileAttachment(file.split('/').pop()!, fs.readFileSync(file))] }));
  const done = await h.emu.waitFor(
    (a) => h.emu.sent.indexOf(a) >= before && a.conversationId === conv.id && /finns redan|^Läser|^Klart|^Kunde/.test(a.activity.text ?? ''),
    60_000,
  );
  return done.activity.text ?? '';
}

describe('a personal collection', () => {
  it('the export card calls it "din personliga samling", never by the user id', async () => {
    const user = nameless('user-id-0');
    const conv = h.personal(user.id);
    await upload(conv, user);
    const [reply] = await h.exchange(h.message({ conversation: conv, from: user, text: 'exportera' }));
    const card = cardOf(reply!);
    expect(card, 'an export card').not.toBeNull();
    const text = cardText(card);
    expect(text).toMatch(/din personliga samling/);
    expect(text).not.toMatch(/user-id-0|Personligt:/);
    // The downloaded file is named without the id too.
    const csv = (card!.actions as Array<{ url: string }>)[0]!.url;
    const res = await fetch(csv);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).not.toMatch(/user-id-0/);
  });
});

describe('a duplicate upload', () => {
  it('tells the uploader "du laddade upp det", even without a display name', async () => {
    const user = nameless('user-id-0');
    const text = await upload(h.personal(user.id), user);
    expect(text).toMatch(/finns redan/);
    expect(text).toMatch(/du laddade upp det den \d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/någon/);
  });

  it('names the other member who uploaded it first', async () => {
    const team = h.team('19:team-dup@thread.tacv2', 'Dubbletter');
    h.emu.setRoster(team.teamId!, [
      { id: 'anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' },
      { id: 'bo', name: 'Bo Berg', aadObjectId: 'aad-bo' },
    ]);
    await h.exchange(h.conversationUpdate({ conversation: team, from: h.user('anna'), membersAdded: [{ id: h.botId }] }));
    // Both are only in this team, so their uploads in personal chat go to the team's group.
    const plan = 'test/fixtures/forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod.pdf';
    expect(await upload(h.personal('anna'), h.user('anna', 'Anna Andersson'), plan)).not.toMatch(/finns redan/);
    const text = await upload(h.personal('bo'), h.user('bo', 'Bo Berg'), plan);
    expect(text).toMatch(/finns redan i Dubbletter/);
    expect(text).toMatch(/Anna Andersson laddade upp det den \d{4}-\d{2}-\d{2}/);
  });
});
