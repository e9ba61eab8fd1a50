/**
 * Tasks written without an active subject (issue 11, "action items as users mean them") and task
 * text that reads as a sentence on a card: Swedish modal and present passives, "ske", an indefinite
 * group given a task, English passives, points under an action heading with their owner in
 * parentheses; what is no task (needs, standing rules, opinions, distribution lists). The sentences
 * are the forms of the seed minutes and of the real minutes in the development corpus.
 */
import { describe, expect, it } from 'vitest';
import { passiveTask } from '../../parsers/facts/action-passive.js';
import { finishTask, presentToInfinitive } from '../../parsers/facts/action-task.js';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';

describe('passiveTask', () => {
  it('turns Swedish modal and present passives into an active task', () => {
    expect(passiveTask('En mindre arbetsgrupp ska tillsättas.')).toEqual({ task: 'tillsätta en mindre arbetsgrupp', agent: null });
    expect(passiveTask('Åtgärderna kommer sedan att genomföras under våren när vädret tillåter.')?.task).toBe(
      'genomföra åtgärderna under våren när vädret tillåter',
    );
    expect(passiveTask('Fastighetsgruppen kommer att vidtalas.')?.task).toBe('vidtala fastighetsgruppen');
    expect(passiveTask('Inga synpunkter på protokollet, åtgärdslistan uppdateras.')?.task).toBe('uppdatera åtgärdslistan');
    expect(passiveTask('Europakonvent i Helsingfors, bör sättas upp på hemsidan.')?.task).toBe('sätta upp europakonvent i Helsingfors på hemsidan');
    expect(passiveTask('Förslag är att Mikael bjuds in till ett möte för vidare dialog.', ['Mikael Szanto'])?.task).toBe(
      'bjuda in Mikael till ett möte för vidare dialog',
    );
    expect(passiveTask('Frågan parkeras till nästa möte när även skolchef är närvarande.')?.task).toBe(
      'parkera frågan till nästa möte när även skolchef är närvarande',
    );
  });

  it('takes the agent from "av X", a trailing "(X)" and "ske mellan A, B och C"', () => {
    expect(passiveTask('Trasiga fönster kommer att åtgärdas av Eva Lind.')).toEqual({ task: 'åtgärda trasiga fönster', agent: 'Eva Lind' });
    expect(passiveTask('Måndagar passar dåligt för flera, så en Doodle-undersökning om alternativa tider kommer att skickas ut (Josef).')).toEqual({
      task: 'skicka ut en Doodle-undersökning om alternativa tider',
      agent: 'Josef',
    });
    expect(passiveTask('Fortsatt dialog får ske mellan Jacqueline Uddgren, Maria Juhlin och Sara Karlsson när parterna har mer fakta.')).toEqual({
      task: 'föra fortsatt dialog mellan Jacqueline Uddgren, Maria Juhlin och Sara Karlsson när parterna har mer fakta',
      agent: 'Jacqueline Uddgren, Maria Juhlin och Sara Karlsson',
    });
    expect(passiveTask('Återkoppling kommer ske till uppdragsgruppen.')?.task).toBe('ge återkoppling till uppdragsgruppen');
  });

  it('reads an indefinite group given a task, and English passives', () => {
    expect(passiveTask('En mindre grupp ska ha möte kring avvikelser för barn och unga 13 april.')?.task).toBe(
      'ha möte kring avvikelser för barn och unga 13 april',
    );
    expect(passiveTask('Copies of the signed document will be sent to all Libraries.')?.task).toBe('send copies of the signed document to all Libraries');
    // "each respective committee" names no time: this is no standing rule.
    expect(passiveTask('The role of chair will be decided at the first meeting of each respective committee.')?.task).toBe(
      'decide the role of chair at the first meeting of each respective committee',
    );
    expect(passiveTask('All Terms of Reference were agreed and will be reviewed by the Board in the forthcoming year.')).toEqual({
      task: 'review all Terms of Reference in the forthcoming year',
      agent: 'the Board',
    });
  });

  it('finds no task in needs, ideas, standing rules, opinions, conditionals, distribution lists or who replaces whom', () => {
    for (const s of [
      'Kvalitén behöver höjas och antalet öka.',
      'dokument måste läggas på rätt nivå så att alla förstår.',
      'En gemensam inbjudan skulle kunna göras som kan skickas till ordförande.',
      'Sopor skall tömmas varje vecka.',
      'Elektronikskroten skall tömmas av Veolia vid avrop.',
      'Styrgrupp närvård anser att punkten ska tydliggöras.',
      'Om personal ska utbildas så sker det via vården.',
      'Det skall alltså vara samma person.',
      'Beslutet skickas till',
      'Thomas Ek kommer ersättas av Per Holm.',
      'Genomgång görs av aktiviteterna.',
      'a working group would be put together if needed for a specific piece of work.',
      'Ventilationskontroll skall genomföras vart sjätte år.',
      'Minutes will be circulated every other month.',
    ])
      expect(passiveTask(s), s).toBeNull();
  });
});

describe('task text for a card', () => {
  it('puts the Swedish present tense in the infinitive', () => {
    expect(['gör', 'mailar', 'skriver', 'tar', 'återkommer', 'genomför', 'bjuder', 'ser', 'kontaktar', 'berättar'].map(presentToInfinitive)).toEqual([
      'göra',
      'maila',
      'skriva',
      'ta',
      'återkomma',
      'genomföra',
      'bjuda',
      'se',
      'kontakta',
      'berätta',
    ]);
    expect(presentToInfinitive('circulate')).toBeNull();
  });

  it('capitalises, drops the full stop and links', () => {
    expect(finishTask('fundera vilka frågor ni vill fokusera på nästa gång. https://example.org/x[frågor]')).toBe(
      'Fundera vilka frågor ni vill fokusera på nästa gång',
    );
  });
});

describe('points under an action heading', () => {
  it('reads each point as a task with the owner in its trailing parentheses', () => {
    const r = extractFacts(
      textToPages(
        [
          '# Sammanfattning 24-10-21',
          '',
          'Närvarande: Bolagsverket, Digg, Sambruk',
          '',
          '## Actionpoints inför nästa gång',
          '',
          '1. Rensa upp i förslaget om aktörer/roller och ta med det till nästa träff (Josef)).',
          '2. Samla in fler åsikter om diarieföring (alla).',
          '3. Digg försöker få svar på när hjälpresurs för demo finns (Josef).',
          '',
          'Mötet avslutades.',
        ].join('\n'),
      ),
      { format: 'txt' },
    );
    expect(r.actionItems.map((a) => [a.owners.join('+'), a.task])).toEqual([
      ['Josef', 'Rensa upp i förslaget om aktörer/roller och ta med det till nästa träff'],
      ['alla', 'Samla in fler åsikter om diarieföring'],
      ['Josef', 'Försöka få svar på när hjälpresurs för demo finns'],
    ]);
  });
});
