/**
 * Domain types shared by every layer: the facts extracted from a document, and the
 * `extract --json` CLI contract (issue 3). Defined once here; keep the JSON shape stable.
 */

/** What kind of document a file is. */
export type DocumentKind = 'minutes' | 'plan' | 'decision' | 'report' | 'letter' | 'slides' | 'other';

/** Languages we extract and search in. */
export type Language = 'sv' | 'en';

/** Flags an attendee may carry. */
export type AttendeeFlag = 'chair' | 'secretary' | 'adjunct' | 'substitute' | 'adjuster';

/** Kind of a budget line: `income` is the organisation's own revenue, `financing`/`grant` money from others. */
export type BudgetKind = 'cost' | 'income' | 'financing' | 'budget' | 'outcome' | 'total' | 'grant' | 'other';

export interface DocumentFacts {
  title: string | null;
  kind: DocumentKind;
  /** ISO date `YYYY-MM-DD` of the meeting or document. */
  date: string | null;
  organisation: string | null;
  language: Language;
  pages: number;
}

export interface Attendee {
  name: string;
  role: string | null;
  organisation: string | null;
  present: boolean;
  flags: AttendeeFlag[];
  /** Extra, beyond the CLI contract's minimum: where the person is listed. */
  page?: number | null;
  quote?: string | null;
  /** Partial presence as written ("§ 3–7", "lämnade vid 5.1"). */
  presence?: string | null;
}

export interface ActionItem {
  owners: string[];
  task: string;
  due: string | null;
  dueText: string | null;
  page: number | null;
  section: string | null;
  quote: string;
}

export interface Decision {
  text: string;
  section: string | null;
  page: number | null;
  quote?: string | null;
}

export interface NextMeeting {
  date: string | null;
  text: string;
  time?: string | null;
  place?: string | null;
  page?: number | null;
}

export interface BudgetLine {
  label: string;
  amountSek: number;
  amountText: string;
  period: string | null;
  kind: BudgetKind;
  source: string | null;
  section: string | null;
  page: number | null;
  quote?: string | null;
}

/** An activity row of an action plan ("B Förstärkt gemensamt analysarbete – Hallandsbarometern"). */
export interface PlanActivity {
  /** Letter or number as written ("B", "3.2"), when the plan gives one. */
  ref: string | null;
  name: string;
  goal: string | null;
  responsible: string | null;
  timeline: string | null;
  area: string | null;
  page: number | null;
}

/** The whole output of `minutes extract --json FILE`. */
export interface ExtractResult {
  document: DocumentFacts;
  attendees: Attendee[];
  actionItems: ActionItem[];
  decisions: Decision[];
  nextMeeting: NextMeeting | null;
  budgetLines: BudgetLine[];
  /** Extra, beyond the contract's minimum: activities of an action plan (joins budget letters to names). */
  activities?: PlanActivity[];
}

/** One positioned run of text on a page (PDF points, origin top-left). */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One visual line of a page: items sorted left to right, sharing a baseline. */
export interface PageLine {
  y: number;
  x: number;
  /** Items joined; a TAB marks a wide horizontal gap (a column break). */
  text: string;
  items: TextItem[];
}

/** One parsed page. */
export interface PageText {
  /** 1-based page number. */
  pageNo: number;
  width: number;
  height: number;
  /** Page text, one visual line per text line. */
  text: string;
  lines: PageLine[];
}

/** Text of a whole document, as the parsers produce it from PDF, DOCX or TXT. */
export interface ParsedText {
  pages: PageText[];
  /** Where the text came from. */
  format: 'pdf' | 'docx' | 'txt';
}

/**
 * One piece of evidence an answer can rest on, built at ingest (parsers/units): a sentence of
 * running text, a table row rendered as a sentence with its column headers and caption, or an
 * extracted fact rendered as a sentence. `quote` is what an answer cites; `text` is what is
 * searched (the quote plus context such as the section heading, never other numbers or names).
 */
export interface EvidenceUnit {
  page: number;
  /** Position within the document, from 0 (neighbours give context). */
  ord: number;
  kind: 'text' | 'row' | 'fact';
  /** Heading or table caption above it. */
  section: string | null;
  text: string;
  quote: string;
}

/** A passage of a page, the unit of full-text search. */
export interface Chunk {
  pageNo: number;
  /** Position within the document, from 0. */
  ord: number;
  /** The nearest heading above it. */
  section: string | null;
  text: string;
}
