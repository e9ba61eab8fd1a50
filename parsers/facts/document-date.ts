/**
 * The meeting's (or document's) own date, chosen by scoring every date near the top of page 1
 * rather than taking the first match. A candidate gains for where it stands (the title, a heading,
 * the first lines, the start of a line, a short line of its own) and for what surrounds it (a
 * label such as Datum/Tid/Sammanträdesdatum/Date, the heading's own sentence "Protokoll fört vid
 * …", "held on", a weekday); it is dropped when its words say it is another date (Justeras,
 * Utdragsbestyrkande, printed, next or previous meeting, a period). A wrong date is worse than
 * none, so the best candidate must pass a threshold. Dates written without a year ("den 4 april")
 * take the year the heading, the running header/footer or the file name give, and only with a
 * label or the heading sentence beside them. A date line repeated on several pages (a footer)
 * is the last resort.
 */
import type { Language } from '../../core/facts.js';
import type { NormDoc, Para } from '../normalize.js';
import { findCompactDates, findDates, type FoundDate } from '../swedish-dates.js';
import { isChromeLine, unwrapChrome } from './page-chrome.js';

export interface DateContext {
  title: Para | null;
  firstPage: Para[];
  doc: NormDoc;
  language: Language;
  /** The uploaded file's name: a year there dates "den 4 april". */
  fileName?: string;
}

/** A candidate needs this much evidence; a bare date somewhere on page 1 does not reach it. */
const THRESHOLD = 5;
const TOP_PARAS = 25;

/** Labels whose value is the meeting date (the label ends right before the date). */
const LABEL_RE =
  /(?:^|[\s|:;,(])(?:datum|date|mötesdatum|sammanträdesdatum|sammanträdesdag|mötesdag|dag|tid|tid och plats|plats och tid|datum och tid|tid och datum|när|when|meeting date|date of meeting|date and time|date & time|time and date)\s*(?:[:=|]\s*["']?|\s+)$/iu;
/** Words telling that a date is not the meeting's: adjusting, certifying, printing, another meeting, a deadline. */
const OTHER_DATE_RE =
  /\b(?:justera\w*|justering\w*|utdragsbestyrkande|bestyrk\w*|anslag\w*|tillkännag\w*|underskrift\w*|undertecknad|utskri\w*|printed|signed|signature|dated|publicera\w*|published|posted|uppdatera\w*|updated|senast|deadline|due|inkom\w*|received|diarie\w*|expedier\w*|nästa|next|kommande|following|föregående|förra|previous|last|tidigare|earlier|confirm\w*|approv\w*|accept\w*|godkän\w*)\b/iu;
/** A heading sentence that says what the document is ("Protokoll fört vid …", "Styrelseprotokoll", "Minutes of …"). */
const MINUTES_LEAD_RE =
  /^\p{L}*(?:protokoll|anteckningar|minnesanteckningar|mötesanteckningar|sammanfattning)\b|^(?:minutes|notes|meeting notes|action notes|agenda and minutes)\b/iu;
const MEETING_WORD_RE =
  /\p{L}*(?:möte[ts]?|sammanträde[ts]?|protokoll|anteckningar|träff|dagordning|föredragningslista|kallelse)\b|\b(?:meeting|minutes|notes|agenda|session|assembly|board|council|committee)\b/iu;
/** A heading whose section gives the date ("## Date, Time and Location", "Datum", "Tid och plats"). */
const DATE_HEADING_RE =
  /^(?:datum|date|tid|när|when|mötesdatum|sammanträdesdatum|tid och plats|plats och tid|datum och tid|date and time|date,? time,? and (?:location|place|venue)|time and place|date and (?:location|place|venue))\s*:?$/iu;
const HELD_RE = /\b(?:held|hölls|hålls|ägde rum|took place|sammanträdde|möte den|mötet den|meeting of|meeting on|sammanträde den)\b/iu;
/** A weekday (and "den"/"the") right before the date: "torsdagen den", "THURSDAY,". */
const WEEKDAY_TAIL_RE = /(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[\s,]*(?:den|the)?\s*$/iu;
const DEN_TAIL_RE = /(?:\bden|\bthe|\bon)\s*$/iu;
/** Where a clause starts: a sentence end, a quote, a bracket, a cell break. */
const CLAUSE_BREAK_RE = /[.!?]\s|["“”«»()[\]\t|]/gu;
/** "1 januari – 31 december 2025", "2014-01-01–2014-12-31": a period, not a day. */
const RANGE_AFTER_RE = /^\s*(?:-|–|—|till|to|until|tom|t\.o\.m\.?)\s*\d/iu;
const RANGE_BEFORE_RE = /\d\s*(?:-|–|—|fr\.o\.m\.?|from)\s*$/iu;
/** An agenda item ("2<TAB>Minutes of the meeting held …", "45.15 To confirm …", "§ 3") speaks of another meeting or matter. */
const AGENDA_CELL_RE = /^(?:§\s*)?\d{1,3}(?:\.\d{1,2})*\.?$/u;
const AGENDA_START_RE = /^(?:§\s*\d{1,3}|\d{1,3}(?:\.\d{1,2})+\.?|\d{1,3}\.)\s/u;

interface Scored {
  iso: string;
  score: number;
  order: number;
}

export function detectDocumentDate(ctx: DateContext): string | null {
  const paras = topParas(ctx.firstPage);
  const fallbackYear = contextYear(ctx, paras);
  const found: Scored[] = [];
  paras.forEach((p, i) => {
    for (const c of candidates(p, i, paras, ctx, fallbackYear)) found.push(c);
  });
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  const best = found[0];
  if (best && best.score >= THRESHOLD) return best.iso;
  return repeatedDate(ctx.doc);
}

/** Page 1's paragraphs without chrome and without stray superscripts ("th" of "24th"). */
function topParas(firstPage: Para[]): Para[] {
  return firstPage.filter((p) => p.text.trim().length > 3 && !isChromeLine(p.text)).slice(0, TOP_PARAS);
}

function candidates(p: Para, i: number, paras: Para[], ctx: DateContext, fallbackYear: number | null): Scored[] {
  let text = unwrapChrome(p.text).slice(0, 1500);
  // A heading sentence may wrap over the next lines ("Protokoll fört vid styrelsemöte med" /
  // "Håns Byalag i Byahuset" / "2014-10-13."): read on while the line has no date and no full stop.
  for (let k = 1; k <= 2 && text.length < 300 && !hasDate(text) && !/[.!?:]$/u.test(text.trim()); k++) {
    const next = paras[i + k];
    if (!next || next.kind !== 'text' || next.level === 1 || AGENDA_START_RE.test(next.text)) break;
    text = `${text} ${next.text.slice(0, 200)}`;
  }
  const dates: Array<FoundDate & { compact: boolean }> = [];
  for (const d of findDates(text, { year: fallbackYear })) if (d.iso) dates.push({ ...d, compact: false });
  if (ctx.language === 'sv') for (const d of findCompactDates(text)) if (d.iso && !overlaps(d, dates)) dates.push({ ...d, compact: true });
  // A date under a heading that labels it ("## Date, Time and Location", "Datum").
  const prev = paras[i - 1];
  const underLabel = !!prev && prev.text.length <= 60 && DATE_HEADING_RE.test(unwrapChrome(prev.text).trim());
  const out: Scored[] = [];
  for (const d of dates) {
    const score = scoreDate(d, text, p, i, ctx, underLabel);
    if (score !== null) out.push({ iso: d.iso!, score, order: i * 10000 + d.index });
  }
  return out;
}

function hasDate(text: string): boolean {
  return findDates(text).some((d) => d.iso || !d.hasYear) || findCompactDates(text).some((d) => d.iso);
}

function scoreDate(d: FoundDate & { compact: boolean }, text: string, p: Para, i: number, ctx: DateContext, underLabel: boolean): number | null {
  const before = text.slice(Math.max(0, d.index - 160), d.index);
  const after = text.slice(d.index + d.text.length, d.index + d.text.length + 40);
  if (RANGE_AFTER_RE.test(after) || RANGE_BEFORE_RE.test(before)) return null;
  const weekdayM = WEEKDAY_TAIL_RE.exec(before);
  // The weekday written beside the date agrees with the calendar: the date is meant as written.
  const weekdayOk = !!weekdayM && weekdayOf(weekdayM[0]) === isoWeekday(d.iso!);
  const lead = before.replace(WEEKDAY_TAIL_RE, '').replace(DEN_TAIL_RE, '');
  const clause = clauseOf(lead);
  if (OTHER_DATE_RE.test(clause.slice(-70))) return null;
  const label = LABEL_RE.test(lead) || (underLabel && d.index < 200);
  const heading = MINUTES_LEAD_RE.test(clause.trim());
  const meeting = MEETING_WORD_RE.test(clause);
  const held = HELD_RE.test(clause);
  // Short forms and dates without a year are taken only where a date is expected.
  if (d.compact && !(label || heading || meeting || (i < 2 && clause.trim().length <= 40))) return null;
  if (!d.hasYear && !(label || heading || held || weekdayOk)) return null;
  let s = p === ctx.title ? 3 : p.level === 1 || p.size > ctx.doc.bodySize + 0.5 ? 2 : 0;
  s += i === 0 ? 3 : i < 3 ? 2 : i < 8 ? 1 : 0;
  if (heading) s += i < 3 ? 4 : 2;
  else if (meeting) s += 2;
  if (label) s += 4;
  if (held) s += 2;
  if (weekdayM) s += weekdayOk ? 3 : 1;
  if (clause.trim() === '' || /^\s*(?:#+|\d{1,3})?\s*$/u.test(lead)) s += 2;
  if (text.length <= 40) s += 2;
  if (d.index > 300) s -= 3;
  if ((p.kind === 'row' && AGENDA_CELL_RE.test(p.cells[0]?.trim() ?? '')) || AGENDA_START_RE.test(p.text)) s -= 3;
  // A bullet is the body talking ("• The meeting agreed … the AGM – Thursday, 07 May 2026"), not a header line.
  if (p.kind === 'bullet') s -= 2;
  if (d.compact) s -= 1;
  if (!d.hasYear) s -= 2;
  return s;
}

const WEEKDAYS: Array<[RegExp, number]> = [
  [/^mån|^monday/iu, 1],
  [/^tis|^tuesday/iu, 2],
  [/^ons|^wednesday/iu, 3],
  [/^tors|^thursday/iu, 4],
  [/^fre|^friday/iu, 5],
  [/^lör|^saturday/iu, 6],
  [/^sön|^sunday/iu, 7],
];

function weekdayOf(word: string): number | null {
  const w = word.trim();
  return WEEKDAYS.find(([re]) => re.test(w))?.[1] ?? null;
}

function isoWeekday(iso: string): number {
  const day = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The text from the last clause break to the end of `before`. */
function clauseOf(before: string): string {
  // A closed aside "(These minutes are published subject to approval …)" is not the date's context.
  const flat = before.replace(/\([^()]{0,200}\)/gu, ' ');
  let start = 0;
  for (const m of flat.matchAll(CLAUSE_BREAK_RE)) start = (m.index ?? 0) + m[0].length;
  return flat.slice(start).replace(/^\s*(?:#+\s*|\d{1,3}\s+(?=\p{L}))?/u, '');
}

function overlaps(d: FoundDate, others: FoundDate[]): boolean {
  return others.some((o) => d.index < o.index + o.text.length && o.index < d.index + d.text.length);
}

/**
 * The year the document states elsewhere: its first lines, a running header/footer, the file
 * name, and last the page's chrome (a wiki's "Revision as of 22:29, 18 October 2018").
 */
function contextYear(ctx: DateContext, paras: Para[]): number | null {
  const chrome = ctx.firstPage.slice(0, 6).filter((p) => isChromeLine(p.text));
  const sources = [...paras.slice(0, 3), ...ctx.doc.furniture, { text: ctx.fileName ?? '' }, ...chrome].map((x) => x.text);
  for (const s of sources) {
    const head = s.slice(0, 300);
    const dated = findDates(head).find((d) => d.iso && d.hasYear);
    if (dated) return Number(dated.iso!.slice(0, 4));
    const y = /(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)/u.exec(head.replace(/\d{4}\s*[-–]\s*\d{4}/gu, ' '));
    if (y) return Number(y[0]);
  }
  return null;
}

/** A date line repeated on several pages (a slide footer, a running header). */
function repeatedDate(doc: NormDoc): string | null {
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
