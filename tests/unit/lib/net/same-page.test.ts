import { describe, expect, it } from 'vitest';
import { isSamePage, parsePageAddresses } from '@/lib/net/same-page';

describe('isSamePage', () => {
  const pages = parsePageAddresses(['https://example.org/article?utm_source=newsletter']);

  it('takes the page itself written with http for https, or with or without www., as the page', () => {
    for (const address of [
      'https://example.org/article',
      'https://EXAMPLE.org:443/article/',
      'http://example.org/article',
      'http://example.org:80/article',
      'https://www.example.org/article',
      'http://www.example.org/article/',
    ])
      expect(isSamePage(address, pages), address).toBe(true);
    expect(isSamePage('https://example.org/article', parsePageAddresses(['http://www.example.org/article']))).toBe(
      true,
    );
  });

  it('keeps another site, port, path or parameter out', () => {
    for (const address of [
      'https://blog.example.org/article',
      'https://www.blog.example.org/article',
      'https://example.org.evil.example/article',
      'https://wwwexample.org/article',
      'https://example.net/article',
      'https://example.org:8443/article',
      'http://example.org:443/article',
      'https://example.org/other',
      'https://example.org/article?page=2',
      'ftp://example.org/article',
      'not an address',
    ])
      expect(isSamePage(address, pages), address).toBe(false);
  });
});
