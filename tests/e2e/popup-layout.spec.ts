import { expect, test } from './fixtures';
import { openPopup } from './pages/popup';

/** Chrome shows a popup at most 600 px tall; content beyond that scrolls in a second scroll bar. */
const POPUP_MAX_HEIGHT = 600;

test('the popup fits 600 px with six results or more in view, Save this page and the reading list always shown', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await popup.page.setViewportSize({ width: 460, height: 800 });
  await popup.saveFirstResult('cold start serverless', /Cold Start Latency/);
  await expect(popup.readingListLink).toHaveText('Reading list (1 unread)');

  await popup.search('cache');
  // More results than fit: the list has to scroll inside the popup.
  await expect.poll(() => popup.results.count()).toBeGreaterThanOrEqual(10);
  expect(await popup.contentHeight()).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);

  // Seen as the browser shows it: a window of the popup's height.
  await popup.page.setViewportSize({ width: 460, height: await popup.contentHeight() });
  const list = popup.page.getByRole('listbox', { name: 'Search results' });
  const listBox = await list.boundingBox();
  let fullyVisible = 0;
  for (const option of await popup.results.all()) {
    const box = await option.boundingBox();
    if (box && listBox && box.y >= listBox.y - 1 && box.y + box.height <= listBox.y + listBox.height + 1)
      fullyVisible++;
  }
  expect(fullyVisible).toBeGreaterThanOrEqual(6);
  await expect(popup.savePageButton).toBeInViewport({ ratio: 1 });
  await expect(popup.readingListLink).toBeInViewport({ ratio: 1 });
  expect(await popup.page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);

  // Review: "No articles match" for a long pasted query grew the popup past 600 px once it sat in the
  // search's status line, pushing "Save this page" out of view: it scrolls inside the popup instead.
  await popup.page.setViewportSize({ width: 460, height: POPUP_MAX_HEIGHT });
  await popup.search(`${'zqxv wplm '.repeat(190)} `);
  await expect(popup.page.getByText(/No articles match/)).toBeVisible();
  await expect(popup.savePageButton).toBeInViewport({ ratio: 1 });
  expect(await popup.page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
});
