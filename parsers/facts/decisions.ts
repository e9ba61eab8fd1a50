/**
 * Decisions: "Beslut: att …", "X beslutade/beslöt/beslutar att …", "Mötet beslutar att …",
 * "Förslag till beslut" (or a sentence ending "besluta att:") followed by "att …" points or
 * bullets (one decision each), "Resolved: …", "RESOLVED that …", "It was agreed/resolved that …",
 * "Motion carried". Reported decisions in the perfect tense ("har beslutat") are background,
 * not this meeting's decisions, and are skipped.
 */
import type { Decision } from '../../core/facts.js';
import type { NormDoc, Para } from '../normalize.js';
import { splitSentences } from '../normalize.js';

const LIST_TRIGGER_RE =
  /^(?:förslag till beslut|beslutsförslag|förslag till yttrande och beslut|beslut|mötet beslutar|nämnden beslutar|styrelsen beslutar|decisions?|resolutions?|recommendations? to the (?:board|committee))\s*:?\s*$/iu;
/** "Kommunstyrelsens beslut", "Kultur- och fritidsnämnden beslutar": the body's decision follows as points. */
const BODY_TRIGGER_RE = /^\p{Lu}[\p{L}-]*(?:\s+(?:och|\p{L}[\p{L}-]*)){0,4}?(?:s beslut|\s+(?:beslutar|beslutade|beslöt))\s*:?\s*$/u;
/** Present-tense passive of a protokoll ("Föredragningslistan fastställs."): the meeting decided it. */
const PASSIVE_RE =
  /^\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,6}\s+(?:fastställs|godkänns|bifalls|avslås|antas|beviljas|läggs till handlingarna|återremitteras|bordläggs|tillstyrks|avstyrks)\.?$/u;
const NUMBERED_POINT_RE = /^\d{1,2}[.)]\s+(.+)$/u;
const INLINE_LABEL_RE = /^(?:beslut|beslutades|decision|decided|resolved|agreed)\s*[:–-]\s*(.+)$/iu;
const VERB_RE =
  /(?<!\bhar\s|\bhade\s|\bhar inte\s)\b(?:beslutade|beslöt|beslöts|beslutar|beslutas|besluta|beslutades|bestämde|bestämdes|bestäms|bestämmer)\b([^.]{0,80}?)\batt\b:?\s*(.*)$/iu;
/** "Byarådet beslutar ansöka om …": the decided act as a bare infinitive (Swedish drops "att"). */
const VERB_INF_RE = /^\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}\s+(?:beslutar|beslutade|beslöt)\s+(?:enhälligt\s+)?(\p{Ll}+a\b.*)$/u;
const EN_RE =
  /\b(?:[Ii]t was|was)\s+(?:(?:also|further|therefore|then|unanimously|duly)\s+)?(?:agreed|resolved|decided)\s+(?:that|to|for)\s+(.+)$|^RESOLVED\s+that\s+(.+)$|\b[Tt]he (?:committee|board|council|meeting|group|trustees|members) (?:(?:unanimously|also|then)\s+)?(?:agreed|resolved|decided) (?:that|to)?\s*(.+)$/u;
/** "The Board APPROVED the strategy …": the verb is part of the decision text. */
const EN_BODY_RE =
  /^the\s+(?:committee|board|council|meeting|group|panel|members|trustees)\s+(?:(?:reviewed|discussed|considered|accepted)\s+and\s+)?(approved|endorsed|adopted|ratified|accepted|agreed)\s+(.+)$/iu;
const CARRIED_RE = /\bmotion (?:was )?carried\b/iu;
/**
 * A sentence reporting what the meeting settled, in the past passive or in the capitals English
 * minutes use ("Dagordningen fastställdes.", "Protokollet godkändes", "AGREED to purchase",
 * "the minutes were approved", "Carried unanimously"). Elections ("valdes") are not decisions.
 */
const SETTLED_SV_RE =
  /\b(?:godkändes|fastställdes|beslöts|antogs|beviljades|bifölls|avslogs|tillstyrktes|avstyrktes|återremitterades|bordlades|förklarades\s+(?:mötet\s+)?behörig[t]?)\b/u;
const SETTLED_CAPS_RE = /\b(?:AGREED|RESOLVED|CARRIED|APPROVED)\b/u;
const SETTLED_RE =
  /\b(?:was|were)\s+(?:(?:reviewed|discussed|considered|agreed)\s+and\s+)?(?:unanimously\s+)?(?:approved|adopted|ratified|carried|agreed|accepted as a true)\b|\b(?:was|were) in agreement\b|^(?:unanimously\s+)?(?:approved|agreed|carried|adopted)(?:\s+unanimously)?\b/iu;
/** "Förvaltningen föreslår att nämnden beslutar att …", "recommends that the Board resolves": proposed, not decided. */
const PROPOSED_RE = /\b(?:föreslår|föreslås|förslag(?:et)?\s+(?:till|att)|yrkar|proposes?|recommends?|is asked to)\b/iu;
const ATT_BULLET_RE = /^(?:[-–—•▪●*]\s*)?att\s+(.+)$/iu;
const BULLET_RE = /^(?:[-–—•▪●*·]|\d{1,2}[.)]|[a-z]\))\s*(.+)$/u;

export function extractDecisions(doc: NormDoc): Decision[] {
  const out: Decision[] = [];
  let listMode: { section: string | null } | null = null;
  const push = (text: string, p: Para, quote: string, section: string | null): void => {
    const t = clean(text);
    if (t.length < 3) return;
    out.push({ text: t, section, page: p.page, quote: quote.length > 400 ? quote.slice(0, 400) : quote });
  };
  // The motion a bare verdict ("Unanimously approved.") settles: the nearest heading-like line above.
  let topic: { text: string; at: number } | null = null;
  for (const [i, p] of doc.paras.entries()) {
    const text = p.text.length > 4000 ? p.text.slice(0, 4000) : p.text;
    if ((TOPIC_RE.test(text) || (p.level === 1 && text.length <= 120)) && !/^\p{L}[\p{L} ]{0,30}:\s/u.test(text)) topic = { text: topicText(text), at: i };
    if (listMode) {
      const att = ATT_BULLET_RE.exec(text);
      const bul = p.kind === 'bullet' ? BULLET_RE.exec(text) : p.kind === 'text' ? NUMBERED_POINT_RE.exec(text) : null;
      if (att || bul) {
        const point = (att ?? bul)![1]!;
        // A one-sentence point loses its full stop, like inline decisions do.
        push(splitSentences(point).length === 1 ? point.replace(/\.\s*$/u, '') : point, p, text, listMode.section);
        continue;
      }
      if (p.level > 0 || p.kind !== 'text' || !/^att\b/iu.test(text)) listMode = null;
    }
    if (LIST_TRIGGER_RE.test(text)) {
      listMode = { section: p.level > 0 ? text : p.subsection };
      continue;
    }
    if (BODY_TRIGGER_RE.test(text) && text.length < 80) {
      listMode = { section: p.section ?? p.subsection };
      continue;
    }
    if (PASSIVE_RE.test(text) && text.length < 120) {
      push(text.replace(/\.$/, ''), p, text, p.subsection ?? p.section);
      continue;
    }
    const labelled = labelledDecisions(text);
    if (labelled.length > 0) {
      for (const d of labelled) push(d, p, text, p.subsection ?? p.section);
      continue;
    }
    const inline = INLINE_LABEL_RE.exec(text);
    if (inline) {
      const body = inline[1]!.replace(/^att\s+/iu, '').replace(/\.$/, '');
      push(body, p, text, p.subsection);
      continue;
    }
    for (const s of splitSentences(text)) {
      if (PROPOSED_RE.test(s.text)) continue;
      const inf = VERB_INF_RE.exec(s.text);
      if (inf) {
        push(inf[1]!.replace(/\.$/, ''), p, s.text, p.subsection ?? p.section);
        continue;
      }
      const v = VERB_RE.exec(s.text);
      if (v) {
        const rest = v[2]!.trim();
        if (rest === '' || rest === ':') listMode = { section: p.subsection ?? p.section };
        else push(rest.replace(/\.$/, ''), p, s.text, p.subsection ?? p.section);
        continue;
      }
      const en = EN_RE.exec(s.text);
      if (en) {
        push((en[1] ?? en[2] ?? en[3] ?? '').replace(/\.$/, ''), p, s.text, p.subsection ?? p.section);
        continue;
      }
      const body = EN_BODY_RE.exec(s.text);
      if (body) {
        push(`${body[1]!.toLowerCase()} ${body[2]!.replace(/\.$/, '')}`, p, s.text, p.subsection ?? p.section);
        continue;
      }
      if (CARRIED_RE.test(s.text) || (settled(s.text) && !/\b(?:valdes|elected)\b/iu.test(s.text))) {
        const said = s.text.replace(/\.$/, '').replace(/^(?:§\s*)?\d{1,3}(?:\.\d{1,2})*\.?\s+/u, '');
        // Only a verdict that opens its paragraph; after a sentence it settles that sentence.
        const bare = VERDICT_RE.test(said) && text.startsWith(s.text) && said.split(/\s+/).length <= 10 && topic && i - topic.at <= 4;
        push(bare ? `${topic!.text}: ${said}` : said, p, s.text, p.subsection ?? p.section);
      }
    }
    if (/\batt\s*:\s*$/u.test(text) && /beslut/iu.test(text)) listMode = { section: p.subsection ?? p.section };
  }
  return out;
}

/** A markdown heading or a bold line names the motion below it ("## Opening a bank account", "**Cart for President.**"). */
const TOPIC_RE = /^(?:#{1,6}\s+\S|\*\*[^*]{3,120}\*\*\s*$)/u;
const VERDICT_RE = /^(?:unanimously\s+)?(?:approved|agreed|carried|adopted)\b/iu;

function topicText(text: string): string {
  return text
    .replace(/^#{1,6}\s+|\*\*/gu, '')
    .replace(/^(?:§\s*)?\d{1,3}(?:\.\d{1,2})*\.?\s+/u, '')
    .replace(/[.:]\s*$/u, '')
    .trim();
}

/** "… Beslut: att ändra …" inside an item's paragraph; several may follow one another. */
const MID_LABEL_RE = /(?<=^|[\s.!?:;])(?:Beslut|Beslutades|Decision|Resolved)\s*:\s*/gu;
/** A table of contents lists "Beslut: Bidragssystem", "Rapport: Ekonomi …5" as titles, not decisions. */
const TOC_RE = /\.{3,}\s*\d|(?:\b(?:Rapport|Diskussion|Information|Övrigt|Report|Discussion)\s*:.*){3}/su;

/** Decisions written after a label inside a paragraph (not at its start: that is INLINE_LABEL_RE's). */
function labelledDecisions(text: string): string[] {
  const starts = [...text.matchAll(MID_LABEL_RE)];
  if (starts.length === 0 || (starts.length === 1 && starts[0]!.index === 0) || TOC_RE.test(text)) return [];
  return starts.map((m, k) => {
    const from = m.index! + m[0].length;
    const segment = text.slice(from, starts[k + 1]?.index ?? text.length);
    const first = splitSentences(segment)[0]?.text ?? segment;
    return first.replace(/^att\s+/iu, '').replace(/[.\s]+$/u, '');
  });
}

const PROCEDURE_RE = /\b(?:dagordning(?:en)?|föredragningslistan?|protokollet|anteckningarna|minnesanteckningarna|agenda|minutes)\b/iu;
/** A past passive is the meeting's own act only as a short record ("Protokollet godkändes."); a long sentence tells history ("X beviljades 1 800 000 kronor för 2018"). */
function settled(sentence: string): boolean {
  // Approving the agenda or the last minutes is procedure the cards and answers leave out.
  if (PROCEDURE_RE.test(sentence)) return false;
  return SETTLED_CAPS_RE.test(sentence) || SETTLED_RE.test(sentence) || (SETTLED_SV_RE.test(sentence) && sentence.split(/\s+/).length <= 10);
}

function clean(s: string): string {
  // "att fördela …, samt" / "att …; och": the joining word belongs to the list, not the decision.
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?:[\s;,]+(?:samt|och|and|&))?[\s;,]+$/u, '')
    .replace(/[\s;,]+(?:samt|och)$/u, '')
    .trim();
}
