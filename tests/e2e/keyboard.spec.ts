import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

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

test('keyboard only: search → save → read → mark done', async ({ context, openPopup, openSidePanelPage }) => {
  // Search: the popup opens with the search box focused.
  const popup = await openPopup();
  const search = popup.getByRole('combobox', { name: 'Search articles' });
  await expect(search).toBeFocused();
  await popup.keyboard.type('cold start serverless');
  const first = popup.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(first).toContainText('Cold Start Latency');
  await expect(first).toHaveAttribute('aria-selected', 'true');

  // Save: Alt+S on the active result.
  await popup.keyboard.press('Alt+S');
  await expect(first).toContainText('Saved');

  // Read: Enter opens the article.
  const opened = context.waitForEvent('page');
  // The popup closes itself once the tab is open, sometimes before the key press has returned.
  await popup.keyboard.press('Enter').catch((error: Error) => {
    if (!/closed/.test(error.message)) throw error;
  });
  const articleTab = await opened;
  await expect.poll(() => articleTab.url()).toContain('/cold-start-latency');

  // Mark done: in the side panel's reading list, with Tab and the list's keys.
  const panel = await openSidePanelPage();
  await tabTo(panel, panel.getByRole('button', { name: 'Reading list' }));
  await panel.keyboard.press('Enter');
  const row = panel.getByRole('list', { name: 'Saved articles' }).getByRole('listitem').first();
  await expect(row).toContainText('Cold Start Latency');
  await tabTo(panel, panel.getByRole('checkbox', { name: /Select Cold Start Latency/ }));
  await panel.keyboard.press('Space');
  await expect(panel.getByRole('checkbox', { name: /Select Cold Start Latency/ })).toBeChecked();
  await panel.keyboard.press('d'); // "Mark done" on the selection
  await expect(row).toContainText('done');

  // Read it in the panel too: Enter on the active row opens its card.
  await panel.keyboard.press('o');
  await expect(panel.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(/Cold Start Latency/);
});
