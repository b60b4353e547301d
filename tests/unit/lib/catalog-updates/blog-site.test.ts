import { describe, expect, it } from 'vitest';
import { BLOG_SITE, createBlogSite } from '@/lib/catalog-updates/blog-site';
import { normalizeBlogUrl } from '@/lib/corpus/blog-url';
import { ARTICLES } from '@/lib/corpus/catalog';

describe('the blog site', () => {
  it('normalizes addresses exactly as the bundled catalog does, under both host spellings', () => {
    for (const url of [
      'https://www.webcoderspeed.com/blog/scaling/x/',
      'http://webcoderspeed.com/blog/nodejs/y?ref=1#top',
      'https://WEBCODERSPEED.com/blog/scaling/z',
    ]) {
      expect(BLOG_SITE.toSiteUrl(url)).toBe(normalizeBlogUrl(url));
    }
    for (const article of ARTICLES) if (article.url) expect(BLOG_SITE.toSiteUrl(article.url)).toBe(article.url);
  });

  it('refuses other hosts, look-alikes, ports, credentials and other schemes', () => {
    for (const url of [
      'https://webcoderspeed.com.evil.example/blog/a/b',
      'https://evilwebcoderspeed.com/blog/a/b',
      'https://blog.webcoderspeed.com/blog/a/b',
      'https://webcoderspeed.com:8443/blog/a/b',
      'https://user:pass@webcoderspeed.com/blog/a/b',
      'ftp://webcoderspeed.com/blog/a/b',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(BLOG_SITE.toSiteUrl(url), url).toBeNull();
      expect(BLOG_SITE.toRequestUrl(url), url).toBeNull();
    }
  });

  it('keeps the query and host spelling of an address to request, over https, without the hash', () => {
    expect(BLOG_SITE.toRequestUrl('/feed?format=rss#x', 'http://www.webcoderspeed.com/')).toBe(
      'https://www.webcoderspeed.com/feed?format=rss',
    );
  });

  it('knows an article address from a listing, tag or home page', () => {
    expect(BLOG_SITE.isArticleUrl('https://webcoderspeed.com/blog/scaling/cache-stampede')).toBe(true);
    expect(BLOG_SITE.isArticleUrl('https://webcoderspeed.com/blog/nodejs/x')).toBe(true);
    expect(BLOG_SITE.isArticleUrl('https://webcoderspeed.com/blog/page/2')).toBe(false);
    expect(BLOG_SITE.isArticleUrl('https://webcoderspeed.com/tags/redis')).toBe(false);
    expect(BLOG_SITE.isArticleUrl('https://webcoderspeed.com/blog/scaling')).toBe(false);
    expect(BLOG_SITE.isArticleUrl('https://webcoderspeed.com/')).toBe(false);
  });

  it('takes another origin, given with either spelling', () => {
    const site = createBlogSite('https://www.example.org');
    expect(site.hosts).toEqual(['example.org', 'www.example.org']);
    expect(site.toSiteUrl('https://www.example.org/blog/a/b/')).toBe('https://example.org/blog/a/b');
  });
});
