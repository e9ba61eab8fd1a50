/**
 * The export, chair and help commands through the real HTTP endpoint and the channel emulator.
 * Team A has the 2026-03-02 minutes; team B has nothing of them; Nina is in both teams.
 * - export: the card's signed links download a CSV and an ICS that parse back (node-ical) with
 *   team A's open items; a tampered, expired or re-targeted link gets 403; team B's link never
 *   yields team A's data; in personal chat with two groups the bot asks which one.
 * - chair: a member may not, the secretary and the group's owner may; the plan follows.
 * - help: a card with Action.Execute (answered in the invoke response) and Action.Submit buttons.
 */
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentLinks } from '../../bot/document-links.js';
import { planReminders } from '../../reminders/plan.js';
import { listOpenItems } from '../../store/reminders.js';
import { cardOf, cardText, startBotHarness, type BotHarness, type Conversation, type RecordedReply } from '../helpers/bot-harness.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { MINUTES_PDF, morning, ROSTER } from '../reminders/helpers.js';
import { parseCsv } from '../helpers/csv.js';

const SECRET = 'export-test-secret';
let h: BotHarness;
let teamA: Conversation;
let teamB: Conversation;
let groupA = '';
let groupB = '';

const people = Object.fromEntries(ROSTER.map((m) => [m.userId, m])) as Record<string, { userId: string; aad: string; name: string }>;
const as = (id: string) => (people[id] ? { id, name: people[id]!.name, aadObjectId: people[id]!.aad } : h.user(id));

type Action = { type: string; title: string; url?: string; verb?: string; data?: Record<string, unknown> };
const actionsOf = (card: Record<string, unknown> | null) => (card?.actions as Action[] | undefined) ?? [];

async function say(conversation: Conversation, from: ReturnType<typeof as>, text: string): Promise<RecordedReply[]> {
  const replies = await h.exchange(h.message({ conversation, from, text, mentionBot: conversation.conversationType === 'channel' }));
  expect(replies.length, `a reply to "${text}"`).toBeGreaterThan(0);
  return replies;
}

async function exportLinks(conversation: Conversation, from: ReturnType<typeof as>, text: string): Promise<Record<string, string>> {
  const [reply] = await say(conversation, from, text);
  const card = cardOf(reply!);
  expect(card, 'an export card').not.toBeNull();
  return Object.fromEntries(actionsOf(card).map((a) => [/ICS/.test(a.title) ? 'ics' : 'csv', a.url!]));
}

beforeAll(async () => {
  h = await startBotHarness({ name: 'exportchair', env: { DOCUMENT_LINK_SECRET: SECRET } });
  teamA = h.team('19:team-a@thread.tacv2', 'Barn och unga');
  teamB = h.team('19:team-b@thread.tacv2', 'Äldre');
  h.emu.setRoster(teamA.teamId!, [
    ...ROSTER.map((m) => ({ id: m.userId, name: m.name, aadObjectId: m.aad })),
    { id: 'owner-a', name: 'owner-a', aadObjectId: 'aad-owner-a' },
  ]);
  h.emu.setRoster(teamB.teamId!, [
    { id: 'bob', name: 'bob', aadObjectId: 'aad-bob' },
    { id: '29:nina', name: 'Nina Brag', aadObjectId: 'aad-nina' },
  ]);
  for (const [team, by] of [
    [teamA, 'owner-a'],
    [teamB, 'bob'],
  ] as const) {
    await h.exchange(h.conversationUpdate({ conversation: team, from: h.user(by), membersAdded: [{ id: h.botId }] }));
  }
  const db = h.job.runtime.db;
  const ids = await db.query<{ id: string; name: string }>(`SELECT id, name FROM groups WHERE teams_team_id IS NOT NULL`);
  groupA = ids.rows.find((g) => g.name === 'Barn och unga')!.id;
  groupB = ids.rows.find((g) => g.name === 'Äldre')!.id;
  // The minutes go into team A's group (seedCorpus finds the group by its name).
  expect((await seedCorpus(db, 'Barn och unga', [MINUTES_PDF])).groupId).toBe(groupA);
}, 90_000);

afterAll(async () => {
  await h?.stop();
});

describe('export', () => {
  it('a team gets CSV and ICS links of its own open items; both download and parse back', async () => {
    const open = await listOpenItems(h.job.runtime.db, groupA);
    expect(open.length).toBeGreaterThan(3);
    const links = await exportLinks(teamA, as('29:nina'), 'exportera');
    expect(Object.keys(links).sort()).toEqual(['csv', 'ics']);
    expect(links.csv).toMatch(new RegExp(`/exports/${groupA}\\.csv\\?exp=\\d+&sig=`));

    const csv = await fetch(links.csv!);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    // Excel with Swedish settings: a UTF-8 BOM (fetch's text() would hide it) and ';'.
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'), ';');
    expect(rows[0]!.slice(0, 4)).toEqual(['id', 'uppgift', 'ansvariga', 'klart_senast']);
    expect(
      rows
        .slice(1)
        .map((r) => Number(r[0]))
        .sort((a, b) => a - b),
    ).toEqual(open.map((i) => i.id).sort((a, b) => a - b));
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(open.map((i) => i.task).sort());

    const ics = await fetch(links.ics!);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = Object.values(ical.sync.parseICS(await ics.text())).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    const dated = open.filter((i) => i.corrected_due ?? i.due);
    expect(
      events
        .filter((e) => e.uid.startsWith('action-item-'))
        .map((e) => e.uid)
        .sort(),
    ).toEqual(dated.map((i) => `action-item-${i.id}@minutes-bot`).sort());
    const meeting = events.find((e) => e.uid.startsWith('next-meeting-'));
    expect(meeting?.summary).toMatch(/Möte: Barn och unga/);
    expect(meeting?.start.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe('2026-04-17');
  });

  it('a tampered, expired or re-targeted link gets 403; another team’s link never opens this team’s data', async () => {
    const tasksA = (await listOpenItems(h.job.runtime.db, groupA)).map((i) => i.task);
    const linksB = await exportLinks(teamB, h.user('bob'), 'export csv');
    expect(Object.keys(linksB)).toEqual(['csv']);
    const own = await fetch(linksB.csv!);
    expect(own.status).toBe(200);
    const body = await own.text();
    for (const t of tasksA) expect(body).not.toContain(t);
    expect(parseCsv(body.replace(/^\uFEFF/, ''), ';')).toHaveLength(1); // the header: team B has no items

    const url = new URL(linksB.csv!);
    const variants: Record<string, string> = {
      'B’s signature on A’s group': linksB.csv!.replace(groupB, groupA),
      'another format': linksB.csv!.replace('.csv?', '.ics?'),
      'a changed signature': `${url.origin}${url.pathname}?exp=${url.searchParams.get('exp')}&sig=${url.searchParams.get('sig')!.slice(0, -2)}AA`,
      'a later expiry': `${url.origin}${url.pathname}?exp=${Number(url.searchParams.get('exp')) + 3600}&sig=${url.searchParams.get('sig')}`,
      'no signature': `${url.origin}${url.pathname}`,
    };
    for (const [what, link] of Object.entries(variants)) {
      const res = await fetch(link);
      expect(res.status, what).toBe(403);
      const text = await res.text();
      for (const t of tasksA) expect(text, what).not.toContain(t);
    }
    // Signed with the bot's secret but expired: 403. The same signer with a future expiry: 200.
    const path = `/exports/${groupA}.csv`;
    const expired = createDocumentLinks({ secret: SECRET, ttlHours: -1, publicBaseUrl: h.baseUrl }).urlForPath(path)!;
    expect((await fetch(expired.url)).status).toBe(403);
    const fresh = createDocumentLinks({ secret: SECRET, ttlHours: 1, publicBaseUrl: h.baseUrl }).urlForPath(path)!;
    expect((await fetch(fresh.url)).status).toBe(200);
    // A document link's signature is no export link's.
    const docStyle = createDocumentLinks({ secret: SECRET, ttlHours: 1, publicBaseUrl: h.baseUrl }).urlFor(groupA)!;
    const q = new URL(docStyle).search;
    expect((await fetch(`${h.baseUrl}${path}${q}`)).status).toBe(403);
  });

  it('in personal chat with two groups the bot asks which one; the answer is checked against what the user may see', async () => {
    const chat = h.personal('29:nina');
    const nina = as('29:nina');
    const [reply] = await say(chat, nina, 'exportera ics');
    const card = cardOf(reply!)!;
    expect(cardText(card)).toMatch(/Vilken grupps åtgärder\?/);
    const choices = (card.body as Array<{ type: string; choices?: Array<{ title: string; value: string }> }>).find(
      (b) => b.type === 'Input.ChoiceSet',
    )!.choices!;
    expect(choices.map((c) => c.title).sort()).toEqual(['Barn och unga', 'Äldre']);
    const data = actionsOf(card)[0]!.data!;
    const [picked] = await h.exchange(h.message({ conversation: chat, from: nina, value: { ...data, groupId: groupA } }));
    const links = actionsOf(cardOf(picked!));
    expect(links.map((a) => a.url)).toEqual([expect.stringContaining(`/exports/${groupA}.ics?`)]);
    expect((await fetch(links[0]!.url!)).status).toBe(200);
    // Bob (team B only) cannot pick team A, whatever the card data says.
    const [refused] = await h.exchange(h.message({ conversation: h.personal('bob'), from: h.user('bob'), value: { ...data, groupId: groupA } }));
    expect(cardOf(refused!)).toBeNull();
    expect(refused!.activity.text).toMatch(/Välj en av grupperna/);
    // With one group there is no question.
    const bobLinks = await exportLinks(h.personal('bob'), h.user('bob'), 'exportera');
    expect(bobLinks.csv).toContain(`/exports/${groupB}.csv?`);
  });
});

describe('chair', () => {
  const digestChair = async () =>
    (await planReminders(h.job.runtime.db, { now: morning('2026-04-14'), groupId: groupA })).find((p) => p.kind === 'chair-digest')?.recipient.userId;

  it('a member may not set the chair; the secretary and the group owner may; the next plan follows', async () => {
    expect(await digestChair()).toBe('29:simon'); // from the minutes
    const [shown] = await say(teamA, as('29:nina'), 'ordförande');
    expect(shown!.activity.text).toMatch(/Simon Elfgren.*senaste mötesanteckningarna/);

    const [denied] = await say(teamA, as('29:nina'), 'ordförande Nina Brag');
    expect(denied!.activity.text).toMatch(/Bara sekreteraren, ordföranden eller gruppens ägare/);
    expect(await digestChair()).toBe('29:simon');

    // Anna-Lena Hardtmann is the secretary of the minutes; the first name is unique in the roster.
    const [set] = await say(teamA, as('29:anna-lena'), 'ordförande nina');
    expect(set!.activity.text).toBe('Klart: Nina Brag är nu ordförande för påminnelserna i Barn och unga.');
    expect(await digestChair()).toBe('29:nina');

    const [ambiguous] = await say(teamA, as('29:anna-lena'), 'ordförande Maria');
    expect(ambiguous!.activity.text).toMatch(/Flera i gruppen passar "Maria"/);
    const [unknown] = await say(teamA, as('29:anna-lena'), 'chair Zlatan');
    expect(unknown!.activity.text).toMatch(/nobody called "Zlatan"/);

    // The installer owns the group without being in the minutes.
    const [byOwner] = await say(teamA, h.user('owner-a'), 'chair Charlotte Bliesener Falkenström');
    expect(byOwner!.activity.text).toBe('Done: Charlotte Bliesener Falkenström is now the chair for reminders in Barn och unga.');
    expect(await digestChair()).toBe('29:charlotte');
    // Team B's owner is nobody in team A.
    const [other] = await say(teamA, h.user('bob'), 'ordförande Nina Brag');
    expect(other!.activity.text).toMatch(/^Bara/);

    const [reset] = await say(teamA, as('29:charlotte'), 'ordförande från protokollet');
    expect(reset!.activity.text).toMatch(/Ordföranden tas från senaste mötesanteckningarna igen/);
    expect(await digestChair()).toBe('29:simon');
  });

  it('in personal chat it says where to write it', async () => {
    const [reply] = await say(h.personal('29:anna-lena'), as('29:anna-lena'), 'ordförande Nina');
    expect(reply!.activity.text).toMatch(/Skriv det i teamet eller gruppchatten/);
  });
});

describe('help card', () => {
  it('hjälp answers with a card listing every command, with Execute and Submit buttons', async () => {
    const [reply] = await say(h.personal('29:nina'), as('29:nina'), 'hjälp');
    const card = cardOf(reply!)!;
    for (const c of ['exportera [csv|ics]', 'ordförande <namn>', 'nästa möte', 'glöm <dokument>']) expect(cardText(card)).toContain(c);
    expect(card.fallbackText).toMatch(/- \*\*exportera \[csv\|ics\]\*\*/);
    const actions = actionsOf(card);
    expect(actions).toContainEqual({ type: 'Action.Execute', title: 'Nästa möte', verb: 'cmd', data: { command: 'nästa möte' } });
    expect(actions.some((a) => a.type === 'Action.Submit' && a.data?.verb === 'cmd')).toBe(true);
  });

  const execute = (conversation: Conversation, from: ReturnType<typeof as>, command: string) => ({
    ...h.message({ conversation, from }),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    replyToId: 'help-card-1',
    value: { action: { type: 'Action.Execute', verb: 'cmd', data: { command } }, trigger: 'manual' },
  });

  it('Action.Execute runs the command and returns the help card with the answer, scoped to the conversation', async () => {
    const res = await h.post(execute(teamA, as('29:nina'), 'nästa möte'));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = cardText(body.value);
    expect(text).toContain('Svar: nästa möte');
    expect(text).toMatch(/2026-04-17|17 april/);
    // The buttons stay, so the card can be used again.
    expect(actionsOf(body.value).some((a) => a.type === 'Action.Execute')).toBe(true);
    // The same button in team B knows nothing of team A's meeting.
    const b = JSON.parse((await h.post(execute(teamB, h.user('bob'), 'nästa möte'))).body) as { value: Record<string, unknown> };
    expect(cardText(b.value)).toContain('Svar: nästa möte');
    expect(cardText(b.value)).not.toMatch(/2026-04-17|17 april/);
  });

  it('Action.Submit runs the command as an ordinary message', async () => {
    const open = await listOpenItems(h.job.runtime.db, groupA);
    const [reply] = await h.exchange(h.message({ conversation: teamA, from: as('29:nina'), value: { verb: 'cmd', command: 'åtgärder' } }));
    expect(reply!.activity.text).toMatch(new RegExp(`^Öppna åtgärder \\(${open.length}\\):`));
    const [exported] = await h.exchange(h.message({ conversation: teamA, from: as('29:nina'), value: { verb: 'cmd', command: 'exportera' } }));
    expect(actionsOf(cardOf(exported!)).map((a) => a.type)).toEqual(['Action.OpenUrl', 'Action.OpenUrl']);
  });
});
