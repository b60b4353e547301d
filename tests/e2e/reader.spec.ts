import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { omnivoreZip, POOLS } from './helpers/library-files';
import { openSidePanel } from './pages/side-panel';

/**
 * The reader in a tab of its own at 1280 px (#15, acceptance 2): its colours fill the window, a
 * line holds 60–75 characters at every text size and width, the tab is titled after the article,
 * "Open original" leads to the page, and "Mark as done" at the end marks it done.
 */
test.use({ viewport: { width: 1280, height: 800 } });

/** Characters per line of the reader's longest paragraph: the median of its full lines (the last one is not). */
function measureLine(page: Page): Promise<{ median: number; lines: number }> {
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('.reader-body p')];
    const paragraph = paragraphs.sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0))[0];
    const text = paragraph?.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) throw new Error('no paragraph of plain text');
    const range = document.createRange();
    const perLine = new Map<number, number>();
    for (let i = 0; i < (text.textContent ?? '').length; i++) {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const rect = range.getClientRects()[0];
      if (rect) perLine.set(Math.round(rect.top), (perLine.get(Math.round(rect.top)) ?? 0) + 1);
    }
    const full = [...perLine.values()].slice(0, -1).sort((a, b) => a - b);
    return { median: full[Math.floor(full.length / 2)] ?? 0, lines: full.length };
  });
}

/** The colour seen at a point of the window: the first element there with a background, else the canvas's. */
function backgroundAt(page: Page, x: number, y: number): Promise<string> {
  return page.evaluate(
    ([px, py]) => {
      const transparent = (color: string) => color === 'rgba(0, 0, 0, 0)' || color === 'transparent';
      for (const element of document.elementsFromPoint(px, py)) {
        const color = getComputedStyle(element).backgroundColor;
        if (!transparent(color)) return color;
      }
      // Nothing painted here: the canvas, which takes the root's background, or else the body's.
      const root = getComputedStyle(document.documentElement).backgroundColor;
      return transparent(root) ? getComputedStyle(document.body).backgroundColor : root;
    },
    [x, y] as const,
  );
}

test('the full-tab reader: colours, measure, title, original, and Mark as done at the end', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(240_000);
  const panel = await openSidePanel(context, extensionId);
  await panel.importFile({ name: 'omnivore.zip', mimeType: 'application/zip', buffer: omnivoreZip() });
  const reader = await panel.openReaderTab(new RegExp(POOLS.title));
  const { page } = reader;

  await expect(page).toHaveTitle(POOLS.title);
  await expect(reader.openOriginal).toHaveAttribute('href', POOLS.url);

  await reader.setColours('Dark');
  const dark = 'rgb(22, 25, 31)';
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const points = [
    [2, 60],
    [width - 3, 60],
    [2, height - 3],
    [width - 3, height - 3],
    [width / 2, height - 3],
  ] as const;
  for (const [x, y] of points) expect(await backgroundAt(page, x, y), `at ${x},${y}`).toBe(dark);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  for (const [x, y] of points) expect(await backgroundAt(page, x, y), `scrolled, at ${x},${y}`).toBe(dark);

  const measured: { setting: string; median: number; lines: number }[] = [];
  for (const width of ['narrow', 'medium', 'wide'] as const) {
    await reader.openSettings();
    await reader.width.selectOption(width);
    for (const size of [12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32]) {
      await reader.setTextSize(size);
      measured.push({ setting: `${width} at ${size}px`, ...(await measureLine(page)) });
    }
  }
  test.info().annotations.push({
    type: 'characters a line',
    description: measured.map(({ setting, median }) => `${setting}: ${median}`).join('; '),
  });
  const outOfMeasure = measured.filter(({ median, lines }) => median < 60 || median > 75 || lines < 3);
  expect(outOfMeasure).toEqual([]);

  await reader.settingsButton.click();
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await reader.endButton('Mark as done').click();
  await expect(reader.endButton('Mark as done')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Marked as done.' })).toBeVisible();
  // Pressed, its name is still the same words: the tick drawn after it is not read ("check mark").
  await expect(page.getByRole('button', { name: 'Mark as done', exact: true, pressed: true })).toBeVisible();
  // A toggle: pressed again, it takes the item back to the reading list, and once more marks it done.
  await reader.endButton('Mark as done').click();
  await expect(reader.endButton('Mark as done')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Back in your reading list.' })).toBeVisible();
  await reader.endButton('Mark as done').click();
  await expect(reader.endButton('Mark as done')).toHaveAttribute('aria-pressed', 'true');
  await panel.page.bringToFront();
  await panel.show('Reading list');
  await panel.readingList.view('Done').click();
  await expect(panel.readingList.row(POOLS.title)).toContainText('done');

  // QA pass: archived in another window, this one's buttons followed but its line still said "Marked as done.".
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(reader.endButton('Archive')).toHaveAttribute('aria-pressed', 'true');
  await expect(reader.endButton('Mark as done')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Marked as done.' })).toHaveCount(0);
  await other.close();
});

test('a long page has an outline that marks the section being read, and a footnote leads to its note and back', async ({
  context,
  extensionId,
}) => {
  const panel = await openSidePanel(context, extensionId);
  const buffer = omnivoreZip(POOLS, { footnote: true });
  await panel.importFile({ name: 'omnivore.zip', mimeType: 'application/zip', buffer });
  const reader = await panel.openReaderTab(new RegExp(POOLS.title));

  // The marker goes to its note, at the end, focused there, and "back" to the marker, all within the reader:
  // its address (sidepanel.html?reader=…) stays as it was, and it still finds its own title by its id.
  const address = reader.page.url();
  const body = reader.page.locator('.reader-body');
  const note = body.getByRole('listitem').filter({ hasText: 'Most drivers start with ten connections.' });
  // A note is visited, not read on from: the share read stays where the user was, also once the reader
  // writes what it has (as when the user leaves, `pagehide`), until the user scrolls themselves.
  const stats = reader.page.locator('.reader-stats');
  const percentRead = async () => Number((await stats.textContent())?.match(/(\d+)% read/)?.[1]);
  const shownOnceWritten = () =>
    reader.page.evaluate(async () => {
      window.dispatchEvent(new Event('pagehide'));
      // What the header shows once the reader has drawn what was written (two frames later).
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return Number(document.querySelector('.reader-stats')?.textContent?.match(/(\d+)% read/)?.[1]);
    });
  await expect(stats).toContainText(' 0% read');
  await expect(note).not.toBeInViewport();
  await body.getByRole('link', { name: '1', exact: true }).click();
  await expect(note).toBeInViewport();
  await expect(note).toBeFocused();
  expect(await shownOnceWritten()).toBe(0);
  await note.getByRole('link', { name: '↩︎' }).click();
  await expect(body.locator('sup').first()).toBeInViewport();
  await expect(note).not.toBeInViewport();
  expect(await shownOnceWritten()).toBe(0);
  await reader.page.mouse.wheel(0, 400);
  await expect.poll(percentRead).toBeGreaterThan(0);
  const readByScrolling = await percentRead();
  expect(reader.page.url()).toBe(address);
  await expect(reader.page.locator('#reader-title')).toHaveText(POOLS.title);
  await reader.outlineButton.click();
  await expect(reader.outline.getByRole('button')).toHaveText([
    'Why pools exist',
    'How big a pool should be',
    'Timeouts and queues',
    'Measuring it',
  ]);
  await reader.outline.getByRole('button', { name: 'Timeouts and queues' }).click();
  await reader.outlineButton.click();
  // Named by its heading's words alone: the triangle drawn before the current one is not read.
  await expect(reader.outline.getByRole('button', { name: 'Timeouts and queues', exact: true })).toHaveAttribute(
    'aria-current',
    'location',
  );
  await expect(reader.page.locator('.reader-current-section')).toHaveText('Timeouts and queues');
  // A section picked in the outline is where the user reads on from: the reader records it.
  await expect.poll(percentRead).toBeGreaterThan(readByScrolling + 10);

  // QA: a disclosure's content follows its button, so Tab goes from the button into the panel.
  await reader.outlineButton.focus();
  await reader.page.keyboard.press('Tab');
  await expect(reader.outline.getByRole('button').first()).toBeFocused();
  await reader.settingsButton.click();
  await reader.page.keyboard.press('Tab');
  await expect(reader.textSize).toBeFocused();

  // QA (WCAG 2.4.11): with the settings open, the toolbar is taller; what Shift+Tab focuses on the way
  // back up (paragraphs made focusable here, as a copy's links are) is scrolled to below it, not under it.
  const { page } = reader;
  await page.locator('.reader-body p').evaluateAll((paragraphs) => {
    for (const paragraph of paragraphs) paragraph.tabIndex = 0;
  });
  await page.locator('.reader-body p').last().focus();
  for (let press = 0; press < 8; press++) {
    await page.keyboard.press('Shift+Tab');
    const { top, toolbarBottom } = await page.evaluate(() => ({
      top: document.activeElement?.getBoundingClientRect().top ?? 0,
      toolbarBottom: document.querySelector('.reader-toolbar')?.getBoundingClientRect().bottom ?? 0,
    }));
    expect(top, `Shift+Tab ${press + 1}`).toBeGreaterThanOrEqual(toolbarBottom - 1);
  }
});

// The README: a link into the copy is followed when clicked "(or Enter on it; also a middle click …, which
// open no tab of the reader's own address)", and a place folded in a closed <details> is shown, "as browsers do".
test('Enter on a footnote marker goes to its note, a middle click on its ↩ back without a new tab, and a link into a folded section opens it', async ({
  context,
  extensionId,
}) => {
  const panel = await openSidePanel(context, extensionId);
  const buffer = omnivoreZip(POOLS, { footnote: true, foldedNote: true });
  await panel.importFile({ name: 'omnivore.zip', mimeType: 'application/zip', buffer });
  const reader = await panel.openReaderTab(new RegExp(POOLS.title));
  const body = reader.page.locator('.reader-body');

  const note = body.getByRole('listitem').filter({ hasText: 'Most drivers start with ten connections.' });
  const marker = body.getByRole('link', { name: '1', exact: true });
  await marker.focus();
  await expect(marker).toBeFocused();
  await expect(note).not.toBeInViewport();
  await reader.page.keyboard.press('Enter');
  await expect(note).toBeFocused();
  await expect(note).toBeInViewport();
  // A middle click on its ↩ goes back to the marker, as a click does, and opens no tab of the reader's own
  // address (the README): checked once the steps below have given such a tab time to open.
  const opened: string[] = [];
  context.on('page', (page) => opened.push(page.url()));
  await note.getByRole('link').click({ button: 'middle' });
  await expect(
    body.locator('sup').filter({ has: reader.page.getByRole('link', { name: '1', exact: true }) }),
  ).toBeFocused();

  const moreNotes = body.getByRole('group').filter({ hasText: 'More notes' });
  const foldedNote = body.getByRole('listitem').filter({ hasText: 'Serverless functions share one pool' });
  await expect(moreNotes).not.toHaveAttribute('open');
  await expect(foldedNote).toBeHidden();
  await body.getByRole('link', { name: '2', exact: true }).click();
  await expect(moreNotes).toHaveAttribute('open');
  await expect(foldedNote).toBeVisible();
  await expect(foldedNote).toBeFocused();
  await expect(foldedNote).toBeInViewport();
  expect(opened).toEqual([]);

  // "Open link in new tab" from the browser's menu opens the marker's address (the reader tab's with
  // #shelf-copy-…, from the side panel too): that reader shows the same item, at the note, focused, and
  // the share read stays 0.
  const panelMarker = panel.page.locator('.reader-body').getByRole('link', { name: '1', exact: true });
  for (const link of [marker, panelMarker]) {
    const markerAddress = await link.evaluate((anchor) => (anchor as HTMLAnchorElement).href);
    expect(markerAddress).toMatch(/\/sidepanel\.html\?reader=.+#shelf-copy-/);
    const newTab = await reader.page.context().newPage();
    await newTab.goto(markerAddress);
    const openedNote = newTab
      .locator('.reader-body li')
      .filter({ hasText: 'Most drivers start with ten connections.' });
    await expect(openedNote).toBeFocused();
    await expect(openedNote).toBeInViewport();
    await expect(newTab.locator('.reader-stats')).toContainText(' 0% read');
    await newTab.close();
  }
});

test('Next in reading list opens the next saved item in the same tab', async ({ context, extensionId }) => {
  const THREADS = { title: 'Sizing thread pools', url: 'https://example.com/threads' };
  const panel = await openSidePanel(context, extensionId);
  await panel.importFile({ name: 'omnivore.zip', mimeType: 'application/zip', buffer: omnivoreZip() });
  await panel.importFile({ name: 'threads.zip', mimeType: 'application/zip', buffer: omnivoreZip(THREADS) });
  const reader = await panel.openReaderTab(new RegExp(POOLS.title));
  await expect(reader.page).toHaveTitle(POOLS.title);
  await reader.page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await reader.endButton('Next in reading list').click();
  await expect(reader.page).toHaveTitle(THREADS.title);
  await expect(reader.openOriginal).toHaveAttribute('href', THREADS.url);
});
