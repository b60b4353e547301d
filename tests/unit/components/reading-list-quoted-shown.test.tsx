import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ReadingListView } from '@/components/reading-list/reading-list-view';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { savePage } from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { capturedPage } from '@/tests/unit/helpers/captured-page';
import { emptyDatabaseWithListBox } from '@/tests/unit/helpers/list-box';

/** Holds back the read of the found items' copies (for a quoted phrase) until the test lets it go. */
const copies = vi.hoisted(() => ({ gate: Promise.resolve(), asked: 0, fail: false }));
vi.mock('@/lib/search/library-live', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/search/library-live')>();
  return {
    ...real,
    getSnippetSources: async (ids: readonly string[]) => {
      copies.asked++;
      await copies.gate;
      if (copies.fail) throw new Error('The database connection is closing.');
      return real.getSnippetSources(ids);
    },
  };
});

function holdCopies(): () => void {
  let release = () => {};
  copies.gate = new Promise((resolve) => {
    release = resolve;
  });
  return release;
}

const FILLER = 'Nothing here is about it. '.repeat(10);

beforeEach(async () => {
  await emptyDatabaseWithListBox();
  copies.gate = Promise.resolve();
  copies.asked = 0;
  copies.fail = false;
  const page = (slug: string, title: string, text: string) =>
    savePage(
      { url: `https://runtimes.test/${slug}`, title },
      capturedPage(`https://runtimes.test/${slug}`, title, text),
    );
  await page('wasm', 'WebAssembly outside the browser', `${FILLER} The runtime starts in standalone mode. ${FILLER}`);
  await page(
    'sre',
    'Failure drills',
    `${FILLER} Standalone services have failure modes; each mode is drilled. ${FILLER}`,
  );
});
afterEach(() => resetDatabaseConnection());

const titles = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((row) => row.textContent ?? '');

async function searchFor(text: string) {
  const search = await screen.findByRole('searchbox', { name: 'Search saved articles' });
  fireEvent.change(search, { target: { value: text } });
}

// While the copies were read for a quoted phrase, the list showed no row and said no saved article
// matched; now the rows shown before stay until the copies are read.
it('keeps the rows shown before while the copies are read for a quoted phrase, then lists those holding it', async () => {
  render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} onImport={vi.fn()} />);
  await searchFor('standalone');
  const list = await screen.findByRole('list', { name: 'Saved articles' });
  await waitFor(() => expect(titles(list)).toHaveLength(2)); // found by their copies: the library is read
  const release = holdCopies();
  await searchFor('"standalone mode"');
  // The list was drawn for the new text (its copies are asked for after): still the two rows, and no "No saved article".
  await waitFor(() => expect(copies.asked).toBe(1));
  expect(titles(screen.getByRole('list', { name: 'Saved articles' }))).toHaveLength(2);
  expect(screen.queryByText(/No saved article matches/)).toBeNull();
  release();
  await waitFor(() => expect(titles(screen.getByRole('list', { name: 'Saved articles' }))).toHaveLength(1));
  expect(titles(screen.getByRole('list', { name: 'Saved articles' }))[0]).toContain('WebAssembly outside the browser');
});

it('with no rows to keep, says it is searching the copies, not that nothing matches', async () => {
  render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} onImport={vi.fn()} />);
  await searchFor('standalone');
  await waitFor(() => expect(titles(screen.getByRole('list', { name: 'Saved articles' }))).toHaveLength(2));
  await searchFor('');
  const release = holdCopies();
  await searchFor('"standalone mode"');
  expect(await screen.findByText('Searching your saved copies for “standalone mode”…')).toBeTruthy();
  expect(screen.queryByText(/No saved article matches/)).toBeNull();
  release();
  await waitFor(() => expect(titles(screen.getByRole('list', { name: 'Saved articles' }))).toHaveLength(1));
});

// The copies could not be read: the rows of the search before stayed under the new text, as if they
// held the phrase, for as long as the list was open (no read was ever going to end the search).
it('when the copies cannot be read, lists what the titles hold instead of the rows of the search before', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} onImport={vi.fn()} />);
  await searchFor('standalone');
  await waitFor(() => expect(titles(screen.getByRole('list', { name: 'Saved articles' }))).toHaveLength(2));
  copies.fail = true;
  await searchFor('"standalone mode"');
  expect(await screen.findByText('No saved article matches “standalone mode” in this view.')).toBeTruthy();
  expect(screen.queryByRole('list', { name: 'Saved articles' })).toBeNull();
  expect(warn).toHaveBeenCalled();
});

const rowOf = (list: HTMLElement, title: RegExp) =>
  within(list)
    .getAllByRole('listitem')
    .find((row) => title.test(row.textContent ?? '')) as HTMLElement;
const marked = (list: HTMLElement) => [...list.querySelectorAll('mark')].map((mark) => mark.textContent?.toLowerCase());

// Review: a row's snippet kept the last search's passage while the next search's copies were read, and
// a page opened then opened there; a failed read kept it for good.
it("opens a page at this search's passage, never the last one's, while its copies are read", async () => {
  const onOpenPage = vi.fn();
  render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={onOpenPage} onImport={vi.fn()} />);
  await searchFor('standalone');
  const list = await screen.findByRole('list', { name: 'Saved articles' });
  await waitFor(() => expect(marked(list)).toContain('standalone'));
  const release = holdCopies();
  await searchFor('starts');
  await waitFor(() => expect(titles(list)).toHaveLength(1));
  await waitFor(() => expect(copies.asked).toBeGreaterThanOrEqual(2));
  fireEvent.click(within(rowOf(list, /WebAssembly/)).getByRole('button', { name: /WebAssembly/ }));
  const [, early] = onOpenPage.mock.calls.at(-1) ?? [];
  expect(early?.passage).toBeUndefined();
  expect(early?.terms).toContain('start');
  release();
  await waitFor(() => expect(marked(list)).toEqual(['starts']));
  fireEvent.click(within(rowOf(list, /WebAssembly/)).getByRole('button', { name: /WebAssembly/ }));
  expect(onOpenPage.mock.calls.at(-1)?.[1]?.passage).toContain('runtime starts in standalone mode');
});

it("shows no snippet of the last search when the next one's copies cannot be read", async () => {
  render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} onImport={vi.fn()} />);
  await searchFor('standalone');
  const list = await screen.findByRole('list', { name: 'Saved articles' });
  await waitFor(() => expect(marked(list)).toContain('standalone'));
  copies.fail = true;
  await searchFor('starts');
  await waitFor(() => expect(titles(list)).toHaveLength(1));
  await waitFor(() => expect(marked(list)).toEqual([]));
});

// Review: with a quoted phrase, every write to the saved items (a reader's progress) read the rows'
// copies again for their snippets.
it('reads the copies for snippets once per search, not again when an item changes', async () => {
  render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} onImport={vi.fn()} />);
  await searchFor('"standalone mode"');
  const list = await screen.findByRole('list', { name: 'Saved articles' });
  await waitFor(() => expect(marked(list).join(' ')).toContain('standalone mode'));
  const asked = copies.asked;
  const [wasm] = (await getDatabase().items.toArray()).filter((item) => item.title.startsWith('WebAssembly'));
  for (const [at, fraction] of [0.2, 0.4, 0.6].entries()) {
    await setProgress(
      (wasm as { id: string }).id,
      { fraction, anchor: { scrollFraction: fraction, scrollY: 1 } },
      { now: 10 + at },
    );
  }
  await waitFor(() => expect(rowOf(list, /WebAssembly/).textContent).toContain('60% read'));
  expect(copies.asked).toBe(asked);
});
