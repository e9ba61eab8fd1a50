/**
 * Document facts: kind, title, date, organisation, language.
 * - title: the first paragraph of page 1 in the largest font (wrapped heading lines joined).
 * - kind: the title and first page words ("Mötesanteckning", "Protokoll", "Minutes" → minutes;
 *   "Handlingsplan"/"Verksamhetsplan" → plan; "Förslag till beslut"/"Tjänsteskrivelse" →
 *   decision; "Svar till"/"Yttrande" → letter; "Uppföljning"/"rapport" → report), 16:9 pages
 *   with little text → slides, present/absent lists → minutes, else other.
 * - date: in the title, else a labelled date on page 1 ("Datum:", "Version datum:"), else a
 *   standalone date line on page 1, else a standalone date line repeated on several pages.
 * - organisation: what the document calls itself: the group in a minutes title, the body asked
 *   to decide ("föreslår Regionstyrelsen att besluta"), the signing body of a letter, else the
 *   first short page 1–3 line naming a body (nämnd, styrelse, grupp, region …).
 * - language: Swedish vs English stopword counts.
 */
import type { DocumentFacts, DocumentKind, Language, PageText } from '../../core/facts.js';
import type { NormDoc, Para } from '../normalize.js';
import { findDates } from '../swedish-dates.js';

const SV_WORDS = new Set('och att det som för med är på av till inte har en ett den vi kan ska om från även eller under'.split(' '));
const EN_WORDS = new Set('the and of to is in for that with are be on will as by was it this from at were has'.split(' '));
const MINUTES_RE =
  /\b(?:mötesanteckning(?:ar)?|minnesanteckning(?:ar)?|anteckningar|protokoll|sammanträdesprotokoll|styrelseprotokoll|justerat protokoll|minutes|meeting notes|notes of (?:the )?meeting|action notes)\b/iu;
const PLAN_RE = /\b(?:handlingsplan|verksamhetsplan|aktivitetsplan|årsplan|action plan|work ?plan)\b/iu;
const DECISION_RE = /\b(?:förslag till beslut|tjänsteskrivelse|beslutsförslag|beslutsunderlag|proposal for decision)\b/iu;
const LETTER_RE = /^(?:svar till|svar på|yttrande|remissvar|skrivelse|letter|dear)\b/iu;
const REPORT_RE = /\b(?:uppföljning\w*|\w*rapport|årsberättelse|verksamhetsberättelse|report)\b/iu;
// Swedish bodies are compounds ("Kultur- och fritidsnämnden", "Ledningsgrupp"): the body word may
// end a longer word; a job title built on one ("förvaltningschef") is not a body.
const ORG_RE =
  /(?:nämnd|styrelse|utskott|grupp|förbund|förening)(?:n|en|et|na|erna|s)?\b|\b(?:region|kommun|stödstruktur|förvaltning|kontor|brf|bostadsrättsförening|council|committee|board|group|trust|association|society|club|partnership)\w*/iu;
const DATE_LABEL_RE =
  /^(?:datum|date|mötesdatum|sammanträdesdatum|version datum|dag|tid och plats|tid|meeting date|date of meeting)(?:\s*:\s*|\s+(?=\d))(.+)$/iu;
/** A sentence telling when this meeting was held ("Minutes of the … held on Tuesday 10th March 2026"). */
const HELD_RE = /\b(?:held|hölls|höll[s]?|sammanträdde|sammanträde|meeting of|möte den|mötet den)\b/iu;
/** Title words that do not name a body ("Protokoll fört vid styrelsemöte"). */
const GENERIC_TITLE_RE =
  /^(?:(?:fört|förda|vid|från|för|med|extra|ordinarie|konstituerande|årsmöte|styrelsemöte|styrelsesammanträde|sammanträde|möte|mötet|meeting|held|on|the|of|and|och|den)\s*)*$/iu;

export function extractDocumentFacts(pages: PageText[], doc: NormDoc, hasAttendees: boolean): DocumentFacts {
  const firstPage = doc.paras.filter((p) => p.page === (pages[0]?.pageNo ?? 1));
  const titlePara = pickTitle(firstPage.length ? firstPage : doc.paras.slice(0, 10));
  const title = titlePara ? titlePara.text.replace(/\s+/g, ' ').trim().slice(0, 300) : null;
  const firstText = firstPage
    .map((p) => p.text)
    .join('\n')
    .slice(0, 3000);
  const language = detectLanguage(doc);
  const kind = detectKind(pages, title ?? '', firstText, hasAttendees);
  const date = detectDate(title ?? '', firstPage, doc);
  const organisation = detectOrganisation(kind, title, titlePara, doc);
  return { title, kind, date, organisation, language, pages: pages.length };
}

function pickTitle(paras: Para[]): Para | null {
  let best: Para | null = null;
  for (const p of paras.slice(0, 12)) {
    if (p.text.trim().length < 3 || /^\d[\d\s./-]*$/.test(p.text)) continue;
    if (!best || p.size > best.size + 0.5) best = p;
  }
  return best;
}

function detectLanguage(doc: NormDoc): Language {
  let sv = 0;
  let en = 0;
  let seen = 0;
  for (const p of doc.paras) {
    for (const w of p.text.toLowerCase().split(/[^\p{L}]+/u)) {
      if (SV_WORDS.has(w)) sv++;
      if (EN_WORDS.has(w)) en++;
      if (++seen > 5000) return sv >= en ? 'sv' : 'en';
    }
  }
  return en > sv ? 'en' : 'sv';
}

function detectKind(pages: PageText[], title: string, firstText: string, hasAttendees: boolean): DocumentKind {
  const head = `${title}\n${firstText.slice(0, 400)}`;
  if (MINUTES_RE.test(title)) return 'minutes';
  const wide = pages.filter((p) => p.height > 0 && p.width / p.height > 1.6 && p.width / p.height < 1.95).length;
  const chars = pages.reduce((n, p) => n + p.text.length, 0) / Math.max(1, pages.length);
  if (pages.length > 0 && wide >= pages.length * 0.6 && chars < 1500) return 'slides';
  if (PLAN_RE.test(title)) return 'plan';
  if (DECISION_RE.test(head) || DECISION_RE.test(firstText)) return 'decision';
  if (LETTER_RE.test(title)) return 'letter';
  if (MINUTES_RE.test(head) || hasAttendees) return 'minutes';
  if (REPORT_RE.test(title)) return 'report';
  return 'other';
}

/** Text before a date that still makes the line start with it: a weekday ("THURSDAY, 19/03/2026", "söndagen den 20 mars"). */
const WEEKDAY_LEAD = /^\s*(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)?[\s,]*(?:den\s+|the\s+)?$/iu;
/** A heading sentence that says what the document is: "PROTOKOLL fört vid sammanträde … 4 mars 2015 …". */
const MINUTES_LEAD = /^(?:protokoll|minnesanteckningar|anteckningar|mötesanteckningar|minutes|notes|sammanfattning)\b/iu;
/** A compact date in a heading: "Styrelsemöte 220320", "SG minnesanteckningar 140504", "Sammanfattning 24-10-21". */
const COMPACT_DATE = /(?<![\d-])(\d{2})-?(\d{2})-?(\d{2})(?![\d-])/u;

function compactDate(text: string): string | null {
  const m = COMPACT_DATE.exec(text.slice(0, 200));
  if (!m) return null;
  const [yy, mm, dd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return yy >= 0 ? (findDates(`20${m[1]}-${m[2]}-${m[3]}`).find((d) => d.iso)?.iso ?? null) : null;
}

function detectDate(title: string, firstPage: Para[], doc: NormDoc): string | null {
  const inTitle = findDates(title).find((d) => d.iso && d.hasYear);
  if (inTitle) return inTitle.iso;
  // The heading sentence of a minutes document carries its date ("Protokoll fört vid … 4 mars 2015").
  for (const [i, p] of firstPage.slice(0, 3).entries()) {
    // The sentence may wrap into the next paragraph (a hyphenated heading line).
    const next = /[.!?]$/.test(p.text.trim()) ? '' : (firstPage[i + 1]?.text ?? '');
    const text = `${p.text} ${next}`.slice(0, 300);
    if (!MINUTES_LEAD.test(text) || /\b(?:next|nästa)\b/iu.test(text)) continue;
    const d = findDates(text).find((x) => x.iso && x.hasYear);
    if (d) return d.iso;
  }
  // A compact date only in a short heading line, when no other date is written there.
  for (const p of [...firstPage.slice(0, 2)]) {
    if (p.text.length > 80 || findDates(p.text).some((d) => d.iso)) continue;
    const c = compactDate(p.text);
    if (c) return c;
  }
  for (const p of firstPage) {
    const m = DATE_LABEL_RE.exec(p.cells[0] === p.text ? p.text : p.cells.join(': '));
    const d = m ? findDates(m[1]!).find((x) => x.iso && x.hasYear) : undefined;
    if (d) return d.iso;
  }
  for (const p of firstPage) {
    if (p.text.length > 40) continue;
    const d = findDates(p.text).find((x) => x.iso && x.hasYear);
    if (d && !/\d{4}\s*[-–]\s*\d{4}/.test(p.text)) return d.iso;
  }
  // A line that starts with the date ("2026-03-12 kl. 18.00–20.30, Kulturhuset"), or a sentence
  // saying when the meeting was held, near the top of page 1.
  for (const p of firstPage.slice(0, 8)) {
    const text = p.text.slice(0, 300);
    if (/\b(?:next|nästa)\b/iu.test(text)) continue;
    const d = findDates(text).find((x) => x.iso && x.hasYear);
    if (d && (d.index === 0 || WEEKDAY_LEAD.test(text.slice(0, d.index)) || HELD_RE.test(text.slice(0, d.index)))) return d.iso;
  }
  // A date line repeated on several pages (a slide footer, a running header).
  const counts = new Map<string, Set<number>>();
  const lines = [...doc.furniture, ...doc.paras.filter((p) => p.text.length <= 40).map((p) => ({ page: p.page, text: p.text }))];
  for (const l of lines) {
    if (l.text.length > 40) continue;
    const d = findDates(l.text).find((x) => x.iso && x.hasYear);
    if (!d) continue;
    if (!counts.has(d.iso!)) counts.set(d.iso!, new Set());
    counts.get(d.iso!)!.add(l.page);
  }
  let best: string | null = null;
  let bestN = 1;
  for (const [iso, set] of counts) if (set.size > bestN) [best, bestN] = [iso, set.size];
  return best;
}

function detectOrganisation(kind: DocumentKind, title: string | null, titlePara: Para | null, doc: NormDoc): string | null {
  if (kind === 'minutes' && title) {
    const t = title
      .replace(MINUTES_RE, ' ')
      .replace(/\b(?:från|för|med|of the|of|meeting|möte|sammanträde)\b/giu, ' ')
      .replace(/\d{4}-\d{2}-\d{2}|\b\d{1,2}\s+\p{L}+\s+\d{4}\b/gu, ' ')
      .replace(/[,:–-]\s*$/u, '')
      .replace(/\s+/g, ' ')
      .trim();
    const body = t
      .replace(/^[\s,:;–—-]+/u, '')
      .replace(/,\s*org\.?\s*nr.*$/iu, '')
      .trim();
    if (body.length >= 3 && !GENERIC_TITLE_RE.test(body)) return body;
  }
  // A title that is itself the body's name ("LITTLE HADLEY PARISH COUNCIL").
  if (kind === 'minutes' && title && title.length <= 80 && ORG_RE.test(title) && !/\d{2}/.test(title) && !/[.!?]$/.test(title)) return title;
  const text = doc.paras
    .slice(0, 40)
    .map((p) => p.text)
    .join('\n')
    .slice(0, 6000);
  const proposal = /föreslår\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}?[\p{L}-]+){0,3}?)\s+att\s+besluta/u.exec(text);
  if (proposal) return proposal[1]!;
  if (kind === 'letter') {
    const last = doc.paras[doc.paras.length - 1];
    if (last && last.text.length <= 60 && /^\p{Lu}/u.test(last.text) && !/[.!?]$/.test(last.text)) return last.text;
  }
  // Slide decks put the organisation on a section slide a few pages in.
  const span = kind === 'slides' ? 6 : 2;
  const firstPages = doc.paras.filter((p) => p !== titlePara && p.page <= (doc.paras[0]?.page ?? 1) + span);
  for (const p of firstPages) {
    const t = p.text
      .replace(/\s+\d{4}$/, '')
      .replace(/,\s*org\.?\s*nr.*$/iu, '')
      .trim();
    if (p.kind === 'row' || t.length > 80 || /[.!?]$/.test(t) || !ORG_RE.test(t) || /\d{2}/.test(t)) continue;
    return t;
  }
  return null;
}
