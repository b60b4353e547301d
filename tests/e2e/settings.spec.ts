import { expect, saveFromPopup, test } from './fixtures';
import { blogBox } from './pages/blog-box';

const ARTICLE_URL = 'https://webcoderspeed.com/blog/scaling/cold-start-latency';

test('settings page: theme follows everywhere, related "nowhere" hides the box, never-here sites, shortcuts', async ({
  context,
  extensionId,
  openPopup,
}) => {
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/options.html`);
  const popup = await openPopup();

  await settings.getByLabel('Theme').selectOption('dark');
  await expect(settings.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark'); // open pages follow at once
  await settings.getByLabel('Theme').selectOption('system');
  await expect(popup.locator('html')).not.toHaveAttribute('data-theme', /./);

  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  await expect.poll(() => blogBox(page).isShown()).toBe(true);
  await settings.getByRole('radio', { name: /Nowhere/ }).click();
  await expect(settings.getByRole('radio', { name: /Nowhere/ })).toBeChecked();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(700); // the box would be up by now (it takes ~50 ms after DOMContentLoaded)
  expect(await blogBox(page).isShown()).toBe(false);
  await settings.getByRole('radio', { name: /On the blog only/ }).click();
  await expect(settings.getByRole('radio', { name: /On the blog only/ })).toBeChecked();
  await page.reload();
  await expect.poll(() => blogBox(page).isShown()).toBe(true);

  await settings.getByLabel('Never show on').fill('https://docs.example.com/some/page');
  await settings.getByRole('button', { name: 'Add site' }).click();
  const sites = settings.getByRole('list', { name: 'Sites where related articles never appear' });
  await expect(sites).toContainText('docs.example.com');
  await sites.getByRole('button', { name: 'Show again on docs.example.com' }).click();
  await expect(settings.getByText(/No sites\./)).toBeVisible();

  const shortcuts = settings.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Save this page to Shelf');
  await expect(shortcuts).toContainText('Open Shelf’s side panel');
});

test('delete everything asks first; Cancel keeps the data, confirming removes it all', async ({
  context,
  extensionId,
  openPopup,
}) => {
  const popup = await openPopup();
  await saveFromPopup(popup, 'cold start serverless', /Cold Start Latency/);

  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/options.html`);
  await settings.getByRole('button', { name: 'Delete everything…' }).click();
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings.getByRole('button', { name: 'Yes, delete everything' })).toHaveCount(0);

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
  await expect(panel.getByRole('list', { name: 'Saved articles' }).getByRole('listitem')).toHaveCount(1);

  await settings.getByRole('button', { name: 'Delete everything…' }).click();
  await settings.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'was deleted' })).toBeVisible();
  // The open panel was reset with the rest (its view lives in session storage).
  await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
  await expect(panel.getByText('Nothing saved yet')).toBeVisible();
  await panel.reload();
  await panel.getByRole('button', { name: 'Reading list', exact: true }).click();
  await expect(panel.getByText('Nothing saved yet')).toBeVisible();
});
