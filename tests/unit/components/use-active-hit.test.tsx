import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useActiveHit } from '@/components/hooks/use-active-hit';
import type { SearchHit } from '@/lib/search/unified';

const page = (itemId: string): SearchHit => ({
  kind: 'page',
  key: itemId,
  confidence: 1,
  page: { itemId, articleId: null, title: itemId, site: '', url: null, score: 1, confidence: 1, reasons: ['text'] },
});

describe('the result ↑/↓ are on', () => {
  it('stays on the one chosen when the list reorders under it (a saved page moving first once its copy is read)', () => {
    const [article, saved, other] = [page('a'), page('b'), page('c')];
    const { result, rerender } = renderHook(({ hits }) => useActiveHit(hits), {
      initialProps: { hits: [article, saved, other] },
    });
    act(() => result.current.move(1));
    act(() => result.current.move(1));
    expect(result.current.active?.key).toBe('b');
    rerender({ hits: [saved, article, other] });
    expect(result.current.activeIndex).toBe(0);
    expect(result.current.active?.key).toBe('b');
    act(() => result.current.move(1));
    expect(result.current.active?.key).toBe('a');
  });

  // Issue #3's "type, ↓, Enter opens the article": ↓ from the box went to the second result.
  it('is none until ↓ chooses the first; Enter acts on the first meanwhile', () => {
    const { result } = renderHook(({ hits }) => useActiveHit(hits), {
      initialProps: { hits: [page('a'), page('b')] },
    });
    expect(result.current.activeIndex).toBe(-1);
    expect(result.current.active?.key).toBe('a');
    act(() => result.current.move(-1));
    expect(result.current.activeIndex).toBe(-1);
    act(() => result.current.move(1));
    expect(result.current.activeIndex).toBe(0);
    expect(result.current.active?.key).toBe('a');
    act(() => result.current.move(1));
    expect(result.current.active?.key).toBe('b');
  });

  it('is none again, Enter on the first, when the one chosen left the list or the search changed', () => {
    const { result, rerender } = renderHook(({ hits }) => useActiveHit(hits), {
      initialProps: { hits: [page('a'), page('b')] },
    });
    act(() => result.current.setActiveIndex(1));
    expect(result.current.active?.key).toBe('b');
    rerender({ hits: [page('x'), page('y')] });
    expect(result.current.activeIndex).toBe(-1);
    expect(result.current.active?.key).toBe('x');
    act(() => result.current.setActiveIndex(1));
    act(() => result.current.move(5));
    expect(result.current.active?.key).toBe('y');
    act(() => result.current.move(-9));
    expect(result.current.active?.key).toBe('x');
    act(() => result.current.reset());
    expect(result.current.activeIndex).toBe(-1);
    rerender({ hits: [] });
    expect(result.current.active).toBeNull();
  });
});
