import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ReaderView } from '@/components/reader-view';
import type { CaptureRecord } from '@/lib/db/schema';
import { DEFAULT_READER_SETTINGS as DEFAULT_SETTINGS, type ReaderSettings } from '@/lib/settings/reader-settings';

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

function renderReader(
  patch: Partial<CaptureRecord>,
  { settings = DEFAULT_SETTINGS, percentRead = 0 }: { settings?: ReaderSettings; percentRead?: number } = {},
) {
  const onSettingsChange = vi.fn();
  const props = {
    capture: capture(patch),
    title: capture(patch).title,
    settings,
    percentRead,
    onSettingsChange,
    originalUrl: 'https://example.org/x',
    date: { label: 'Saved', iso: '2026-11-30' },
  };
  const view = render(<ReaderView {...props} />);
  return {
    ...view,
    onSettingsChange,
    rerender: (next: Partial<typeof props>) => view.rerender(<ReaderView {...props} {...next} />),
  };
}

describe('ReaderView', () => {
  it('renders right-to-left pages right-to-left, in their language', () => {
    const { container } = renderReader({ dir: 'rtl', lang: 'ar', html: '<p>نص المقال</p>' });
    const column = container.querySelector('.reader-column') as HTMLElement;
    expect(column.getAttribute('dir')).toBe('rtl');
    expect(column.getAttribute('lang')).toBe('ar');
  });

  // #15: on a right-to-left page the line read "words · 0% read · about 1 min left 133".
  it('keeps its own meta line left to right on a right-to-left page, the page’s words isolated', () => {
    renderReader({ dir: 'rtl', lang: 'ar', wordCount: 133, readMinutes: 1, byline: 'أحمد', siteName: 'الموقع' });
    const stats = screen.getByText(/133 words/).closest('p') as HTMLElement;
    expect(stats.closest('[dir]')?.getAttribute('dir')).toBe('ltr');
    expect(stats.textContent).toMatch(/^133 words · 0% read · about 1 min left/);
    expect(screen.getByText('أحمد').tagName).toBe('BDI');
  });

  it('counts a Chinese or Japanese copy in characters, which is what its count counts', () => {
    renderReader({ lang: 'zh-CN', wordCount: 3800, readMinutes: 15, html: '<p>数据库连接池</p>' });
    const stats = screen.getByText(/3,800 characters/).closest('p') as HTMLElement;
    expect(stats.textContent).toMatch(/^3,800 characters · 0% read · about 15 min left/);
  });

  // QA on unseen pages: Chinese and Japanese pages declaring no language read "560 words", in English.
  it('a copy whose page declares no language is in no language, counted by its text’s script', () => {
    const text = '新闻报道说，今天上午的会议讨论了城市交通的问题。';
    const { container } = renderReader({ lang: null, wordCount: 560, readMinutes: 2, html: `<p>${text}</p>`, text });
    expect((container.querySelector('.reader-column') as HTMLElement).getAttribute('lang')).toBe('');
    expect(screen.getByText(/560 characters/)).toBeTruthy();
  });

  it('says "under a minute left" near the end, and no time left once read to the end (QA: "about 0 min left")', () => {
    const { rerender } = renderReader({ wordCount: 1020, readMinutes: 4 }, { percentRead: 89 });
    const stats = () => (screen.getByText(/1,020 words/).closest('p') as HTMLElement).textContent;
    expect(stats()).toMatch(/^1,020 words · 89% read · under a minute left · Open original$/);
    rerender({ percentRead: 100 });
    expect(stats()).toMatch(/^1,020 words · 100% read · Open original$/);
    rerender({ percentRead: 50 });
    expect(stats()).toMatch(/^1,020 words · 50% read · about 2 min left · Open original$/);
  });

  it('says nothing of time left or progress for a copy without words (it said "about 1 min left")', () => {
    renderReader({ wordCount: 0, readMinutes: 1, html: '' });
    const stats = screen.getByText(/0 words/).closest('p') as HTMLElement;
    expect(stats.textContent).toMatch(/^0 words · Open original$/);
  });

  it('sanitizes stored HTML again before showing it, and leaves images unloaded unless allowed', () => {
    const stored =
      '<p onclick="alert(1)">Hi</p><script>alert(2)</script><img data-shelf-src="https://img.example/a.png" alt="pic"><a href="javascript:alert(3)">x</a>';
    const { container, rerender } = renderReader({ html: stored }, { percentRead: 50 });
    const body = container.querySelector('.reader-body') as HTMLElement;
    expect(body.innerHTML).not.toMatch(/onclick|<script|javascript:/);
    expect(screen.getByRole('img', { name: 'pic' }).getAttribute('src')).toBeNull();
    expect(screen.getByText(/50% read · about 2 min left/)).toBeTruthy();
    rerender({ settings: { ...DEFAULT_SETTINGS, allowRemoteImages: true } });
    expect(screen.getByRole('img', { name: 'pic' }).getAttribute('src')).toBe('https://img.example/a.png');
  });

  it('says where the copy comes from: site, byline, date and a link to the original', () => {
    renderReader({ siteName: 'Example Engineering', byline: 'Ada Lovelace' });
    expect(screen.getByText('Example Engineering')).toBeTruthy();
    expect(screen.getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.getByText('30 November 2026').getAttribute('datetime')).toBe('2026-11-30');
    expect(screen.getByRole('link', { name: 'Open original' }).getAttribute('href')).toBe('https://example.org/x');
  });

  // New user's pass: Readability often keeps the page's own "By …" or "Written by …" in the byline
  // (LWN, the Washington Post, Google's SRE book), and the reader read "By By Nathan Willis".
  it.each([
    ['By Nathan Willis March 25, 2015', 'By Nathan Willis March 25, 2015 · Saved'],
    ['by Erin Cunningham', 'by Erin Cunningham · Saved'],
    ['Written by Rob Ewaschuk Edited by Betsy Beyer', 'Written by Rob Ewaschuk Edited by Betsy Beyer · Saved'],
    ['Ada Lovelace', 'By Ada Lovelace · Saved'],
    ['Bobby Tables', 'By Bobby Tables · Saved'],
    ['Andy Byrne', 'By Andy Byrne · Saved'],
  ])('says "By" once for the byline %j', (byline, line) => {
    renderReader({ byline });
    const meta = screen.getByText(byline).closest('p') as HTMLElement;
    expect(meta.textContent?.startsWith(line)).toBe(true);
  });

  // Red team: a backup's bundled article (no address of its own) with a copy whose address is
  // `javascript:` or `data:` made "Open original" such a link; only a web address is one.
  it.each(['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', ' JavaScript:alert(1)'])(
    'offers "Open original" only for a web address, not %s',
    (url) => {
      const { rerender } = renderReader({ url });
      rerender({ originalUrl: url });
      expect(screen.queryByRole('link', { name: 'Open original' })).toBeNull();
      expect(document.querySelector('a[href]:not([href^="http"])')).toBeNull();
    },
  );

  it('keeps its settings behind a button, with the text size shown', () => {
    const { onSettingsChange } = renderReader({}, { settings: { ...DEFAULT_SETTINGS, readerFontSize: 18 } });
    const button = screen.getByRole('button', { name: 'Reader settings' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('slider', { name: 'Text size' })).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const slider = screen.getByRole('slider', { name: 'Text size' });
    expect(screen.getByText('18 px').tagName).toBe('OUTPUT');
    fireEvent.change(slider, { target: { value: '24' } });
    expect(onSettingsChange).toHaveBeenCalledWith({ readerFontSize: 24 });
    // Escape closes them, the focus back on their button (it stayed open).
    slider.focus();
    fireEvent.keyDown(slider, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('gives a long page an outline of its sections', () => {
    const sections = ['Why pools', 'Sizing', 'Timeouts'].map((title) => `<h2>${title}</h2><p>Text.</p>`).join('');
    renderReader({ html: sections });
    fireEvent.click(screen.getByRole('button', { name: 'Outline' }));
    const outline = screen.getByRole('navigation', { name: 'Outline' });
    expect([...outline.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Why pools',
      'Sizing',
      'Timeouts',
    ]);
    // A jump takes the focus to the section (the outline closes under it: it went to the body).
    Element.prototype.scrollIntoView ??= () => {};
    fireEvent.click(screen.getByRole('button', { name: 'Sizing' }));
    expect(document.activeElement?.textContent).toBe('Sizing');
    expect(document.activeElement?.tagName).toBe('H2');
  });

  it('gives a short page no outline', () => {
    renderReader({ html: '<h2>Only one</h2><p>Text.</p>' });
    expect(screen.queryByRole('button', { name: 'Outline' })).toBeNull();
  });
});
