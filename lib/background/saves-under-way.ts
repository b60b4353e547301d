import { cutToLength } from '@/lib/annotations/cut-text';
import { getCopiesCapturedSince, getItemIdsWithCopies, hasCopy } from '@/lib/db/copies';
import { getItemTitles } from '@/lib/db/queries';
import { shownLine } from '@/lib/search/shown-line';
import { changePreference, PREFERENCES, type SaveUnderWay } from '@/lib/settings/preferences';
import { setSidePanelView } from '@/lib/side-panel/view';

/**
 * Saves under way (the menu's, the shortcut's, the popup's, a page's highlight's, a link's capture),
 * listed while they run, so that a service worker stopped in the middle of one (a crash, the browser reclaiming it) is said when it next starts: the side panel
 * showed nothing at all. (An update of Shelf empties session storage, and the list with it.) (The popup hears it from the message channel: lib/messaging/client.ts.)
 */
const THIS_WORKER = crypto.randomUUID();

/** The list changed one change at a time (`changePreference`): two saves started together would each write it. */
const changeList = (change: (list: SaveUnderWay[]) => SaveUnderWay[]) =>
  changePreference(PREFERENCES.savesUnderWay, change);

/**
 * Runs `save`, listed as under way for as long as it runs. `save` calls `markSaved` once the page and
 * its copy are stored: a worker stopped after that (fetching the copy's images) left the page saved.
 * A link's capture calls `markLinkStored` with its item's id once the item is stored, before its page
 * is fetched: a worker stopped then left it in the reading list without a copy, or with the copy it
 * had, which `markLinkStored` looks up and resolves to (whether the item had one).
 */
export async function whileSaving<T>(
  title: string,
  save: (markSaved: () => Promise<void>, markLinkStored: (itemId: string) => Promise<boolean>) => Promise<T>,
  {
    linkItemId,
    pageItemId,
    now = () => Date.now(),
  }: {
    /**
     * A link's: the id its item is saved under. A worker stopped after the item was stored but before
     * `markLinkStored` was written (two storages: no one step) left it in the reading list: it is looked for.
     */
    linkItemId?: string | undefined;
    /** An open page's: likewise, stopped after its page and copy were stored but before `markSaved` was written. */
    pageItemId?: string | undefined;
    now?: () => number;
  } = {},
): Promise<T> {
  const id = crypto.randomUUID();
  // Bookkeeping only: a list that cannot be written never stops the save.
  // A plain line: the page's words (a link's text, a tab's title), said later inside Shelf's own sentence.
  const listed: SaveUnderWay = {
    id,
    title: cutToLength(shownLine(title), 300) || 'this page',
    worker: THIS_WORKER,
    ...(linkItemId === undefined ? {} : { linkItemId }),
    ...(pageItemId === undefined ? {} : { pageItemId, startedAt: now() }),
  };
  await changeList((list) => [...list, listed].slice(-100)).catch(() => {});
  const mark = (stage: Pick<SaveUnderWay, 'saved' | 'withoutCopy' | 'withEarlierCopy'>) => () =>
    changeList((list) => list.map((entry) => (entry.id === id ? { ...entry, ...stage } : entry))).catch(() => {});
  try {
    return await save(mark({ saved: true }), async (itemId) => {
      const hadCopy = await hasCopy(itemId);
      await mark(hadCopy ? { withEarlierCopy: true } : { withoutCopy: true })();
      return hadCopy;
    });
  } finally {
    await changeList((list) => list.filter((entry) => entry.id !== id)).catch(() => {});
  }
}

/**
 * The characters of a title the report names: the four kinds' lines, 624 characters without their
 * titles (each with "(and 99 more)"), fit the side panel's message of 1,000 with four titles this long.
 */
const TITLE_SHOWN = 90;

/**
 * At the worker's start (and when the side panel opens, which wakes it): saves an earlier worker left
 * under way were cut short; the side panel says so. True when there were some.
 */
export async function reportSavesCutShort(): Promise<boolean> {
  let cutShort: SaveUnderWay[] = [];
  await changeList((list) => {
    cutShort = list.filter((entry) => entry.worker !== THIS_WORKER);
    return list.filter((entry) => entry.worker === THIS_WORKER);
  });
  cutShort = await withPagesFound(await withLinksFound(cutShort));
  // A page stored before the stop is saved, without some of its images (QA pass: it was said "not saved").
  const unsaved = cutShort.filter(isUnmarked);
  const withoutCopy = cutShort.filter((entry) => !entry.saved && entry.withoutCopy);
  const withEarlierCopy = cutShort.filter((entry) => !entry.saved && entry.withEarlierCopy);
  const saved = cutShort.filter((entry) => entry.saved);
  const andMore = (entries: unknown[]) => (entries.length > 1 ? ` (and ${entries.length - 1} more)` : '');
  // The message holds 1,000 characters (the side panel's view): every kind's line, each naming a title
  // of up to 300, was refused, and nothing was said (red-team pass; again once a fourth kind was added).
  const named = ({ title }: SaveUnderWay) =>
    title.length > TITLE_SHOWN ? `${cutToLength(title, TITLE_SHOWN - 1)}…` : title;
  const [first] = unsaved;
  const [firstSaved] = saved;
  const [firstWithoutCopy] = withoutCopy;
  const [firstWithEarlierCopy] = withEarlierCopy;
  // Both kinds cut short: both said (review: the pages saved without their images went unmentioned).
  const lines: string[] = [];
  if (first)
    lines.push(
      `Shelf stopped before “${named(first)}”${andMore(unsaved)} was saved (the browser restarted its background): it was not saved. Save it again.`,
    );
  // A link saved unopened, its page not yet read (QA: it stayed "Not captured yet" and nobody said why).
  if (firstWithoutCopy)
    lines.push(
      `Shelf stopped while it fetched the page of “${named(firstWithoutCopy)}”${andMore(withoutCopy)} (the browser restarted its background): it is in your reading list without a copy. Open it and choose Capture now.`,
    );
  // Its page fetched again, for a link that had a copy: it still has that one (QA: it was said "without a copy").
  if (firstWithEarlierCopy)
    lines.push(
      `Shelf stopped while it fetched the page of “${named(firstWithEarlierCopy)}”${andMore(withEarlierCopy)} again (the browser restarted its background): it is in your reading list with the copy it had.`,
    );
  if (firstSaved)
    lines.push(
      `Shelf stopped while it kept the images of “${named(firstSaved)}”${andMore(saved)} (the browser restarted its background): the page is saved, without some of its images. Save it again to keep them.`,
    );
  if (lines.length === 0) return false;
  await setSidePanelView({ kind: 'message', text: lines.join(' ') });
  return true;
}

/**
 * Links cut short before their item's mark was written, with the mark their item's state says (red-team
 * pass: a worker stopped after the link's item was stored, before its mark, said "it was not saved. Save
 * it again" of a link in the reading list). Unreadable, they are left as they were.
 */
async function withLinksFound(entries: SaveUnderWay[]): Promise<SaveUnderWay[]> {
  const unmarked = entries.flatMap((entry) =>
    entry.linkItemId !== undefined && isUnmarked(entry) ? [entry.linkItemId] : [],
  );
  if (unmarked.length === 0) return entries;
  try {
    const [titled, withCopies] = await Promise.all([getItemTitles(unmarked), getItemIdsWithCopies(unmarked)]);
    const stored = new Set(titled.map(({ id }) => id));
    return entries.map((entry) => {
      const itemId = entry.linkItemId;
      if (itemId === undefined || !stored.has(itemId) || !isUnmarked(entry)) return entry;
      return { ...entry, ...(withCopies.has(itemId) ? { withEarlierCopy: true } : { withoutCopy: true }) };
    });
  } catch {
    return entries;
  }
}

/**
 * Pages cut short before their mark was written, marked saved where their item's copy was taken after
 * the save began (the page and its copy are one transaction): "it was not saved" was said of a page in the
 * reading list. A page saved before keeps its older copy, and is still said not saved. Unreadable, left as they were.
 */
async function withPagesFound(entries: SaveUnderWay[]): Promise<SaveUnderWay[]> {
  const unmarkedPage = (entry: SaveUnderWay) =>
    entry.pageItemId !== undefined && entry.startedAt !== undefined && isUnmarked(entry);
  const pages = entries.filter(unmarkedPage);
  if (pages.length === 0) return entries;
  try {
    const captured = await getCopiesCapturedSince(
      pages.map((entry) => entry.pageItemId as string),
      Math.min(...pages.map((entry) => entry.startedAt as number)),
    );
    return entries.map((entry) =>
      unmarkedPage(entry) && (captured.get(entry.pageItemId as string) ?? -1) >= (entry.startedAt as number)
        ? { ...entry, saved: true }
        : entry,
    );
  } catch {
    return entries;
  }
}

/** An entry cut short before any stage was marked: nothing says its page or link was stored. */
function isUnmarked(entry: SaveUnderWay): boolean {
  return !entry.saved && !entry.withoutCopy && !entry.withEarlierCopy;
}
