/**
 * Document facts: kind, title, date, organisation, language.
 * - title: the first paragraph of page 1 in the largest font (wrapped heading lines joined).
 * - kind: the title and first page words ("Mötesanteckning", "Protokoll", "Minutes" → minutes;
 *   "Handlingsplan"/"Verksamhetsplan" → plan; "Förslag till beslut"/"Tjänsteskrivelse" →
 *   decision; "Svar till"/"Yttrande" → letter; "Uppföljning"/"rapport" → report), 16:9 pages
 *   with little text → slides, present/absent lists → minutes, else other.
 * - date: the best-scoring date near the top of page 1 (`document-date.ts`), else a date line
 *   repeated on several pages.
 * - organisation: what the document calls itself: the group in a minutes title, the body asked
 *   to decide ("föreslår Regionstyrelsen att besluta"), the signing body of a letter, else the
 *   first short page 1–3 line naming a body (nämnd, styrelse, grupp, region …).
 * - language: Swedish vs English stopword counts.
 */
import type { DocumentFacts, DocumentKind, Language, PageText } from '../../core/facts.js';
import type { NormDoc, Para } from '../normalize.js';
import { detectDocumentDate } from './document-date.js';
import { isChromeLine, titleText } from './page-chrome.js';

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
/** Title words that do not name a body ("Protokoll fört vid styrelsemöte"). */
const GENERIC_TITLE_RE =
  /^(?:(?:fört|förda|vid|från|för|med|extra|ordinarie|konstituerande|årsmöte|styrelsemöte|styrelsesammanträde|sammanträde|möte|mötet|meeting|held|on|the|of|and|och|den)\s*)*$/iu;

export function extractDocumentFacts(pages: PageText[], doc: NormDoc, hasAttendees: boolean, fileName?: string): DocumentFacts {
  const firstPage = doc.paras.filter((p) => p.page === (pages[0]?.pageNo ?? 1));
  const titlePara = pickTitle(firstPage.length ? firstPage : doc.paras.slice(0, 10));
  const title = titlePara ? titleText(titlePara.text).replace(/\s+/g, ' ').trim().slice(0, 300) : null;
  const firstText = firstPage
    .map((p) => p.text)
    .join('\n')
    .slice(0, 3000);
  const language = detectLanguage(doc);
  const kind = detectKind(pages, title ?? '', firstText, hasAttendees);
  const date = detectDocumentDate({ title: titlePara, firstPage: firstPage.length ? firstPage : doc.paras.slice(0, 10), doc, language, fileName });
  const organisation = detectOrganisation(kind, title, titlePara, doc);
  return { title, kind, date, organisation, language, pages: pages.length };
}

function pickTitle(paras: Para[]): Para | null {
  let best: Para | null = null;
  for (const p of paras.filter((x) => !isChromeLine(x.text)).slice(0, 12)) {
    if (titleText(p.text).trim().length < 3 || /^\d[\d\s./-]*$/.test(p.text)) continue;
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
