import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldLine, icsEscape, loadExport, toCsv, toIcs } from '../../reminders/export.js';
import type { Db } from '../../store/db.js';
import { listOpenItems } from '../../store/reminders.js';
import { closeTestDb, morning, openTestDb, seedMinutes } from './helpers.js';
import { parseCsv } from '../helpers/csv.js';

describe('export of open action items', () => {
  let db: Db;
  let groupId: string;
  const nasty = 'Ring "Kalle", Anna; och\nskriv rad två\\slut – ÅÄÖ åäö é';
  beforeAll(async () => {
    db = await openTestDb('pglite');
    ({ groupId } = await seedMinutes(db, 'Barn, unga; "test"'));
    const first = (await listOpenItems(db, groupId))[0]!;
    await db.query(`UPDATE action_items SET task = $2, corrected_due = '2026-05-20' WHERE id = $1`, [first.id, nasty]);
  });
  afterAll(async () => {
    await closeTestDb(db);
  });

  it('CSV for Swedish Excel (; and a BOM, ISO dates) and for tools (csv-comma) parse back, quotes, separators and newlines intact', async () => {
    const data = await loadExport(db, groupId, morning('2026-04-20'));
    const excel = toCsv(data);
    expect(excel.startsWith('\uFEFFid;uppgift;ansvariga;')).toBe(true);
    const comma = toCsv(data, 'comma');
    expect(comma.startsWith('id,uppgift,ansvariga,')).toBe(true);
    expect(parseCsv(excel.slice(1), ';')).toEqual(parseCsv(comma).map((r) => r.map((f, i) => (i === 2 ? f.replace(/; /g, ', ') : f))));
    for (const r of parseCsv(excel.slice(1), ';').slice(1)) for (const i of [3, 6]) expect(r[i]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
    const rows = parseCsv(excel.slice(1), ';');
    expect(rows[0]).toEqual([
      'id',
      'uppgift',
      'ansvariga',
      'klart_senast',
      'tidsangivelse',
      'försenad',
      'uppskjuten_till',
      'dokument',
      'sida',
      'avsnitt',
      'citat',
    ]);
    expect(rows.length - 1).toBe((await listOpenItems(db, groupId)).length);
    const row = rows.find((r) => r[1] === nasty);
    expect(row?.[3]).toBe('2026-05-20');
    for (const r of rows) expect(r).toHaveLength(11);
    // Items due 2026-04-17 are overdue on the 20th.
    expect(rows.filter((r) => r[3] === '2026-04-17').every((r) => r[5] === 'ja')).toBe(true);
  });

  it('ICS validates: node-ical reads one event per dated item plus the next meeting, text unescaped', async () => {
    const data = await loadExport(db, groupId, morning('2026-04-20'));
    const text = toIcs(data, { now: morning('2026-04-20') });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    const dated = data.items.filter((i) => i.due);
    expect(dated.length).toBeGreaterThan(1);
    expect(events).toHaveLength(dated.length + 1);
    const uids = events.map((e) => e.uid);
    for (const i of dated) expect(uids).toContain(`action-item-${i.id}@minutes-bot`);
    const ev = events.find((e) => String(e.summary).startsWith('Ring'))!;
    expect(String(ev.summary)).toContain(nasty);
    expect((ev.start as ical.DateWithTimeZone & { dateOnly?: boolean }).dateOnly).toBe(true);
    const meeting = events.find((e) => e.uid?.startsWith('next-meeting-'))!;
    expect(String(meeting.summary)).toBe('Möte: Barn, unga; "test"');
    expect(new Date(meeting.start).toISOString().slice(0, 10)).toBe('2026-04-17');
    // Stable: a second export has the same UIDs.
    const again = Object.values(ical.sync.parseICS(toIcs(await loadExport(db, groupId, morning('2026-04-21')), { now: morning('2026-04-21') })))
      .filter((c) => c?.type === 'VEVENT')
      .map((e) => (e as ical.VEvent).uid);
    expect(again.sort()).toEqual(uids.sort());
  });

  it('escapes and folds per RFC 5545 without splitting characters', () => {
    expect(icsEscape('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'å'.repeat(100)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(long);
  });
});
