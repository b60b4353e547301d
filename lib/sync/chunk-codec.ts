import { sha256 } from '@noble/hashes/sha2.js';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
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

/** The entities of a chunk's text; throws WireFormatError when it does not decode. */
export function decodeChunk(text: string): [string, Entity][] {
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateSync(textToBytes(text))));
  } catch {
    throw new WireFormatError('a chunk does not decompress');
  }
  return unpackEntities(json);
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
