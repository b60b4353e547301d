import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { requestHandlers } from '@/lib/background/request-handlers';
import { ARTICLES } from '@/lib/corpus/catalog';
import { DATABASE_NAME, resetDatabaseConnection } from '@/lib/db/database';
import { dispatchRequest } from '@/lib/messaging/protocol';

afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete(DATABASE_NAME);
});

const ORIGIN = 'https://webcoderspeed.com';
const withoutUrl = ARTICLES.find(
  (article) => !article.url && article.titleSource === 'written' && article.possibleMatches.length === 0,
)!;
const pageUrl = `${ORIGIN}/blog/scaling/the-real-address-of-it`;
const metadata = (overrides: Record<string, unknown> = {}) => ({
  url: null,
  titles: ['The Blog’s Own Title For It'],
  descriptions: [withoutUrl.summary],
  published: '2026-11-02',
  tags: ['Backend'],
  authors: [],
  isArticle: true,
  notes: [],
  ...overrides,
});
const fromTab = (url: string) => ({ url, tab: { id: 7, url } }) as never;

describe('the background answers from the catalog users see (bundled + learned)', () => {
  it('knows a page once the blog’s page named itself: the box names it, lists related articles, and may keep its progress', async () => {
    const before = await dispatchRequest(requestHandlers, { type: 'page-state', url: pageUrl }, fromTab(pageUrl));
    expect(before).toMatchObject({ ok: true, value: { article: null } });

    const learned = await dispatchRequest(
      requestHandlers,
      { type: 'learn-from-page', metadata: metadata() },
      fromTab(pageUrl),
    );
    expect(learned).toEqual({ ok: true, value: { learned: 1 } });

    const after = await dispatchRequest(requestHandlers, { type: 'page-state', url: pageUrl }, fromTab(pageUrl));
    expect(after).toMatchObject({
      ok: true,
      value: { article: { id: withoutUrl.id, title: 'The Blog’s Own Title For It' }, saved: false },
    });
    expect((after as { value: { related: unknown[] } }).value.related).toHaveLength(3);
    // The page now speaks for that article (and only for it).
    const progress = { articleId: withoutUrl.id, fraction: 0.5, scrollFraction: 0.5, scrollY: 100 };
    expect(
      await dispatchRequest(requestHandlers, { type: 'record-progress', ...progress }, fromTab(pageUrl)),
    ).toMatchObject({ ok: true });
    const other = ARTICLES.find((a) => a.url)!;
    expect(
      await dispatchRequest(
        requestHandlers,
        { type: 'record-progress', ...progress, articleId: other.id },
        fromTab(pageUrl),
      ),
    ).toMatchObject({ ok: false, error: /refused/ });
  });

  it('a blog page moved to another article without a new document speaks for the article the tab shows', async () => {
    const [first, second] = ARTICLES.filter((article) => article.url);
    // Chrome: sender.url stays the document's first address; the tab's (with the blog's permission) follows.
    const moved = { url: first!.url, tab: { id: 7, url: second!.url } } as never;
    const progress = { fraction: 0.5, scrollFraction: 0.5, scrollY: 100 };
    const record = (articleId: string, sender: never) =>
      dispatchRequest(requestHandlers, { type: 'record-progress', ...progress, articleId }, sender);
    expect(await record(second!.id, moved)).toMatchObject({ ok: true });
    expect(await record(first!.id, moved)).toMatchObject({ ok: false, error: /refused/ });
    // A tab on another site shows another document: the sender's own address stays its page.
    const elsewhere = { url: first!.url, tab: { id: 7, url: 'https://example.org/' } } as never;
    expect(await record(first!.id, elsewhere)).toMatchObject({ ok: true });
    expect(await record(second!.id, elsewhere)).toMatchObject({ ok: false, error: /refused/ });
    // What a page read of itself is learned for its own address only: not once the tab shows another.
    const learn = { type: 'learn-from-page', metadata: metadata() };
    const movedOn = { url: pageUrl, tab: { id: 7, url: `${ORIGIN}/blog/scaling/next-one` } } as never;
    expect(await dispatchRequest(requestHandlers, learn, movedOn)).toMatchObject({ ok: false, error: /moved on/ });
  });

  it('opens the card of an article that exists only as learned from the blog', async () => {
    const newUrl = `${ORIGIN}/blog/scaling/hedgehog-sharding`;
    const newPage = metadata({
      titles: ['Hedgehog Sharding: Splitting Hot Partitions'],
      descriptions: ['Splitting a hot partition while it serves traffic.'],
    });
    const message = { type: 'open-article-card', articleId: 'hedgehog-sharding' };
    expect(await dispatchRequest(requestHandlers, message, fromTab(newUrl))).toMatchObject({
      ok: false,
      error: /unknown article/,
    });
    await dispatchRequest(requestHandlers, { type: 'learn-from-page', metadata: newPage }, fromTab(newUrl));
    expect(await dispatchRequest(requestHandlers, message, fromTab(newUrl))).toMatchObject({ ok: true });
  });
});
