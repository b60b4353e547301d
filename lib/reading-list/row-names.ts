import { placesAmongAlike } from '@/lib/annotations/highlight-names';
import { siteOf } from '@/lib/reading-list/site';

/**
 * The name each reading-list row's controls carry ("Select …", its title button, its progress):
 * its title, and where another row has the same title (two bookmarks called "Home"), its site too,
 * then its place among those still alike. By title alone, a screen reader's list of checkboxes, or
 * a test looking one up by name, could not tell them apart (QA pass); the rows showed the site only.
 */
export function rowNames(rows: readonly { id: string; title: string; url: string | null }[]): Map<string, string> {
  const titles = new Map<string, number>();
  for (const { title } of rows) titles.set(title, (titles.get(title) ?? 0) + 1);
  const named = rows.map(({ title, url }) => {
    const site = (titles.get(title) ?? 0) > 1 ? siteOf(url) : '';
    return site ? `${title} (${site})` : title;
  });
  const places = placesAmongAlike(named);
  return new Map(rows.map(({ id }, index) => [id, `${named[index]}${places[index] ?? ''}`]));
}
