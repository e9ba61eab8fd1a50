/**
 * The next meeting: "Nästa möte: 17 april 2026 kl. 13.00–15.00, Teams", "Nästa möte äger rum
 * den 17 april och genomförs digitalt", "Next meeting: 3 May 2026, 10:00, Room 4", or a
 * "Nästa möte" label paragraph followed by the date. Dates without a year take the meeting's
 * year, moved a year on when that would fall before the meeting.
 */
import type { NextMeeting } from '../../core/facts.js';
import type { NormDoc } from '../normalize.js';
import { splitSentences } from '../normalize.js';
import { findCompactDates, findDates, findTime, type FoundDate } from '../swedish-dates.js';

// "Nästa styrelsemöte", "nästa gruppträff": Swedish compounds end in the meeting word.
const NEXT_RE = /\b(?:nästa|kommande)\s+\p{L}*(?:möte|sammanträde|träff|mötestillfälle)|\bnext\s+(?:\p{L}+\s+)?meeting\b|\bdate of (?:the )?next meeting\b/iu;
const LABEL_START_RE = /^(?:date of (?:the )?)?(?:nästa|next|kommande)/iu;
/** A venue written in lower case ("i föreningslokalen", "på biblioteket"). */
const PLACE_LOWER_RE = /\b(?:i|på)\s+(\p{Ll}[\p{L}-]*(?:lokal|lokalen|salen|sal|rummet|huset|kontoret|biblioteket|kansliet|stugan|gården|hallen|aulan))\b/u;
const PLACE_WORD_RE = /\b(digitalt|via Teams|på Teams|i Teams|Teams|Zoom|Skype|online|fysiskt)\b/iu;
const PLACE_PREP_RE = /(?:\b(?:plats|lokal|venue|location)\s*:?\s*|\b(?:i|på|at|in)\s+)(\p{Lu}[^,.;()]{1,60})/u;

/** "Nästa telefonmöte: söndag 140526": a compact date is read only right after the label (and a weekday). */
const COMPACT_LEAD_RE = /^\S*(?:\s+\S+){0,2}?\s*:?\s*(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s*(?:den\s*)?)?$/iu;

function compactAfterLabel(after: string): FoundDate | undefined {
  const d = findCompactDates(after.slice(0, 60)).find((x) => x.iso);
  return d && COMPACT_LEAD_RE.test(after.slice(0, d.index)) ? d : undefined;
}

export function extractNextMeeting(doc: NormDoc, meetingDate: string | null): NextMeeting | null {
  const year = meetingDate ? Number(meetingDate.slice(0, 4)) : null;
  const paras = doc.paras;
  let best: NextMeeting | null = null;
  let bestScore = -1;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (!NEXT_RE.test(p.text.slice(0, 2000))) continue;
    for (const s of splitSentences(p.text)) {
      const m = NEXT_RE.exec(s.text);
      if (!m) continue;
      let after = s.text.slice(m.index);
      let page = p.page;
      let own = true;
      // "Nästa möte" as a label with the date in the next paragraph (past a stray superscript "th").
      const value = paras.slice(i + 1, i + 3).find((q) => q.text.trim().length > 3);
      if (!findDates(after, { year }).some((d) => d.iso) && after.length < 30 && value) {
        after = `${after} ${value.text.slice(0, 300)}`;
        page = value.page;
        own = false;
      }
      const date = findDates(after, { year }).find((d) => d.iso && d.index < 140) ?? compactAfterLabel(after);
      if (!date) continue;
      let iso = date.iso!;
      if (!date.hasYear && meetingDate && iso < meetingDate) iso = `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
      const rest = after.slice(date.index + date.text.length);
      const time = findTime(rest.slice(0, 80)) ?? findTime(after.slice(0, date.index));
      const placeText = time ? rest.slice(rest.indexOf(time.text) + time.text.length) : rest;
      const word = PLACE_WORD_RE.exec(placeText) ?? PLACE_WORD_RE.exec(rest);
      let place: string | null = word ? word[1]! : null;
      if (!place) {
        const prep = PLACE_PREP_RE.exec(placeText);
        if (prep) place = prep[1]!.trim();
        else {
          const seg = /^\s*[,–-]\s*([^,.;]{2,60})/u.exec(placeText);
          if (seg && !/\d/.test(seg[1]!)) place = seg[1]!.trim();
          else place = PLACE_LOWER_RE.exec(placeText)?.[1] ?? null;
        }
      }
      const found: NextMeeting = { date: iso, text: s.text.length > 400 ? s.text.slice(0, 400) : s.text, time: time ? time.text : null, place, page };
      // Prefer a sentence that is about the next meeting itself over a passing mention, and one
      // that holds its own date over a heading ("§ 7 Nästa möte") that borrows the next line's.
      const label = LABEL_START_RE.test(s.text);
      const score = (label ? 2 : 0) + (own ? 1 : 0);
      if (!best || score > bestScore || (score === bestScore && label)) [best, bestScore] = [found, score];
    }
  }
  return best;
}
