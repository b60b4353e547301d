import { describe, expect, it } from 'vitest';
import type { SavedItem } from '@/lib/db/schema';
import { followCurrentRow, returnToRow } from '@/lib/reading-list/list-place';
import type { ListRow } from '@/lib/reading-list/list-query';

const row = (id: string): ListRow => ({ item: { id } as SavedItem, article: undefined, progress: 0 });
const rows = ['a', 'b', 'c', 'd'].map(row);

describe('the reading list’s current row, shown again', () => {
  it('is the row it was on, wherever that row is now', () => {
    expect(returnToRow(rows, 'c', 2)).toBe(2);
    expect(returnToRow([row('new'), ...rows], 'c', 2)).toBe(3); // saved meanwhile: first in the list
  });

  it('is at the same place when that row is gone (marked done, out of the queue), within the list', () => {
    expect(
      returnToRow(
        rows.filter((r) => r.item.id !== 'b'),
        'b',
        1,
      ),
    ).toBe(1);
    expect(returnToRow(rows.slice(0, 2), 'd', 3)).toBe(1);
    expect(returnToRow([], 'd', 3)).toBe(0);
    expect(returnToRow(rows, null, 0)).toBe(0);
  });
});

describe('the reading list’s current row, when the rows change under it', () => {
  const ids = (list: readonly ListRow[]) => list.map((r) => r.item.id);
  const without = (...gone: string[]) => rows.filter((r) => !gone.includes(r.item.id));

  it('stays on its item when rows before it leave the view or one is saved above it', () => {
    expect(followCurrentRow(rows, without('a', 'b'), 'd', 3)).toBe(1);
    expect(followCurrentRow(rows, [row('new'), ...rows], 'b', 1)).toBe(2);
  });

  it('goes to the next row still shown when its own item leaves, else to the nearest before it', () => {
    const after = without('b', 'c');
    expect(ids(after)[followCurrentRow(rows, after, 'b', 1)]).toBe('d');
    const end = without('c', 'd');
    expect(ids(end)[followCurrentRow(rows, end, 'd', 3)]).toBe('b');
    expect(followCurrentRow(rows, [], 'b', 1)).toBe(0);
  });

  it('leaves an item just acted on where it goes (to the top of a list sorted by change): the row after it is current', () => {
    const resorted = [row('c'), row('a'), row('b'), row('d')];
    expect(ids(resorted)[followCurrentRow(rows, resorted, 'c', 2, new Set(['c']))]).toBe('d');
    // The rows after it acted on too: the next one not acted on, else the nearest before it.
    expect(ids(resorted)[followCurrentRow(rows, resorted, 'c', 2, new Set(['c', 'd']))]).toBe('b');
  });
});
