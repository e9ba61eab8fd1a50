/**
 * Issue 14 #8 (untrusted text): Markdown links in a document (its title, quoted decisions) and in
 * the model's answer must not reach Teams as clickable links or images. Through the real endpoint
 * with an OpenAI-compatible fake that answers with a disguised link: every message and card the
 * bot sends is rendered as Teams renders Markdown, and no link or image points anywhere but the
 * bot's own signed URLs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTeamsMarkdown } from '../../bot/logic/teams-text.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';
import { renderTeamsHtml } from '../helpers/teams-render.js';

const DOC = [
  '[Logga in för att läsa protokollet](https://evil.example/login) styrelsemöte 2026-03-02',
  '',
  'Närvarande: Lena Ek, Per Holm',
  '',
  '§ 1 Budget',
  'Beslut: budgeten fastställs till 120 000 kr, se [bilaga](https://evil.example/bilaga) ![x](https://evil.example/pixel.png)',
  '',
  '§ 2 Åtgärder',
  'Åtgärd: Lena Ek skickar [underlaget](javascript:alert(1)) till kansliet senast 2026-04-01.',
  '',
  '[ref]: https://evil.example/ref',
].join('\n');

let h: BotHarness;
let model: FakeOpenAi;
beforeAll(async () => {
  model = await startFakeOpenAi({
    fallback: {
      content: 'Budgeten fastställdes till 120 000 kr [1]. [Bekräfta din inloggning här](https://evil.example/phish) ![spårning](https://evil.example/t.gif)',
    },
  });
  h = await startBotHarness({ name: 'links', env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test-model' } });
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await model?.close();
});

/** Every link target and image source Teams would render in this text. */
function targets(markdown: string): string[] {
  const html = renderTeamsHtml(markdown);
  return [...html.matchAll(/<(?:a\b[^>]*\bhref|img\b[^>]*\bsrc)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** All text of an activity: its text and every string in its cards. */
function texts(a: { activity: { text?: string; attachments?: Array<{ content?: unknown }> } }): string[] {
  const out: string[] = a.activity.text ? [a.activity.text] : [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== 'url' && k !== 'type') walk(x);
    }
  };
  walk(a.activity.attachments?.map((x) => x.content));
  return out;
}

describe('links from documents and from the model', () => {
  it('a summary card and an answer show the text, never a link to the document’s or the model’s targets', { timeout: 120_000 }, async () => {
    const conv = h.personal('29:links');
    const user = h.user('29:links');
    await h.post(h.message({ conversation: conv, from: user, attachments: [h.fileAttachment('protokoll.txt', Buffer.from(DOC))] }));
    await h.emu.waitFor((a) => a.conversationId === conv.id && /^Klart/.test(a.activity.text ?? ''), 90_000);
    const asked = Date.now();
    await h.ask(conv, user, 'Vad beslutades om budgeten?');
    await h.emu.waitFor((a) => a.conversationId === conv.id && a.at >= asked && /Bekräfta din inloggning/.test(a.activity.text ?? ''), 30_000);
    const sent = h.emu.sent.filter((a) => a.conversationId === conv.id);
    const all = sent.flatMap(texts);
    // The words are still there: only the links are gone.
    expect(all.join('\n')).toMatch(/Logga in för att läsa protokollet/);
    expect(all.join('\n')).toMatch(/Bekräfta din inloggning här/);
    for (const t of all) {
      for (const target of targets(t)) expect(target, t).not.toMatch(/evil\.example|javascript:/);
    }
  });

  it('the card an Action.Execute button gets back (in the invoke response) shows the document’s words, not its links', async () => {
    const conv = h.personal('29:links');
    const execute = {
      ...h.message({ conversation: conv, from: h.user('29:links') }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      replyToId: 'help-card-1',
      value: { action: { type: 'Action.Execute', verb: 'cmd', data: { command: 'dokument' } }, trigger: 'manual' },
    };
    const res = await h.post(execute);
    expect(res.status).toBe(200);
    const card = (JSON.parse(res.body) as { value: unknown }).value;
    const all = texts({ activity: { attachments: [{ content: card }] } });
    // The document list names it by its title, which holds the link's words.
    expect(all.join('\n')).toMatch(/Logga in för att läsa protokollet/);
    for (const t of all) {
      for (const target of targets(t)) expect(target, t).not.toMatch(/evil\.example|javascript:/);
    }
  });

  it('keeps a link to the bot’s own signed URL and drops any other', () => {
    const own = `${h.baseUrl}/documents/00000000-0000-0000-0000-000000000000?exp=1&sig=x`;
    const isOwn = (url: string) => url === own;
    const out = toTeamsMarkdown(`Se [protokollet](${own}) eller [detta](https://evil.example/a).`, { isOwnLink: isOwn });
    expect(targets(out)).toEqual([own]);
    expect(toTeamsMarkdown(out, { isOwnLink: isOwn })).toBe(out);
  });
});
