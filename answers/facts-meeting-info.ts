/**
 * Where and when a meeting was held. No table stores the minutes' header lines ("Plats:
 * Digitalt via Teams", "Tid: 14.00-16.00"), so they are read from the first passages of the
 * meeting's minutes: the line whose label names a place or a time.
 */
import { documentHeadChunks } from '../store/answer-queries.js';
import { citeAll, type HandlerContext, type HandlerResult } from './context.js';
import { formatDate } from './dates.js';
import { sourcesLine, t } from './format.js';
import { meetingOrAnswer } from './meetings.js';
import { fold } from './text.js';

export type MeetingInfo = 'place' | 'time';

/** Label words (folded) of a header line, per kind: "Plats:", "Lokal:", "Tid:", "Time:", "Tid och plats:". */
const LABEL: Record<MeetingInfo, RegExp> = {
  place: /\b(plats|lokal|motesplats|motesrum|rum|adress|place|location|venue|room|where)\b/,
  time: /\b(tid|tidpunkt|klockan|kl|time|hours?)\b/,
};

/** Prose that says it: "Mötet hölls i Borås", "The meeting was held at …". */
const PROSE: Record<MeetingInfo, RegExp> = {
  place:
    /\b(?:motet|sammantradet|the meeting)\s+(?:holls|halls|agde rum|ager rum|genomfordes|genomfors|was held|is held|took place)\s+((?:i|pa|via|digitalt|in|at|on|online)\b[^.\n]{2,80})/,
  time: /\b(?:motet|sammantradet|the meeting)\s+(?:borjade|borjar|startade|startar|pagick|pagar|began|started|ran)\s+([^.\n]{0,20}\d{1,2}[.:]\d{2}[^.\n]{0,40})/,
};

/**
 * Header labels of flattened or tabbed front pages, written capitalised and without a colon:
 * "Plats och tid. Nicolairummet, stadshuset kl. 09:00-15:17", "Plats\tLjungsbro", "Tid och plats
 * Stadshuset, sessionssalen Kl". The value starts with a capital (a place's name) and ends at the
 * time, the next label or the line.
 */
const INLINE_LABEL =
  /(?<![\p{L}])(Plats och tid|Tid och plats|Sammanträdesplats|Mötesplats|Plats|Lokal|Venue|Location|Place and time|Time and place)[.:]?[ \t]+/gu;
const PLACE_END = /\s(?:kl\.?|klockan|tid|beslutande|närvarande|ledamöter|paragrafer|at|from)(?![\p{L}])|[ ,]*\d{1,2}[.:]\d{2}|\n|\t|[.;](?:\s|$)/iu;
const TIME_RANGE = /\b(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?/i;

function inlineHeaderValue(text: string, kind: MeetingInfo): { value: string; line: string } | null {
  for (const m of text.matchAll(INLINE_LABEL)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
    if (kind === 'place') {
      if (!/^\p{Lu}/u.test(rest)) continue;
      const end = rest.search(PLACE_END);
      const value = (end < 0 ? rest : rest.slice(0, end)).replace(/[\s,]+$/, '');
      if (value.length < 3 || value.length > 60) continue;
      return { value, line: `${m[0]}${rest.slice(0, Math.max(end, value.length))}`.replace(/\s+/g, ' ').trim() };
    }
    if (!/tid|time/i.test(m[1]!)) continue;
    const t = rest.slice(0, 80).match(TIME_RANGE);
    if (!t) continue;
    return { value: t[0], line: `${m[0]}${rest.slice(0, t.index! + t[0].length)}`.replace(/\s+/g, ' ').trim() };
  }
  return null;
}

/** The labelled line of a header, e.g. "Plats: Digitalt via Teams" → "Digitalt via Teams". */
export function findHeaderValue(text: string, kind: MeetingInfo): { value: string; line: string } | null {
  for (const raw of text.split(/\n/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    const m = line.match(/^([\p{L} ,.&/]{2,30}?)\s*[:：]\s*(\S.{0,150})$/u);
    if (!m) continue;
    const label = fold(m[1]!);
    if (label.split(/\s+/).length > 4 || !LABEL[kind].test(label)) continue;
    // "Tid:" must hold a time (or a date with one), not prose.
    if (kind === 'time' && !/\d{1,2}([.:]\d{2})?\s*(-|–|till|to)?/.test(m[2]!)) continue;
    return { value: m[2]!.trim(), line };
  }
  const inline = inlineHeaderValue(text, kind);
  if (inline) return inline;
  const p = fold(text).match(PROSE[kind]);
  if (p) {
    const start = fold(text).indexOf(p[0]);
    const line = text.slice(start, start + p[0].length).trim();
    return { value: text.slice(start + p[0].length - p[1]!.length, start + p[0].length).trim(), line };
  }
  return null;
}

export async function answerMeetingInfo(ctx: HandlerContext, kind: MeetingInfo): Promise<HandlerResult | null> {
  const { lang } = ctx;
  const choice = await meetingOrAnswer(ctx);
  if ('answer' in choice) return choice.answer;
  const m = choice.meeting;
  const chunks = await documentHeadChunks(ctx.db, ctx.groupIds, m.id);
  let hit: { value: string; line: string; page: number } | null = null;
  for (const c of chunks) {
    const h = findHeaderValue(c.text, kind);
    if (h) {
      hit = { ...h, page: c.page_no };
      break;
    }
  }
  const label = m.doc_date
    ? t(lang, `mötet ${formatDate(m.doc_date, 'sv')}`, `the meeting on ${formatDate(m.doc_date, 'en')}`)
    : t(lang, 'mötet', 'the meeting');
  // Not in the header: the evidence units may still say it ("Vi ses på SK i Iggesund").
  if (!hit) return null;
  // "Var hölls sammanträdet och när?" asks for both.
  let also: { value: string; line: string; page: number } | null = null;
  if (kind === 'place' && /\b(nar|when|tid|time)\b/.test(fold(ctx.question))) {
    for (const c of chunks) {
      const h = findHeaderValue(c.text, 'time');
      if (h) {
        also = { ...h, page: c.page_no };
        break;
      }
    }
  }
  const quotes = [{ documentId: m.id, page: hit.page, quote: hit.line }];
  if (also && also.line !== hit.line) quotes.push({ documentId: m.id, page: also.page, quote: also.line });
  const citations = await citeAll(ctx, quotes);
  const answer =
    kind === 'place'
      ? t(lang, `Plats för ${label}: ${hit.value}.`, `Place of ${label}: ${hit.value}.`) +
        (also ? ' ' + t(lang, `Tid: ${also.value}.`, `Time: ${also.value}.`) : '')
      : t(lang, `Tid för ${label}: ${hit.value}.`, `Time of ${label}: ${hit.value}.`);
  return {
    found: true,
    answer: `${answer} ${sourcesLine(citations, lang)}`,
    citations,
    facts: [`${kind === 'place' ? 'Place' : 'Time'} of ${label}: ${hit.value} (p. ${hit.page})`],
  };
}
