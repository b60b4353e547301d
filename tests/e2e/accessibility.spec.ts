import type { Locator, Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, openCacheStampedeCard, test } from './fixtures';
import { blogBox } from './pages/blog-box';
import { readerPage } from './pages/reader';
import { findRelatedOnSelection, sidePanelPage } from './pages/side-panel';

/** An Omnivore export with one saved page and its content: the quickest real way to get a readable copy. */
function omnivoreZipWithContent(): Buffer {
  const text = 'Connection pools bound how many queries run at once. '.repeat(40);
  return Buffer.from(
    zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([
          {
            slug: 'pools',
            // A long title (148 characters): at 320 px the row cut it after two lines with an ellipsis.
            title:
              'Sizing connection pools: how many queries a database serves at once, why more connections make it slower, and how to find the right number for yours',
            // A long site name: at 320 px the row's details were cut off with an ellipsis.
            url: 'https://engineering.connection-pools-handbook.example.com/pools',
            state: 'SUCCEEDED',
            readingProgress: 0,
            labels: ['databases'],
            savedAt: '2024-05-01T09:00:00.000Z',
          },
        ]),
      ),
      // With links a page gives no words (QA pass: Wikipedia's image links with alt="", an empty link).
      // A long code line and a long address: at 320 px they may scroll in their own box, not the page.
      'content/pools.html': strToU8(
        `<article><h1>Sizing connection pools</h1><p>${text}</p><p><a href="https://example.com/pool.png"><img src="https://example.com/pool.png" alt=""></a><a href="https://example.com/share"></a>${text}</p><pre><code>const pool = createPool({ ${'maxConnections: 20, '.repeat(12)}});</code></pre><p>See https://example.com/pools/${'sizing-connection-pools-'.repeat(6)}explained.</p></article>`,
      ),
    }),
  );
}

/**
 * axe on what `page` shows now, in the light and then the dark scheme (the same state: switching
 * the scheme is cheaper than building each view twice in a browser of its own). In the dark scheme
 * only the rules that read colours run: nothing else changes with it, and axe over the side panel's
 * ~200 articles is the costliest step of the e2e suite's costliest files.
 */
async function expectAccessibleInBothSchemes(page: Page, include?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Shelf's pages follow the scheme from a media-query listener: let it run and paint.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expectNoSeriousA11yViolations(page, include, { onlyColours: colorScheme === 'dark' });
  }
}

/**
 * WCAG 1.4.10 Reflow: at 320 CSS px wide (the popup or side panel at 200% zoom and more), nothing
 * needs scrolling sideways; a code block or a long address may scroll inside its own box. Then the
 * page is given back its size.
 */
async function expectReflowAt320(page: Page): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: 320, height: size.height });
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(widths[0], `${page.url()} is ${widths[0]} px wide at 320 px`).toBeLessThanOrEqual(widths[1] ?? 0);
  await page.setViewportSize(size);
}

/**
 * WCAG 1.4.10 for a list's rows at 320 CSS px: each row's `details` (the reading list's title, status,
 * site, reading time and progress; a search result's title, topic and summary or snippet) are whole,
 * wrapped rather than cut off, and inside their row.
 */
async function expectRowDetailsWholeAt320(page: Page, rows: Locator, details: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: 320, height: size.height });
  await expect(rows.first()).toBeVisible();
  const cut = await rows.evaluateAll(
    (items, selector) =>
      items.flatMap((row) => {
        const box = row.getBoundingClientRect();
        // The title (a button) too: cut with an ellipsis, it is taller inside than its box.
        return Array.from(row.querySelectorAll(selector))
          .filter((detail) => {
            const at = detail.getBoundingClientRect();
            const cutInside = detail.scrollWidth > detail.clientWidth || detail.scrollHeight > detail.clientHeight;
            return cutInside || at.right > box.right + 0.5 || at.bottom > box.bottom + 0.5;
          })
          .map((detail) => detail.textContent || detail.localName);
      }),
    details,
  );
  expect(cut, 'details cut off at 320 px').toEqual([]);
  await page.setViewportSize(size);
}

/**
 * In forced colours (Windows High Contrast) backgrounds are dropped: `marked` (chosen, pressed,
 * current) must still look different from `plain`, its neighbour in the normal state.
 */
async function expectStateShownInForcedColours(page: Page, marked: Locator, plain: Locator): Promise<void> {
  await page.emulateMedia({ forcedColors: 'active' });
  // A background is painted in the system's Canvas colour, so "transparent" and any author colour
  // look alike: read both as Canvas.
  const look = (locator: Locator) =>
    locator.evaluate((element) => {
      const probe = document.body.appendChild(document.createElement('div'));
      probe.style.background = 'Canvas';
      const canvas = getComputedStyle(probe).backgroundColor;
      probe.remove();
      const style = getComputedStyle(element);
      const rgb = (colour: string) => colour.match(/[\d.]+/g) ?? [];
      const [r, g, b, alpha] = rgb(style.backgroundColor);
      const background =
        alpha === '0' || [r, g, b].join() === rgb(canvas).slice(0, 3).join() ? 'Canvas' : style.backgroundColor;
      const outline = style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineColor}`;
      return [background, style.color, outline].join(' ');
    });
  expect(await look(marked)).not.toBe(await look(plain));
  await page.emulateMedia({ forcedColors: 'none' });
}

test.describe('axe-core, light and dark schemes: no serious or critical violations', () => {
  test('popup: empty state, results and no results', async ({ openPopup }) => {
    const popup = await openPopup();
    await expect(popup.getByRole('combobox', { name: 'Search articles' })).toBeFocused();
    await expectAccessibleInBothSchemes(popup);
    await expectReflowAt320(popup);
    await popup.getByRole('combobox', { name: 'Search articles' }).fill('retry storm backoff');
    await expect(popup.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
    await expectAccessibleInBothSchemes(popup);
    await expectReflowAt320(popup);
    // Zoomed that far, a result's title, topic and summary wrap whole: cut to one line (an ellipsis)
    // or two, a summary showed a few words and nothing else did.
    const results = popup.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    // At the popup's own width, an article's summary is cut to a line (its card shows it whole).
    const summaryCut = (element: Element) => element.scrollWidth > element.clientWidth;
    expect(await results.first().locator('.result-summary').evaluate(summaryCut), 'summary cut to a line').toBe(true);
    await expectRowDetailsWholeAt320(popup, results, ':scope > span');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    const options = popup.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expectStateShownInForcedColours(popup, options.nth(1), options.nth(0));
    await popup.getByRole('combobox', { name: 'Search articles' }).fill('qqqxyzzy');
    await expect(popup.getByText(/No articles match/i)).toBeVisible();
    await expectAccessibleInBothSchemes(popup);
    await expectReflowAt320(popup);
  });

  test('side panel: browse, article card, reading list, settings, and the reader', async ({
    context,
    openSidePanelPage,
    extensionId,
  }) => {
    // Zod compiled its parsers with eval, which the pages' content security policy blocks: each try
    // was a violation (four in this test). Each is told on the console, and none may be.
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.sourceFile}`),
      ),
    );
    const violations: string[] = [];
    context.on('console', (message) => {
      if (message.text().startsWith('CSP violation')) violations.push(message.text());
    });
    const panel = await openSidePanelPage();
    await expect(panel.getByRole('heading', { name: 'All articles by topic' })).toBeVisible();
    await expectAccessibleInBothSchemes(panel);
    await expectReflowAt320(panel);

    // #15: the empty reading list says how to save and import.
    await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
    await expect(panel.getByText(/Nothing saved yet/)).toBeVisible();
    await expectAccessibleInBothSchemes(panel);
    await expectReflowAt320(panel);

    await panel.getByRole('button', { name: 'Import in Settings' }).click();
    await panel.getByLabel(/Import a file/).setInputFiles({
      name: 'omnivore.zip',
      mimeType: 'application/zip',
      buffer: omnivoreZipWithContent(),
    });
    await expect(panel.getByRole('status').filter({ hasText: 'omnivore.zip' })).toContainText('1 added');
    await expectAccessibleInBothSchemes(panel);
    await expectReflowAt320(panel);

    await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
    await expect(panel.getByRole('list', { name: 'Saved articles' })).toContainText('Sizing connection pools');
    await expectAccessibleInBothSchemes(panel);
    await expectReflowAt320(panel);
    await expectRowDetailsWholeAt320(
      panel,
      panel.getByRole('list', { name: 'Saved articles' }).getByRole('listitem'),
      'span, progress, button',
    );
    const views = panel.locator('.list-views button');
    await expectStateShownInForcedColours(
      panel,
      views.and(panel.locator('[aria-pressed=true]')),
      views.and(panel.locator('[aria-pressed=false]')).first(),
    );
    const nav = panel.locator('.panel-nav button');
    await expectStateShownInForcedColours(
      panel,
      nav.and(panel.locator('[aria-current=page]')),
      nav.and(panel.locator(':not([aria-current])')).first(),
    );

    await panel.getByRole('button', { name: 'All articles' }).click();
    // The panel's search at 320 px: the saved page's snippet (why it matched; four lines there, it was
    // cut at three) and the articles' summaries (cut at two) wrap whole.
    const panelSearch = panel.getByRole('combobox', { name: 'Search Shelf' });
    await panelSearch.fill('queries run at once');
    const panelResults = panel.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(panelResults.filter({ hasText: 'Saved page' }).first()).toBeVisible();
    // Wider than 400 px, an article's summary is cut to two lines (its card shows it whole), never the
    // saved page's snippet: it says why the page matched, and nothing else shows it.
    const panelSize = panel.viewportSize() ?? { width: 1280, height: 720 };
    await panel.setViewportSize({ width: 420, height: panelSize.height });
    const shown = (summary: Locator) =>
      summary.evaluate((element) => ({
        cut: element.scrollHeight > element.clientHeight,
        height: element.clientHeight,
      }));
    const snippet = await shown(panelResults.filter({ hasText: 'Saved page' }).first().locator('.result-snippet'));
    const summary = await shown(panelResults.filter({ hasNotText: 'Saved page' }).first().locator('.result-summary'));
    expect(summary.cut, 'an article’s summary cut to two lines').toBe(true);
    expect(snippet, 'the snippet whole, longer than two lines').toEqual({ cut: false, height: expect.any(Number) });
    expect(snippet.height).toBeGreaterThan(summary.height);
    await panel.setViewportSize(panelSize);
    await expectRowDetailsWholeAt320(panel, panelResults, ':scope > span');
    await panelSearch.fill('');
    await openCacheStampedeCard(panel);
    await expectAccessibleInBothSchemes(panel);
    await expectReflowAt320(panel);

    await sidePanelPage(panel).show('Reading list');
    await panel
      .getByRole('list', { name: 'Saved articles' })
      .getByRole('button', { name: /Sizing connection pools/ })
      .click();
    const readerHref = await panel.getByRole('link', { name: 'Open in a tab' }).getAttribute('href');
    const reader = await panel.context().newPage();
    await reader.goto(`chrome-extension://${extensionId}${readerHref}`);
    await expect(reader.getByRole('article').first()).toContainText('Connection pools bound');
    await expectAccessibleInBothSchemes(reader);
    await expectReflowAt320(reader);

    // #15: the reader's settings (behind a button) and its own colours, over the whole page.
    const readerView = readerPage(reader);
    await readerView.openSettings();
    await expectAccessibleInBothSchemes(reader);
    await expectReflowAt320(reader);
    await readerView.setColours('Sepia');
    await expectAccessibleInBothSchemes(reader);
    await readerView.setColours('Dark');
    await expectAccessibleInBothSchemes(reader);
    expect(violations, 'content security policy violations').toEqual([]);
  });

  test('side panel: related articles for a right-clicked selection', async ({ serviceWorker, openSidePanelPage }) => {
    await findRelatedOnSelection(serviceWorker, 'retry storms and backoff');
    const panel = await openSidePanelPage();
    await expect(panel.getByRole('heading', { name: 'Related articles' })).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Related articles' }).getByRole('button').first()).toBeVisible();
    await expectAccessibleInBothSchemes(panel);
    await expectReflowAt320(panel);
  });

  test('settings page', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /On the blog only/ })).toBeEnabled();
    await expectAccessibleInBothSchemes(page);
    await expectReflowAt320(page);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectAccessibleInBothSchemes(page);
  });

  test('the content-script box on a blog article', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://webcoderspeed.com/blog/scaling/cold-start-latency');
    const box = blogBox(page);
    await expect.poll(() => box.isShown()).toBe(true);
    await box.revealToTests(); // axe cannot enter a closed shadow root on its own
    await expectAccessibleInBothSchemes(page, 'shelf-reading-now');
    // Reflow at 320 px: the box, fixed to the window, fits inside it (cut off, it cannot be scrolled to).
    await page.setViewportSize({ width: 320, height: 600 });
    const edges = await page.evaluate(() => {
      const shown = document.querySelector('shelf-reading-now')?.shadowRoot?.querySelector('.shelf-box');
      const { left = -1, right = Infinity } = shown?.getBoundingClientRect() ?? {};
      return { left, right, window: document.documentElement.clientWidth };
    });
    expect(edges.left).toBeGreaterThanOrEqual(0);
    expect(edges.right).toBeLessThanOrEqual(edges.window);
  });
});
