import { act, renderHook } from '@testing-library/react';
import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { useImport } from '@/components/hooks/use-import';
import { ShelfDatabase } from '@/lib/db/database';

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
