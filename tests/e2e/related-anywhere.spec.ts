import { type BrowserContext, expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { relatedBox } from './pages/blog-box';
import { type E2eBrowser, launchE2eBuild } from './pages/e2e-build';

/**
 * "Related articles on other sites" is opt-in through optional host permissions, and a headless
 * test cannot click the browser's permission prompt. The e2e build (`wxt build --mode e2e`) grants
 * http://127.0.0.1/* up front instead — the state after the user said yes — so these tests run the
 * real registration (scripting.registerContentScripts) and the real content script.
 */
let browser: E2eBrowser;
let context: BrowserContext;
let origin: string;

test.beforeAll(async () => {
  // The e2e build, launched once for this file: it waits until onInstalled has registered the script.
  browser = await launchE2eBuild();
  ({ context, origin } = browser);
});

test.afterAll(async () => {
  await browser?.close();
});

test('shows the related-articles box on a page about cache stampedes, in a closed shadow root', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/related/cache-stampede.html`);
  const box = relatedBox(page);
  // The first article, after the box's close button.
  await expect.poll(async () => (await box.buttonNames())[1]).toMatch(/Cache Stampede|Thundering Herd/);
  expect(await page.locator('shelf-related').evaluate((host) => host.shadowRoot)).toBeNull();
  // The page's own DOM holds no text of ours.
  expect(await page.evaluate(() => document.body.textContent?.includes('Related articles'))).toBe(false);
  await box.revealToTests();
  await expectNoSeriousA11yViolations(page, 'shelf-related');
  // Not printed with the page (QA pass: it printed over the page's last lines).
  const hostDisplay = () => page.locator('shelf-related').evaluate((host) => getComputedStyle(host).display);
  await page.emulateMedia({ media: 'print' });
  expect(await hostDisplay()).toBe('none');
  await page.emulateMedia({ media: 'screen' });
  expect(await hostDisplay()).not.toBe('none');

  // Escape on any of its buttons closes it (QA pass: only its × did).
  const firstArticle = (await box.buttonNames())[1] ?? '';
  await box.tabTo(firstArticle);
  await page.keyboard.press('Escape');
  await expect(page.locator('shelf-related')).toHaveCount(0);
});

test('reads a text file the browser shows as a page (text/plain: notes, an RFC) and shows the box on it', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/related/retry-notes.txt`);
  // The browser's own view of the file: one <pre>, which the extractor skips on an HTML page as code.
  expect(await page.evaluate(() => [document.contentType, document.body.firstElementChild?.tagName])).toEqual([
    'text/plain',
    'PRE',
  ]);
  const box = relatedBox(page);
  await expect.poll(async () => (await box.buttonNames())[1]).toMatch(/Retry Storms/);
  await box.click('Dismiss related articles');
  await expect(page.locator('shelf-related')).toHaveCount(0);
});

test('stays silent on an unrelated page', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/related/lemon-cake.html`);
  await expect(page.getByRole('heading', { name: 'Lemon and almond cake' })).toBeVisible();
  await page.waitForTimeout(800); // extraction + one round trip to the service worker
  await expect(page.locator('shelf-related')).toHaveCount(0);
});

test('hostile page CSS neither changes the box nor is changed by it', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/related/hostile-css.html`);
  await expect.poll(() => relatedBox(page).isShown()).toBe(true);
  await relatedBox(page).revealToTests();
  // In the page's own world, where revealToTests opened the root: Playwright's locators query from
  // an isolated world, which does not see that property. (The page's `all: unset` also leaves the
  // host without a role, so the box is found by its tag.)
  const styles = await page.evaluate(() => {
    const link = document.querySelector('shelf-related')?.shadowRoot?.querySelector('.shelf-box-link');
    const aside = link?.closest('aside');
    if (!link || !aside) return null;
    return {
      fontSize: getComputedStyle(link).fontSize,
      position: getComputedStyle(aside).position,
      width: getComputedStyle(aside).width,
    };
  });
  expect(styles).toEqual({ fontSize: '13px', position: 'fixed', width: '300px' });
  const paragraph = await page
    .locator('main p')
    .first()
    .evaluate((p) => getComputedStyle(p).fontSize);
  expect(paragraph).toBe('64px');
});

test(`"Don't show on this site" hides the box here from then on`, async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/related/cache-stampede.html`);
  const box = relatedBox(page);
  await expect.poll(() => box.isShown()).toBe(true);
  await box.click("Don't show on this site");
  await expect(page.locator('shelf-related')).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(800);
  await expect(page.locator('shelf-related')).toHaveCount(0);
});

test('the box animates in only when the system allows motion', async () => {
  // An earlier test hid the box on this host.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => chrome.storage.local.remove('relatedHiddenSites'));
  const animationsOnBox = async (reducedMotion: 'reduce' | 'no-preference') => {
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion });
    await page.goto(`${origin}/related/cache-stampede.html`);
    await expect.poll(() => relatedBox(page).isShown()).toBe(true);
    await relatedBox(page).revealToTests();
    const names = await page
      .locator('shelf-related')
      .evaluate((host) =>
        [...(host.shadowRoot?.querySelectorAll('*') ?? [])].map((element) => getComputedStyle(element).animationName),
      );
    await page.close();
    return names.filter((name) => name !== 'none');
  };
  expect(await animationsOnBox('no-preference')).toContain('shelf-fade-in');
  expect(await animationsOnBox('reduce')).toEqual([]);
});
