/**
 * Action items in minutes prose, Swedish and English. A sentence (or a clause after "men"/";")
 * is an action item when it has an owner and a task:
 * - "<owner> <verb> …" with a present-tense task verb ("Maria Glemfelt gör en inbjudan",
 *   "Närvårdskontoret sammankallar", "X mailar Y", "X skickar ut", "X återkommer", "X tar fram");
 * - "<owner> kommer (att)/ska/behöver <infinitive> …" with a task verb ("kommer ha ett möte");
 * - due first: "Till nästa möte behöver alla fundera …" (owner "alla");
 * - assignments: "uppdrog åt X att …", "X får i uppdrag att …", "X ansvarar för …",
 *   "Vi beslöt att X gör …"; markers "Åtgärd: …" / "Action: X to …" / "ACTION – X …" with
 *   "Ansvarig: X"; English "X to send …", "X will circulate …";
 * - tables with "Åtgärd"/"Action" and "Ansvarig"/"Owner" columns.
 * Reporting verbs ("presenterar", "lyfter", "redovisar") count only with a future marker
 * ("på nästa möte"). Past tense, questions, "För information …" and general statements are
 * skipped: owners must be people, "alla", or a named unit. An owner written as a first name or
 * surname is resolved to the attendee's full name when unique. A bare verb ("sammankallar")
 * takes its task context from the preceding sentence(s) about the group or meeting.
 */
import type { ActionItem } from '../../core/facts.js';
import type { NormDoc, Para } from '../normalize.js';
import { splitSentences } from '../normalize.js';
import { isGivenName } from '../names/lexicon.js';
import { cellDue, dueOf, eventDue } from './action-due.js';
import { passiveTask } from './action-passive.js';
import { asObject, finishTask, presentToInfinitive } from './action-task.js';
import { LABELS } from './attendance/labels.js';
import { isPersonName, resolveName } from './names.js';

const PRES =
  'gör|skickar(?: ut)?|mailar|mejlar|e-postar|sammankallar|kallar(?: till)?|återkommer|tar fram|tar kontakt|kontaktar|bokar|bjuder in|undersöker|utreder|kollar|ser över|stämmer av|förbereder|sammanställer|meddelar|bevakar|följer upp|uppdaterar|skriver|ordnar|planerar|håller i|samordnar|tillfrågar|hör av sig|återrapporterar|sprider|delar|publicerar|lägger upp|lägger in|fixar|tar med|tar upp|påminner|funderar|bereder|reviderar|formulerar|kartlägger|levererar|tittar på|tar reda på|ringer|ansvarar för';
// Protokoll report what was said in the present tense ("Ordföranden informerar om att …"): these
// verbs are tasks only with a future marker.
const FUTURE_ONLY = 'presenterar|redovisar|berättar|visar|lyfter|pratar med|informerar|redogör';
const INF =
  'göra|skicka(?: ut)?|maila|mejla|sammankalla|kalla(?: till)?|återkomma|ta fram|ta kontakt|kontakta|boka|bjuda in|undersöka|utreda|kolla|se över|stämma av|förbereda|sammanställa|informera|meddela|bevaka|följa upp|uppdatera|skriva|ordna|planera|hålla i|samordna|tillfråga|höra av sig|återrapportera|sprida|dela|publicera|lägga upp|lägga in|fixa|ta med|ta upp|påminna|presentera|redovisa|ha ett möte|ha möte|träffa|vara med|delta|titta på|ta reda på|ringa|fundera|ansvara för|komma med';
const EN_VERBS =
  'send|circulate|draft|prepare|contact|arrange|organi[sz]e|book|check|confirm|update|write|share|follow up|report back|present|invite|e-?mail|call|review|investigate|look into|find out|coordinate|set up|schedule|distribute|provide|produce|compile|liaise|chase|ask|speak|meet|bring|add|amend|revise|finali[sz]e|publish|upload|draw up|identify|develop|circulate|report|bring|lead|submit|obtain|seek|write to|respond|reply|forward|agree|raise|discuss|consider|explore|engage|work with|progress|monitor|complete|ensure|clarify|visit|inspect|order|purchase|obtain quotes|get';

const NAME = `\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|von|van|de|af))*`;
const SUBJ = `(${NAME}(?:\\s*(?:,|och|samt|and|&|\\/)\\s*${NAME}){0,5}|[Aa]lla|[Vv]ar och en|[Ss]amtliga|[Ee]veryone)`;
/** Units written in lower case as the one given a task ("ger förvaltningen i uppdrag att …"). */
const UNIT =
  '(?:\\p{Ll}+)?(?:förvaltningen|kontoret|kansliet|sekretariatet|avdelningen|enheten|nämnden|styrelsen|gruppen|ordföranden|sekreteraren|direktören|chefen)';
const UNIT_RE = new RegExp(`^${UNIT}$`, 'u');
const ASSIGN_SUBJ = `(${NAME}(?:\\s*(?:,|och|samt|and|&|\\/)\\s*${NAME}){0,5}|${UNIT}(?:\\s+(?:och|samt)\\s+${UNIT})?)`;
const END = '(?![\\p{L}])';
const SV_PRES_RE = new RegExp(`^${SUBJ}\\s+(${PRES}|${FUTURE_ONLY})${END}(.*)$`, 'u');
const SV_MODAL_RE = new RegExp(`^${SUBJ}\\s+(?:kommer(?:\\s+att)?|ska|skall|behöver|måste)\\s+(${INF})${END}(.*)$`, 'u');
const SV_INVERTED_RE = new RegExp(
  // No 'i' flag: with it \\p{Lu} matches lower case and the subject would swallow the verb.
  `^((?:[Tt]ill|[Ii]nför|[Ff]öre|[Ii]nnan|[Ss]enast(?:\\s+till)?)\\s+(?:den\\s+)?[^,]{2,40}?)\\s*,?\\s+(?:(?:ska|skall|behöver|måste|bör)\\s+${SUBJ}\\s+(${INF})|(${PRES})\\s+${SUBJ})${END}(.*)$`,
  'u',
);
const ASSIGN_RE = new RegExp(`\\b(?:uppdrog|uppdrar|uppdra|uppdras|gav|ger|ge)\\s+(?:åt\\s+)?${ASSIGN_SUBJ}\\s+(?:i\\s+uppdrag\\s+)?att\\s+(.+)$`, 'u');
const GETS_TASK_RE = new RegExp(`^${SUBJ}\\s+(?:får|fick)\\s+(?:i\\s+uppdrag|uppdraget)\\s+att\\s+(.+)$`, 'u');
/** "X to <verb> …" / "X will <verb> …" with any verb: only when X is a listed attendee (checked below). */
const EN_ANY_RE = new RegExp(
  `^(?:(?:[Aa]ctions?|ACTIONS?)\\s*[:–-]\\s*)?${SUBJ}\\s+(?:to|will|is to|are to|agreed to)\\s+(\\p{Ll}[\\p{Ll}-]+)${END}(.*)$`,
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
const SV_PRES_ANY_RE = new RegExp(`^${SUBJ}\\s+(\\p{Ll}{1,}(?:ar|er|ör))${END}(.*)$`, 'u');
/** Present-tense verbs that report the meeting itself, never a task ("Carin hälsar alla välkomna"). */
const MEETING_VERBS = new Set(
  'efter eller under över sedan kommer kan vill brukar hade gör går står ligger sitter tror vet ser känner hälsar öppnar förklarar avslutar tackar informerar berättar redogör konstaterar föreslår anser tycker menar undrar frågar svarar påpekar noterar läser visar presenterar redovisar lyfter pratar är har var blir finns deltar närvarar leder väljs valdes'.split(
    ' ',
  ),
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
const MARKER_RE = /^(?:åtgärd(?:er)?|action(?:s)?|att göra|to do|todo)\s*[:–-]\s*(.+)$/iu;
const OWNER_LABEL_RE = /\b(?:ansvarig|ansvar|owner|responsible)\s*:\s*([^.;\n]{2,80})/iu;
const LEAD_IN_RE =
  /^(?:vi|mötet|gruppen|nämnden|styrelsen|\p{Lu}\p{L}+gruppen)\s+(?:beslöt|beslutade|beslutar|enades om|kom överens om)\s+att\s+|^(?:det beslutades|beslut)\s*:?\s*att\s+/iu;
const PROPOSAL_RE = /^(?:förslag till beslut|beslutsförslag|förvaltningens förslag(?: till beslut)?|proposal)\s*:?\s*$/iu;
const SKIP_RE = /^(?:för information|för kännedom|information|info)\b/iu;
const FUTURE_RE = /\b(?:nästa|kommande)\s+(?:möte|sammanträde|träff)|\binför\b|\bsenast\b|\bnext meeting\b/iu;
const GROUP_CONTEXT_RE = /\b(?:arbetsgrupp|grupp|möte|träff|workshop|inbjudan|kallelse|tillsättas|bildas)\w*/iu;
/** A sentence that opens with a group or meeting: "En mindre arbetsgrupp …", "Ett möte …". */
const GROUP_OPENING_RE = /^(?:(?:en|ett|den|det)\s+)?(?:\p{L}+\s+)?\p{L}*(?:grupp|möte|träff|workshop|inbjudan|kallelse)\p{Ll}*/iu;
const TO_APPOINT_RE = /\b(?:arbetsgrupp|grupp|referensgrupp|projektgrupp)\w*\b[^.]{0,40}\bska\s+(?:tillsättas|bildas|utses)\b/iu;
const STOP_SUBJ = new Set(
  'två tre fyra fem sex sju åtta nio tio det den de detta denna dessa man vi jag hon han här där nu idag i på om när efter inför till som frågan punkten mötet en ett flera många några ingen inga alla? också även så men och'.split(
    ' ',
  ),
);

export interface ActionContext {
  attendees: readonly string[];
  /** Flags of the attendees, to resolve "the Clerk" / "ordföranden" to a person. */
  flags?: ReadonlyMap<string, readonly string[]>;
  nextMeetingDate: string | null;
  meetingDate: string | null;
}

interface Candidate {
  item: ActionItem;
  sentence: number;
  bare: boolean;
}

export function extractActionItems(doc: NormDoc, ctx: ActionContext): ActionItem[] {
  const out: ActionItem[] = [];
  let table: ActionTable | null = null;
  // Points under "Förslag till beslut" are proposed, not yet given to anyone.
  let proposal = false;
  let prev: Para | null = null;
  // True while the paragraphs since the last item are its "Ansvarig:"/"Klart till:" lines.
  let follows = false;
  // True under a heading such as "Actionpoints inför nästa gång", "Att göra": every point is a task.
  let actionList = false;
  for (const p of doc.paras) {
    const before = out.length;
    if (PROPOSAL_RE.test(p.text)) proposal = true;
    else if (p.level > 0 || p.kind === 'heading' || !/^(?:[-–•]\s*)?att\s/iu.test(p.text)) proposal = false;
    if (proposal) continue;
    if (p.kind === 'row') {
      table = tableHeader(p) ?? table;
      if (table && !tableHeader(p)) {
        const item = tableItem(p, table, ctx);
        if (item) out.push(item);
      } else if (!table) {
        // An owner in a right-hand action column: "Bulb planting … <TAB> ACTION: BH".
        const last = BARE_ACTION_RE.exec(p.cells[p.cells.length - 1]!);
        const owners = last ? ownersOf(last[1]!, ctx, false) : null;
        const body = p.cells.slice(0, -1).join(' ');
        if (owners && owners.length && /\p{Ll}{3}/u.test(body)) out.push(bareItem(owners, body, p, ctx));
      }
      follows = out.length > before;
      prev = p;
      continue;
    }
    table = null;
    if (p.kind === 'heading') {
      follows = false;
      prev = p;
      // A numbered point that is a whole sentence ("4. Uppdrogs åt Ulf att kontakta …") is read as one.
      const body = p.text.replace(/^(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+/u, '');
      if (body !== p.text && body.length > 40 && /\s\p{Ll}+\s/u.test(body)) {
        out.push(...paraItems({ ...p, text: body }, ctx, actionList));
        follows = out.length > before;
      } else actionList = ACTION_HEADING_RE.test(p.text);
      continue;
    }
    // A heading the layout left as text ("## Actionpoints inför nästa gång", "Att göra").
    if (p.text.length <= 60 && /^#|:$/u.test(p.text) && ACTION_HEADING_RE.test(p.text.replace(/:$/u, ''))) {
      actionList = true;
      prev = p;
      continue;
    }
    // The list ends where its points do.
    if (!LIST_POINT_RE.test(p.text)) actionList = false;
    // "Ansvarig: X" / "Klart till: 30 september" on the lines after an "Åtgärd: …" line.
    const prevItem = out[out.length - 1];
    const label = FOLLOW_LABEL_RE.exec(p.text);
    if (label && prevItem && follows) {
      if (/^(?:ansvarig|ansvar|owner|responsible|vem)/iu.test(label[1]!) && prevItem.owners.length === 0) {
        prevItem.owners = ownersOf(label[2]!, ctx, true) ?? [label[2]!.trim()];
        prev = p;
        follows = true;
        continue;
      }
      if (!/^(?:ansvarig|ansvar|owner|responsible|vem)/iu.test(label[1]!) && prevItem.due === null) {
        const d = dueOf(`senast ${label[2]!}`, ctx);
        if (d.due) [prevItem.due, prevItem.dueText] = [d.due, label[2]!.trim()];
        prev = p;
        follows = true;
        continue;
      }
    }
    // "ACTION: CM" alone after the sentence it assigns.
    const bare = BARE_ACTION_RE.exec(p.text);
    const bareOwners = bare ? ownersOf(bare[1]!, ctx, false) : null;
    const prevBody = prev ? prev.text.replace(NUMBER_RE, '') : '';
    // After a paragraph, or after a numbered point that is a whole sentence ("6.3 MS stated that he would …").
    if (bareOwners && bareOwners.length && prev && prev.kind !== 'row' && (prev.kind !== 'heading' || (prevBody !== prev.text && prevBody.length > 40))) {
      const last = assignedSentence(prevBody);
      // The sentence may already be an item without the owners the marker gives: the marker wins.
      const same = out.findIndex(
        (it) => it.page === prev!.page && it.quote.startsWith(last.slice(0, 40)) && it.owners.every((o) => !ctx.attendees.includes(o)),
      );
      if (same >= 0) out.splice(same, 1);
      out.push(bareItem(bareOwners, last, p, ctx));
      follows = true;
      prev = p;
      continue;
    }
    // A marker with nothing before it to assign is no task of its own.
    if (bareOwners && bareOwners.length) {
      prev = p;
      continue;
    }
    // "… a transfer from HSBC. ACTION:MS": a marker closing the paragraph assigns its sentence (a
    // numbered point cut after its first line is read with it).
    const trail = TRAIL_ACTION_RE.exec(p.text);
    const trailOwners = trail ? ownersOf(trail[1]!, ctx, false) : null;
    if (trail && trailOwners && trailOwners.length && trailOwners.every((o) => ctx.attendees.includes(o))) {
      const body = p.text.slice(0, trail.index).trim();
      const lead = prev && prev.kind === 'heading' && prevBody !== prev.text && /^\p{Ll}/u.test(body) ? `${prevBody} ` : '';
      const sentence = assignedSentence(`${lead}${body}`);
      const others = paraItems({ ...p, text: body }, ctx).filter((it) => !sentence.includes(it.task.slice(0, 30)));
      out.push(...others, bareItem(trailOwners, sentence, { ...p, text: trail[0].trim() }, ctx));
      follows = true;
      prev = p;
      continue;
    }
    out.push(...paraItems(p, ctx, actionList));
    follows = out.length > before;
    prev = p;
  }
  for (const it of out) it.task = finishTask(it.task);
  return out;
}

const TRAIL_ACTION_RE = /(?<=[.!])\s+(?:ACTION|Action|ÅTGÄRD|Åtgärd)\s*[:–-]\s*(\p{Lu}[\p{L}.'’-]*(?:\s*(?:,|\/|&|and|och)\s*\p{Lu}[\p{L}.'’-]*){0,4})\.?$/u;
const NUMBER_RE = /^(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+/u;
/** Words that make a sentence the one an "ACTION: X" marker assigns ("the letter would be updated", "AGREED to purchase"). */
const ASSIGNED_CUE_RE = /\b(?:would|will|to be|shall|should|agreed|offered|ska|skall|kommer att|bör)\b/iu;

/** Of the sentences before a marker, the last one that says something is to be done (four words at least), else the last. */
function assignedSentence(text: string): string {
  const sentences = splitSentences(text).map((x) => x.text);
  for (let i = sentences.length - 1; i >= 0; i--) {
    const t = sentences[i]!;
    if (!ASSIGNED_CUE_RE.test(t)) continue;
    if (t.split(/\s+/).length >= 4) return t;
    // "AGREED to purchase.": too short to read alone, so with the sentence it agrees to.
    if (i > 0) return `${sentences[i - 1]!} ${t}`;
  }
  return sentences[sentences.length - 1] ?? text;
}

const FOLLOW_LABEL_RE = /^(ansvarig|ansvar|owner|responsible|vem|klart till|klart|deadline|senast|due(?: date)?|by when)\s*:\s*(.{2,80})$/iu;
const BARE_ACTION_RE =
  /^(?:[Åå]tgärd|ÅTGÄRD|[Aa]ction|ACTION|[Aa]nsvarig|ANSVARIG)\s*[:–-]?\s*(\p{Lu}[\p{L}.'’-]*(?:\s*(?:,|\/|&|and|och)\s*\p{Lu}[\p{L}.'’-]*){0,4})\.?$/u;

function bareItem(owners: string[], sentence: string, p: Para, ctx: ActionContext): ActionItem {
  const task = sentence
    .replace(/^(?:it was (?:agreed|resolved|decided) that|det beslutades att)\s+/iu, '')
    .replace(/[.!]+$/u, '')
    .trim();
  const due = dueOf(task, ctx);
  return { owners, task, due: due.due, dueText: due.text, page: p.page, section: p.section ?? p.subsection, quote: `${sentence} ${p.text}`.slice(0, 400) };
}

/** "Närvarande: Sten – ekonomiansvarig, …": an attendance list's roles after dashes are not tasks. */
const ATTENDANCE_START_RE = new RegExp(
  `^(?:${LABELS.filter(([, m]) => m.kind === 'present' || m.kind === 'absent')
    .map(([l]) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})\\s*:`,
  'iu',
);

/** Headings of a list of new tasks; earlier logs ("Föregående åtgärder", "Previous actions") are not. */
const ACTION_HEADING_RE =
  /^(?:#+\s*)?(?:\d+(?:\.\d+)*\.?\s+)?(?!.*\b(?:föregående|tidigare|förra|previous|outstanding|old)\b)(?:action\s*points?|actions?(?:\s+items?)?|åtgärder|åtgärdslista|att göra|to ?do|uppgifter|nya uppgifter)\b[^.]{0,40}$/iu;
const LIST_POINT_RE = /^(?:[•▪●◦*·]|[-–—](?=\s)|\d{1,2}[.)]\s)/u;
/** "… till nästa träff (Josef))", "(alla)": the owners a list point ends with. */
const TRAIL_OWNER_RE = /\s*\(([^()]{2,60})\)\)?\s*\.?\s*$/u;

/** A point under an action heading that no sentence rule read: the point is the task, its trailing parentheses the owners. */
function listPointItem(p: Para, text: string, ctx: ActionContext): ActionItem | null {
  const body = text.replace(/^(?:[•▪●◦*·]|[-–—](?=\s)|\d{1,2}[.)])\s*/u, '').trim();
  const first = splitSentences(body)[0]?.text ?? body;
  if (first.length < 12 || first.length > 400 || !/\s\p{Ll}/u.test(first)) return null;
  const paren = TRAIL_OWNER_RE.exec(first);
  const owners = paren ? (ownersOf(paren[1]!, ctx, false) ?? []) : [];
  const task = paren && owners.length ? first.slice(0, paren.index) : first;
  const due = dueOf(task, ctx);
  return { owners, task, due: due.due, dueText: due.text, page: p.page, section: p.section ?? p.subsection, quote: first };
}

function paraItems(p: Para, ctx: ActionContext, actionList = false): ActionItem[] {
  if (ATTENDANCE_START_RE.test(p.text)) return [];
  if (actionList) {
    const items = paraItems(p, ctx);
    const paren = TRAIL_OWNER_RE.exec(p.text);
    const owners = paren ? ownersOf(paren[1]!, ctx, false) : null;
    // The point's owner in parentheses wins over a subject the rules took ("Digg försöker … (Josef)").
    if (items.length === 1 && owners?.length) {
      items[0]!.owners = owners;
      items[0]!.task = items[0]!.task.replace(TRAIL_OWNER_RE, '');
    }
    if (items.length) return items;
    const item = listPointItem(p, p.text, ctx);
    return item ? [item] : [];
  }
  const text = p.text.length > 6000 ? p.text.slice(0, 6000) : p.text;
  const sentences = splitSentences(text.replace(/^(?:[•▪●◦*·]|[-–—](?=\s))\s*/u, ''));
  const found: Candidate[] = [];
  const consumed = new Set<number>();
  const paraOwner = OWNER_LABEL_RE.exec(text)?.[1]?.trim() ?? null;
  sentences.forEach((s, i) => {
    for (const clause of clauses(s.text)) {
      const item = sentenceItem(clause, p, ctx, paraOwner);
      if (!item) continue;
      item.quote = s.text.length > 400 ? s.text.slice(0, 400) : s.text;
      found.push({ item, sentence: i, bare: item.task.split(/\s+/).length <= 2 && item.owners.length > 0 });
    }
  });
  for (const c of found) {
    if (!c.bare) continue;
    // "Närvårdskontoret sammankallar.": the task is what the preceding sentences set up. Best, the
    // nearest of the last four sentences that opens with the group ("En mindre arbetsgrupp ska
    // tillsättas.") gives the object: "Sammankalla en mindre arbetsgrupp"; else the earliest that
    // mentions a group or meeting is quoted after the verb.
    let from = -1;
    let np: string | null = null;
    for (let j = c.sentence - 1; j >= Math.max(0, c.sentence - 4) && np === null; j--) {
      const open = GROUP_OPENING_RE.exec(sentences[j]!.text);
      if (open) [from, np] = [j, open[0]];
    }
    if (np !== null) {
      const next = sentences[from + 1];
      const members = next && from + 1 < c.sentence && next.text.length <= 140 ? ` – ${next.text.replace(/[.!]+$/u, '')}` : '';
      c.item.task = `${c.item.task} ${asObject(np)}${members}`;
      for (let j = from; j < c.sentence; j++) consumed.add(j);
      continue;
    }
    for (let j = c.sentence - 1; j >= Math.max(0, c.sentence - 4); j--) if (GROUP_CONTEXT_RE.test(sentences[j]!.text)) from = j;
    if (from < 0 && c.sentence > 0) from = c.sentence - 1;
    if (from < 0) continue;
    let ctxText = sentences
      .slice(from, c.sentence)
      .map((s) => s.text)
      .join(' ');
    if (ctxText.length > 300) ctxText = `${ctxText.slice(0, 297)}…`;
    c.item.task = `${c.item.task} – ${ctxText}`;
    for (let j = from; j < c.sentence; j++) consumed.add(j);
  }
  const out = found.filter((c) => !(consumed.has(c.sentence) && c.item.owners.length === 0)).map((c) => c.item);
  // A point headed "Inför SK-möte i Malmö 17/5" dates every task under it.
  const head = text.replace(/^(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+/u, '');
  const lead = /^(?:inför|in time for|ahead of)\b/iu.test(head)
    ? eventDue(head.slice(0, 120), ctx)
    : (p.subsection && eventDue(p.subsection.replace(/^[\d.§\s]+/u, ''), ctx)) || null;
  if (lead?.due) for (const it of out) if (it.due === null) [it.due, it.dueText] = [lead.due, lead.text];
  // Dedupe identical owner+task within a paragraph (clause and sentence both matched).
  return out.filter((it, i) => out.findIndex((o) => o.task === it.task && o.owners.join() === it.owners.join()) === i);
}

function clauses(sentence: string): string[] {
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

function sentenceItem(raw: string, p: Para, ctx: ActionContext, paraOwner: string | null): ActionItem | null {
  let s = raw.trim().replace(/[.!]+$/u, '');
  if (!s || /\?\s*$/.test(raw) || SKIP_RE.test(s)) return null;
  s = s.replace(LEAD_IN_RE, (m) => (/^att\s/i.test(m) ? '' : '')).replace(LABEL_PREFIX_RE, '');
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
  } else if ((m = SV_MODAL_RE.exec(s))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = `${m[2]}${m[3]}`;
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
  } else if ((m = PASSIVE_ASSIGN_RE.exec(s))) {
    owners = ownersOf(m[1]!, ctx, false);
    task = m[2]!;
  } else if ((m = attendeeOwned(SV_MODAL_ANY_RE.exec(s), ctx) ?? attendeeOwned(EN_MODAL_ANY_RE.exec(s), ctx))) {
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

/** The match when every owner in its subject is a listed attendee or "alla" (for the open-verb patterns). */
function attendeeOwned(m: RegExpExecArray | null, ctx: ActionContext): RegExpExecArray | null {
  if (!m) return null;
  const owners = ownersOf(m[1]!, ctx, false);
  // A listed attendee, or a person the text names by a known given name ("Pierre får fixa det",
  // "Erik och Sven sätter ut pilar") when the attendance list left them out.
  return owners && owners.every((o) => o === 'alla' || ctx.attendees.includes(o) || isGivenName(o.split(' ')[0]!)) ? m : null;
}

const ROLE_OWNER: Array<[RegExp, string]> = [
  [/^(?:the\s+)?(?:chair(?:man|woman|person)?)$|^ordföranden$/iu, 'chair'],
  [/^(?:the\s+)?(?:clerk|secretary|minute[- ]taker)$|^(?:sekreteraren|protokollföraren)$/iu, 'secretary'],
];

/** Owners from a subject phrase; null when any part is not a person, "alla" or a named unit. */
function ownersOf(subject: string, ctx: ActionContext, lenient: boolean): string[] | null {
  const parts = subject
    .split(/\s*(?:,|\boch\b|\bsamt\b|\band\b|&|\/)\s*/u)
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const out: string[] = [];
  for (const part of parts) {
    if (/^(?:alla|var och en|samtliga|everyone)$/iu.test(part)) {
      out.push('alla');
      continue;
    }
    // "The Clerk", "ordföranden": the attendee who has that role, when the list says who.
    const role = ROLE_OWNER.find(([re]) => re.test(part));
    if (role) {
      const holders = [...(ctx.flags ?? new Map<string, readonly string[]>())].filter(([, f]) => f.includes(role[1])).map(([n]) => n);
      out.push(holders.length === 1 ? holders[0]! : part.replace(/^the\s+/iu, ''));
      continue;
    }
    if (UNIT_RE.test(part)) {
      out.push(part);
      continue;
    }
    const words = part.split(/\s+/);
    if (STOP_SUBJ.has(words[0]!.toLowerCase())) return null;
    const resolved = resolveName(part, ctx.attendees);
    // "AGREED to purchase", "RESOLVED to …": a word in capitals that is nobody's initials is no owner.
    if (/^\p{Lu}{5,}$/u.test(part) && !ctx.attendees.includes(resolved)) return null;
    if (ctx.attendees.includes(resolved)) out.push(resolved);
    else if (isPersonName(part)) out.push(resolved);
    else if (words.length === 1 && /^\p{Lu}[\p{L}-]{2,}$/u.test(part)) out.push(part);
    else if (lenient && part.length <= 60) out.push(part);
    else return null;
  }
  return out;
}

const ACTION_COL = /^(?:åtgärd(?:er)?|aktivitet|uppgift|vad|action(?:s)?|task)$/iu;
const OWNER_COL = /^(?:ansvarig|ansvar|vem|owner|who|responsible)$/iu;
const DUE_COL = /^(?:klart(?: till)?|när|datum|deadline|due|senast|tidplan|by when)$/iu;

interface ActionTable {
  action: number;
  owner: number;
  due: number | null;
  /** Every header column, so that cells of other columns ("Nr", "Status") are not read as the task. */
  all: number[];
}

function tableHeader(p: Para): ActionTable | null {
  const cells = p.lines[0]!.cells;
  const a = cells.find((c) => ACTION_COL.test(c.text));
  const o = cells.find((c) => OWNER_COL.test(c.text));
  if (!a || !o) return null;
  return { action: a.x, owner: o.x, due: cells.find((c) => DUE_COL.test(c.text))?.x ?? null, all: cells.map((c) => c.x) };
}

function tableItem(p: Para, t: ActionTable, ctx: ActionContext): ActionItem | null {
  const cols = t.all;
  const byCol = new Map<number, string[]>();
  p.lines.forEach((line) => {
    for (const c of line.cells) {
      let best = cols[0]!;
      for (const x of cols) if (Math.abs(x - c.x) < Math.abs(best - c.x)) best = x;
      byCol.set(best, [...(byCol.get(best) ?? []), c.text]);
    }
  });
  const task = (byCol.get(t.action) ?? []).join(' ').trim();
  const owner = (byCol.get(t.owner) ?? []).join(' ').trim();
  if (!task || !owner) return null;
  const dueText = t.due === null ? null : (byCol.get(t.due) ?? []).join(' ').trim() || null;
  const due = dueText ? cellDue(dueText, ctx) : null;
  return { owners: ownersOf(owner, ctx, true) ?? [owner], task, due, dueText, page: p.page, section: p.section ?? p.subsection, quote: p.text.slice(0, 400) };
}
