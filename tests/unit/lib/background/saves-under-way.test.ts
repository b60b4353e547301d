import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { reportSavesCutShort, whileSaving } from '@/lib/background/saves-under-way';
import { DATABASE_NAME, resetDatabaseConnection } from '@/lib/db/database';
import { pageItemId } from '@/lib/db/ids';
import { savePage } from '@/lib/db/items';
import { getPreference, PREFERENCES, type SaveUnderWay, setPreference } from '@/lib/settings/preferences';
import { getSidePanelView, setSidePanelView } from '@/lib/side-panel/view';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

/** What the side panel says at the next start, of `saves` a stopped worker left listed as under way. */
async function saidAtNextStart(saves: SaveUnderWay[]) {
  await setPreference(PREFERENCES.savesUnderWay, saves);
  await reportSavesCutShort();
  return getSidePanelView();
}

// QA: the service worker stopped while "Save to Shelf" captured a page; the side panel opened and
// never said anything, and no item was saved.
describe('saves under way when the service worker stops', () => {
  it('a save is listed while it runs, and not after, whether it succeeded or failed', async () => {
    let listedDuring: string[] = [];
    await whileSaving('Backpressure', async () => {
      listedDuring = (await getPreference(PREFERENCES.savesUnderWay)).map((entry) => entry.title);
    });
    await expect(
      whileSaving('Broken', () => Promise.reject(new Error('Shelf can save web pages (http and https) only.'))),
    ).rejects.toThrow('only');
    expect(listedDuring).toEqual(['Backpressure']);
    expect(await getPreference(PREFERENCES.savesUnderWay)).toEqual([]);
  });

  it('one an earlier worker left under way is said in the side panel at the next start, once', async () => {
    await setPreference(PREFERENCES.savesUnderWay, [{ id: 's1', title: 'Retry storms', worker: 'a stopped worker' }]);
    await setSidePanelView({ kind: 'browse' });
    await reportSavesCutShort();
    expect(await getSidePanelView()).toEqual({
      kind: 'message',
      text: 'Shelf stopped before “Retry storms” was saved (the browser restarted its background): it was not saved. Save it again.',
    });
    expect(await getPreference(PREFERENCES.savesUnderWay)).toEqual([]);
    await setSidePanelView({ kind: 'browse' });
    await reportSavesCutShort();
    expect(await getSidePanelView()).toEqual({ kind: 'browse' });
  });

  it('a save this worker has under way (the click that woke it) is not reported', async () => {
    let view: unknown;
    await whileSaving('Just clicked', async () => {
      await reportSavesCutShort();
      view = await getSidePanelView();
      expect((await getPreference(PREFERENCES.savesUnderWay)).map((entry) => entry.title)).toEqual(['Just clicked']);
    });
    expect(view).not.toMatchObject({ kind: 'message' });
  });

  // QA pass: a worker stopped while it fetched the images of a page it had saved (Keep images offline)
  // said "it was not saved. Save it again", of a page in the reading list with its copy.
  it('one stopped once the page and its copy were stored is said to be saved, without some images', async () => {
    let listedDuring: unknown;
    await whileSaving('Backpressure', async (markSaved) => {
      await markSaved();
      listedDuring = await getPreference(PREFERENCES.savesUnderWay);
    });
    expect(listedDuring).toMatchObject([{ title: 'Backpressure', saved: true }]);
    expect(
      await saidAtNextStart([{ id: 's1', title: 'Retry storms', worker: 'a stopped worker', saved: true }]),
    ).toEqual({
      kind: 'message',
      text: 'Shelf stopped while it kept the images of “Retry storms” (the browser restarted its background): the page is saved, without some of its images. Save it again to keep them.',
    });
    expect(await getPreference(PREFERENCES.savesUnderWay)).toEqual([]);
  });

  // Review: with both kinds cut short, only the unsaved ones were said.
  it('both kinds cut short: each said', async () => {
    expect(
      await saidAtNextStart([
        { id: 's1', title: 'Retry storms', worker: 'a stopped worker' },
        { id: 's2', title: 'Backpressure', worker: 'a stopped worker', saved: true },
      ]),
    ).toEqual({
      kind: 'message',
      text: 'Shelf stopped before “Retry storms” was saved (the browser restarted its background): it was not saved. Save it again. Shelf stopped while it kept the images of “Backpressure” (the browser restarted its background): the page is saved, without some of its images. Save it again to keep them.',
    });
  });
});

// QA: a link saved by "Save to Shelf" whose page a stopped worker never fetched stayed "Not captured
// yet", and nobody said why.
describe('a link’s capture cut short', () => {
  it('is said: the item is in the reading list without a copy, to capture now', async () => {
    expect(
      await saidAtNextStart([
        { id: 's1', title: 'Read more', worker: 'a stopped worker', withoutCopy: true },
        { id: 's2', title: 'Backpressure', worker: 'a stopped worker' },
      ]),
    ).toEqual({
      kind: 'message',
      text: 'Shelf stopped before “Backpressure” was saved (the browser restarted its background): it was not saved. Save it again. Shelf stopped while it fetched the page of “Read more” (the browser restarted its background): it is in your reading list without a copy. Open it and choose Capture now.',
    });
    expect(await getPreference(PREFERENCES.savesUnderWay)).toEqual([]);
  });

  // A link that had its copy, fetched again ("Save to Shelf" on it again): it was said to be "without a copy".
  it('of a link that had a copy is said to keep that copy', async () => {
    expect(
      await saidAtNextStart([{ id: 's1', title: 'Read more', worker: 'a stopped worker', withEarlierCopy: true }]),
    ).toEqual({
      kind: 'message',
      text: 'Shelf stopped while it fetched the page of “Read more” again (the browser restarted its background): it is in your reading list with the copy it had.',
    });
    expect(await getPreference(PREFERENCES.savesUnderWay)).toEqual([]);
  });
});

// Red-team pass: the side panel's message holds 1,000 characters at most, and each kind's line names a
// title of up to 300 (a link's text, a page's title): with every kind cut short the message was
// refused, after the list was emptied, and nothing was said at all.
describe('every kind cut short, each with a long title', () => {
  it('is still said, each kind named', async () => {
    const long = (word: string) => `${word} ${'x'.repeat(300)}`.slice(0, 300);
    await setPreference(PREFERENCES.savesUnderWay, [
      { id: 's1', title: long('Unsaved'), worker: 'a stopped worker' },
      { id: 's2', title: long('Linked'), worker: 'a stopped worker', withoutCopy: true },
      { id: 's3', title: long('Imaged'), worker: 'a stopped worker', saved: true },
      { id: 's4', title: long('Again'), worker: 'a stopped worker', withEarlierCopy: true },
      ...Array.from({ length: 95 }, (_, at) => ({ id: `more${at}`, title: long('More'), worker: 'a stopped worker' })),
    ]);
    await setSidePanelView({ kind: 'browse' });
    expect(await reportSavesCutShort()).toBe(true);
    const view = await getSidePanelView();
    expect(view.kind).toBe('message');
    const text = view.kind === 'message' ? view.text : '';
    expect(text).toContain('“Unsaved x');
    expect(text).toContain('(and 95 more) was saved');
    expect(text).toContain('“Linked x');
    expect(text).toContain('Open it and choose Capture now.');
    expect(text).toContain('“Imaged x');
    expect(text).toContain('Save it again to keep them.');
    // A link fetched again for the copy it had (a kind added beside the others): its line fits too.
    expect(text).toContain('“Again x');
    expect(text).toContain('with the copy it had.');
  });
});

// Red-team pass: the title listed is a page's words (a link's text, a tab's title), said later inside
// Shelf's own sentence; a right-to-left override in it ran the rest of that sentence backwards.
describe('a save’s title from the page', () => {
  it('is listed, and said, as a plain line', async () => {
    let listed: unknown;
    await whileSaving('\u202Eevil\tlink\u0007', async () => {
      listed = (await getPreference(PREFERENCES.savesUnderWay)).map((entry) => entry.title);
    });
    expect(listed).toEqual(['evil link']);
  });
});

// Review: a title was cut by UTF-16 units, so an emoji where it was cut (at 300 when listed, at 90 when
// said) left half of itself, shown as "�".
describe('a long title with a character outside the BMP where it is cut', () => {
  it('is listed and said without half a character', async () => {
    const loneHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    let listed = '';
    await whileSaving(`${'a'.repeat(299)}😀 and more`, async () => {
      listed = (await getPreference(PREFERENCES.savesUnderWay))[0]?.title ?? '';
    });
    expect(listed).toBe('a'.repeat(299));
    await setPreference(PREFERENCES.savesUnderWay, [
      { id: 's1', title: `${'b'.repeat(88)}😀 and more`, worker: 'a stopped worker' },
    ]);
    await setSidePanelView({ kind: 'browse' });
    await reportSavesCutShort();
    const view = await getSidePanelView();
    const text = view.kind === 'message' ? view.text : '';
    expect(text).toContain(`“${'b'.repeat(88)}…”`);
    expect(text).not.toMatch(loneHalf);
  });
});

// Both of its callers looked the item's copy up themselves before saying whether it had one.
describe('a link stored before its page is fetched', () => {
  afterEach(async () => {
    resetDatabaseConnection();
    await Dexie.delete(DATABASE_NAME);
  });

  it('is marked by whether its item has a copy, which markLinkStored looks up and answers', async () => {
    const withCopy = await savePage(
      { url: 'https://a.test/kept', title: 'Kept' },
      capturedPage('https://a.test/kept', 'Kept', 'Kept'),
    );
    const bare = await savePage({ url: 'https://a.test/bare', title: 'Bare' }, null);
    const marked: { hadCopy: boolean; listed: unknown }[] = [];
    for (const item of [withCopy, bare])
      await whileSaving(item.title, async (_markSaved, markLinkStored) => {
        const hadCopy = await markLinkStored(item.id);
        marked.push({ hadCopy, listed: (await getPreference(PREFERENCES.savesUnderWay))[0] });
      });
    expect(marked).toMatchObject([
      { hadCopy: true, listed: { title: 'Kept', withEarlierCopy: true } },
      { hadCopy: false, listed: { title: 'Bare', withoutCopy: true } },
    ]);
  });
});

// A page's save is one transaction, its mark another storage: a worker stopped between the two said
// "it was not saved. Save it again" of a page in the reading list with the copy it had just taken.
describe('a page stored before its save was marked', () => {
  afterEach(async () => {
    resetDatabaseConnection();
    await Dexie.delete(DATABASE_NAME);
  });

  it('is said to be saved when its copy was taken after the save began; a page saved earlier is not', async () => {
    const url = 'https://a.test/stored';
    const earlier = 'https://a.test/earlier';
    await savePage({ url: earlier, title: 'Earlier' }, capturedPage(earlier, 'Earlier', 'Earlier'), { now: 1_000 });
    // The stopped worker's save of each: the first got as far as storing its page, the second did not.
    await savePage({ url, title: 'Stored' }, capturedPage(url, 'Stored', 'Stored'), { now: 5_000 });
    const stopped = { worker: 'a stopped worker', startedAt: 4_000 };
    expect(
      await saidAtNextStart([
        { id: 's1', title: 'Stored', pageItemId: pageItemId(url), ...stopped },
        { id: 's2', title: 'Earlier', pageItemId: pageItemId(earlier), ...stopped },
      ]),
    ).toEqual({
      kind: 'message',
      text: 'Shelf stopped before “Earlier” was saved (the browser restarted its background): it was not saved. Save it again. Shelf stopped while it kept the images of “Stored” (the browser restarted its background): the page is saved, without some of its images. Save it again to keep them.',
    });
  });

  it('is listed with its item’s id and when its save began', async () => {
    let listed: unknown;
    await whileSaving(
      'Stored',
      async () => {
        listed = (await getPreference(PREFERENCES.savesUnderWay))[0];
      },
      { pageItemId: 'page:x', now: () => 1_234 },
    );
    expect(listed).toMatchObject({ title: 'Stored', pageItemId: 'page:x', startedAt: 1_234 });
  });
});
