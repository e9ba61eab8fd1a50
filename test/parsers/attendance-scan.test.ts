/**
 * Attendance found as candidate lists anywhere (issue 11): labels inside a flattened protocol front
 * page, names run together without commas (split by the given-name lexicon), titles before names,
 * roles after a dash, first-name-only lists, "X ersätter Y" making Y absent, and the chair and
 * secretary of the signature block.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../core/facts.js';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';

const facts = (text: string): ExtractResult => extractFacts(textToPages(text), { format: 'txt' });
const present = (r: ExtractResult) => r.attendees.filter((a) => a.present).map((a) => a.name);
const absent = (r: ExtractResult) => r.attendees.filter((a) => !a.present).map((a) => a.name);
const flagged = (r: ExtractResult, f: string) => r.attendees.filter((a) => a.flags.includes(f as never)).map((a) => a.name);

describe('attendance by candidate lists', () => {
  it('reads a protocol front page flattened into one paragraph', () => {
    const r = facts(
      [
        'Kommunstyrelsen Sammanträdesprotokoll 2026-03-12',
        '',
        '1 Sida 1 (12) Plats och tid Stadshuset kl. 09:00-12:00 Beslutande Ledamöter Kjell Hedman (S), Karin Berg (M) och Per Holm (V). ' +
          'Tjänstgörande ersättare Anna Ek (KD) ersätter Per Holm (V), Övriga närvarande Tjänstemän Kommundirektör Jan Lind, ' +
          'kommunsekreterare Lena Strand 14. Justering Paragrafer 10-20 Sekreterare Lena Strand Ordförande Kjell Hedman (S) Justerande Karin Berg (M)',
        '',
        '§ 10 Val av justerare',
        'Karin Berg utses att justera protokollet.',
      ].join('\n'),
    );
    expect(present(r).sort()).toEqual(['Anna Ek', 'Jan Lind', 'Karin Berg', 'Kjell Hedman', 'Lena Strand']);
    expect(absent(r)).toEqual(['Per Holm']);
    expect(flagged(r, 'chair')).toEqual(['Kjell Hedman']);
    expect(flagged(r, 'secretary')).toEqual(['Lena Strand']);
  });

  it('splits names written without commas, and reads first-name lists with roles after a dash', () => {
    const r = facts(
      [
        'Minnesanteckningar 2026-04-27',
        '',
        'Närvarande: Kerstin – kassör, Sten – ekonomiansvarig, Viktor- vice internetansvarig',
        'Ej närvarande: Markus – översättningsansvarig, Jörgen',
        'Kerstin valdes till ordförande',
        '',
        'Övriga närvarande',
        '',
        '-----',
        'Anders Rapp Sten-Åke Kjell Maria Gunnarsson',
        '',
        '1. Mötet öppnas',
      ].join('\n'),
    );
    expect(present(r).sort()).toEqual(['Anders Rapp', 'Kerstin', 'Maria Gunnarsson', 'Sten', 'Sten-Åke Kjell', 'Viktor']);
    expect(absent(r).sort()).toEqual(['Jörgen', 'Markus']);
    expect(flagged(r, 'chair')).toEqual(['Kerstin']);
  });

  it('splits people written without commas at their party tags, and gives a flag word after a comma to the person before it', () => {
    const r = facts(
      [
        'SAMMANTRÄDESPROTOKOLL Kommunfullmäktige 2026-05-04',
        '',
        '1 Plats och tid Kommunhuset kl 18:30 Beslutande ledamöter Hans Karlsson (S) (ordförande) Inga-Britt Ritzman (S) (vice ordförande) Magnus Andersson (S) ' +
          'Ersättare Eva Johansson (C), sekreterare Stefan Carlsson (S) Roger Axelsson (M) Paragrafer 1-12',
      ].join('\n'),
    );
    expect(present(r).sort()).toEqual(['Eva Johansson', 'Hans Karlsson', 'Inga-Britt Ritzman', 'Magnus Andersson', 'Roger Axelsson', 'Stefan Carlsson']);
    expect(flagged(r, 'chair')).toEqual(['Hans Karlsson']);
    expect(flagged(r, 'secretary')).toEqual(['Eva Johansson']);
  });

  it('takes a name the lexicon does not know from a vertical list that already has people, with its role after the initials', () => {
    const r = facts(
      [
        'Protokoll styrelsemöte 2026-05-10',
        '',
        'Närvarande medlemmar:',
        '',
        'Bertil Strand ordf., (BS).',
        'Per Åstrand (PÅ).',
        '',
        'Ylvali Brand, (YB) vid protokollet',
        '',
        '§ 1',
        '',
        'Mötet öppnas.',
      ].join('\n'),
    );
    expect(present(r)).toEqual(['Bertil Strand', 'Per Åstrand', 'Ylvali Brand']);
    expect(flagged(r, 'chair')).toEqual(['Bertil Strand']);
    expect(flagged(r, 'secretary')).toEqual(['Ylvali Brand']);
  });

  it('reads surname-first names in two columns, with the role after the first', () => {
    const r = facts(
      [
        'Protokoll                     Sammanträde  Sjöns FVOF',
        '',
        'Tid                             2012-11-19',
        '',
        'Närvarande                  Uggla, Eddie  ordförande',
        '',
        '                                 Abelius, Anders             Carlsson, Anders',
        '',
        '                                 Ingvald, Göran              Wester, Åke',
        '',
        '  1. Förklarade  ordföranden  mötet öppnat.',
      ].join('\n'),
    );
    expect(present(r)).toEqual(['Eddie Uggla', 'Anders Abelius', 'Anders Carlsson', 'Göran Ingvald', 'Åke Wester']);
    expect(flagged(r, 'chair')).toEqual(['Eddie Uggla']);
  });

  it('takes a surname after an honorific, ignores a role in parentheses as a label, and moves a rostered person with apologies to absent', () => {
    const r = facts(
      [
        'Minutes of a Meeting of the Parish Council held on Monday 4 February 2008 Cou/285/07-08 Present Members: Cllr P Batty (Chairman), ' +
          'Cllr J Batty, Cllr Beck, Cllr Hollick (arrived at 7.01pm), Cllr Kleingeld and Cllr Yarwood.',
        '',
        'Attendees\tTony Brown, Anne Mallalieu, Marion Harvey, Mark Kleinfeld',
        '',
        '2. Welcome and Apologies',
        'Apologies were received from Marion Harvey and James Hargrave.',
      ].join('\n'),
    );
    expect(present(r)).toEqual(expect.arrayContaining(['P Batty', 'J Batty', 'Beck', 'Hollick', 'Kleingeld', 'Anne Mallalieu', 'Mark Kleinfeld']));
    expect(absent(r)).toEqual(expect.arrayContaining(['Marion Harvey']));
    expect(present(r)).not.toContain('Marion Harvey');
    expect(flagged(r, 'chair')).toEqual(['P Batty']);
  });

  it('does not read a sentence after an absence list as one more absentee', () => {
    const r = facts(
      [
        'Närvarande styrelseledamöter:',
        'Åke Strand, Carin Nilsson, Frida Gren och Patrik Ek (deltog på plats).',
        '',
        'Frånvarande:',
        'Charlotte Bjur, Mats Mårten och Ewa Lovar.',
        '',
        '  • 1 Mötet öppnas',
        '',
        'Carin Nilsson ordförande hälsar alla välkomna och öppnar mötet.',
      ].join('\n'),
    );
    expect(absent(r).sort()).toEqual(['Charlotte Bjur', 'Ewa Lovar', 'Mats Mårten']);
    expect(present(r)).toContain('Carin Nilsson');
  });
});
