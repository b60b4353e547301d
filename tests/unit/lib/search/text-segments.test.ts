import { describe, expect, it } from 'vitest';
import { analyzeFieldAt } from '@/lib/search/text';
import { holdsWordsNear, SEGMENT_CHARS, segmentMasks, TEXT_SEGMENTS } from '@/lib/search/text-segments';

const words = (count: number) => 'lorem '.repeat(count);

describe('segments of a text', () => {
  it('puts a word in the segment of its place, segments widening past 32 of the shortest', () => {
    const short = segmentMasks(analyzeFieldAt(`kettle ${words(SEGMENT_CHARS / 6)}teapot`));
    expect(short.get('kettl')).toBe(1);
    expect(short.get('teapot')).toBe(2);
    // A text of 64 shortest segments: each segment is two of them, and the last word is in the last.
    const long = segmentMasks(analyzeFieldAt(`kettle ${words((SEGMENT_CHARS / 6) * TEXT_SEGMENTS * 2 - 2)}teapot`));
    expect(long.get('kettl')).toBe(1);
    expect(long.get('teapot')).toBe(1 << (TEXT_SEGMENTS - 1));
  });

  it('holds words near in one segment or two neighbouring ones: three quarters of them, two at least', () => {
    expect(holdsWordsNear([1, 1])).toBe(true);
    expect(holdsWordsNear([1, 2])).toBe(true);
    expect(holdsWordsNear([1, 4])).toBe(false);
    expect(holdsWordsNear([1 << 30, 1 << 31])).toBe(true);
    // All of three: two near and one far is not enough; three of four is.
    expect(holdsWordsNear([1, 1, 1 << 20])).toBe(false);
    expect(holdsWordsNear([1 << 20, 1, 1 << 21, 1 << 20])).toBe(true);
    expect(holdsWordsNear([1 << 20, 1, 1 << 25, 1 << 20])).toBe(false);
  });
});
