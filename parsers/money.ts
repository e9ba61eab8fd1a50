/**
 * Money in Swedish (and English) public-sector documents → integer SEK.
 * Handles space/NBSP/narrow-NBSP thousands separators, decimal commas, unit words
 * ("kr", "kronor", "tkr", "mnkr", "miljoner", "miljarder"), dashes as "nothing" and minus signs.
 * Every regex here is linear (no nested quantifiers over the same characters) and callers
 * cap the text length they pass in.
 */

/** One amount found in running text. */
export interface MoneyMatch {
  /** Offset of the amount in the searched text. */
  index: number;
  /** Offset just after the amount (and its unit). */
  end: number;
  amountSek: number;
  /** The amount as written ("375 tkr", "7 500 000 kronor"). */
  text: string;
  /** True when a currency/unit word was written next to the number. */
  hasUnit: boolean;
  /** True when the number used thousands grouping ("1 310 000"). */
  grouped: boolean;
}

/** Result of reading one table cell as money. */
export type CellMoney =
  | { kind: 'amount'; amountSek: number; text: string; hasUnit: boolean; multiplier: number }
  | { kind: 'dash'; text: string }
  | { kind: 'percent'; text: string }
  | null;

const SPACES = /[\u00A0\u202F\u2007\u2009]/g;
const MINUS = /[\u2212\u2013\u2014]/g;

/** Unit word → multiplier. Order matters only for documentation; lookup is by lower-cased word. */
const UNIT_MULTIPLIERS: Record<string, number> = {
  kr: 1,
  'kr.': 1,
  kronor: 1,
  krona: 1,
  sek: 1,
  ':-': 1,
  tkr: 1000,
  kkr: 1000,
  tsek: 1000,
  ksek: 1000,
  'tusen kronor': 1000,
  tusen: 1000,
  thousand: 1000,
  mnkr: 1_000_000,
  mkr: 1_000_000,
  msek: 1_000_000,
  mn: 1_000_000,
  milj: 1_000_000,
  'milj.': 1_000_000,
  miljon: 1_000_000,
  miljoner: 1_000_000,
  million: 1_000_000,
  millions: 1_000_000,
  mdkr: 1_000_000_000,
  mdr: 1_000_000_000,
  miljard: 1_000_000_000,
  miljarder: 1_000_000_000,
  billion: 1_000_000_000,
};

/** Multipliers that are only "large number" words and need no currency to count as money in a money context. */
const CURRENCY_UNITS = new Set(['kr', 'kr.', 'kronor', 'krona', 'sek', ':-', 'tkr', 'kkr', 'tsek', 'ksek', 'mnkr', 'mkr', 'msek', 'mdkr']);

// A number: grouped ("1 310 000", "1,310,000" in English) or plain ("375", "2,5", "1.2").
// Group separator: ASCII space or (after normalising) nothing else. Unit: optional, after one space.
const NUMBER_SV = String.raw`(?<![\d.,])([-]\s?)?(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?(?![\d])`;
const NUMBER_EN = String.raw`(?<![\d.,])([-]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])`;
const UNIT = String.raw`(?:\s?(tusen kronor|miljoner kronor|miljarder kronor|kronor|krona|kr\.?|SEK|tkr|kkr|tSEK|KSEK|mnkr|mkr|Mkr|MSEK|mdkr|mdr|miljoner|miljon|miljarder|miljard|milj\.?|mn|tusen|thousand|millions?|billion)(?![\p{L}\d])|(:-))?`;
const MONEY_SV = new RegExp(String.raw`(?:(SEK)\s?)?` + NUMBER_SV + UNIT, 'gu');
const MONEY_EN = new RegExp(String.raw`(?:(SEK)\s?)?` + NUMBER_EN + UNIT, 'gu');

/** Normalises exotic spaces and minus signs so the regexes above see one alphabet. */
export function normaliseMoneyText(text: string): string {
  return text.replace(SPACES, ' ').replace(MINUS, '-');
}

function unitMultiplier(unit: string | undefined): number {
  if (!unit) return 1;
  const u = unit.toLowerCase();
  if (u.endsWith(' kronor') && u !== 'tusen kronor') return UNIT_MULTIPLIERS[u.slice(0, -7)] ?? 1;
  return UNIT_MULTIPLIERS[u] ?? 1;
}

function isCurrencyUnit(unit: string | undefined): boolean {
  if (!unit) return false;
  const u = unit.toLowerCase();
  return CURRENCY_UNITS.has(u) || u.endsWith('kronor') || u === 'krona';
}

function toSek(intPart: string, fraction: string | undefined, multiplier: number, negative: boolean, language: 'sv' | 'en'): number {
  const digits = language === 'en' ? intPart.replace(/,/g, '') : intPart.replace(/ /g, '');
  const value = Number(fraction ? `${digits}.${fraction}` : digits) * multiplier;
  const rounded = Math.round(value);
  return negative ? -rounded : rounded;
}

/**
 * Finds amounts in running text. Only amounts that carry a currency unit, a large-number word
 * ("3 miljoner") or thousands grouping are returned; the caller decides whether a unitless
 * grouped number is money from its context. Years, dates, percentages, phone numbers and
 * paragraph numbers are skipped.
 */
export function findMoney(input: string, language: 'sv' | 'en' = 'sv'): MoneyMatch[] {
  const text = normaliseMoneyText(input);
  const re = language === 'en' ? MONEY_EN : MONEY_SV;
  re.lastIndex = 0;
  const out: MoneyMatch[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [whole, sekPrefix, minus, intPart, fraction, unitWord, colonDash] = m;
    if (!intPart) continue;
    const unit = unitWord ?? colonDash ?? (sekPrefix ? 'SEK' : undefined);
    const grouped = language === 'en' ? intPart.includes(',') : intPart.includes(' ');
    if (!unit && !grouped) continue;
    if (isNotMoney(text, m.index, m.index + whole.length, intPart, unit)) continue;
    // A decimal comma without a unit ("7,5 hp") is never money.
    if (!unit && fraction) continue;
    const multiplier = unitMultiplier(unit);
    // A large-number word without currency ("200 miljoner") counts; "3 tusen" alone does not.
    if (unit && !isCurrencyUnit(unit) && multiplier < 1_000_000 && !sekPrefix) continue;
    // A hyphen glued to a word ("LOB-2015") is not a minus sign.
    const hyphen = Boolean(minus) && /[\p{L}\d]/u.test(text[m.index - 1] ?? '');
    const start = hyphen ? m.index + minus!.length : m.index;
    // "kr." closing a sentence: the full stop is not part of the amount.
    const written = whole
      .slice(start - m.index)
      .trimEnd()
      .replace(/(kr)\.$/, '$1');
    const amountSek = toSek(intPart, fraction, multiplier, Boolean(minus) && !hyphen, language);
    out.push({ index: start, end: start + written.length, amountSek, text: written, hasUnit: Boolean(unit), grouped });
  }
  return out;
}

const NON_MONEY_AFTER =
  /^\s?(?:%|procent|st\b|stycken|personer|deltagare|invånare|anställda|timmar|tim\b|dagar|veckor|månader|år\b|hp\b|högskolepoäng|km|kg|m2|kvm|registreringar|ärenden|elever|barn\b|patienter|besök|platser|sidor)/iu;

function isNotMoney(text: string, start: number, end: number, intPart: string, unit: string | undefined): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 16);
  if (!unit && NON_MONEY_AFTER.test(after)) return true;
  if (/§\s*$/.test(before)) return true;
  // Leading zero ("010 476 19 00") is a phone number or code.
  if (/^0\d/.test(intPart)) return true;
  if (!unit) {
    // Phone-number tails and dates: "035-13 48 00", "2015-12-31".
    if (/[\d]-\s?$/.test(before) || /^\s?-\s?\d/.test(after)) return true;
    if (/(?:tel|telefon|tfn|mobil|fax|org\.?\s?nr|organisationsnummer|orgnr|nr)\.?:?\s*$/i.test(before)) return true;
  }
  return false;
}

/**
 * Reads a table cell that should hold just an amount ("1 310 000", "375 tkr", "-2 800 000", "–").
 * `defaultMultiplier` applies when the cell has no unit (a "tkr" table).
 */
export function parseMoneyCell(input: string, defaultMultiplier = 1, language: 'sv' | 'en' = 'sv'): CellMoney {
  const text = normaliseMoneyText(input).replace(/\*/g, '').trim();
  if (text === '') return null;
  if (/^[-]+$/.test(text)) return { kind: 'dash', text: input.trim() };
  if (text.length > 40) return null;
  if (/^[-]?\s?\d+(?:[.,]\d+)?\s?%$/.test(text)) return { kind: 'percent', text: input.trim() };
  // en-US notation inside a Swedish document ("3,983,166.42", "-76,838.05") cannot be read as Swedish:
  // a dot-decimal after comma groups is unambiguous.
  if (language === 'sv' && /^(?:SEK\s?)?-?\s?\d{1,3}(?:,\d{3})+\.\d{1,2}(?:\s?[\p{L}.:-]+)?$/u.test(text))
    return parseMoneyCell(input, defaultMultiplier, 'en');
  const m = (
    language === 'en'
      ? /^(SEK\s?)?([-]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?([\p{L}.:-]+(?: kronor)?)?$/u
      : /^(SEK\s?)?([-]\s?)?(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?\s?([\p{L}.:-]+(?: kronor)?)?$/u
  ).exec(text);
  if (!m) return null;
  const [, sek, minus, intPart, fraction, unitWord] = m;
  if (!intPart) return null;
  let multiplier = defaultMultiplier;
  if (unitWord) {
    const mult =
      UNIT_MULTIPLIERS[unitWord.toLowerCase()] ??
      (unitWord.toLowerCase().endsWith(' kronor') ? UNIT_MULTIPLIERS[unitWord.toLowerCase().slice(0, -7)] : undefined);
    if (mult === undefined) return null;
    multiplier = mult;
  } else if (sek) multiplier = 1;
  return {
    kind: 'amount',
    amountSek: toSek(intPart, fraction, multiplier, Boolean(minus), language),
    text: input.trim(),
    hasUnit: Boolean(unitWord || sek),
    multiplier,
  };
}

/** Parses one written amount ("2,5 mnkr", "1 310 000 kr") or returns null. */
export function parseMoney(input: string, language: 'sv' | 'en' = 'sv'): number | null {
  const cell = parseMoneyCell(input, 1, language);
  return cell?.kind === 'amount' ? cell.amountSek : null;
}

/** Multiplier a table or caption states for its figures ("tkr", "Belopp i mnkr"), or null. */
export function statedUnitMultiplier(text: string): number | null {
  const t = normaliseMoneyText(text).slice(0, 2000);
  if (/(?<![\p{L}])(?:mdkr|miljarder kronor)(?![\p{L}])/iu.test(t)) return 1_000_000_000;
  if (/(?<![\p{L}])(?:mnkr|mkr|msek|miljoner kronor|mn kr)(?![\p{L}])/iu.test(t)) return 1_000_000;
  if (/(?<![\p{L}])(?:tkr|kkr|tsek|ksek|tusen kronor|tusentals kronor|t kr)(?![\p{L}])/iu.test(t)) return 1000;
  return null;
}
