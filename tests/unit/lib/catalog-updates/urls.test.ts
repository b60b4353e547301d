import { describe, expect, it } from 'vitest';
import { resolveUrl } from '@/lib/catalog-updates/urls';

describe('resolveUrl', () => {
  it('resolves relative addresses and refuses missing, blank or broken ones', () => {
    expect(resolveUrl('../b', 'https://webcoderspeed.com/blog/a/')).toBe('https://webcoderspeed.com/blog/b');
    expect(resolveUrl(' /rss.xml ', 'https://webcoderspeed.com/x')).toBe('https://webcoderspeed.com/rss.xml');
    expect(resolveUrl('', 'https://webcoderspeed.com/')).toBeNull();
    expect(resolveUrl('   ', 'https://webcoderspeed.com/')).toBeNull();
    expect(resolveUrl(undefined, 'https://webcoderspeed.com/')).toBeNull();
    expect(resolveUrl('http://[bad', 'https://webcoderspeed.com/')).toBeNull();
  });
});
