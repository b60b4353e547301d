import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { SyncDocument } from '@/lib/sync/document';
import { bytesToText, textToBytes } from '@/lib/sync/text-codec';
import { packEntities, unpackEntities } from '@/lib/sync/wire-format';

/**
 * This browser's copy of the synced document as it stood after its last sync, kept between runs
 * (the local adapter stores the text, in `storage.local`). It is what tells a local edit from a
 * value that came from elsewhere, and a removal here from an item never seen; deleted items keep
 * their fields in it, which the area does not carry. With it, when this browser first synced: a
 * removal made before that is never sent as a removal of a page it never synced (local-state.ts).
 */
const REPLICA_VERSION = 1;

export interface Replica {
  doc: SyncDocument;
  /** When this browser's first sync (since its replica was last dropped) ran. */
  firstSyncAt: number;
}

export function encodeReplica({ doc, firstSyncAt }: Replica): string {
  const json = JSON.stringify({ v: REPLICA_VERSION, f: firstSyncAt, p: packEntities([...doc], { whole: true }) });
  return bytesToText(deflateSync(strToU8(json), { level: 6 }));
}

/**
 * The replica kept, or null when there is none or it cannot be read (sync then starts afresh). One
 * kept before the first sync's time was (no `f`) counts as first synced at `loadedAt`, the latest
 * time that can be: removals made before then stay this browser's own, which loses nothing.
 */
export function decodeReplica(text: string | null, loadedAt: number): Replica | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(strFromU8(inflateSync(textToBytes(text)))) as { v?: unknown; f?: unknown; p?: unknown };
    if (parsed.v !== REPLICA_VERSION) return null;
    const firstSyncAt = Number.isSafeInteger(parsed.f) && (parsed.f as number) >= 0 ? (parsed.f as number) : loadedAt;
    return { doc: new Map(unpackEntities(parsed.p)), firstSyncAt };
  } catch {
    return null;
  }
}
