import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showReadingNow } from '@/lib/content/blog-article';
import { hideOnSite } from '@/lib/content/hidden-sites';
import { learnFromBlogPage } from '@/lib/content/learn-from-blog-page';
import { createPageContext } from '@/lib/content/page-context';
import { PREFERENCES, setPreference } from '@/lib/settings/preferences';

vi.mock('@/lib/content/learn-from-blog-page', () => ({ learnFromBlogPage: vi.fn(async () => false) }));
// A blog page that is no article gets the related box, which waits for a page with little text to
// render (related-on-page.test.ts): not what these tests are about.
vi.mock('@/lib/content/related-on-page', () => ({ showRelatedForPage: vi.fn(async () => {}) }));

/** The background's answer about this page: a saved catalog article, read to 42%. */
function answerPageState() {
  fakeBrowser.runtime.onMessage.addListener((message: { type: string }, _sender, sendResponse) => {
    if (message.type !== 'page-state') return;
    sendResponse({
      ok: true,
      value: {
        article: { id: 'cold-start-latency', title: 'Cold Start Latency' },
        saved: true,
        progress: { fraction: 0.42, scrollFraction: 0.42, scrollY: 4000 },
        related: [{ id: 'a', title: 'Related A' }],
      },
    });
    return true;
  });
}

const shownBox = () => document.querySelector('shelf-reading-now');

afterEach(() => shownBox()?.remove());

describe('the box on a blog article', () => {
  it('shows on the article’s page, in a closed shadow root', async () => {
    answerPageState();
    await showReadingNow(createPageContext(fakeBrowser.runtime), window);
    expect(shownBox()).not.toBeNull();
    expect(shownBox()?.shadowRoot).toBeNull();
  });

  it('stays away from a site in “Never on these sites”', async () => {
    answerPageState();
    await hideOnSite(location.hostname);
    await showReadingNow(createPageContext(fakeBrowser.runtime), window);
    expect(shownBox()).toBeNull();
  });

  it('with related articles shown nowhere, shows only to offer the saved position back', async () => {
    answerPageState();
    await setPreference(PREFERENCES.relatedPlacement, 'nowhere');
    await showReadingNow(createPageContext(fakeBrowser.runtime), window);
    expect(shownBox()).not.toBeNull(); // resume and related are two settings
    shownBox()?.remove();
    await setPreference(PREFERENCES.blogResumeOffer, false);
    await showReadingNow(createPageContext(fakeBrowser.runtime), window);
    expect(shownBox()).toBeNull();
  });

  it('stays closed on an article where the user closed it, and off the blog when told', async () => {
    answerPageState();
    await setPreference(PREFERENCES.blogBoxDismissed, ['some-other-article', 'cold-start-latency']);
    await showReadingNow(createPageContext(fakeBrowser.runtime), window);
    expect(shownBox()).toBeNull();
    await setPreference(PREFERENCES.blogBoxDismissed, ['some-other-article']);
    await setPreference(PREFERENCES.blogBoxHidden, true);
    await showReadingNow(createPageContext(fakeBrowser.runtime), window);
    expect(shownBox()).toBeNull();
    await setPreference(PREFERENCES.blogBoxHidden, false);
    await showReadingNow(createPageContext(fakeBrowser.runtime), window);
    expect(shownBox()).not.toBeNull();
  });

  it('learns from a page the catalog does not know only as loaded, not after a single-page move', async () => {
    fakeBrowser.runtime.onMessage.addListener((message: { type: string }, _sender, sendResponse) => {
      if (message.type !== 'page-state') return;
      sendResponse({ ok: true, value: { article: null, saved: false, progress: null, related: [], highlights: [] } });
      return true;
    });
    // Moved without a new document, the browser may still give the first page's address for it.
    await showReadingNow(createPageContext(fakeBrowser.runtime), window, { moved: true });
    expect(learnFromBlogPage).not.toHaveBeenCalled();
    await showReadingNow(createPageContext(fakeBrowser.runtime), window);
    expect(learnFromBlogPage).toHaveBeenCalledWith(document);
  });
});
