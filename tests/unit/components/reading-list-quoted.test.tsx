import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadingListView } from '@/components/reading-list/reading-list-view';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle, setNote } from '@/lib/db/items';
import { getSnippetSources } from '@/lib/search/library-live';
import { emptyDatabaseWithListBox } from '@/tests/unit/helpers/list-box';

vi.mock('@/lib/search/library-live', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/search/library-live')>();
  return { ...actual, getSnippetSources: vi.fn(actual.getSnippetSources) };
});

const COUNT = 130;

beforeEach(async () => {
  await emptyDatabaseWithListBox();
  const db = getDatabase();
  for (let at = 0; at < COUNT; at++) {
    await saveArticle({ id: `runner-${at}`, title: `Runner ${at}`, url: null }, { db, now: at + 1 });
    await setNote(`article:runner-${at}`, `Starts in standalone mode, flag ${at}.`, { db, now: at + 1 });
  }
});
afterEach(() => resetDatabaseConnection());

// Red-team pass: a quoted phrase in the reading list's search had every item found read at once, copies
// and all, and looked through in one go on the page's main thread (found items are not capped: a quoted
// everyday word in a library of thousands read them all, again at each change of the index).
describe('the reading list’s search for a quoted phrase', () => {
  it('lists every item holding it, reading the items found a batch at a time', async () => {
    render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} onImport={vi.fn()} />);
    const search = await screen.findByRole('searchbox', { name: 'Search saved articles' });
    await screen.findByText(`${COUNT} shown`, {}, { timeout: 10_000 });
    vi.mocked(getSnippetSources).mockClear();
    fireEvent.change(search, { target: { value: '"standalone mode"' } });
    await waitFor(() => expect(getSnippetSources).toHaveBeenCalled());
    await screen.findByText(`${COUNT} shown`, {}, { timeout: 10_000 });
    const asked = vi.mocked(getSnippetSources).mock.calls.map(([ids]) => ids.length);
    expect(asked.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(COUNT);
    expect(Math.max(...asked)).toBeLessThanOrEqual(50);
  });
});
