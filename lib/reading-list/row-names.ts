import { ordinal } from '@/lib/annotations/highlight-names';
import { siteOf } from '@/lib/reading-list/site';

/**
 * The name each reading-list row's controls carry ("Select …", its title button, its progress):
 * its title, and where another row has the same title (two bookmarks called "Home"), its site too,
 * then its place among those still alike. By title alone, a screen reader's list of checkboxes, or
 * a test looking one up by name, could not tell them apart (QA pass); the rows showed the site only.
 */
export function rowNames(rows: readonly { id: string; title: string; url: string | null }[]): Map<string, string> {
  const count = <T>(keys: readonly T[]) => {
    const counts = new Map<T, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const titles = count(rows.map((row) => row.title));
  const named = rows.map((row) => {
    if ((titles.get(row.title) ?? 0) < 2) return row.title;
    const site = siteOf(row.url);
    return site ? `${row.title} (${site})` : row.title;
  });
  const totals = count(named);
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  rows.forEach((row, index) => {
    const name = named[index] ?? row.title;
    const place = (seen.get(name) ?? 0) + 1;
    seen.set(name, place);
    names.set(row.id, (totals.get(name) ?? 0) > 1 ? `${name} (${ordinal(place)})` : name);
  });
  return names;
}
