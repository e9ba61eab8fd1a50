/**
 * One sentence or clause → an action item, or null: the sentence rules in order (markers, inverted
 * due-first sentences, assignments, present and modal tasks, English "X to …", owner-first lines,
 * passives), each giving owners and a task; the due date is read from the same sentence.
 */
import type { ActionItem } from '../../core/facts.js';
import type { Para } from '../normalize.js';
import { dueOf } from './action-due.js';
import { ASKED_SUBJ, ASSIGN_SUBJ, SUBJ, attendeeOwned, ownersOf, type ActionContext } from './action-owners.js';
import { passiveTask } from './action-passive.js';
import { presentToInfinitive } from './action-task.js';
import { EN_BODIES, EN_NOT_TASK, EN_VERBS, FUTURE_ONLY, INF, MEETING_VERBS, OFFER_NOT_TASK, PRES } from './action-verbs.js';

const END = '(?![\\p{L}])';
const SV_PRES_RE = new RegExp(`^${SUBJ}\\s+(${PRES}|${FUTURE_ONLY})${END}(.*)$`, 'u');
/** An adverbial may stand between the modal and the verb ("Byarådet skall under 2009 undersöka …"); a negation may not. */
const SV_MODAL_RE = new RegExp(
  `^${SUBJ}\\s+(?:kommer(?:\\s+att)?|ska|skall|behöver|måste)\\s+((?:(?!inte\\s|ej\\s|aldrig\\s)[\\p{L}\\d]+\\s+){0,3}?)(${INF})${END}(.*)$`,
  'u',
);
/** "Byarådet beslutar ansöka om …": a body that decides to do a task itself owns it. */
const SV_DECIDES_RE = new RegExp(`^${SUBJ}\\s+(?:beslutar|beslöt|beslutade)\\s+(?:att\\s+)?(${INF})${END}(.*)$`, 'u');
/** What a decision lead-in leaves ("Beslut: att maila ut två förslag …"): a task when it opens with a task verb. */
const DECIDED_TASK_RE = new RegExp(`^(?:${INF})${END}`, 'u');
const SV_INVERTED_RE = new RegExp(
  // No 'i' flag: with it \\p{Lu} matches lower case and the subject would swallow the verb.
  `^((?:[Tt]ill|[Ii]nför|[Ff]öre|[Ii]nnan|[Ss]enast(?:\\s+till)?)\\s+(?:den\\s+)?[^,]{2,40}?)\\s*,?\\s+(?:(?:ska|skall|behöver|måste|bör)\\s+${SUBJ}\\s+(${INF})|(${PRES})\\s+${SUBJ})${END}(.*)$`,
  'u',
);
const ASSIGN_RE = new RegExp(`\\b(?:uppdrog|uppdrar|uppdra|uppdras|gav|ger|ge)\\s+(?:åt\\s+)?${ASSIGN_SUBJ}\\s+(?:i\\s+uppdrag\\s+)?att\\s+(.+)$`, 'u');
const GETS_TASK_RE = new RegExp(`^${SUBJ}\\s+(?:får|fick)\\s+(?:i\\s+uppdrag|uppdraget)\\s+att\\s+(.+)$`, 'u');
/** "X to <verb> …" / "X will <verb> …" with any verb: only when X is a listed attendee (checked below).
 * A determiner after "to" is no verb: "The Clerk to the Board asked …" is a title. */
const EN_ANY_RE = new RegExp(
  `^(?:(?:[Aa]ctions?|ACTIONS?)\\s*[:–-]\\s*)?${SUBJ}\\s+(?:to|will|is to|are to|agreed to)\\s+(?!(?:the|a|an|this|that|these|those|his|her|their|our|its|all)\\s)(\\p{Ll}[\\p{Ll}-]+)${END}(.*)$`,
  'u',
);
/** "Maja: boka lokal …", "RP – update the risk register …": an owner, then the task. */
const OWNER_FIRST_RE = new RegExp(`^${SUBJ}\\s*(?::|\\s[–—-])\\s+(\\p{Ll}.{2,})$`, 'u');
/** Labels before a sentence that do not change what it says ("Beslut: Leila kontaktar …"). */
const LABEL_PREFIX_RE = /^(?:beslut|decision|agreed|resolved|noterades|noted)\s*:\s*/iu;
const EN_RE = new RegExp(`^(?:(?:[Aa]ctions?|ACTIONS?)\\s*[:–-]\\s*)?${SUBJ}\\s+(?:to|will|is to|are to|agreed to)\\s+(${EN_VERBS})${END}(.*)$`, 'u');
/** Passive assignments: "Uppdrogs åt Ulf att kontakta …", "Anmodades Anders att inkomma …". */
const PASSIVE_ASSIGN_RE = new RegExp(
  `^(?:[Uu]ppdrogs|[Uu]ppdras|[Aa]nmodades|[Aa]nmodas|[Oo]mbads|[Oo]mbeds)\\s+(?:åt\\s+|år\\s+)?${SUBJ}\\s+att\\s+(.+)$`,
  'u',
);
/** "Pierre skall göra en insats", "Markus hör med Jeanette": any verb, but only for a listed attendee (checked below);
 * obligation modals only ("kommer sluta" foretells, it assigns nothing). */
const SV_MODAL_ANY_RE = new RegExp(`^${SUBJ}\\s+(?:ska|skall|bör|får|behöver|måste)\\s+(\\p{Ll}{2,})${END}(.*)$`, 'u');
/** "Sture kan hämta wienerkorv på Snabbgross": an attendee's offer, with a verb that does something (not "kan inte", "kan vara", "kan delta"). */
const SV_OFFER_RE = new RegExp(`^${SUBJ}\\s+kan\\s+(?!(?:${OFFER_NOT_TASK})${END})(\\p{Ll}{2,}a)${END}(\\s+\\S.*)$`, 'u');
/** The "verb" must be followed by what it does, and not by a finite verb: then it was a plural noun
 * ("Alla kanaler skall rensas", "Alla omkopplingar är nedtagna", "Nya medlemmar."). */
const SV_PRES_ANY_RE = new RegExp(
  `^${SUBJ}\\s+(\\p{Ll}{1,}(?:ar|er|ör))(?!\\s+(?:är|var|har|hade|ska|skall|kommer|blir|blev|kan|måste|bör|behöver|får)${END})${END}(\\s+\\S.*)$`,
  'u',
);
/** Subject-less tasks in passive or modal form: "åtgärdslistan ska uppdateras", "Fastighetsgruppen kommer att vidtalas", "will be reviewed". */
const SV_PASSIVE_RE = /\b(?:kommer(?:\s+att)?|ska|skall|bör|måste|behöver)\s+(?:\p{Ll}+\s+){0,2}?\p{Ll}{3,}(?:as|ras)\b/u;
/** Who sits in the group is no task: "X kommer ersättas av Y", "will be replaced by". */
const MEMBERSHIP_RE = /\b(?:ersättas|efterträdas|väljas|replaced|succeeded|elected)\b/iu;
/** "Påminnelse … skickas av Victor": a present passive with a listed attendee as its agent (the meeting's own running excepted). */
const SV_PRES_PASSIVE_RE = /\b(?!(?:leds|hålls|justeras|öppnas|avslutas|protokollförs|ersättas)\b)\p{Ll}{3,}as\s+av\s+\p{Lu}/u;
const EN_PASSIVE_RE = /\b(?:will|to|should|would|shall|must|needs? to)\s+be\s+\p{Ll}{3,}(?:ed|en)\b/u;
/** "… åtgärdas av SMS", "… to be posted by the Clerk": the agent of a passive task. */
const AGENT_RE = /\b(?:av|by)\s+((?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})/u;
const EN_MODAL_ANY_RE = new RegExp(`^${SUBJ}\\s+(?:would|shall|should|offered to|agreed to|will)\\s+(\\p{Ll}{2,})${END}(.*)$`, 'u');
/** "Vi tittar på om …", "Vi börjar planera inför röjardagen …": the meeting's own task, ownerless (task verbs only). */
const SV_WE_RE = new RegExp(`^[Vv]i\\s+(?:(?:börjar|ska|skall|kommer att)\\s+(${INF})|(${PRES}))${END}(\\s+\\S.*)$`, 'u');
/** "Andrew asked Alan to invoice them …": the attendee asked owns the task. */
const EN_ASKED_RE = new RegExp(`\\b(?:asked|requested|instructed|tasked)\\s+${ASKED_SUBJ}\\s+to\\s+(\\p{Ll}{2,})${END}(.*)$`, 'u');
/** "The board should make …", "… advised that the Committee were to send out …": the body owns the task. */
const EN_BODY_RE = new RegExp(
  `^(?:.{0,80}?\\b(?:advised|reported|confirmed|said|agreed|noted|resolved|decided)\\s+that\\s+)?[Tt]he\\s+((?:\\p{Lu}[\\p{L}-]*\\s+){0,3}(?:${EN_BODIES}))\\s+(?:should|shall|will|would|is to|are to|was to|were to|to)\\s+(\\p{Ll}{2,})${END}(.*)$`,
  'iu',
);
export const MARKER_RE = /^(?:åtgärd(?:er)?|action(?:s)?|att göra|to do|todo)\s*[:–-]\s*(.+)$/iu;
export const OWNER_LABEL_RE = /\b(?:ansvarig|ansvar|owner|responsible)\s*:\s*([^.;\n]{2,80})/iu;
const LEAD_IN_RE =
  /^(?:vi|mötet|gruppen|nämnden|styrelsen|\p{Lu}\p{L}+gruppen)\s+(?:beslöt|beslutade|beslutar|enades om|kom överens om)\s+att\s+|^(?:det beslutades|beslut)\s*:?\s*att\s+/iu;
const SKIP_RE = /^(?:för information|för kännedom|information|info)\b/iu;
const FUTURE_RE = /\b(?:nästa|kommande)\s+(?:möte|sammanträde|träff)|\binför\b|\bsenast\b|\bnext meeting\b/iu;
const TO_APPOINT_RE = /\b(?:arbetsgrupp|grupp|referensgrupp|projektgrupp)\w*\b[^.]{0,40}\bska\s+(?:tillsättas|bildas|utses)\b/iu;

export function clauses(sentence: string): string[] {
  const s = sentence.length > 600 ? sentence.slice(0, 600) : sentence;
  // Clauses: after "men"/"but", a semicolon, a label inside the sentence ("… 17/5 Beslut: Markus hör …")
  // and a comma before a capital ("Kopiera upp dagordning, Tiina tar med sig …").
  const parts = s.split(/(?:,\s*|\s+)(?:men|medan|but)\s+(?=\p{Lu})|;\s*|\s(?=(?:Beslut|Åtgärd|Action|Decision)\s*:)|\s*,\s+(?=\p{Lu}\p{Ll})/u);
  // An inline topic label before the sentence ("Stadgar: Börje får uppdraget att …").
  const topic = /^\p{Lu}[\p{L}-]{2,30}(?:\s+[\p{L}-]+){0,2}:\s+(?=\p{Lu})/u.exec(s);
  // A marker ("Åtgärd: …") is read by the marker rule, not again as a topic.
  if (topic && parts.length === 1 && !MARKER_RE.test(s)) return [s, s.slice(topic[0].length)];
  return parts.length > 1 ? [s, ...parts.slice(1)] : [s];
}

export function sentenceItem(raw: string, p: Para, ctx: ActionContext, paraOwner: string | null): ActionItem | null {
  let s = raw.trim().replace(/[.!]+$/u, '');
  if (!s || /\?\s*$/.test(raw) || SKIP_RE.test(s)) return null;
  // "Beslut: att maila ut …" lists what is to be done; "Gruppen beslutade att bjuda in …" reports a decision.
  const decided = /^beslut\s*:?\s*att\s/iu.test(s);
  s = s.replace(LEAD_IN_RE, '').replace(LABEL_PREFIX_RE, '');
  let owners: string[] | null = null;
  let task: string | null = null;
  let m: RegExpExecArray | null;
  let passive: ReturnType<typeof passiveTask> = null;
  // Passive tasks name their date without a marker ("ska ha möte … 13 april").
  let bareDate = false;

  if ((m = MARKER_RE.exec(s))) {
    const body = m[1]!.trim();
    const en = EN_RE.exec(body) ?? attendeeOwned(EN_ANY_RE.exec(body), ctx) ?? attendeeOwned(OWNER_FIRST_RE.exec(body), ctx);
    const tail = /^(.*?)\s*(?:[–—-]\s+|\()\s*(\p{Lu}[^()–—-]{1,60}?)\)?$/u.exec(body);
    if (en) [owners, task] = [ownersOf(en[1]!, ctx, true), `${en[2]}${en[3] ?? ''}`];
    else if (tail && ownersOf(tail[2]!, ctx, true)) [owners, task] = [ownersOf(tail[2]!, ctx, true), tail[1]!];
    else {
      const own = OWNER_LABEL_RE.exec(body)?.[1] ?? paraOwner;
      owners = own ? (ownersOf(own, ctx, true) ?? [own.trim()]) : [];
      task = body.replace(OWNER_LABEL_RE, '').replace(/[\s,;–-]+$/u, '');
      // "Åtgärd: Påminnelse skickas till …" → "Skicka påminnelse till …".
      passive = passiveTask(task, ctx.attendees);
      if (passive) task = passive.task;
    }
  } else if ((m = SV_INVERTED_RE.exec(s))) {
    const subj = m[2] ?? m[5]!;
    owners = ownersOf(subj, ctx, false);
    task = m[3] ? `${m[3]}${m[6] ?? ''}` : presentTask(m[4]!, m[6] ?? '');
  } else if ((m = GETS_TASK_RE.exec(s))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = m[2]!;
  } else if ((m = SV_WE_RE.exec(s))) {
    owners = [];
    task = m[1] ? `${m[1]}${m[3]}` : presentTask(m[2]!, m[3]!);
  } else if ((m = SV_DECIDES_RE.exec(s))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = `${m[2]}${m[3]}`;
  } else if ((m = SV_MODAL_RE.exec(s))) {
    owners = ownersOf(m[1]!, ctx, false);
    // The adverbial goes after the task: "undersöka förutsättningar … under 2009".
    task = `${m[3]}${m[4]}${m[2] ? ` ${m[2].trim()}` : ''}`;
  } else if ((m = SV_PRES_RE.exec(s))) {
    if (new RegExp(`^(?:${FUTURE_ONLY})$`, 'u').test(m[2]!) && !FUTURE_RE.test(s)) return null;
    owners = ownersOf(m[1]!, ctx, false);
    task = presentTask(m[2]!, m[3]!);
  } else if ((m = ASSIGN_RE.exec(s))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = m[2]!;
  } else if ((m = EN_RE.exec(s) ?? attendeeOwned(EN_ANY_RE.exec(s), ctx))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = `${m[2]}${m[3]}`;
  } else if ((m = attendeeOwned(OWNER_FIRST_RE.exec(s), ctx))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = `${m[2]}${m[3] ?? ''}`;
  } else if ((m = attendeeOwned(EN_ASKED_RE.exec(s), ctx)) && !EN_NOT_TASK.has(m[2]!)) {
    owners = ownersOf(m[1]!, ctx, false);
    task = `${m[2]}${m[3]}`;
  } else if ((m = EN_BODY_RE.exec(s)) && !EN_NOT_TASK.has(m[2]!.toLowerCase())) {
    // Ownerless: a body word as an owner would become a known name, and every "board meeting"
    // question would then read as one about a person (answers/entities.ts resolves owners).
    owners = [];
    task = `${m[2]}${m[3]}`;
  } else if ((m = PASSIVE_ASSIGN_RE.exec(s))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = m[2]!;
  } else if ((m = attendeeOwned(SV_MODAL_ANY_RE.exec(s), ctx) ?? attendeeOwned(EN_MODAL_ANY_RE.exec(s), ctx) ?? attendeeOwned(SV_OFFER_RE.exec(s), ctx))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = `${m[2]}${m[3]}`;
  } else if ((m = attendeeOwned(SV_PRES_ANY_RE.exec(s), ctx)) && !MEETING_VERBS.has(m[2]!)) {
    owners = ownersOf(m[1]!, ctx, false);
    task = presentTask(m[2]!, m[3]!);
  } else if ((passive = passiveTask(s, ctx.attendees))) {
    // Ownerless unless the text names who: the agent ("av X", "(X)", "mellan A och B") or a paragraph's "Ansvarig:".
    const own = passive.agent ?? paraOwner;
    owners = own ? (ownersOf(own, ctx, true) ?? []) : [];
    task = passive.task;
    bareDate = true;
  } else if (decided && DECIDED_TASK_RE.test(s)) {
    // Decided with nobody named: the task stands alone, ownerless.
    [owners, task] = [[], s];
  } else if (TO_APPOINT_RE.test(s)) {
    owners = paraOwner ? (ownersOf(paraOwner, ctx, true) ?? []) : [];
    task = s;
  } else if ((SV_PASSIVE_RE.test(s) || EN_PASSIVE_RE.test(s)) && s.length <= 300 && !/^(?:om|if|när|when|det|it)\b/iu.test(s) && !MEMBERSHIP_RE.test(s)) {
    // A task in passive or modal form: the sentence is the task; its agent ("av X") owns it.
    // Only with a named agent: a passive sentence without one is as often a plan or a wish.
    const agent = AGENT_RE.exec(s)?.[1] ?? null;
    const agentOwners = agent ? ownersOf(agent, ctx, false) : null;
    if (agentOwners && agentOwners.length) [owners, task] = [agentOwners, s];
  } else if (SV_PRES_PASSIVE_RE.test(s) && s.length <= 300 && !MEMBERSHIP_RE.test(s)) {
    const agent = AGENT_RE.exec(s)?.[1] ?? null;
    const agentOwners = agent ? ownersOf(agent, ctx, false) : null;
    if (agentOwners && agentOwners.length && agentOwners.every((o) => ctx.attendees.includes(o))) [owners, task] = [agentOwners, s];
  }
  if (owners === null || task === null) return null;
  task = task.replace(/\s+/g, ' ').trim();
  if (task.length < 2) return null;
  const due = dueOf(s, ctx, bareDate);
  return { owners, task, due: due.due, dueText: due.text, page: p.page, section: p.section ?? p.subsection, quote: s };
}

/** "tar fram" → "ta fram": the present tense's first word in the infinitive. */
function infinitive(verb: string): string {
  return verb.replace(/^\p{L}+/u, (w) => presentToInfinitive(w) ?? w);
}

const COORDINATED_PRES_RE = new RegExp(`(?<=\\s(?:och|samt|o)\\s)(?:${PRES})(?![\\p{L}])`, 'gu');

/** A present-tense task in the infinitive, its coordinated verbs too: "kontaktar X och bokar Y" → "kontakta X och boka Y". */
function presentTask(verb: string, rest: string): string {
  return `${infinitive(verb)}${rest.replace(COORDINATED_PRES_RE, (v) => infinitive(v))}`.replace(/^ansvara för att\s+/u, '');
}
