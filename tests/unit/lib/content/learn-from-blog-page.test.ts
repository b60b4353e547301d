import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { learnFromBlogPage } from '@/lib/content/learn-from-blog-page';
import { requestSchema } from '@/lib/messaging/protocol';

const ARTICLE_PAGE = `<!doctype html><html><head>
  <title>Redis Streams: Consumer Groups and Ordering Without Kafka | WebCoderSpeed</title>
  <meta name="description" content="Redis Streams offer persistence, consumer groups, and ordering without Kafka&#39;s operational burden.">
  <link rel="canonical" href="https://webcoderspeed.com/blog/scaling/redis-streams-consumer-groups/">
  <script type="application/ld+json">{"@type":"BlogPosting","headline":"Redis Streams: Consumer Groups","datePublished":"2026-03-02T08:00:00Z","keywords":"redis, streams"}</script>
</head><body><p>Hello</p></body></html>`;

/** Records what the content script sends to the background, answering like it does. */
function recordMessages(): unknown[] {
  const sent: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    sent.push(message);
    sendResponse({ ok: true, value: { learned: 1 } });
    return true;
  });
  return sent;
}

describe('learning while reading, in the blog’s content script', () => {
  it('sends what an article page says about itself, in a message the background accepts', async () => {
    const sent = recordMessages();
    const { document } = new JSDOM(ARTICLE_PAGE, { url: 'https://www.webcoderspeed.com/blog/scaling/redis-streams' })
      .window;
    expect(await learnFromBlogPage(document)).toBe(true);
    expect(sent).toHaveLength(1);
    const parsed = requestSchema.parse(sent[0]);
    expect(parsed).toMatchObject({
      type: 'learn-from-page',
      metadata: {
        url: 'https://webcoderspeed.com/blog/scaling/redis-streams-consumer-groups',
        descriptions: [
          "Redis Streams offer persistence, consumer groups, and ordering without Kafka's operational burden.",
        ],
        published: '2026-03-02',
        isArticle: true,
      },
    });
  });

  it('sends nothing from a page that is not an article (a listing, the blog’s index)', async () => {
    const sent = recordMessages();
    for (const url of [
      'https://webcoderspeed.com/blog/page/2',
      'https://webcoderspeed.com/blog',
      'https://evil.example/blog/a/b',
    ]) {
      const { document } = new JSDOM(ARTICLE_PAGE, { url }).window;
      expect(await learnFromBlogPage(document)).toBe(false);
    }
    expect(sent).toEqual([]);
  });

  it('never throws when the background refuses or is away', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message: unknown, _sender, sendResponse) => {
      sendResponse({ ok: false, error: 'refused' });
      return true;
    });
    const { document } = new JSDOM(ARTICLE_PAGE, { url: 'https://webcoderspeed.com/blog/scaling/x' }).window;
    expect(await learnFromBlogPage(document)).toBe(false);
  });
});
