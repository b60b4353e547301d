import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCatalogUpdate } from '@/lib/catalog-updates/run-update';
import { ARTICLES } from '@/lib/corpus/catalog';
import { createCatalogOverlayStore, getCatalogOverlay } from '@/lib/db/catalog-overlay';
import { clearAll } from '@/lib/db/clear';
import { ShelfDatabase } from '@/lib/db/database';
import {
  articlePage,
  type BlogArticleSample,
  createFakeFetch,
  HTML,
  homePage,
  ORIGIN,
  RSS,
  rssFeed,
  sitemap,
  XML,
} from '../../../fixtures/catalog-updates/fake-blog';

let db: ShelfDatabase;
beforeEach(() => {
  db = new ShelfDatabase(`shelf-overlay-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const article = (slug: string, title: string): BlogArticleSample => ({
  url: `${ORIGIN}/blog/scaling/${slug}`,
  title,
  description: `${title}: what it is and when it helps.`,
  published: '2026-11-01',
});

describe('the catalog overlay store (lib/db)', () => {
  // "Delete everything" removes what Shelf learned from the blog; an update reads pages 2 s apart
  // for minutes, and went on storing what it learned (and where it was) after the deletion.
  it('an update under way when everything is deleted stores nothing more, and says it stopped', async () => {
    const inFeed = article('learned-from-the-feed', 'Learned From The Feed');
    const pages = [article('first-page', 'The First Page'), article('second-page', 'The Second Page')];
    const { fetch } = createFakeFetch({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
      [`${ORIGIN}/rss.xml`]: { headers: RSS, body: rssFeed([inFeed]) },
      [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap([inFeed.url, ...pages.map((p) => p.url)]) },
      [pages[0]!.url]: { headers: HTML, body: articlePage(pages[0]!) },
      [pages[1]!.url]: { headers: HTML, body: articlePage(pages[1]!) },
    });
    let now = Date.UTC(2026, 11, 1);
    let deleted = false;
    const report = await runCatalogUpdate({
      articles: ARTICLES,
      store: createCatalogOverlayStore(db),
      fetch: async (url, init) => {
        // The user presses "Delete everything" while the first article page is on its way.
        if (url === pages[0]!.url && !deleted) {
          expect((await getCatalogOverlay(db)).map((record) => record.id)).toEqual(['learned-from-the-feed']);
          await clearAll(db);
          deleted = true;
        }
        return fetch(url, init);
      },
      clock: {
        now: () => now,
        sleep: async (ms) => {
          now += ms;
        },
      },
    });
    expect(deleted).toBe(true);
    expect(await getCatalogOverlay(db)).toEqual([]);
    expect(await createCatalogOverlayStore(db).loadCursor()).toBeNull();
    expect(report.stopped).toBe(true);
    expect(report.notes.join(' ')).toMatch(/deleted while this ran/);
  });
});
