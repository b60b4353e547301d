import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { SyncDocument } from '@/lib/sync/document';
import { bytesToText, textToBytes } from '@/lib/sync/text-codec';
import { packEntities, unpackEntities } from '@/lib/sync/wire-format';

/**
 * This browser's copy of the synced document as it stood after its last sync, kept between runs
 * (the local adapter stores the text, in `storage.local`). It is what tells a local edit from a
 * value that came from elsewhere, and a removal here from an item never seen; deleted items keep
 * their fields in it, which the area does not carry.
 */
const REPLICA_VERSION = 1;

export function encodeReplica(doc: SyncDocument): string {
  const json = JSON.stringify({ v: REPLICA_VERSION, p: packEntities([...doc], { whole: true }) });
  return bytesToText(deflateSync(strToU8(json), { level: 6 }));
}

/** The document kept, or null when there is none or it cannot be read (sync then starts afresh). */
export function decodeReplica(text: string | null): SyncDocument | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(strFromU8(inflateSync(textToBytes(text)))) as { v?: unknown; p?: unknown };
    if (parsed.v !== REPLICA_VERSION) return null;
    return new Map(unpackEntities(parsed.p));
  } catch {
    return null;
  }
}
