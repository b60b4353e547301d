import { expect, test } from './fixtures';
import { blogBox, relatedBox } from './pages/blog-box';
import { findRelatedOnSelection } from './pages/side-panel';

const CACHE_STAMPEDE_PARAGRAPH =
  'When a popular cache key expires, hundreds of concurrent requests miss the cache at the same moment and ' +
  'all of them query the database to rebuild the same value. The database is overwhelmed. Request ' +
  'coalescing, probabilistic early expiration and a lock around recomputation prevent this.';

test('Find related on a selected paragraph opens the side panel with the right article first', async ({
  serviceWorker,
  openSidePanelPage,
}) => {
  await findRelatedOnSelection(serviceWorker, CACHE_STAMPEDE_PARAGRAPH, 'https://example.org/notes');
  const panel = await openSidePanelPage();
  const list = panel.getByRole('list', { name: 'Related articles' });
  await expect(list.getByRole('button').first()).toContainText('Cache Stampede');
  await expect(panel.getByText("Nothing in Shelf's library is closely related")).toHaveCount(0);
});

test('the box on a blog article lists related articles that open their cards', async ({
  context,
  openSidePanelPage,
}) => {
  const page = await context.newPage();
  await page.goto('https://webcoderspeed.com/blog/scaling/thundering-herd-service-restart');
  const box = blogBox(page);
  await expect.poll(() => box.buttonNames('Related articles')).toHaveLength(3);
  const related = await box.buttonNames('Related articles');
  expect(related.join('\n')).not.toContain('Thundering Herd on Service Restart');
  const title = related[0] ?? '';
  await box.click(title);
  const panel = await openSidePanelPage();
  await expect(panel.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(title);
});

test('on a blog page the catalog does not list, the box shows related articles by content', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://webcoderspeed.com/blog/scaling/cache-stampede'); // not in the catalog
  // The first article, after the box's close button.
  await expect.poll(async () => (await relatedBox(page).buttonNames())[1]).toMatch(/Cache Stampede|Thundering Herd/);
  await expect(page.locator('shelf-reading-now')).toHaveCount(0);
});

test('Back from a card opened from Find related’s results puts the focus on that result again', async ({
  serviceWorker,
  openSidePanelPage,
}) => {
  await findRelatedOnSelection(serviceWorker, CACHE_STAMPEDE_PARAGRAPH, 'https://example.org/notes');
  const panel = await openSidePanelPage();
  const results = panel.getByRole('list', { name: 'Related articles' }).getByRole('button');
  await expect(results.first()).toBeVisible();
  const opened = results.last();
  const title = (await opened.locator('.article-list-title').textContent()) ?? '';
  await opened.focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(title);
  await panel.getByRole('button', { name: 'Back', exact: true }).press('Enter');
  await expect(panel.getByRole('heading', { name: 'Related articles', level: 2 })).toBeVisible();
  await expect(results.filter({ hasText: title })).toBeFocused();
});

// QA pass: a second Find related while results were shown reused the list, and the focus fell on an
// entry in the middle of the new one: a screen reader said one title, not that a new lookup came.
test('a second Find related takes the focus to the new results’ heading, as the first did', async ({
  serviceWorker,
  openSidePanelPage,
}) => {
  await findRelatedOnSelection(serviceWorker, CACHE_STAMPEDE_PARAGRAPH, 'https://example.org/notes');
  const panel = await openSidePanelPage();
  const heading = panel.getByRole('heading', { name: 'Related articles', level: 2 });
  const results = panel.getByRole('list', { name: 'Related articles' }).getByRole('button');
  await expect(results.first()).toBeVisible();
  await results.last().focus();
  const backlog =
    'Our Kafka consumers fall behind during the evening peak and the consumer lag keeps growing until ' +
    'messages are processed hours late, so we need to scale partitions and consumers.';
  await findRelatedOnSelection(serviceWorker, backlog, 'https://example.org/kafka');
  await expect(panel.getByText(/Kafka consumers fall behind/)).toBeVisible();
  await expect(heading).toBeFocused();
});
