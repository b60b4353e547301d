import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPopup, popupPage } from './pages/popup';

const articles = JSON.parse(readFileSync('assets/data/articles.json', 'utf8')) as Array<{
  title: string;
  url: string | null;
}>;

function recordNavigations(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => {
    if (request.isNavigationRequest()) urls.push(request.url());
  });
  return urls;
}

test('a misspelled query shows the right article first, with the match highlighted', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await popup.search('thundring herd');
  const first = popup.results.first();
  await expect(first).toContainText('Thundering Herd on Service Restart');
  await expect(first.locator('mark').first()).toHaveText(/herd/i);
});

test('keyboard only: type, ↓, Enter opens the highlighted article in a new tab', async ({ context, extensionId }) => {
  const navigations = recordNavigations(context);
  const popup = await openPopup(context, extensionId);
  await popup.page.keyboard.type('redis eviction cache');
  // None chosen until ↓: ↓ from the box chooses the first result (issue #3: "type, ↓, Enter opens the article").
  await expect(popup.results.nth(1)).toBeAttached();
  await expect(popup.results.first()).toHaveAttribute('aria-selected', 'false');
  await expect(popup.searchBox).not.toHaveAttribute('aria-activedescendant', /./);
  await popup.page.keyboard.press('ArrowDown');
  await popup.page.keyboard.press('ArrowDown');
  await popup.page.keyboard.press('ArrowUp');
  const first = popup.results.first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(popup.searchBox).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '');
  // QA pass: the chosen result stood out by a background 1.2:1 from the page's; an accent outline marks it.
  await expect(first).toHaveCSS('outline-style', 'solid');
  await expect(popup.results.nth(1)).toHaveCSS('outline-style', 'none');
  const title = (await first.locator('.result-title').textContent()) ?? '';
  const article = articles.find((a) => a.title === title);
  expect(article, `result "${title}" is a bundled article`).toBeTruthy();
  const expectedUrl = article?.url ?? 'https://duckduckgo.com/';
  await Promise.all([context.waitForEvent('page'), popup.page.keyboard.press('Enter').catch(() => {})]);
  await expect.poll(() => navigations.find((url) => url.startsWith(expectedUrl))).toBeTruthy();
});

test('topic and tag filters narrow the list', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.search('redis');
  await expect(popup.results.first()).toBeVisible();
  const unfiltered = await popup.results.count();
  await popup.topicFilter.selectOption({ label: 'Caching & Redis' });
  await expect.poll(() => popup.results.count()).toBeLessThan(unfiltered);
  for (const option of await popup.results.all()) await expect(option).toContainText('Caching & Redis');

  await popup.topicFilter.selectOption({ label: 'All topics' });
  await popup.tagFilter.selectOption({ value: 'idempotency' });
  await expect.poll(() => popup.results.count()).toBeGreaterThan(0);
  for (const option of await popup.results.all()) await expect(option).toContainText('idempotency');
});

test('reopening the popup restores the last query and its results', async ({ context, extensionId }) => {
  const first = await openPopup(context, extensionId);
  await first.search('split brain');
  await expect(first.results.first()).toContainText('Split Brain');
  await first.page.close();
  const reopened = await openPopup(context, extensionId);
  await expect(reopened.searchBox).toHaveValue('split brain');
  await expect(reopened.results.first()).toContainText('Split Brain');
  // Shown selected, as a find bar shows its last search: typing starts a new search.
  await expect(reopened.searchBox).toBeFocused();
  await reopened.page.keyboard.type('cache stampede');
  await expect(reopened.searchBox).toHaveValue('cache stampede');
  await expect(reopened.results.first()).toContainText('Cache Stampede');
});

test('a reopened popup paints its restored results at once, then the app takes over the same page', async ({
  context,
  extensionId,
}) => {
  const first = await openPopup(context, extensionId);
  await first.search('split brain');
  await expect(first.results.first()).toContainText('Split Brain');
  await first.page.close();

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
  const reopened = await openPopup(context, extensionId);
  await expect(reopened.searchBox).toHaveValue('split brain');
  await expect(reopened.results.first()).toContainText('Split Brain');
  await expect(reopened.page.locator('[data-first-paint]')).toHaveCount(0);
  await expect(reopened.page.getByRole('combobox')).toHaveCount(3); // the search box and the two filters
  const seen = await reopened.page.evaluate(
    () =>
      (
        window as unknown as {
          __firstPaintSeen: { picture: string[]; inert: boolean; hidden: boolean; together: boolean };
        }
      ).__firstPaintSeen,
  );
  expect(seen).toMatchObject({ inert: true, hidden: true });
  expect(seen.picture).toEqual(await reopened.results.allTextContents());
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
  const page = await context.newPage();
  // A slower machine: the app takes longer to load, as on a busy laptop.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'domcontentloaded' });
  const popup = popupPage(page);
  await popup.page.keyboard.type('redis evict');
  await expect(popup.searchBox).toHaveValue('redis evict');
  await expect(popup.results.first()).toContainText('Redis Eviction');
  const { early } = await popup.page.evaluate(
    () => (window as unknown as { __typingSeen: { early: number } }).__typingSeen,
  );
  test.info().annotations.push({ type: 'keys typed before the app mounted', description: String(early) });
});

test('a query with no match suggests a correction', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.search('thndrng ');
  await expect(popup.page.getByRole('status')).toContainText('No articles match');
  const suggestion = popup.page.getByRole('button', { name: 'Did you mean “thundering”?' });
  await suggestion.click();
  await expect(popup.searchBox).toHaveValue('thundering');
  await expect(popup.results.first()).toContainText('Thundering Herd');
  // The button went with the results it brought: the search box has the focus, and ↓ moves on.
  await expect(popup.searchBox).toBeFocused();
});

// QA: a topic holding no article on the query offered a correction of a word matched in other
// topics ("Did you mean “idempotent”?"), which led to the same empty list.
test('a topic filter that leaves nothing offers no correction that finds nothing there', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await popup.topicFilter.selectOption({ label: 'Career & leadership' });
  await popup.search('idempotnt ');
  await expect(popup.page.getByRole('status')).toContainText('No articles match');
  await expect(popup.page.getByRole('button', { name: /Did you mean/ })).toHaveCount(0);
  // Nor is a word matched nowhere whose correction is not in the topic either; in its topic it is.
  await popup.search('thndrng ');
  await expect(popup.page.getByRole('status')).toContainText('No articles match');
  await expect(popup.page.getByRole('button', { name: /Did you mean/ })).toHaveCount(0);
  await popup.topicFilter.selectOption({ label: 'Reliability & incidents' });
  await popup.page.getByRole('button', { name: 'Did you mean “thundering”?' }).click();
  await expect(popup.firstResult).toContainText(/Thundering Herd/i);
});

// A live region added already holding its text is often not announced: the popup's status line is
// there, empty, from the opening, and each search changes what it says.
test('the search’s status line is one live region, there from the opening, whose text changes', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  const status = popup.page.getByRole('status');
  await expect(status).toHaveText('');
  const line = await status.elementHandle();
  const stillThere = () => line?.evaluate((element) => element.isConnected);

  await popup.search('thundering herd');
  await expect(status).toHaveText(/^(Top 20 results|\d+ results?)$/);
  expect(await stillThere()).toBe(true);
  await popup.search('thndrng ');
  await expect(status).toContainText('No articles match “thndrng”.');
  expect(await stillThere()).toBe(true);
  await popup.search('chess opening for black');
  await expect(status).toHaveText('Loosely related');
  expect(await stillThere()).toBe(true);
  await popup.searchBox.press('Escape');
  await expect(status).toHaveText('');
  expect(await stillThere()).toBe(true);
});

test('keyboard: a topic chip hands the focus to the search box, and the results list is not a Tab stop', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.page.getByRole('heading', { level: 1, name: 'Shelf' })).toBeAttached();
  await popup.page.getByRole('button', { name: 'Caching & Redis' }).click();
  await expect(popup.firstResult).toBeAttached();
  await expect(popup.searchBox).toBeFocused();
  await popup.page.keyboard.press('ArrowDown');
  await expect(popup.firstResult).toHaveAttribute('aria-selected', 'true');
  await popup.page.keyboard.press('ArrowDown');
  await expect(popup.results.nth(1)).toHaveAttribute('aria-selected', 'true');

  // From the last filter, Tab goes to the highlighted result's buttons, not to the list itself
  // (the search box already moves through it), even when the list scrolls (Chrome makes a
  // scrolling box a Tab stop).
  await popup.topicFilter.selectOption({ label: 'All topics' });
  await popup.search('database');
  await expect(popup.results).toHaveCount(20);
  await popup.tagFilter.focus();
  await popup.page.keyboard.press('Tab');
  await expect(popup.page.getByRole('listbox', { name: 'Search results' })).not.toBeFocused();
  await expect(popup.openArticleButton).toBeFocused();
});

test('a question in plain words lists first the article its plain phrase names', async ({ context, extensionId }) => {
  // "users trick the chatbot" stands for prompt injection (lib/corpus/plain-words.ts); the query's own
  // words decide that there are results, the plain words which article comes first (finished: a space typed).
  const popup = await openPopup(context, extensionId);
  await popup.search('users trick the chatbot into ignoring its instructions ');
  await expect(popup.firstResult).toContainText('Prompt Injection Defense');
  await expect(popup.page.getByRole('status')).not.toHaveText('Loosely related');
});

test('an everyday query gets no results: articles sharing a word are only "Loosely related"', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await popup.search('chess opening for black');
  await expect(popup.page.getByRole('status')).toHaveText('Loosely related');
  await expect(popup.firstResult).toContainText('Black Friday');
  await expect(popup.page.getByText(/Top \d+ results|Did you mean/)).toHaveCount(0);

  await popup.search('lemon cake recipe');
  await expect(popup.page.getByRole('status')).toContainText('No articles match');
  await expect(popup.page.getByRole('button', { name: /Did you mean/ })).toHaveCount(0);
  await expect(popup.results).toHaveCount(0);
});
