import { fireEvent, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleView } from '@/components/side-panel/article-view';
import { StorageGate } from '@/components/storage-gate';
import { createEffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { ARTICLES } from '@/lib/corpus/catalog';
import { resetDatabaseConnection } from '@/lib/db/database';
import { refusingIndexedDB } from '@/tests/unit/helpers/refusing-indexeddb';

/** The catalog users see with nothing learned from the blog yet. */
const catalog = createEffectiveCatalog(ARTICLES, []);

describe('an article’s card where Shelf’s database cannot be opened (Firefox’s private windows)', () => {
  const workingIndexedDB = Dexie.dependencies.indexedDB;
  beforeEach(() => {
    resetDatabaseConnection();
    Dexie.dependencies.indexedDB = refusingIndexedDB();
  });
  afterEach(() => {
    resetDatabaseConnection();
    Dexie.dependencies.indexedDB = workingIndexedDB;
  });

  it('still shows the bundled article and its related articles, and says why it cannot be saved', async () => {
    const article = catalog.byId('thundering-herd-service-restart')!;
    render(<ArticleView article={article} catalog={catalog} onSelect={vi.fn()} onTag={vi.fn()} onRead={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not open its storage.*InvalidStateError/);
    // Whatever the failed open does to the card's own reads of saved state, arriving just after.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.getByRole('article').textContent).toContain(article.title);
    expect(screen.getByRole('list', { name: 'Related to this article' }).children.length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Save to reading list' })).toBeNull();
  });

  it('never mounts what the storage gate holds, so its reads cannot fail during render', async () => {
    const Child = vi.fn(() => <p>reads the database</p>);
    render(
      <StorageGate>
        <Child />
      </StorageGate>,
    );
    await screen.findByRole('alert');
    expect(Child).not.toHaveBeenCalled();
  });
});

describe('the storage gate where the database opens', () => {
  // An empty library: run after "saving from the card" (shuffled), the article was saved, and its Save
  // button, replaced by Unsave, stayed disabled in the test's hands.
  beforeEach(async () => {
    resetDatabaseConnection();
    await Dexie.delete('shelf');
  });
  afterEach(() => resetDatabaseConnection());

  it('shows the controls of a bundled article once it has opened', async () => {
    render(
      <ArticleView
        article={catalog.byId('thundering-herd-service-restart')!}
        catalog={catalog}
        onSelect={vi.fn()}
        onTag={vi.fn()}
        onRead={vi.fn()}
      />,
    );
    const save = await screen.findByRole('button', { name: 'Save to reading list' });
    await vi.waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('saving from the card', () => {
  beforeEach(async () => {
    resetDatabaseConnection();
    await Dexie.delete('shelf');
  });
  afterEach(() => resetDatabaseConnection());

  // It said nothing, and the focus went with the button (QA pass).
  it('says it was saved, as the popup does, and takes the focus to Unsave, which replaced the button', async () => {
    const article = catalog.byId('thundering-herd-service-restart')!;
    render(<ArticleView article={article} catalog={catalog} onSelect={vi.fn()} onTag={vi.fn()} onRead={vi.fn()} />);
    const save = await screen.findByRole('button', { name: 'Save to reading list' });
    await vi.waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    const said = screen
      .getAllByRole('status')
      .find((status) => status.closest('.keep-controls') && !status.closest('.undo-bar'));
    save.focus();
    fireEvent.click(save);
    const unsave = await screen.findByRole('button', { name: 'Unsave' });
    await vi.waitFor(() => expect(said?.textContent).toBe(`Saved “${article.title}” to your reading list.`));
    expect(document.activeElement).toBe(unsave);
  });
  // QA pass: Undo of Unsave on a card said nothing: the line went with the item it brought back.
  it('says that Undo of Unsave saved the article again, in the Undo line', async () => {
    const article = catalog.byId('thundering-herd-service-restart')!;
    render(<ArticleView article={article} catalog={catalog} onSelect={vi.fn()} onTag={vi.fn()} onRead={vi.fn()} />);
    const save = await screen.findByRole('button', { name: 'Save to reading list' });
    await vi.waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(save);
    fireEvent.click(await screen.findByRole('button', { name: 'Unsave' }));
    const line = document.querySelector('.keep-controls .undo-bar[role=status]') as HTMLElement;
    await vi.waitFor(() => expect(line.textContent).toBe('Unsaved; your reading position is kept. Undo'));
    const undo = screen.getByRole('button', { name: 'Undo' });
    undo.focus();
    fireEvent.click(undo);
    const unsave = await screen.findByRole('button', { name: 'Unsave' }); // saved again
    expect(line.isConnected).toBe(true);
    expect(line.textContent).toBe('Undone: Saved again.');
    // Where the Save button would have left it: on Unsave (QA pass: it went on to the related articles).
    await vi.waitFor(() => expect(document.activeElement).toBe(unsave));
  });
});
