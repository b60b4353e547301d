import { sha256 } from '@noble/hashes/sha2.js';
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { concatBytes } from '@/lib/net/read-capped-body';
import type { Entity } from '@/lib/sync/document';
import { bytesToText, textToBytes } from '@/lib/sync/text-codec';
import { packEntities, unpackEntities, WireFormatError } from '@/lib/sync/wire-format';

/** Entities → compact JSON → deflate → text, the value of one `storage.sync` item. */
export function encodeChunk(entries: readonly (readonly [string, Entity])[]): string {
  return compress(JSON.stringify(packEntities(entries)));
}

function compress(json: string): string {
  return bytesToText(deflateSync(strToU8(json), { level: 9 }));
}

/**
 * Most a chunk may inflate to. A chunk is at most 8 KB (storage.sync's limit per item) and Shelf's
 * own JSON compresses a few times; a crafted one could inflate a thousandfold on every read.
 */
export const MAX_CHUNK_JSON_BYTES = 512 * 1024;

/** The entities of a chunk's text; throws WireFormatError when it does not decode. */
export function decodeChunk(text: string): [string, Entity][] {
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateCapped(textToBytes(text), MAX_CHUNK_JSON_BYTES)));
  } catch {
    throw new WireFormatError('a chunk does not decompress');
  }
  try {
    return unpackEntities(json);
  } catch (error) {
    if (error instanceof WireFormatError) throw error;
    // Anything else (a stack overflow on absurdly nested values) is a chunk Shelf cannot read, not
    // a crash of sync: the area is then unreadable, and repaired as the README says.
    throw new WireFormatError('a chunk holds data Shelf cannot read');
  }
}

function inflateCapped(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((part) => {
    size += part.length;
    if (size > maxBytes) throw new WireFormatError('a chunk inflates past its limit');
    parts.push(part);
  });
  inflate.push(bytes, true);
  return concatBytes(parts);
}

/** 64 bits of SHA-256 of a chunk's text, as 10 characters: the manifest names each chunk by it. */
export function chunkChecksum(text: string): string {
  return bytesToText(sha256(strToU8(text)).subarray(0, 8));
}

/**
 * `encodeChunk` with a memory of its last results, keyed by the chunk's JSON: planning a write
 * re-encodes the same chunks many times, and between two syncs most chunks do not change.
 */
export function createChunkEncoder(remember = 256): (entries: readonly (readonly [string, Entity])[]) => string {
  const memory = new Map<string, string>();
  return (entries) => {
    const json = JSON.stringify(packEntities(entries));
    let text = memory.get(json);
    if (text === undefined) {
      text = compress(json);
      if (memory.size >= remember) memory.delete(memory.keys().next().value as string);
    } else {
      memory.delete(json);
    }
    memory.set(json, text);
    return text;
  };
}
