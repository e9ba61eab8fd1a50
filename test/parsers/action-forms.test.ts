/**
 * Action items in the forms real minutes use (issue 11): passive assignments ("Uppdrogs åt X att"),
 * obligation modals and present-tense tasks of listed attendees with any verb, a passive task with
 * a named agent; and what is no task: a meeting-procedure verb, a member's replacement.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';

describe('action item forms', () => {
  it('finds passive, modal and present-tense tasks of attendees, and no procedure or membership news', () => {
    const r = extractFacts(
      textToPages(
        [
          'Protokoll styrelsemöte 2026-04-02',
          '',
          'Närvarande: Ulf Berg, Eva Lind, Per Holm',
          '',
          '§ 1 Mötet öppnas',
          'Ulf hälsar alla välkomna.',
          '§ 2 Skyltar',
          'Uppdrogs åt Ulf att kontakta Leif Ånell inför kursen i Jönköping.',
          'Eva skall göra en insats på häcken i vår.',
          'Per sköter bokningen av lokalen.',
          'Trasiga fönster kommer att åtgärdas av Eva Lind.',
          'Thomas Ek kommer sluta i gruppen och kommer ersättas av Per Holm.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      ['Ulf Berg', 'Kontakta Leif Ånell inför kursen i Jönköping'],
      ['Eva Lind', 'Göra en insats på häcken i vår'],
      ['Per Holm', 'Sköta bokningen av lokalen'],
      ['Eva Lind', 'Åtgärda trasiga fönster'],
    ]);
  });

  it('reads a numbered point that is a whole sentence, a label inside a sentence and a clause after a comma', () => {
    const r = extractFacts(
      textToPages(
        [
          'Protokoll styrelsemöte 2026-04-02',
          '',
          'Närvarande: Ulf Berg, Eva Lind, Per Holm',
          '',
          '4. Uppdrogs åt Ulf att kontakta Leif Ånell inför kursen i Jönköping i fråga om tillsyn.',
          '5. Inför årsmötet i Malmö Beslut: Per hör med Leif om han kan lämna en kort rapport.',
          '6. Kopiera upp dagordningen till årsmötet, Eva tar med sig kopiorna till mötet.',
          'Fortsatt dialog får ske mellan Ulf Berg och Per Holm när parterna har mer fakta.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => a.owners.join(' + '))).toEqual(['Ulf Berg', 'Per Holm', 'Eva Lind', 'Ulf Berg + Per Holm']);
    expect(r.actionItems[2]!.task).toBe('Ta med sig kopiorna till mötet');
  });

  it('takes a person named by a known given name as owner when the attendance list left them out', () => {
    const r = extractFacts(
      textToPages(
        [
          'Protokoll styrelsemöte 2026-04-02',
          '',
          'Närvarande: Ulf Berg, Eva Lind',
          '',
          '§ 3 Häcken',
          'Pierre får fixa det innan sommaren.',
          'Okänd Person hämtar bröd.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([['Pierre', 'Fixa det innan sommaren']]);
  });

  it('gives the sentence before an "ACTION: X" marker to the people its initials name, and takes no marker alone as a task', () => {
    const r = extractFacts(
      textToPages(
        [
          'Minutes of the Trustees meeting held 3 February 2016',
          '',
          'Present; Andrew Payne (AP), Alison Hopkins (AHop), Mike Stephens (MS), David Olds (DO)',
          '',
          '6 Bank',
          '6.3 MS stated that he would talk to both Barclays and Lloyds bank and see which',
          'would be the most accommodating to arrange a transfer from HSBC. ACTION:MS',
          '',
          '13 Planters for the Library',
          '13.1 DO had obtained costs for the provision of 2 planters for outside the library. These',
          'would be 150cm long and cost approximately £200. AGREED to purchase. ACTION:DO',
          '',
          '14 Cycle maps',
          'ACTION:AHop',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      [
        'Mike Stephens',
        'MS stated that he would talk to both Barclays and Lloyds bank and see which would be the most accommodating to arrange a transfer from HSBC',
      ],
      ['David Olds', 'These would be 150cm long and cost approximately £200. AGREED to purchase'],
    ]);
  });

  it('dates the tasks under a point headed by a dated event ("Inför SK-möte i Malmö 17/5") with the meeting year', () => {
    const r = extractFacts(
      textToPages(
        [
          'SG minnesanteckningar 2014-05-04',
          '',
          'Närvarande: Markus, Eva-Lotta, Tiina',
          '',
          '6.3. Inför SK-möte i Malmö 17/5 Beslut: Markus hör med Jeanette om hon kan lämna en kort rapport om översättningen. ' +
            'Beslut: Eva-Lotta fixar 30 kopior på dagordning, motion och tidigare protokoll.',
          '6.4. Hemsidan Beslut: Tiina uppdaterar kalendern.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.due])).toEqual([
      ['Markus', '2014-05-17'],
      ['Eva-Lotta', '2014-05-17'],
      ['Tiina', null],
    ]);
  });

  it('reads no task in an attendance list, and reads "får uppdraget att" and a present passive with an attendee as agent', () => {
    const r = extractFacts(
      textToPages(
        [
          'Minnesanteckningar 2017-06-27',
          '',
          'Närvarande: Kerstin- internetansvarig, Sten – ekonomiansvarig, Viktor – vice internetansvarig',
          'Ej närvarande: Markus – översättningsansvarig, Jörgen – vice ekonomiansvarig',
          '',
          '4. Stadgar: Sten får uppdraget att föreslå smärre justeringar i texten.',
          '8. Påminnelse om att skriva verksamhetsrapporter skickas av Victor.',
          '9. Mötet leds av Kerstin.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      ['Sten', 'Föreslå smärre justeringar i texten'],
      ['Viktor', 'Skicka påminnelse om att skriva verksamhetsrapporter'],
    ]);
  });

  it('resolves an owner written as a nickname, a respelling or an initial glued to the surname to the one attendee it fits', () => {
    const r = extractFacts(
      textToPages(
        [
          'Board meeting: 2024-02-03',
          '',
          'Attendees: Carter Anderson, Alison Hopkins, Alice Cecile, Marcus Berg',
          '',
          '## Opening a bank account',
          '',
          'Cart shall open a bank account on behalf of the Foundation.',
          '',
          '## Cycle maps',
          '',
          'Ahop will enquire as to whether the library can also use this facility.',
          '',
          '## Website',
          '',
          'Markus will update the calendar before the next meeting.',
          'Al will check the invoices.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      ['Carter Anderson', 'Open a bank account on behalf of the Foundation'],
      ['Alison Hopkins', 'Enquire as to whether the library can also use this facility'],
      ['Marcus Berg', 'Update the calendar before the next meeting'],
    ]);
  });

  it('reads a body deciding or obliged to act, an adverbial before the verb, and a decision that opens with a task verb', () => {
    const r = extractFacts(
      textToPages(
        [
          'Minnesanteckningar från mötet 2009-03-16',
          '',
          'Närvarande: Rolf Adamsson, Göran Bergström, Helena Hannus',
          '',
          '3. Byarådet beslutar ansöka om bidrag för årets verksamhet.',
          '',
          '4. Byarådet skall under 2009 undersöka förutsättningar för en gemensam anslagstavla.',
          '',
          '5. Sommarmötet Beslut: att maila ut två förslag på datum i juni till gruppen.',
          '',
          '6. Beslut: att godkänna budgeten.',
          '',
          '7. Helena kommer inte att delta i höstens möte.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      ['Byarådet', 'Ansöka om bidrag för årets verksamhet'],
      ['Byarådet', 'Undersöka förutsättningar för en gemensam anslagstavla under 2009'],
      ['', 'Maila ut två förslag på datum i juni till gruppen'],
    ]);
  });

  it('gives a task to the attendee asked to do it, reads what a body should do as an ownerless task, not what it agreed or a state', () => {
    const r = extractFacts(
      textToPages(
        [
          'Minutes of the Trustees meeting held 3 July 2018',
          '',
          'Present: Alan Cadman, Andrew Craig, Liz Winter',
          '',
          'WiFi The Shop pays £10 a month for the connection. Andrew asked Alan to invoice the Shop quarterly with the electricity invoice.',
          '',
          'Survey Liz advised that the Committee were to send out a questionnaire to village residents.',
          '',
          'The board should make these meeting notes publicly available.',
          '',
          'Rent The committee agreed to accept the offer to pay £10 a month. The Board will be pleased to see the new car park.',
          '',
          'Welcome The Chair asked Andrew to introduce the guests.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      ['Alan Cadman', 'Invoice the Shop quarterly with the electricity invoice'],
      ['', 'Send out a questionnaire to village residents'],
      ['', 'Make these meeting notes publicly available'],
    ]);
  });

  it('reads a plural noun after "Alla"/"Nya" as no verb, and a member leaving as no task', () => {
    const r = extractFacts(
      textToPages(
        [
          'Protokoll styrelsemöte 2026-04-02',
          '',
          'Närvarande: Marcus Berg, Tiina Ek, Nya Lind',
          '',
          '§ 6 Nya medlemmar.',
          '',
          'Inga nya medlemmar har tillkommit.',
          '',
          '• Alla kanaler skall rensas.',
          '',
          '§ 8 Avgående ansvariga, Marcus och Tiina slutar och behöver ersättare.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([['', 'Rensa alla kanaler']]);
  });

  it("reads an attendee's offer ('kan hämta') as a task, not being unable or able to attend", () => {
    const r = extractFacts(
      textToPages(
        [
          'Protokoll styrelsemöte 2026-04-02',
          '',
          'Närvarande: Sture Eklund, Eva Lind, Per Holm',
          '',
          '§ 4 Krankesjön runt',
          'Sture kan hämta wienerkorv på Snabbgross. Eva kan inte delta på lördagen. Per kan delta hela dagen. Eva kan vara med på söndagen.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([['Sture Eklund', 'Hämta wienerkorv på Snabbgross']]);
  });

  it("gives a speaker's first-person commitment to the speaker and a 'Let's …' proposal to nobody, not an opinion", () => {
    const r = extractFacts(
      textToPages(
        [
          '# Council meeting 2023-12-01',
          '',
          'Attendees: Eric Holk, Jonathan Pallant, Josh Gould',
          '',
          '* Jonathan Pallant: This is best effort today. We do not have bandwidth. I can write up a response.',
          '* Josh Gould: I think the best thing may be to not respond. I can see the reasoning.',
          '* Eric Holk: Let us wait. Would like to put a PR out with straightforward updates to the process.',
          "* Eric Holk: Let's put this on the agenda for the next meeting.",
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      ['Jonathan Pallant', 'Write up a response'],
      ['Eric Holk', 'Put a PR out with straightforward updates to the process'],
      ['', 'Put this on the agenda for the next meeting'],
    ]);
  });

  it("reads the meeting's own task ('Vi tittar på …', 'Vi börjar planera …') as ownerless, dated by the event it prepares for, not what 'vi' did", () => {
    const r = extractFacts(
      textToPages(
        [
          'Protokoll styrelsemöte 2022-03-20',
          '',
          'Närvarande: Frida Grund, Åke Strand',
          '',
          '§ 8 Övriga frågor',
          'Vi börjar planera inför röjardagen som i år är den 28/5. Vi bjuder på fika inför mötet. Vi gick igenom listan.',
          '',
          '§ 9 Ärendesystem',
          'Vi tittar på om vi kan hitta ett ärendesystem som fungerar för oss.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task, a.due])).toEqual([
      ['', 'Planera inför röjardagen som i år är den 28/5', '2022-05-28'],
      ['', 'Titta på om vi kan hitta ett ärendesystem som fungerar för oss', null],
    ]);
  });
});

describe('lettered list points', () => {
  it("reads 'a) …' and '(b) …' points like bulleted ones", () => {
    const r = extractFacts(
      textToPages(
        [
          'Minutes of the committee meeting 2026-04-02',
          '',
          'Present: Ann Cole, Tom Reed',
          '',
          '1. Website',
          'a) Ann Cole to update the contact page.',
          '',
          '(b) Tom Reed to book the hall for the next meeting.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      ['Ann Cole', 'Update the contact page'],
      ['Tom Reed', 'Book the hall for the next meeting'],
    ]);
  });
});
