import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { omnivoreZip } from '../helpers/library-files';
import { openPopup } from '../pages/popup';
import { openSidePanel } from '../pages/side-panel';

const OUT = process.env.SHOTS_DIR ?? resolve(import.meta.dirname, '../../../assets/screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: resolve(OUT, name), animations: 'disabled' });

test.use({ colorScheme: 'light', deviceScaleFactor: 1 });

test('popup: a search with its results, saved markers, and the reading list', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.saveFirstResult('cold start serverless', /Cold Start Latency/);
  await popup.page.setViewportSize({ width: 460, height: 600 });
  await popup.search('thundering herd');
  await expect(popup.firstResult).toContainText('Thundering Herd');
  await expect(popup.readingListLink).toContainText('1 unread');
  await popup.page.setViewportSize({ width: 460, height: await popup.contentHeight() });
  await shot(popup.page, 'popup.png');
});

test('side panel: an article card with clickable tags, saved, with Back', async ({ context, extensionId }) => {
  const panel = await openSidePanel(context, extensionId);
  await panel.page.setViewportSize({ width: 400, height: 760 });
  await panel.openCard('Caching & Redis', /Cache Stampede/);
  await panel.page.getByRole('button', { name: 'Save to reading list' }).click();
  await expect(panel.page.getByRole('button', { name: 'Unsave' })).toBeVisible();
  await shot(panel.page, 'side-panel.png');
});

test('reading list: the queue, with a page saved from elsewhere', async ({ context, extensionId }) => {
  const panel = await openSidePanel(context, extensionId);
  await panel.page.setViewportSize({ width: 400, height: 640 });
  await panel.importFile({ name: 'omnivore.zip', mimeType: 'application/zip', buffer: omnivoreZip() });
  const popup = await openPopup(context, extensionId);
  await popup.saveFirstResult('cold start serverless', /Cold Start Latency/);
  await popup.saveFirstResult('thundering herd restart', /Thundering Herd/);
  await popup.page.close();
  await panel.show('Reading list');
  await expect(panel.readingList.rows).toHaveCount(3);
  await shot(panel.page, 'reading-list.png');
});

test('reader: a saved page in a tab of its own, dark', async ({ context, extensionId }) => {
  const panel = await openSidePanel(context, extensionId);
  await panel.importFile({ name: 'omnivore.zip', mimeType: 'application/zip', buffer: omnivoreZip() });
  const reader = await panel.openReaderTab(/Sizing connection pools/);
  await reader.page.setViewportSize({ width: 1000, height: 640 });
  await reader.setColours('Dark');
  await reader.settingsButton.click();
  await shot(reader.page, 'reader.png');
});

test('settings: an import from Raindrop.io with its report', async ({ context, extensionId }) => {
  const panel = await openSidePanel(context, extensionId);
  await panel.page.setViewportSize({ width: 480, height: 760 });
  await panel.importFile(resolve(import.meta.dirname, '../../fixtures/imports/raindrop-export.csv'));
  await panel.settings.report('raindrop-export.csv').scrollIntoViewIfNeeded();
  await shot(panel.page, 'settings-import.png');
});
