import { fnv1a } from '@/lib/hash/fnv1a';
import type { Entity } from '@/lib/sync/document';
import { packEntities } from '@/lib/sync/wire-format';

/**
 * Which entities go in which chunk. Each entity has a place on a ring of 2³² by a hash of its key,
 * and each chunk holds one contiguous range of it, named by where the range starts. Ranges are
 * filled to `FILL` of an item when they are cut, leaving room to grow; one that outgrows its item
 * is cut again, and neighbours that fit together are joined (`DENSE_FILL` when room is short). Starting from the layout already
 * stored keeps it: an edit to one item re-encodes one range, and only that chunk is written again.
 */
export const HASH_SPACE = 2 ** 32;
/** How full a chunk is made when ranges are cut or joined; the rest is room for growth. */
export const FILL = 0.85;
/** How full when room is short: more fits, and the library is not growing in the area anyway. */
export const DENSE_FILL = 0.97;

export interface LaidOutChunk {
  /** Where the chunk's range starts, in base 36 (it ends where the next one starts). */
  readonly start: number;
  readonly text: string;
  readonly keys: readonly string[];
}

type Entry = readonly [string, Entity];
interface Member {
  readonly entry: Entry;
  readonly hash: number;
  /** Its JSON size alone, to guess compressed sizes from. */
  readonly json: number;
}

/** Where a key falls in the hash space: FNV-1a over its UTF-16 units. */
export function keyHash(key: string): number {
  return fnv1a(key);
}

/** Range starts read from storage, or null unless they start at 0 and strictly increase. */
export function validStarts(starts: readonly number[]): readonly number[] | null {
  if (starts[0] !== 0) return null;
  for (let i = 1; i < starts.length; i++)
    if (
      !Number.isInteger(starts[i]) ||
      (starts[i] as number) <= (starts[i - 1] as number) ||
      (starts[i] as number) >= HASH_SPACE
    )
      return null;
  return starts;
}

/**
 * Lays `entries` out in chunks of at most `capacity` characters, starting from the ranges that
 * begin at `previousStarts`. `encode` turns a chunk's entries into its text. An entity too big for
 * a chunk on its own is left out and returned in `tooLarge`.
 */
export function layOutChunks(
  entries: readonly Entry[],
  previousStarts: readonly number[],
  capacity: number,
  encode: (entries: readonly Entry[]) => string,
  fill = FILL,
): { chunks: LaidOutChunk[]; tooLarge: string[] } {
  const members: Member[] = entries
    .map((entry) => ({ entry, hash: keyHash(entry[0]), json: jsonSize(entry) }))
    .sort((a, b) => a.hash - b.hash || (a.entry[0] < b.entry[0] ? -1 : 1));
  const text = (group: readonly Member[]) => (group.length === 0 ? '' : encode(group.map((m) => m.entry)));
  const starts = validStarts(previousStarts) ?? [0];
  const cutter = new Cutter(capacity, fill, text);
  let cursor = 0;
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? HASH_SPACE;
    const group: Member[] = [];
    while (cursor < members.length && (members[cursor] as Member).hash < end) group.push(members[cursor++] as Member);
    cutter.add(start, group);
  });
  const chunks = cutter.chunks;
  joinNeighbours(chunks, capacity * fill, text);
  return {
    chunks: chunks.map(({ start, group, text }) => ({ start, text, keys: group.map((m) => m.entry[0]) })),
    tooLarge: cutter.tooLarge,
  };
}

/** An entity's JSON size alone: what cutting estimates compressed sizes from. */
const jsonSizes = new WeakMap<Entity, number>();
function jsonSize([key, entity]: Entry): number {
  let size = jsonSizes.get(entity);
  if (size === undefined) {
    size = JSON.stringify(packEntities([[key, entity]])).length;
    jsonSizes.set(entity, size);
  }
  return size;
}

/** Compressed text rarely shrinks JSON more than this; a group beyond it surely needs cutting. */
const BEST_RATIO = 1 / 6;

interface Cut {
  start: number;
  group: Member[];
  text: string;
}

/** Appends ranges as chunks, cutting one that does not fit an item into several. */
class Cutter {
  readonly chunks: Cut[] = [];
  readonly tooLarge: string[] = [];
  /** Text length per JSON character, learned from what was encoded (a first guess before). */
  private ratio = 0.5;

  constructor(
    private readonly capacity: number,
    private readonly fillShare: number,
    private readonly text: (group: readonly Member[]) => string,
  ) {}

  add(start: number, group: Member[]): void {
    let from = start;
    let rest = group;
    for (;;) {
      const json = rest.reduce((sum, m) => sum + m.json, 0);
      if (json * BEST_RATIO <= this.capacity) {
        const whole = this.text(rest);
        if (whole.length <= this.capacity) {
          this.chunks.push({ start: from, group: rest, text: whole });
          return;
        }
      }
      let cut = this.fill(rest, this.capacity * this.fillShare);
      // Cut only between different hashes, so that a range boundary is a hash.
      while (cut > 0 && cut < rest.length && (rest[cut] as Member).hash === (rest[cut - 1] as Member).hash) cut--;
      if (cut === 0) {
        // The first entity does not fit an item on its own: leave it out.
        this.tooLarge.push((rest[0] as Member).entry[0]);
        rest = rest.slice(1);
        continue;
      }
      this.chunks.push({ start: from, group: rest.slice(0, cut), text: this.text(rest.slice(0, cut)) });
      from = (rest[cut] as Member).hash;
      rest = rest.slice(cut);
    }
  }

  /**
   * How many of `group`'s first members fill about `target` characters: guessed from JSON sizes,
   * checked by encoding, a few times at most. 1 when one member fits the item but not the target,
   * 0 when it does not fit at all.
   */
  private fill(group: readonly Member[], target: number): number {
    const prefixJson = [0];
    for (const m of group) prefixJson.push((prefixJson.at(-1) as number) + m.json);
    let fits = 0;
    let fails = group.length;
    for (let probes = 0; fails - fits > 1 && probes < 8; probes++) {
      let guess = fits;
      while (guess + 1 < fails && (prefixJson[guess + 1] as number) * this.ratio <= target) guess++;
      const count = probes < 4 ? Math.min(fails - 1, Math.max(fits + 1, guess)) : Math.floor((fits + fails) / 2);
      const length = this.text(group.slice(0, count)).length;
      this.ratio = length / (prefixJson[count] as number);
      if (length > target) {
        fails = count;
      } else {
        fits = count;
        if (length >= target * 0.95) break;
      }
    }
    if (fits === 0 && this.text(group.slice(0, 1)).length <= this.capacity) return 1;
    return fits;
  }
}

/** Joins neighbouring chunks whose entities fit together in `limit` characters. */
function joinNeighbours(chunks: Cut[], limit: number, text: (group: readonly Member[]) => string): void {
  for (let i = 0; i + 1 < chunks.length; ) {
    const a = chunks[i] as Cut;
    const b = chunks[i + 1] as Cut;
    if (a.text.length + b.text.length <= limit * 1.3) {
      const group = [...a.group, ...b.group];
      const joined = text(group);
      if (joined.length <= limit) {
        chunks.splice(i, 2, { start: a.start, group, text: joined });
        continue;
      }
    }
    i++;
  }
}
