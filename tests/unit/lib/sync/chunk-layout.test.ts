import { describe, expect, it } from 'vitest';
import { createChunkEncoder, decodeChunk } from '@/lib/sync/chunk-codec';
import { FILL, HASH_SPACE, keyHash, layOutChunks, validStarts } from '@/lib/sync/chunk-layout';
import { EMPTY_DOCUMENT, type Entity } from '@/lib/sync/document';
import { observeLocal } from '@/lib/sync/local-state';
import { realisticLibrary } from './realistic-library';

const CAPACITY = 8_000;
const entriesOf = (count: number, seed = 7) => [
  ...observeLocal(EMPTY_DOCUMENT, { items: realisticLibrary(count, { seed }), preferences: {} }, 'dev-a', 0),
];

describe('layOutChunks', () => {
  const encode = createChunkEncoder();
  const entries = entriesOf(300);
  const { chunks, tooLarge } = layOutChunks(entries, [], CAPACITY, encode);

  it('puts every entity in exactly one chunk, the chunk of its hash range, each within capacity', () => {
    expect(tooLarge).toEqual([]);
    expect(chunks.length).toBeGreaterThan(2);
    const seen = chunks.flatMap((chunk) => chunk.keys);
    expect(new Set(seen).size).toBe(entries.length);
    chunks.forEach((chunk, i) => {
      expect(chunk.text.length).toBeLessThanOrEqual(CAPACITY);
      const end = chunks[i + 1]?.start ?? HASH_SPACE;
      for (const key of chunk.keys) expect(keyHash(key)).toBeGreaterThanOrEqual(chunk.start);
      for (const key of chunk.keys) expect(keyHash(key)).toBeLessThan(end);
      expect(
        decodeChunk(chunk.text)
          .map(([key]) => key)
          .sort(),
      ).toEqual([...chunk.keys].sort());
    });
    expect(validStarts(chunks.map((c) => c.start))).not.toBeNull();
  });

  it('fills chunks to about FILL of an item, leaving room to grow', () => {
    const full = chunks.slice(0, -1).map((c) => c.text.length / CAPACITY);
    for (const share of full) expect(share).toBeGreaterThan(FILL * 0.8);
    for (const share of full) expect(share).toBeLessThanOrEqual(FILL);
  });

  it('started from the stored layout, an edit to one entity changes one chunk', () => {
    const starts = chunks.map((c) => c.start);
    const [key, entity] = entries[42]!;
    const edited: Entity = { ...entity, fields: { ...entity.fields, note: { v: 'edited', t: 99_000, d: 'dev-b' } } };
    const next = layOutChunks(
      entries.map((entry) => (entry[0] === key ? ([key, edited] as const) : entry)),
      starts,
      CAPACITY,
      encode,
    );
    expect(next.chunks.map((c) => c.start)).toEqual(starts);
    const changed = next.chunks.filter((c, i) => c.text !== chunks[i]!.text);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.keys).toContain(key);
  });

  it('a chunk that outgrows its item is cut; chunks that got nothing new stay as they are', () => {
    // New entities all in the first chunk's range: it overflows, the others get nothing.
    const extra = entriesOf(600, 11)
      .filter(([key]) => keyHash(key) < chunks[1]!.start)
      .slice(0, 40);
    const added = new Set(extra.map(([key]) => key));
    const grown = layOutChunks(
      [...entries, ...extra],
      chunks.map((c) => c.start),
      CAPACITY,
      encode,
    );
    expect(grown.chunks.length).toBeGreaterThan(chunks.length);
    let untouched = 0;
    for (const chunk of grown.chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(CAPACITY);
      const before = chunks.find((old) => old.start === chunk.start);
      if (!before || chunk.keys.some((key) => added.has(key))) continue;
      expect(chunk.text).toBe(before.text);
      untouched++;
    }
    expect(untouched).toBe(chunks.length - 1);
  });

  it('neighbours that fit together are joined when the library shrinks', () => {
    const starts = chunks.map((c) => c.start);
    const shrunk = layOutChunks(entries.slice(0, 40), starts, CAPACITY, encode);
    expect(shrunk.chunks.length).toBeLessThan(chunks.length);
    expect(shrunk.chunks.flatMap((c) => c.keys)).toHaveLength(40);
  });

  it('leaves out, and names, an entity too big for an item on its own', () => {
    const [key, entity] = entries[0]!;
    const noise = Array.from({ length: 4_000 }, (_, i) => ((i * 2_654_435_761) >>> 0).toString(36)).join('');
    const huge: Entity = {
      ...entity,
      fields: { ...entity.fields, note: { v: noise.slice(0, 20_000), t: 5_000, d: 'dev-a' } },
    };
    const result = layOutChunks([[key, huge], ...entries.slice(1, 20)], [], CAPACITY, encode);
    expect(result.tooLarge).toEqual([key]);
    expect(result.chunks.flatMap((c) => c.keys)).toHaveLength(19);
  });

  it('ignores a stored layout that does not tile the ring', () => {
    expect(validStarts([5, 10])).toBeNull();
    expect(validStarts([0, 10, 10])).toBeNull();
    expect(validStarts([0, HASH_SPACE])).toBeNull();
    expect(layOutChunks(entries.slice(0, 5), [0, 10, 10], CAPACITY, encode).chunks.map((c) => c.start)).toEqual([0]);
  });
});
