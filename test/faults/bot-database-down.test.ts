/**
 * The bot while Postgres is unreachable (a proxy in front of it is cut): a question gets a
 * "try again in a moment" reply instead of a crash or silence, readiness says the database is
 * down, and once it is back the same process answers normally.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../store/db.js';
import { ensureTeamsGroup } from '../../store/conversations.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { createTestDatabase } from '../helpers/services.js';
import { tcpProxy, type CuttableProxy } from './services.js';

const TRY_AGAIN = /försök igen om en stund|try again in a moment/i;

describe('the bot while the database is down', () => {
  let h: BotHarness | undefined;
  let proxy: CuttableProxy | undefined;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  afterAll(async () => {
    proxy?.restore();
    await h?.stop();
    await proxy?.close();
    await database?.drop();
  });

  it('answers "try again in a moment" and recovers without a restart', async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await tcpProxy(direct.hostname, Number(direct.port || 5432));
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    h = await startBotHarness({ name: 'dbdown', env: { DATABASE_URL: viaProxy.toString() } });
    const conv = h.team('team-dbdown', 'Uppdragsgruppen');
    const user = h.user('member-1', 'Medlem Ett');
    // The team's group holds the minutes, so the answer before and after needs the database.
    const seedDb = await openDb({ databaseUrl: database.url, dataDir: '' });
    const group = await ensureTeamsGroup(seedDb, {
      kind: 'team',
      teamId: 'team-dbdown',
      conversationId: 'team-dbdown',
      name: 'Uppdragsgruppen',
      tenantId: 'tenant-1',
    });
    await seedCorpus(seedDb, group.name, ['2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf']);
    await seedDb.close();

    const before = await h.ask(conv, user, 'Vem är ordförande?', { mentionBot: true });
    expect(before).not.toMatch(TRY_AGAIN);
    expect(before).toContain('Simon Elfgrén');

    proxy.cut();
    const during = await h.exchange(h.message({ conversation: conv, from: user, text: 'Vem är ordförande?', mentionBot: true }));
    const texts = during.map((r) => r.activity.text ?? '').filter(Boolean);
    expect(
      texts.some((t) => TRY_AGAIN.test(t)),
      texts.join(' | '),
    ).toBe(true);
    const ready = await fetch(`${h.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ database: false });

    proxy.restore();
    const after = await h.ask(conv, user, 'Vem är ordförande?', { mentionBot: true });
    expect(after).not.toMatch(TRY_AGAIN);
    expect(after).toBe(before);
    expect((await fetch(`${h.baseUrl}/readyz`)).status).toBe(200);
  }, 90_000);
});
