import { expect, test } from './fixtures';

test('Find related on a selected paragraph opens the side panel with the right article first', async ({
  serviceWorker,
  openSidePanelPage,
}) => {
  const paragraph =
    'When a popular cache key expires, hundreds of concurrent requests miss the cache at the same moment and ' +
    'all of them query the database to rebuild the same value. The database is overwhelmed. Request ' +
    'coalescing, probabilistic early expiration and a lock around recomputation prevent this.';
  // Drive the very listener the menu uses: dispatch a click event inside the service worker.
  await serviceWorker.evaluate(async (selectionText) => {
    const [tab] = await chrome.tabs.query({});
    const info = { menuItemId: 'find-related', editable: false, selectionText, pageUrl: 'https://example.org/notes' };
    (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
  }, paragraph);
  const panel = await openSidePanelPage();
  const list = panel.getByRole('list', { name: 'Related articles' });
  await expect(list.getByRole('button').first()).toContainText('Cache Stampede');
  await expect(panel.getByText('Nothing in Shelf’s library is closely related')).toHaveCount(0);
});

test('the box on a blog article lists related articles that open their cards', async ({
  context,
  openSidePanelPage,
}) => {
  const page = await context.newPage();
  await page.goto('https://webcoderspeed.com/blog/scaling/thundering-herd-service-restart');
  const related = page.getByRole('complementary', { name: 'Shelf' }).getByRole('region', { name: 'Related articles' });
  await expect(related.getByRole('button')).toHaveCount(3);
  await expect(related).not.toContainText('Thundering Herd on Service Restart');
  const first = related.getByRole('button').first();
  const title = (await first.textContent()) ?? '';
  await first.click();
  const panel = await openSidePanelPage();
  await expect(panel.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(title);
});

test('on a blog page the catalog does not list, the box shows related articles by content', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://webcoderspeed.com/blog/scaling/cache-stampede'); // not in the catalog
  const box = page.getByRole('complementary', { name: 'Shelf: related articles' });
  await expect(box.getByRole('list').getByRole('button').first()).toContainText(/Cache Stampede|Thundering Herd/);
  await expect(page.locator('shelf-reading-now')).toHaveCount(0);
});
