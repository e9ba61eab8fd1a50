/**
 * Roles with qualifiers: a question about the second vice chair is answered with the person the
 * minutes give exactly that role, never with the chair; a role only named as an agenda point is
 * not answered with whoever the unit mentions; "chairs" that are furniture are no chair question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../answers/index.js';
import { detectIntent } from '../../answers/intent.js';
import { askedRole, peopleWithRole } from '../../answers/roles.js';
import { chunkPages } from '../../parsers/chunks.js';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';
import { buildUnits } from '../../parsers/units/build-units.js';
import { type Db } from '../../store/db.js';
import { openTestDb } from '../helpers/answer-db.js';
import { insertDocument } from '../../store/documents.js';
import { replaceDocumentContent } from '../../store/facts.js';
import { ensureGroup } from '../../store/groups.js';

const MINUTES = `SAMMANTRÄDESPROTOKOLL Kommunfullmäktige 2024-02-12

Beslutande ledamöter Hans Karlsson (S) (ordförande) Inga-Britt Ritzman (S) (vice ordförande) Inger Hellqvist (C) (2:e vice ordförande) Magnus Andersson (M)
Sekreterare: Lena Fagerlund
Justerare: Magnus Andersson

§ 1 Val av justerare
Beslut: Val av 1:e vice ordförande i valnämnden bordläggs till nästa sammanträde.
`;

describe('roles with qualifiers', () => {
  it('reads the qualifiers of a role in questions and texts alike', () => {
    expect(askedRole('Vem är andre vice ordförande?')).toEqual({ base: 'chair', rank: 2, vice: true, substitute: false });
    expect(askedRole('Who was elected vice chairman?')).toMatchObject({ base: 'chair', rank: 0, vice: true });
    const text = 'Ett presidium valdes också: Niklas Daoson ordförande, Karin Jonsson 1:e vice ordförande, Simon Högberg 2:e vice ordförande.';
    expect(peopleWithRole(text, askedRole('Vem är ordförande?')!)).toEqual(['Niklas Daoson']);
    expect(peopleWithRole(text, askedRole('Vem är förste vice ordförande?')!)).toEqual(['Karin Jonsson']);
    expect(peopleWithRole(text, askedRole('Vem är 2:e vice ordförande?')!)).toEqual(['Simon Högberg']);
    expect(peopleWithRole('The current officers are J Leahy, Deputy Chairman, A Smallman, Secretary', askedRole('Who is the secretary?')!)).toEqual([
      'A Smallman',
    ]);
    expect(peopleWithRole('Beslut: Val av vice ordförande Diskussion: Nästa Slag', askedRole('Vem är vice ordförande?')!)).toEqual([]);
  });

  it('asks for a chair only when the question asks who', () => {
    expect(detectIntent('Did the trustees agree to buy the lean-to metal shed for the chairs?', false)).not.toBe('role.chair');
    expect(detectIntent('Who chairs the group?', false)).toBe('role.chair');
  });

  describe('end to end', () => {
    let db: Db;
    let groupId: string;
    const ask = (question: string) => answerQuestion(db, { question, asker: { id: 't' }, groupIds: [groupId] });
    beforeAll(async () => {
      db = (await openTestDb('pglite')).db;
      groupId = (await ensureGroup(db, 'kf')).id;
      const id = (
        await insertDocument(db, {
          groupId,
          sha256: 'b'.repeat(64),
          fileName: 'kf-protokoll.txt',
          mimeType: 'text/plain',
          sizeBytes: MINUTES.length,
          uploaderId: 't',
          uploaderName: 't',
        })
      ).row.id;
      const pages = textToPages(MINUTES);
      const facts = extractFacts(pages, { format: 'txt' });
      await db.transaction((q) => replaceDocumentContent(q, id, groupId, { pages, chunks: chunkPages(pages), units: buildUnits(pages, facts, 'txt'), facts }));
    });
    afterAll(() => db.close());

    it('answers the second vice chair, not the chair', async () => {
      const a = await ask('Vem är andre vice ordförande?');
      expect(a.found).toBe(true);
      expect(a.answer).toContain('Inger Hellqvist');
      expect(a.answer).not.toContain('Hans Karlsson');
      expect(a.citations[0]!.quote).toContain('Inger Hellqvist');
    });

    it('answers the vice chair with the plain vice chair', async () => {
      const a = await ask('Vem är vice ordförande?');
      expect(a.answer).toContain('Inga-Britt Ritzman');
      expect(a.answer).not.toContain('Inger Hellqvist');
    });

    it('answers who checks the minutes with the adjuster, not the secretary', async () => {
      const a = await ask('Vem valdes till justerare och rösträknare?');
      expect(a.answer).toContain('Magnus Andersson');
      expect(a.answer).not.toContain('Lena Fagerlund');
    });

    it('does not answer a role nobody is given with another person', async () => {
      const a = await ask('Vem är förste vice ordförande i valnämnden?');
      expect(a.found).toBe(false);
    });
  });
});
