import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import type { Highlight, SavedItem } from '@/lib/db/schema';
import { FNV1A_START, fnv1a } from '@/lib/hash/fnv1a';
import type { LibraryDocument } from '@/lib/search/library-index';
import type { UserNote } from '@/lib/search/snippet';

/**
 * What the library search index reads of the user's data. Fingerprints are cheap to read for the
 * whole library (no captured copies), so that after any change the index re-reads only the items
 * whose fingerprint moved, and forgets those that are gone.
 */

/**
 * Each saved item's fingerprint: a digest of what the index reads of the item itself (title, address,
 * tags, note) and of its highlights (quote and note), and when its copy (text, site name, byline) last
 * changed (captured again, or read again by a newer rule; the text is too long to digest each time).
 * Not the item's own change times: sync and a merged backup keep each change's time as made elsewhere,
 * so a note written elsewhere before this browser's last change to the item moves none of them.
 */
function libraryFingerprint(
  item: SavedItem,
  copyUpdatedAt: number | undefined,
  highlights: readonly Pick<Highlight, 'id' | 'selectors' | 'note'>[],
): string {
  let digest = FNV1A_START;
  const add = (text: string) => {
    digest = fnv1a(FIELD_END, fnv1a(text, digest));
  };
  add(item.title);
  add(item.url ?? '');
  add(item.articleId ?? '');
  add(String(item.tags.length));
  for (const tag of item.tags) add(tag);
  add(item.note);
  const byId =
    highlights.length > 1 ? [...highlights].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : highlights;
  for (const { selectors, note } of byId) {
    add(selectors.quote.exact);
    add(note);
  }
  return `${copyUpdatedAt ?? 0}:${highlights.length}:${digest.toString(36)}`;
}

/** Ends each field digested, so that moving text from one field to the next changes the digest. */
const FIELD_END = '\u001f';

/**
 * Whether an analysis made from `stored` still holds for `fresh`: every field the index reads is the
 * same, and the copy has not changed since (its time, in either fingerprint: before 2026-12-05 a
 * fingerprint was `item time:copy time:count.latest highlight time`). Then only its fingerprint is
 * new, and the analysis is stamped again instead of made again (the whole library, once, after the
 * fingerprint changed).
 */
export function analysisStillHolds(stored: Omit<LibraryDocument, 'text'>, fresh: LibraryDocument): boolean {
  const copyTime = (fingerprint: string) => {
    const parts = fingerprint.split(':');
    return (parts[2]?.includes('.') ? parts[1] : parts[0]) ?? '';
  };
  const indexed = ({
    title,
    url,
    articleId,
    siteName,
    byline,
    tags,
    note,
    highlights,
  }: Omit<LibraryDocument, 'text'>) =>
    JSON.stringify([title, url, articleId, siteName, byline, tags, note, highlights]);
  return copyTime(stored.fingerprint) === copyTime(fresh.fingerprint) && indexed(stored) === indexed(fresh);
}

/** Every saved item's fingerprint (`libraryFingerprint`), by id. */
export function getLibraryFingerprints(db: ShelfDatabase = getDatabase()): Promise<Map<string, string>> {
  return db.transaction('r', db.items, db.captures, db.highlights, async () => {
    const copyChanged = new Map<string, number>();
    await db.captures.orderBy('updatedAt').eachKey((updatedAt, cursor) => {
      copyChanged.set(String(cursor.primaryKey), Number(updatedAt));
    });
    const highlights = new Map<string, Highlight[]>();
    for (const highlight of await db.highlights.toArray()) {
      const list = highlights.get(highlight.itemId) ?? [];
      list.push(highlight);
      highlights.set(highlight.itemId, list);
    }
    const fingerprints = new Map<string, string>();
    await db.items.each((item) => {
      fingerprints.set(item.id, libraryFingerprint(item, copyChanged.get(item.id), highlights.get(item.id) ?? []));
    });
    return fingerprints;
  });
}

/** The saved items with these ids as the index reads them (items no longer saved are left out). */
export function getLibraryDocuments(
  ids: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<LibraryDocument[]> {
  const keys = [...ids];
  return db.transaction('r', db.items, db.captures, db.highlights, async () => {
    const [items, captures, highlights] = await Promise.all([
      db.items.bulkGet(keys),
      db.captures.bulkGet(keys),
      db.highlights.where('itemId').anyOf(keys).toArray(),
    ]);
    const byItem = new Map<string, Highlight[]>();
    for (const highlight of highlights)
      byItem.set(highlight.itemId, [...(byItem.get(highlight.itemId) ?? []), highlight]);
    return items.flatMap((item, at) => {
      if (!item) return [];
      const capture = captures[at];
      const own = byItem.get(item.id) ?? [];
      return [
        {
          id: item.id,
          articleId: item.articleId,
          title: item.title,
          url: item.url,
          siteName: capture?.siteName ?? null,
          byline: capture?.byline ?? null,
          tags: item.tags,
          note: item.note,
          highlights: own.map((highlight) => `${highlight.selectors.quote.exact}\n${highlight.note}`),
          text: capture?.text ?? '',
          fingerprint: libraryFingerprint(item, capture?.updatedAt, own),
        },
      ];
    });
  });
}

/** The captured text of saved items, by id (for snippets of the few results shown). */
export async function getCapturedTexts(
  ids: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<Map<string, string>> {
  const captures = await db.captures.bulkGet([...ids]);
  return new Map(captures.flatMap((capture) => (capture ? [[capture.itemId, capture.text]] : [])));
}

/**
 * What saved items' snippets are made from, by id: their captured text, and their notes (a note's
 * words are not in the copy: a search may have matched them alone): their highlights' that carry
 * one (or, for an item without a copy, the highlight's quote itself), oldest first, then the item's own, then its tags as a line ("Tags: zebrafish, diy"), so that
 * a page found by its tag shows the tag, not nothing (QA pass).
 */
export function getSnippetSources(
  ids: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<{ texts: Map<string, string>; notes: Map<string, UserNote[]> }> {
  const keys = [...ids];
  return db.transaction('r', db.items, db.captures, db.highlights, async () => {
    const [texts, highlights, items] = await Promise.all([
      getCapturedTexts(keys, db),
      db.highlights.where('itemId').anyOf(keys).toArray(),
      db.items.bulkGet(keys),
    ]);
    const notes = new Map<string, UserNote[]>();
    for (const highlight of highlights.sort((a, b) => a.createdAt - b.createdAt)) {
      const quote = highlight.selectors.quote.exact;
      // Without a copy to find it in (a saved blog article, a synced item), the quote is its own source.
      const words = highlight.note.trim() ? highlight.note : texts.has(highlight.itemId) ? '' : quote;
      if (!words) continue;
      notes.set(highlight.itemId, [...(notes.get(highlight.itemId) ?? []), { quote, note: words }]);
    }
    for (const item of items) {
      if (item?.note.trim()) notes.set(item.id, [...(notes.get(item.id) ?? []), { note: item.note }]);
      if (item?.tags.length)
        notes.set(item.id, [...(notes.get(item.id) ?? []), { note: `Tags: ${item.tags.join(', ')}`, tags: true }]);
    }
    return { texts, notes };
  });
}
