/** Given-name lookup over the data in given-names-data.ts (accent- and case-sensitive on the first letter only). */
import { COMMON_SV, FAKER } from './given-names-data.js';

let names: Set<string> | null = null;

function lexicon(): Set<string> {
  if (!names)
    names = new Set(
      `${FAKER} ${COMMON_SV}`
        .split(/\s+/)
        .filter(Boolean)
        .map((n) => n.toLowerCase()),
    );
  return names;
}

/** True when `token` is a known given name ("Kerstin", "Sten-Åke" from its parts, "ANNA" in capitals). */
export function isGivenName(token: string): boolean {
  const t = token.replace(/[.,:;]+$/, '');
  if (!/^\p{Lu}/u.test(t) || t.length < 2) return false;
  const lower = t.toLowerCase();
  if (lexicon().has(lower)) return true;
  const parts = lower.split('-');
  return parts.length === 2 && parts.every((p) => lexicon().has(p));
}
