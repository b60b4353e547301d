import { describe, expect, it } from 'vitest';
import { articleItemId, normalizePageUrl, pageItemId } from '@/lib/db/ids';

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
