import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const articles = JSON.parse(readFileSync('assets/data/articles.json', 'utf8')) as Array<{
  title: string;
  url: string | null;
}>;

const results = (popup: Page) => popup.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const searchBox = (popup: Page) => popup.getByRole('combobox', { name: 'Search articles' });

function recordNavigations(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => {
    if (request.isNavigationRequest()) urls.push(request.url());
  });
  return urls;
}

test('a misspelled query shows the right article first, with the match highlighted', async ({ openPopup }) => {
  const popup = await openPopup();
  await searchBox(popup).fill('thundring herd');
  const first = results(popup).first();
  await expect(first).toContainText('Thundering Herd on Service Restart');
  await expect(first.locator('mark').first()).toHaveText(/herd/i);
});

test('keyboard only: type, ↓, Enter opens the highlighted article in a new tab', async ({ context, openPopup }) => {
  const navigations = recordNavigations(context);
  const popup = await openPopup();
  await popup.keyboard.type('redis eviction cache');
  await expect(results(popup).first()).toHaveAttribute('aria-selected', 'true');
  await popup.keyboard.press('ArrowDown');
  const second = results(popup).nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(popup)).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id')) ?? '');
  const title = (await second.locator('.result-title').textContent()) ?? '';
  const article = articles.find((a) => a.title === title);
  expect(article, `result "${title}" is a bundled article`).toBeTruthy();
  const expectedUrl = article?.url ?? 'https://duckduckgo.com/';
  await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Enter').catch(() => {})]);
  await expect.poll(() => navigations.find((url) => url.startsWith(expectedUrl))).toBeTruthy();
});

test('topic and tag filters narrow the list', async ({ openPopup }) => {
  const popup = await openPopup();
  await searchBox(popup).fill('redis');
  await expect(results(popup).first()).toBeVisible();
  const unfiltered = await results(popup).count();
  await popup.getByLabel('Topic').selectOption({ label: 'Caching & Redis' });
  await expect.poll(() => results(popup).count()).toBeLessThan(unfiltered);
  for (const option of await results(popup).all()) await expect(option).toContainText('Caching & Redis');

  await popup.getByLabel('Topic').selectOption({ label: 'All topics' });
  await popup.getByLabel('Tag').selectOption({ value: 'idempotency' });
  await expect.poll(() => results(popup).count()).toBeGreaterThan(0);
  for (const option of await results(popup).all()) await expect(option).toContainText('idempotency');
});

test('reopening the popup restores the last query and its results', async ({ openPopup }) => {
  const first = await openPopup();
  await searchBox(first).fill('split brain');
  await expect(results(first).first()).toContainText('Split Brain');
  await first.close();
  const reopened = await openPopup();
  await expect(searchBox(reopened)).toHaveValue('split brain');
  await expect(results(reopened).first()).toContainText('Split Brain');
});

test('a reopened popup paints its restored results at once, then the app takes over the same page', async ({
  context,
  openPopup,
}) => {
  const first = await openPopup();
  await searchBox(first).fill('split brain');
  await expect(results(first).first()).toContainText('Split Brain');
  await first.close();

  // Recorded by the page from its first script on: the first-paint picture's results, and whether
  // the picture and the live popup were ever on the page together.
  await context.addInitScript(() => {
    const seen = { picture: [] as string[], inert: false, hidden: false, together: false };
    Object.assign(window, { __firstPaintSeen: seen });
    new MutationObserver(() => {
      const picture = document.querySelector('[data-first-paint]');
      if (picture && seen.picture.length === 0) {
        seen.picture = [...picture.querySelectorAll('.search-result')].map((option) => option.textContent ?? '');
        seen.inert = (picture as HTMLElement).inert;
        seen.hidden = picture.getAttribute('aria-hidden') === 'true';
      }
      if (picture && document.querySelector('#root [role="listbox"]')) seen.together = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const reopened = await openPopup();
  await expect(searchBox(reopened)).toHaveValue('split brain');
  await expect(results(reopened).first()).toContainText('Split Brain');
  await expect(reopened.locator('[data-first-paint]')).toHaveCount(0);
  await expect(reopened.getByRole('combobox')).toHaveCount(3); // the search box and the two filters
  const seen = await reopened.evaluate(
    () =>
      (
        window as unknown as {
          __firstPaintSeen: { picture: string[]; inert: boolean; hidden: boolean; together: boolean };
        }
      ).__firstPaintSeen,
  );
  expect(seen).toMatchObject({ inert: true, hidden: true });
  expect(seen.picture).toEqual(await results(reopened).allTextContents());
  expect(seen.together).toBe(false);
});

test('typing right after the popup opens is kept, even before the app has mounted', async ({
  context,
  extensionId,
}) => {
  // Recorded by the page: how many keys arrived before the live search box existed.
  await context.addInitScript(() => {
    const seen = { early: 0 };
    Object.assign(window, { __typingSeen: seen });
    document.addEventListener('keydown', () => {
      if (!document.querySelector('#root [role="combobox"]')) seen.early++;
    });
  });
  const popup = await context.newPage();
  // A slower machine: the app takes longer to load, as on a busy laptop.
  const cdp = await context.newCDPSession(popup);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'domcontentloaded' });
  await popup.keyboard.type('redis evict');
  await expect(searchBox(popup)).toHaveValue('redis evict');
  await expect(results(popup).first()).toContainText('Redis Eviction');
  const { early } = await popup.evaluate(() => (window as unknown as { __typingSeen: { early: number } }).__typingSeen);
  test.info().annotations.push({ type: 'keys typed before the app mounted', description: String(early) });
});

test('a query with no match suggests a correction', async ({ openPopup }) => {
  const popup = await openPopup();
  await searchBox(popup).fill('thndrng ');
  await expect(popup.getByRole('status')).toContainText('No articles match');
  const suggestion = popup.getByRole('button', { name: 'Did you mean “thundering”?' });
  await suggestion.click();
  await expect(searchBox(popup)).toHaveValue('thundering');
  await expect(results(popup).first()).toContainText('Thundering Herd');
});

test('an everyday query gets no results: articles sharing a word are only "Loosely related"', async ({ openPopup }) => {
  const popup = await openPopup();
  await searchBox(popup).fill('chess opening for black');
  await expect(popup.getByRole('status')).toHaveText('Loosely related');
  await expect(results(popup).first()).toContainText('Black Friday');
  await expect(popup.getByText(/Top \d+ results|Did you mean/)).toHaveCount(0);

  await searchBox(popup).fill('lemon cake recipe');
  await expect(popup.getByRole('status')).toContainText('No articles match');
  await expect(popup.getByRole('button', { name: /Did you mean/ })).toHaveCount(0);
  await expect(results(popup)).toHaveCount(0);
});
