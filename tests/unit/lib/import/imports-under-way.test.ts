import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  describeStoppedImport,
  type ImportLocks,
  takeStoppedImports,
  whileImporting,
} from '@/lib/import/imports-under-way';
import { getPreference, PREFERENCES } from '@/lib/settings/preferences';

/** Web Locks as the browser keeps them: held while the callback runs, or until its page `close`s. */
function fakeLocks() {
  const held = new Set<string>();
  const locks: ImportLocks & { close(): void } = {
    async request(name, callback) {
      held.add(name);
      try {
        return await callback();
      } finally {
        held.delete(name);
      }
    },
    async query() {
      return { held: [...held].map((name) => ({ name })) };
    },
    close: () => held.clear(),
  };
  return locks;
}

const never = () => new Promise<never>(() => {});
const listed = () => getPreference(PREFERENCES.importsUnderWay);

beforeEach(() => fakeBrowser.reset());

describe('imports under way', () => {
  it('are listed while they run and gone once they end, so nothing is said of them', async () => {
    const locks = fakeLocks();
    let finish: (value: string) => void = () => {};
    const running = whileImporting(
      { fileName: 'pocket.csv', kind: 'import' },
      () => new Promise<string>((resolve) => (finish = resolve)),
      { locks },
    );
    await expect.poll(listed).toHaveLength(1);
    // Another Shelf page opening meanwhile: the import's lock is held, it is not stopped.
    expect(await takeStoppedImports({ locks })).toEqual([]);
    expect(await listed()).toHaveLength(1);
    finish('done');
    expect(await running).toBe('done');
    expect(await listed()).toEqual([]);
    expect(await takeStoppedImports({ locks })).toEqual([]);
  });

  it('one whose page closed part-way is said once, with how far it got', async () => {
    const locks = fakeLocks();
    let time = 0;
    void whileImporting(
      { fileName: 'instapaper.csv', kind: 'import' },
      async (onProgress) => {
        time = 1_500;
        onProgress(1_200, 20_000);
        return never();
      },
      { locks, now: () => time },
    );
    await expect.poll(async () => (await listed())[0]?.done).toBe(1_200);
    locks.close(); // the side panel closed: the browser lets its locks go, and no `finally` runs

    const [stopped, ...others] = await takeStoppedImports({ locks });
    expect(others).toEqual([]);
    expect(stopped).toMatchObject({ fileName: 'instapaper.csv', kind: 'import', done: 1_200, total: 20_000 });
    expect(describeStoppedImport(stopped as NonNullable<typeof stopped>)).toBe(
      'Importing instapaper.csv stopped before it finished, at 1,200 of 20,000 (its page was closed). What it imported is kept; import the file again to finish it: nothing is added twice.',
    );
    expect(await takeStoppedImports({ locks })).toEqual([]);
  });

  it('writes progress at most once a second: a chunk ends every few milliseconds', async () => {
    const locks = fakeLocks();
    let time = 0;
    void whileImporting(
      { fileName: 'links.txt', kind: 'import' },
      async (onProgress) => {
        time = 400;
        onProgress(10, 100); // too soon after the start: not written
        time = 1_100;
        onProgress(60, 100);
        return never();
      },
      { locks, now: () => time },
    );
    await expect.poll(async () => (await listed())[0]?.done).toBe(60);
  });

  it('says what a stopped restore kept: a merge its chunks, a replacement nothing', () => {
    const entry = { id: 'x', fileName: 'shelf.json', done: 0, total: 0 };
    expect(describeStoppedImport({ ...entry, kind: 'merge' })).toBe(
      'Restoring shelf.json stopped before it finished (its page was closed). What it restored is kept; restore the file again to finish it.',
    );
    expect(describeStoppedImport({ ...entry, kind: 'replace' })).toBe(
      'Replacing everything with shelf.json did not finish (its page was closed): nothing was changed.',
    );
  });

  it('without Web Locks the import runs as before, listed nowhere', async () => {
    const result = await whileImporting({ fileName: 'a.csv', kind: 'import' }, async () => 'ok', {
      locks: undefined,
    });
    expect(result).toBe('ok');
    expect(await listed()).toEqual([]);
  });
});
