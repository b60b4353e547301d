import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ArticleCard } from '@/components/article-card';
import { createEffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import type { FieldSource } from '@/lib/catalog-updates/overlay-schema';
import { ARTICLES } from '@/lib/corpus/catalog';

const feed: FieldSource = {
  from: 'feed',
  url: 'https://webcoderspeed.com/rss.xml',
  learnedAt: Date.UTC(2026, 10, 30, 8),
};
const page: FieldSource = {
  from: 'page',
  url: 'https://webcoderspeed.com/blog/scaling/real-address',
  learnedAt: Date.UTC(2026, 11, 1, 23, 30),
};
const written = ARTICLES.find((a) => a.url === null && a.titleSource === 'written' && a.possibleMatches.length === 0)!;

describe('ArticleCard with what was learned from the blog', () => {
  const catalog = createEffectiveCatalog(ARTICLES, [
    {
      kind: 'linked',
      id: written.id,
      matchedBy: 'description',
      fields: {
        url: { value: 'https://webcoderspeed.com/blog/scaling/real-address', source: feed },
        title: { value: 'The Blog’s Own Title', source: page },
      },
    },
    {
      kind: 'learned',
      id: 'vector-clocks',
      fields: {
        url: { value: 'https://webcoderspeed.com/blog/scaling/vector-clocks', source: feed },
        title: { value: 'Vector Clocks', source: feed },
      },
    },
  ]);

  it('opens the learned address, shows the blog’s title, and says where each came from and when', async () => {
    const onOpenLink = vi.fn();
    render(<ArticleCard article={catalog.byId(written.id)!} onOpenLink={onOpenLink} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('The Blog’s Own Title');
    expect(screen.queryByText(/Title written by Shelf/)).toBeNull();
    expect(screen.queryByRole('link', { name: 'Find on webcoderspeed.com' })).toBeNull();
    await userEvent.click(screen.getByRole('link', { name: 'Open article' }));
    expect(onOpenLink).toHaveBeenCalledWith('https://webcoderspeed.com/blog/scaling/real-address');
    const learned = screen.getByRole('region', { name: 'Learned from the blog' });
    expect(within(learned).getByText("address from the blog's feed, 2026-11-30")).toBeTruthy();
    expect(within(learned).getByText("title from the blog's page, 2026-12-01")).toBeTruthy();
    expect(within(learned).queryByText(/New on the blog/)).toBeNull();
  });

  it('marks an article the bundle does not have, and its guessed topic', () => {
    render(<ArticleCard article={catalog.byId('vector-clocks')!} onOpenLink={vi.fn()} />);
    const learned = screen.getByRole('region', { name: 'Learned from the blog' });
    expect(learned.textContent).toContain(
      'New on the blog, not in Shelf’s bundled catalog; its topic is Shelf’s guess.',
    );
  });

  it('says nothing of the blog for an article as bundled', () => {
    render(<ArticleCard article={createEffectiveCatalog(ARTICLES, []).byId(written.id)!} onOpenLink={vi.fn()} />);
    expect(screen.queryByRole('region', { name: 'Learned from the blog' })).toBeNull();
  });
});
