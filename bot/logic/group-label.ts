/**
 * How a group is named to people. A team or group chat goes by its name; a user's personal group
 * has a stored name made unique with the user's id ("Personligt: user-id-0 (…)"), which is an
 * internal key, not something to show: it is "din personliga samling". Plain TypeScript.
 */

export interface NamedGroup {
  name: string;
  kind?: string | null;
}

export function groupLabel(g: NamedGroup, language: 'sv' | 'en'): string {
  if (g.kind === 'personal') return language === 'en' ? 'your personal collection' : 'din personliga samling';
  return g.name;
}
