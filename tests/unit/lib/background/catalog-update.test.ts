import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { finishCatalogUpdateCutShort, UPDATE_CUT_SHORT, updateCatalogFromBlog } from '@/lib/background/catalog-update';
import { requestHandlers } from '@/lib/background/request-handlers';
import { ARTICLES } from '@/lib/corpus/catalog';
import { getCatalogOverlay } from '@/lib/db/catalog-overlay';
import { DATABASE_NAME, resetDatabaseConnection } from '@/lib/db/database';
import { dispatchRequest } from '@/lib/messaging/protocol';
import { deleteEverything } from '@/lib/settings/delete-everything';
import { type CatalogUpdateStatus, getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { createFakeFetch, HTML, homePage, ORIGIN, RSS, rssFeed } from '../../../fixtures/catalog-updates/fake-blog';

afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete(DATABASE_NAME);
});

const withoutUrl = ARTICLES.find(
  (article) => !article.url && article.titleSource !== 'written' && !article.summaryTruncated,
)!;

/** The blog's home page and a feed naming `article` at its address on the blog. */
function blogWithFeedFor(article: typeof withoutUrl) {
  const url = `${ORIGIN}/blog/scaling/${article.id}`;
  return createFakeFetch({
    [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
    [`${ORIGIN}/rss.xml`]: {
      headers: RSS,
      body: rssFeed([{ url, title: article.title, description: article.summary }]),
    },
  });
}

describe('updating the catalog from the blog, in the background', () => {
  it('fills in an address from the feed, keeps the report for Settings, and asks only the blog, without cookies', async () => {
    const fake = blogWithFeedFor(withoutUrl);
    const report = await updateCatalogFromBlog(fake.fetch as typeof fetch);
    expect(report[0]).toBe('1 address filled in');
    const overlay = await getCatalogOverlay();
    expect(overlay).toEqual([expect.objectContaining({ kind: 'linked', id: withoutUrl.id })]);
    expect(await getPreference(PREFERENCES.catalogUpdateStatus)).toMatchObject({ state: 'done', lines: report });
    expect(
      fake.requests.every(
        ({ url: asked }) => asked.startsWith(ORIGIN) || asked.startsWith('https://www.webcoderspeed.com'),
      ),
    ).toBe(true);
    expect(fake.requests.every(({ init }) => init.credentials === 'omit')).toBe(true);
  });

  it('“Delete everything” while an update runs leaves nothing of it: no learned address, no report in Settings', async () => {
    const fake = blogWithFeedFor(withoutUrl);
    // The user deletes everything while the update waits for the blog's feed.
    const deletingMidway = async (asked: string, init: RequestInit) => {
      if (asked === `${ORIGIN}/rss.xml`) await deleteEverything();
      return fake.fetch(asked, init);
    };
    await updateCatalogFromBlog(deletingMidway as typeof fetch);
    expect(await getCatalogOverlay()).toEqual([]);
    expect(await getPreference(PREFERENCES.catalogUpdateStatus)).toBeNull();
  });

  it('takes a blog page’s word for itself only from the blog’s own pages', async () => {
    const metadata = {
      url: null,
      titles: [withoutUrl.title],
      descriptions: [withoutUrl.summary],
      published: null,
      tags: [],
      authors: [],
      isArticle: true,
      notes: [],
    };
    const message = { type: 'learn-from-page', metadata };
    const elsewhere = { url: 'https://evil.example/blog/x', tab: { id: 1 } } as never;
    expect(await dispatchRequest(requestHandlers, message, elsewhere)).toMatchObject({ ok: false, error: /refused/ });
    expect(await getCatalogOverlay()).toEqual([]);
    const onTheBlog = { url: `${ORIGIN}/blog/scaling/${withoutUrl.id}`, tab: { id: 1 } } as never;
    expect(await dispatchRequest(requestHandlers, message, onTheBlog)).toEqual({ ok: true, value: { learned: 1 } });
    expect((await getCatalogOverlay())[0]).toMatchObject({ kind: 'linked', id: withoutUrl.id });
  });
});

// QA pass: an update cut short by its service worker left "running" in storage; Settings showed a
// frozen progress bar and kept the button disabled for minutes.
describe('an update cut short by the background stopping', () => {
  it('is turned into a finished one that says so when the background starts again', async () => {
    const left: CatalogUpdateStatus = { state: 'running', phase: 'pages', done: 3, total: 40, lines: [], at: 1 };
    await setPreference(PREFERENCES.catalogUpdateStatus, left);
    await finishCatalogUpdateCutShort();
    expect(await getPreference(PREFERENCES.catalogUpdateStatus)).toMatchObject({
      state: 'done',
      lines: [UPDATE_CUT_SHORT],
    });
  });

  it('leaves a finished report alone', async () => {
    const report: CatalogUpdateStatus = {
      state: 'done',
      phase: 'done',
      done: 1,
      total: 1,
      lines: ['1 address'],
      at: 5,
    };
    await setPreference(PREFERENCES.catalogUpdateStatus, report);
    await finishCatalogUpdateCutShort();
    expect(await getPreference(PREFERENCES.catalogUpdateStatus)).toEqual(report);
  });
});
