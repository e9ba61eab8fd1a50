/**
 * What Teams shows of the bot's text. The bot's messages go through the real endpoint to the
 * channel emulator; their text is then rendered the way Teams and the Agents Playground render a
 * message (CommonMark with inline HTML, test/helpers/teams-render.ts): a bulleted answer keeps one
 * line per item with its sources line on its own, and a placeholder in angle brackets stays visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTeamsMarkdown } from '../../bot/logic/teams-text.js';
import { listOpenItems } from '../../store/reminders.js';
import { cardOf, cardText, startBotHarness, type BotHarness, type Conversation } from '../helpers/bot-harness.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { visibleLines } from '../helpers/teams-render.js';
import { MINUTES_PDF } from '../reminders/helpers.js';

let h: BotHarness;
let team: Conversation;
let groupId = '';

beforeAll(async () => {
  h = await startBotHarness({ name: 'teamstext' });
  team = h.team('19:team-text@thread.tacv2', 'Barn och unga');
  h.emu.setRoster(team.teamId!, [{ id: 'sec', name: 'Sekreterare', aadObjectId: 'aad-sec' }]);
  await h.exchange(h.conversationUpdate({ conversation: team, from: h.user('sec'), membersAdded: [{ id: h.botId }] }));
  groupId = (await seedCorpus(h.job.runtime.db, 'Barn och unga', [MINUTES_PDF])).groupId;
}, 90_000);

afterAll(async () => {
  await h?.stop();
});

describe('text as Teams shows it', () => {
  it('a bulleted answer shows one line per item, and its sources line on a line of its own', async () => {
    const open = await listOpenItems(h.job.runtime.db, groupId);
    expect(open.length).toBeGreaterThan(3);
    const text = await h.ask(team, h.user('sec'), 'Vilka åtgärder finns?', { mentionBot: true });
    const lines = visibleLines(text);
    // Heading with the count (and how many more past the list's cap), one line per listed item, then the source.
    const heading = /\((\d+)\)(?: \(och (\d+) till\))?:$/.exec(lines[0]!);
    expect(heading).not.toBeNull();
    const n = Number(heading![1]);
    const more = Number(heading![2] ?? 0);
    expect(n).toBe(open.length);
    expect(lines).toHaveLength(n - more + 2);
    expect(lines.at(-1)).toMatch(/^Källa: /);
    for (const line of lines.slice(1, -1)) expect(line).not.toMatch(/Källa:/);
  });

  it('keeps a placeholder in angle brackets visible ("glöm <filnamn eller titel>")', async () => {
    const text = await h.ask(team, h.user('sec'), 'glöm', { mentionBot: true });
    expect(visibleLines(text).join('\n')).toMatch(/glöm <filnamn eller titel>/);
  });

  it('keeps placeholders in angle brackets visible in cards: the help card, and the card Action.Execute returns', async () => {
    const [reply] = await h.exchange(h.message({ conversation: team, from: h.user('sec'), text: 'hjälp', mentionBot: true }));
    const execute = {
      ...h.message({ conversation: team, from: h.user('sec') }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      replyToId: 'help-card-1',
      value: { action: { type: 'Action.Execute', verb: 'cmd', data: { command: 'nästa möte' } }, trigger: 'manual' },
    };
    const res = await h.post(execute);
    expect(res.status).toBe(200);
    const returned = (JSON.parse(res.body) as { value: Record<string, unknown> }).value;
    for (const card of [cardOf(reply!)!, returned]) {
      // Card TextBlocks and facts are Markdown too: render each as the web clients do, and read it.
      const seen = cardStrings(card)
        .flatMap((t) => visibleLines(t))
        .join('\n')
        .replace(/\u2060/g, '');
      expect(seen).toContain('glöm <dokument>');
      expect(seen).toContain('ordförande <namn>');
    }
    expect(cardText(returned)).toContain('Svar: nästa möte');
  });

  it('turns plain lines into Markdown that shows the same lines, and leaves Markdown as it is', () => {
    const samples = [
      'Beslut:\n• första beslutet\n• andra beslutet\nKälla: Protokoll, s. 1.',
      'Sparat 1 rättelse.\nÅtgärder (2):\n- a — Anna\n- b — Bo\nKälla: X',
      'Rad ett\nRad två\n\nStycke två',
      '1. första\n2. andra\nSlut',
      'Värdet är <5 % och > 2 %; skriv <namn>.',
      '    indraget\n# inte en rubrik',
    ];
    for (const s of samples) {
      const wanted = s
        .split('\n')
        .map((l) => l.trim().replace(/^([-•]|\d+\.)\s+/, ''))
        .filter(Boolean);
      const once = toTeamsMarkdown(s);
      expect(visibleLines(once).map((l) => l.replace(/^\\/, ''))).toEqual(wanted);
      expect(toTeamsMarkdown(once)).toBe(once);
    }
  });
});

/** The raw text of a card's TextBlocks and facts (what its renderer turns into Markdown). */
function cardStrings(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      for (const f of (o.facts as Array<{ title: string; value: string }> | undefined) ?? []) out.push(f.title, f.value);
      for (const k of ['body', 'items', 'columns']) if (o[k]) walk(o[k]);
    }
  };
  walk(card);
  return out;
}
