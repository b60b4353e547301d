import { strToU8, zipSync } from 'fflate';
import { expect, test } from './fixtures';

/** A Pocket export as Pocket mails it: a zip of CSV parts of 10,000 rows, each with a header. */
function pocketZip(rows: number): Buffer {
  const parts: Record<string, Uint8Array> = {};
  for (let part = 0; part * 10_000 < rows; part++) {
    const lines = ['title,url,time_added,cursor,tags,status'];
    for (let i = part * 10_000; i < Math.min(rows, (part + 1) * 10_000); i++) {
      const tags = i % 3 === 0 ? 'databases|to read' : '';
      lines.push(
        `"Article ${i}, imported",https://example.com/articles/${i},${1_600_000_000 + i},${i},${tags},${i % 4 === 0 ? 'archive' : 'unread'}`,
      );
    }
    parts[`part_${String(part).padStart(6, '0')}.csv`] = strToU8(lines.join('\n'));
  }
  return Buffer.from(zipSync(parts));
}

test('import a 20,000-row Pocket zip with progress while the popup and panel stay usable; again adds nothing', async ({
  openPopup,
  openSidePanelPage,
}) => {
  test.setTimeout(120_000);
  const panel = await openSidePanelPage();
  await panel.getByRole('button', { name: 'Settings' }).click();
  const file = { name: 'pocket.zip', mimeType: 'application/zip', buffer: pocketZip(20_000) };
  await panel.getByLabel(/Import a file/).setInputFiles(file);
  const progress = panel.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();

  // While it runs: the panel's own controls respond, and the popup searches.
  const badge = panel.getByRole('checkbox', { name: /Show the number of unread/ });
  await badge.click();
  await expect(badge).not.toBeChecked();
  const popup = await openPopup();
  await popup.getByRole('combobox', { name: 'Search articles' }).fill('thundering herd');
  await expect(popup.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();

  const report = panel.getByRole('status').filter({ hasText: 'pocket.zip' });
  await expect(report).toContainText('20000 records — 20000 added', { timeout: 90_000 });
  await expect(progress).toBeHidden();

  await panel.getByRole('button', { name: 'Reading list' }).click();
  await expect(panel.getByRole('heading', { name: /Reading list/ })).toContainText('(20000)');
  await expect(panel.getByRole('combobox', { name: 'Status' })).toContainText('archived (5000)');
  await panel.getByRole('searchbox', { name: 'Search saved articles' }).fill('Article 19999');
  await expect(panel.getByRole('list', { name: 'Saved articles' }).getByRole('listitem').first()).toContainText(
    'Article 19999, imported',
  );

  await panel.getByRole('button', { name: 'Settings' }).click();
  await panel.getByLabel(/Import a file/).setInputFiles(file);
  await expect(panel.getByRole('status').filter({ hasText: 'pocket.zip' })).toContainText(
    '0 added, 0 merged into items already saved, 20000 already in Shelf',
    { timeout: 90_000 },
  );
  await panel.getByRole('button', { name: 'Reading list' }).click();
  await expect(panel.getByRole('heading', { name: /Reading list/ })).toContainText('(20000)');
});

test('a corrupt file: a clear message that says where, and nothing changes', async ({ openSidePanelPage }) => {
  const panel = await openSidePanelPage();
  await panel.getByRole('button', { name: 'Settings' }).click();
  const input = panel.getByLabel(/Import a file/);
  await input.setInputFiles({
    name: 'urls.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('https://example.com/kept\n'),
  });
  await expect(panel.getByRole('status').filter({ hasText: 'urls.txt' })).toContainText('1 added');

  await input.setInputFiles({
    name: 'part_000000.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'title,url,time_added,tags,status\nGood,https://example.com/good,1,,unread\n"Broken,https://example.com/b,2,,unread\n',
    ),
  });
  await expect(panel.getByRole('alert')).toContainText(
    'part_000000.csv: line 3: a quoted field is never closed. Nothing was imported.',
  );
  await input.setInputFiles({
    name: 'pocket.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from('PK\u0003\u0004broken'),
  });
  await expect(panel.getByRole('alert')).toContainText('pocket.zip: The zip file is damaged');

  await panel.getByRole('button', { name: 'Reading list' }).click();
  const list = panel.getByRole('list', { name: 'Saved articles' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('example.com/kept');
});
