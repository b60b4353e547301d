import { DENSE_FILL, FILL, type LaidOutChunk, layOutChunks } from '@/lib/sync/chunk-layout';
import { canonicalDocument, type Entity, isVisible, type SyncDocument, splitEntityKey } from '@/lib/sync/document';
import { HIGHLIGHT_KIND, ITEM_KIND, PREFERENCE_KIND } from '@/lib/sync/entity-kinds';
import {
  LEFT_OUT_KEY,
  type LeftOutList,
  leftOutChange,
  manifestChecksum,
  nextLeftOut,
  readLeftOut,
} from '@/lib/sync/left-out';
import { rankEntities } from '@/lib/sync/priority';
import { chromeItemBytes, SYNC_QUOTAS } from '@/lib/sync/quotas';
import { chunkKey, createManifest, isSyncKey, MANIFEST_KEY, type RemoteState } from '@/lib/sync/remote-state';
import { packEntities, transportForm } from '@/lib/sync/wire-format';

/**
 * What to write so that the sync area holds as much of `doc` as fits, most important first
 * (priority.ts), within Chrome's quotas — and what did not fit, for Settings to say.
 *
 * One `set` writes the chunks that changed, the new manifest with the list of browsers that left
 * highlights out (left-out.ts: this one when some of its highlights did not fit), and "" over
 * chunks the new layout no longer uses, so the area goes from one whole state to the next in one
 * write (Chrome applies a `set` all or nothing); a second operation removes those emptied keys.
 */
type Entry = readonly [string, Entity];
type Encoder = (entries: readonly Entry[]) => string;

/** Room kept free under QUOTA_BYTES, for the manifest growing between plans. */
const MARGIN = 256;
/** The longest chunk key plus the quotes of its JSON string. */
const CHUNK_CAPACITY = SYNC_QUOTAS.QUOTA_BYTES_PER_ITEM - chunkKey(2 ** 32 - 1).length - 2;

export interface FitReport {
  /** Saved items in the area / not in it (they stay on this browser). */
  items: { synced: number; notSynced: number };
  preferences: { synced: number };
  deletions: { synced: number; notSynced: number };
  /** Ids of items that did not fit, the most important first. */
  notSyncedItems: string[];
  /** Ids of items too big to sync even alone (a very long note). */
  tooLarge: string[];
  /**
   * Highlights in the area / not in it, too big ones included (they stay on this browser). Always
   * written; absent from a status an earlier version stored.
   */
  highlights?: { synced: number; notSynced: number };
  /** Bytes the area holds for Shelf after the write, and the most it may hold. */
  bytesUsed: number;
  bytesQuota: number;
}

export interface WritePlan {
  /** Whether the area lacks something `doc` would put there (otherwise nothing is written). */
  needed: boolean;
  /** False when not even an empty state fits: other data fills the area. */
  fits: boolean;
  set: Record<string, unknown>;
  remove: string[];
  /** What the area holds once the plan is written. */
  selected: SyncDocument;
  /** When to plan again even if nothing changes: this browser's entry in the left-out list is due for renewal. */
  recheckAt: number | null;
  report: FitReport;
}

function alone(entry: Entry, encode: Encoder): boolean {
  // Compressed text is never much longer than the JSON; only a long entity needs encoding to know.
  const json = JSON.stringify(packEntities([entry]));
  return json.length * 1.3 + 64 <= CHUNK_CAPACITY || encode([entry]).length <= CHUNK_CAPACITY;
}

/** Where Shelf's part of the area stands: others' keys and bytes, and its own keys. */
function areaUse(area: Readonly<Record<string, unknown>>) {
  let foreignBytes = 0;
  let foreignItems = 0;
  for (const [key, value] of Object.entries(area)) {
    if (isSyncKey(key)) continue;
    foreignBytes += chromeItemBytes(key, value);
    foreignItems++;
  }
  return { foreignBytes, foreignItems, ours: Object.keys(area).filter(isSyncKey) };
}

interface Candidate {
  chunks: LaidOutChunk[];
  bytes: number;
  items: number;
  set: Record<string, unknown>;
  remove: string[];
}

export function planWrite(input: {
  doc: SyncDocument;
  remote: RemoteState;
  area: Readonly<Record<string, unknown>>;
  deviceId: string;
  now: number;
  encode: Encoder;
}): WritePlan {
  const { doc, remote, area, deviceId, now, encode } = input;
  const use = areaUse(area);
  const budget = SYNC_QUOTAS.QUOTA_BYTES - use.foreignBytes - MARGIN;
  const itemBudget = SYNC_QUOTAS.MAX_ITEMS - use.foreignItems;
  const previousStarts = remote.kind === 'ok' ? remote.starts : [];

  const ranked: Entry[] = [];
  const tooLarge: string[] = [];
  /** How many of the ranked entries hold every highlight that fits alone. */
  let highlightsEnd = 0;
  let highlightTooLarge = false;
  for (const entry of rankEntities(doc, now)) {
    const highlight = isVisible(entry[1]) && splitEntityKey(entry[0]).kind === HIGHLIGHT_KIND;
    if (alone(entry, encode)) {
      ranked.push(entry);
      if (highlight) highlightsEnd = ranked.length;
    } else {
      tooLarge.push(entry[0]);
      highlightTooLarge ||= highlight;
    }
  }
  // Who left highlights out: kept from the area's record, unless the writer cannot vouch for it.
  const storedList = readLeftOut(area, remote.kind === 'ok' ? remote.manifest : null);
  const unknown =
    remote.kind === 'ok' ? !storedList.current : remote.kind !== 'empty' || fromOtherBrowsers(doc, deviceId);
  const leftOutLists = [false, true].map((leavesOut) =>
    nextLeftOut(storedList.record, unknown, deviceId, now, leavesOut),
  );
  const leftOut = (count: number): LeftOutList =>
    leftOutLists[highlightTooLarge || count < highlightsEnd ? 1 : 0] as LeftOutList;

  let fill = FILL;
  const candidate = (count: number): Candidate => {
    const { chunks } = layOutChunks(ranked.slice(0, count), previousStarts, CHUNK_CAPACITY, encode, fill);
    const stored = chunks.filter((c) => c.text);
    const manifest = createManifest(deviceId, now, chunks);
    const keep = new Set([MANIFEST_KEY, LEFT_OUT_KEY, ...stored.map((c) => chunkKey(c.start))]);
    const set: Record<string, unknown> = {};
    for (const c of stored) if (area[chunkKey(c.start)] !== c.text) set[chunkKey(c.start)] = c.text;
    set[MANIFEST_KEY] = manifest;
    set[LEFT_OUT_KEY] = { m: manifestChecksum(manifest), ...leftOut(count) };
    const emptied = use.ours.filter((key) => !keep.has(key) && area[key] !== '');
    for (const key of emptied) set[key] = '';
    const remove = use.ours.filter((key) => !keep.has(key));
    let bytes = 0;
    for (const key of [...keep, ...remove]) bytes += chromeItemBytes(key, key in set ? set[key] : area[key]);
    return { chunks, bytes, items: keep.size + remove.length, set, remove };
  };
  const fits = (c: Candidate) => c.bytes <= budget && c.items <= itemBudget;

  // Room for growth in each chunk while everything fits; packed tight once it does not.
  if (!fits(candidate(ranked.length))) fill = DENSE_FILL;
  const count = largestFittingCount(ranked.length, candidate, fits, budget);
  const chosen = candidate(count);
  const selectedEntries = ranked.slice(0, count);
  const selected = new Map(selectedEntries);
  // A change in who left highlights out is worth a write (see left-out.ts for the race it leaves).
  const listChange = leftOutChange(storedList, leftOut(count), deviceId, now);
  const needed =
    remote.kind === 'ok'
      ? selectedEntries.some(([key, entity]) => differs(key, entity, remote.doc)) || listChange.changed
      : remote.kind === 'unreadable' || selectedEntries.length > 0;
  return {
    needed,
    fits: fits(chosen),
    set: chosen.set,
    remove: chosen.remove,
    selected,
    recheckAt: listChange.recheckAt,
    report: fitReport(ranked, count, tooLarge, chosen.bytes),
  };
}

/** Whether `doc` holds anything another browser wrote: then it came through an area, not from here alone. */
function fromOtherBrowsers(doc: SyncDocument, deviceId: string): boolean {
  for (const entity of doc.values()) {
    if (entity.deleted && entity.deleted.d !== deviceId) return true;
    for (const register of Object.values(entity.fields)) if (register.d !== deviceId) return true;
  }
  return false;
}

function differs(key: string, entity: Entity, remote: SyncDocument): boolean {
  const theirs = remote.get(key);
  if (!theirs) return true;
  const one = (e: Entity) => canonicalDocument(new Map([[key, transportForm(key, e)]]));
  return one(entity) !== one(theirs);
}

/**
 * The most entities (in rank order) whose layout fits: all of them when they fit, otherwise a
 * search that guesses from the sizes seen so far (sizes grow about linearly) and halves the
 * interval when a guess does not narrow it enough. Deterministic, so browsers agree.
 */
function largestFittingCount(
  total: number,
  candidate: (count: number) => Candidate,
  fits: (c: Candidate) => boolean,
  budget: number,
): number {
  const all = candidate(total);
  if (fits(all)) return total;
  let lo = 0;
  let loBytes = candidate(0).bytes;
  let hi = total;
  let hiBytes = all.bytes;
  let bisect = false;
  while (hi - lo > 1) {
    const guess = bisect
      ? Math.floor((lo + hi) / 2)
      : lo + Math.floor(((hi - lo) * (budget - loBytes)) / Math.max(1, hiBytes - loBytes));
    const probe = Math.min(hi - 1, Math.max(lo + 1, guess));
    const width = hi - lo;
    const c = candidate(probe);
    if (fits(c)) {
      lo = probe;
      loBytes = c.bytes;
    } else {
      hi = probe;
      hiBytes = c.bytes;
    }
    bisect = !bisect && hi - lo > width / 2;
  }
  return lo;
}

function fitReport(ranked: readonly Entry[], count: number, tooLarge: string[], bytesUsed: number): FitReport {
  const highlights = {
    synced: 0,
    notSynced: tooLarge.filter((key) => splitEntityKey(key).kind === HIGHLIGHT_KIND).length,
  };
  const report: FitReport = {
    items: { synced: 0, notSynced: 0 },
    preferences: { synced: 0 },
    deletions: { synced: 0, notSynced: 0 },
    notSyncedItems: [],
    tooLarge: tooLarge.filter((key) => splitEntityKey(key).kind === ITEM_KIND).map((key) => splitEntityKey(key).id),
    highlights,
    bytesUsed,
    bytesQuota: SYNC_QUOTAS.QUOTA_BYTES,
  };
  ranked.forEach(([key, entity], index) => {
    const synced = index < count;
    const { kind, id } = splitEntityKey(key);
    if (kind === PREFERENCE_KIND && synced) report.preferences.synced++;
    if (kind === HIGHLIGHT_KIND && isVisible(entity)) highlights[synced ? 'synced' : 'notSynced']++;
    if (kind !== ITEM_KIND) return;
    if (!isVisible(entity)) {
      report.deletions[synced ? 'synced' : 'notSynced']++;
    } else if (synced) {
      report.items.synced++;
    } else {
      report.items.notSynced++;
      report.notSyncedItems.push(id);
    }
  });
  report.items.notSynced += report.tooLarge.length;
  return report;
}
