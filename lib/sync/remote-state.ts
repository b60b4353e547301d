import { chunkChecksum, decodeChunk } from '@/lib/sync/chunk-codec';
import { validStarts } from '@/lib/sync/chunk-layout';
import type { Entity, SyncDocument } from '@/lib/sync/document';
import { type LeftOutRecord, namesNoOne, readLeftOut } from '@/lib/sync/left-out';
import { WireFormatError } from '@/lib/sync/wire-format';
import { z } from '@/lib/zod/classic';

/**
 * What the sync area holds: a manifest item that names every chunk with its checksum, and the
 * chunks. A reader takes the state only when the manifest is of a version it knows and every chunk
 * it names is there with that checksum; otherwise it sets the whole state aside (a half-written
 * set — another browser writing at the same time — or a crash), and applies nothing of it.
 */
export const FORMAT_VERSION = 1;
export const MANIFEST_KEY = 'sync';
const CHUNK_PREFIX = 'sync.';

export function chunkKey(start: number): string {
  return CHUNK_PREFIX + start.toString(36);
}

export function isSyncKey(key: string): boolean {
  return key === MANIFEST_KEY || key.startsWith(CHUNK_PREFIX);
}

const manifestSchema = z.strictObject({
  v: z.literal(FORMAT_VERSION),
  /** The device that wrote it, and when (ms). */
  w: z.string().min(1).max(64),
  t: z.number().int().nonnegative(),
  /** Each chunk's range start (base 36) and checksum; "" for an empty range (no item stored). */
  c: z.array(z.tuple([z.string().regex(/^[0-9a-z]{1,7}$/), z.string().max(16)])).max(600),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function createManifest(
  deviceId: string,
  at: number,
  chunks: readonly { start: number; text: string }[],
): Manifest {
  return {
    v: FORMAT_VERSION,
    w: deviceId,
    t: at,
    c: chunks.map((c) => [c.start.toString(36), c.text ? chunkChecksum(c.text) : '']),
  };
}

export type RemoteState =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'ok';
      readonly doc: SyncDocument;
      readonly manifest: Manifest;
      /** Range starts of the stored layout, to start the next one from. */
      readonly starts: readonly number[];
      /** The devices the left-out record names (left-out.ts; whichever manifest it belongs to; none when there is none). */
      readonly highlightsLeftOutBy: readonly string[];
      /** Whether the area is known to hold every highlight of the libraries it was written from. */
      readonly highlightsComplete: boolean;
    }
  /** Written by a newer Shelf: left alone, and this browser does not write over it. */
  | { readonly kind: 'future'; readonly version: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * A manifest's version, as a newer Shelf would write it: a whole number, and not an absurd one. A
 * damaged one (1.5, 1e308) is an unreadable area, repaired in time, not a newer Shelf to wait for
 * forever (QA pass: "Update Shelf here to sync", with no such update).
 */
const LATEST_PLAUSIBLE_VERSION = 1_000;
const versionOnly = z.looseObject({ v: z.number().int().max(LATEST_PLAUSIBLE_VERSION) });

/** Reads the whole sync area (`storage.sync.get(null)`). */
export function readRemoteState(items: Readonly<Record<string, unknown>>): RemoteState {
  const raw = items[MANIFEST_KEY];
  if (raw === undefined) return { kind: 'empty' };
  const version = versionOnly.safeParse(raw);
  if (version.success && version.data.v > FORMAT_VERSION) return { kind: 'future', version: version.data.v };
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success) return { kind: 'unreadable', reason: 'its manifest is not in a format Shelf knows' };
  const starts = validStarts(manifest.data.c.map(([start]) => Number.parseInt(start, 36)));
  if (!starts) return { kind: 'unreadable', reason: 'its manifest lists chunks that do not tile the key space' };
  const doc = new Map<string, Entity>();
  for (const [i, [, checksum]] of manifest.data.c.entries()) {
    if (!checksum) continue;
    const start = starts[i] as number;
    const text = items[chunkKey(start)];
    if (typeof text !== 'string')
      return { kind: 'unreadable', reason: `chunk ${i + 1} of ${starts.length} is missing` };
    if (chunkChecksum(text) !== checksum)
      return { kind: 'unreadable', reason: `chunk ${i + 1} of ${starts.length} does not match its checksum` };
    try {
      for (const [key, entity] of decodeChunk(text)) {
        if (doc.has(key)) return { kind: 'unreadable', reason: 'two chunks hold the same entry' };
        doc.set(key, entity);
      }
    } catch (error) {
      if (!(error instanceof WireFormatError)) throw error;
      return { kind: 'unreadable', reason: `chunk ${i + 1} of ${starts.length}: ${error.message}` };
    }
  }
  const leftOut = readLeftOut(items, manifest.data);
  const highlightsLeftOutBy = leftOut.record?.h.map(([device]) => device) ?? [];
  const highlightsComplete = leftOut.current && namesNoOne(leftOut.record as LeftOutRecord);
  return { kind: 'ok', doc, manifest: manifest.data, starts, highlightsLeftOutBy, highlightsComplete };
}
