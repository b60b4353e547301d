import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidePanelApp } from '@/components/side-panel/side-panel-app';
import { resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle, setNote } from '@/lib/db/items';
import { setSidePanelView } from '@/lib/side-panel/view';

beforeEach(() => resetDatabaseConnection());
afterEach(() => resetDatabaseConnection());

// Another browser learned an article from the blog and saved it; sync brings the saved item (its
// address, title, note), never what that browser learned. Opening it here said the article was
// "no longer in Shelf's library", with no way to read it or see the note that came with it.
describe('a saved article this browser’s catalog does not have', () => {
  it('opens as a saved page without a copy: its title, "Capture now" and its note', async () => {
    const url = 'https://webcoderspeed.com/blog/scaling/vector-clocks-explained';
    const item = await saveArticle({ id: 'vector-clocks-explained', title: 'Vector Clocks Explained', url });
    await setNote(item.id, 'synced from the laptop');
    await setSidePanelView({ kind: 'article', articleId: 'vector-clocks-explained' });
    render(<SidePanelApp />);
    expect(await screen.findByRole('heading', { name: 'Vector Clocks Explained' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Capture now' })).toBeTruthy();
    const notes = screen.getByRole('complementary', { name: 'Your annotations on this page' });
    expect((await within(notes).findByRole('textbox', { name: /note/i })).textContent).toBe('synced from the laptop');
    expect(screen.queryByText(/no longer in Shelf’s library/)).toBeNull();
    // Its title is the one level-1 heading: the brand beside Back is none there (QA pass: two).
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual([
      'Vector Clocks Explained',
    ]);
  });

  it('one never saved here is gone, and says so', async () => {
    await setSidePanelView({ kind: 'article', articleId: 'never-heard-of-it' });
    render(<SidePanelApp />);
    expect((await screen.findByRole('alert')).textContent).toBe('This article is no longer in Shelf’s library.');
  });
});

// QA pass: the side panel's reader had two level-1 headings, the brand beside Back and the article's title.
describe('the side panel’s one level-1 heading', () => {
  it('is the brand where the view has no title of its own, the title in the reader', async () => {
    await setSidePanelView({ kind: 'browse' });
    const { unmount } = render(<SidePanelApp />);
    await screen.findByRole('heading', { name: 'All articles by topic' });
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Shelf']);
    unmount();
    const item = await saveArticle({ id: 'wal', title: 'Write-Ahead Logs', url: null });
    await setSidePanelView({ kind: 'reader', itemId: item.id });
    render(<SidePanelApp />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Write-Ahead Logs' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('Shelf').tagName).toBe('P');
  });
});
