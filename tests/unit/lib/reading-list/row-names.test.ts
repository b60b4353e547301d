import { describe, expect, it } from 'vitest';
import { rowNames } from '@/lib/reading-list/row-names';

describe('rowNames', () => {
  it('names a row by its title, adding its site, then its place, only where another row shares them', () => {
    const names = rowNames([
      { id: 'a', title: 'Home', url: 'https://www.one.example/' },
      { id: 'b', title: 'Sizing pools', url: 'https://one.example/pools' },
      { id: 'c', title: 'Home', url: 'https://two.example/' },
      { id: 'd', title: 'Home', url: 'https://two.example/start' },
      { id: 'e', title: 'Untitled', url: null },
      { id: 'f', title: 'Untitled', url: null },
    ]);
    expect([...names.values()]).toEqual([
      'Home (one.example)',
      'Sizing pools',
      'Home (two.example) (1st)',
      'Home (two.example) (2nd)',
      'Untitled (1st)',
      'Untitled (2nd)',
    ]);
  });
});
