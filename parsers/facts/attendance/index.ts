/**
 * Attendance = the line-rule extractor (attendees.ts: label paragraphs, label columns, X-mark
 * tables) plus the candidates found by scanning for labels anywhere (scan.ts). A scanned person
 * joins when no listed attendee has that name; "X ersätter Y" makes Y absent; chair and secretary
 * flags from labels, roles after names and elections in prose apply to listed attendees only, and
 * never make a second chair or secretary.
 */
import type { Attendee, AttendeeFlag } from '../../../core/facts.js';
import type { NormDoc } from '../../normalize.js';
import { extractAttendees } from '../attendees.js';
import { foldName, resolveName } from '../names.js';
import { scanAttendance } from './scan.js';

const EXCLUSIVE: AttendeeFlag[] = ['chair', 'secretary'];
/** Name key: folded, initials' full stops off ("P. Grant" = "P Grant"). */
const key = (name: string) => foldName(name).replace(/\./g, '').replace(/\s+/g, ' ');

export function extractAttendance(doc: NormDoc): Attendee[] {
  const out = extractAttendees(doc);
  const scan = scanAttendance(doc);
  const byName = new Map(out.map((a) => [key(a.name), a]));
  const had = new Set(EXCLUSIVE.filter((f) => out.some((a) => a.flags.includes(f))));
  const addFlag = (a: Attendee, flag: AttendeeFlag) => {
    if (a.flags.includes(flag)) return;
    if (EXCLUSIVE.includes(flag) && (had.has(flag) || out.some((x) => x.flags.includes(flag)))) return;
    a.flags.push(flag);
  };
  for (const c of scan.people) {
    // "Alison\nWheeler (General Manager)": a name wrapped in a table cell leaves the line rules its
    // surname alone; the scan's full name on the same page is that person.
    const last = c.name.includes(' ') ? byName.get(key(c.name.split(' ').pop()!)) : undefined;
    const known =
      byName.get(key(c.name)) ??
      (last && last.page === c.page && !last.name.includes(' ') ? last : undefined) ??
      byName.get(
        key(
          resolveName(
            c.name,
            [...byName.values()].map((a) => a.name),
          ),
        ),
      );
    if (known) {
      // The full form of a name the line rules found only in part ("Uggla" → "Eddie Uggla").
      if (c.name.length > known.name.length && !known.name.includes(' ') && c.name.endsWith(` ${known.name}`)) {
        known.name = c.name;
        byName.set(key(c.name), known);
      }
      // "Apologies were received from Marion Harvey": an absence recorded for someone the roster prints stands.
      if (c.replaced || c.absentLabel) known.present = false;
      // The line rules already placed this person; only a missing chair or secretary is added.
      for (const f of c.flags) if (EXCLUSIVE.includes(f)) addFlag(known, f);
      continue;
    }
    const a: Attendee = { name: c.name, role: c.role, organisation: c.party, present: c.present, flags: [], page: c.page, quote: c.quote, presence: null };
    for (const f of c.flags) addFlag(a, f);
    out.push(a);
    byName.set(key(a.name), a);
  }
  const names = out.map((a) => a.name);
  const listed = out.length;
  for (const { name, flag, page, quote, inProse } of scan.flags) {
    let a = byName.get(key(resolveName(name, names)));
    // The chair, secretary and adjusters a protocol names on its front page were there, listed or not.
    // With no attendance list at all, the people shown acting are who we know was there.
    if (!a && !inProse && (listed >= 2 || listed === 0) && name.includes(' ') && !/\d/.test(name)) {
      a = { name, role: null, organisation: null, present: true, flags: [], page, quote, presence: null };
      out.push(a);
      byName.set(key(name), a);
    }
    if (a) addFlag(a, flag);
  }
  return out;
}
