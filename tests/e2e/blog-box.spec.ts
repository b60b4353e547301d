import type { Page } from '@playwright/test';
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
    .poll(async () => (await getArticleProgress(panel, ARTICLE_URL)).fraction ?? 0, { timeout: 30_000 })
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
  // The page's last link, just before the box in the tab order: closing the box comes back to it.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: '#comments', textContent: 'Comments' });
    document.body.append(link);
  });
  await box.tabTo('Related (3)');
  await page.keyboard.press('Enter'); // opens the pill
  await box.tabTo('Show card in Shelf');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => getSidePanelView(serviceWorker))
    .toMatchObject({ kind: 'article', articleId: 'cold-start-latency' });
  // The button stays focused while and after it opens the panel (disabled, it dropped focus to <body>).
  await expect.poll(() => box.focusedControl()).toBe('Show card in Shelf');
  // Escape folds the box back to its pill, on its toggle; it does not close it.
  await page.keyboard.press('Escape');
  await expect.poll(() => box.focusedControl()).toBe('Related (3)');
  expect(await box.buttonNames()).not.toContain('Show card in Shelf');
  await expect(page.locator('shelf-reading-now')).toHaveCount(1);
  await box.tabTo('Dismiss Shelf box');
  await page.keyboard.press('Enter');
  await expect(page.locator('shelf-reading-now')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Comments' })).toBeFocused(); // not <body>
});

const OTHER_ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/thundering-herd-service-restart';

/** The box's own height on screen (its closed root opened to the test over DevTools, see revealToTests). */
async function boxHeight(page: Page): Promise<number> {
  await blogBox(page).revealToTests();
  return page.evaluate(
    () =>
      document.querySelector('shelf-reading-now')?.shadowRoot?.querySelector('aside')?.getBoundingClientRect().height ??
      -1,
  );
}

test('the box starts as a pill at most 64 px tall that opens on click; closing it is remembered for that article', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto(ARTICLE_URL);
  const box = blogBox(page);
  await expect.poll(() => box.buttonNames()).toEqual(['Dismiss Shelf box', 'Save to Shelf', 'Related (3)']);
  expect(await box.text()).toContain('Cold Start Latency');
  const pill = await boxHeight(page);
  expect(pill).toBeGreaterThan(20);
  expect(pill).toBeLessThanOrEqual(64);
  await box.click('Related (3)');
  await expect.poll(() => box.buttonNames('Related articles')).toHaveLength(3);
  expect(await boxHeight(page)).toBeGreaterThan(pill);

  await box.click('Dismiss Shelf box');
  await expect(page.locator('shelf-reading-now')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(700); // the box would be up by now (it takes ~50 ms after DOMContentLoaded)
  await expect(page.locator('shelf-reading-now')).toHaveCount(0);
  // Another article still has its box; Settings can bring the closed one back.
  await page.goto(OTHER_ARTICLE_URL);
  await expect.poll(() => blogBox(page).isShown()).toBe(true);
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/options.html`);
  await settings.getByRole('button', { name: 'Show the box there again' }).click();
  await expect(settings.getByRole('button', { name: 'Show the box there again' })).toHaveCount(0);
  await page.goto(ARTICLE_URL);
  await expect.poll(() => blogBox(page).isShown()).toBe(true);
});

test('“Save to Shelf” in the box saves the article and records reading progress at once, without a reload', async ({
  context,
  openSidePanelPage,
}) => {
  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  const box = blogBox(page);
  await expect.poll(() => box.buttonNames()).toContain('Save to Shelf');
  const panel = await openSidePanelPage();
  expect(await getArticleProgress(panel, ARTICLE_URL)).toEqual({ saved: false, fraction: null });

  await page.bringToFront();
  await box.click('Save to Shelf');
  await expect.poll(() => box.buttonNames()).toContain('Saved to Shelf');
  await expect.poll(async () => (await getArticleProgress(panel, ARTICLE_URL)).saved).toBe(true);
  await scrollWithWheel(page, 0.5);
  await expect
    .poll(async () => (await getArticleProgress(panel, ARTICLE_URL)).fraction ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(0.45);
});
