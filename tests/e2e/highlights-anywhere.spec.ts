import { expect, type Page, test } from '@playwright/test';
import { annotationsOf, selectTextWithMouse } from './pages/annotations';
import { ShelfBox } from './pages/blog-box';
import { type E2eBrowser, launchE2eBuild } from './pages/e2e-build';
import { sidePanelPage } from './pages/side-panel';

/**
 * Highlights on a site other than the blog (issue #16: "on any page Shelf can run on"), which
 * needs "related articles on every site": the e2e build grants http://127.0.0.1/* up front, as if
 * the user had turned it on, so the every-site script runs on the local server's pages.
 */
let browser: E2eBrowser;

test.beforeAll(async () => {
  browser = await launchE2eBuild();
});

test.afterAll(async () => {
  await browser?.close();
});

const TITLE = 'Why queues need backpressure';
const SENTENCE = 'A queue without a bound only moves the overload somewhere you cannot see it.';
const SECOND = 'Rejecting work early is kinder than timing out late.';
const PARAGRAPHS = [
  'Every service has a rate beyond which it cannot keep up, and traffic does not ask before it arrives.',
  'When producers outrun consumers, the difference has to go somewhere: memory, disk, or the caller.',
  `It is tempting to add a bigger buffer. ${SENTENCE} Latency climbs while the dashboard stays green.`,
  `Backpressure tells the producer to slow down. ${SECOND} Clients can retry with jitter.`,
];
const pageWith = (paragraphs: string[]) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/about">About</a></nav><p>${SENTENCE} (the tagline)</p></header>
<main><article><h1>${TITLE}</h1>
${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</article></main>
<footer><p>Comments are closed.</p></footer></body></html>`;

const highlightButton = (page: Page) => new ShelfBox(page, 'Shelf: highlight', 'shelf-highlight');
const articleHeight = (page: Page) =>
  page.locator('article').evaluate((article) => (article as HTMLElement).offsetHeight);

/** Every stored highlight, read from outside Shelf (plain IndexedDB in the service worker). */
function storedHighlights(): Promise<Array<{ itemId: string; pageAnchor?: string; selectors: unknown }>> {
  return browser.worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('shelf');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const read = db.transaction('highlights').objectStore('highlights').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            db.close();
            resolve(read.result);
          };
        };
      }),
  );
}

test('highlight a sentence on another site: the page is saved, the mark comes back after a reload, and one the page lost is recorded as not found', async () => {
  let served = pageWith(PARAGRAPHS);
  const url = await browser.servePage('/posts/backpressure.html', () => served);
  const page = await browser.context.newPage();
  await page.goto(url);
  const third = page.getByRole('article').getByRole('paragraph').nth(2);
  const before = await articleHeight(page);

  await test.step('a passage the page selects itself while the user clicks something else offers no button', async () => {
    // As a red-team page did, to lay a click-through lure over the button: in its own pointerdown handler.
    await page.evaluate((sentence) => {
      const paragraph = [...document.querySelectorAll('article p')].find((p) => p.textContent?.includes(sentence));
      const text = paragraph?.firstChild as Text;
      document.addEventListener(
        'pointerdown',
        () =>
          setTimeout(() => {
            const range = document.createRange();
            range.setStart(text, text.data.indexOf(sentence));
            range.setEnd(text, text.data.indexOf(sentence) + sentence.length);
            getSelection()?.removeAllRanges();
            getSelection()?.addRange(range);
          }),
        { capture: true, once: true },
      );
    }, SENTENCE);
    await page.getByText('Comments are closed.').click();
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(SENTENCE);
    await page.waitForTimeout(300); // the button, if offered, shows on the selection's change
    expect(await highlightButton(page).isShown()).toBe(false);
    await page.evaluate(() => getSelection()?.removeAllRanges()); // a press on it would drag it
  });

  await selectTextWithMouse(page, third, SENTENCE);
  await expect.poll(() => highlightButton(page).isShown()).toBe(true);

  await test.step('a press through a lure the page laid over the button keeps nothing, and says so', async () => {
    await page.evaluate(() => {
      const lure = document.createElement('div');
      lure.id = 'lure';
      lure.textContent = 'Continue →';
      lure.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#0a0';
      document.documentElement.append(lure);
    });
    await page.waitForTimeout(400); // Chromium tells a covered element within its 100ms
    await highlightButton(page).click('Highlight');
    await expect
      .poll(() => highlightButton(page).buttonNames())
      .toEqual(['Not highlighted: the page covers this button (right-click: Highlight with Shelf)']);
    expect(await storedHighlights()).toEqual([]);
    await page.evaluate(() => document.getElementById('lure')?.remove());
    await page.waitForTimeout(400);
  });
  await highlightButton(page).click('Not highlighted: the page covers this button (right-click: Highlight with Shelf)');
  await expect(third.locator('mark')).toHaveText(SENTENCE);
  await expect(page.locator('mark')).toHaveCount(1); // not the header's copy of the sentence
  expect(await articleHeight(page)).toBe(before); // a background colour, nothing that moves text
  // The page's own DOM sees the mark and a host element, never Shelf's button inside it.
  expect(await page.locator('shelf-highlight').evaluate((host) => host.shadowRoot)).toBeNull();

  await test.step('the page is in the reading list, saved by the highlight', async () => {
    const panel = sidePanelPage(await browser.openExtensionPage('sidepanel.html'));
    await panel.show('Reading list');
    await expect(panel.readingList.row(TITLE)).toBeVisible();
    await panel.page.close();
  });

  await test.step('reloaded: the mark is back', async () => {
    await page.reload();
    await expect(third.locator('mark')).toHaveText(SENTENCE);
    await expect(page.locator('mark')).toHaveCount(1);
  });

  await test.step('"Highlight with Shelf" in the right-click menu highlights there too', async () => {
    const fourth = page.getByRole('article').getByRole('paragraph').nth(3);
    await selectTextWithMouse(page, fourth, SECOND);
    await browser.worker.evaluate(async (pageUrl) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const info = { menuItemId: 'highlight-with-shelf', editable: false, pageUrl, frameId: 0, selectionText: '' };
      (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
    }, url);
    await expect(fourth.locator('mark')).toHaveText(SECOND);
    await expect.poll(async () => (await storedHighlights()).length).toBe(2);
  });

  await test.step('the first sentence removed from the page: no mark for it, and it is recorded as not found', async () => {
    served = pageWith(PARAGRAPHS.map((text, i) => (i === 2 ? text.replace(SENTENCE, '') : text)));
    await page.reload();
    await expect(page.getByRole('article').getByRole('paragraph').nth(3).locator('mark')).toHaveText(SECOND);
    await expect(page.locator('mark')).toHaveCount(1);
    await expect
      .poll(async () => (await storedHighlights()).map((highlight) => highlight.pageAnchor).sort())
      .toEqual(['found', 'not-found']);
    // Its list, in the reader (the saved copy still holds it), says so.
    const panel = sidePanelPage(await browser.openExtensionPage('sidepanel.html'));
    await panel.show('Reading list');
    await panel.readingList.list.getByRole('button', { name: TITLE }).click();
    const highlights = annotationsOf(panel.page).highlights;
    await expect(highlights.getByRole('listitem').filter({ hasText: SENTENCE })).toContainText(
      'not found on the original page when last opened',
    );
    await expect(highlights.getByRole('listitem').filter({ hasText: SECOND })).not.toContainText('not found');
  });
});

/** A single-page app: its links and the history change the address and the article, never the document. */
const singlePageApp = (posts: Record<string, string[]>) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Field notes</title></head>
<body><nav><a href="/app/queues" data-app>Queues</a> <a href="/app/retries" data-app>Retries</a></nav>
<main><article></article></main>
<script>
  const posts = ${JSON.stringify(posts)};
  const render = () => {
    document.querySelector('article').innerHTML = (posts[location.pathname] || []).map((text) => '<p>' + text + '</p>').join('');
  };
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-app]');
    if (!link) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    render();
  });
  addEventListener('popstate', render);
  render();
</script></body></html>`;

test('a single-page app: each address keeps its own highlights as the app moves between them', async () => {
  const RETRY = 'Retries without jitter arrive together and knock the service over again.';
  const posts = {
    '/app/queues': PARAGRAPHS,
    '/app/retries': [`Backoff spreads the load. ${RETRY}`, 'Budgets cap them.'],
  };
  const url = await browser.servePage('/app/queues', singlePageApp(posts));
  await browser.servePage('/app/retries', singlePageApp(posts));
  const page = await browser.context.newPage();
  await page.goto(url);
  const paragraphs = page.getByRole('article').getByRole('paragraph');
  const highlightIn = async (paragraph: ReturnType<typeof paragraphs.nth>, text: string) => {
    // Shelf reads a page the app moved to once it had time to render: select until the button offers.
    await expect(async () => {
      // A press on text already selected would drag it, not select afresh.
      await page.evaluate(() => getSelection()?.removeAllRanges());
      await selectTextWithMouse(page, paragraph, text);
      expect(await highlightButton(page).isShown()).toBe(true);
    }).toPass();
    await highlightButton(page).click('Highlight');
    await expect(paragraph.locator('mark')).toHaveText(text);
  };

  await highlightIn(paragraphs.nth(2), SENTENCE);
  await page.getByRole('link', { name: 'Retries' }).click();
  await expect(page).toHaveURL(/\/app\/retries$/);
  await highlightIn(paragraphs.nth(0), RETRY);
  await expect(page.locator('mark')).toHaveCount(1);

  // Back: the first post's highlight is drawn again, and only it (the retries one is another page's).
  await page.goBack();
  await expect(paragraphs.nth(2).locator('mark')).toHaveText(SENTENCE);
  await expect(page.locator('mark')).toHaveCount(1);
  await page.goForward();
  await expect(paragraphs.nth(0).locator('mark')).toHaveText(RETRY);
  await expect(page.locator('mark')).toHaveCount(1);
  await page.close();
});
