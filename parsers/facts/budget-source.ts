/**
 * Funding source phrases ("Riktat statsbidrag LOB 2015", "Gemensamt avsatta medel PRIO",
 * "Lokala medel") in the text that follows an amount. Word-based, linear.
 */

const KEYWORD = /^(?:\p{L}*(?:statsbidrag|statbidrag|bidrag|medel|anslag|finansiering|fonden?|stimulansmedel|budget))$/iu;
const STOP = new Set([
  'som',
  'på',
  'och',
  'av',
  'från',
  'för',
  'till',
  'med',
  'i',
  'varav',
  'kr',
  'kronor',
  'under',
  'samt',
  'eller',
  'se',
  'ska',
  'är',
  'inom',
  'utgår',
  'genom',
  'har',
  'finns',
  'kan',
  'var',
  'sker',
  'om',
  'att',
]);

const FORWARD_STOP = new Set(['som', 'och', 'varav', 'kr', 'kronor', 'under', 'samt', 'eller', 'se', 'ska', 'är', 'utgår', 'för', 'till', 'från']);

/** The first funding phrase in `text`, or null. */
export function fundingSource(text: string): string | null {
  const words = text.slice(0, 600).split(/\s+/).filter(Boolean);
  const bare = words.map((w) => w.replace(/[.,;:()”"]+$/g, '').replace(/^[(”"]+/, ''));
  // A grant word names the source better than a generic "medel" before it ("projektmedel för riktade statsbidrag").
  const strong = bare.findIndex((w) => /(?:statsbidrag|statbidrag)$/i.test(w));
  const order = strong >= 0 ? [strong] : bare.map((_, k) => k);
  for (const k of order) {
    const w = bare[k]!;
    if (!KEYWORD.test(w)) continue;
    // Walk back over up to two describing words ("Gemensamt avsatta", "Riktat", "kvarvarande riktat").
    let start = k;
    while (start > 0 && k - start < 2) {
      const prev = words[start - 1]!;
      if (/[.,;:)]$/.test(prev) || STOP.has(prev.toLowerCase()) || /\d/.test(prev)) break;
      start--;
    }
    const parts = words.slice(start, k).concat(w);
    if (/[.,;:)]$/.test(words[k]!)) return parts.join(' ');
    // Forward: acronyms, years, lower-case words; one capitalised word right after the keyword.
    for (let j = k + 1; j < words.length && j <= k + 6; j++) {
      const raw = words[j]!;
      if (raw.startsWith('(')) {
        // A parenthesis right after the source names it ("(Överenskommelse om god och nära vård)").
        const close = words.findIndex((x, i) => i >= j && x.includes(')'));
        if (close >= 0 && close - j <= 8) parts.push(...words.slice(j, close + 1).map((x, i, a) => (i === a.length - 1 ? x.replace(/\).*$/, ')') : x)));
        break;
      }
      const clean = raw.replace(/[.,;:()”"]+$/g, '');
      if (!clean || FORWARD_STOP.has(clean.toLowerCase())) break;
      const capital = /^\p{Lu}\p{Ll}/u.test(clean);
      if (capital && j > k + 1) break;
      parts.push(clean);
      if (clean !== raw) break;
    }
    return parts.join(' ');
  }
  return null;
}
