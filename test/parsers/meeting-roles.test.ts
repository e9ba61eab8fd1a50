/**
 * Who chaired and who took the minutes (issue 11): signature blocks flattened into one line (role
 * labels first, names after them in the same order, other front-page fields in between), and
 * role words that belong to another office or to the name before them.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../core/facts.js';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';

const facts = (text: string): ExtractResult => extractFacts(textToPages(text), { format: 'txt' });
const present = (r: ExtractResult) => r.attendees.filter((a) => a.present).map((a) => a.name);
const flagged = (r: ExtractResult, f: string) => r.attendees.filter((a) => a.flags.includes(f as never)).map((a) => a.name);

describe('chair and secretary', () => {
  it('pairs the role labels of a flattened signature block with the names after them, in order', () => {
    const r = facts(
      [
        '1 Sida 1 (30) Plats och tid Rådhuset kl. 13:00-16:00 Beslutande Ledamöter Göran Berglund (S), Maria Lund (M) och Stina Ek (C). ' +
          'Tjänstemän kommunsekreterare Lena Holm, ekonom Per Sjö 12. Övriga Justering Justerande Plats och tid Stina Ek (C) Paragrafer ' +
          'Underskrifter Sekreterare Ordförande Justerande Lena Holm Göran Berglund (S) Stina Ek (C) Utdragsbestyrkande',
      ].join('\n'),
    );
    expect(flagged(r, 'chair')).toEqual(['Göran Berglund']);
    expect(flagged(r, 'secretary')).toEqual(['Lena Holm']);
  });

  it('reads a secretary label separated from its name by another field, and dot leaders between labels and names', () => {
    const r = facts(
      [
        '2 PROTOKOLL 1[20] Plats och tid Kommunhuset, kl 16:00-17:15 Beslutande Se bilaga Övriga deltagande Anders Sten (kommundirektör), ' +
          'Eva Strand (kommunsekreterare) Utses att justera Olof Brink (MP) och Sara Dahl (KD) Plats och tid för justering Kommunhuset ' +
          'Sekreterare Paragrafer Karin Åberg Ordförande Tomas Wik (S) Justerare Olof Brink (MP) Sara Dahl (KD) ANSLAG/BEVIS Protokollet är justerat.',
      ].join('\n'),
    );
    expect(flagged(r, 'secretary')).toEqual(['Karin Åberg']);
    expect(flagged(r, 'chair')).toEqual(['Tomas Wik']);
    expect(present(r)).toEqual(expect.arrayContaining(['Karin Åberg', 'Tomas Wik', 'Olof Brink', 'Sara Dahl']));
    const dots = facts(
      '1 (40) Tid och plats Stadshuset Beslutande Se förteckning bilaga 1 Närvarande, ej tjänstgörande ersättare Anders Rapp Sten-Åke Kjell ' +
        'Övriga närvarande Ulla Berg, sekr Tid och plats för justering Paragrafer Sekreterare Ordförande. Ulla Berg.. Olle Nyberg Justerande.. Ida Karlsson Nils Holm',
    );
    expect(flagged(dots, 'chair')).toEqual(['Olle Nyberg']);
    expect(flagged(dots, 'adjuster').sort()).toEqual(['Ida Karlsson', 'Nils Holm']);
  });

  it('keeps a role label with a unit under it waiting for its name, and pairs nothing when the counts disagree', () => {
    const r = facts(
      'Underskrifter Sekreterare Kommunstyrelseförvaltningen Ordförande Justerare Ida Berg Eva Lind Stefan Ek Anslag / Bevis Protokollet är justerat. ' +
        'Beslutande Eva Lind (C), ordförande Stefan Ek (S) Tomas Nyström (M) Övriga närvarande Ida Berg, kommunsekreterare',
    );
    expect(flagged(r, 'chair')).toEqual(['Eva Lind']);
    expect(flagged(r, 'secretary')).toEqual(['Ida Berg']);
    expect(present(r)).not.toContain('Stefan Ek Anslag');
  });

  it('gives no chair for a deputy, a role after a comma, or a name running on into a sentence', () => {
    const r = facts(
      [
        'Minutes of the Trustees meeting held on Tuesday August 27th 2013',
        '',
        'Present:  J Hart (JH), A Small (AS), T Brown (TB), B Wood (BW)',
        '',
        'Deputy Chairman Jon Hart had called the meeting following the resignation from Chairman Adrian Bell for family reasons.',
        'The current officers are J Hart, Deputy Chairman, A Small, Secretary and T Brown, Treasurer.',
      ].join('\n'),
    );
    expect(flagged(r, 'chair')).toEqual([]);
    expect(present(r)).not.toContain('Adrian Bell');
  });

  it('reads the chair opening the meeting in prose and a secretary signing under "Vid protokollet" or "Vid pennan"', () => {
    const r = facts(
      [
        'Protokoll fört vid styrelsemöte med Byns Samfällighetsförening söndagen den 20 mars 2022 kl 16.00',
        '',
        'Närvarande styrelseledamöter:',
        'Åke Strand, Carin Nilsson, Frida Gren och Patrik Ek (deltog på plats).',
        '',
        '  • 1 Mötet öppnas',
        '',
        'Carin Nilsson ordförande hälsar alla välkomna och öppnar mötet.',
        '',
        'Vid protokollet:',
        '',
        'Frida Gren                                                                   Carin Nilsson',
        'Sekreterare',
      ].join('\n'),
    );
    expect(flagged(r, 'chair')).toEqual(['Carin Nilsson']);
    expect(flagged(r, 'secretary')).toEqual(['Frida Gren']);

    const glued = facts(
      [
        'Minnesanteckningar från mötet 2009-03-16Närvarande: Rolf Ek, Göran Berg, Helena Hannus,',
        'Stig Redin och Elsa Stigsdotter.',
        '',
        '1.           Ordförande Rolf Ek hälsade välkommen och förklarade mötet öppnat.',
        '',
        '2.    Genomgång av verksamhetsplan 2009.',
        '',
        'Vid pennan',
        '',
        '',
        'Rolf Ek',
      ].join('\n'),
    );
    expect(present(glued)).toEqual(['Rolf Ek', 'Göran Berg', 'Helena Hannus', 'Stig Redin', 'Elsa Stigsdotter']);
    expect(flagged(glued, 'chair')).toEqual(['Rolf Ek']);
    expect(flagged(glued, 'secretary')).toEqual(['Rolf Ek']);
  });

  it('takes the people elected to chair, minute and adjust as attendees when there is no attendance list', () => {
    const r = facts(
      [
        'Protokoll fört vid styrelsemöte i Förbundet 2003-12-07 sida 3',
        '',
        '1. Formalia Mötet öppnades. Röstlängden fastställdes. Mötet förklarades behörigt. Tomas Dahl valdes till mötesordförande. ' +
          'Kristian Palm valdes till mötessekreterare. Karl Lind valdes till justerare och rösträknare. Dagordningen justerades löpande.',
      ].join('\n'),
    );
    expect(present(r).sort()).toEqual(['Karl Lind', 'Kristian Palm', 'Tomas Dahl']);
    expect(flagged(r, 'chair')).toEqual(['Tomas Dahl']);
    expect(flagged(r, 'secretary')).toEqual(['Kristian Palm']);
    expect(flagged(r, 'adjuster')).toEqual(['Karl Lind']);
  });

  it('reads a facilitator as the chair of a bulleted attendance list', () => {
    const r = facts(
      ['# Council meeting 2024-02-09', '', '* Attendees: Eric Holm, Jack Huey, Ryan Levick', '* Roles', '    * Facilitator: Eric Holm', '', '## Topics'].join(
        '\n',
      ),
    );
    expect(flagged(r, 'chair')).toEqual(['Eric Holm']);
  });
});
