import { type BrowserContext, expect, type Page } from '@playwright/test';

/**
 * The toolbar popup, as a user sees it: a search box, filters, results and the buttons for the
 * highlighted one, and "Save this page". Opened as a page of its own (a test cannot click the
 * toolbar button).
 */
export function popupPage(page: Page) {
  const searchBox = page.getByRole('combobox', { name: 'Search articles' });
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  const popup = {
    page,
    searchBox,
    results,
    firstResult: results.first(),
    topicFilter: page.getByLabel('Topic'),
    tagFilter: page.getByLabel('Tag'),
    openArticleButton: page.getByRole('button', { name: /^(Open article|Find on webcoderspeed\.com)/ }),
    openInSidePanelButton: page.getByRole('button', { name: /Open in side panel/ }),
    saveButton: page.getByRole('button', { name: 'Save', exact: true }),
    savedButton: page.getByRole('button', { name: /^Saved/ }),
    savePageButton: page.getByRole('button', { name: /Save this page/ }),
    readingListLink: page.getByRole('button', { name: /^Reading list/ }),

    async search(query: string) {
      await searchBox.fill(query);
    },
    /** The height of the popup's content: the browser sizes the popup window to it (600 px at most). */
    contentHeight: () =>
      page.evaluate(() => Math.ceil(document.querySelector('main')?.getBoundingClientRect().height ?? 0)),
    /** Searches, checks that the first result is `title`, and saves it with its Save button. */
    async saveFirstResult(query: string, title: RegExp | string) {
      await popup.search(query);
      await expect(popup.firstResult).toContainText(title);
      await popup.saveButton.click();
      await expect(popup.savedButton).toBeVisible();
    },
  };
  return popup;
}

export type PopupPage = ReturnType<typeof popupPage>;

export async function openPopup(context: BrowserContext, extensionId: string): Promise<PopupPage> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return popupPage(page);
}

/** Opens each address in a tab and saves it with the popup's "Save this page", as a user does. */
export async function savePagesWithPopup(
  context: BrowserContext,
  openPopup: () => Promise<Page>,
  urls: readonly string[],
): Promise<void> {
  for (const url of urls) {
    const source = await context.newPage();
    await source.goto(url, { waitUntil: 'domcontentloaded' });
    const popup = await openPopup();
    await popup.getByRole('button', { name: /Save this page/ }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await popup.close();
    await source.close();
  }
}
