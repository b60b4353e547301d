import { describe, expect, it } from 'vitest';
import { comparableAddress } from '@/lib/net/same-page';
import { addressOfQuery, withoutAddressNoise } from '@/lib/search/address-query';
import { analyzeQueryWords } from '@/lib/search/text';

describe('a web address in a query', () => {
  it('is one address only when it is the whole query, written with or without its scheme', () => {
    expect(addressOfQuery(' https://www.lwn.net/Articles/637114/ ')).toBe('lwn.net/Articles/637114');
    expect(addressOfQuery('lwn.net/Articles/637114')).toBe('lwn.net/Articles/637114');
    expect(addressOfQuery('127.0.0.1:8080/a/b.html')).toBe('127.0.0.1:8080/a/b.html');
    expect(addressOfQuery('http://example.com/search?q=shelf#top')).toBe('example.com/search?q=shelf');
    expect(addressOfQuery('10.0.0.7:3000/admin')).toBe('10.0.0.7:3000/admin');
    for (const notOne of [
      'node.js caching',
      'lwn.net articles',
      'postgres',
      'v8',
      'ftp://example.com/file',
      '',
      '3.14',
      '1.2.3',
    ])
      expect(addressOfQuery(notOne), notOne).toBeNull();
  });

  it('compares addresses as the same page: scheme, "www.", default port, trailing slash and fragment aside', () => {
    const one = comparableAddress('https://www.example.com:443/a/b/#x');
    expect(comparableAddress('http://example.com/a/b')).toBe(one);
    expect(comparableAddress('https://example.com/a/c')).not.toBe(one);
    expect(comparableAddress('https://example.com/a/b?page=2')).not.toBe(one);
    // Where a link was shared is not which page it is (review).
    expect(comparableAddress('https://example.com/a/b/?utm_source=newsletter&utm_medium=email&fbclid=x')).toBe(one);
    expect(comparableAddress('https://example.com/a/b?page=2&utm_source=x')).toBe('example.com/a/b?page=2');
    expect(comparableAddress('javascript:alert(1)')).toBeNull();
    expect(comparableAddress('not an address')).toBeNull();
  });

  it('is searched for by its host and path: no scheme, query string, fragment or page-file ending', () => {
    expect(withoutAddressNoise('https://www.nytimes.com/2017/world/sudan-sanctions.html?smid=tw#x')).toBe(
      'www.nytimes.com/2017/world/sudan-sanctions',
    );
    expect(withoutAddressNoise('see http://example.com/a/ and index.html')).toBe('see example.com/a and index.html');
    const words = analyzeQueryWords('https://lwn.net/Articles/637114/index.php').map((word) => word.surface);
    expect(words).not.toContain('https');
    expect(words).not.toContain('php');
    expect(words).toContain('lwn.net');
    // Without a scheme, a file name is a word someone may be asking about.
    expect(analyzeQueryWords('index.html served stale').map((word) => word.surface)).toContain('index.html');
    expect(analyzeQueryWords('http caching').map((word) => word.surface)).toContain('http');
  });
});
