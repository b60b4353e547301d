import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chunkChecksum, createChunkEncoder, MAX_CHUNK_JSON_BYTES } from '@/lib/sync/chunk-codec';
import { EMPTY_DOCUMENT } from '@/lib/sync/document';
import { observeLocal } from '@/lib/sync/local-state';
import { MANIFEST_KEY, type Manifest, readRemoteState } from '@/lib/sync/remote-state';
import { bytesToText } from '@/lib/sync/text-codec';
import { planWrite } from '@/lib/sync/write-plan';
import { realisticLibrary } from './realistic-library';

/** Reading the area: whole and checked, or set aside with the reason. */
function writtenArea(count: number): Record<string, unknown> {
  const doc = observeLocal(EMPTY_DOCUMENT, { items: realisticLibrary(count), preferences: {} }, 'dev-a', 0);
  const plan = planWrite({
    doc,
    remote: { kind: 'empty' },
    area: {},
    deviceId: 'dev-a',
    now: 0,
    encode: createChunkEncoder(),
  });
  return structuredClone(plan.set);
}

describe('readRemoteState', () => {
  const area = writtenArea(200);
  const manifest = area[MANIFEST_KEY] as Manifest;

  it('reads a whole state', () => {
    const state = readRemoteState(area);
    expect(state.kind).toBe('ok');
    if (state.kind === 'ok') expect(state.doc.size).toBe(200);
    expect(manifest.c.length).toBeGreaterThan(1);
  });

  it('an empty area is empty', () => {
    expect(readRemoteState({ unrelated: 1 })).toEqual({ kind: 'empty' });
  });

  it('a newer format is named, not read', () => {
    expect(readRemoteState({ ...area, [MANIFEST_KEY]: { ...manifest, v: 3, c: 'changed shape' } })).toEqual({
      kind: 'future',
      version: 3,
    });
  });

  it('a damaged version is an unreadable area, not a newer format', () => {
    for (const v of [1.5, 1e308, -2])
      expect(readRemoteState({ ...area, [MANIFEST_KEY]: { ...manifest, v } })).toMatchObject({ kind: 'unreadable' });
  });

  const unreadable: [string, Record<string, unknown>, RegExp][] = [
    ['a manifest out of shape', { ...area, [MANIFEST_KEY]: { v: 1 } }, /manifest is not in a format/],
    [
      'ranges that do not tile the ring',
      { ...area, [MANIFEST_KEY]: { ...manifest, c: [...manifest.c].reverse() } },
      /do not tile/,
    ],
    [
      'a missing chunk',
      Object.fromEntries(Object.entries(area).filter(([key]) => key !== `sync.${manifest.c[1]![0]}`)),
      /chunk 2 of \d+ is missing/,
    ],
    [
      'a chunk from another write',
      { ...area, [`sync.${manifest.c[0]![0]}`]: area[`sync.${manifest.c[1]![0]}`] },
      /chunk 1 of \d+ does not match its checksum/,
    ],
  ];
  for (const [what, broken, reason] of unreadable)
    it(`sets the state aside for ${what}`, () => {
      const state = readRemoteState(broken);
      expect(state.kind).toBe('unreadable');
      if (state.kind === 'unreadable') expect(state.reason).toMatch(reason);
    });
});

describe('a crafted chunk (red-team findings) is unreadable, never a crash or a memory bomb', () => {
  /** An area of one chunk holding this JSON, with a valid manifest and checksum. */
  function areaOf(json: string): Record<string, unknown> {
    const text = bytesToText(deflateSync(strToU8(json), { level: 9 }));
    return { [MANIFEST_KEY]: { v: 1, w: 'dev-x', t: 1, c: [['0', chunkChecksum(text)]] }, 'sync.0': text };
  }

  it('a value nested 10,000 levels deep (it overflowed the stack, which sync did not survive)', () => {
    const nested = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const state = readRemoteState(areaOf(`{"b":0,"d":["x"],"g":[["zz:a",null,{"value":[${nested},0,0]}]]}`));
    expect(state).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/chunk 1 of 1/) });
  });

  it('a few kilobytes that inflate to megabytes', () => {
    const json = `{"b":0,"d":["x"],"g":[["zz:a",null,{"value":["${'a'.repeat(8_000_000)}",0,0]}]]}`;
    const area = areaOf(json);
    expect((area['sync.0'] as string).length).toBeLessThan(MAX_CHUNK_JSON_BYTES / 10);
    expect(readRemoteState(area)).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/decompress/) });
  });
});
