import { act, renderHook } from '@testing-library/react';
import Dexie from 'dexie';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { useImport } from '@/components/hooks/use-import';
import { ShelfDatabase } from '@/lib/db/database';
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
