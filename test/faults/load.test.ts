/**
 * Load through the bot's HTTP endpoint: 20 simulated members in two teams ask 200 questions at
 * once (10 at a time each) with 1 000 documents stored; every question is answered and no answer
 * names the other team's documents or people. The p95 goes to bench/results/ (recorded, not
 * asserted: timing on a shared CI machine says little).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTeamsGroup } from '../../store/conversations.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { corpusTemplates, generateDocuments } from '../helpers/generate-docs.js';

const QUESTIONS = [
  'Vilka var närvarande på senaste mötet?',
  'Vem är ordförande?',
  'När är nästa möte?',
  'Vilka beslut fattades?',
  'Vad ska göras innan nästa möte?',
  'Vem var frånvarande?',
  'Hur mycket pengar söks?',
  'Who is the secretary?',
  'What was decided about the budget?',
  'Vilka dokument finns?',
];
const RESULTS = path.resolve(import.meta.dirname, '..', '..', 'bench', 'results');

describe('200 questions from 20 members against 1 000 stored documents', () => {
  let h: BotHarness;
  const teams = [
    { id: 'team-norr', name: 'Samverkansgrupp Norr', marker: 'NORRHEMLIG' },
    { id: 'team-syd', name: 'Samverkansgrupp Syd', marker: 'SYDHEMLIG' },
  ];

  beforeAll(async () => {
    h = await startBotHarness({ name: 'load' });
    const db = h.job.runtime.db;
    const templates = await corpusTemplates();
    for (const [k, t] of teams.entries()) {
      const group = await ensureTeamsGroup(db, { kind: 'team', teamId: t.id, conversationId: t.id, name: t.name, tenantId: 'tenant-1' });
      // Each team's documents carry a word and titles no other team's do: any leak shows.
      await generateDocuments(db, group.id, templates, 500, k * 500, { marker: t.marker });
    }
  }, 600_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('answers every question, never from the other team, and records the p95', async () => {
    const users = Array.from({ length: 20 }, (_, i) => ({ user: h.user(`member-${i}`, `Medlem ${i}`), team: teams[i % 2]! }));
    const latencies: number[] = [];
    const replies: Array<{ team: string; text: string }> = [];
    const started = Date.now();
    await Promise.all(
      users.map(async ({ user, team }, u) => {
        for (let q = 0; q < 10; q++) {
          const question = QUESTIONS[(u + q) % QUESTIONS.length]!;
          const t = performance.now();
          const text = await h.ask(h.team(team.id, team.name), user, question, { mentionBot: true });
          latencies.push(performance.now() - t);
          replies.push({ team: team.id, text });
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(replies).toHaveLength(200);
    for (const r of replies) {
      expect(r.text.trim().length).toBeGreaterThan(0);
      expect(r.text).not.toMatch(/något gick fel|försök igen om en stund/i);
      const other = teams.find((t) => t.id !== r.team)!;
      expect(r.text).not.toContain(other.marker);
      expect(r.text.toLowerCase()).not.toContain(other.marker.toLowerCase());
    }
    // Most questions find something in 500 documents (the rest say so honestly).
    const own = replies.filter((r) => r.text.includes(teams.find((t) => t.id === r.team)!.marker));
    expect(own.length).toBeGreaterThan(50);

    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
    const result = {
      at: new Date().toISOString(),
      test: 'load: 200 questions, 20 concurrent members, 1000 documents (2 teams × 500), Postgres',
      p50Ms: pct(50),
      p95Ms: pct(95),
      maxMs: pct(100),
      seconds,
      questionsPerS: Math.round((200 / seconds) * 10) / 10,
      citingOwnTeam: own.length,
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, `load-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2) + '\n');
    console.info(`load: ${JSON.stringify(result)}`);
  }, 300_000);
});
