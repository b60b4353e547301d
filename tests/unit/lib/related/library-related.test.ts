import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { FIND_RELATED_MENU_ID, handleContextMenuClick } from '@/lib/background/context-menu';
import { resetDatabaseConnection } from '@/lib/db/database';
import { savePage } from '@/lib/db/items';
import { getBundledRelatedEngine } from '@/lib/related/bundled';
import { findRelatedSaved } from '@/lib/related/library-related';
import { createLibraryIndex } from '@/lib/search/library-index';
import { getSidePanelView } from '@/lib/side-panel/view';
import { readDocPage } from '@/scripts/eval/related-docs';
import { loadRealPageText } from '@/scripts/eval/related-set';
import { MISSING_SHARED_REASON, REAL_PAGES_DIR } from '@/scripts/eval/shared-data';
import { capturedPage } from '@/tests/unit/helpers/captured-page';
import { savedPageDocument } from '@/tests/unit/helpers/one-page-library';

/**
 * "Find related" lists the user's saved pages that match (#17). Real pages are the saved library:
 * web pages from ../shared and documentation Debian ships (installed by CI, see related-docs.json).
 */
const SAVED_PAGES = ['google-sre-book-1', 'lwn-1', 'v8-blog', 'bbc-1', 'ars-1', 'gitlab-blog', 'wikipedia', 'wapo-1'];
const DOCS = '/usr/share/doc/';
const SAVED_DOCS = [
  'postgresql-doc-15/html/indexes-intro.html',
  'sqlite3/wal.html',
  'python3.11/html/library/asyncio-task.html',
  'python3.11/html/library/logging.html',
  'git-doc/git-filter-branch.html',
  'python3.11/html/library/turtle.html',
];
/** Documentation on other subjects than any saved page. */
const UNRELATED_DOCS = [
  'python3.11/html/library/wave.html',
  'python3.11/html/library/colorsys.html',
  'python3.11/html/library/gettext.html',
  'python3.11/html/library/mailbox.html',
  'python3.11/html/library/audioop.html',
  'sqlite3/lemon.html',
];
const SUDAN =
  'The Security Council voted on Thursday to extend sanctions against Sudan for another year, citing continued violence in Darfur and the displacement of more than two million people. Diplomats said the arms embargo and travel bans on several officials would remain in place while talks between the army and the paramilitary forces resume.';
const CAKE =
  'Beat the butter and sugar until pale, then add the eggs one at a time with the zest of two lemons. Fold in the flour, pour into a lined tin and bake for forty minutes; while it is still warm, soak the cake with a syrup of lemon juice and icing sugar.';

// The saved library is made of real pages read from ../shared and documentation Debian ships
// (`.ci/run` installs the packages of tests/fixtures/related-docs.json): neither is copied into the
// repo, so without them these tests cannot run, and they skip naming what is missing.
const missingDocs = [...SAVED_DOCS, ...UNRELATED_DOCS].filter((path) => !existsSync(DOCS + path));
const missingPages = SAVED_PAGES.filter((name) => !existsSync(join(REAL_PAGES_DIR, name, 'source.html')));
const reason = !existsSync(REAL_PAGES_DIR)
  ? MISSING_SHARED_REASON
  : missingPages.length > 0
    ? `skipped: real pages absent from ${REAL_PAGES_DIR} (${missingPages.join(', ')})`
    : `skipped: Debian documentation not installed (${missingDocs.map((path) => DOCS + path).join(', ')}; install tests/fixtures/related-docs.json's packages)`;
const available = existsSync(REAL_PAGES_DIR) && missingPages.length === 0 && missingDocs.length === 0;
/** Titles carry the reason when skipped: reporters list a skipped test by its title alone. */
const titled = (title: string) => (available ? title : `${title} (${reason})`);

function savedLibrary() {
  const index = createLibraryIndex();
  const pages = [
    ...SAVED_PAGES.map((name) => ({ id: name, page: loadRealPageText(REAL_PAGES_DIR, name) })),
    ...SAVED_DOCS.map((path) => ({ id: path, page: readDocPage(DOCS + path) })),
  ];
  for (const { id, page } of pages) {
    if (!page) throw new Error(`${id} could not be read`);
    index.put({
      id,
      articleId: null,
      title: page.title,
      url: `https://saved.test/${id}`,
      siteName: null,
      byline: null,
      tags: [],
      note: '',
      highlights: [],
      text: page.text,
      fingerprint: '1',
    });
  }
  return { index, pages: pages as Array<{ id: string; page: { title: string; text: string } }> };
}

describe(available ? 'saved pages related to a text' : `saved pages related to a text: ${reason}`, () => {
  beforeEach((context) => context.skip(!available, reason));
  const engine = getBundledRelatedEngine();
  const { index, pages } = available ? savedLibrary() : { index: createLibraryIndex(), pages: [] };
  const ids = (text: string, options = {}) =>
    findRelatedSaved(index, engine, { text }, options).results.map((hit) => hit.itemId);

  it(titled('finds each saved page first for a passage from the middle of its body'), () => {
    const missed = pages.filter(({ id, page }) => {
      const words = page.text.split(/\s+/).filter(Boolean);
      const from = Math.floor(words.length * 0.5);
      return ids(words.slice(from, from + 60).join(' '))[0] !== id;
    });
    expect(missed.map(({ id }) => id)).toEqual([]);
  });

  it(titled('finds no saved page for paragraphs or documentation on other subjects'), () => {
    expect(ids(SUDAN)).toEqual([]);
    expect(ids(CAKE)).toEqual([]);
    const matched = UNRELATED_DOCS.filter((path) => {
      const page = readDocPage(DOCS + path);
      return page !== null && findRelatedSaved(index, engine, page).results.length > 0;
    });
    expect(matched).toEqual([]);
  });

  it(titled('finds a page by a few specific words, misspelled, through search'), () => {
    expect(ids('drained traffic deploymnets')[0]).toBe('google-sre-book-1');
  });

  it(titled('answers the same from an index restored from its snapshot, and forgets a removed page'), () => {
    const passage = (id: string) => {
      const words = (pages.find((one) => one.id === id)?.page.text ?? '').split(/\s+/).filter(Boolean);
      const from = Math.floor(words.length * 0.4);
      return words.slice(from, from + 60).join(' ');
    };
    const restored = createLibraryIndex();
    restored.restore(index.snapshot());
    const related = (on: typeof index, text: string) =>
      findRelatedSaved(on, engine, { text }).results.map((hit) => [hit.itemId, hit.confidence]);
    for (const id of ['wikipedia', 'sqlite3/wal.html']) {
      expect(related(restored, passage(id))).toEqual(related(index, passage(id)));
      expect(related(restored, passage(id))[0]?.[0]).toBe(id);
    }
    restored.remove('wikipedia');
    expect(related(restored, passage('wikipedia')).map(([id]) => id)).not.toContain('wikipedia');
    expect(related(restored, passage('sqlite3/wal.html'))[0]?.[0]).toBe('sqlite3/wal.html');
  });

  it(titled('leaves out the page itself, by item or by address'), () => {
    const words = (pages.find(({ id }) => id === 'lwn-1')?.page.text ?? '').split(/\s+/);
    const passage = words.slice(1000, 1060).join(' ');
    expect(ids(passage)[0]).toBe('lwn-1');
    expect(ids(passage, { excludeItemId: 'lwn-1' })).not.toContain('lwn-1');
    expect(ids(passage, { excludeUrl: 'https://saved.test/lwn-1' })).not.toContain('lwn-1');
    expect(ids(passage, { excludeUrl: 'https://SAVED.test/lwn-1#comments' })).not.toContain('lwn-1');
    // QA pass: opened from a newsletter's link, or with a trailing slash, it was listed as related to itself.
    expect(ids(passage, { excludeUrl: 'https://www.saved.test/lwn-1/?utm_source=newsletter' })).not.toContain('lwn-1');
  });
});

// QA pass: with only two copies of one story saved, "Find related" on one did not list the other:
// each word was in both, so the page itself made every word look common.
describe('a small library', () => {
  const STORY = `The city council voted on Tuesday to close the old harbour bridge to lorries after engineers
    found cracks in two of its steel girders. Repairs will take at least eighteen months, the council said, and
    will cost about forty million pounds. Hauliers warned that the detour through the ring road adds an hour to
    every delivery to the port, and shopkeepers in the old town fear that fewer visitors will cross the river.
    The bridge opened in 1931 and carries twelve thousand vehicles a day. A ferry service for pedestrians and
    cyclists will run every twenty minutes while the work goes on, and buses will keep using the bridge at low
    speed. Engineers will inspect the girders again in the spring before the repairs begin.`;
  const COPY = `${STORY.replace('The city council voted on Tuesday', 'On Tuesday the city council voted')} Comments are closed.`;
  const CAKE = `Cream the butter and sugar until pale, beat in the eggs one at a time, then fold in the flour
    and the zest of two lemons. Bake in a lined tin for forty minutes, until a skewer comes out clean, and pour
    the lemon syrup over the cake while it is still warm. Leave it to cool in the tin before slicing.`;
  const indexOf = (pages: Record<string, string>) => {
    const index = createLibraryIndex();
    for (const [id, text] of Object.entries(pages))
      index.put({ ...savedPageDocument({ id, title: '', text }), url: `https://news.test/${id}` });
    return index;
  };
  const related = (index: ReturnType<typeof createLibraryIndex>, text: string, excludeItemId: string) =>
    findRelatedSaved(index, getBundledRelatedEngine(), { text }, { excludeItemId }).results.map((hit) => hit.itemId);

  it('lists the other copy of a story from one of two, and nothing unrelated', () => {
    expect(related(indexOf({ story: STORY, copy: COPY }), STORY, 'story')).toEqual(['copy']);
    expect(related(indexOf({ story: STORY, copy: COPY, cake: CAKE }), STORY, 'story')).toEqual(['copy']);
    expect(related(indexOf({ story: STORY, cake: CAKE }), STORY, 'story')).toEqual([]);
    const byAddress = findRelatedSaved(
      indexOf({ story: STORY, copy: COPY }),
      getBundledRelatedEngine(),
      { text: COPY },
      {
        excludeUrl: 'https://NEWS.test/copy#comments',
      },
    );
    expect(byAddress.results.map((hit) => hit.itemId)).toEqual(['story']);
  });

  // QA pass: a saved SQL article's copy holds its queries' result tables; its numbers, words the blog
  // never uses, were its heaviest, and an encyclopedia's population tables holding them was "related".
  it('relates no page by the numbers of their tables alone', () => {
    const rows = (cells: string[]) => cells.map((cell, at) => `${cell} ${(at * 37) % 500} `).join('');
    const numbers = ['12', '500', '400', '60', '200', '17', '18', '2020', '01', '00', '08', '404', '3', '4'];
    const sql = `Detecting anomalies in a time series with SQL: compute the mean and the standard deviation over a
      window, then flag every point whose z-score is past a threshold. ${numbers.map((n) => `${n} | ${n}0 | 17:59:00+00 |`).join(' ')}
      ${rows(numbers)} A backtest on last month's data tells whether the threshold alerts too often.`;
    const towns = `Hamilton, Wellington and Tauranga are among the largest urban areas of the country, with farms, rivers
      and hills between them; most of the people live on the North Island. ${rows(numbers)} ${numbers.join(' ')} ${rows(numbers)}`;
    expect(related(indexOf({ sql, towns, cake: CAKE }), sql, 'sql')).toEqual([]);
  });
});

// QA pass: a new user with two pages of Python's manual saved (asyncio's queues, the wave module) saw
// "Find related" on nearly any other page of that manual (sqlite3, json, csv…) list the wave page: with
// few pages saved, every word is rare among them, and the manual's own words ("return", "object",
// "parameter") covered a third of the text's heaviest words.
const MANUAL = 'python3.11/html/library/';
const SMALL_LIBRARY = ['asyncio-queue.html', 'wave.html'];
const OTHER_MANUAL_PAGES = ['sqlite3.html', 'json.html', 'csv.html', 'gettext.html', 'mailbox.html', 'threading.html'];
const missingManual = [...SMALL_LIBRARY, ...OTHER_MANUAL_PAGES, 'queue.html', 'asyncio-task.html'].filter(
  (name) => !existsSync(DOCS + MANUAL + name),
);
const manualReason = `skipped: Debian documentation not installed (${missingManual.map((name) => DOCS + MANUAL + name).join(', ')}; install tests/fixtures/related-docs.json's packages)`;

describe(
  missingManual.length === 0
    ? "a new user's few saved pages of one manual"
    : `a new user's few saved pages of one manual: ${manualReason}`,
  () => {
    beforeEach((context) => context.skip(missingManual.length > 0, manualReason));
    const read = (name: string) => {
      const page = readDocPage(DOCS + MANUAL + name);
      if (!page) throw new Error(`${name} could not be read`);
      return page;
    };
    const related = (name: string) => {
      const index = createLibraryIndex();
      for (const saved of SMALL_LIBRARY)
        index.put({ ...savedPageDocument({ id: saved, ...read(saved) }), url: `https://docs.test/${saved}` });
      return findRelatedSaved(index, getBundledRelatedEngine(), read(name)).results.map((hit) => hit.itemId);
    };

    it('are not related to the manual’s other pages for the words every page of it says', () => {
      const listed = OTHER_MANUAL_PAGES.map((name) => [name, related(name)]);
      expect(listed).toEqual(OTHER_MANUAL_PAGES.map((name) => [name, []]));
    });

    it('are still related to pages on their subject', () => {
      expect(related('queue.html')).toEqual(['asyncio-queue.html']);
      expect(related('asyncio-task.html')).toEqual(['asyncio-queue.html']);
    });
  },
);

describe('the page the user right-clicked on, however long its address', () => {
  beforeEach(async () => {
    resetDatabaseConnection();
    await Dexie.delete('shelf');
  });
  afterEach(() => resetDatabaseConnection());

  it('is left out of its own related pages with an address as long as a saved one may be', async () => {
    vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    const text = 'Connection pools bound how many queries run at once against the database.';
    const index = createLibraryIndex();
    // Addresses of 4,000 to 4,096 characters were cut shorter for "Find related" than for the saved item.
    for (const length of [4050, 4096, 5000]) {
      const url = `https://long.test/${'p'.repeat(length - 'https://long.test/'.length)}`;
      const item = await savePage({ url, title: 'Pools' }, capturedPage(url, 'Pools', text));
      index.put({ ...libraryDocument(item.id, text), url: item.url });
      await handleContextMenuClick(
        { menuItemId: FIND_RELATED_MENU_ID, editable: false, selectionText: 'connection pools', pageUrl: url },
        { id: 7, windowId: 3, url } as never,
      );
      const view = await getSidePanelView();
      if (view.kind !== 'related') throw new Error(`the side panel shows ${view.kind}`);
      const related = (excludeUrl?: string) =>
        findRelatedSaved(index, getBundledRelatedEngine(), { text: view.query }, { excludeUrl }).results;
      expect(related().map((hit) => hit.itemId)).toContain(item.id);
      expect(related(view.url).map((hit) => hit.itemId)).not.toContain(item.id);
      index.remove(item.id);
    }
  });
});

function libraryDocument(id: string, text: string) {
  return savedPageDocument({ id, title: 'Pools', text });
}
