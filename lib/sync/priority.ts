import { RECENT_REMOVAL_MS } from '@/lib/db/removals';
import {
  compareStamps,
  type Entity,
  isVisible,
  latestChange,
  type Stamp,
  type SyncDocument,
  splitEntityKey,
} from '@/lib/sync/document';
import {
  HIGHLIGHT_KIND,
  hasTombstones,
  ITEM_KIND,
  PREFERENCE_KIND,
  QUEUE_STATUSES,
  UNCHOSEN_ITEM_FIELDS,
} from '@/lib/sync/entity-kinds';

/**
 * What syncs first when the library does not fit: preferences (always), deletions of the last 30
 * days (small, and they keep removed items from coming back), the reading queue (unread and
 * reading), other items, highlights, older deletions, then kinds this version does not know. Within each,
 * newest first: the item's last change, or the deletion's time. Deletions older than 180 days are
 * forgotten: a browser that has not synced for six months may bring such an item back.
 */
const DAY = 86_400_000;
/** As long as the database keeps the times of its removals (lib/db/removals.ts). */
export const RECENT_DELETION_MS = RECENT_REMOVAL_MS;
export const TOMBSTONE_LIFETIME_MS = 180 * DAY;

export const SyncPriority = {
  Preference: 0,
  RecentDeletion: 1,
  Queue: 2,
  OtherItem: 3,
  Highlight: 4,
  OldDeletion: 5,
  OtherKind: 6,
} as const;
export type SyncPriority = (typeof SyncPriority)[keyof typeof SyncPriority];

export function priorityOf(key: string, entity: Entity, now: number): SyncPriority {
  const { kind } = splitEntityKey(key);
  if (kind === PREFERENCE_KIND) return SyncPriority.Preference;
  if (kind !== ITEM_KIND && kind !== HIGHLIGHT_KIND) return SyncPriority.OtherKind;
  if (!isVisible(entity))
    return (entity.deleted?.t ?? 0) >= now - RECENT_DELETION_MS
      ? SyncPriority.RecentDeletion
      : SyncPriority.OldDeletion;
  if (kind === HIGHLIGHT_KIND) return SyncPriority.Highlight;
  const status = (entity.fields.status ?? UNCHOSEN_ITEM_FIELDS.status).v;
  return QUEUE_STATUSES.includes(status as string) ? SyncPriority.Queue : SyncPriority.OtherItem;
}

const NEVER: Stamp = { t: 0, d: '' };

/** The entities in the order they get room, most important first. */
export function rankEntities(doc: SyncDocument, now: number): [string, Entity][] {
  const ranked = [...doc].map(([key, entity]) => ({
    key,
    entity,
    priority: priorityOf(key, entity, now),
    when: (isVisible(entity) ? latestChange(entity) : entity.deleted) ?? NEVER,
  }));
  ranked.sort((a, b) => a.priority - b.priority || compareStamps(b.when, a.when) || (a.key < b.key ? -1 : 1));
  return ranked.map(({ key, entity }) => [key, entity]);
}

/** The document without items and highlights deleted longer ago than TOMBSTONE_LIFETIME_MS (and not edited since). */
export function dropExpiredDeletions(doc: SyncDocument, now: number): SyncDocument {
  const kept = new Map(doc);
  for (const [key, entity] of doc)
    if (
      hasTombstones(splitEntityKey(key).kind) &&
      !isVisible(entity) &&
      (entity.deleted?.t ?? 0) < now - TOMBSTONE_LIFETIME_MS
    )
      kept.delete(key);
  return kept;
}
