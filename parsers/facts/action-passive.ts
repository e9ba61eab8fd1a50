/**
 * Tasks written without an active subject, turned into an active task:
 * - Swedish modal passives: "En mindre arbetsgrupp ska tillsättas" → "Tillsätta en mindre arbetsgrupp",
 *   "Åtgärderna kommer sedan att genomföras under våren" → "Genomföra åtgärderna under våren";
 * - "ske": "Återkoppling kommer ske till uppdragsgruppen" → "Ge återkoppling till uppdragsgruppen",
 *   "Fortsatt dialog får ske mellan A, B och C" (A, B and C own it);
 * - Swedish present passives of task verbs: "Mikael bjuds in till ett möte", "åtgärdslistan uppdateras",
 *   "Frågan parkeras till nästa möte";
 * - English "Copies will be sent to all Libraries" → "Send copies to all Libraries".
 * The agent ("av X", "by X", a trailing "(X)") owns the task. Needs and wishes ("behöver", "måste",
 * "skulle kunna"), standing rules ("varje vecka"), opinions ("anser att"), conditionals, questions and
 * who-replaces-whom are not tasks. The verbs are data tables: a verb not listed is no task.
 */
import { asObject, passiveInfinitives } from './action-task.js';

/** Swedish verbs (infinitive) whose passive after "ska/kommer att/bör/får" reads as a task. */
const SV_TASK_VERBS = new Set(
  (
    'uppdatera vidtala genomföra göra tillsätta skicka bjuda sätta lämna rensa ersätta erbjuda åtgärda återställa parkera samordna ' +
    'kontakta tillfråga undersöka utreda sammanställa boka beställa kalla publicera lägga skriva ordna planera följa utse bilda ' +
    'kontrollera besiktiga installera anlita köpa montera reparera laga byta tömma städa fixa mejla maila sprida meddela påminna ' +
    'arrangera anordna förbereda utvärdera revidera färdigställa upprätta tydliggöra formulera ta dela skapa komplettera hämta ' +
    'leverera betala fakturera sända distribuera inhämta inventera kolla ansöka återkoppla återrapportera kartlägga förankra'
  ).split(' '),
);
/** Present passives are also how minutes report the meeting ("Genomgång görs", "Dagordningen presenteras"): fewer verbs count. */
const SV_PRESENT_TASK_VERBS = new Set(
  'uppdatera vidtala bjuda parkera skicka samordna kontakta tillfråga undersöka utreda sammanställa boka beställa kalla publicera följa påminna återkoppla'.split(
    ' ',
  ),
);
/** "ske" names no action: the noun before it says which ("dialog" → "föra dialog"). */
const LIGHT_VERBS: Array<[RegExp, string]> = [
  [/dialog|samtal|diskussion/u, 'föra'],
  [/återkoppling|återrapportering|information|besked|svar/u, 'ge'],
  [/uppföljning|avstämning|utvärdering|genomgång|översyn/u, 'göra'],
  [/möte|träff|workshop|seminarium/u, 'hålla'],
  [/utbildning|insats/u, 'genomföra'],
  [/kontakt/u, 'ta'],
];
/** English participle → verb, for the tasks minutes write in the passive. */
const EN_TASK_VERBS: Record<string, string> = Object.fromEntries(
  (
    'sent:send reviewed:review circulated:circulate decided:decide highlighted:highlight updated:update posted:post written:write ' +
    'prepared:prepare arranged:arrange organised:organise organized:organize contacted:contact invited:invite checked:check ' +
    'confirmed:confirm published:publish uploaded:upload added:add amended:amend revised:revise finalised:finalise finalized:finalize ' +
    'drafted:draft discussed:discuss considered:consider investigated:investigate explored:explore ordered:order purchased:purchase ' +
    'installed:install repaired:repair completed:complete submitted:submit distributed:distribute shared:share forwarded:forward ' +
    'emailed:email e-mailed:e-mail chased:chase sought:seek obtained:obtain raised:raise designed:design placed:place taken:take ' +
    'brought:bring produced:produce provided:provide scheduled:schedule booked:book looked:look ' +
    'compiled:compile presented:present reported:report sorted:sort fixed:fix replaced:replace cleaned:clean painted:paint ' +
    'informed:inform notified:notify approached:approach asked:ask given:give made:make done:do put:put set:set'
  )
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
);

export interface PassiveTask {
  /** The task in the active ("Tillsätta en mindre arbetsgrupp") or as a noun phrase. */
  task: string;
  /** Who does it, as written ("Victor", "SMS", "A, B och C"); null when the text names nobody. */
  agent: string | null;
}

const SV_MODAL = '(?:[Ss]ka|[Ss]kall|[Kk]ommer|[Bb]ör|[Ff]år)';
const ADVERB = '(?:(?:sedan|sen|också|även|därefter|nu|snarast|först|dessutom|gärna|helst|alltså|direkt)\\s+)?';
const PARTICLE = '(?:\\s+(?:upp|ut|in|fram|över|bort|igen|ihop|tillbaka))?';
const SV_MODAL_PASSIVE_RE = new RegExp(
  `^(.{0,90}?)\\s*(?<![\\p{L}])${SV_MODAL}\\s+${ADVERB}(?:att\\s+)?${ADVERB}(\\p{Ll}{3,}s|ske)(${PARTICLE})(?![\\p{L}])(.*)$`,
  'u',
);
const SV_PRESENT_PASSIVE_RE = new RegExp(`^(\\S.{0,70}?)\\s+(\\p{Ll}{4,}s)(${PARTICLE})(?![\\p{L}])(.*)$`, 'u');
const EN_PASSIVE_RE = /^(.{2,90}?)\s+(?:will|shall|should|would|is to|are to|needs? to|to)\s+be\s+(\p{Ll}{3,})(?![\p{L}])(.*)$/u;

/** "förslag är att Mikael bjuds in": the clause after a lead-in that makes it a proposal or decision the meeting took. */
const LEAD_IN_RE =
  /^.*?\b(?:förslag(?:et)?\s+är|beslutades|beslöts|enades\s+om|kom\s+överens\s+om|överenskoms|it\s+was\s+agreed|agreed|resolved)\s+(?:att|that)\s+/iu;
/** A subordinate clause or a pronoun as subject: no task ("Om …", "som kommer att …", "Det skall …"); "this area" is. */
const BAD_SUBJECT_RE =
  /(?:^|\s)(?:som|när|där|då|att|eftersom|vilket|hur|vad|vem|if|when|which|that|who|whether|unless)(?:\s|$)|^(?:om|det|man|vi|jag|hon|han|ni|du|it|there|we|they|i|he|she|you)(?:\s|$)|^(?:detta|den|de|this|these|those)$/iu;
const OPINION_RE = /\b(?:anser|ansåg|tycker|tyckte|menar|menade|föreslår|föreslog|önskar|önskade|hoppas|undrar|frågar|suggested|hoped|felt|asked)\b/iu;
/** A standing rule repeats in time ("varje vecka", "vart sjätte år", "each meeting"); "varje hus", "each respective committee" name no time. */
const STANDING_RE =
  /\b(?:(?:varje|vart|var|varannan|vartannat|every|each)\s+(?:\p{L}+\s+)?(?:\p{L}*(?:dag|vecka|månad|år|möte|gång|kvartal|termin|sammanträde|day|week|month|year|quarter|meeting|time|term|session|morning|evening)(?:en|et)?|\p{L}+day)|alltid|årligen|regelbundet|löpande|vid (?:behov|avrop)|om (?:det behövs|behov finns)|if (?:needed|necessary|required)|always|annually|regularly|as (?:needed|required))\b/iu;
const CONDITION_RE = /^(?:om|if|när|when|ifall|unless|om\s+det)\b/iu;
const MEMBERSHIP_RE = /\b(?:ersättas|ersätts|efterträdas|väljas|väljs)\s+av\s+\p{Lu}|\b(?:replaced|succeeded|elected)\s+by\b/u;
const SV_AGENT_RE = /\s+av\s+((?:\p{Lu}[\p{L}.-]*)(?:\s+\p{Lu}[\p{L}.-]*){0,2})(?=$|[\s,.;])/u;
const EN_AGENT_RE = /\s+by\s+((?:the\s+)?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})(?=$|[\s,.;])/u;
const PAREN_AGENT_RE = /\s*\((\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)?(?:\s*(?:,|och|and|&)\s*\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)?)*)\)\s*$/u;
const BETWEEN_RE = /\s+mellan\s+((?:\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})(?:\s*(?:,|och|samt)\s*\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})+)/u;

/** A task in passive or "ske" form, or null. `known` are names that keep their capital as an object. */
export function passiveTask(clause: string, known: readonly string[] = []): PassiveTask | null {
  let s = clause.trim().replace(/[.!]+$/u, '');
  if (!s || s.length > 260 || /\?/u.test(s) || STANDING_RE.test(s) || MEMBERSHIP_RE.test(s)) return null;
  const lead = LEAD_IN_RE.exec(s);
  if (lead) s = s.slice(lead[0].length);
  else if (OPINION_RE.test(s)) return null;
  // "Måndagar passar dåligt, så en Doodle-undersökning … kommer att skickas ut": the consequence is the task.
  const so = /,\s*(?:så|so)\s+(?=\p{L})/u.exec(s);
  if (so) s = s.slice(so.index + so[0].length);
  if (CONDITION_RE.test(s)) return null;
  return swedishModal(s, known) ?? swedishPresent(s, known) ?? groupModal(s) ?? english(s, known);
}

/** "En mindre grupp ska ha möte kring avvikelser 13 april": a group yet to be named is given the task; nobody owns it yet. */
const GROUP_MODAL_RE =
  /^(?:[Ee]n|[Ee]tt)\s+(?:\p{Ll}+\s+)?\p{Ll}*grupp\p{Ll}*\s+(?:ska|skall|kommer att)\s+(ha|hålla|ta fram|arbeta fram|träffas|göra|se över|utreda|undersöka)(?![\p{L}])(.+)$/u;

function groupModal(s: string): PassiveTask | null {
  const m = GROUP_MODAL_RE.exec(s);
  return m ? { task: `${m[1]}${m[2]}`, agent: null } : null;
}

function cleanSubject(subj: string, maxWords = 8): string | null {
  const t = subj
    .replace(/^[-–•*\s]+|[\s,:;–-]+$/gu, '')
    // "Inga synpunkter på protokollet, åtgärdslistan uppdateras": the clause after the last comma.
    .replace(/^.*,\s+/u, '')
    // "All Terms of Reference were agreed and will be reviewed": the subject of the second predicate.
    .replace(/\s+(?:were|was|is|are|has|have|had|does|do|did|har|hade|är|var|blev)\s+.*\s(?:and|och)$/iu, '')
    .trim();
  // "Påminnelse om att skriva rapporter skickas": an infinitive inside a noun phrase is no subordinate clause.
  if (t && (BAD_SUBJECT_RE.test(t.replace(/\b(?:om|för|på)\s+att\b/giu, 'om')) || t.split(/\s+/).length > maxWords)) return null;
  return t;
}

/** The agent taken out of the rest of the sentence: "av X" / "by X" (`re`), else a trailing "(X)". */
function takeAgent(rest: string, re: RegExp): { rest: string; agent: string | null } {
  const m = re.exec(rest);
  if (m) return { rest: `${rest.slice(0, m.index)}${rest.slice(m.index + m[0].length)}`, agent: m[1]!.trim() };
  const paren = PAREN_AGENT_RE.exec(rest);
  return paren ? { rest: rest.slice(0, paren.index), agent: paren[1]! } : { rest, agent: null };
}

function swedishModal(s: string, known: readonly string[]): PassiveTask | null {
  const m = SV_MODAL_PASSIVE_RE.exec(s);
  if (!m) return null;
  const subj = cleanSubject(m[1]!);
  if (subj === null) return null;
  const verb = m[2]!;
  let rest = m[4]!;
  if (verb === 'ske') {
    if (!subj) return null;
    const between = BETWEEN_RE.exec(rest);
    const agent = between ? between[1]!.trim() : (PAREN_AGENT_RE.exec(rest)?.[1] ?? null);
    rest = rest.replace(PAREN_AGENT_RE, '');
    const light = LIGHT_VERBS.find(([re]) => re.test(subj.toLowerCase()));
    return { task: `${light ? `${light[1]} ${asObject(subj, known)}` : subj}${rest}`, agent };
  }
  const inf = passiveInfinitives(verb).find((v) => SV_TASK_VERBS.has(v));
  if (!inf) return null;
  return active(inf + m[3]!, subj, rest, known);
}

const PROCEDURE_SUBJECT_RE = /^(?:beslutet|protokollet|utdrag(?:et)?|paragrafen|mötet|sammanträdet|dagordningen)$/iu;

function swedishPresent(s: string, known: readonly string[]): PassiveTask | null {
  const m = SV_PRESENT_PASSIVE_RE.exec(s);
  if (!m) return null;
  const subj = cleanSubject(m[1]!);
  // "Beslutet skickas till: …" is the protocol's distribution list; a task says what is done with what.
  if (!subj || subj.split(/\s+/).length > 5 || PROCEDURE_SUBJECT_RE.test(subj) || /^\s*(?:till|för|av|med|om|på)\s*:?$/u.test(m[4]!)) return null;
  const inf = passiveInfinitives(m[2]!).find((v) => SV_PRESENT_TASK_VERBS.has(v));
  if (!inf) return null;
  return active(inf + m[3]!, subj, m[4]!, known);
}

function active(verb: string, subj: string, restIn: string, known: readonly string[]): PassiveTask | null {
  const taken = takeAgent(restIn, SV_AGENT_RE);
  const rest = taken.rest.replace(/^\s*,\s*/u, ' ');
  const agent = taken.agent;
  const obj = subj ? ` ${asObject(subj, known)}` : '';
  // Without a subject the task must say what it is about on its own ("bör sättas upp på hemsidan" does not).
  if (!obj && rest.trim().split(/\s+/).length < 3) return null;
  return { task: `${verb}${obj}${rest}`, agent };
}

function english(s: string, known: readonly string[]): PassiveTask | null {
  const m = EN_PASSIVE_RE.exec(s);
  if (!m) return null;
  const base = EN_TASK_VERBS[m[2]!];
  const subj = cleanSubject(m[1]!.replace(/^(?:and|but|so)\s+/iu, ''), 10);
  if (!base || !subj) return null;
  const { rest, agent } = takeAgent(m[3]!, EN_AGENT_RE);
  return { task: `${base} ${asObject(subj, known)}${rest}`, agent };
}
