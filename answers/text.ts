/**
 * Text helpers shared by the answer engine: accent folding (questions are often typed without
 * å/ä/ö), tokens, stop words, a light stemmer and a small English→Swedish glossary so English
 * questions can match Swedish documents.
 */

import { GLOSSARY_SV } from './glossary-sv.js';

const FOLD_FROM = 'åäöéèüáàæø';
const FOLD_TO = 'aaoeeuaaao';
const FOLD_MAP = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]));

/** SQL expression folding a column the same way as `fold` (and as the 0002 trigram index). */
export function sqlFold(column: string): string {
  return `translate(lower(${column}), '${FOLD_FROM}', '${FOLD_TO}')`;
}

/** Lower case, å/ä/ö → a/a/o and friends. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) out += FOLD_MAP.get(ch) ?? ch;
  return out;
}

/** Words and numbers of a text, original case kept. */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Folded words of a text, hyphenated words also split into their parts. */
export function foldedWords(s: string): string[] {
  const out: string[] = [];
  for (const w of words(fold(s))) {
    out.push(w);
    if (w.includes('-')) out.push(...w.split('-').filter(Boolean));
  }
  return out;
}

const STOP = new Set(
  fold(
    `och i att det som på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år
     sin nu ska skall hur vad vem vilka vilken vilket vilket varför var där här eller också alla allt efter
     än då mot dem denna detta dessa deras dess hon hans hennes honom mig min mitt mina oss vår våra ni er ert
     ut upp in över under vid hos genom utan sedan redan bara mycket många mer mest får fick finns fanns
     blir blev bli vara varit funnits ha hade gör göra gjorde görs gjordes skulle kommer kunde ju väl nog ens hos
     något några någon ingen inget inga en ett på enligt angående gällande kring om
     berätta säg visa lista ge snälla tack hej undrar veta vet vart länge
     the a an of to in on at for by with from about as is are was were be been being do does did done
     what who whom whose which when where why how this that these those it its there their they them we our you your
     i me my he she his her and or but not no any some all many much more most can could should would will shall
     may might must have has had get got tell show list please give know let us into than then also
     hello hi thanks`,
  ).split(/\s+/),
);

/** Words that only say what kind of question it is; they do not name what is asked about. */
const QUESTION_WORDS = new Set(
  fold(
    `kostar kosta kostnad kostnader kostnaden kostade summa summan total totala totalt totalen belopp beloppet pengar kronor kr sek
     budget budgeten budgeterat budgeterad utfall utfallet finansieras finansierad finansiering finansieringen finansierades
     ansvarig ansvariga ansvarar ansvaret ansvar tidplan tidplanen genomföras genomförs utföras klart
     cost costs costing price spend spent amount total sum budget budgeted funded funding financed finance responsible charge timeline schedule
     mötet möte möten mötena mötes sammanträdet sammanträde meeting meetings
     dokument dokumenten dokumentet document documents handling handlingar
     gruppen grupp gruppens group groups
     heter står betyder innebär kallas means mean stand stands called paid pay pays hölls hålls held`,
  ).split(/\s+/),
);

/** True for a folded word that carries no content. */
export function isStopWord(folded: string): boolean {
  return STOP.has(folded);
}

/** True for a folded word that only marks the kind of question. */
export function isQuestionWord(folded: string): boolean {
  return QUESTION_WORDS.has(folded);
}

/** English words members use → Swedish stems found in the documents. */
const GLOSSARY: Record<string, string[]> = {
  meeting: ['möte'],
  meetings: ['möte'],
  next: ['nästa'],
  attended: ['närvarande'],
  absent: ['frånvarande'],
  decision: ['beslut'],
  decisions: ['beslut'],
  decided: ['beslut'],
  proposal: ['förslag'],
  letter: ['svar', 'skrivelse'],
  children: ['barn'],
  child: ['barn'],
  young: ['unga'],
  youth: ['unga'],
  people: ['personer'],
  families: ['familj'],
  family: ['familj'],
  elderly: ['äldre'],
  health: ['hälsa'],
  'e-health': ['e-hälsa'],
  mental: ['psykisk'],
  psychiatry: ['psykiatri'],
  disability: ['funktionsnedsättning'],
  addiction: ['missbruk', 'beroende'],
  violence: ['våld'],
  cost: ['kostnad'],
  costs: ['kostnad'],
  budget: ['budget'],
  funding: ['finansiering'],
  grant: ['statsbidrag', 'bidrag'],
  trust: ['tillit'],
  day: ['dag'],
  days: ['dag'],
  target: ['målgrupp'],
  group: ['grupp'],
  school: ['skola', 'skolan'],
  training: ['utbildning'],
  education: ['utbildning'],
  trained: ['utbildade'],
  suicide: ['suicid'],
  prevention: ['prevention'],
  successful: ['framgångsrik'],
  initiative: ['satsning', 'initiativ'],
  initiatives: ['satsning', 'initiativ'],
  application: ['ansökan'],
  report: ['rapport'],
  follow: ['uppföljning'],
  'follow-up': ['uppföljningsrapport'],
  outcome: ['utfall'],
  politicians: ['politiker'],
  goals: ['mål'],
  goal: ['mål'],
  focus: ['fokus'],
  areas: ['område'],
  area: ['område'],
  plan: ['plan'],
  action: ['handlingsplan'],
  municipality: ['kommun'],
  region: ['region'],
  replaces: ['ersätter', 'ersättas'],
  replace: ['ersätter', 'ersättas'],
  deviations: ['avvikelser'],
  vaccination: ['vaccin'],
  vaccine: ['vaccin'],
  workshop: ['workshop'],
  user: ['brukar'],
  users: ['brukar'],
  coordinator: ['samordnare'],
  chair: ['ordförande'],
  secretary: ['sekreterare'],
  parents: ['föräldrar'],
  parental: ['föräldra'],
  support: ['stöd'],
  overweight: ['övervikt'],
  physical: ['fysisk'],
  activity: ['aktivitet'],
  activities: ['aktivitet'],
  project: ['projekt'],
  municipalities: ['kommun'],
  // Meetings.
  held: ['hölls', 'hålls'],
  agenda: ['dagordning'],
  minutes: ['mötesanteckning', 'protokoll'],
  approved: ['godkänn', 'godkänd'],
  approve: ['godkänn'],
  attendees: ['närvarande', 'deltagare'],
  participants: ['deltagare', 'närvarande'],
  present: ['närvarande'],
  invited: ['inbjud'],
  invite: ['inbjud'],
  invitation: ['inbjudan'],
  update: ['uppdatering'],
  previous: ['föregående'],
  item: ['punkt'],
  point: ['punkt'],
  steering: ['styrgrupp'],
  committee: ['nämnd', 'utskott'],
  board: ['styrelse', 'nämnd'],
  council: ['råd'],
  replaced: ['ersätt'],
  successor: ['efterträd', 'ersätt'],
  leaving: ['sluta'],
  leaves: ['sluta'],
  working: ['arbetsgrupp', 'arbete'],
  workgroup: ['arbetsgrupp'],
  discussed: ['diskuter', 'dialog'],
  discussion: ['diskussion', 'dialog'],
  presentation: ['presentation'],
  presented: ['presenter'],
  postponed: ['parker', 'skjut'],
  contact: ['kontakt'],
  // Money.
  apply: ['söka', 'ansök'],
  applied: ['ansök', 'söka'],
  maximum: ['max'],
  allocated: ['avsatt'],
  granted: ['beviljad'],
  funds: ['medel'],
  money: ['medel', 'pengar'],
  preliminary: ['preliminär'],
  distribution: ['fördelning'],
  distributed: ['fördela'],
  salary: ['lön'],
  income: ['intäkt'],
  grants: ['statsbidrag', 'bidrag'],
  state: ['stat'],
  subsidy: ['bidrag', 'statsbidrag'],
  // Roles.
  director: ['direktör'],
  manager: ['chef', 'ledare'],
  head: ['chef'],
  ceo: ['vd'],
  leader: ['ledare'],
  chairman: ['ordförande'],
  chairperson: ['ordförande'],
  principal: ['rektor'],
  nurse: ['sjuksköterska'],
  nurses: ['sjuksköterska'],
  doctor: ['läkare'],
  physician: ['läkare'],
  representative: ['representant', 'företrädare'],
  signed: ['underteckn'],
  controller: ['controller'],
  // Dates.
  january: ['januari'],
  february: ['februari'],
  march: ['mars'],
  april: ['april'],
  june: ['juni'],
  july: ['juli'],
  august: ['augusti'],
  september: ['september'],
  october: ['oktober'],
  november: ['november'],
  december: ['december'],
  spring: ['våren', 'vår'],
  autumn: ['hösten', 'höst'],
  fall: ['hösten'],
  summer: ['sommar'],
  winter: ['vinter'],
  week: ['vecka'],
  weeks: ['vecka'],
  year: ['år'],
  years: ['år'],
  month: ['månad'],
  months: ['månad'],
  today: ['idag'],
  monday: ['måndag'],
  tuesday: ['tisdag'],
  wednesday: ['onsdag'],
  thursday: ['torsdag'],
  friday: ['fredag'],
  // Subjects of the family of documents.
  obesity: ['fetma'],
  welfare: ['välfärd'],
  care: ['vård'],
  services: ['tjänst'],
  pupils: ['elev'],
  students: ['elev'],
  attendance: ['närvaro'],
  'self-care': ['egenvård'],
  recruitment: ['rekryter'],
  recruited: ['rekryter'],
  survey: ['kartläggning'],
  mapping: ['kartläggning'],
  analysis: ['analys'],
  catalogue: ['katalog'],
  web: ['webb'],
  platform: ['plattform'],
  strategy: ['strategi'],
  model: ['modell'],
  workshops: ['workshop'],
  recommendations: ['rekommendation'],
  guidelines: ['riktlinje'],
  law: ['lag'],
  consent: ['samtycke'],
  guardian: ['vårdnadshavare'],
  guardians: ['vårdnadshavare'],
  staff: ['personal'],
  employees: ['anställda', 'medarbetare'],
  coffee: ['kaffe'],
  parking: ['parkering'],
  segregation: ['segregation'],
  actors: ['aktör'],
  partners: ['aktör', 'samverkan'],
  cooperate: ['samverka'],
  cooperation: ['samverkan'],
  collaboration: ['samverkan'],
  collaborate: ['samverka'],
};

/** Swedish forms an English word may appear as (folded), empty when none is known. */
export function glossary(foldedWord: string): string[] {
  return glossaryRaw(foldedWord).map(fold);
}

/** Glossary forms as written: English → Swedish, and Swedish → English (answers/glossary-sv.ts). */
function glossaryRaw(foldedWord: string): string[] {
  return [...(GLOSSARY[foldedWord] ?? []), ...(Object.hasOwn(GLOSSARY_SV, foldedWord) ? GLOSSARY_SV[foldedWord]! : [])];
}

const SUFFIXES = [
  'arnas',
  'ernas',
  'ornas',
  'heten',
  'arna',
  'erna',
  'orna',
  'ande',
  'ende',
  'ades',
  'ade',
  'ats',
  'ens',
  'ets',
  'ing',
  'ers',
  'ies',
  'are',
  'ern',
  'et',
  'en',
  'er',
  'ar',
  'or',
  'na',
  'es',
  'ed',
  's',
  'a',
  'e',
  'n',
];

/** A prefix that inflected forms of a folded word share ("webbplattformen" → "webbplattform"). */
export function stemPrefix(folded: string): string {
  if (/^\d/.test(folded) || folded.length <= 4) return folded;
  for (const s of SUFFIXES) {
    if (folded.endsWith(s) && folded.length - s.length >= 4) {
      const stem = folded.slice(0, -s.length);
      // "workshoppen" → "workshop", "mötet" keeps its stem: a doubled final consonant is halved.
      return /([b-df-hj-np-tv-z])\1$/.test(stem) && stem.length >= 6 ? stem.slice(0, -1) : stem;
    }
  }
  return folded;
}

/** True when some word of `haystackWords` begins with the stem of `folded` (or equals a number). */
export function hasWordPrefix(haystackWords: readonly string[], prefix: string): boolean {
  // Numbers and short words (acronyms like "IT", "tid") must match whole words.
  if (/^\d+$/.test(prefix) || prefix.length < 4) return haystackWords.includes(prefix);
  return haystackWords.some((w) => w.startsWith(prefix) || (prefix.length >= 7 && w.length >= 7 && w.includes(prefix)));
}

/** A word of the question, with what we know about it. */
export interface QueryTerm {
  /** As written. */
  raw: string;
  folded: string;
  /** Prefixes any of which counts as a match (the word's stem and its glossary forms), folded. */
  prefixes: string[];
  /** Unfolded forms for text search: the word in lower case and its glossary translations. */
  forms: string[];
  /** Names, numbers and acronyms must be matched for a passage to count as an answer. */
  must: boolean;
  weight: number;
  /** A hyphenated compound of the question, matched whole or as adjacent words (weight 0, must). */
  compound?: boolean;
}

/**
 * At most this many terms of a question reach the database. Every query built from terms grows
 * with their number (the passage net that lets one word be missing, with its square), so a long
 * question must not grow the SQL: the heaviest terms stand for the question (issue 14 #2).
 */
export const MAX_QUERY_TERMS = 10;

/** The `max` heaviest terms (names, numbers and must-terms first, then weight, then length), in question order. */
export function heaviestTerms(terms: QueryTerm[], max = MAX_QUERY_TERMS): QueryTerm[] {
  if (terms.length <= max) return terms;
  const keep = new Set(
    [...terms]
      .map((t, i) => ({ t, i }))
      .sort((a, b) => Number(b.t.must) - Number(a.t.must) || b.t.weight - a.t.weight || b.t.folded.length - a.t.folded.length || a.i - b.i)
      .slice(0, max)
      .map((x) => x.i),
  );
  return terms.filter((_, i) => keep.has(i));
}

/** The content words of a question (no stop words, no question-kind words), at most `MAX_QUERY_TERMS`. */
export function contentTerms(question: string, opts: { dropQuestionWords?: boolean } = {}): QueryTerm[] {
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  const ws = words(question);
  // A capital after a sentence's end ("… 2025? Ange båda beloppen.") starts a sentence, not a name.
  const sentenceStarts = new Set((question.match(/[.!?]\s+[\p{L}\p{N}]+/gu) ?? []).map((m) => m.replace(/^[.!?]\s+/, '')));
  ws.forEach((raw, i) => {
    // "IT-chef": its parts are terms, and so is the compound, which must be found whole (or as
    // "IT chef"): a passage with "IT-stöd" and "chefer" is not about the IT manager.
    if (/^[\p{L}\p{N}]{2,}(-[\p{L}\p{N}]{2,})+$/u.test(raw) && !seen.has(fold(raw))) {
      const f = fold(raw);
      seen.add(f);
      // Inflected as a whole: "SK-mötet" is found as the printed "SK-möte".
      const stem = stemPrefix(f);
      out.push({ raw, folded: f, prefixes: [stem, stem.replace(/-/g, '')], forms: [], must: true, weight: 0, compound: true });
    }
    const parts = raw.includes('-') && !/^[\p{L}]-/u.test(raw) ? [raw, ...raw.split('-')] : [raw];
    for (const whole of parts.length > 1 ? parts.slice(1) : parts) {
      // An English possessive is the word itself: "Library's" → "Library".
      const part = whole.replace(/['’]s$/i, '');
      const f = fold(part);
      const isAcronym = /^[A-ZÅÄÖ]{2,}$/.test(part);
      // "IT" in "IT-chef" is an acronym, not the English stop word "it".
      if (!f || seen.has(f) || (isStopWord(f) && !isAcronym)) continue;
      if ((opts.dropQuestionWords ?? true) && isQuestionWord(f)) continue;
      if (f.length < 2 && !/\d/.test(f)) continue;
      seen.add(f);
      const isNumber = /^\d+$/.test(f);
      const isName = i > 0 && /^\p{Lu}\p{Ll}/u.test(part) && !(part === raw && sentenceStarts.has(raw));
      const gl = glossary(f);
      const glRaw = glossaryRaw(f);
      out.push({
        raw: part,
        folded: f,
        prefixes: [stemPrefix(f), ...gl.map(stemPrefix)],
        forms: [part.toLowerCase(), ...glRaw],
        must: isNumber || isAcronym || (isName && gl.length === 0),
        weight: isNumber || isAcronym || isName ? 2 : f.length >= 6 ? 1.2 : 1,
      });
    }
  });
  return heaviestTerms(out);
}

/** Characters safe inside a tsquery lexeme; anything else is dropped, never passed to SQL. */
export function lexeme(s: string): string {
  return s.replace(/[^\p{L}\p{N}]/gu, '');
}

/** "375 000 kr". */
export function formatAmount(sek: number): string {
  const neg = sek < 0;
  const digits = String(Math.round(Math.abs(sek)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${neg ? '−' : ''}${grouped} kr`;
}

/** Escapes a string for use inside a LIKE pattern. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
