/**
 * Person-name helpers shared by the attendee and action-item extractors: recognising a name,
 * stripping honorifics, and resolving "Simon Elfgren" / "Maria" to an attendee's full name.
 */
import { isGivenName } from '../names/lexicon.js';

const HONORIFIC_RE =
  /^(?:(?:(?:unitary|county|district|parish|borough|town|city)\s+)?(?:cllrs?\.?|councillors?)|trustees?|mr\.?|mrs\.?|ms\.?|miss|dr\.?|prof\.?|professor|sir|dame|rev\.?)\s+/i;
const PARTICLES = new Set(['von', 'van', 'de', 'der', 'af', 'la', 'le', 'du', 'di', 'da', 'del', 'den', 'ten', 'bin', 'al']);
/** Capitalised words that are never part of a person's name in a list. */
const NOT_NAME = new Set(
  (
    'ordförande sekreterare justerare ledamot ledamöter ersättare adjungerad tjänstgörande närvarande frånvarande deltagare beslutande ' +
    'övriga protokollförare förhinder mötet gruppen nämnden styrelsen region regionen kommun kommunen alla ingen inga vi man det den de ' +
    'present absent apologies chair chairman secretary clerk members member officers attendance also none the and minutes item ' +
    'digitalt teams plats tid datum omfattning paragrafer sammanträde möte invited guests observers inbjudna gäster'
  ).split(' '),
);
const NAME_TOKEN = /^(?:\p{Lu}[\p{Ll}\p{Lu}'’]*(?:-\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}\.?)$/u;

export function stripHonorific(name: string): string {
  let n = name.trim();
  for (let i = 0; i < 2 && HONORIFIC_RE.test(n); i++) n = n.replace(HONORIFIC_RE, '');
  return n;
}

/** True when `text` reads as a person's name (1–5 capitalised words; one word only when `allowSingle`). */
export function isPersonName(text: string, allowSingle = false): boolean {
  const t = stripHonorific(text);
  if (t.length < 2 || t.length > 60 || /\d/.test(t)) return false;
  const tokens = t.split(/\s+/);
  if (tokens.length > 5 || (tokens.length === 1 && !allowSingle)) return false;
  let letters = 0;
  for (const tok of tokens) {
    if (PARTICLES.has(tok)) continue;
    if (!NAME_TOKEN.test(tok)) return false;
    if (NOT_NAME.has(tok.toLowerCase())) return false;
    if (tok.replace(/[.'’-]/g, '').length > 1) letters++;
  }
  if (letters === 0) return false;
  // All-caps acronyms ("SÄS", "NSPH") are organisations, not people.
  if (tokens.length === 1 && /^\p{Lu}{2,}$/u.test(tokens[0]!)) return false;
  return true;
}

/**
 * "Uggla, Eddie" → "Eddie Uggla": a surname-first name, told by the lexicon (the second word a
 * given name, the first not one); null for anything else ("Alexander, James" stays two people).
 */
export function naturalOrder(text: string): string | null {
  const m = /^(\p{Lu}[\p{Ll}'’-]+),\s*(\p{Lu}[\p{Ll}'’-]+(?:[\s-]\p{Lu}[\p{Ll}'’-]+)?)((?:\s+\p{Ll}[\p{L}.]*)*)$/u.exec(text.trim());
  if (!m || isGivenName(m[1]!) || !isGivenName(m[2]!.split(/[\s]/)[0]!)) return null;
  // A role after the name stays after it ("Uggla, Eddie  ordförande").
  return `${m[2]} ${m[1]}${m[3] ? `, ${m[3].trim()}` : ''}`;
}

export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Resolves a name as written to an attendee's full name: exact (accent-insensitive), or a unique
 * first name or surname. Returns the written form when nothing unique matches.
 */
export function resolveName(written: string, attendees: readonly string[]): string {
  const w = foldName(stripHonorific(written));
  const exact = attendees.filter((a) => foldName(a) === w);
  if (exact.length === 1) return exact[0]!;
  // Initials as owners ("ACTION: KL", "JO / SM"): the attendee whose name gives them.
  if (/^\p{Lu}{2,4}$/u.test(written.trim())) {
    const byInitials = attendees.filter((a) => initialsOf(a).includes(written.trim()));
    if (byInitials.length === 1) return byInitials[0]!;
  }
  // "AHop", "JSm": a first initial and the start of the surname.
  const abbr = /^(\p{Lu})(\p{Lu}\p{Ll}{1,5})$/u.exec(written.trim());
  if (abbr) {
    const byAbbr = attendees.filter((a) => {
      const parts = stripHonorific(a).split(/\s+/);
      return parts.length >= 2 && parts[0]!.startsWith(abbr[1]!) && parts[parts.length - 1]!.startsWith(abbr[2]!);
    });
    if (byAbbr.length === 1) return byAbbr[0]!;
  }
  if (!w.includes(' ')) {
    const byPart = attendees.filter((a) => {
      const parts = foldName(a).split(' ');
      return parts[0] === w || parts[parts.length - 1] === w || (w.includes('-') && parts.includes(w));
    });
    if (byPart.length === 1) return byPart[0]!;
    const loose = looseMatch(w, attendees);
    if (loose) return loose;
  }
  return stripHonorific(written.trim());
}

/**
 * One written word that names no attendee exactly, matched the ways minutes shorten or respell a
 * name, each only when one attendee fits: a first or last name spelt another way ("Victor" for
 * Viktor, "Kaj" for Caj, "Markus" for Marcus), a nickname that begins the first name ("Cart" for
 * Carter), a first initial glued to the start of the surname in any case ("Ahop" for Alison Hopkins).
 */
function looseMatch(w: string, attendees: readonly string[]): string | null {
  const parts = (a: string): string[] => foldName(stripHonorific(a)).split(' ');
  const unique = (test: (p: string[]) => boolean): string | null => {
    const hits = attendees.filter((a) => test(parts(a)));
    return hits.length === 1 ? hits[0]! : null;
  };
  if (!/^\p{L}{3,}$/u.test(w)) return null;
  const sound = soundFold(w);
  return (
    unique((p) => soundFold(p[0]!) === sound || (p.length > 1 && soundFold(p[p.length - 1]!) === sound)) ??
    unique((p) => p.length > 1 && p[0]!.length > w.length && p[0]!.startsWith(w)) ??
    (w.length >= 4 && w.length <= 7 ? unique((p) => p.length > 1 && p[0]![0] === w[0] && p[p.length - 1]!.startsWith(w.slice(1))) : null)
  );
}

/** A folded name as it sounds, for spellings of one name: c/k, ph/f, w/v, z/s, th/t, doubled letters. */
function soundFold(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
}

/** Initials a name can be written as: "Sarah Mitchell" → SM, "Ulla-Britt Engström" → UE and UBE, "K. Lawson" → KL. */
export function initialsOf(name: string): string[] {
  const tokens = stripHonorific(name)
    .split(/\s+/)
    .filter((t) => !PARTICLES.has(t));
  if (tokens.length < 2) return [];
  const short = tokens.map((t) => t[0]!.toUpperCase()).join('');
  const long = tokens
    .map((t) =>
      t
        .split('-')
        .map((x) => x[0]?.toUpperCase() ?? '')
        .join(''),
    )
    .join('');
  return short === long ? [short] : [short, long];
}
