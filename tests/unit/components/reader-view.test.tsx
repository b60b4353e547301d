import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ReaderView } from '@/components/reader-view';
import type { CaptureRecord } from '@/lib/db/schema';
import { DEFAULT_READER_SETTINGS as DEFAULT_SETTINGS } from '@/lib/settings/reader-settings';

const capture = (patch: Partial<CaptureRecord>): CaptureRecord => ({
  itemId: 'page:x',
  url: 'https://example.org/x',
  title: 'A page',
  byline: null,
  siteName: null,
  excerpt: null,
  lang: 'en',
  dir: 'ltr',
  wordCount: 1000,
  readMinutes: 4,
  html: '<p>Body text</p>',
  text: 'Body text',
  notice: null,
  capturedAt: 0,
  updatedAt: 0,
  ...patch,
});

describe('ReaderView', () => {
  it('renders right-to-left pages right-to-left, in their language', () => {
    render(
      <ReaderView
        capture={capture({ dir: 'rtl', lang: 'ar' })}
        settings={DEFAULT_SETTINGS}
        percentRead={0}
        onSettingsChange={vi.fn()}
      />,
    );
    const article = screen.getByRole('article');
    expect(article.getAttribute('dir')).toBe('rtl');
    expect(article.getAttribute('lang')).toBe('ar');
  });

  it('sanitizes stored HTML again before showing it, and leaves images unloaded unless allowed', () => {
    const stored =
      '<p onclick="alert(1)">Hi</p><script>alert(2)</script><img data-shelf-src="https://img.example/a.png" alt="pic"><a href="javascript:alert(3)">x</a>';
    const { container, rerender } = render(
      <ReaderView
        capture={capture({ html: stored })}
        settings={DEFAULT_SETTINGS}
        percentRead={50}
        onSettingsChange={vi.fn()}
      />,
    );
    const body = container.querySelector('.reader-body') as HTMLElement;
    expect(body.innerHTML).not.toMatch(/onclick|<script|javascript:/);
    expect(screen.getByRole('img', { name: 'pic' }).getAttribute('src')).toBeNull();
    expect(screen.getByText(/50% read · about 2 min left/)).toBeTruthy();
    rerender(
      <ReaderView
        capture={capture({ html: stored })}
        settings={{ ...DEFAULT_SETTINGS, allowRemoteImages: true }}
        percentRead={50}
        onSettingsChange={vi.fn()}
      />,
    );
    expect(screen.getByRole('img', { name: 'pic' }).getAttribute('src')).toBe('https://img.example/a.png');
  });
});
