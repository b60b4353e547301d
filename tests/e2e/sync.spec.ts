import type { Worker } from '@playwright/test';
import { pageItemId } from '@/lib/db/ids';
import { createChunkEncoder } from '@/lib/sync/chunk-codec';
import { type Entity, type Json, stampTime } from '@/lib/sync/document';
import { MANIFEST_KEY, readRemoteState } from '@/lib/sync/remote-state';
import { planWrite } from '@/lib/sync/write-plan';
import { expect, test } from './fixtures';
import { openPopup } from './pages/popup';
import { openSidePanel } from './pages/side-panel';

/**
 * Sync between browsers in a real Chromium. Two profiles here cannot share `chrome.storage.sync`
 * (no account), so "the other browser" is played by this test: it reads the sync area through the
 * service worker, makes its edits with Shelf's own sync modules, as another Shelf would, and
 * writes the result back into the area — which reaches this browser as a change from elsewhere.
 */
const OTHER_URL = 'https://example.org/saved-on-the-other-browser';

const readArea = (worker: Worker) => worker.evaluate(() => chrome.storage.sync.get(null));

async function editAsOtherBrowser(
  worker: Worker,
  edit: (doc: Map<string, Entity>, register: (v: Json) => { v: Json; t: number; d: string }) => void,
): Promise<void> {
  const area = await readArea(worker);
  const remote = readRemoteState(area);
  if (remote.kind !== 'ok') throw new Error(`the sync area should be readable, not ${remote.kind}`);
  const doc = new Map(remote.doc);
  const now = stampTime(Date.now()) + 1_000;
  edit(doc, (v) => ({ v, t: now, d: 'the-other-browser' }));
  const plan = planWrite({ doc, remote, area, deviceId: 'the-other-browser', now, encode: createChunkEncoder() });
  await worker.evaluate((items) => chrome.storage.sync.set(items), plan.set);
}

/** The synced shelf's value of one field of one item, as the area holds it now. */
async function syncedField(worker: Worker, itemId: string, field: string): Promise<Json | undefined> {
  const remote = readRemoteState(await readArea(worker));
  return remote.kind === 'ok' ? remote.doc.get(`item:${itemId}`)?.fields[field]?.v : undefined;
}

test('sync: off by default; on, the shelf goes to the sync area, another browser’s edits arrive, a malformed area loses nothing', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  test.setTimeout(180_000); // sync waits a few seconds after changes, as it does for the user
  const popup = await openPopup(context, extensionId);
  await popup.saveFirstResult('cold start serverless', /Cold Start Latency/);
  await expect(popup.firstResult).toContainText('Saved');

  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = settings.getByRole('checkbox', { name: "Sync with this browser's account" });
  const status = settings.getByRole('status', { name: 'Sync status' });
  await expect(toggle).not.toBeChecked();
  await expect(status).toContainText('Sync is off');
  await expect(settings.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  expect(await readArea(serviceWorker)).toEqual({});

  await toggle.click(); // the box follows the stored setting, a moment after the click
  await expect(toggle).toBeChecked();
  await expect(status).toContainText('Last synced', { timeout: 30_000 });
  await expect(status).toContainText('Synced: 1 of 1 saved item');
  await expect(status).toContainText(/Room used: [\d,]+ of 102,\d+ bytes/);
  const area = readRemoteState(await readArea(serviceWorker));
  expect(area.kind).toBe('ok');
  const cold =
    area.kind === 'ok' ? [...area.doc].find(([, e]) => /Cold Start Latency/.test(String(e.fields.title?.v))) : null;
  expect(cold).toBeTruthy();
  const coldKey = (cold as [string, Entity])[0];

  // The other browser marks the article done, saves a page and picks the dark theme.
  await editAsOtherBrowser(serviceWorker, (doc, register) => {
    const entity = doc.get(coldKey) as Entity;
    doc.set(coldKey, { ...entity, fields: { ...entity.fields, status: register('done') } });
    doc.set(`item:${pageItemId(OTHER_URL)}`, {
      fields: {
        url: register(OTHER_URL),
        title: register('Saved on the other browser'),
        status: register('unread'),
        tags: register(['elsewhere']),
        note: register('from my laptop'),
        addedAt: register(stampTime(Date.now())),
      },
      deleted: null,
    });
    doc.set('pref:theme', { fields: { value: register('dark') }, deleted: null });
  });
  await expect(settings.locator('html')).toHaveAttribute('data-theme', 'dark', { timeout: 30_000 });
  const panel = await openSidePanel(context, extensionId);
  await panel.show('Reading list');
  await panel.readingList.view('All').click(); // one of the two is done: the default Queue hides it
  await expect(panel.readingList.rows).toHaveCount(2);
  await expect(panel.readingList.row('Saved on the other browser')).toHaveCount(1);
  await expect(panel.page.locator('option', { hasText: 'elsewhere' })).toHaveCount(1); // its tag, in the tag filter
  await expect(panel.readingList.row(/Cold Start Latency/)).toContainText('done');

  // Its readable copy did not travel: the reader offers to capture the page here.
  const reader = await context.newPage();
  await reader.goto(
    `chrome-extension://${extensionId}/sidepanel.html?reader=${encodeURIComponent(pageItemId(OTHER_URL))}`,
  );
  await expect(reader.getByRole('button', { name: 'Capture now' })).toBeVisible();
  await reader.close();

  // An edit here reaches the sync area by itself (a few seconds after the last change).
  await panel.readingList.checkbox('Saved on the other browser').check();
  await panel.readingList.button('Mark done').click();
  await expect
    .poll(() => syncedField(serviceWorker, pageItemId(OTHER_URL), 'status'), { timeout: 30_000 })
    .toBe('done');

  // A damaged sync area: nothing of it is applied, nothing here is lost, Settings says so.
  await serviceWorker.evaluate(
    (manifestKey) =>
      chrome.storage.sync.set({ [manifestKey]: { v: 1, w: 'x', t: 1, c: [['0', 'bad']] }, 'sync.0': '%' }),
    MANIFEST_KEY,
  );
  await settings.getByRole('button', { name: 'Sync now' }).click();
  await expect(settings.getByRole('alert')).toContainText('The synced shelf could not be read', { timeout: 30_000 });
  await expect(panel.readingList.rows).toHaveCount(2);

  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(status).toContainText('Sync is off');
  await expect(settings.getByRole('alert')).toHaveCount(0);
});
