import { describe, expect, it } from 'vitest';
import { articleItemId, fragmentlessPageItemId, normalizePageUrl, pageItemId } from '@/lib/db/ids';

describe('item ids', () => {
  // Defect 2: ids were `page:` + the address cut to 300 characters, so long addresses collided.
  it('gives different ids to long addresses that share their first 300 characters', () => {
    const base = `https://example.org/${'a'.repeat(400)}`;
    expect(pageItemId(`${base}?page=1`)).not.toBe(pageItemId(`${base}?page=2`));
    expect(pageItemId(`${base}?page=1`).length).toBeLessThanOrEqual(30);
  });

  it('gives the same page the same id whatever its fragment, host case or default port', () => {
    const id = pageItemId('https://Example.org:443/post?q=1');
    expect(pageItemId('https://example.org/post?q=1#comments')).toBe(id);
    expect(pageItemId('https://example.org/post?q=2')).not.toBe(id);
    expect(normalizePageUrl('HTTPS://EXAMPLE.org/A#x')).toBe('https://example.org/A');
  });

  // A page saved from a newsletter's link (?utm_source=…) and again from its own address was two items.
  it('gives a page the same id whatever tracking parameters its address carries, and keeps every other parameter', () => {
    const id = pageItemId('https://example.com/a');
    for (const shared of [
      'https://example.com/a?utm_source=x',
      'https://example.com/a?utm_source=x&utm_medium=email&utm_campaign=spring#top',
      'https://example.com/a?fbclid=IwAR0abc',
      'https://example.com/a?gclid=1&msclkid=2',
      'https://example.com/a#comments',
    ])
      expect(pageItemId(shared)).toBe(id);
    const page2 = pageItemId('https://example.com/a?p=2');
    expect(page2).not.toBe(id);
    expect(pageItemId('https://example.com/a?utm_source=x&p=2')).toBe(page2);
    expect(pageItemId('https://example.com/a?p=2&utm_source=x')).toBe(page2);
    expect(normalizePageUrl('https://example.com/watch?v=Ab%20c&utm_source=x&t=1')).toBe(
      'https://example.com/watch?v=Ab%20c&t=1',
    );
  });

  it('keeps the id of an address without tracking parameters as versions 4 to 11 gave it', () => {
    for (const address of ['https://example.com/a', 'https://example.com/a?', 'https://example.com/s?q=a+b&x=%7E#f'])
      expect(pageItemId(address)).toBe(fragmentlessPageItemId(address));
    expect(fragmentlessPageItemId('https://example.com/a?utm_source=x')).not.toBe(pageItemId('https://example.com/a'));
  });

  it('names a bundled article by its catalog id', () => {
    expect(pageItemId('https://webcoderspeed.com/blog/x', 'x')).toBe(articleItemId('x'));
    expect(articleItemId('x')).toBe('article:x');
  });

  it('has no collisions over 20,000 distinct addresses', { timeout: 120_000 }, () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20_000; i++) ids.add(pageItemId(`https://example.org/${i.toString(36)}`));
    expect(ids.size).toBe(20_000);
  });
});
