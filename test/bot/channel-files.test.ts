/**
 * Files posted in a team channel, through the real endpoint, the workers, the channel emulator and
 * a Graph emulator on loopback (token endpoint, channel message, files folder, shares, content):
 * - a PDF posted with a mention ends in the team's group, acknowledged, progressing and summarised
 *   in the channel like a personal upload; the download URL is fetched without the Graph token;
 * - with RSC the bot sees every channel message: a file alone is read, talk alone gets no answer;
 * - a forbidden or expired file, and one outside the channel's files, get a clear message and
 *   leave nothing behind; the bot goes on working;
 * - without Graph credentials the bot says to send the file in a personal chat.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, cardText, startBotHarness, type BotHarness, type Conversation } from '../helpers/bot-harness.js';
import { startGraphEmulator, type GraphEmulator } from '../helpers/graph-emulator.js';

const MINUTES = 'test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
const DECISION = 'test/fixtures/forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod.pdf';
const TEAM_GROUP = '7a1c0f7e-0000-4000-8000-00000000beef';

const fileTag = (itemId: string, text = '') => ({
  contentType: 'text/html',
  content: `<div><div>${text}</div><attachment id="${itemId}"></attachment></div>`,
});

describe('with Microsoft Graph credentials', () => {
  let h: BotHarness;
  let g: GraphEmulator;
  let team: Conversation;
  let groupId = '';
  const anna = () => h.user('anna', 'Anna Sekreterare');

  /** Posts a channel message that refers to `file` (as Teams does: an attachment tag, no bytes). */
  async function postFile(file: string, o: { mention?: boolean; name?: string; drive?: string; text?: string } = {}) {
    const name = o.name ?? file.split('/').pop()!;
    const activity = h.message({ conversation: team, from: anna(), text: o.text ?? 'Protokollet', mentionBot: o.mention ?? true });
    const { itemId } = g.postFile({
      team: TEAM_GROUP,
      channel: team.teamId!,
      messageId: activity.id as string,
      name,
      bytes: fs.readFileSync(file),
      drive: o.drive,
    });
    activity.attachments = [fileTag(itemId, o.text ?? 'Protokollet')];
    const before = h.emu.sent.length;
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    return { name, before };
  }

  const inChannel = (before: number) => h.emu.sent.slice(before).filter((a) => a.conversationId === team.id);

  beforeAll(async () => {
    g = await startGraphEmulator({ clientId: 'graph-app', clientSecret: 'graph-secret' });
    h = await startBotHarness({
      name: 'channelfiles',
      env: { GRAPH_CLIENT_ID: 'graph-app', GRAPH_CLIENT_SECRET: 'graph-secret', GRAPH_BASE_URL: g.graphBase, GRAPH_LOGIN_URL: g.url },
    });
    team = h.team('19:team-files@thread.tacv2', 'Barn och unga');
    h.emu.setRoster(team.teamId!, [{ id: 'anna', name: 'Anna Sekreterare', aadObjectId: 'aad-anna' }]);
    // Message activities carry the team's thread id; its Microsoft 365 group id comes from Teams.
    h.emu.setTeamDetails(team.teamId!, { name: 'Barn och unga', aadGroupId: TEAM_GROUP });
    await h.exchange(h.conversationUpdate({ conversation: team, from: anna(), membersAdded: [{ id: h.botId }] }));
    groupId = (await h.job.runtime.db.query<{ id: string }>('SELECT id FROM groups WHERE teams_team_id = $1', [team.teamId])).rows[0]!.id;
  }, 60_000);

  afterAll(async () => {
    await h?.stop();
    await g?.close();
  });

  it('a PDF posted in the channel ends in the team’s group with progress and a summary card', { timeout: 90_000 }, async () => {
    const { name, before } = await postFile(MINUTES);
    const summary = await h.emu.waitFor(
      (a) =>
        h.emu.sent.indexOf(a) >= before &&
        a.conversationId === team.id &&
        a.op !== 'update' &&
        cardOf(a) !== null &&
        cardText(cardOf(a)).includes('Närvarande'),
      60_000,
    );
    expect(cardText(cardOf(summary))).toMatch(/Frånvarande \(6\)/);
    // The acknowledgement was sent to the channel and updated in place to done.
    const ack = inChannel(before).find((a) => a.op !== 'update' && a.activity.text === `Tar emot ${name} …`);
    expect(ack, 'an acknowledgement').toBeDefined();
    expect(h.emu.sent.some((a) => a.op === 'update' && a.id === ack!.id && /^Läser /.test(a.activity.text ?? ''))).toBe(true);
    expect(h.emu.latestText(team.id, ack!.id)).toBe(`Klart: ${name} är inläst i Barn och unga.`);
    // Stored in the team's group, uploaded by the person who posted it.
    const doc = (
      await h.job.runtime.db.query<{ group_id: string; uploader_id: string; status: string }>(
        'SELECT group_id, uploader_id, status FROM documents WHERE file_name = $1',
        [name],
      )
    ).rows[0]!;
    expect(doc).toEqual({ group_id: groupId, uploader_id: 'anna', status: 'done' });
    // Graph was asked with its token; the pre-authenticated download URL without it.
    expect(g.requests.filter((r) => r.path.startsWith('/v1.0/')).every((r) => r.authorized)).toBe(true);
    expect(g.requests.filter((r) => r.path.startsWith('/download/')).map((r) => r.bearer)).toEqual([false]);
    // The team answers from it at once.
    expect(await h.ask(team, anna(), 'Vem var frånvarande?', { mentionBot: true })).toMatch(/Anna Torstensson/);
  });

  it('reads a file posted without a mention, and leaves talk that is not to the bot alone', { timeout: 90_000 }, async () => {
    const { name, before } = await postFile(DECISION, { mention: false, text: 'Här är beslutsunderlaget' });
    await h.emu.waitFor(
      (a) => h.emu.sent.indexOf(a) >= before && a.conversationId === team.id && a.activity.text === `Klart: ${name} är inläst i Barn och unga.`,
      60_000,
    );
    await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= before && a.conversationId === team.id && cardOf(a) !== null, 30_000);
    // A question not addressed to the bot: no answer, no typing, nothing (the turn still ends with 200).
    const chatter = h.message({ conversation: team, from: anna(), text: 'Vem var frånvarande på mötet?' });
    expect(await h.exchange(chatter)).toEqual([]);
    expect(h.emu.sent.filter((a) => a.replyToId === chatter.id)).toEqual([]);
  });

  for (const [status, what] of [
    [403, /Kunde inte hämta forbjuden\.pdf\. Jag får inte läsa den i teamets filer/],
    [404, /Kunde inte hämta utgangen\.pdf\. Jag hittar den inte längre/],
  ] as const) {
    it(`a file Graph answers ${status} for gets a clear message in the channel and leaves nothing behind`, async () => {
      const name = status === 403 ? 'forbjuden.pdf' : 'utgangen.pdf';
      g.fail(name, status);
      const { before } = await postFile(MINUTES, { name });
      const ack = await h.emu.waitFor(
        (a) => h.emu.sent.indexOf(a) >= before && a.conversationId === team.id && a.op !== 'update' && a.activity.text === `Tar emot ${name} …`,
      );
      await h.emu.waitFor((a) => a.op === 'update' && a.id === ack.id && what.test(a.activity.text ?? ''), 30_000);
      expect(what.test(h.emu.latestText(team.id, ack.id) ?? '')).toBe(true);
      expect((await h.job.runtime.db.query('SELECT 1 FROM documents WHERE file_name = $1', [name])).rows).toHaveLength(0);
      // The bot goes on working.
      expect(await h.ask(team, anna(), 'dokument', { mentionBot: true })).toMatch(/Dokument \(2\)/);
    });
  }

  it('refuses a file that is not in the channel’s files, without downloading it', async () => {
    const name = 'annat-team.pdf';
    const { before } = await postFile(MINUTES, { name, drive: 'drive-of-another-team' });
    const ack = await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= before && a.conversationId === team.id && a.activity.text === `Tar emot ${name} …`);
    await h.emu.waitFor((a) => a.op === 'update' && a.id === ack.id && /ligger inte bland den här kanalens filer/.test(a.activity.text ?? ''), 30_000);
    expect(g.requests.some((r) => r.path.includes('/content') && r.path.includes('drive-of-another-team'))).toBe(false);
    expect((await h.job.runtime.db.query('SELECT 1 FROM documents WHERE file_name = $1', [name])).rows).toHaveLength(0);
  });

  it('a file shared in a group chat is read from the sender’s OneDrive into the chat’s group; one from elsewhere is refused', { timeout: 90_000 }, async () => {
    const chat = h.groupChat('19:chat-files@thread.v2', 'Styrgruppen');
    h.emu.setRoster(chat.id, [{ id: 'anna', name: 'Anna Sekreterare', aadObjectId: 'aad-anna' }]);
    const hello = await h.exchange(h.conversationUpdate({ conversation: chat, from: anna(), membersAdded: [{ id: h.botId }] }));
    expect(hello[0]!.activity.text).toMatch(/Dela dokument här i chatten och nämn mig/);
    const share = async (name: string, drive?: string) => {
      const activity = h.message({ conversation: chat, from: anna(), text: 'Protokollet', mentionBot: true });
      const { itemId } = g.postChatFile({ chat: chat.id, messageId: activity.id as string, owner: 'aad-anna', name, bytes: fs.readFileSync(DECISION), drive });
      activity.attachments = [fileTag(itemId, 'Protokollet')];
      const before = h.emu.sent.length;
      expect((await h.post(activity)).status).toBe(200);
      return h.emu.waitFor(
        (a) => h.emu.sent.indexOf(a) >= before && a.conversationId === chat.id && a.op !== 'update' && a.activity.text === `Tar emot ${name} …`,
      );
    };
    const ack = await share('beslut-i-chatten.pdf');
    await h.emu.waitFor((a) => a.op === 'update' && a.id === ack.id && /^Klart: beslut-i-chatten\.pdf är inläst/.test(a.activity.text ?? ''), 60_000);
    const doc = (
      await h.job.runtime.db.query<{ kind: string; conversation_id: string }>(
        'SELECT g.kind, g.conversation_id FROM documents d JOIN groups g ON g.id = d.group_id WHERE d.file_name = $1',
        ['beslut-i-chatten.pdf'],
      )
    ).rows;
    expect(doc).toEqual([{ kind: 'groupChat', conversation_id: chat.id }]);
    expect(g.requests.some((r) => r.path === '/v1.0/users/aad-anna/drive')).toBe(true);
    // Someone else's OneDrive (a pasted link): refused before any download.
    const other = await share('nagon-annans.pdf', 'onedrive-aad-bertil');
    await h.emu.waitFor((a) => a.op === 'update' && a.id === other.id && /ligger inte i din OneDrive/.test(a.activity.text ?? ''), 30_000);
    expect(g.requests.some((r) => r.path.includes('/content') && r.path.includes('onedrive-aad-bertil'))).toBe(false);
    expect((await h.job.runtime.db.query('SELECT 1 FROM documents WHERE file_name = $1', ['nagon-annans.pdf'])).rows).toHaveLength(0);
  });
});

describe('without Microsoft Graph credentials', () => {
  let h: BotHarness;
  afterAll(async () => {
    await h?.stop();
  });

  it('says to send the file in a personal chat', async () => {
    h = await startBotHarness({ name: 'channelnograph' });
    const team = h.team('19:team-nograph@thread.tacv2', 'Utan Graph');
    h.emu.setRoster(team.teamId!, [{ id: 'bo', name: 'Bo', aadObjectId: 'aad-bo' }]);
    await h.exchange(h.conversationUpdate({ conversation: team, from: h.user('bo'), membersAdded: [{ id: h.botId }] }));
    const activity = h.message({ conversation: team, from: h.user('bo'), text: 'läs den här', mentionBot: true });
    activity.attachments = [fileTag('item-x', 'läs den här')];
    const replies = await h.exchange(activity);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.activity.text).toMatch(/^Skicka filen till mig i en personlig chatt, så läser jag in den\./);
    expect(replies[0]!.activity.text).toMatch(/Microsoft Graph/);
    // The welcome in a team without Graph says where documents go.
    const team2 = h.team('19:team-nograph-2@thread.tacv2', 'Utan Graph 2');
    h.emu.setRoster(team2.teamId!, [{ id: 'bo', name: 'Bo', aadObjectId: 'aad-bo' }]);
    const hello = await h.exchange(h.conversationUpdate({ conversation: team2, from: h.user('bo'), membersAdded: [{ id: h.botId }] }));
    expect(hello[0]!.activity.text).toMatch(/personlig chatt och väljer teamet som grupp/);
  }, 60_000);

  it('in a group chat, a file gets the way to bring it here (personal chat, then this chat as the group); the welcome says the same', async () => {
    const chat = h.groupChat('19:chat-nograph@thread.v2', 'Styrgruppen');
    h.emu.setRoster(chat.id, [{ id: 'bo', name: 'Bo', aadObjectId: 'aad-bo' }]);
    const hello = await h.exchange(h.conversationUpdate({ conversation: chat, from: h.user('bo'), membersAdded: [{ id: h.botId }] }));
    expect(hello[0]!.activity.text).toMatch(/^Hej!/);
    expect(hello[0]!.activity.text).toMatch(/väljer den här gruppchatten som grupp/);
    const file = h.message({ conversation: chat, from: h.user('bo'), attachments: [h.fileAttachment('protokoll.pdf', Buffer.from('%PDF-1.4'))] });
    const replies = await h.exchange(file);
    expect(replies[0]!.activity.text).toMatch(/gruppchatt.*personlig chatt.*välj den här gruppchatten som grupp/);
  }, 60_000);
});
