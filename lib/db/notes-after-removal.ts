import { cutToLength } from '@/lib/annotations/cut-text';
import { joinSavedEdit } from '@/lib/annotations/merge-text';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { MAX_HIGHLIGHT_NOTE_LENGTH, MAX_NOTE_LENGTH } from '@/lib/db/limits';
import { bothNotes, joinedFromBase, withKeptNote } from '@/lib/db/merge';
import { getRemovals, RECENT_REMOVAL_MS } from '@/lib/db/removals';
import type { Highlight, HighlightColor, NoteAfterRemoval, SavedItem } from '@/lib/db/schema';

const KEEP_COUNT = 50;

async function readNotes(db: ShelfDatabase): Promise<NoteAfterRemoval[]> {
  const record = await db.meta.get('notesAfterRemoval');
  return record?.key === 'notesAfterRemoval' ? record.value : [];
}

/**
 * Those still of use: an item's typed after its last removal; a highlight's (its id is its own) for as
 * long as removals are kept, counted from `now` when given (as one is kept).
 */
function current(notes: readonly NoteAfterRemoval[], removals: Record<string, number>, now?: number) {
  return notes.filter((entry) =>
    entry.target === 'item'
      ? entry.removedAt === removals[entry.id]
      : now === undefined || entry.at > now - RECENT_REMOVAL_MS,
  );
}

async function writeNotes(db: ShelfDatabase, notes: NoteAfterRemoval[]): Promise<void> {
  if (notes.length === 0) await db.meta.delete('notesAfterRemoval');
  else await db.meta.put({ key: 'notesAfterRemoval', value: notes.slice(-KEEP_COUNT) });
}

/**
 * Inside a transaction that includes `meta` and `items`: keeps `note`, typed on `target` `id` (no
 * longer saved) from `base`, joined with one kept before for it. Returns the text kept, or undefined
 * when there is nothing to keep it with (an item whose removal was not recorded, or a highlight in an
 * empty library: everything deleted).
 */
export async function keepNoteAfterRemoval(
  db: ShelfDatabase,
  {
    target,
    id,
    note,
    base = '',
    underWay,
    at,
  }: {
    target: 'item' | 'highlight';
    id: string;
    note: string;
    base?: string | undefined;
    underWay?: string | undefined;
    at: number;
  },
): Promise<string | undefined> {
  const removals = await getRemovals(db);
  const removedAt = target === 'item' ? removals[id] : undefined;
  if (target === 'item' && removedAt === undefined) return undefined;
  if (target === 'highlight' && !(await anythingToUndoInto(db, removals))) return undefined;
  const notes = current(await readNotes(db), removals, at);
  const found = notes.find((entry) => entry.target === target && entry.id === id);
  // One that keeps no edit of the text (only a highlight's colour) gives the text nothing to go on from.
  const earlier = found && found.note !== found.base ? found : undefined;
  // The same editor saving again goes on from what it kept; the base stays what the first edit began from.
  const kept = cutToLength(earlier ? joinSavedEdit(earlier.note, note, base, underWay) : note, MAX_NOTE_LENGTH);
  const entry: NoteAfterRemoval = {
    target,
    id,
    note: kept,
    base: cutToLength(earlier?.base ?? base, MAX_NOTE_LENGTH),
    at,
    ...(removedAt === undefined ? {} : { removedAt }),
    ...(found?.color === undefined ? {} : { color: found.color }),
  };
  await writeNotes(db, [...notes.filter((other) => other !== found), entry]);
  return kept;
}

/**
 * A highlight's id does not name its item: what is typed or chosen on it after its removal is kept only
 * while there is something an Undo could put it back into (an item saved, or a removal recorded); not
 * after "Delete everything" (review).
 */
async function anythingToUndoInto(db: ShelfDatabase, removals: Record<string, number>): Promise<boolean> {
  return Object.keys(removals).length > 0 || (await db.items.count()) > 0;
}

/**
 * Inside a transaction that includes `meta` and `items`: keeps `color`, chosen for highlight `id` (no
 * longer saved, another window removed it) as a comment typed on it is kept, so that the removal's Undo
 * brings it back in that colour, not the one it had. Returns whether it was kept (not after "Delete everything").
 */
export async function keepColorAfterRemoval(
  db: ShelfDatabase,
  { id, color, at }: { id: string; color: HighlightColor; at: number },
): Promise<boolean> {
  const removals = await getRemovals(db);
  if (!(await anythingToUndoInto(db, removals))) return false;
  const notes = current(await readNotes(db), removals, at);
  const earlier = notes.find((entry) => entry.target === 'highlight' && entry.id === id);
  // Alone, its text is no edit (note and base the same): the highlight's comment is left as it comes back.
  const entry: NoteAfterRemoval = { ...(earlier ?? { target: 'highlight', id, note: '', base: '' }), at, color };
  await writeNotes(db, [...notes.filter((other) => other !== earlier), entry]);
  return true;
}

/**
 * Whether any note typed after a removal is kept (nearly never): one that brings many items back, each
 * in turn (sync), reads this once, since joining the notes (`withNotesAfterRemoval`) only ever forgets some.
 */
export async function hasNotesAfterRemoval(db: ShelfDatabase): Promise<boolean> {
  return (await readNotes(db)).length > 0;
}

/**
 * Inside a transaction that includes `meta`: the items and highlights coming back (an Undo puts them
 * back, sync brings them, a backup restores them), with the notes typed on them after they were removed
 * joined to the notes they had (each dated when it was typed); those notes are then forgotten.
 */
export function withNotesAfterRemoval(
  db: ShelfDatabase,
  items: readonly SavedItem[],
  highlights: readonly Highlight[],
): Promise<{ items: SavedItem[]; highlights: Highlight[] }> {
  return joinKeptNotes(db, items, highlights, joinedFromBase);
}

/**
 * Inside a transaction that includes `meta`: `item`, saved anew (its card's or reader's Save, where the
 * note typed after its removal is shown), with that note, which is then forgotten (review: saved again,
 * the item came back without it, and it was shown nowhere). The note is the editor's whole text.
 * `formerId`: the id the page saved had before version 12 (its address's tracking parameters kept), for
 * a note typed after a removal made before then: the migration moved only the items still saved.
 */
export async function withNoteTypedAfterRemoval(
  db: ShelfDatabase,
  item: SavedItem,
  formerId: string = item.id,
): Promise<SavedItem> {
  const [withNote] = await withNotesTypedAfterRemoval(db, [item], () => [formerId]);
  return withNote as SavedItem;
}

/**
 * `withNoteTypedAfterRemoval` for many items added anew at once (an import): each with the note typed
 * on it after its removal, the editor's whole text, beside any note it brings (`bothNotes`); `formerIdsOf`
 * as `formerId`, for the addresses each came as.
 */
export async function withNotesTypedAfterRemoval(
  db: ShelfDatabase,
  items: readonly SavedItem[],
  formerIdsOf: (item: SavedItem) => readonly string[] = () => [],
): Promise<SavedItem[]> {
  const joined = await joinKeptNotes(db, items, [], (note, kept) => bothNotes(note, kept.note), formerIdsOf);
  return joined.items;
}

/**
 * Inside a transaction that includes `meta`: `items` and `highlights` with the current notes kept for them,
 * each taken once (an item's under its id, else under the first of `formerIdsOf`'s): an item's joined to its note by
 * `joinItemNote`, a highlight's as an Undo joins it (from its base). The notes taken are then forgotten.
 */
async function joinKeptNotes(
  db: ShelfDatabase,
  items: readonly SavedItem[],
  highlights: readonly Highlight[],
  joinItemNote: (note: string, kept: NoteAfterRemoval) => string,
  formerIdsOf: (item: SavedItem) => readonly string[] = () => [],
): Promise<{ items: SavedItem[]; highlights: Highlight[] }> {
  const kept = await readNotes(db);
  // Every item added or coming back passes here: with no note kept (nearly always), nothing more is read.
  if (kept.length === 0) return { items: [...items], highlights: [...highlights] };
  const notes = current(kept, await getRemovals(db));
  const used = new Set<NoteAfterRemoval>();
  /** The note kept under the first of `ids` that has one, unless it was taken already. */
  const take = (target: NoteAfterRemoval['target'], ...ids: string[]) => {
    const entry = ids
      .map((id) => notes.find((note) => note.target === target && note.id === id))
      .find((found) => found !== undefined);
    if (!entry || used.has(entry)) return undefined;
    used.add(entry);
    return entry;
  };
  const withItems = items.map((item) => {
    const entry = take('item', item.id, ...formerIdsOf(item));
    return entry ? withKeptNote(item, entry, joinItemNote) : item;
  });
  const withHighlights = highlights.map((highlight) => {
    const entry = take('highlight', highlight.id);
    if (!entry) return highlight;
    const note =
      entry.note === entry.base
        ? highlight.note
        : cutToLength(joinSavedEdit(highlight.note, entry.note, entry.base), MAX_HIGHLIGHT_NOTE_LENGTH);
    const color = entry.color ?? highlight.color;
    return { ...highlight, note, color, updatedAt: Math.max(highlight.updatedAt, entry.at) };
  });
  if (used.size > 0)
    await writeNotes(
      db,
      notes.filter((entry) => !used.has(entry)),
    );
  return { items: withItems, highlights: withHighlights };
}

/** The note typed on an item after it was removed (what its window shows in its place), or undefined. */
export function getNoteAfterRemoval(itemId: string, db: ShelfDatabase = getDatabase()): Promise<string | undefined> {
  return db.transaction('r', db.items, db.meta, async () => {
    if (await db.items.get(itemId)) return undefined;
    const notes = current(await readNotes(db), await getRemovals(db));
    return notes.find((entry) => entry.target === 'item' && entry.id === itemId)?.note;
  });
}
