/**
 * Who owns an action item: the subject patterns the sentence rules share (names, "alla", units
 * written in lower case) and the engine that turns a subject phrase into owners (attendees by
 * full name, a role's holder, a unit, a person-like name), or null when the subject is no owner.
 */
import type { PageText } from '../../core/facts.js';
import { isGivenName } from '../names/lexicon.js';
import { isPersonName, resolveName } from './names.js';

const NAME = `\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|von|van|de|af))*`;
export const SUBJ = `(${NAME}(?:\\s*(?:,|och|samt|and|&|\\/)\\s*${NAME}){0,5}|[Aa]lla|[Vv]ar och en|[Ss]amtliga|[Ee]veryone)`;
/** Units written in lower case as the one given a task ("ger förvaltningen i uppdrag att …"). */
export const UNIT =
  '(?:\\p{Ll}+)?(?:förvaltningen|kontoret|kansliet|sekretariatet|avdelningen|enheten|nämnden|styrelsen|gruppen|ordföranden|sekreteraren|direktören|chefen)';
const UNIT_RE = new RegExp(`^${UNIT}$`, 'u');
/** Whom a task is asked of in English: names, or a role the attendance list can resolve ("asked the Clerk to …"). */
export const ASKED_SUBJ = `(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME}){0,3}|the\\s+(?:[Cc]lerk|[Cc]hair(?:man|woman|person)?|[Ss]ecretary|[Mm]inute[- ]taker))`;
export const ASSIGN_SUBJ = `(${NAME}(?:\\s*(?:,|och|samt|and|&|\\/)\\s*${NAME}){0,5}|${UNIT}(?:\\s+(?:och|samt)\\s+${UNIT})?)`;
const STOP_SUBJ = new Set(
  'två tre fyra fem sex sju åtta nio tio det den de detta denna dessa man vi jag hon han här där nu idag i på om när efter inför till som frågan punkten mötet en ett flera många några ingen inga alla? också även så men och'.split(
    ' ',
  ),
);

export interface ActionContext {
  attendees: readonly string[];
  /** The pages with positioned items, to read owners from an action column (action-margin.ts). */
  pages?: readonly PageText[];
  /** Flags of the attendees, to resolve "the Clerk" / "ordföranden" to a person. */
  flags?: ReadonlyMap<string, readonly string[]>;
  nextMeetingDate: string | null;
  meetingDate: string | null;
}

/** The match when every owner in its subject is a listed attendee or "alla" (for the open-verb patterns). */
export function attendeeOwned(m: RegExpExecArray | null, ctx: ActionContext): RegExpExecArray | null {
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
export function ownersOf(subject: string, ctx: ActionContext, lenient: boolean): string[] | null {
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
