import { describe, expect, it } from 'vitest';
import { withTopicOpen } from '@/lib/side-panel/browse-place';

describe('withTopicOpen', () => {
  it('opens and closes a group, and keeps the same set when nothing changes', () => {
    const none: ReadonlySet<string> = new Set();
    const open = withTopicOpen(none, 'databases', true);
    expect([...open]).toEqual(['databases']);
    expect(withTopicOpen(open, 'databases', true)).toBe(open);
    expect(withTopicOpen(open, 'ai', false)).toBe(open);
    expect([...withTopicOpen(open, 'databases', false)]).toEqual([]);
  });
});
