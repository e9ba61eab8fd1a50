/**
 * Amounts stated in running text ("upp till totalt 7 500 000 kronor för perioden 2020-2021",
 * "Maxbelopp att söka är 100 000 kr"). Lines inside tables already read are skipped. Sentences are
 * capped in length before any regex runs over them.
 */
import type { BudgetKind, BudgetLine, PageText } from '../../core/facts.js';
import { kindOfHeader } from '../layout/column-meaning.js';
import { findMoney } from '../money.js';
import { lineHeight } from '../tables/segments.js';
import { fundingSource } from './budget-source.js';
import type { Outline } from './outline.js';

interface Para {
  page: number;
  y: number;
  text: string;
}

const MAX_SENTENCE = 1200;
const MONEY_CONTEXT = /\bkr\b|kronor|medel|statsbidrag|budget|kostnad|finansier|bidrag|belopp|anslag|\bsek\b|funding|cost/i;
const PURPOSE =
  /^\s*\)?\s*(?:kr|kronor)?\s*(?:(?:av|från|ur)\s[^.;:,]{1,60}?\s)?(?:(?:för perioden|under perioden|under|för år|för|år)\s+(?:19|20)\d{2}(?:\s?[-–]\s?(?:19|20)?\d{2,4})?\s*)?(?:till|för att|för)\s+([^.;:,()]{3,160})/i;
const VERB =
  /\s(?:är|var|blir|blev|finansieras|finansierades|beviljades|beviljas|avsätts|avsattes|avsatta|uppgår|uppgick|sker|har|finns|kostar|kostade|beräknas|beräknades|budgeteras|budgeterades|fördelas|fördelades|omfattar|omfattade|motsvarar|motsvarade|med|om)\s/i;
const PART_OF = /(?:varav|därav|whereof|of which)\s*$/i;
const PREPOSITION_START = /^(?:i|inom|under|utifrån|av|för|med|till|från|efter|enligt|vid|om|genom|därför|dessutom|sedan|när)\b/i;

export function proseBudgetLines(pages: PageText[], consumed: Set<string>, outline: Outline, ctx: { language: 'sv' | 'en' }): BudgetLine[] {
  const out: BudgetLine[] = [];
  for (const para of paragraphs(pages, consumed)) {
    const sentences = splitSentences(para.text);
    sentences.forEach((sentence, si) => {
      const found = findMoney(sentence, ctx.language);
      if (found.length === 0) return;
      const hasContext = MONEY_CONTEXT.test(sentence);
      // A sentence that names no kind ("Ökningen får inte överstiga 2,5 mnkr …") takes its paragraph's ("öka budgeten …").
      const sentenceKind = kindOf(sentence);
      const kindHere = sentenceKind === 'other' ? kindOf(para.text.slice(0, MAX_SENTENCE * 2)) : sentenceKind;
      found.forEach((m, k) => {
        if (!m.hasUnit && !(m.grouped && hasContext)) return;
        const section = outline.sectionAt(para.page, para.y);
        const after = sentence.slice(m.end, m.end + 200);
        const before = sentence.slice(0, m.index);
        // A part of the amount before it ("94 mnkr, varav 73 mnkr inom …") is not what the subject names.
        const subject = k > 0 && PART_OF.test(before.slice(-20)) ? null : subjectOf(before);
        const named = purposeOf(after) ?? subject;
        const label = named ?? section ?? sentence.slice(0, 80);
        out.push({
          label,
          amountSek: m.amountSek,
          amountText: m.text,
          // A year in the sentence's subject ("Avskrivningarna 2027 beräknades … till 94 mnkr") dates the amount.
          period: periodAfter(after) ?? (subject && label === subject ? yearOf(subject) : null),
          kind: namedKind(named, kindHere),
          source: sourceOf(before, after) ?? sourceNearby(sentences, si),
          section,
          page: para.page,
          quote: sentence.slice(Math.max(0, m.index - 80), m.end + 60).trim(),
        });
      });
    });
  }
  return out;
}

function paragraphs(pages: PageText[], consumed: Set<string>): Para[] {
  const out: Para[] = [];
  for (const page of pages) {
    let cur: Para | null = null;
    let lastY = 0;
    let lastH = 10;
    page.lines.forEach((line, index) => {
      const text = line.text.replace(/\t/g, ' ').trim();
      if (!text || consumed.has(`${page.pageNo}:${index}`)) {
        cur = null;
        return;
      }
      const h = lineHeight(line);
      const joined: Para | null = cur && line.y - lastY <= Math.max(h, lastH) * 1.6 && Math.abs(h - lastH) < 1 ? cur : null;
      if (joined) joined.text = /[\p{L}]-$/u.test(joined.text) ? joined.text + text : `${joined.text} ${text}`;
      else {
        cur = { page: page.pageNo, y: line.y, text };
        out.push(cur);
      }
      lastY = line.y;
      lastH = h;
    });
  }
  return out;
}

function splitSentences(text: string): string[] {
  const out: string[] = [];
  // Split after . ! ? followed by a space and a capital; bullets ("- ", "• ") also start sentences.
  const re = /(?<=[.!?])\s+(?=[\p{Lu}"”])|\s+(?=[•▪●]\s)|(?<=\S)\s+(?=-\s\p{Lu})/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push(text.slice(last, m.index).slice(0, MAX_SENTENCE));
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(text.slice(last).slice(0, MAX_SENTENCE));
  return out.map((s) => s.replace(/^[-•▪●]\s+/, '').trim()).filter(Boolean);
}

function clean(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[-–,\s]+|[-–,\s]+$/g, '')
    .trim();
}

function purposeOf(after: string): string | null {
  const m = PURPOSE.exec(after);
  if (!m) return null;
  let p = m[1]!;
  // "… 2,5 mnkr för samhällsplaneringsnämnden och 1 mnkr för övriga nämnder": the next amount starts the next purpose.
  const cut = /\s(?:som|vilket|men|samt att)\s|\s(?:och|samt|respektive|resp\.)\s+[-–]?\d/i.exec(p);
  if (cut) p = p.slice(0, cut.index);
  p = clean(p);
  // One word only when it is a long compound ("samhällsplaneringsnämnden"), not "dem" or "året".
  if (!p || /^(?:perioden\s)?(?:19|20)\d{2}/.test(p) || (p.split(' ').length < 2 && !/^\p{L}{10,}$/u.test(p))) return null;
  return p.length > 120 ? `${p.slice(0, 117).replace(/\s\S*$/, '')}…` : p;
}

function subjectOf(before: string): string | null {
  const clause = before.split(/[;:]|\s[-–]\s/).pop() ?? before;
  const v = VERB.exec(` ${clause} `);
  const subject = clean(v ? ` ${clause} `.slice(0, v.index) : '');
  if (!subject || PREPOSITION_START.test(subject)) return null;
  const words = subject.split(' ').length;
  if (words < 2 || words > 12) return null;
  return subject.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * What the label names (depreciation, costs, income) says more than a sentence that names no kind
 * or only says "financed" somewhere ("… inom den skattefinansierade verksamheten"); a sentence about
 * grants or a budget keeps its kind.
 */
function namedKind(named: string | null, sentence: BudgetKind): BudgetKind {
  const own = named ? kindOfHeader(named) : null;
  return own && (sentence === 'other' || sentence === 'financing') ? own : sentence;
}

function yearOf(text: string): string | null {
  const years = [...text.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)];
  return years.length === 1 ? years[0]![0] : null;
}

function periodAfter(after: string): string | null {
  const m =
    /^\s*\)?\s*(?:kr|kronor)?\s*(?:för perioden|under perioden|under år|under|för år|för|år|per år)\s+((?:19|20)\d{2})(?:\s?[-–]\s?((?:19|20)?\d{2,4}))?/i.exec(
      after.slice(0, 60),
    );
  if (!m) return null;
  if (!m[2]) return m[1]!;
  const end = m[2].length === 2 ? m[1]!.slice(0, 2) + m[2] : m[2];
  return `${m[1]}-${end}`;
}

function kindOf(sentence: string): BudgetKind {
  const s = sentence.toLowerCase();
  if (/bidrag|bevilja|söka|sökas|ansök|maxbelopp|\bgrant/.test(s)) return 'grant';
  if (/finansier|funding/.test(s)) return 'financing';
  if (/budget|avsätt|avsatt|fördelning|kostnad|\bram\b|\bcost/.test(s)) return 'budget';
  if (/utfall|förbruk|outcome/.test(s)) return 'outcome';
  return 'other';
}

function sourceOf(before: string, after: string): string | null {
  const prep = /(?:finansieras av|finansieras genom|finansieras med|genom|från|av|ur)\s+(?!.*\s(?:genom|från|av|ur)\s)(.*)$/i.exec(before.slice(-300));
  const fromBefore = prep ? fundingSource(prep[1]!) : null;
  if (fromBefore) return fromBefore;
  const tail = /^\s*\)?\s*(?:kr|kronor)?\s*(?:\p{L}+\s+)?(?:från|ur|av|genom)\s+(.*)$/iu.exec(after.slice(0, 160));
  return tail ? fundingSource(tail[1]!) : null;
}

/** "Boråsregionen har förstudiemedel …. Maxbelopp att söka är 100 000 kr." → "Boråsregionen förstudiemedel". */
function sourceNearby(sentences: string[], at: number): string | null {
  for (let k = at - 1; k >= Math.max(0, at - 2); k--) {
    const m = /(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s(?:har|utlyser|erbjuder|delar ut|fördelar)\s([\p{L}-]*(?:medel|bidrag|anslag))\b/u.exec(
      sentences[k]!.slice(0, 400),
    );
    if (m) return `${m[1]} ${m[2]}`;
  }
  return null;
}
