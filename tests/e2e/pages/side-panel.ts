import { type BrowserContext, expect, type Locator, type Page, type Worker } from '@playwright/test';
import { readerPage } from './reader';

type View = 'All articles' | 'Reading list' | 'Settings';

/**
 * Shelf's side panel, as a user sees it: its views (all articles, an article's card, the reading
 * list, settings, the reader). Opened as a page of its own: the real panel is not a page
 * Playwright can reach, and it renders the same document.
 */
export function sidePanelPage(page: Page) {
  const list = page.getByRole('list', { name: 'Saved articles' });
  const card = page.getByRole('article');
  const panel = {
    page,
    card,
    cardTitle: card.getByRole('heading', { level: 2 }),
    readingList: {
      list,
      rows: list.getByRole('listitem'),
      row: (title: RegExp | string) => list.getByRole('listitem').filter({ hasText: title }),
      checkbox: (title: RegExp | string) =>
        list.getByRole('checkbox', { name: typeof title === 'string' ? `Select ${title}` : title }),
      heading: page.getByRole('heading', { name: /Reading list/ }),
      /** "Queue", "All", "Done" or "Archived", with its count. */
      view: (name: string) =>
        page.getByRole('group', { name: 'Show' }).getByRole('button', { name: new RegExp(`^${name} \\(`) }),
      search: page.getByRole('searchbox', { name: 'Search saved articles' }),
      button: (name: string) => page.getByRole('group', { name: 'Bulk actions' }).getByRole('button', { name }),
      emptyState: page.getByText('Nothing saved yet'),
    },
    backButton: page.getByRole('button', { name: 'Back', exact: true }),
    settings: {
      importInput: page.getByLabel(/Import a file/),
      backupInput: page.getByLabel('Backup file'),
      /** The report of an import: the status line that names the file. */
      report: (fileName: string) => page.getByRole('status').filter({ hasText: fileName }),
      button: (name: string) => page.getByRole('button', { name, exact: true }),
    },

    async show(view: View) {
      await page.getByRole('navigation', { name: 'Side panel views' }).getByRole('button', { name: view }).click();
    },
    /** Imports a file through Settings and waits for its report. */
    async importFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
      await panel.show('Settings');
      await panel.settings.importInput.setInputFiles(file);
      const name = typeof file === 'string' ? (file.split('/').at(-1) ?? file) : file.name;
      await expect(panel.settings.report(name)).toContainText('added');
    },
    /** From the reading list, the saved page titled `title` in a reader tab of its own. */
    async openReaderTab(title: RegExp) {
      await panel.show('Reading list');
      await panel.readingList.list.getByRole('button', { name: title }).click();
      // The row clicked is gone with the list: the focus goes to the reader's title.
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
      const href = await page.getByRole('link', { name: 'Open in a tab' }).getAttribute('href');
      const tab = await page.context().newPage();
      await tab.goto(new URL(href ?? '', page.url()).href);
      const reader = readerPage(tab);
      await expect(reader.title).toHaveText(title);
      return reader;
    },
    /** In all articles: a topic group's disclosure button ("Databases (12)"). */
    topicGroup: (topic: string) => page.getByRole('heading', { level: 3 }).getByRole('button', { name: topic }),
    /** In all articles: opens a topic's group unless it is open already. */
    async openTopic(topic: string) {
      const group = panel.topicGroup(topic);
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      await expect(group).toHaveAttribute('aria-expanded', 'true');
    },
    /** In all articles: a topic, then an article in it; its card shows. */
    async openCard(topic: string, title: RegExp) {
      await panel.openTopic(topic);
      await page.getByRole('list', { name: topic }).getByRole('button', { name: title }).click();
      await expect(panel.cardTitle).toHaveText(title);
    },
  };
  return panel;
}

export type SidePanelPage = ReturnType<typeof sidePanelPage>;

export async function openSidePanel(context: BrowserContext, extensionId: string, search = ''): Promise<SidePanelPage> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html${search}`);
  return sidePanelPage(page);
}

/**
 * Enter in the popup's search box opens the selected saved page in the side panel's reader, which
 * scrolls to the search's passage and marks it: waits until the marks (split by links, maybe) hold `text`.
 */
export async function openSelectedAtPassage(
  searchBox: Locator,
  context: BrowserContext,
  extensionId: string,
  text: string,
): Promise<SidePanelPage> {
  // The popup closes once the side panel opens: the key press may not see its page again.
  await searchBox.press('Enter').catch(() => {});
  const panel = await openSidePanel(context, extensionId);
  const passage = panel.page.locator('[data-shelf-highlight="search-passage"]');
  await expect(passage.first()).toBeVisible();
  await expect(passage.first()).toBeInViewport();
  await expect.poll(async () => (await passage.allTextContents()).join('').replace(/\s+/g, ' ')).toContain(text);
  // The focus is on the passage (a screen reader reads on from it), not left on nothing.
  await expect(passage.first()).toBeFocused();
  return panel;
}

/**
 * "Find related" on selected text, through the very listener the menu uses: a click event dispatched
 * inside the service worker (Playwright cannot open a browser's context menu).
 */
export async function findRelatedOnSelection(serviceWorker: Worker, selectionText: string, pageUrl?: string) {
  await serviceWorker.evaluate(
    async ({ selectionText, pageUrl }) => {
      const [tab] = await chrome.tabs.query({});
      const info = { menuItemId: 'find-related', editable: false, selectionText, ...(pageUrl && { pageUrl }) };
      (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
    },
    { selectionText, pageUrl },
  );
}
