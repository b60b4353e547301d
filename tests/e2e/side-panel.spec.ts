import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { omnivoreZip } from './helpers/library-files';
import { openPopup } from './pages/popup';
import { openSidePanel } from './pages/side-panel';

test('a card’s tags lead to the articles with that tag, and Back returns to the card', async ({
  context,
  extensionId,
}) => {
  const panel = await openSidePanel(context, extensionId);
  await panel.openCard('Caching & Redis', /Cache Stampede/);
  await panel.card.getByRole('list', { name: 'Tags' }).getByRole('button', { name: 'ttl' }).click();
  await expect(panel.page.getByRole('heading', { name: 'Articles tagged “ttl”' })).toBeVisible();
  await expect(panel.page.getByRole('list', { name: 'Tagged ttl' }).getByRole('button').first()).toBeVisible();
  await panel.backButton.click();
  await expect(panel.cardTitle).toHaveText(/Cache Stampede/);
  await panel.backButton.click();
  await expect(panel.page.getByRole('heading', { name: 'All articles by topic' })).toBeVisible();
  await expect(panel.backButton).toBeHidden();
});

test('Back from a result of Search Shelf returns to the search as it was', async ({ context, extensionId }) => {
  const panel = await openSidePanel(context, extensionId);
  const searchBox = panel.page.getByRole('combobox', { name: 'Search Shelf' });
  await searchBox.fill('thundering herd');
  const results = panel.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  const first = (await results.first().textContent()) ?? '';
  await searchBox.press('Enter');
  await expect(panel.cardTitle).toBeVisible();
  // The view replaced the focused search box: the focus is on the card's title, not lost to the body.
  await expect(panel.cardTitle).toBeFocused();
  // The search box came back empty and its results gone.
  await panel.backButton.click();
  await expect(searchBox).toHaveValue('thundering herd');
  await expect(results.first()).toHaveText(first);
});

// A live region added already holding its text is often not announced: Search Shelf's status line
// is there, empty, from the start, and each search changes what it says.
test('Search Shelf’s status line is one live region, there from the start, whose text changes', async ({
  context,
  extensionId,
}) => {
  const panel = await openSidePanel(context, extensionId);
  const searchBox = panel.page.getByRole('combobox', { name: 'Search Shelf' });
  const status = panel.page.getByRole('region', { name: 'Search Shelf' }).getByRole('status');
  await expect(status).toHaveText('');
  const line = await status.elementHandle();
  const stillThere = () => line?.evaluate((element) => element.isConnected);

  await searchBox.fill('thundering herd');
  await expect(status).toHaveText(/^(Top 20 results|\d+ results?)$/);
  expect(await stillThere()).toBe(true);
  await searchBox.fill('thndrng ');
  await expect(status).toContainText('Nothing in Shelf matches “thndrng”.');
  expect(await stillThere()).toBe(true);
  await searchBox.fill('');
  await expect(status).toHaveText('');
  expect(await stillThere()).toBe(true);
});

test('Search Shelf offers a correction as the popup does: a button that searches for it', async ({
  context,
  extensionId,
}) => {
  const panel = await openSidePanel(context, extensionId);
  const searchBox = panel.page.getByRole('combobox', { name: 'Search Shelf' });
  await searchBox.fill('thndrng ');
  const suggestion = panel.page.getByRole('button', { name: 'Did you mean “thundering”?' });
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(searchBox).toHaveValue('thundering');
  const results = panel.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results.first()).toContainText('Thundering Herd');
  // The button went with the results it brought: the search box has the focus, and ↓ moves on.
  await expect(searchBox).toBeFocused();
  await searchBox.press('ArrowDown');
  await expect(results.first()).toHaveAttribute('aria-selected', 'true');
  await searchBox.press('ArrowDown');
  await expect(results.nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('Escape in Search Shelf clears the search, as in the popup; in an empty box it is left alone', async ({
  context,
  extensionId,
}) => {
  const panel = await openSidePanel(context, extensionId);
  const searchBox = panel.page.getByRole('combobox', { name: 'Search Shelf' });
  const results = panel.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  // Whether the page's own handling took each Escape (it cancels the keys it acts on).
  await panel.page.evaluate(() => {
    const taken: boolean[] = [];
    Object.assign(window, { escapesTaken: taken });
    document.addEventListener('keydown', (event) => event.key === 'Escape' && taken.push(event.defaultPrevented));
  });
  await searchBox.fill('thundering herd');
  await expect(results.first()).toBeVisible();
  await searchBox.press('Escape');
  await expect(searchBox).toHaveValue('');
  await expect(results).toHaveCount(0);
  await expect(searchBox).toBeFocused();
  await searchBox.press('Escape');
  expect(await panel.page.evaluate(() => (window as unknown as { escapesTaken: boolean[] }).escapesTaken)).toEqual([
    true,
    false,
  ]);
});

test('the topic browser marks saved articles', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.saveFirstResult('cold start serverless', /Cold Start Latency/);
  const panel = await openSidePanel(context, extensionId);
  // A topic group is a button (accessibility pass: a <summary> was none to some screen readers), and opens from the keyboard.
  const group = panel.topicGroup('Performance & scaling');
  await group.focus();
  await panel.page.keyboard.press('Enter');
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  const entry = panel.page
    .getByRole('list', { name: 'Performance & scaling' })
    .getByRole('button', { name: /Cold Start Latency/ });
  await expect(entry).toContainText('Saved');
});

test('a page imported with its copy is read the same way, and the reading list says how to save when empty', async ({
  context,
  extensionId,
}) => {
  const panel = await openSidePanel(context, extensionId);
  await panel.show('Reading list');
  await expect(panel.readingList.emptyState).toBeVisible();
  await expect(panel.page.getByRole('combobox')).toHaveCount(0);
  await panel.page.getByRole('button', { name: 'Import in Settings' }).click();
  // The focus on the import itself, not on the page above Settings (QA pass).
  await expect(panel.settings.importInput).toBeFocused();
  await panel.settings.importInput.setInputFiles({
    name: 'omnivore.zip',
    mimeType: 'application/zip',
    buffer: omnivoreZip(),
  });
  await expect(panel.settings.report('omnivore.zip')).toContainText('1 added');
  await panel.show('Reading list');
  await expect(panel.readingList.row('Sizing connection pools')).toContainText('example.com');
  await expect(panel.readingList.row('Sizing connection pools')).toContainText(/\d+ min/);
});

test('an Omnivore copy of a blog article is read from the article’s card', async ({ context, extensionId }) => {
  const cold = { title: 'Cold Start Latency', url: 'https://webcoderspeed.com/blog/scaling/cold-start-latency' };
  const panel = await openSidePanel(context, extensionId);
  await panel.importFile({ name: 'omnivore.zip', mimeType: 'application/zip', buffer: omnivoreZip(cold) });
  await panel.show('All articles');
  await panel.openCard('Performance & scaling', /Cold Start Latency/);
  await panel.page.getByRole('button', { name: 'Read saved copy' }).click();
  await expect(panel.page.getByRole('heading', { level: 1, name: /Cold Start Latency/ })).toBeVisible();
  await expect(panel.page.getByText('Connection pools bound').first()).toBeVisible();
  await expect(panel.page.getByRole('link', { name: 'Open original' })).toHaveAttribute('href', cold.url);
});

// Search Shelf's marks had the browser's own look (bright yellow, black text in a dark panel) while
// the popup's had Shelf's: one rule now marks a search's words wherever a result list shows them.
test('Search Shelf marks the words found as the popup does, in Shelf’s colour', async ({ context, extensionId }) => {
  const markLook = async (page: Page) => {
    const mark = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().locator('mark');
    await expect(mark.first()).toBeVisible();
    return mark.first().evaluate((element) => {
      const probe = element.ownerDocument.createElement('span');
      probe.style.background = 'var(--mark-bg)';
      element.ownerDocument.body.append(probe);
      const wanted = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return { background: getComputedStyle(element).backgroundColor, wanted };
    });
  };
  const panel = await openSidePanel(context, extensionId);
  await panel.page.getByRole('combobox', { name: 'Search Shelf' }).fill('thundering herd');
  const inPanel = await markLook(panel.page);
  const popup = await openPopup(context, extensionId);
  await popup.search('thundering herd');
  const inPopup = await markLook(popup.page);
  expect(inPanel.background).toBe(inPanel.wanted);
  expect(inPopup.background).toBe(inPopup.wanted);
  expect(inPanel.background).toBe(inPopup.background);
});
