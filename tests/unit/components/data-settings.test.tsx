import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfirmQuestion } from '@/components/settings/confirm-question';
import { DataSettings } from '@/components/settings/data-settings';
import { backupText, createBackup } from '@/lib/backup/backup-file';
import { readBackupRecords } from '@/lib/db/backup';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
import { keepFocusInside } from '@/lib/dom/focus-rescue';
import { snapshotPreferences } from '@/lib/settings/preferences';

let backupFile: File;
beforeEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  await saveArticle({ id: 'wal', title: 'WAL', url: null });
  const backup = createBackup(await readBackupRecords(getDatabase()), await snapshotPreferences(), new Date());
  backupFile = new File([backupText(backup)], 'shelf-backup.json', { type: 'application/json' });
  // Saved since the backup: what a replace would lose.
  await saveArticle({ id: 'since', title: 'Saved since', url: null });
});
let stop = new AbortController();
afterEach(() => {
  stop.abort();
  stop = new AbortController();
  resetDatabaseConnection();
});

/** The text of the elements an element's aria-describedby names: what a screen reader says with it. */
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

const ids = async () => (await getDatabase().items.toArray()).map((item) => item.id).sort();

/** "Replace everything" and a file chosen; the question, once the file was read and checked. */
async function chooseToReplace(file = backupFile) {
  const { container } = render(<DataSettings db={getDatabase()} />);
  keepFocusInside(container, stop.signal);
  fireEvent.click(screen.getByRole('radio', { name: 'Replace everything' }));
  fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [file] } });
}

// QA pass: choosing a file under "Replace everything" wiped the library at once, unasked and for good.
describe('Replace everything, asked first', () => {
  it('asks, naming the file, with Cancel focused and described by the question; Cancel changes nothing', async () => {
    await chooseToReplace();
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    expect(descriptionOf(cancel)).toContain('Replace everything Shelf keeps in this browser with shelf-backup.json?');
    expect(await ids()).toEqual(['article:since', 'article:wal']);
    fireEvent.click(cancel);
    expect(screen.queryByRole('button', { name: 'Yes, replace everything' })).toBeNull();
    expect(await ids()).toEqual(['article:since', 'article:wal']);
  });

  it('replaces on yes, says what it did, and the next file merges unless asked again', async () => {
    await chooseToReplace();
    const yes = await screen.findByRole('button', { name: 'Yes, replace everything' });
    yes.focus();
    fireEvent.click(yes);
    // The question gone, the focus is back on the file picker, not on the page's body (QA pass).
    expect(document.activeElement).toBe(screen.getByLabelText('Backup file'));
    await waitFor(async () => expect(await ids()).toEqual(['article:wal']));
    expect(await screen.findByText(/its 1 item replaced the 2 that were here/)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /Merge/ }).checked).toBe(true);
  });
});

// QA pass: a file that is no backup was offered to replace everything, under the line refusing it.
describe('Replace everything with a file that is no backup', () => {
  it('is not asked: the file is refused as it is for a merge, and nothing changes', async () => {
    const notBackup = new File(['{"hello":"world"}'], 'notes.json', { type: 'application/json' });
    await chooseToReplace(notBackup);
    expect(await screen.findByText(/notes\.json: The file is JSON but not a Shelf backup/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Yes, replace everything' })).toBeNull();
    expect(await ids()).toEqual(['article:since', 'article:wal']);
  });
});

describe('Delete everything, asked first', () => {
  // QA pass: a screen reader heard "Delete everything, group, Cancel, button", not the question.
  it('describes its answers by the question', () => {
    render(<DataSettings db={getDatabase()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    for (const name of ['Cancel', 'Yes, delete everything'])
      expect(descriptionOf(screen.getByRole('button', { name }))).toContain(
        'Delete everything Shelf keeps in this browser?',
      );
  });
});

describe('a question whose answer would disturb what runs', () => {
  // A review: "Yes, replace everything" stayed open to a click while an import ran, which a replace ends.
  it('offers Cancel only', () => {
    let confirmed = 0;
    render(
      <ConfirmQuestion
        lines={['Replace everything?']}
        confirmLabel="Yes, replace everything"
        confirmDisabled
        onConfirm={() => confirmed++}
        onCancel={() => {}}
      />,
    );
    const yes = screen.getByRole<HTMLButtonElement>('button', { name: 'Yes, replace everything' });
    expect(yes.disabled).toBe(true);
    fireEvent.click(yes);
    expect(confirmed).toBe(0);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });
});

// QA pass: "Everything Shelf kept in this browser was deleted." stood on after a restore brought everything back.
describe('result lines', () => {
  it('a new action on the data clears the results of the earlier ones', async () => {
    render(<DataSettings db={getDatabase()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    const deleted = 'Everything Shelf kept in this browser was deleted.';
    expect(await screen.findByText(deleted)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [backupFile] } });
    expect(await screen.findByText(/shelf-backup\.json/)).toBeTruthy();
    expect(await ids()).toEqual(['article:wal']);
    expect(screen.queryByText(deleted)).toBeNull();
    // And the restore's line goes once an import starts, whose own result replaces it.
    const restored = screen.getByText(/shelf-backup\.json/).textContent ?? '';
    const list = new File(['https://example.com/a\n'], 'links.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText(/Import a file/), { target: { files: [list] } });
    await waitFor(() => expect(screen.queryByText(restored)).toBeNull());
    expect(await screen.findByText(/links\.txt \(List of addresses\): 1 record — 1 added/)).toBeTruthy();
  });
});
