import { act, renderHook } from '@testing-library/react';
import Dexie from 'dexie';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { useImport } from '@/components/hooks/use-import';
import { createBackup } from '@/lib/backup/backup-file';
import { ShelfDatabase } from '@/lib/db/database';
import { savePage } from '@/lib/db/items';
import { countItems } from '@/lib/db/queries';
import { getPreference, PREFERENCES } from '@/lib/settings/preferences';
import { fakeWebLocks } from '@/tests/unit/helpers/fake-web-locks';

const name = `shelf-use-import-${crypto.randomUUID()}`;
const db = new ShelfDatabase(name);
afterAll(async () => {
  db.close();
  await Dexie.delete(name);
});

/** A file that says it is `size` bytes without holding them (reading it would fail, as a huge one does). */
function fileOfSize(fileName: string, size: number): File {
  const file = new File([], fileName);
  Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.reject(new Error('read failed')) });
  Object.defineProperty(file, 'text', { value: () => Promise.reject(new Error('read failed')) });
  return file;
}

// QA pass: a 2.5 GB file was read before its size was checked, and failed with the browser's
// "could not be read … due to permission problems".
describe('importing files too large to be an export', () => {
  it('refuses an export over 300 MB before reading it, saying why', async () => {
    const { result } = renderHook(() => useImport(db));
    await act(() => result.current.importLibrary(fileOfSize('pocket.zip', 2_500 * 1024 * 1024)));
    expect(result.current.outcome).toEqual({
      kind: 'error',
      text: 'pocket.zip: The file is larger than 300 MB. Nothing was imported.',
    });
    expect(result.current.progress).toBeNull();
  });

  it('refuses a backup over 500 MB before reading it, saying why', async () => {
    const { result } = renderHook(() => useImport(db));
    await act(() => result.current.restore(fileOfSize('shelf.json', 2_500 * 1024 * 1024), 'replace'));
    expect(result.current.restoreMessage).toEqual({
      kind: 'error',
      text: 'shelf.json: The file is larger than 500 MB; it is not a Shelf backup. Nothing was changed.',
    });
  });
});

// QA pass: an import the disk stopped was reported as an ordinary status line.
describe('an import stopped by a full disk', () => {
  it('is an alert that says what was kept', async () => {
    const full = Object.assign(Object.create(db), {
      transaction: () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })),
    }) as ShelfDatabase;
    const { result } = renderHook(() => useImport(full));
    const file = new File(['https://example.com/a\nhttps://example.com/b\n'], 'urls.txt', { type: 'text/plain' });
    await act(() => result.current.importLibrary(file));
    expect(result.current.outcome).toMatchObject({ kind: 'error' });
    expect(result.current.outcome?.text).toContain('The browser ran out of space after 0 of 2 items');
  });
});

// QA pass: a 20,000-row import in the side panel, closed during the progress bar, stopped part-way and
// nothing ever said so (what it wrote was kept).
describe('an import whose page closed before it ended', () => {
  it('is said, once, by a page showing imports, then or later', async () => {
    const locks = fakeWebLocks();
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    try {
      // Writes that never end: the page is closed in the middle of them.
      const stuck = Object.assign(Object.create(db), { transaction: () => new Promise(() => {}) }) as ShelfDatabase;
      const closing = renderHook(() => useImport(stuck));
      const file = new File(['https://example.com/a\nhttps://example.com/b\n'], 'urls.txt', { type: 'text/plain' });
      void closing.result.current.importLibrary(file);
      await vi.waitFor(() => expect(locks.heldNames()).toHaveLength(1));
      await vi.waitFor(async () => expect(await getPreference(PREFERENCES.importsUnderWay)).toHaveLength(1));
      // Another page already shows Settings (e2e: a side panel follows another's view).
      const next = renderHook(() => useImport(db));
      await act(async () => {});
      expect(next.result.current.outcome).toBeNull();
      closing.unmount();
      locks.close(locks.heldNames()[0] as string); // the browser lets a closed page's locks go

      await vi.waitFor(() =>
        expect(next.result.current.outcome).toEqual({
          kind: 'error',
          text: 'Importing urls.txt stopped before it finished (its page was closed). What it imported is kept; import the file again to finish it: nothing is added twice.',
        }),
      );
      next.unmount();
      const after = renderHook(() => useImport(db));
      await act(async () => {});
      expect(after.result.current.outcome).toBeNull();
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
  });
});

// Review: a "Replace everything" from a backup holding no items, its page closed after the library was
// emptied and before its settings were restored, was said to have changed nothing: the list read how
// far it got from its count, and 0 of 0 is both its start and its end.
describe('a replacement from a backup of no items whose page closed while it restored its settings', () => {
  it('is said to have emptied the library, not to have changed nothing', async () => {
    const locks = fakeWebLocks();
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    // Its settings are written, and never done: the page is closed in the middle of them.
    const writingSettings = vi.spyOn(browser.storage.local, 'set').mockReturnValue(new Promise(() => {}) as never);
    const replacedName = `shelf-use-import-replaced-${crypto.randomUUID()}`;
    const replaced = new ShelfDatabase(replacedName);
    try {
      await savePage({ url: 'https://example.com/a', title: 'Kept until now' }, null, { db: replaced });
      const noItems = { items: [], progress: [], captures: [], catalogOverlay: [], highlights: [] };
      const file = new File([JSON.stringify(createBackup(noItems, { readerTheme: 'dark' }))], 'shelf.json');
      const closing = renderHook(() => useImport(replaced));
      void closing.result.current.restore(file, 'replace');
      await vi.waitFor(() => expect(writingSettings).toHaveBeenCalled());
      expect(await countItems(replaced)).toBe(0);
      const next = renderHook(() => useImport(replaced));
      closing.unmount();
      locks.close(locks.heldNames()[0] as string);

      await vi.waitFor(() =>
        expect(next.result.current.restoreMessage).toEqual({
          kind: 'error',
          text: 'Replacing everything with shelf.json stopped after it removed the saved items that were here (the file holds none), before all its settings were restored (its page was closed): restore the file again to restore them.',
        }),
      );
      next.unmount();
    } finally {
      writingSettings.mockRestore();
      Reflect.deleteProperty(navigator, 'locks');
      replaced.close();
      await Dexie.delete(replacedName);
    }
  });
});
