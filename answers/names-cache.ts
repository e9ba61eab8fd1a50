/**
 * The names a group's documents know (attendees, action-item owners), kept between questions:
 * reading them all is tens of milliseconds in a group of thousands of documents, and every
 * question needs them. Each use first reads the groups' `names_version` (bumped by every write
 * to those tables, in any process), so a name added, removed or corrected is seen by the next
 * question. The version is read before the names: a write committed in between makes the next
 * question read them again rather than keep names older than their key.
 */
import type { Queryable } from '../store/db.js';
import { knownNames, namesVersion } from '../store/answer-queries.js';

/** Group sets remembered per database handle (a few hundred names each). */
const MAX_ENTRIES = 200;

const caches = new WeakMap<Queryable, Map<string, { version: string; names: string[] }>>();

export async function cachedKnownNames(db: Queryable, groupIds: string[]): Promise<string[]> {
  const cache = caches.get(db) ?? caches.set(db, new Map()).get(db)!;
  const key = [...groupIds].sort().join(',');
  const version = await namesVersion(db, groupIds);
  const hit = cache.get(key);
  cache.delete(key);
  if (hit && hit.version === version) {
    cache.set(key, hit);
    return hit.names;
  }
  const names = await knownNames(db, groupIds);
  cache.set(key, { version, names });
  for (const k of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(k);
  }
  return names;
}
