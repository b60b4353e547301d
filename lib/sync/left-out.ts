import { chunkChecksum } from '@/lib/sync/chunk-codec';
import { RECENT_DELETION_MS } from '@/lib/sync/priority';
import type { Manifest } from '@/lib/sync/remote-state';
import { z } from '@/lib/zod/classic';

/**
 * The browsers whose last write left some of their highlights out of the area (they did not fit:
 * highlights go after every item), kept beside the manifest as `{ m: checksum of the manifest
 * written with it, h: [device id, when it last said so (ms)], u?: since when (ms) the area may lack
 * highlights no one names }`. The area holds every highlight only when the record belongs to the
 * manifest there, names no one and has no `u`; anything else keeps removals of pages a browser
 * never synced from being sent (local-state.ts). Not a chunk key ("-" is not base 36).
 *
 * Each writer puts itself in or takes itself out, keeps the others, and writes `u` when it cannot
 * vouch for what the area held: no record of this manifest (an older Shelf's write empties a
 * `sync.` key it does not know; a list that arrived apart from its manifest; a damaged one), a
 * repaired area, or an area found empty under a library other browsers filled. Entries and `u`
 * last LEFT_OUT_LIFETIME_MS, as long as a removal may be sent blind: a listed browser says so again
 * at least every LEFT_OUT_REFRESH_MS, so only one that has not synced for that long drops out (its
 * highlights that never reached the area then no longer protect their pages), and a browser gone
 * for good ("Delete everything" makes a new id; uninstalled) stops holding the others back.
 *
 * Times are each writer's own clock, and clocks disagree: so an expired entry is dropped only by a
 * write made for another reason, never by a write of its own, and others' times are carried as
 * written. Two browsers whose clocks are days (or, for expiry, 30 days) apart then never rewrite
 * each other's entries back and forth; a far-future time only keeps removals off longer.
 *
 * Not closed: two browsers writing at once from the same read. The later write wins whole, and its
 * record lacks the other's entry until that browser syncs again (its write arriving makes it sync).
 */
export const LEFT_OUT_KEY = 'sync.left-out';
/** More writers than this leaving highlights out is far past any real use; the rest are not named. */
const MAX_LEFT_OUT = 64;
export const LEFT_OUT_LIFETIME_MS = RECENT_DELETION_MS;

/** Whether an entry (or `u`) written at `at` still counts at `now`. */
const isLive = (at: number, now: number) => at > now - LEFT_OUT_LIFETIME_MS;
export const LEFT_OUT_REFRESH_MS = 86_400_000;

const time = z.number().int().nonnegative();
const leftOutSchema = z.strictObject({
  m: z.string().max(16),
  h: z.array(z.tuple([z.string().min(1).max(64), time])).max(MAX_LEFT_OUT),
  u: time.optional(),
});
export type LeftOutRecord = z.infer<typeof leftOutSchema>;
/** A record before its manifest is known. */
export type LeftOutList = Omit<LeftOutRecord, 'm'>;

export function manifestChecksum(manifest: Manifest): string {
  return chunkChecksum(JSON.stringify([manifest.v, manifest.w, manifest.t, manifest.c]));
}

/** The record in `items`, if it reads, and whether it belongs to `manifest`. */
export function readLeftOut(
  items: Readonly<Record<string, unknown>>,
  manifest: Manifest | null,
): { record: LeftOutRecord | null; current: boolean } {
  const parsed = leftOutSchema.safeParse(items[LEFT_OUT_KEY]);
  const record = parsed.success ? parsed.data : null;
  return { record, current: record !== null && manifest !== null && record.m === manifestChecksum(manifest) };
}

/** Whether a record vouches for every highlight (expired entries still count: a writer drops them). */
export function namesNoOne(list: LeftOutList): boolean {
  return list.h.length === 0 && list.u === undefined;
}

/**
 * The list a write by `deviceId` carries: the others' live entries as written, this browser's own
 * when it `leavesOut`, and `u` kept while it lasts — or from now when `unknown`.
 */
export function nextLeftOut(
  stored: LeftOutRecord | null,
  unknown: boolean,
  deviceId: string,
  now: number,
  leavesOut: boolean,
): LeftOutList {
  const h: [string, number][] = (stored?.h ?? []).filter(([id, at]) => id !== deviceId && isLive(at, now));
  if (leavesOut) h.push([deviceId, now]);
  h.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const list: LeftOutList = { h: [...new Map(h)].slice(0, MAX_LEFT_OUT) };
  const u = unknown ? now : stored?.u !== undefined && isLive(stored.u, now) ? stored.u : undefined;
  if (u !== undefined) list.u = u;
  return list;
}

/**
 * Whether writing `next` changes what the area says (who is named, `u`; an expired entry or `u`
 * dropped does not count) or renews this browser's own entry (due every LEFT_OUT_REFRESH_MS, or
 * when it is dated ahead of this clock); and when the list next needs a write if nothing else
 * changes (this browser's entry due).
 */
export function leftOutChange(
  stored: { record: LeftOutRecord | null; current: boolean },
  next: LeftOutList,
  deviceId: string,
  now: number,
): { changed: boolean; recheckAt: number | null } {
  const said = (list: LeftOutList) =>
    JSON.stringify([
      list.h.filter(([id, at]) => id === deviceId || isLive(at, now)).map(([id]) => id),
      list.u !== undefined && isLive(list.u, now) ? list.u : null,
    ]);
  const own = stored.record?.h.find(([id]) => id === deviceId);
  const listed = next.h.some(([id]) => id === deviceId);
  const changed =
    !stored.current ||
    !stored.record ||
    said(stored.record) !== said(next) ||
    (listed && (!own || own[1] <= now - LEFT_OUT_REFRESH_MS || own[1] > now));
  const recheckAt = listed ? (changed ? now : (own as [string, number])[1]) + LEFT_OUT_REFRESH_MS : null;
  return { changed, recheckAt };
}
