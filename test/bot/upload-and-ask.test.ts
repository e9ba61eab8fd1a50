/**
 * The real HTTP endpoint, a channel emulator, real workers: a secretary uploads minutes in
 * personal chat and gets an acknowledgement, progress and a summary card; members then ask.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, cardText, startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

const MINUTES = 'test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
const PLAN = 'test/fixtures/2015-11-13-mal-och-handlingsplan-2016-2018.pdf';
const golden = JSON.parse(fs.readFileSync('test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.facts.json', 'utf8')) as {
  attendees: Array<{ name: string; present: boolean }>;
  actionItems: unknown[];
};

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ name: 'upload' });
});
afterAll(async () => {
  await h?.stop();
});

async function upload(file: string, userId = 'secretary') {
  const conv = h.personal(userId);
  const from = h.user(userId, 'Sekreterare Svensson');
  const before = h.emu.sent.length;
  const res = await h.post(h.message({ conversation: conv, from, attachments: [h.fileAttachment(file.split('/').pop()!, fs.readFileSync(file))] }));
  // What the bot had sent when the HTTP turn ended.
  const duringTurn = h.emu.sent.slice(before);
  return { res, conv, from, before, duringTurn };
}

describe('upload in personal chat', () => {
  it('acknowledges at once, shows progress in the same message, then sends a summary card with everyone present and absent', { timeout: 90_000 }, async () => {
    const { res, conv, before, duringTurn } = await upload(MINUTES);
    expect(res.status).toBe(200);
    // The turn does not wait for the parse: when it ended, the acknowledgement was out and no summary yet.
    expect(duringTurn.some((a) => /^Tar emot/.test(a.activity.text ?? ''))).toBe(true);
    expect(duringTurn.some((a) => cardOf(a) !== null || /^Klart/.test(a.activity.text ?? ''))).toBe(false);
    const ack = h.emu.sent.slice(before).find((a) => a.conversationId === conv.id && a.op === 'reply')!;
    expect(ack.activity.text).toMatch(/^Tar emot 2026-03-02-motesanteckning.*\.pdf …/);
    // The summary card arrives proactively, after the turn ended.
    const summary = await h.emu.waitFor(
      (a) => a.conversationId === conv.id && a.op !== 'update' && cardOf(a) !== null && cardText(cardOf(a)).includes('Närvarande'),
      60_000,
    );
    const text = cardText(cardOf(summary));
    for (const a of golden.attendees) expect(text).toContain(a.name);
    const absent = golden.attendees.filter((a) => !a.present);
    expect(absent).toHaveLength(6);
    expect(text).toMatch(/Frånvarande \(6\)/);
    expect(text).toContain('2026-03-02');
    // Tasks read as sentences: capitalised, in the infinitive, never a bare verb or another item's fragment.
    const tasks = text
      .split('\n')
      .filter((l) => l.startsWith('- ') && l.includes(' — '))
      .map((l) => l.slice(2, l.indexOf(' — ')));
    expect(tasks).toHaveLength(Math.min(15, golden.actionItems.length));
    for (const t of tasks) expect(t, t).toMatch(/^\p{Lu}\p{Ll}+ \p{L}/u);
    expect(tasks).toEqual(expect.arrayContaining(['Göra en inbjudan', 'Bjuda in Mikael till ett möte för vidare dialog']));
    expect(tasks.some((t) => t.startsWith('Sammankalla en mindre arbetsgrupp'))).toBe(true);
    const actions = (cardOf(summary)!.actions as Array<{ title: string; url?: string; data?: { verb: string } }>).map((x) => x.title);
    expect(actions).toEqual(expect.arrayContaining(['Alla åtgärder', 'Fel i sammanfattningen?', 'Öppna dokumentet']));
    // The acknowledgement was updated in place: progress, then "Klart".
    const updates = h.emu.sent.filter((a) => a.op === 'update' && a.id === ack.id).map((a) => a.activity.text);
    expect(updates.some((t) => /Läser .*…/.test(t ?? ''))).toBe(true);
    expect(h.emu.latestText(conv.id, ack.id)).toMatch(/^Klart: .* är inläst/);
    // The link opens the stored original; a tampered one does not.
    const link = (cardOf(summary)!.actions as Array<{ title: string; url?: string }>).find((x) => x.title === 'Öppna dokumentet')!.url!;
    const file = await fetch(link);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(fs.readFileSync(MINUTES))).toBe(true);
    expect((await fetch(link.replace(/sig=./, 'sig=x'))).status).toBe(403);
    // The file URL was fetched with a plain GET, no Authorization header.
    expect(h.emu.requests.at(-1)?.authorization).toBeUndefined();
  });

  it('answers "Vem var frånvarande?" with the six absent names and a citation', async () => {
    const text = await h.ask(h.personal('secretary'), h.user('secretary'), 'Vem var frånvarande?');
    for (const a of golden.attendees.filter((x) => !x.present)) expect(text).toContain(a.name);
    for (const a of golden.attendees.filter((x) => x.present)) expect(text).not.toContain(a.name);
    expect(text).toMatch(/Källa: .*s\. \d/);
  });

  it('says who uploaded a duplicate and when', async () => {
    const { conv, before } = await upload(MINUTES);
    const msg = await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= before && a.conversationId === conv.id && /finns redan/.test(a.activity.text ?? ''));
    expect(msg.activity.text).toMatch(/du laddade upp det den \d{4}-\d{2}-\d{2}/);
  });

  it('"Alla åtgärder" lists the items, and a correction of an owner and due date wins in later lists', async () => {
    const conv = h.personal('secretary');
    const from = h.user('secretary', 'Sekreterare Svensson');
    const summary = h.emu.sent.find((a) => a.conversationId === conv.id && cardOf(a) !== null && cardText(cardOf(a)).includes('Närvarande'))!;
    const documentId = (cardOf(summary)!.actions as Array<{ data?: { documentId: string } }>).find((x) => x.data)!.data!.documentId;
    const [list] = await h.exchange(h.message({ conversation: conv, from, value: { verb: 'allActions', documentId } }));
    const listed = Number(/^Åtgärder \((\d+)\)/.exec(list!.activity.text ?? '')?.[1]);
    expect(listed).toBeGreaterThan(0);

    const [form] = await h.exchange(h.message({ conversation: conv, from, value: { verb: 'correctSummary', documentId } }));
    expect(cardOf(form!)).not.toBeNull();
    const inputs = (cardOf(form!)!.body as Array<{ type: string; id?: string; value?: string }>).filter((b) => b.id?.startsWith('owners_'));
    // One owner field per listed item: the minutes have action items, so there is something to correct.
    expect(inputs).toHaveLength(listed);
    const itemId = inputs[0]!.id!.slice('owners_'.length);
    const [saved] = await h.exchange(
      h.message({
        conversation: conv,
        from,
        value: { verb: 'saveCorrections', documentId, [`owners_${itemId}`]: 'Rättad Person', [`due_${itemId}`]: '2026-12-24' },
      }),
    );
    expect(saved!.activity.text).toMatch(/Sparat 1 rättelse/);
    expect(saved!.activity.text).toMatch(/Rättad Person, senast 2026-12-24 \(rättad\)/);
    expect(await h.ask(conv, from, 'åtgärder Rättad')).toMatch(/Öppna åtgärder för Rättad \(1\)/);
    // Someone else may not correct it.
    const [refused] = await h.exchange(
      h.message({ conversation: h.personal('intruder'), from: h.user('intruder'), value: { verb: 'saveCorrections', documentId, [`owners_${itemId}`]: 'X' } }),
    );
    expect(refused!.activity.text).toMatch(/Bara den som laddade upp/);
  });

  it('answers "Hur mycket kostar Hallandsbarometern 2016?" with 375 000 kr and its page after the plan is uploaded', { timeout: 120_000 }, async () => {
    const { conv } = await upload(PLAN);
    await h.emu.waitFor((a) => a.conversationId === conv.id && /^Klart: 2015-11-13/.test(a.activity.text ?? ''), 90_000);
    const text = await h.ask(conv, h.user('secretary'), 'Hur mycket kostar Hallandsbarometern 2016?');
    expect(text).toMatch(/375 000 kr/);
    expect(text).toMatch(/s\. \d+/);
  });

  it('lists documents, and "glöm" removes one with its facts (uploader only)', async () => {
    const conv = h.personal('secretary');
    const from = h.user('secretary');
    expect(await h.ask(conv, from, 'dokument')).toMatch(/Dokument \(2\)/);
    expect(await h.ask(h.personal('intruder'), h.user('intruder'), 'glöm 2015-11-13-mal-och-handlingsplan-2016-2018.pdf')).not.toMatch(/Borttaget/);
    expect(await h.ask(conv, from, 'glöm 2015-11-13-mal-och-handlingsplan-2016-2018.pdf')).toMatch(/^Borttaget/);
    const left = await h.job.runtime.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM budget_lines b JOIN documents d ON d.id = b.document_id WHERE d.file_name LIKE '2015-11-13%'`,
    );
    expect(left.rows[0]!.n).toBe(0);
    expect(await h.ask(conv, from, 'Hur mycket kostar Hallandsbarometern 2016?')).not.toMatch(/375 000/);
  });
});

describe('forget, then upload again', () => {
  it('"glöm" removes every row, job, reminder and the original; the same file then parses afresh and answers again', { timeout: 120_000 }, async () => {
    const conv = h.personal('secretary');
    const from = h.user('secretary');
    const db = h.job.runtime.db;
    const doc = (
      await db.query<{ id: string; sha256: string; group_id: string }>(`SELECT id, sha256, group_id FROM documents WHERE file_name LIKE '2026-03-02%'`)
    ).rows[0]!;
    // A reminder planned for one of its items, not sent yet.
    const item = (await db.query<{ id: string }>('SELECT id FROM action_items WHERE document_id = $1 LIMIT 1', [doc.id])).rows[0]!;
    await db.query(
      `INSERT INTO reminder_sends (key, group_id, kind, day, item_ids) VALUES ('reminder-test-forget', $1, 'owner-due', '2026-04-14', ARRAY[$2::bigint])`,
      [doc.group_id, item.id],
    );
    const blob = h.job.runtime.blobs.pathOf(doc.sha256);
    expect(fs.existsSync(blob)).toBe(true);

    expect(await h.ask(conv, from, 'glöm 2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf')).toMatch(/^Borttaget/);
    // Every column named document_id, in every table (also tables added later), is free of it.
    const cols = await db.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.columns WHERE column_name = 'document_id' AND table_schema = current_schema()`,
    );
    expect(cols.rows.length).toBeGreaterThan(5);
    for (const c of cols.rows) {
      const n = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${c.table_name}" WHERE document_id::text = $1`, [doc.id]);
      expect(n.rows[0]!.n, c.table_name).toBe(0);
    }
    expect((await db.query('SELECT 1 FROM reminder_sends WHERE key = $1', ['reminder-test-forget'])).rows).toHaveLength(0);
    expect(fs.existsSync(blob)).toBe(false);
    expect(await h.job.runtime.queues.ingest.getJob(`ingest-${doc.group_id}-${doc.sha256}`)).toBeUndefined();

    const { conv: again, before } = await upload(MINUTES);
    await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= before && a.conversationId === again.id && /^Klart: 2026-03-02/.test(a.activity.text ?? ''), 90_000);
    const fresh = (await db.query<{ id: string; status: string }>(`SELECT id, status FROM documents WHERE file_name LIKE '2026-03-02%'`)).rows[0]!;
    expect(fresh.id).not.toBe(doc.id);
    expect(fresh.status).toBe('done');
    expect(await h.ask(conv, from, 'Vem var frånvarande?')).toMatch(/Torstensson/);
  });
});
