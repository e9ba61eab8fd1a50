/**
 * Amounts: budget lines by activity name, activity letter, programme area, year or funding
 * source. Action plans name activities in one table ("B Förstärkt gemensamt analysarbete –
 * Hallandsbarometern") and price them by letter in their "Ekonomi" table, so a budget line is
 * joined to the activity with the same ref in the same document (the nearest one before it,
 * since refs like "3.1" repeat in every programme area). Also who is responsible for an
 * activity (Ansvar) and when it happens (Tidplan).
 */
import { activitiesMatching, activitiesOf, bestBudgetDocuments, budgetLinesIn, type ActivityRow, type BudgetRow } from '../store/answer-queries.js';
import { citeAll, type HandlerContext, type HandlerResult } from './context.js';
import { yearsIn } from './dates.js';
import { clip, NOT_FOUND, sourcesLine, t } from './format.js';
import { coverage, likePatternGroups } from './match.js';
import { contentTerms, fold, foldedWords, formatAmount, type QueryTerm } from './text.js';

const REF = String.raw`(?:[A-Z](?:\.?[a-z])?|\d{1,2}(?:\.\d{1,2})?)`;
const REF_IN_QUESTION = new RegExp(String.raw`\b(?:aktivitet(?:en)?|activity|punkt|point|item|mål|goal)\s+(${REF})(?![\p{L}\d])`, 'u');
const LABEL_REFS = new RegExp(String.raw`^(${REF}(?:\s*[,–-]\s*${REF})*)\s+(?=\S)`, 'u');

/** Refs at the start of a budget label: "2.1, 5, 6.1 Utvecklingsledare" → ["2.1","5","6.1"]. */
export function labelRefs(label: string): { refs: string[]; rest: string } {
  const m = label.match(LABEL_REFS);
  if (!m) return { refs: [], rest: label };
  return { refs: m[1]!.split(/\s*[,–-]\s*/).filter(Boolean), rest: label.slice(m[0].length) };
}

function normRef(r: string): string {
  return r.replace(/[.\s]/g, '').toLowerCase();
}

/** An activity with its ref trimmed and normalised once (a plan's lines all look at its activities). */
interface RefActivity {
  act: ActivityRow;
  ref: string;
  norm: string;
}

function refActivities(acts: ActivityRow[]): RefActivity[] {
  return acts.filter((a) => a.ref).map((a) => ({ act: a, ref: a.ref!.trim(), norm: normRef(a.ref!.trim()) }));
}

/** A budget ref prices an activity with the same ref, or one above or below it ("3" and "3.1"). */
function refMatchesPrepared(budgetRef: string, budgetNorm: string, a: RefActivity): boolean {
  return a.norm === budgetNorm || a.ref.startsWith(budgetRef + '.') || budgetRef.startsWith(a.ref + '.');
}

/** The activity a budget line prices: same document, same ref, nearest before it. */
function linkActivity(line: BudgetRow, refs: string[], acts: RefActivity[]): ActivityRow | null {
  const normed = refs.map((r) => ({ r, n: normRef(r) }));
  const same = acts.filter((a) => a.act.document_id === line.document_id && normed.some(({ r, n }) => refMatchesPrepared(r, n, a))).map((a) => a.act);
  if (same.length === 0) return null;
  const page = line.page ?? Infinity;
  const before = same.filter((a) => (a.page ?? 0) <= page).sort((x, y) => (y.page ?? 0) - (x.page ?? 0));
  return before[0] ?? same[0]!;
}

const TOTAL_Q = /\b(total\w*|summa\w*|sammanlagt|sammantaget|i allt|overall|altogether|hela)\b/;
const TOTAL_LINE = /^(summa|total|totalt|totalen|sum)\b/i;
const FINANCING = /finansier|statsbidrag|bidrag|medel|intäkt|funding|grant/i;
const RESPONSIBLE_Q = /\b(ansvar\w*|responsible|in charge)\b/;

function isTotal(b: BudgetRow): boolean {
  return b.kind === 'total' || TOTAL_LINE.test(b.label.trim());
}
function isFinancing(b: BudgetRow): boolean {
  return b.kind === 'financing' || b.kind === 'grant' || (b.kind === 'total' && /finansier/i.test(b.label)) || (b.kind === 'other' && FINANCING.test(b.label));
}

function yearOk(b: BudgetRow, year: number): boolean {
  const period = b.period ?? '';
  const range = period.match(/(\d{4})\s*[-–]\s*(\d{4})/);
  if (range && Number(range[1]) <= year && year <= Number(range[2])) return true;
  const ws = foldedWords([period, b.label, b.section ?? '', b.source ?? '', b.quote ?? ''].join(' '));
  return ws.includes(String(year));
}

interface Scored {
  line: BudgetRow;
  activity: ActivityRow | null;
  score: number;
  strong: number;
  /** Share of the question's words found in the line's programme area (table heading, activity area). */
  area: number;
  areaMustOk: boolean;
  mustOk: boolean;
}

function questionTerms(question: string): { terms: QueryTerm[]; ref: string | null } {
  const m = question.match(REF_IN_QUESTION);
  const ref = m ? m[1]! : null;
  const stripped = m ? question.replace(m[0], ' ') : question;
  const years = new Set(yearsIn(stripped).map(String));
  const terms = contentTerms(stripped).filter(
    (x) => !x.compound && !years.has(x.folded) && !/^(aktivitet\w*|activit\w*|programomrade\w*|programme|program|area|omrade\w*|kostnadsslag)$/.test(x.folded),
  );
  return { terms, ref };
}

/**
 * The programme area a line belongs to: its activity's area, else that of the nearest activity
 * before it in the same plan (an area's "Ekonomi" table follows its activity tables).
 */
function areaOf(line: BudgetRow, activity: ActivityRow | null, acts: ActivityRow[]): string {
  if (activity?.area) return activity.area;
  const page = line.page ?? Infinity;
  let best: ActivityRow | null = null;
  for (const a of acts) {
    if (a.document_id !== line.document_id || !a.area || (a.page ?? Infinity) > page) continue;
    if (!best || (a.page ?? 0) > (best.page ?? 0)) best = a;
  }
  return best?.area ?? '';
}

export async function answerBudget(ctx: HandlerContext, mode: 'amount' | 'funding'): Promise<HandlerResult | null> {
  const { lang } = ctx;
  const { terms, ref } = questionTerms(ctx.question);
  if (terms.length === 0 && !ref) return null;
  const groups = likePatternGroups(terms);
  // The plans with the best activities and those with the best budget lines are chosen at once.
  const [acts, budgetDocs] = await Promise.all([
    activitiesMatching(ctx.db, ctx.groupIds, groups, ref ? [ref] : []),
    bestBudgetDocuments(ctx.db, ctx.groupIds, groups),
  ]);
  // Only the documents whose activities match best: a group may hold hundreds of plans.
  const actScore = new Map<string, number>();
  for (const a of acts)
    actScore.set(a.document_id, Math.max(actScore.get(a.document_id) ?? 0, coverage(terms, `${a.ref ?? ''} ${a.name} ${a.area ?? ''}`).coverage));
  const actDocs = [...actScore]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .map(([id]) => id);
  const [lines, allActs] = await Promise.all([
    budgetLinesIn(ctx.db, ctx.groupIds, groups, budgetDocs, actDocs),
    actDocs.length ? activitiesOf(ctx.db, ctx.groupIds, actDocs) : Promise.resolve([] as ActivityRow[]),
  ]);
  if (lines.length === 0) return null;

  // Lines are joined to the activities of their own document only; up to 1 500 lines meet up
  // to 2 000 activities, so each line looks at its document's list, and each text is folded once.
  const actsByDoc = new Map<string, ActivityRow[]>();
  for (const a of allActs) (actsByDoc.get(a.document_id) ?? actsByDoc.set(a.document_id, []).get(a.document_id)!).push(a);
  const refActsByDoc = new Map([...actsByDoc].map(([id, as]) => [id, refActivities(as)] as const));
  // Lines of one plan share sections, areas and activities: each text is folded once.
  const folded = new Map<string, string[]>();
  const fw = (s: string) => folded.get(s) ?? folded.set(s, foldedWords(s)).get(s)!;
  const scored: Scored[] = [];
  for (const line of lines) {
    const { refs, rest } = labelRefs(line.label);
    if (ref && !refs.some((r) => normRef(r) === normRef(ref))) continue;
    const docActs = actsByDoc.get(line.document_id) ?? [];
    const activity = refs.length ? linkActivity(line, refs, refActsByDoc.get(line.document_id) ?? []) : null;
    const strongWords = [rest, line.source ?? '', activity?.name ?? '', activity?.goal ?? ''].flatMap(fw);
    const areaWords = [line.section ?? '', areaOf(line, activity, docActs)].flatMap(fw);
    const strong = coverage(terms, strongWords);
    const area = coverage(terms, areaWords);
    const all = coverage(terms, [...strongWords, ...areaWords]);
    const score = terms.length ? strong.coverage + 0.7 * (all.coverage - strong.coverage) : 1;
    scored.push({ line, activity, score, strong: strong.coverage, area: area.coverage, areaMustOk: area.mustOk, mustOk: all.mustOk });
  }
  const threshold = terms.length <= 1 ? 0.99 : 0.6;
  let hits = scored.filter((s) => s.mustOk && (s.score >= threshold * (terms.length ? 1 : 0) || s.area >= threshold));
  if (hits.length === 0) return null;

  const years = yearsIn(ctx.question.replace(REF_IN_QUESTION, ' '));
  if (years.length) {
    const inYear = hits.filter((h) => years.every((y) => yearOk(h.line, y)));
    if (inYear.length === 0) {
      return {
        found: false,
        answer: `${NOT_FOUND[lang]} ${t(lang, `Inget belopp för ${years.join(', ')} finns för det du frågar om.`, `No amount for ${years.join(', ')} is given for what you ask about.`)}`,
        citations: [],
        facts: [],
      };
    }
    hits = inYear;
  }
  // A question that names a programme area ("programområde Äldre", "the e-health area") and
  // nothing more specific than the area asks for the area's total.
  const areaHits = hits.filter((h) => h.areaMustOk && h.area >= threshold);
  const bestStrong = Math.max(...hits.map((h) => h.strong));
  const areaQuestion = !ref && terms.length > 0 && areaHits.some((h) => isTotal(h.line)) && bestStrong <= Math.max(...areaHits.map((h) => h.area)) + 1e-9;
  if (areaQuestion) hits = areaHits.map((h) => ({ ...h, score: h.area }));
  else hits = hits.filter((h) => h.score >= threshold * (terms.length ? 1 : 0));
  if (hits.length === 0) return null;
  const wantsTotal = TOTAL_Q.test(fold(ctx.question)) || (areaQuestion && mode === 'amount') || hits.every((h) => h.strong < 0.5);
  hits = prefer(hits, (h) => (mode === 'funding' ? isFinancing(h.line) : !isFinancing(h.line)));
  hits = wantsTotal ? prefer(hits, (h) => isTotal(h.line)) : prefer(hits, (h) => !isTotal(h.line));
  // Of an area's totals, the table whose own heading names the area ("Ekonomi 2016 – Äldre"), not an appendix after it.
  if (areaQuestion) hits = prefer(hits, (h) => coverage(terms, h.line.section ?? '').coverage >= threshold);
  const best = Math.max(...hits.map((h) => h.score));
  const chosen = dedupe(hits.filter((h) => h.score >= best - 0.01)).slice(0, 4);

  const lineText = (h: Scored) => {
    const act = h.activity ? ` (${[h.activity.ref, h.activity.name].filter(Boolean).join(' ')})` : '';
    const period = h.line.period ? `, ${h.line.period}` : '';
    const src = h.line.source && !h.line.label.includes(h.line.source) ? `, ${h.line.source}` : '';
    const where = isTotal(h.line) && h.line.section && !h.line.label.includes(h.line.section) ? ` (${clip(h.line.section, 80)})` : '';
    return `${clip(h.line.label, 120)}${where}${act}: ${amountAsPrinted(h.line)}${period}${src}`;
  };
  let answer = chosen.length === 1 ? `${lineText(chosen[0]!)}.` : chosen.map((h) => `• ${lineText(h)}`).join('\n');
  const extra: Array<{ documentId: string; page: number | null; quote: string }> = [];
  if (RESPONSIBLE_Q.test(fold(ctx.question))) {
    const a = chosen.find((h) => h.activity?.responsible)?.activity;
    if (a) {
      answer += `\n${t(lang, 'Ansvar', 'Responsible')}: ${a.responsible}.`;
      extra.push({ documentId: a.document_id, page: a.page, quote: clip(`${a.ref ?? ''} ${a.name} – ${a.responsible}`, 300) });
    }
  }
  const citations = await citeAll(ctx, [
    ...chosen.map((h) => ({ documentId: h.line.document_id, page: h.line.page, quote: clip(h.line.quote ?? `${h.line.label} ${h.line.amount_text}`, 300) })),
    ...extra,
  ]);
  return {
    found: true,
    answer: `${answer}\n${sourcesLine(citations, lang)}`,
    citations,
    facts: chosen.map((h) => `${lineText(h)} [${h.line.kind}, p. ${h.line.page ?? '?'}]`),
  };
}

const squash = (x: string) => x.replace(/[\s\u00a0\u202f\u2009]+/g, '').replace(/[−–]/g, '-');

/**
 * The amount as the document prints it: "375 000 kr" when the quote says so, else the printed
 * figure with the table's unit ("13 123 tkr"), never a conversion the quote does not hold (an
 * answer states no number its citation lacks).
 */
export function amountAsPrinted(line: { amount_sek: number; amount_text: string; quote: string | null }): string {
  const kr = formatAmount(line.amount_sek);
  const quote = squash(line.quote ?? '');
  const text = line.amount_text.trim();
  if (!text || quote.includes(squash(kr.replace(/ kr$/, '')).replace(/^-/, '').replace(/^−/, ''))) return kr;
  if (/\p{L}/u.test(text)) return text;
  const printed = Number(
    text
      .replace(/[\s\u00a0\u202f\u2009]/g, '')
      .replace(/[−–]/g, '-')
      .replace(/,(\d{1,2})$/, '.$1'),
  );
  const ratio = printed ? Math.abs(line.amount_sek / printed) : 1;
  const unit = Math.abs(ratio - 1000) < 1 ? 'tkr' : Math.abs(ratio - 1e6) < 1000 ? 'mnkr' : 'kr';
  return `${text} ${unit}`;
}

/** Keeps the items that satisfy `pred`, unless none do. */
function prefer<T>(xs: T[], pred: (x: T) => boolean): T[] {
  const ys = xs.filter(pred);
  return ys.length ? ys : xs;
}

function dedupe(hs: Scored[]): Scored[] {
  const seen = new Set<string>();
  return hs.filter((h) => {
    // The same line in two documents (a plan re-uploaded, a copy) is one fact.
    const k = `${fold(h.line.label)}|${h.line.amount_sek}|${h.line.period ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Who is responsible for an activity (Ansvar), or when it happens (Tidplan). */
export async function answerActivity(ctx: HandlerContext, field: 'responsible' | 'timeline'): Promise<HandlerResult | null> {
  const { terms, ref } = questionTerms(ctx.question);
  const relevant = terms.filter((x) => !/^(tidplan\w*|genomfor\w*|nar|klar\w*|start\w*|borja\w*|paborja\w*)$/.test(x.folded));
  if (relevant.length === 0 && !ref) return null;
  const acts = await activitiesMatching(ctx.db, ctx.groupIds, likePatternGroups(relevant), ref ? [ref] : []);
  const scored = acts
    .filter((a) => (field === 'responsible' ? a.responsible : a.timeline))
    .map((a) => ({ a, c: coverage(relevant, `${a.ref ?? ''} ${a.name} ${a.goal ?? ''}`) }))
    .filter((s) => s.c.mustOk && (relevant.length === 0 || s.c.coverage >= (relevant.length <= 1 ? 0.99 : 0.6)))
    .sort((x, y) => y.c.coverage - x.c.coverage);
  if (scored.length === 0) return null;
  const top = scored.filter((s) => s.c.coverage >= scored[0]!.c.coverage - 0.01).slice(0, 3);
  const { lang } = ctx;
  const label = field === 'responsible' ? t(lang, 'Ansvar', 'Responsible') : t(lang, 'Tidplan', 'Timeline');
  const body = top.map(({ a }) => `${[a.ref, a.name].filter(Boolean).join(' ')} – ${label}: ${field === 'responsible' ? a.responsible : a.timeline}`);
  const citations = await citeAll(
    ctx,
    top.map(({ a }) => ({
      documentId: a.document_id,
      page: a.page,
      quote: clip(`${a.ref ?? ''} ${a.name} – ${field === 'responsible' ? a.responsible : a.timeline}`, 300),
    })),
  );
  return {
    found: true,
    answer: `${body.join('\n')}.\n${sourcesLine(citations, lang)}`,
    citations,
    facts: top.map(
      ({ a }) =>
        `Activity ${a.ref ?? ''} ${a.name}: responsible ${a.responsible ?? '?'}, timeline ${a.timeline ?? '?'}, area ${a.area ?? '?'} (p. ${a.page ?? '?'})`,
    ),
  };
}
