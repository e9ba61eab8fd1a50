/**
 * Answers in Teams carry Bot Framework citations, through the real endpoint and the channel
 * emulator: "[n]" markers in the text, one `https://schema.org/Message` entity whose claims match
 * the markers one to one, names ≤ 80 and abstracts ≤ 160 characters, and links that open the signed
 * document at the cited page (`#page=N`). Engine answers carry no AI label. The CLI's answers
 * (runtime `ask`) keep their plain "Källa:" line.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askMany } from '../../answers/index.js';
import type { MessageEntity } from '../../bot/logic/citations.js';
import { ask } from '../../runtime/operations.js';
import { startBotHarness, type BotHarness, type Conversation, type RecordedReply } from '../helpers/bot-harness.js';
import { FIXTURES_DIR, seedCorpus } from '../helpers/seed-corpus.js';
import { visibleLines } from '../helpers/teams-render.js';

const MINUTES = '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
const PLAN = '2015-11-13-mal-och-handlingsplan-2016-2018.pdf';

let h: BotHarness;
let team: Conversation;
let groupId = '';

beforeAll(async () => {
  h = await startBotHarness({ name: 'citations', env: { DOCUMENT_LINK_SECRET: 'citations-test' } });
  team = h.team('19:team-cite@thread.tacv2', 'Citat');
  h.emu.setRoster(team.teamId!, [{ id: 'sec', name: 'Sekreterare', aadObjectId: 'aad-sec' }]);
  await h.exchange(h.conversationUpdate({ conversation: team, from: h.user('sec'), membersAdded: [{ id: h.botId }] }));
  groupId = (await seedCorpus(h.job.runtime.db, 'Citat', [MINUTES, PLAN])).groupId;
  // seedCorpus stores facts only; the originals go to the blob store as an upload would.
  for (const f of [MINUTES, PLAN]) await h.job.runtime.blobs.put(new Uint8Array(fs.readFileSync(`${FIXTURES_DIR}/${f}`)));
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

async function answerTo(question: string): Promise<RecordedReply['activity']> {
  const replies = await h.exchange(h.message({ conversation: team, from: h.user('sec'), text: question, mentionBot: true }));
  const answer = replies.find((r) => typeof r.activity.text === 'string' && r.activity.text !== '');
  expect(answer, `an answer to "${question}"`).toBeDefined();
  return answer!.activity;
}

function messageEntityOf(a: RecordedReply['activity']): MessageEntity | undefined {
  return (a.entities as MessageEntity[] | undefined)?.find((e) => e.type === 'https://schema.org/Message');
}

describe('citations in Teams', () => {
  for (const [question, file] of [
    ['Vem var frånvarande?', MINUTES],
    ['Hur mycket kostar Hallandsbarometern 2016?', PLAN],
  ] as const) {
    it(`"${question}": numbered markers, one claim per marker, links to the cited page`, async () => {
      const engine = (await askMany(h.job.runtime.db, [groupId], [question], { id: 'sec' }))[0]!;
      expect(engine.found).toBe(true);
      const a = await answerTo(question);
      const text = a.text as string;
      const entity = messageEntityOf(a);
      expect(entity, 'a schema.org Message entity').toBeDefined();
      expect(entity!['@type']).toBe('Message');
      expect(entity!['@context']).toBe('https://schema.org');
      // The engine phrased it: no AI label.
      expect(entity!.additionalType).toBeUndefined();
      const claims = entity!.citation ?? [];
      expect(claims.length).toBeGreaterThan(0);
      const markers = new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
      expect(new Set(claims.map((c) => c.position))).toEqual(markers);
      // The numbered sources line is still readable text, on a line of its own.
      expect(visibleLines(text).at(-1)).toMatch(/^Källa: .+ \[1\]/);
      const cited = new Set(engine.citations.map((c) => `${c.page}`));
      for (const c of claims) {
        expect(c['@type']).toBe('Claim');
        expect(c.appearance['@type']).toBe('DigitalDocument');
        expect(c.appearance.name.length).toBeLessThanOrEqual(80);
        expect(c.appearance.abstract.length).toBeLessThanOrEqual(160);
        expect(c.appearance.abstract.length).toBeGreaterThan(0);
        const url = new URL(c.appearance.url!);
        const page = /^#page=(\d+)$/.exec(url.hash)?.[1];
        expect(page, 'the link opens the cited page').toBeDefined();
        expect(cited.has(page!)).toBe(true);
        expect(c.appearance.name).toMatch(new RegExp(`s\\. ${page}$`));
        // The link opens the stored original.
        const res = await fetch(url);
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(`${FIXTURES_DIR}/${file}`))).toBe(true);
      }
    });
  }

  it('the CLI keeps the plain answer with its "Källa:" line and no markers', async () => {
    const [cli] = await ask(h.job.runtime, { group: 'Citat', questions: ['Vem var frånvarande?'] });
    const engine = (await askMany(h.job.runtime.db, [groupId], ['Vem var frånvarande?'], { id: 'cli' }))[0]!;
    expect(cli!.answer).toBe(engine.answer);
    expect(cli!.answer).toMatch(/Källa: /);
    expect(cli!.answer).not.toMatch(/\[\d+\]/);
  });
});
