/** Who attended, who was absent, how many, whether a person was there; chair, secretary and roles. */
import { attendeesOf, type AttendeeRow, type MeetingRow } from '../store/answer-queries.js';
import { citeAll, type HandlerContext, type HandlerResult } from './context.js';
import { formatDate } from './dates.js';
import { clip, joinList, NOT_FOUND, sourcesLine, t } from './format.js';
import { chooseMeeting, meetingOrAnswer } from './meetings.js';
import { askedRole, qualified, roleLabel, roleOfText, sameRole } from './roles.js';
import { fold } from './text.js';

type Mode = 'present' | 'absent' | 'count' | 'person';

function meetingLabel(m: MeetingRow, lang: 'sv' | 'en'): string {
  return m.doc_date ? t(lang, `mötet ${formatDate(m.doc_date, 'sv')}`, `the meeting on ${formatDate(m.doc_date, 'en')}`) : t(lang, 'mötet', 'the meeting');
}

function quoteOf(a: AttendeeRow): string {
  return clip(a.quote ?? [a.name, a.role, a.organisation].filter(Boolean).join(', '), 200);
}

export async function answerAttendance(ctx: HandlerContext, mode: Mode): Promise<HandlerResult | null> {
  const { lang } = ctx;
  if (mode === 'person' && ctx.names.length === 0) {
    return {
      found: false,
      answer: `${NOT_FOUND[lang]} ${t(lang, `${ctx.unknownNames.join(' ')} finns inte med i någon närvarolista.`, `${ctx.unknownNames.join(' ')} is not on any attendance list.`)}`,
      citations: [],
      facts: [],
    };
  }
  const choice = await meetingOrAnswer(ctx);
  if ('answer' in choice) return choice.answer;
  const m = choice.meeting;
  const all = await attendeesOf(ctx.db, ctx.groupIds, [m.id]);
  const present = all.filter((a) => a.present);
  const absent = all.filter((a) => !a.present);
  const label = meetingLabel(m, lang);
  let answer: string;
  let used: AttendeeRow[];
  if (mode === 'person') {
    const wanted = new Set(ctx.names.map(fold));
    used = all.filter((a) => wanted.has(fold(a.name)));
    if (used.length === 0) {
      return {
        found: false,
        answer: `${NOT_FOUND[lang]} ${t(lang, `${joinList(ctx.names, lang)} finns inte med i närvarolistan för ${label}.`, `${joinList(ctx.names, lang)} is not on the attendance list of ${label}.`)}`,
        citations: [],
        facts: [],
      };
    }
    answer = used
      .map(
        (a) =>
          t(
            lang,
            `${a.name} var ${a.present ? 'närvarande' : 'frånvarande'} vid ${label}`,
            `${a.name} was ${a.present ? 'present at' : 'absent from'} ${label}`,
          ) +
          (a.presence ? ` (${a.presence})` : '') +
          '.',
      )
      .join(' ');
  } else if (mode === 'count') {
    used = all;
    answer = t(
      lang,
      `${present.length} var närvarande och ${absent.length} frånvarande vid ${label}.`,
      `${present.length} were present and ${absent.length} absent at ${label}.`,
    );
  } else {
    used = mode === 'present' ? present : absent;
    if (used.length === 0) {
      answer = t(
        lang,
        `Ingen är antecknad som ${mode === 'present' ? 'närvarande' : 'frånvarande'} vid ${label}.`,
        `Nobody is recorded as ${mode} at ${label}.`,
      );
    } else {
      const head = mode === 'present' ? t(lang, `Närvarande vid ${label}`, `Present at ${label}`) : t(lang, `Frånvarande vid ${label}`, `Absent from ${label}`);
      answer = `${head} (${used.length}): ${used.map((a) => a.name).join(', ')}.`;
    }
  }
  const citations = await citeAll(
    ctx,
    (used.length ? used : all).slice(0, 20).map((a) => ({ documentId: m.id, page: a.page, quote: quoteOf(a) })),
  );
  const cites = dedupePages(citations);
  return {
    found: true,
    answer: `${answer} ${sourcesLine(cites, lang)}`,
    citations: cites,
    facts: all.map(
      (a) =>
        `${a.name}${a.role ? `, ${a.role}` : ''}${a.organisation ? `, ${a.organisation}` : ''}: ${a.present ? 'present' : 'absent'} (${m.doc_date ?? ''}, p. ${a.page ?? '?'})`,
    ),
  };
}

/** One citation per page with the quotes joined: a list of 14 names is one source, not 14. */
function dedupePages<T extends { documentId: string; page: number | null; quote: string }>(cs: T[]): T[] {
  const out = new Map<string, T>();
  for (const c of cs) {
    const k = `${c.documentId}:${c.page}`;
    const prev = out.get(k);
    out.set(k, prev ? { ...prev, quote: clip(`${prev.quote} / ${c.quote}`, 400) } : c);
  }
  return [...out.values()];
}

/** Chair, secretary, or the role of a named person, from the newest minutes that say so. */
export async function answerRole(ctx: HandlerContext, role: 'chair' | 'secretary' | 'person'): Promise<HandlerResult | null> {
  const { lang } = ctx;
  if (role === 'person' && ctx.names.length === 0) return null;
  const choice = await chooseMeeting({ ...ctx, date: ctx.date?.kind === 'date' ? ctx.date : null });
  if ('missing' in choice) return null;
  const m = choice.meeting;
  const all = await attendeesOf(ctx.db, ctx.groupIds, [m.id]);
  let used: AttendeeRow[];
  let answer: string;
  const label = meetingLabel(m, lang);
  if (role === 'person') {
    const wanted = new Set(ctx.names.map(fold));
    used = all.filter((a) => wanted.has(fold(a.name)));
    if (used.length === 0) return null;
    answer = used.map((a) => `${a.name}: ${[a.role, a.organisation].filter(Boolean).join(', ') || t(lang, 'ingen roll angiven', 'no role given')}.`).join(' ');
  } else {
    // "Vem är 2:e vice ordförande?" is not the chair: a qualified role matches the attendees'
    // role fields exactly, and is otherwise left to the evidence units.
    const asked = askedRole(ctx.question);
    if (asked && qualified(asked)) {
      used = all.filter((a) => {
        const r = a.role ? roleOfText(a.role) : null;
        return !!r && sameRole(r, asked);
      });
    } else {
      // "Vem valdes till justerare?" reaches the secretary's handler; it asks for the adjusters.
      const flag = asked?.base === 'adjuster' ? 'adjuster' : role;
      used = all.filter((a) => a.flags.includes(flag));
    }
    if (used.length === 0) return null;
    const names = used.map((a) => a.name);
    answer =
      asked && (qualified(asked) || asked.base === 'adjuster')
        ? `${roleLabel(asked, lang)} ${t(lang, 'vid', 'at')} ${label}: ${joinList(names, lang)}.`
        : role === 'chair'
          ? t(lang, `Ordförande vid ${label}: ${joinList(names, lang)}.`, `Chair at ${label}: ${joinList(names, lang)}.`)
          : t(lang, `Sekreterare vid ${label}: ${joinList(names, lang)}.`, `Secretary at ${label}: ${joinList(names, lang)}.`);
  }
  const citations = dedupePages(
    await citeAll(
      ctx,
      used.map((a) => ({ documentId: m.id, page: a.page, quote: quoteOf(a) })),
    ),
  );
  return {
    found: true,
    answer: `${answer} ${sourcesLine(citations, lang)}`,
    citations,
    facts: used.map((a) => `${a.name}: ${[a.role, a.organisation, a.flags.join('/')].filter(Boolean).join(', ')}`),
  };
}
