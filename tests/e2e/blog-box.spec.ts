import { expect, saveFromPopup, test } from './fixtures';
import { blogBox } from './pages/blog-box';
import { getSidePanelView } from './pages/e2e-build';
import { getArticleProgress, scrollWithWheel } from './pages/reading';

const ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';

test('“Never on these sites” hides the blog’s box too, and reading progress is still kept', async ({
  context,
  extensionId,
  openPopup,
  openSidePanelPage,
}) => {
  const popup = await openPopup();
  await saveFromPopup(popup, 'cold start serverless', /Cold Start Latency/);
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/options.html`);
  await settings.getByLabel('Never show on').fill('webcoderspeed.com');
  await settings.getByRole('button', { name: 'Add site' }).click();
  const sites = settings.getByRole('list', { name: 'Sites where related articles never appear' });
  await expect(sites).toContainText('webcoderspeed.com');

  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(700); // the box would be up by now (it takes ~50 ms after DOMContentLoaded)
  await expect(page.locator('shelf-reading-now')).toHaveCount(0);
  await scrollWithWheel(page, 0.5);
  const panel = await openSidePanelPage();
  await expect
    .poll(async () => (await getArticleProgress(panel, ARTICLE_URL)).fraction ?? 0, { timeout: 10_000 })
    .toBeGreaterThan(0.45);

  await sites.getByRole('button', { name: 'Show again on webcoderspeed.com' }).click();
  await page.reload();
  await expect.poll(() => blogBox(page).isShown()).toBe(true);
});

test('the box works from the keyboard: Tab reaches its buttons, Enter presses them', async ({
  context,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  const box = blogBox(page);
  await expect.poll(() => box.isShown()).toBe(true);
  await box.tabTo('Show card in Shelf');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => getSidePanelView(serviceWorker))
    .toMatchObject({ kind: 'article', articleId: 'cold-start-latency' });
  await box.tabTo('Dismiss Shelf box');
  await page.keyboard.press('Enter');
  await expect(page.locator('shelf-reading-now')).toHaveCount(0);
});
