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
  ['attendees', P()],
  ['attendance', P()],
  ['participants', P()],
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
  ['mötesordförande', F('chair')],
  ['ordförande', F('chair')],
  ['ordf', F('chair')],
  ['sekreterare', F('secretary')],
  ['protokollförare', F('secretary')],
  ['vid protokollet', F('secretary')],
  ['chairman', F('chair')],
  ['chairperson', F('chair')],
  ['chair', F('chair')],
  ['secretary', F('secretary')],
  ['minute taker', F('secretary')],
  ['minutes', F('secretary')],
  ['clerk', F('secretary')],
  ['justerare', F('adjuster')],
  ['justerande', F('adjuster')],
  ['utses att justera', F('adjuster')],
  ['plats och tid', S],
  ['tid och plats', S],
  ['plats och tid för justering', S],
  ['paragrafer', S],
  ['justering', S],
  ['underskrifter', S],
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

/** A list item in prose that names a chair or secretary: "Kerstin valdes till ordförande". */
export const ELECTED: Array<[RegExp, AttendeeFlag]> = [
  [/(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2})\s+(?:valdes|väljs|utsågs|utses)\s+(?:till\s+)?(?:mötes)?ordförande/u, 'chair'],
  [/(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2})\s+(?:valdes|väljs|utsågs|utses)\s+(?:till\s+)?(?:sekreterare|protokollförare)/u, 'secretary'],
  [/(?:till\s+)?(?:mötes)?ordförande\s+(?:valdes|väljs|utsågs)\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2})/u, 'chair'],
  [/(?:till\s+)?(?:sekreterare|protokollförare)\s+(?:valdes|väljs|utsågs)\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2})/u, 'secretary'],
  [/(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2})\s+(?:was elected|took the chair|chaired the meeting)/u, 'chair'],
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

/** Role words written after a name ("Bertil Strandberg ordf.", "Ulla Andersson, sekr"). */
export const ROLE_AFTER: Array<[RegExp, AttendeeFlag | null]> = [
  [/^(?:ordf\.?|ordförande|mötesordförande|chair(?:man|woman|person)?)$/iu, 'chair'],
  [/^(?:sekr\.?|sekreterare|protokollförare|vid protokollet|secretary|clerk|minutes)$/iu, 'secretary'],
  [/^(?:justerare|justerande)$/iu, 'adjuster'],
  [/^(?:ersättare|substitute)$/iu, 'substitute'],
];
