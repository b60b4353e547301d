import { describe, expect, it } from 'vitest';
import { createAreaWriter } from '@/lib/sync/area-writer';
import type { SyncArea } from '@/lib/sync/sync-area';
import { createWriteLimiter } from '@/lib/sync/write-limiter';
import type { WritePlan } from '@/lib/sync/write-plan';

const timing = { minuteBackoff: 61_000, hourBackoff: 600_000, maxBackoff: 3_600_000, retryDelay: 60_000 };
const plan = (set: Record<string, unknown>, remove: string[] = []) => ({ set, remove }) as unknown as WritePlan;

function areaFailing(messages: (string | null)[]): SyncArea & { sets: number; removes: string[][] } {
  const area = {
    sets: 0,
    removes: [] as string[][],
    get: async () => ({}),
    async set() {
      const message = messages[area.sets++];
      if (message) throw new Error(message);
    },
    async remove(keys: string[]) {
      area.removes.push(keys);
    },
    onChanged: { addListener() {}, removeListener() {} },
  };
  return area;
}

describe('createAreaWriter', () => {
  it('backs off a minute after MAX_WRITE_OPERATIONS_PER_MINUTE, doubling while refused, and resets after a write', async () => {
    const minute = 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
    const area = areaFailing([minute, minute, null, minute]);
    const writer = createAreaWriter(area, createWriteLimiter(), timing);
    expect(await writer.write(plan({ a: 1 }), 0)).toMatchObject({
      kind: 'refused',
      retryAt: 61_000,
      problem: { kind: 'rate' },
    });
    expect(await writer.write(plan({ a: 1 }), 30_000)).toEqual({ kind: 'waiting', until: 61_000 });
    expect(area.sets).toBe(1);
    expect(await writer.write(plan({ a: 1 }), 61_000)).toMatchObject({ kind: 'refused', retryAt: 61_000 + 122_000 });
    expect(await writer.write(plan({ a: 1 }), 183_000)).toEqual({ kind: 'written' });
    expect(await writer.write(plan({ a: 2 }), 184_000)).toMatchObject({ retryAt: 184_000 + 61_000 });
  });

  it('a refusal for room is retried after the retry delay, and says which quota', async () => {
    const writer = createAreaWriter(areaFailing(['QUOTA_BYTES quota exceeded']), createWriteLimiter(), timing);
    const outcome = await writer.write(plan({ a: 1 }), 5);
    expect(outcome).toMatchObject({ kind: 'refused', retryAt: 60_005, problem: { kind: 'quota' } });
    expect(outcome.kind === 'refused' && outcome.problem.message).toContain('QUOTA_BYTES quota exceeded');
  });

  it('removes emptied keys after the write, and knows its own changes when they come back', async () => {
    const area = areaFailing([]);
    const writer = createAreaWriter(area, createWriteLimiter(), timing);
    await writer.write(plan({ sync: { v: 1 }, 'sync.1': 'text', 'sync.2': '' }, ['sync.2']), 0);
    expect(area.removes).toEqual([['sync.2']]);
    expect(writer.isFromElsewhere({ sync: { newValue: { v: 1 } }, 'sync.2': { oldValue: '' } })).toBe(false);
    expect(writer.isFromElsewhere({ sync: { newValue: { v: 2 } } })).toBe(true);
    expect(writer.isFromElsewhere({ 'sync.9': { newValue: 'x' } })).toBe(true);
    expect(writer.isFromElsewhere({ unrelated: { newValue: 1 } })).toBe(false);
  });
});
