/** With an app id configured, activities without a valid Bot Framework token get 401 and nothing runs. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ name: 'auth', env: { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' } });
});
afterAll(async () => {
  await h?.stop();
});

it('rejects an activity without an Authorization header with 401 and processes nothing', async () => {
  const res = await h.post(h.message({ conversation: h.personal('u1'), from: h.user('u1'), text: 'hjälp' }));
  expect(res.status).toBe(401);
  const res2 = await h.post(h.message({ conversation: h.personal('u1'), from: h.user('u1'), text: 'hjälp' }), { authorization: 'Bearer not.a.jwt' });
  expect(res2.status).toBe(401);
  await new Promise((r) => setTimeout(r, 300));
  expect(h.emu.sent).toHaveLength(0);
  const refs = await h.job.runtime.db.query('SELECT id FROM conversation_refs');
  expect(refs.rows).toHaveLength(0);
});

it('still serves health checks', async () => {
  expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
});
