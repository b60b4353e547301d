import { chosenAt, type ItemStatus } from '@/lib/db/schema';
import {
  compareStamps,
  type Entity,
  entityKey,
  isVisible,
  type Json,
  latestChange,
  type Register,
  STAMP_UNIT,
  type Stamp,
  type SyncDocument,
  sameJson,
  splitEntityKey,
  stampTime,
} from '@/lib/sync/document';
import {
  HIGHLIGHT_FIELDS,
  HIGHLIGHT_KIND,
  type HighlightFieldName,
  ITEM_FIELDS,
  ITEM_KIND,
  type ItemFieldName,
  PREFERENCE_FIELD,
  PREFERENCE_KIND,
  type SyncedProgress,
  UNCHOSEN_ITEM_FIELDS,
} from '@/lib/sync/entity-kinds';
import { RECENT_DELETION_MS } from '@/lib/sync/priority';

/**
 * This browser's library and settings as sync sees them (what the local adapter reads and
 * writes), and the two conversions: local → document (`observeLocal`) and document → the writes
 * that bring local in line (`localChangesFor`).
 */
export interface SyncItem {
  /** `article:<catalog id>` or `page:<hash of the address>`, as in `lib/db`. */
  id: string;
  url: string | null;
  title: string;
  status: ItemStatus;
  tags: string[];
  note: string;
  addedAt: number;
  /** When status, title, tags and note last changed (`SavedItem.changedAt`). */
  changedAt: { status: number; title: number; tags: number; note: number };
  progress: { fraction: number; scrollFraction: number; scrollY: number; updatedAt: number } | null;
  /**
   * When it was put back by "Replace everything" from a backup, if it was: its presence is dated then
   * (its address's register), after a removal another browser made before the restore.
   */
  presentSince?: number;
}

/** A highlight as sync sees it (`Highlight` in `lib/db/schema.ts`; selectors and colour checked there). */
export interface SyncHighlight {
  id: string;
  itemId: string;
  selectors: Json;
  /** The quote's paragraphs and code lines, when it has more than one line (checked there too). */
  quoteBlocks?: Json;
  note: string;
  color: string;
  createdAt: number;
  /** When its note or colour last changed. */
  updatedAt: number;
  /** The highlights it was made of, when a selection running into them joined them (`Highlight.joinedFrom`). */
  joinedFrom?: string[];
}

export interface SyncedPreference {
  value: Json;
  /** Whether it still has its default value: a default never outvotes a choice made on another browser. */
  isDefault: boolean;
  /** When it was last set here, if known; otherwise sync dates the change when it notices it. */
  changedAt?: number;
}

export interface LocalSnapshot {
  items: SyncItem[];
  /** Every highlight; absent when this library keeps none (highlights then neither sync nor go). */
  highlights?: SyncHighlight[];
  /** The preferences that sync, by name (theme, reader typography…). */
  preferences: Record<string, SyncedPreference>;
  /** When items were removed, where known (otherwise sync stamps the removal when it notices it). */
  removedAt?: Record<string, number>;
}

export interface LocalChanges {
  /**
   * When the snapshot these changes are based on was read: a field (or item, or preference) this
   * browser changed after that keeps its local value — sync picks it up next time.
   */
  readAt: number;
  /** Items to store as given (new ones, or changed fields with their change times). */
  put: SyncItem[];
  /** Items removed on another browser, with the removal's time. */
  remove: { id: string; removedAt: number }[];
  /**
   * Highlights to store as given (skipped while their item is not here; a note or colour changed
   * here after `readAt` is kept), and highlights removed elsewhere (kept if changed after `readAt`).
   */
  putHighlights: SyncHighlight[];
  removeHighlights: string[];
  /**
   * Those of `removeHighlights` removed because a highlight joined them into itself, not deleted: kept
   * here while that one is not (`applySyncChanges`). Absent when none is.
   */
  joinedAway?: string[];
  preferences: Record<string, Json>;
}

/** Rounds progress so that scrolling a pixel does not make a change worth syncing. */
function syncedProgress(progress: SyncItem['progress']): SyncedProgress | null {
  if (!progress) return null;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return [round(progress.fraction), round(progress.scrollFraction), Math.round(progress.scrollY)];
}

function itemFieldValues(item: SyncItem): Record<ItemFieldName, { v: Json; t: number }> {
  return {
    url: { v: item.url, t: Math.max(item.addedAt, item.presentSince ?? 0) },
    title: { v: item.title, t: chosenAt(item, 'title') },
    status: { v: item.status, t: chosenAt(item, 'status') },
    tags: { v: item.tags, t: chosenAt(item, 'tags') },
    note: { v: item.note, t: chosenAt(item, 'note') },
    addedAt: { v: item.addedAt, t: item.addedAt },
    progress: { v: syncedProgress(item.progress), t: item.progress?.updatedAt ?? 0 },
  };
}

function highlightFieldValues(h: SyncHighlight): Record<HighlightFieldName, { v: Json; t: number }> {
  return {
    item: { v: h.itemId, t: h.createdAt },
    sel: { v: h.selectors, t: h.createdAt },
    at: { v: h.createdAt, t: h.createdAt },
    // Null (no register) when absent: most quotes are one line.
    blocks: { v: h.quoteBlocks ?? null, t: h.createdAt },
    note: { v: h.note, t: h.updatedAt },
    color: { v: h.color, t: h.updatedAt },
    // Null (no register) when absent: most highlights were made as they are.
    from: { v: h.joinedFrom ?? null, t: h.createdAt },
  };
}

/**
 * The item fields dated when the user chose them (`SavedItem.changedAt`, stored from sync as the
 * register's time). Not progress (rounded: a later time for the same value is scrolling, no choice).
 */
const CHOSEN_FIELDS: readonly ItemFieldName[] = ['title', 'status', 'tags', 'note'];

const after = (stamp: Stamp | null | undefined) => (stamp ? stamp.t + STAMP_UNIT : 0);

/** The items that have a highlight showing in `doc`: one the library would take (a malformed one is none). */
function itemsWithHighlights(doc: SyncDocument): Set<string> {
  const items = new Set<string>();
  for (const [key, entity] of doc) {
    const { kind, id } = splitEntityKey(key);
    const highlight = kind === HIGHLIGHT_KIND && isVisible(entity) ? highlightFromEntity(id, entity) : null;
    if (highlight) items.add(highlight.itemId);
  }
  return items;
}

/**
 * Whether a removal made here, of a page this browser never synced, may remove another browser's
 * copy of it. Not when that copy holds a note, tags or highlights: the user wrote them elsewhere and
 * never saw them here, so removing a page here must not take them (the copy comes back here
 * instead). A hidden copy needs no tombstone.
 */
function blindRemovalAllowed(copy: Entity, hasHighlights: boolean): boolean {
  if (!isVisible(copy) || hasHighlights) return false;
  const note = copy.fields.note?.v;
  const tags = copy.fields.tags?.v;
  return (typeof note !== 'string' || note === '') && (!Array.isArray(tags) || tags.length === 0);
}

/** What a removal of a page this browser never synced is checked against (see `observeLocal`). */
export interface BlindRemovalContext {
  /** The area's document. */
  published: SyncDocument;
  /** Whether the area is known to hold every highlight of the library it was written from. */
  highlightsComplete: boolean;
  /** When this browser first synced (kept with its replica): removals made before that stay its own. */
  firstSyncAt: number;
}

/**
 * The document this browser holds now: `replica` (what it held after its last sync) with what
 * changed locally since. A value that differs from the replica's is a local edit, stamped with its
 * own change time but never earlier than just after the value it replaced (or the deletion it
 * undoes): the user saw that value, so their edit is newer whatever the clocks say. An item in the
 * replica that is gone locally was removed here, dated when the user removed it if that is known
 * and recent (within RECENT_DELETION_MS: so it still ranks as a recent deletion and is long
 * before it expires), else now. An item removed here that this browser never synced gets a
 * tombstone too, when another browser has published it (`blind`: the area and what is known of
 * it), but only over a copy that holds nothing the user wrote (see `blindRemovalAllowed`); without
 * `blind`, never.
 * The result never loses anything the replica had.
 */
export function observeLocal(
  replica: SyncDocument,
  snapshot: LocalSnapshot,
  deviceId: string,
  now: number,
  blind?: BlindRemovalContext,
): SyncDocument {
  const doc = new Map(replica);
  const removedAt = (id: string) => {
    const at = snapshot.removedAt?.[id];
    return at !== undefined && at > now - RECENT_DELETION_MS && at <= now ? at : undefined;
  };
  const seen = new Set<string>();
  /**
   * `optional`: fields whose null writes no register where there is none; `setOnce` too, and their null
   * never replaces one (a highlight's blocks: this browser may have left out blocks of a newer shape).
   * `ownTimes`: fields whose time is when that field was chosen here: the synced value chosen again
   * later (changed and changed back between two syncs) is this browser's latest choice.
   */
  const observe = (
    key: string,
    values: Record<string, { v: Json; t: number }>,
    {
      optional,
      setOnce = false,
      ownTimes = [],
    }: { optional: readonly string[]; setOnce?: boolean; ownTimes?: readonly string[] },
  ) => {
    seen.add(key);
    const known = replica.get(key);
    const shown = known !== undefined && isVisible(known);
    const fields: Record<string, Register> = { ...known?.fields };
    for (const [name, local] of Object.entries(values)) {
      const register = known?.fields[name];
      const chosenSince = register && ownTimes.includes(name) && stampTime(local.t) > register.t;
      if (shown && register && sameJson(register.v, local.v) && !chosenSince) continue;
      // No progress and no register: nothing to say (an absent register is older than any).
      if (optional.includes(name) && local.v === null && (!register || setOnce)) continue;
      const floor = Math.max(after(register), shown ? 0 : after(known?.deleted));
      // Nor a value chosen by no one (`chosenAt` 0: unread, no tags, no note as saved), unless it
      // must outrank a removal: other browsers read its absence as that default (`itemFromEntity`).
      if (local.t === 0 && !register && floor === 0) continue;
      fields[name] = { v: local.v, t: Math.max(stampTime(local.t), floor), d: deviceId };
    }
    doc.set(key, { fields, deleted: known?.deleted ?? null });
  };
  const removed = (key: string, entity: Entity, at: number, alsoAfter: Stamp | null = null) =>
    doc.set(key, {
      ...entity,
      deleted: { t: Math.max(stampTime(at), after(latestChange(entity)), after(alsoAfter)), d: deviceId },
    });
  // An item's removal is dated after its highlights too: one that came before (or is dated ahead,
  // by a clock or a writer) would otherwise keep the item (`localChangesFor`) after every removal.
  const highlighted = newestHighlightChanges(replica);
  for (const item of snapshot.items)
    observe(entityKey(ITEM_KIND, item.id), itemFieldValues(item), { optional: ['progress'], ownTimes: CHOSEN_FIELDS });
  for (const highlight of snapshot.highlights ?? [])
    observe(entityKey(HIGHLIGHT_KIND, highlight.id), highlightFieldValues(highlight), {
      optional: ['blocks', 'from'],
      setOnce: true,
    });
  const localItems = new Set(snapshot.items.map((item) => item.id));
  for (const [key, entity] of replica) {
    if (seen.has(key) || !isVisible(entity)) continue;
    const { kind, id } = splitEntityKey(key);
    if (kind === ITEM_KIND) removed(key, entity, removedAt(id) ?? now, highlighted.get(id));
    // A highlight gone while its item is still here was deleted; gone with its item, the item's
    // removal says it all (and one never stored, its item missing here, was not deleted).
    else if (kind === HIGHLIGHT_KIND && snapshot.highlights && localItems.has(entity.fields.item?.v as string))
      removed(key, entity, now);
  }
  // Saved and removed here between two syncs: no other browser heard of it from here, but one may
  // have saved the same page before this removal. A tombstone dated when it was removed outranks
  // such a save, as it would have had this browser synced in between. Only for pages another
  // browser published (a removal no one else could hold costs the area nothing), and only where
  // that removes nothing the user wrote and never saw here — so not while the area may lack
  // highlights (some did not fit), which could be this page's. Only for removals made after this
  // browser's first sync: what was removed before this library joined the others was not removed
  // from them, whenever they publish it.
  if (blind?.highlightsComplete) {
    const { published, firstSyncAt } = blind;
    const blindRemovals = Object.keys(snapshot.removedAt ?? {}).filter((id) => {
      const key = entityKey(ITEM_KIND, id);
      const at = removedAt(id);
      return at !== undefined && at > firstSyncAt && !seen.has(key) && !replica.has(key) && published.has(key);
    });
    const annotated = blindRemovals.length > 0 ? itemsWithHighlights(published) : new Set<string>();
    for (const id of blindRemovals) {
      const key = entityKey(ITEM_KIND, id);
      if (!blindRemovalAllowed(published.get(key) as Entity, annotated.has(id))) continue;
      doc.set(key, { fields: {}, deleted: { t: stampTime(removedAt(id) as number), d: deviceId } });
    }
  }
  for (const [name, pref] of Object.entries(snapshot.preferences)) {
    const key = entityKey(PREFERENCE_KIND, name);
    const register = replica.get(key)?.fields[PREFERENCE_FIELD];
    // The synced value is no change, unless chosen here after it was written: set to another value
    // and back between two syncs, it is this browser's latest choice and outvotes earlier ones.
    const chosenSince = pref.changedAt !== undefined && register && stampTime(pref.changedAt) > register.t;
    if (register && sameJson(register.v, pref.value) && !chosenSince) continue;
    // Undated, before the first sync: a default has time 0 and a choice 1 s, so any dated change
    // outranks both and a choice outranks a default.
    const undated = pref.isDefault ? 0 : STAMP_UNIT;
    const t = register
      ? Math.max(stampTime(pref.changedAt ?? now), after(register))
      : pref.changedAt !== undefined
        ? stampTime(pref.changedAt)
        : undated;
    doc.set(key, { fields: { [PREFERENCE_FIELD]: { v: pref.value, t, d: deviceId } }, deleted: null });
  }
  return doc;
}

/** The item an entity shows, or null when it lacks a field an item needs (not yet fully known). */
export function itemFromEntity(id: string, entity: Entity): SyncItem | null {
  const f = entity.fields;
  if (!f.url || !f.title || !f.addedAt) return null;
  const progress = f.progress?.v as SyncedProgress | null | undefined;
  // A status, tags or note no one chose travels as no register (`observeLocal`): the default, at 0.
  const {
    status = UNCHOSEN_ITEM_FIELDS.status,
    tags = UNCHOSEN_ITEM_FIELDS.tags,
    note = UNCHOSEN_ITEM_FIELDS.note,
  } = f;
  return {
    id,
    url: f.url.v as string | null,
    title: f.title.v as string,
    status: status.v as ItemStatus,
    tags: tags.v as string[],
    note: note.v as string,
    addedAt: f.addedAt.v as number,
    changedAt: { status: status.t, title: f.title.t, tags: tags.t, note: note.t },
    progress: progress
      ? { fraction: progress[0], scrollFraction: progress[1], scrollY: progress[2], updatedAt: f.progress?.t ?? 0 }
      : null,
  };
}

/** The highlight an entity shows, or null when it lacks a field or one is of the wrong type. */
export function highlightFromEntity(id: string, entity: Entity): SyncHighlight | null {
  const f = entity.fields;
  const [item, sel, note, color, at, blocks, from] = HIGHLIGHT_FIELDS.map((name) => f[name]);
  if (!item || !sel || !note || !color || !at) return null;
  if (typeof item.v !== 'string' || typeof note.v !== 'string' || typeof color.v !== 'string') return null;
  if (typeof at.v !== 'number') return null;
  return {
    id,
    itemId: item.v,
    selectors: sel.v,
    ...(blocks && blocks.v !== null ? { quoteBlocks: blocks.v } : {}),
    note: note.v,
    color: color.v,
    createdAt: at.v,
    updatedAt: Math.max(note.t, color.t),
    ...(isIdList(from?.v) ? { joinedFrom: from.v } : {}),
  };
}

/** A list of ids (a joined highlight's `from`); anything else is left out, as a newer shape would be. */
function isIdList(value: Json | undefined): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((id) => typeof id === 'string');
}

function sameItem(a: SyncItem, b: SyncItem): boolean {
  const fa = itemFieldValues(a);
  const fb = itemFieldValues(b);
  return ITEM_FIELDS.every((field) => sameJson(fa[field].v, fb[field].v));
}

/** Each item's newest highlight change in `doc` (made, or its note or colour edited), among highlights that show. */
function newestHighlightChanges(doc: SyncDocument): Map<string, Stamp> {
  const newest = new Map<string, Stamp>();
  for (const [key, entity] of doc) {
    const { kind, id } = splitEntityKey(key);
    const highlight = kind === HIGHLIGHT_KIND && isVisible(entity) ? highlightFromEntity(id, entity) : null;
    const changed = highlight && latestChange(entity);
    if (!highlight || !changed) continue;
    const known = newest.get(highlight.itemId);
    if (!known || compareStamps(changed, known) > 0) newest.set(highlight.itemId, changed);
  }
  return newest;
}

/**
 * The highlights joined into one that shows in `doc` (a selection on some browser ran into them), by
 * id, with their item: hidden on every browser, even where one was edited after the join (its comment
 * goes into the joined one: `applySyncChanges`), so that no words are highlighted twice.
 */
function joinedHighlights(doc: SyncDocument): Map<string, string> {
  const joined = new Map<string, string>();
  for (const [key, entity] of doc) {
    const { kind, id } = splitEntityKey(key);
    const highlight = kind === HIGHLIGHT_KIND && isVisible(entity) ? highlightFromEntity(id, entity) : null;
    for (const from of highlight?.joinedFrom ?? []) if (from !== id) joined.set(from, highlight?.itemId as string);
  }
  return joined;
}

/**
 * The writes that make `snapshot` show what `doc` shows. An item removed elsewhere stays here when
 * one of its highlights was made or edited after the removal (as a note edited after it keeps the
 * item): the next `observeLocal` publishes it again, dated after the removal, with its highlights.
 */
export function localChangesFor(doc: SyncDocument, snapshot: LocalSnapshot, readAt: number): LocalChanges {
  const changes: LocalChanges = {
    readAt,
    put: [],
    remove: [],
    putHighlights: [],
    removeHighlights: [],
    preferences: {},
  };
  const local = new Map(snapshot.items.map((item) => [item.id, item]));
  const localHighlights = new Map((snapshot.highlights ?? []).map((h) => [h.id, h]));
  const highlighted = newestHighlightChanges(doc);
  const joined = snapshot.highlights ? joinedHighlights(doc) : new Map<string, string>();
  /** Items removed elsewhere that stay here: one of their highlights changed after the removal. */
  const kept = new Set<string>();
  for (const [key, entity] of doc) {
    const { kind, id } = splitEntityKey(key);
    const highlight = kind === ITEM_KIND ? highlighted.get(id) : undefined;
    if (
      local.has(id) &&
      !isVisible(entity) &&
      entity.deleted &&
      highlight &&
      compareStamps(highlight, entity.deleted) > 0
    )
      kept.add(id);
  }
  for (const [key, entity] of doc) {
    const { kind, id } = splitEntityKey(key);
    if (kind === ITEM_KIND) {
      const mine = local.get(id);
      if (!isVisible(entity)) {
        if (mine && entity.deleted && !kept.has(id)) changes.remove.push({ id, removedAt: entity.deleted.t });
        continue;
      }
      const item = itemFromEntity(id, entity);
      if (item && (!mine || !sameItem(item, mine))) changes.put.push(item);
    } else if (kind === HIGHLIGHT_KIND && snapshot.highlights) {
      const mine = localHighlights.get(id);
      const joinedAway = joined.has(id) && joined.get(id) === entity.fields.item?.v;
      if (!isVisible(entity) || joinedAway) {
        if (mine && (entity.deleted || joinedAway)) changes.removeHighlights.push(id);
        if (mine && joinedAway) changes.joinedAway = [...(changes.joinedAway ?? []), id];
        continue;
      }
      const highlight = highlightFromEntity(id, entity);
      const item = highlight && doc.get(entityKey(ITEM_KIND, highlight.itemId));
      // A kept item's highlights are stored with it (else the next observe reads them as deleted here).
      if (!highlight || !item || (!isVisible(item) && !kept.has(highlight.itemId))) continue;
      const values = highlightFieldValues(highlight);
      const mineValues = mine && highlightFieldValues(mine);
      // Blocks come with a new highlight and never change: ones this browser left out (a newer shape)
      // would otherwise be offered again at every sync.
      const differs = (mine: typeof values) => (field: HighlightFieldName) =>
        field !== 'blocks' && !sameJson(values[field].v, mine[field].v);
      if (!mineValues || HIGHLIGHT_FIELDS.some(differs(mineValues))) changes.putHighlights.push(highlight);
    } else if (kind === PREFERENCE_KIND) {
      const register = entity.fields[PREFERENCE_FIELD];
      const mine = snapshot.preferences[id];
      if (register && mine && !sameJson(register.v, mine.value)) changes.preferences[id] = register.v;
    }
  }
  return changes;
}
