import { cutToLength } from '@/lib/annotations/cut-text';
import { joinSavedEdit } from '@/lib/annotations/merge-text';
import type { QuoteBlock } from '@/lib/annotations/quote-blocks';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { CommentsTooLongToJoinError, reportingFullStorage } from '@/lib/db/errors';
import type { WriteOptions } from '@/lib/db/items';
import { MAX_HIGHLIGHT_NOTE_LENGTH } from '@/lib/db/limits';
import { keepColorAfterRemoval, keepNoteAfterRemoval, withNotesAfterRemoval } from '@/lib/db/notes-after-removal';
import type { Highlight, HighlightColor } from '@/lib/db/schema';

/** Highlights of one saved item, in the order they were made. */
export async function getHighlights(itemId: string, db: ShelfDatabase = getDatabase()): Promise<Highlight[]> {
  const highlights = await db.highlights.where('itemId').equals(itemId).toArray();
  return highlights.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** How many highlights each item has (items without any are absent): what lists mark. */
export async function getHighlightCounts(db: ShelfDatabase = getDatabase()): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.highlights.orderBy('itemId').eachKey((itemId) => {
    const key = String(itemId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

/**
 * Adds a highlight to a saved item; returns it, or null when the item is not saved. `joining`: the
 * item's highlights its passage takes in (`widenToHighlights`), replaced by it in the same transaction:
 * it keeps the oldest one's colour and their comments, oldest first, and their ids (`joinedFrom`), so
 * that a comment another window saves on one of them meanwhile comes to it. A page's script names
 * them, so only those of this item whose quote is in the new one are taken. Throws
 * `CommentsTooLongToJoinError`, writing nothing, when their comments together would be cut.
 */
export function addHighlight(
  itemId: string,
  selectors: SelectorSet,
  {
    note = '',
    color = 'yellow',
    quoteBlocks,
    joining = [],
  }: {
    note?: string;
    color?: HighlightColor;
    quoteBlocks?: QuoteBlock[] | undefined;
    joining?: readonly string[] | undefined;
  } = {},
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<Highlight | null> {
  return reportingFullStorage(() =>
    db.transaction('rw', db.items, db.highlights, async () => {
      if (!(await db.items.get(itemId))) return null;
      const quote = oneSpaced(selectors.quote.exact);
      const joined = (await db.highlights.bulkGet([...joining]))
        .filter(
          (highlight): highlight is Highlight =>
            highlight?.itemId === itemId && quote.includes(oneSpaced(highlight.selectors.quote.exact)),
        )
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
      const notes = [...joined.map((highlight) => highlight.note), note].filter((text) => text.trim() !== '');
      // Joined, their comments would be cut; drawn over them, the words would be highlighted twice.
      if (joined.length > 0 && notes.join(NOTE_JOINER).length > MAX_HIGHLIGHT_NOTE_LENGTH)
        throw new CommentsTooLongToJoinError();
      const highlight: Highlight = {
        id: crypto.randomUUID(),
        itemId,
        selectors,
        ...(quoteBlocks ? { quoteBlocks } : {}),
        note: cutToLength(notes.join(NOTE_JOINER), MAX_HIGHLIGHT_NOTE_LENGTH),
        color: joined[0]?.color ?? color,
        createdAt: now,
        updatedAt: now,
        // Those they took the place of too: a comment on one joined twice still finds its way (QA pass).
        ...(joined.length > 0 ? { joinedFrom: joined.flatMap(({ id, joinedFrom = [] }) => [id, ...joinedFrom]) } : {}),
      };
      await db.highlights.bulkDelete(joined.map(({ id }) => id));
      await db.highlights.add(highlight);
      return highlight;
    }),
  );
}

/** Between the comments of highlights joined into one. */
const NOTE_JOINER = '\n\n';
const oneSpaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The highlight one with this id was joined into (`addHighlight`'s `joining`, here or on another browser), if any. */
function joinedInto(db: ShelfDatabase, id: string, itemId?: string): Promise<Highlight | undefined> {
  const joined = (highlight: Highlight) => highlight.joinedFrom?.includes(id) === true;
  // Of its item's highlights, when known: sync asks for each highlight it removes.
  return (
    itemId === undefined ? db.highlights.filter(joined) : db.highlights.where('itemId').equals(itemId).filter(joined)
  ).first();
}

/**
 * Within sync's transaction: removes a highlight that another browser joined into one, which is here
 * too (`Highlight.joinedFrom`, synced). A comment written on it here that the joined one lacks (typed
 * before the join arrived) goes into it, after its own, as the join would have taken it: `folded`.
 * `kept`, with nothing written, when the two comments together would be cut: it stays here as it is,
 * its comment whole. `none` when it was joined into none that is here.
 */
export async function removeJoinedHighlight(
  db: ShelfDatabase,
  highlight: Highlight,
): Promise<'folded' | 'kept' | 'none'> {
  const into = await joinedInto(db, highlight.id, highlight.itemId);
  if (!into) return 'none';
  const comment = highlight.note.trim();
  if (comment !== '' && !into.note.includes(comment)) {
    const note = into.note.trim() === '' ? highlight.note : `${into.note}${NOTE_JOINER}${highlight.note}`;
    if (note.length > MAX_HIGHLIGHT_NOTE_LENGTH) return 'kept';
    await db.highlights.update(into.id, { note, updatedAt: Math.max(into.updatedAt, highlight.updatedAt) });
  }
  await db.highlights.delete(highlight.id);
  return 'folded';
}

/**
 * Changes a highlight's note or color; returns whether it still exists, or (a colour alone, on one removed
 * meanwhile) whether the colour was kept for the removal's Undo.
 */
export function updateHighlight(
  id: string,
  patch: { note?: string; color?: HighlightColor },
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<boolean> {
  return reportingFullStorage(() =>
    db.transaction('rw', db.items, db.highlights, db.meta, async () => {
      const change = (highlight: Highlight) => {
        if (patch.note !== undefined) highlight.note = cutToLength(patch.note, MAX_HIGHLIGHT_NOTE_LENGTH);
        if (patch.color !== undefined) highlight.color = patch.color;
        highlight.updatedAt = now;
      };
      if ((await db.highlights.update(id, change)) === 1) return true;
      // Joined into another meanwhile (a wider selection in another window): a colour chosen goes to it.
      const into = await joinedInto(db, id);
      if (into && patch.note === undefined) return (await db.highlights.update(into.id, change)) === 1;
      // Removed in another window before this one's list showed it: the colour chosen is kept for that
      // removal's Undo, as a comment typed meanwhile is (review: Undo brought it back in its old colour).
      if (patch.color !== undefined && patch.note === undefined)
        return keepColorAfterRemoval(db, { id, color: patch.color, at: now });
      return false;
    }),
  );
}

/**
 * Writes a highlight's comment as `setNote` writes an item's note: `base` is the comment the edit
 * began from, and an edit saved elsewhere meanwhile is joined (`mergeTextEdits`), not replaced.
 * Returns the comment as written; on a highlight removed meanwhile, as kept for the removal's Undo (`keepNoteAfterRemoval`).
 */
export function setHighlightNote(
  id: string,
  note: string,
  {
    db = getDatabase(),
    now = Date.now(),
    base,
    underWay,
  }: WriteOptions & { base?: string; underWay?: string | undefined } = {},
): Promise<string | undefined> {
  return reportingFullStorage(() =>
    db.transaction('rw', db.items, db.highlights, db.meta, async () => {
      let written: string | undefined;
      const updated = await db.highlights.update(id, (highlight) => {
        highlight.note = cutToLength(joinSavedEdit(highlight.note, note, base, underWay), MAX_HIGHLIGHT_NOTE_LENGTH);
        highlight.updatedAt = now;
        written = highlight.note;
      });
      // Joined into another in another window while this was typed: the edit is joined with its comment.
      const into = updated === 0 ? await joinedInto(db, id) : undefined;
      if (into)
        await db.highlights.update(into.id, (highlight) => {
          highlight.note = cutToLength(joinSavedEdit(highlight.note, note, base, underWay), MAX_HIGHLIGHT_NOTE_LENGTH);
          highlight.updatedAt = now;
          written = highlight.note;
        });
      // Removed in another window (with its item, or alone) while this was typed: kept for that removal's Undo.
      else if (updated === 0) {
        const kept = await keepNoteAfterRemoval(db, { target: 'highlight', id, note, base, underWay, at: now });
        written = kept === undefined ? undefined : cutToLength(kept, MAX_HIGHLIGHT_NOTE_LENGTH);
      }
      return written;
    }),
  );
}

/** Deletes a highlight; returns it, so that it can be put back (undo). */
export function deleteHighlight(id: string, { db = getDatabase() }: WriteOptions = {}): Promise<Highlight | undefined> {
  return reportingFullStorage(() =>
    db.transaction('rw', db.highlights, async () => {
      const highlight = await db.highlights.get(id);
      if (highlight) await db.highlights.delete(id);
      return highlight;
    }),
  );
}

/** Puts a deleted highlight back, if its item is still saved and nothing took its place. */
export function restoreHighlight(highlight: Highlight, { db = getDatabase() }: WriteOptions = {}): Promise<boolean> {
  return reportingFullStorage(() =>
    db.transaction('rw', db.items, db.highlights, db.meta, async () => {
      if (!(await db.items.get(highlight.itemId)) || (await db.highlights.get(highlight.id))) return false;
      // With a comment typed on it in another window after it was removed.
      const { highlights } = await withNotesAfterRemoval(db, [], [highlight]);
      await db.highlights.add(highlights[0] ?? highlight);
      return true;
    }),
  );
}

/**
 * Records which of an item's highlights were found on its web page just now (the content script
 * reports it), so its card can list the others as "not found on this page". Only the finding
 * changes: a highlight is never dropped for not being found, and `updatedAt` (the user's edits)
 * stays. Ids of other items' highlights are ignored. Returns how many highlights changed.
 */
export function recordPageAnchoring(
  itemId: string,
  { found, notFound }: { found: readonly string[]; notFound: readonly string[] },
  { db = getDatabase() }: WriteOptions = {},
): Promise<number> {
  const outcome = new Map<string, 'found' | 'not-found'>([
    ...found.map((id) => [id, 'found'] as const),
    ...notFound.map((id) => [id, 'not-found'] as const),
  ]);
  return db.transaction('rw', db.highlights, async () => {
    let changed = 0;
    for (const highlight of await db.highlights.where('itemId').equals(itemId).toArray()) {
      const pageAnchor = outcome.get(highlight.id);
      if (pageAnchor === undefined || pageAnchor === highlight.pageAnchor) continue;
      await db.highlights.update(highlight.id, { pageAnchor });
      changed++;
    }
    return changed;
  });
}
