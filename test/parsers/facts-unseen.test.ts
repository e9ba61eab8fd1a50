/**
 * Minutes from organisations the extractor was not tuned on (test/fixtures/layouts/, README there):
 * kommunstyrelse/nämnd protokoll, styrgrupp/arbetsgrupp anteckningar, a förening's styrelseprotokoll,
 * English parish council, NHS board and project board minutes, plus one Word file (built here with
 * `docx`, with real Word tables) and one PDF (built here with a minimal writer: Helvetica text
 * positioned as a two-column "name  role" list). The expected facts were written from the
 * documents before the extractor was run on them, and are checked field by field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Attendee, ExtractResult } from '../../core/facts.js';
import { extractFacts } from '../../parsers/extract.js';
import { parseDocument } from '../../parsers/parse-document.js';
import { textToPages } from '../../parsers/text-pages.js';
import { miniPdf, type PdfText } from '../helpers/mini-pdf.js';

const load = (name: string): ExtractResult =>
  extractFacts(textToPages(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'layouts', name), 'utf8')), { format: 'txt' });
const limits = { maxBytes: 10 * 1024 * 1024, maxPages: 50 };

/** name → [present, flags sorted] for every attendee, in order. */
const roster = (r: ExtractResult): Array<[string, boolean, string]> => r.attendees.map((a) => [a.name, a.present, [...a.flags].sort().join(',')]);
const who = (r: ExtractResult, name: string): Attendee => {
  const a = r.attendees.find((x) => x.name === name);
  if (!a) throw new Error(`${name} is not among the attendees: ${r.attendees.map((x) => x.name).join(', ')}`);
  return a;
};
const items = (r: ExtractResult): Array<[string, string | null]> => r.actionItems.map((a) => [a.owners.join(' + '), a.due]);
const itemOf = (r: ExtractResult, word: string) => {
  const it = r.actionItems.find((a) => a.task.includes(word));
  if (!it) throw new Error(`no action item with "${word}": ${r.actionItems.map((a) => a.task).join(' | ')}`);
  return it;
};

describe('kommunstyrelse protokoll: label column with sub-labels, "Utses att justera", signature block, anslagsbevis', () => {
  const r = load('sv-kommunstyrelse-protokoll.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-04-21', organisation: 'Kommunstyrelsen', language: 'sv' });
  });
  it('attendees: ledamöter, tjänstgörande ersättare, övriga närvarande; no signatories or posting clerk', () => {
    expect(roster(r)).toEqual([
      ['Karin Öberg', true, 'chair'],
      ['Henrik Strand', true, ''],
      ['Åsa Lindqvist', true, 'adjuster'],
      ['Mikael Björk', true, ''],
      ['Elin Håkansson', true, 'substitute'],
      ['Bengt Nyström', false, ''],
      ['Jonas Wallin', true, ''],
      ['Sofia Ek', true, 'secretary'],
    ]);
  });
  it('roles and parties', () => {
    expect(who(r, 'Karin Öberg')).toMatchObject({ organisation: 'S' });
    expect(who(r, 'Henrik Strand')).toMatchObject({ role: '1:e vice ordförande', organisation: 'M' });
    expect(who(r, 'Mikael Björk')).toMatchObject({ organisation: 'SD', role: null });
    expect(who(r, 'Bengt Nyström')).toMatchObject({ organisation: 'S' });
    expect(who(r, 'Jonas Wallin')).toMatchObject({ role: 'kommundirektör', organisation: null });
    expect(who(r, 'Sofia Ek')).toMatchObject({ role: 'nämndsekreterare', organisation: null });
  });
  it('decisions: "Kommunstyrelsen beslutar" + att-line, inline "beslutar att", numbered beslut points', () => {
    expect(r.decisions.map((d) => d.text)).toEqual([
      'utse Åsa Lindqvist att jämte ordföranden justera dagens protokoll',
      'godkänna delårsrapporten för januari–mars 2026',
      'Medborgarförslaget bifalls',
      'Samhällsbyggnadsförvaltningen får i uppdrag att ta fram en kostnadsberäkning till sammanträdet den 2 juni',
    ]);
    expect(r.decisions[0]!.section).toContain('§ 45');
    expect(r.decisions[3]!.section).toContain('§ 47');
  });
  it('action items: the unit given an assignment, due on the stated date; a report in present tense is not one', () => {
    expect(items(r)).toEqual([['Samhällsbyggnadsförvaltningen', '2026-06-02']]);
    expect(itemOf(r, 'kostnadsberäkning').section).toContain('§ 47');
  });
  it('no next meeting is stated', () => {
    expect(r.nextMeeting).toBeNull();
  });
});

describe('styrgrupp anteckningar: one-line "Närvarande:" with party tags, roles and "ersätter"', () => {
  const r = load('sv-styrgrupp-anteckningar.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-04-08', organisation: 'Styrgrupp Trygg skolväg', language: 'sv' });
  });
  it('attendees', () => {
    expect(roster(r)).toEqual([
      ['Anna Berg', true, 'chair'],
      ['Per Ek', true, ''],
      ['Lisa Ny', true, 'substitute'],
      ['Olle Al', false, ''],
      ['Fredrik Sjöholm', true, ''],
      ['Gunilla Åkesson', true, 'secretary'],
      ['Tove Rask', false, ''],
      ['Jamal Haddad', false, ''],
    ]);
    expect(who(r, 'Anna Berg').organisation).toBe('S');
    expect(who(r, 'Lisa Ny').organisation).toBe('V');
    expect(who(r, 'Olle Al').organisation).toBe('V');
    expect(who(r, 'Fredrik Sjöholm').role).toBe('trafikplanerare');
  });
  it('action items from bullets and the Åtgärd/Ansvarig/Klart till table, first names resolved', () => {
    expect(items(r)).toEqual([
      ['Fredrik Sjöholm', '2026-05-12'],
      ['Gunilla Åkesson', '2026-04-30'],
      ['Per Ek', '2026-05-15'],
      ['Anna Berg', '2026-05-12'],
    ]);
    expect(itemOf(r, 'farthinder').task).toMatch(/^Ta fram förslag på farthinder/);
    expect(itemOf(r, 'skyltar').task).toBe('Beställa skyltar');
  });
  it('decisions', () => {
    expect(r.decisions.map((d) => d.text)).toEqual(['en gemensam informationsfolder ska tas fram inför höstterminen']);
  });
  it('next meeting with weekday, "kl 13–15" and a place', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-05-12', time: '13–15', place: 'Stora salen' });
  });
});

describe('förening styrelseprotokoll: § 1 Mötets öppnande, "beslutade styrelsen/mötet", "Beslut:" lines', () => {
  const r = load('sv-forening-styrelseprotokoll.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-01-14', organisation: 'Brf Solgläntan', language: 'sv' });
  });
  it('attendees, with the adjuster chosen in § 2', () => {
    expect(roster(r)).toEqual([
      ['Eva Sandberg', true, 'chair'],
      ['Mats Holmgren', true, 'adjuster'],
      ['Leila Karimi', true, 'secretary'],
      ['Ingrid Ölund', true, ''],
      ['Kjell Åberg', false, ''],
    ]);
    expect(who(r, 'Mats Holmgren')).toMatchObject({ role: 'kassör', organisation: null });
  });
  it('decisions', () => {
    expect(r.decisions.map((d) => d.text)).toEqual([
      'höja årsavgiften med 3 procent från den 1 april',
      'anta offerten från Byggab AB',
      'Leila kontaktar Byggab AB och bokar ett startmöte',
    ]);
    expect(r.decisions[1]!.section).toBe('§ 5 Fasadrenovering');
  });
  it('action items: "Beslut: X gör …" and "X tar upp … på nästa möte"', () => {
    expect(items(r)).toEqual([
      ['Leila Karimi', null],
      ['Ingrid Ölund', '2026-02-11'],
    ]);
    expect(itemOf(r, 'startmöte').task).toBe('Kontakta Byggab AB och boka ett startmöte');
  });
  it('next meeting: "Nästa styrelsemöte hålls den …"', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-02-11', time: '19.00', place: 'föreningslokalen' });
  });
});

describe('English parish council: Cllr lists in a label column, initials and "the Clerk" as owners', () => {
  const r = load('en-parish-council.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-03-10', organisation: 'LITTLE HADLEY PARISH COUNCIL', language: 'en' });
  });
  it('attendees: no "members of the public"', () => {
    expect(roster(r)).toEqual([
      ['M. Thompson', true, 'chair'],
      ['S. Patel', true, ''],
      ["J. O'Neill", true, ''],
      ['R. Hughes', true, ''],
      ['K. Lawson', true, 'secretary'],
      ['D. Fraser', false, ''],
      ['P. Grant', false, ''],
    ]);
    expect(who(r, 'S. Patel').role).toBe('Vice-Chairman');
    expect(who(r, 'K. Lawson').role).toBe('Parish Clerk');
  });
  it('action items: surname, initials and the Clerk resolved to the attendee', () => {
    expect(items(r)).toEqual([
      ['R. Hughes', null],
      ['K. Lawson', null],
      ['K. Lawson', '2026-03-31'],
    ]);
    expect(itemOf(r, 'pothole').task).toBe('Report the pothole on Mill Lane to the County Council');
  });
  it('decisions: "RESOLVED that" and "It was resolved to"', () => {
    expect(r.decisions.map((d) => d.text)).toEqual([
      'the minutes of the meeting held on 10th February 2026 be approved and signed as a correct record',
      'approve payments totalling £2,340.50 as listed',
    ]);
  });
  it('next meeting: "Date of next meeting: Tuesday 14th April 2026 at 7.30pm, Village Hall"', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-04-14', place: 'Village Hall' });
    expect(r.nextMeeting!.time).toMatch(/^7\.30/);
  });
});

describe('NHS trust board: name TAB role TAB initials, initials owners, "MD/OP"', () => {
  const r = load('en-nhs-trust-board.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-02-05', organisation: 'Northshire Community Health NHS Trust', language: 'en' });
  });
  it('attendees', () => {
    expect(roster(r)).toEqual([
      ['Helen Carter', true, 'chair'],
      ['Mark Davies', true, ''],
      ['Priya Shah', true, ''],
      ['Owen Price', true, ''],
      ['Laura Bennett', true, 'secretary'],
      ['Tom Fielding', true, ''],
      ['Gareth Lloyd', false, ''],
    ]);
    expect(who(r, 'Helen Carter')).toMatchObject({ role: 'Chair', organisation: null });
    expect(who(r, 'Mark Davies')).toMatchObject({ role: 'Chief Executive', organisation: null });
    expect(who(r, 'Owen Price')).toMatchObject({ role: 'Non-Executive Director', organisation: null });
    expect(who(r, 'Gareth Lloyd')).toMatchObject({ role: 'Director of Finance', organisation: null });
    expect(who(r, 'Tom Fielding').presence).toMatch(/item 4/);
  });
  it('action items: initials resolved; "by 20 February" takes the meeting year', () => {
    expect(r.actionItems.map((a) => a.owners.join(' + '))).toEqual(['Priya Shah', 'Mark Davies + Owen Price', 'Laura Bennett']);
    expect(itemOf(r, 'local authority').due).toBe('2026-02-20');
    expect(itemOf(r, 'final version').due).toBeNull();
  });
  it('decisions: "The Board APPROVED …"', () => {
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]!.text).toContain('estates strategy subject to minor amendments');
  });
  it('next meeting', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-03-05', time: '10:00', place: 'Boardroom' });
  });
});

describe('arbetsgrupp: first-name Deltagare list, "Att göra" bullets "Namn: uppgift", "Nästa träff blir den 3/6"', () => {
  const r = load('sv-arbetsgrupp-fornamn-att-gora.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-05-06', organisation: 'Arbetsgrupp digital inkludering', language: 'sv' });
  });
  it('attendees', () => {
    expect(roster(r)).toEqual([
      ['Maja', true, ''],
      ['Ahmed', true, ''],
      ['Britt-Marie', true, ''],
      ['Jonas', true, ''],
      ['Sanna', true, ''],
      ['Linnea', false, ''],
    ]);
  });
  it('action items', () => {
    expect(items(r)).toEqual([
      ['Ahmed + Sanna', null],
      ['Britt-Marie', '2026-05-20'],
      ['Maja', null],
      ['Jonas', null],
      ['alla', null],
    ]);
    expect(itemOf(r, 'lokal').task).toBe('Boka lokal till höstens kurser');
    expect(itemOf(r, 'affischen').task).toBe('Sprida affischen i sina nätverk');
  });
  it('no decisions', () => {
    expect(r.decisions).toEqual([]);
  });
  it('next meeting', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-06-03', time: '9.30', place: 'Stadsbiblioteket' });
  });
});

describe('ledningsgrupp: space-aligned Närv./Frånv. X-columns and action table (pdftotext -layout style)', () => {
  const r = load('sv-ledningsgrupp-mellanslag.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-02-24', organisation: 'Ledningsgrupp Hälsa och omsorg', language: 'sv' });
  });
  it('attendees', () => {
    expect(roster(r)).toEqual([
      ['Camilla Ström', true, ''],
      ['Daniel Forsberg', true, ''],
      ['Hiba Mansour', false, ''],
      ['Rikard Öst', true, ''],
    ]);
    expect(who(r, 'Daniel Forsberg')).toMatchObject({ role: 'Enhetschef äldreomsorg', organisation: null });
    expect(who(r, 'Hiba Mansour')).toMatchObject({ role: 'Enhetschef', organisation: 'LSS' });
  });
  it('action items, with "Hiba / Daniel" as two owners', () => {
    expect(items(r)).toEqual([
      ['Rikard Öst + Camilla Ström', '2026-03-10'],
      ['Daniel Forsberg', null],
      ['Hiba Mansour + Daniel Forsberg', '2026-03-15'],
      ['Rikard Öst', '2026-03-31'],
    ]);
  });
  it('next meeting: "Nästa möte 2026-03-10"', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-03-10' });
  });
});

describe('English project board: attendees with (initials, role), action log with initials owners', () => {
  const r = load('en-project-board.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-04-14', language: 'en' });
    expect(r.document.organisation).toMatch(/^Project Board/);
  });
  it('attendees', () => {
    expect(roster(r)).toEqual([
      ['Sarah Mitchell', true, ''],
      ['James Okafor', true, ''],
      ['Emma Clarke', true, ''],
      ['Raj Patel', true, ''],
      ['Nicola Hayes', false, ''],
    ]);
    expect(who(r, 'Sarah Mitchell')).toMatchObject({ role: 'Senior Responsible Owner', organisation: null });
    expect(who(r, 'James Okafor')).toMatchObject({ role: 'Programme Manager', organisation: null });
  });
  it('action items', () => {
    expect(items(r)).toEqual([
      ['Raj Patel', '2026-04-21'],
      ['Emma Clarke', null],
      ['Emma Clarke', '2026-04-28'],
      ['James Okafor + Sarah Mitchell', '2026-05-12'],
    ]);
    expect(itemOf(r, 'risk register').task).toBe('Update the risk register and circulate to the board by 21 April');
  });
  it('decisions', () => {
    expect(r.decisions.map((d) => d.text)).toEqual(['the go-live date moves to 1 June 2026', 'EC will lead the user research workstream']);
  });
  it('next meeting', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-05-12', time: '14:00–15:30' });
    expect(r.nextMeeting!.place).toMatch(/Teams/);
  });
});

describe('nämnd protokoll in capitals: NÄRVARANDE LEDAMÖTER / ERSÄTTARE / TJÄNSTEPERSONER / JUSTERARE', () => {
  const r = load('sv-protokoll-versaler.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-03-12', organisation: 'Kultur- och fritidsnämnden', language: 'sv' });
  });
  it('attendees', () => {
    expect(roster(r)).toEqual([
      ['Göran Sjödin', true, 'chair'],
      ['Yasmin Ali', true, ''],
      ['Peter Hallberg', true, 'adjuster'],
      ['Ulla-Britt Engström', true, ''],
      ['Oskar Lindahl', true, 'substitute'],
      ['Camilla Roos', false, ''],
      ['Anders Wik', true, ''],
      ['Moa Berglund', true, 'secretary'],
    ]);
    expect(who(r, 'Göran Sjödin').organisation).toBe('KD');
    expect(who(r, 'Yasmin Ali')).toMatchObject({ role: 'vice ordförande', organisation: 'S' });
    expect(who(r, 'Ulla-Britt Engström')).toMatchObject({ organisation: 'S' });
    expect(who(r, 'Ulla-Britt Engström').presence).toMatch(/^lämnade mötet kl\. 19\.40/);
    expect(who(r, 'Oskar Lindahl').organisation).toBe('L');
    expect(who(r, 'Anders Wik')).toMatchObject({ role: 'förvaltningschef', organisation: null });
  });
  it('decisions: "fastställs", "Beslut" + "<nämnd> beslutar" + att-points, "beslutar att"', () => {
    expect(r.decisions.map((d) => d.text)).toEqual([
      'Föredragningslistan fastställs',
      'fördela 1 250 000 kr till studieförbunden enligt bilaga 1',
      'uppdra åt förvaltningen att följa upp fördelningen i december',
      'lägga informationen till handlingarna',
    ]);
    expect(r.decisions[1]!.section).toBe('§ 21 Bidrag till studieförbund 2026');
  });
  it('action items: "uppdra åt förvaltningen att …", a first-name owner; "Ordföranden informerar om" is a report', () => {
    expect(items(r)).toEqual([
      ['förvaltningen', null],
      ['Moa Berglund', '2026-03-31'],
    ]);
  });
  it('next meeting', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-04-16', time: '18.00', place: 'Kulturhuset' });
  });
});

describe('English town council: "Officers:", bare "ACTION: CM" after the sentence, ACTION in a right-hand column', () => {
  const r = load('en-town-council-action-column.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-03-02', organisation: 'ASHFORD VALE TOWN COUNCIL', language: 'en' });
  });
  it('attendees', () => {
    expect(roster(r)).toEqual([
      ['Joanne Stevens', true, 'chair'],
      ['Peter Wright', true, ''],
      ['Aisha Rahman', true, ''],
      ['Mike Doyle', true, ''],
      ['Claire Moss', true, 'secretary'],
      ['Ben Hart', true, ''],
      ['Linda Fox', false, ''],
    ]);
    expect(who(r, 'Claire Moss').role).toBe('Town Clerk');
    expect(who(r, 'Ben Hart').role).toBe('Projects Officer');
  });
  it('action items: the owner after the sentence, the owner in the action column, "Cllr Wright to ask"', () => {
    expect(items(r)).toEqual([
      ['Claire Moss', null],
      // "… to be arranged before the end of October": the month's last day.
      ['Ben Hart', '2026-10-31'],
      ['Peter Wright', null],
    ]);
    expect(itemOf(r, 'landowner').section).toBe('14. Allotments');
    expect(itemOf(r, 'Bulb planting').task).toBe('Bulb planting at the recreation ground to be arranged before the end of October');
  });
  it('decisions', () => {
    expect(r.decisions.map((d) => d.text)).toEqual(['the Clerk writes to the landowner about the field at Mill Road']);
  });
  it('next meeting "at 7pm"', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-04-13', time: '7pm' });
  });
});

describe('arbetsgrupp: "Namn – organisation" lines, Åtgärd/Ansvarig/Klart till on separate lines', () => {
  const r = load('sv-arbetsgrupp-atgard-ansvarig-rader.txt');
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-09-15', organisation: 'arbetsgruppen Unga vuxna', language: 'sv' });
  });
  it('attendees with organisation, role and partial presence', () => {
    expect(roster(r)).toEqual([
      ['Karin Persson', true, ''],
      ['Mohammed Ali', true, ''],
      ['Jenny Lund', true, ''],
      ['Tobias Ek', true, ''],
      ['Agneta Holm', false, ''],
    ]);
    expect(who(r, 'Karin Persson')).toMatchObject({ role: null, organisation: 'Arbetsförmedlingen' });
    expect(who(r, 'Mohammed Ali')).toMatchObject({ role: null, organisation: 'Socialtjänsten Lerum' });
    expect(who(r, 'Jenny Lund')).toMatchObject({ role: 'projektledare', organisation: 'Region Västra' });
    expect(who(r, 'Tobias Ek')).toMatchObject({ organisation: 'Försäkringskassan', presence: 'från kl. 10.00' });
    expect(who(r, 'Agneta Holm')).toMatchObject({ organisation: 'Gymnasieskolan' });
  });
  it('action items', () => {
    expect(items(r)).toEqual([
      ['Jenny Lund', '2026-09-30'],
      ['Mohammed Ali + Karin Persson', null],
    ]);
    expect(itemOf(r, 'påminnelse').task).toBe('Skicka påminnelse till de kommuner som inte svarat');
    expect(itemOf(r, 'informationsblad').task).toBe('Ta fram ett utkast till informationsblad');
  });
  it('decisions', () => {
    expect(r.decisions.map((d) => d.text)).toEqual(['materialet ska översättas till arabiska och somaliska']);
  });
  it('next meeting', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-10-20', time: '9–11' });
    expect(r.nextMeeting!.place).toMatch(/Teams$/);
  });
});

// ---------- Word: a protokoll whose header and action list are real Word tables ----------

async function namndDocx(): Promise<Uint8Array> {
  const p = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });
  const cell = (...lines: string[]): TableCell => new TableCell({ children: lines.map(p), width: { size: 4500, type: WidthType.DXA } });
  const row = (...cells: TableCell[]): TableRow => new TableRow({ children: cells });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Socialnämnden – protokoll 2026-05-19', bold: true, size: 32 })] }),
          p('Plats och tid: Stadshuset, sammanträdesrum Vågen, kl. 13.00–15.30'),
          new Table({
            rows: [
              row(cell('Beslutande'), cell('Ingela Fors (S), ordförande', 'Roger Lund (M)', 'Nadia Saleh (V), tjänstgörande ersättare för Bo Kvist (V)')),
              row(cell('Övriga närvarande'), cell('Hanna Moberg, socialchef', 'Petra Linde, sekreterare')),
              row(cell('Justerare'), cell('Roger Lund')),
            ],
          }),
          p('§ 12 Val av justerare'),
          p('Roger Lund utses att justera protokollet.'),
          p('§ 13 Ansökan om föreningsbidrag'),
          p('Socialnämnden beslutar att bevilja Föreningen Gemenskap 45 000 kr för 2026.'),
          p('§ 14 Uppföljning av hemtjänsten'),
          p('Socialchefen redogör för resultatet av brukarundersökningen.'),
          p('Nämnden ger förvaltningen i uppdrag att redovisa en åtgärdsplan senast den 15 september 2026.'),
          new Table({
            rows: [
              row(cell('Åtgärd'), cell('Ansvarig'), cell('Klart till')),
              row(cell('Informera brukarrådet om resultatet'), cell('Hanna Moberg'), cell('30 juni')),
            ],
          }),
          p('Nästa sammanträde: 2026-06-10 kl. 13.30, Sammanträdesrum Vågen'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('Word (.docx) nämnd protokoll with Word tables, through parseDocument', () => {
  let r: ExtractResult;
  beforeAll(async () => {
    const parsed = await parseDocument(await namndDocx(), 'socialnamnden.docx', limits);
    expect(parsed.format).toBe('docx');
    r = extractFacts(parsed.pages, { format: 'docx' });
  });
  it('document', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-05-19', organisation: 'Socialnämnden', language: 'sv' });
  });
  it('attendees from the label-column table', () => {
    expect(roster(r)).toEqual([
      ['Ingela Fors', true, 'chair'],
      ['Roger Lund', true, 'adjuster'],
      ['Nadia Saleh', true, 'substitute'],
      ['Bo Kvist', false, ''],
      ['Hanna Moberg', true, ''],
      ['Petra Linde', true, 'secretary'],
    ]);
    expect(who(r, 'Ingela Fors').organisation).toBe('S');
    expect(who(r, 'Nadia Saleh').organisation).toBe('V');
    expect(who(r, 'Bo Kvist').organisation).toBe('V');
    expect(who(r, 'Hanna Moberg')).toMatchObject({ role: 'socialchef', organisation: null });
  });
  it('decisions', () => {
    expect(r.decisions.map((d) => d.text)).toEqual(['bevilja Föreningen Gemenskap 45 000 kr för 2026']);
  });
  it('action items: the assignment to the administration and the Word action table', () => {
    expect(items(r)).toEqual([
      ['förvaltningen', '2026-09-15'],
      ['Hanna Moberg', '2026-06-30'],
    ]);
    expect(itemOf(r, 'åtgärdsplan').task).toBe('Redovisa en åtgärdsplan senast den 15 september 2026');
    expect(itemOf(r, 'brukarrådet').section).toBe('§ 14 Uppföljning av hemtjänsten');
  });
  it('next meeting', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-06-10', time: '13.30', place: 'Sammanträdesrum Vågen' });
  });
});

// ---------- PDF: two-column "name  role" list without tab characters, wrapped role, footers ----------

function samverkanPdf(): Uint8Array {
  const rows = (y0: number, list: Array<[string, string, string?]>): PdfText[] => {
    const out: PdfText[] = [];
    let y = y0;
    for (const [name, role, wrapped] of list) {
      out.push({ x: 72, y, text: name }, { x: 250, y, text: role });
      y += 14;
      if (wrapped) {
        out.push({ x: 250, y, text: wrapped });
        y += 14;
      }
    }
    return out;
  };
  const page1: PdfText[] = [
    { x: 72, y: 70, text: 'Minnesanteckningar Samverkansgrupp psykisk hälsa', size: 16 },
    { x: 72, y: 90, text: 'Norra länet', size: 16 },
    { x: 72, y: 120, text: 'Datum: 2026-03-18, kl. 09.00–11.00, Teams' },
    { x: 72, y: 150, text: 'Närvarande', size: 12 },
    ...rows(168, [
      ['Lena Gustavsson', 'Ordförande, Verksamhetschef BUP, Region Norra'],
      ['Ali Hassan', 'Socialchef, Åby kommun'],
      ['Marie Lund', 'Rektor, Björkskolan, Åby kommun'],
      ['Kristoffer Nylund', 'Skolkurator, Älvdals kommun'],
      ['Ingrid Persson', 'Enhetschef barn- och ungdomsmottagningen,', 'Region Norra'],
      ['Sara Öhman', 'Närvårdssamordnare, sekreterare'],
    ]),
    { x: 72, y: 280, text: 'Frånvarande', size: 12 },
    ...rows(298, [['Johan Berglund', 'Skolchef, Älvdals kommun']]),
    { x: 72, y: 340, text: '1. Föregående anteckningar', size: 12 },
    { x: 72, y: 358, text: 'Anteckningarna godkändes.' },
    { x: 72, y: 390, text: '2. Gemensam handlingsplan', size: 12 },
    { x: 72, y: 408, text: 'Lena presenterade utkastet till handlingsplan. Gruppen diskuterade hur kommunerna ska involveras i' },
    { x: 72, y: 422, text: 'arbetet med tidiga insatser och vilka resurser som behövs under hösten.' },
    { x: 72, y: 436, text: 'Sara sammanställer synpunkterna och skickar ut ett nytt utkast senast 8 april.' },
    { x: 72, y: 450, text: 'Ali och Marie tar kontakt med elevhälsan i respektive kommun.' },
    { x: 280, y: 800, text: 'Sida 1 av 2', size: 9 },
  ];
  const page2: PdfText[] = [
    { x: 72, y: 70, text: '3. Övriga frågor', size: 12 },
    { x: 72, y: 88, text: 'Gruppen beslutade att bjuda in Ungdomsmottagningen till nästa möte.' },
    { x: 72, y: 102, text: 'Kristoffer återkommer med statistik över skolfrånvaro till nästa möte.' },
    { x: 72, y: 130, text: 'Nästa möte: 22 april 2026 kl. 09.00–11.00, Teams' },
    { x: 280, y: 800, text: 'Sida 2 av 2', size: 9 },
  ];
  return miniPdf([page1, page2]);
}

describe('PDF minnesanteckningar: positioned two-column list, wrapped role, footers, through parseDocument', () => {
  let r: ExtractResult;
  beforeAll(async () => {
    const parsed = await parseDocument(samverkanPdf(), 'samverkan.pdf', limits);
    expect(parsed.format).toBe('pdf');
    expect(parsed.pages).toHaveLength(2);
    r = extractFacts(parsed.pages, { format: 'pdf' });
  });
  it('document', () => {
    expect(r.document).toMatchObject({
      kind: 'minutes',
      date: '2026-03-18',
      organisation: 'Samverkansgrupp psykisk hälsa Norra länet',
      language: 'sv',
      title: 'Minnesanteckningar Samverkansgrupp psykisk hälsa Norra länet',
    });
  });
  it('attendees with role, organisation and flags', () => {
    expect(roster(r)).toEqual([
      ['Lena Gustavsson', true, 'chair'],
      ['Ali Hassan', true, ''],
      ['Marie Lund', true, ''],
      ['Kristoffer Nylund', true, ''],
      ['Ingrid Persson', true, ''],
      ['Sara Öhman', true, 'secretary'],
      ['Johan Berglund', false, ''],
    ]);
    expect(who(r, 'Lena Gustavsson')).toMatchObject({ role: 'Verksamhetschef BUP', organisation: 'Region Norra' });
    expect(who(r, 'Marie Lund')).toMatchObject({ role: 'Rektor, Björkskolan', organisation: 'Åby kommun' });
    expect(who(r, 'Ingrid Persson')).toMatchObject({ role: 'Enhetschef barn- och ungdomsmottagningen', organisation: 'Region Norra' });
    expect(who(r, 'Sara Öhman')).toMatchObject({ role: 'Närvårdssamordnare', organisation: null });
    expect(who(r, 'Johan Berglund')).toMatchObject({ role: 'Skolchef', organisation: 'Älvdals kommun' });
  });
  it('action items, first names resolved, "till nästa möte" due', () => {
    expect(items(r)).toEqual([
      ['Sara Öhman', '2026-04-08'],
      ['Ali Hassan + Marie Lund', null],
      ['Kristoffer Nylund', '2026-04-22'],
    ]);
    expect(itemOf(r, 'elevhälsan').section).toBe('2. Gemensam handlingsplan');
  });
  it('decisions', () => {
    expect(r.decisions.map((d) => d.text)).toEqual(['bjuda in Ungdomsmottagningen till nästa möte']);
  });
  it('next meeting', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-04-22', time: '09.00–11.00', place: 'Teams' });
  });
});
