import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPopup } from './pages/popup';
import { openSidePanel } from './pages/side-panel';

/** Presses Tab until `target` has the focus, checking on the way that every focused control shows it. */
async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      return {
        name: element.outerHTML.slice(0, 80),
        visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
      };
    });
    if (focus) expect(focus.visible, `focus is visible on ${focus.name}`).toBe(true);
  }
  throw new Error(`Tab never reached ${target}`);
}

test('keyboard only: search → save → read → mark done', async ({ context, extensionId }) => {
  // Search: the popup opens with the search box focused.
  const popup = await openPopup(context, extensionId);
  await expect(popup.searchBox).toBeFocused();
  await popup.page.keyboard.type('cold start serverless');
  const first = popup.firstResult;
  await expect(first).toContainText('Cold Start Latency');
  await popup.page.keyboard.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');

  // Save: Alt+S on the active result.
  await popup.page.keyboard.press('Alt+S');
  await expect(first).toContainText('Saved');
  // Nothing under the focus changed: a live line says it.
  await expect(popup.page.getByText(/^Saved “Cold Start Latency.*” to your reading list\.$/)).toHaveAttribute(
    'aria-live',
    'polite',
  );
  // Unsaved by mistake, and back with Undo: the Undo pressed goes, and the focus comes back to the
  // search box (new user's pass: it was left on the page's body, where typing and the arrows did nothing).
  await popup.page.keyboard.press('Alt+S');
  const undo = popup.page.getByRole('button', { name: 'Undo' });
  await tabTo(popup.page, undo);
  await popup.page.keyboard.press('Enter');
  await expect(first).toContainText('Saved');
  await expect(popup.searchBox).toBeFocused();

  // Read: Enter opens the article.
  const opened = context.waitForEvent('page');
  // The popup closes itself once the tab is open, sometimes before the key press has returned.
  await popup.page.keyboard.press('Enter').catch((error: Error) => {
    if (!/closed/.test(error.message)) throw error;
  });
  const articleTab = await opened;
  await expect.poll(() => articleTab.url()).toContain('/cold-start-latency');

  // Mark done: in the side panel's reading list, with Tab and the list's keys.
  const panel = await openSidePanel(context, extensionId);
  const { page } = panel;
  await tabTo(page, page.getByRole('button', { name: 'Reading list', exact: true }));
  await page.keyboard.press('Enter');
  const row = panel.readingList.row('Cold Start Latency');
  await expect(row).toBeVisible();
  const checkbox = panel.readingList.checkbox(/Select Cold Start Latency/);
  await tabTo(page, checkbox);
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  await page.keyboard.press('d'); // "Mark done" on the selection
  await expect(row).toBeHidden(); // done: out of the queue
  const doneView = panel.readingList.view('Done');
  await tabTo(page, doneView);
  await page.keyboard.press('Enter');
  await expect(row).toContainText('done');

  // Read it in the panel too: o on the active row opens its card.
  await page.keyboard.press('o');
  await expect(panel.cardTitle).toHaveText(/Cold Start Latency/);
});

// QA pass: ↓ past the rows in view selected an option the listbox never scrolled to.
test('↓ through the results keeps the chosen one in view, in the popup and the side panel', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await popup.search('cache');
  await expect(popup.results.nth(9)).toBeAttached();
  for (let i = 0; i < 10; i++) await popup.searchBox.press('ArrowDown');
  await expect(popup.results.nth(9)).toHaveAttribute('aria-selected', 'true');
  await expect(popup.results.nth(9)).toBeInViewport();
  await expect(popup.searchBox).toBeFocused();

  const { page } = await openSidePanel(context, extensionId);
  await page.setViewportSize({ width: 360, height: 700 });
  const box = page.getByRole('combobox', { name: 'Search Shelf' });
  await box.fill('cache');
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(options.nth(11)).toBeAttached();
  for (let i = 0; i < 12; i++) await box.press('ArrowDown');
  await expect(options.nth(11)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(11)).toBeInViewport();
});
