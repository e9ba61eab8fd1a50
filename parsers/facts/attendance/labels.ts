/**
 * Attendance labels as data: what a label says about the people listed after it. A label is found
 * anywhere in a paragraph (protocol front pages flatten "Beslutande Ledamöter Anna Berg (S), …
 * Tjänstemän …" into one line), and the list it opens runs to the next label of any kind.
 * Adding a label or a language is a one-line change here.
 */
import type { AttendeeFlag } from '../../../core/facts.js';

export type LabelMeaning =
  | { kind: 'present'; flags: AttendeeFlag[] }
  | { kind: 'absent' }
  | { kind: 'flag'; flag: AttendeeFlag }
  /** Ends a list without opening one (other front-page fields). */
  | { kind: 'stop' };

const P = (flags: AttendeeFlag[] = []): LabelMeaning => ({ kind: 'present', flags });
const A: LabelMeaning = { kind: 'absent' };
const F = (flag: AttendeeFlag): LabelMeaning => ({ kind: 'flag', flag });
const S: LabelMeaning = { kind: 'stop' };

/** Longest first where one label starts another ("Närvarande ersättare" before "Närvarande"). */
export const LABELS: Array<[string, LabelMeaning]> = [
  ['närvarande, ej tjänstgörande ersättare', P(['substitute'])],
  ['ej tjänstgörande ersättare', P(['substitute'])],
  ['tjänstgörande ersättare', P(['substitute'])],
  ['närvarande ersättare', P(['substitute'])],
  ['närvarande ledamöter', P()],
  ['närvarande styrelseledamöter', P()],
  ['närvarande medlemmar', P()],
  ['närvarande tjänstemän', P()],
  ['närvarande tjänstepersoner', P()],
  ['övriga närvarande', P()],
  ['övriga deltagande', P()],
  ['övriga deltagare', P()],
  ['beslutande ledamöter', P()],
  ['beslutande', P()],
  ['ledamöter', P()],
  ['närvarande', P()],
  ['deltagare', P()],
  ['deltog', P()],
  ['tjänstemän', P()],
  ['tjänstepersoner', P()],
  ['adjungerade', P(['adjunct'])],
  ['adjungerad', P(['adjunct'])],
  ['kallade', P()],
  ['ersättare', P(['substitute'])],
  ['members present', P()],
  ['present members', P()],
  ['members', P()],
  ['trustees present', P()],
  ['councillors present', P()],
  ['officers present', P()],
  ['officers in attendance', P()],
  ['also present', P()],
  ['also in attendance', P()],
  ['in attendance', P()],
  ['attendees present', P()],
  ['attendees', P()],
  ['attendance', P()],
  ['participants', P()],
  ['invited', P()],
  ['guests', P()],
  ['observers', P()],
  ['inbjudna', P()],
  ['gäster', P()],
  ['present', P()],
  ['frånvarande ledamöter', A],
  ['frånvarande ersättare', A],
  ['frånvarande', A],
  ['anmält förhinder', A],
  ['anmält frånvaro', A],
  ['ej närvarande', A],
  ['förhinder', A],
  ['apologies for absence', A],
  ['apologies received from', A],
  ['apologies received', A],
  ['apologies from', A],
  ['apologies', A],
  ['absent', A],
  ['not present', A],
  ['vid ordförandeklubban', F('chair')],
  ['mötesordförande', F('chair')],
  ['ordförande', F('chair')],
  ['ordf', F('chair')],
  ['sekreterare', F('secretary')],
  ['protokollförare', F('secretary')],
  ['vid protokollet', F('secretary')],
  ['vid pennan', F('secretary')],
  ['vid anteckningarna', F('secretary')],
  ['mötessekreterare', F('secretary')],
  ['antecknare', F('secretary')],
  ['facilitator', F('chair')],
  ['secretariat', F('secretary')],
  ['minutes taken by', F('secretary')],
  ['note taker', F('secretary')],
  ['chairman', F('chair')],
  ['chairperson', F('chair')],
  ['chair', F('chair')],
  ['secretary', F('secretary')],
  ['minute taker', F('secretary')],
  ['minutes', F('secretary')],
  ['clerk', F('secretary')],
  ['justerare', F('adjuster')],
  ['justeringsmän', F('adjuster')],
  ['justeringspersoner', F('adjuster')],
  ['justeringsperson', F('adjuster')],
  ['justerande', F('adjuster')],
  // "Justeras" heads the signatures of the chair and the adjusters alike: it names no role.
  ['justeras', S],
  ['utses att justera', F('adjuster')],
  ['plats och tid', S],
  ['tid och plats', S],
  ['plats och tid för justering', S],
  ['paragrafer', S],
  ['justering', S],
  ['underskrifter', S],
  // Copies and distribution lists name people who were not there.
  ['kopia till', S],
  ['för kännedom', S],
  ['sändlista', S],
  ['distribution', S],
  ['circulation', S],
  ['copy to', S],
  ['copies to', S],
  ['anslag/bevis', S],
  ['anslag / bevis', S],
  ['anslag', S],
  ['dagordning', S],
  ['övriga frågor', S],
  ['övriga ärenden', S],
  ['övriga', P()],
  ['datum', S],
  ['tid', S],
  ['plats', S],
  ['agenda', S],
  ['date', S],
  ['venue', S],
  ['time', S],
];

/** A capitalised name of one to three words that does not start with a role word ("Ordförande Rolf Adamsson" → "Rolf Adamsson"). */
const NAME = '(?!(?:Ordförande|Ordföranden|Mötesordförande|Ordf|Chair|Chairman|The)\\b)(\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+){0,2})';
const PARTY = '(?:\\s*\\([\\p{Lu}-]{1,4}\\))?';
const CHAIR_WORD = '(?:mötesordförande|ordföranden|ordförande|ordf\\.?|chair(?:man|woman|person)?)';
const OPENS = '(?:hälsa(?:r|de)|öppna(?:r|de)|förklara(?:r|de)|välkomna(?:r|de)|opened|welcomed)';
const re = (src: string) => new RegExp(src, 'u');

/**
 * Prose that names a chair or secretary: elections ("Kerstin valdes till ordförande"), and the
 * chair opening the meeting ("Carin Nises ordförande hälsar alla välkomna", "Ordförande Rolf
 * Adamsson hälsade välkommen", "Anna Berg förklarade mötet öppnat"). The name is group 1.
 */
export const ELECTED: Array<[RegExp, AttendeeFlag]> = [
  [re(`${NAME}\\s+(?:valdes|väljs|utsågs|utses)\\s+(?:till\\s+)?(?:mötes)?ordförande`), 'chair'],
  [re(`${NAME}\\s+(?:valdes|väljs|utsågs|utses)\\s+(?:till\\s+)?(?:mötes)?(?:sekreterare|protokollförare)`), 'secretary'],
  [re(`${NAME}\\s+(?:valdes|väljs|utsågs|utses)\\s+(?:till\\s+)?(?:justerare|justeringsperson)`), 'adjuster'],
  [re(`(?:till\\s+)?(?:mötes)?ordförande\\s+(?:valdes|väljs|utsågs)\\s+${NAME}`), 'chair'],
  [re(`(?:till\\s+)?(?:mötes)?(?:sekreterare|protokollförare)\\s+(?:valdes|väljs|utsågs)\\s+${NAME}`), 'secretary'],
  [re(`${NAME}\\s+(?:was elected|took the chair|chaired the meeting)`), 'chair'],
  [re(`${NAME}${PARTY},?\\s+\\(?${CHAIR_WORD}\\)?,?\\s+${OPENS}`), 'chair'],
  [
    re(`(?<![\\p{L}])(?:Mötesordförande|Ordföranden|Ordförande|The Chair(?:man|woman|person)?|Chair(?:man|woman|person)?),?\\s+${NAME}${PARTY},?\\s+${OPENS}`),
    'chair',
  ],
  [re(`${NAME}${PARTY}\\s+(?:öppna(?:r|de)|förklara(?:r|de)|opened)\\s+(?:\\p{L}+\\s+){0,2}(?:mötet|sammanträdet|the meeting)`), 'chair'],
  // Who leads and who writes, said in prose: "As chairperson, Jon Pretty conducted the meeting",
  // "Alan Yates welcomed members to the meeting", "Minutes were taken by Seth Tisue".
  [re(`(?<![\\p{L}])As (?:the )?${CHAIR_WORD},\\s+${NAME}`), 'chair'],
  [re(`${NAME}${PARTY}\\s+(?:chaired|conducted|led|presided over) the meeting`), 'chair'],
  [
    re(
      `${NAME}${PARTY}\\s+welcomed (?:everyone|all|members|those present|attendees|participants|the (?:members|board|committee|trustees))(?: \\p{L}+)? to the meeting`,
    ),
    'chair',
  ],
  [re(`${NAME}${PARTY}\\s+(?:hälsa(?:r|de)) (?:alla|samtliga|deltagarna|ledamöterna)(?: hjärtligt)? välkomna`), 'chair'],
  [re(`(?:Mötet|Sammanträdet) leddes av ${NAME}`), 'chair'],
  [re(`(?<![\\p{L}])[Mm]inutes (?:were |was )?(?:taken|recorded|written) by ${NAME}`), 'secretary'],
  [re(`${NAME}${PARTY}\\s+(?:took|takes|recorded) (?:the )?minutes`), 'secretary'],
  [re(`(?:Protokollet|Anteckningarna|Minnesanteckningarna) (?:fördes|skrevs|togs) av ${NAME}`), 'secretary'],
  [re(`${NAME}${PARTY}\\s+förde (?:protokollet|anteckningarna|minnesanteckningarna)`), 'secretary'],
];

/** Job titles and honorifics written before a name ("Kommundirektör Jan Fransson", "Cllr J Davies"): role, not name. */
export const TITLE_WORDS = [
  'kommundirektör',
  'kommunsekreterare',
  'nämndsekreterare',
  'förvaltningschef',
  'ekonomichef',
  'personalchef',
  'kanslichef',
  'ekonom',
  'planarkitekt',
  'kommunalråd',
  'oppositionsråd',
  'regionråd',
  'ordförande',
  'vice',
  'sekreterare',
  'controller',
  'handläggare',
  'strateg',
  'cllr',
  'councillor',
  'mayor',
  'dr',
  'prof',
  'professor',
  'trustee',
  'trustees',
  'cllrs',
  'councillors',
  'mr',
  'mrs',
  'ms',
  'miss',
  'rev',
  'unitary',
  'county',
  'district',
  'parish',
  'se',
  'bilaga',
  'förteckning',
];

/** Capitalised role words inside a run of names ("Anna Williams Interim Chair", "Dr Lesley Stevens"): they end a name. */
export const ROLE_TOKENS = [
  'chair',
  'chairman',
  'chairwoman',
  'interim',
  'director',
  'executive',
  'non-executive',
  'chief',
  'officer',
  'secretary',
  'clerk',
  'manager',
  'head',
  'deputy',
  'vice',
  'trustee',
  'trustees',
  'member',
  'members',
  'ordförande',
  'sekreterare',
  'ledamot',
  'ersättare',
];

/** Plural honorifics opening a list of surnames ("Trustees Alexander (Chair), James, Giddens"): each name in it carries one. */
export const PLURAL_HONORIFICS = ['trustees', 'cllrs', 'councillors', 'messrs'];

/** Compounds of "-sekreterare" that name another job ("socialsekreterare" is a social worker). */
export const OTHER_SECRETARIES = ['social', 'general', 'press', 'parti', 'politisk', 'stats'];

/** Role words written after a name ("Bertil Strandberg ordf.", "Ulla Andersson, sekr"). */
export const ROLE_AFTER: Array<[RegExp, AttendeeFlag | null]> = [
  [/^(?:ordf\.?|ordförande|mötesordförande|chair(?:man|woman|person)?|chaired the meeting|in the chair)$/iu, 'chair'],
  [
    /^(?:sekr\.?|sekreterare|protokollförare|vid protokollet|secretary|clerk|minutes|minute taker|note ?taker|took (?:the )?minutes|clerk to the (?:board|council|committee|trustees))$/iu,
    'secretary',
  ],
  [/^(?:justerare|justerande)$/iu, 'adjuster'],
  [/^(?:ersättare|substitute)$/iu, 'substitute'],
];
