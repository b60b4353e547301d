import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ArticleCard } from '@/components/article-card';
import { ARTICLES, getArticleById } from '@/lib/corpus/catalog';

describe('ArticleCard', () => {
  it('shows title, topic, tags, reading time and a link to the article', async () => {
    const article = getArticleById('cold-start-latency')!;
    const onOpenLink = vi.fn();
    render(<ArticleCard article={article} onOpenLink={onOpenLink} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(article.title);
    expect(screen.getByText('Performance & scaling')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Tags' }).textContent).toContain('serverless');
    await userEvent.click(screen.getByRole('link', { name: 'Open article' }));
    expect(onOpenLink).toHaveBeenCalledWith('https://webcoderspeed.com/blog/scaling/cold-start-latency');
  });

  it('says when the title was written by Shelf and offers a site search instead of a dead link', () => {
    const article = ARTICLES.find((a) => a.url === null && a.titleSource === 'written')!;
    render(<ArticleCard article={article} onOpenLink={vi.fn()} />);
    expect(screen.getByText(/Title written by Shelf/)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Find on webcoderspeed.com' });
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toContain(`site:webcoderspeed.com ${article.title}`);
  });

  it('offers both candidates for an ambiguous summary, and flags a truncated one', () => {
    const ambiguous = ARTICLES.find((a) => a.possibleMatches.length === 2)!;
    const { unmount } = render(<ArticleCard article={ambiguous} onOpenLink={vi.fn()} />);
    const candidates = screen.getByRole('region', { name: 'Possible matches' });
    expect(candidates.querySelectorAll('a')).toHaveLength(2);
    unmount();
    const truncated = ARTICLES.find((a) => a.summaryTruncated)!;
    render(<ArticleCard article={truncated} onOpenLink={vi.fn()} />);
    expect(screen.getByText(/summary of this article is cut off/)).toBeTruthy();
  });

  it('renders page-like text as text, never as HTML', () => {
    const hostile = { ...getArticleById('cold-start-latency')!, title: '<img src=x onerror=alert(1)>' };
    const { container } = render(<ArticleCard article={hostile} onOpenLink={vi.fn()} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
