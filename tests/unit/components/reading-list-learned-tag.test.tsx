import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useListPlace } from '@/components/hooks/use-list-place';
import { ReadingListView } from '@/components/reading-list/reading-list-view';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
import { emptyDatabaseWithListBox } from '@/tests/unit/helpers/list-box';
import { saveLearnedArticle } from '../../fixtures/catalog-updates/learned-article';

/** Holds back the catalog's read of what was learned from the blog until the test lets it go. */
const overlayRead = vi.hoisted(() => ({ wait: Promise.resolve() }));
vi.mock('@/lib/catalog-updates/current-catalog', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/catalog-updates/current-catalog')>();
  return {
    ...real,
    loadEffectiveCatalog: async () => {
      await overlayRead.wait;
      return real.loadEffectiveCatalog();
    },
  };
});

beforeEach(async () => {
  await emptyDatabaseWithListBox();
  await saveLearnedArticle(1);
  await saveArticle({ id: 'a', title: 'Alpha article', url: null }, { db: getDatabase(), now: 2 });
});
afterEach(() => resetDatabaseConnection());

// Review: shown again (Back in the side panel), the list read its items before the catalog's learned
// articles, judged a learned article's tag gone, and dropped the filter for good, saying the tag
// was no longer held.
it('keeps a tag filter on a learned article’s tag while the catalog is still being read', async () => {
  function Panel({ listShown }: { listShown: boolean }) {
    const place = useListPlace();
    if (!listShown) return <p>An item opened from the list</p>;
    return <ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} onImport={vi.fn()} place={place} />;
  }
  const { rerender } = render(<Panel listShown />);
  await screen.findByRole('option', { name: 'causality' });
  fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'causality' } });
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));

  let release = () => {};
  overlayRead.wait = new Promise<void>((resolve) => {
    release = resolve;
  });
  rerender(<Panel listShown={false} />);
  rerender(<Panel listShown />);
  await screen.findByRole('heading', { name: 'Reading list (2)' }); // every item read, the catalog not yet
  await act(async () => {});
  expect(screen.queryByText(/any more/)).toBeNull();

  release();
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  expect(screen.getByRole('listitem').textContent).toContain('Vector Clocks');
  expect((screen.getByRole('combobox', { name: 'Tag' }) as HTMLSelectElement).value).toBe('causality');
  expect(screen.queryByText(/any more/)).toBeNull();
});
