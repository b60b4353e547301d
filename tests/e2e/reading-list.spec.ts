import { expect, getServiceWorker, launchWithExtension, routeBlogToFixtures, saveFromPopup, test } from './fixtures';
import { blogBox } from './pages/blog-box';
import { scrolledFraction, scrollWithWheel } from './pages/reading';

const COLD_START_URL = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';

test('save from the popup → live in the open side panel → mark done → still there after a browser relaunch', async ({
  context,
  userDataDir,
  fixtureOrigin,
  openPopup,
  openSidePanelPage,
}) => {
  const panel = await openSidePanelPage();
  await panel.getByRole('button', { name: 'Reading list' }).click();
  await expect(panel.getByText('Nothing saved yet')).toBeVisible();

  const popup = await openPopup();
  await saveFromPopup(popup, 'cold start serverless', /Cold Start Latency/);
  await expect(popup.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText(
    'Saved',
  );

  // The side panel was open all along: the item appears without a reload.
  const list = panel.getByRole('list', { name: 'Saved articles' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Cold Start Latency');
  await list.getByRole('checkbox', { name: /Select Cold Start Latency/ }).check();
  await panel.getByRole('button', { name: 'Mark done' }).click();
  await expect(list.getByRole('listitem').first()).toContainText('done');

  await context.close();
  const relaunched = await launchWithExtension(userDataDir);
  await routeBlogToFixtures(relaunched, fixtureOrigin);
  try {
    const worker = await getServiceWorker(relaunched);
    const page = await relaunched.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
    await page.getByRole('button', { name: 'Reading list' }).click();
    const row = page.getByRole('list', { name: 'Saved articles' }).getByRole('listitem');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Cold Start Latency');
    await expect(row).toContainText('done');
  } finally {
    await relaunched.close();
  }
});

test('reading progress on a saved article’s page: leave at ~60%, come back, resume within 5%', async ({
  context,
  openPopup,
  openSidePanelPage,
}) => {
  const popup = await openPopup();
  await saveFromPopup(popup, 'cold start serverless', /Cold Start Latency/);

  const page = await context.newPage();
  await page.goto(COLD_START_URL);
  const box = blogBox(page);
  await expect.poll(() => box.text()).toContain('Cold Start Latency');
  await scrollWithWheel(page, 0.6); // the reader's own scrolling: the only kind Shelf records
  await page.waitForTimeout(1500); // progress is reported at most once a second
  await page.goto('https://webcoderspeed.com/blog/scaling/some-other-page');

  await page.goto(COLD_START_URL);
  await expect.poll(() => box.text()).toContain('Resume where you left off (60%)');
  expect(await page.evaluate(() => scrollY)).toBeLessThan(100);
  await box.click(/Resume where you left off/);
  await expect.poll(() => scrolledFraction(page)).toBeCloseTo(0.6, 1);

  const panel = await openSidePanelPage();
  await panel.getByRole('button', { name: 'Reading list' }).click();
  const row = panel.getByRole('list', { name: 'Saved articles' }).getByRole('listitem').first();
  await expect(row).toContainText(/(59|60|61)% read/);
  await expect(row).toContainText('reading');
});

test('importing a corrupt backup says what is wrong and changes nothing; a valid one merges', async ({
  openPopup,
  openSidePanelPage,
}) => {
  const popup = await openPopup();
  await saveFromPopup(popup, 'cold start serverless', /Cold Start Latency/);
  const panel = await openSidePanelPage();
  await panel.getByRole('button', { name: 'Settings' }).click();
  const corrupt = {
    format: 'shelf-backup',
    version: 1,
    exportedAt: '2026-11-26T00:00:00.000Z',
    items: [{ id: 'x' }],
    progress: [],
    settings: [],
  };
  await panel.getByLabel('Backup file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(corrupt)),
  });
  await expect(panel.getByRole('alert')).toContainText('broken.json: items[0] ("x")');
  await expect(panel.getByRole('alert')).toContainText('Nothing was imported');

  const valid = {
    ...corrupt,
    items: [
      {
        id: 'article:thundering-herd-service-restart',
        kind: 'article',
        articleId: 'thundering-herd-service-restart',
        url: 'https://webcoderspeed.com/blog/scaling/thundering-herd-service-restart',
        title: 'Thundering Herd on Service Restart — The Restart That Kills Your System',
        status: 'done',
        tags: ['imported'],
        note: '',
        addedAt: 1,
        updatedAt: 1,
      },
    ],
  };
  await panel.getByLabel('Backup file').setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(valid)),
  });
  await expect(panel.getByRole('status').filter({ hasText: 'Imported good.json' })).toContainText('1 added');
  await panel.getByRole('button', { name: 'Reading list' }).click();
  await expect(panel.getByRole('list', { name: 'Saved articles' }).getByRole('listitem')).toHaveCount(2);
});
