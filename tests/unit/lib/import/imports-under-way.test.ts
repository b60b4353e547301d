import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeStoppedImport, watchStoppedImports, whileImporting } from '@/lib/import/imports-under-way';
import type { ImportUnderWay } from '@/lib/settings/preferences';
import { getPreference, PREFERENCES } from '@/lib/settings/preferences';
import { fakeWebLocks as fakeLocks } from '@/tests/unit/helpers/fake-web-locks';

const never = () => new Promise<never>(() => {});
const listed = () => getPreference(PREFERENCES.importsUnderWay);

beforeEach(() => fakeBrowser.reset());

describe('imports under way', () => {
  it('are listed while they run and gone once they end, and a page watching says nothing of them', async () => {
    const locks = fakeLocks();
    const stopped: ImportUnderWay[] = [];
    const stopWatching = watchStoppedImports((entry) => stopped.push(entry), { locks });
    let finish: (value: string) => void = () => {};
    const running = whileImporting(
      { fileName: 'pocket.csv', kind: 'import' },
      () => new Promise<string>((resolve) => (finish = resolve)),
      { locks },
    );
    await expect.poll(listed).toHaveLength(1);
    finish('done');
    expect(await running).toBe('done');
    expect(await listed()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toEqual([]);
    stopWatching();
  });

  it('one whose page closes part-way is said, once, with how far it got, to a page already watching', async () => {
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
    // Two Shelf pages show Settings while it runs (another window's side panel, the options tab).
    const first: ImportUnderWay[] = [];
    const second: ImportUnderWay[] = [];
    const stopFirst = watchStoppedImports((entry) => first.push(entry), { locks });
    const stopSecond = watchStoppedImports((entry) => second.push(entry), { locks });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...first, ...second]).toEqual([]); // still running: its lock is held

    const [name] = locks.heldNames();
    locks.close(name as string); // the page that ran it closed
    await expect.poll(() => first.length + second.length).toBe(1);
    const [said] = [...first, ...second];
    expect(said).toMatchObject({ fileName: 'instapaper.csv', kind: 'import', done: 1_200, total: 20_000 });
    expect(describeStoppedImport(said as ImportUnderWay)).toBe(
      'Importing instapaper.csv stopped before it finished, at 1,200 of 20,000 (its page was closed). What it imported is kept; import the file again to finish it: nothing is added twice.',
    );
    expect(await listed()).toEqual([]);
    stopFirst();
    stopSecond();
  });

  it('one stopped before a page opened is said as that page starts watching', async () => {
    const locks = fakeLocks();
    void whileImporting({ fileName: 'links.txt', kind: 'merge' }, never, { locks });
    await expect.poll(listed).toHaveLength(1);
    locks.close(locks.heldNames()[0] as string);
    const said: ImportUnderWay[] = [];
    const stop = watchStoppedImports((entry) => said.push(entry), { locks });
    await expect.poll(() => said.map((entry) => entry.fileName)).toEqual(['links.txt']);
    stop();
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

  // Its settings are written after the library's one transaction: a page closed then said "nothing was
  // changed" of a library replaced; and a backup of no items starts and ends at 0 of 0, so the count
  // cannot say how far it got: its step is listed, and waited for, once its items are written.
  it.each([
    [
      'while it reads the file, before anything is written',
      false,
      'did not finish (its page was closed): nothing was changed.',
    ],
    [
      'after its items were written, while it restores its settings',
      true,
      'stopped after its saved items replaced those that were here, before all its settings were restored (its page was closed): restore the file again to restore them.',
    ],
  ])('a replacement stopped %s says so', async (_, itemsWritten, said) => {
    const locks = fakeLocks();
    let time = 0;
    void whileImporting(
      { fileName: 'shelf.json', kind: 'replace' },
      async (onProgress, onStep) => {
        onProgress(0, 40);
        if (itemsWritten) {
          time = 30; // one transaction later
          onProgress(40, 40);
          await onStep('recordsWritten');
        }
        return never(); // writing its settings, or still reading the file
      },
      { locks, now: () => time },
    );
    await expect.poll(async () => (await listed())[0]?.step).toBe(itemsWritten ? 'recordsWritten' : 'started');
    const stopped: ImportUnderWay[] = [];
    const stop = watchStoppedImports((entry) => stopped.push(entry), { locks });
    locks.close(locks.heldNames()[0] as string);
    await expect.poll(() => stopped.length).toBe(1);
    expect(describeStoppedImport(stopped[0] as ImportUnderWay)).toBe(`Replacing everything with shelf.json ${said}`);
    stop();
  });

  it('a replacement or a merge that ended is not said, whatever step it had listed', async () => {
    const locks = fakeLocks();
    const stopped: ImportUnderWay[] = [];
    const stop = watchStoppedImports((entry) => stopped.push(entry), { locks });
    for (const kind of ['replace', 'merge'] as const)
      await whileImporting({ fileName: 'shelf.json', kind }, async (_, onStep) => onStep('recordsWritten'), { locks });
    expect(await listed()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toEqual([]);
    stop();
  });

  // The last count is written once the transaction committed, before the step (each a write of its own):
  // a page closed between the two left a replaced library listed at 40 of 40, still "started".
  it('a replacement that listed its whole count replaced the library, even before its step was listed', async () => {
    const locks = fakeLocks();
    void whileImporting(
      { fileName: 'shelf.json', kind: 'replace' },
      async (onProgress) => {
        onProgress(0, 40);
        onProgress(40, 40);
        return never(); // closed before its step is written
      },
      { locks },
    );
    await expect.poll(async () => (await listed())[0]?.done).toBe(40);
    const stopped: ImportUnderWay[] = [];
    const stop = watchStoppedImports((entry) => stopped.push(entry), { locks });
    locks.close(locks.heldNames()[0] as string);
    await expect.poll(() => stopped.length).toBe(1);
    expect(stopped[0]?.step).toBe('started');
    expect(describeStoppedImport(stopped[0] as ImportUnderWay)).toBe(
      'Replacing everything with shelf.json stopped after its saved items replaced those that were here, before all its settings were restored (its page was closed): restore the file again to restore them.',
    );
    stop();
  });

  it('a merge stopped after its items were written says its settings are what is left', () => {
    expect(
      describeStoppedImport({
        id: 'x',
        fileName: 'shelf.json',
        kind: 'merge',
        done: 0,
        total: 0,
        step: 'recordsWritten',
      }),
    ).toBe(
      'Restoring shelf.json stopped after its saved items were restored, before all its settings were restored (its page was closed): restore the file again to restore them.',
    );
  });

  // Entries listed by the version before (storage.session outlives an update of the extension) have no step.
  it('reads entries listed without a step by their count, as before', async () => {
    const old = { id: 'x', fileName: 'shelf.json', kind: 'replace', done: 40, total: 40 };
    await fakeBrowser.storage.session.set({ [PREFERENCES.importsUnderWay.key]: [old] });
    const [read] = await listed();
    expect(read).toEqual(old);
    expect(describeStoppedImport(read as ImportUnderWay)).toBe(
      'Replacing everything with shelf.json stopped after its saved items replaced those that were here, before all its settings were restored (its page was closed): restore the file again to restore them.',
    );
    expect(describeStoppedImport({ ...(read as ImportUnderWay), done: 0 })).toBe(
      'Replacing everything with shelf.json did not finish (its page was closed): nothing was changed.',
    );
  });

  it('without Web Locks the import runs as before, listed nowhere', async () => {
    const result = await whileImporting({ fileName: 'a.csv', kind: 'import' }, async () => 'ok');
    expect(result).toBe('ok');
    expect(await listed()).toEqual([]);
  });
});

// Review: the list was changed one change at a time within a page only; two pages importing at once
// (the side panel and the Settings tab) each read it and wrote it back, without the other's entry.
describe('imports under way in two pages at once', () => {
  it('are both listed: the list is changed one change at a time across pages (a Web Lock)', async () => {
    const locks = fakeLocks();
    const sidePanel = await import('@/lib/import/imports-under-way');
    vi.resetModules(); // another page: its own modules, the same storage and locks
    const settingsTab = await import('@/lib/import/imports-under-way');
    expect(settingsTab.whileImporting).not.toBe(sidePanel.whileImporting);
    void sidePanel.whileImporting({ fileName: 'pocket.csv', kind: 'import' }, never, { locks });
    void settingsTab.whileImporting({ fileName: 'bookmarks.html', kind: 'import' }, never, { locks });
    await expect.poll(async () => (await listed()).length).toBe(2);
    expect((await listed()).map((entry) => entry.fileName).sort()).toEqual(['bookmarks.html', 'pocket.csv']);
  });
});
