import { describe, expect, it, vi } from 'vitest';
import { renderReadingNowBox } from '@/lib/content/reading-now-box';

function render(overrides: Partial<Parameters<typeof renderReadingNowBox>[1]> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const options = {
    title: 'Cold Start Latency <img src=x onerror=alert(1)>',
    resumePercent: 60,
    related: [{ id: 'a', title: 'Related A' }],
    onShowCard: vi.fn().mockResolvedValue(true),
    onShowRelated: vi.fn().mockResolvedValue(true),
    onResume: vi.fn(),
    onDismiss: vi.fn(),
    ...overrides,
  };
  const box = renderReadingNowBox(container, options);
  const button = (name: RegExp) =>
    [...box.querySelectorAll('button')].find((b) => name.test(b.textContent ?? b.getAttribute('aria-label') ?? '')) as
      | HTMLButtonElement
      | undefined;
  return { box, options, button };
}

describe('the box on the blog', () => {
  it('names the article as text, never as HTML', () => {
    const { box } = render();
    expect(box.getAttribute('aria-label')).toBe('Shelf');
    expect(box.querySelector('.shelf-box-title')?.textContent).toBe('Cold Start Latency <img src=x onerror=alert(1)>');
    expect(box.querySelector('img')).toBeNull();
  });

  it('resumes once, then keeps the focus in the box', () => {
    const { button, options } = render();
    const resume = button(/Resume where you left off \(60%\)/);
    resume?.focus();
    resume?.click();
    expect(options.onResume).toHaveBeenCalledTimes(1);
    expect(button(/Resume/)).toBeUndefined();
    expect(document.activeElement?.textContent).toBe('Show card in Shelf');
  });

  it('says how to open the panel when the browser refuses to open it, and not otherwise', async () => {
    const refused = render({ onShowCard: vi.fn().mockResolvedValue(false), resumePercent: null });
    const hint = refused.box.querySelector('[role="status"]') as HTMLElement;
    expect(hint.hidden).toBe(true);
    refused.button(/Show card in Shelf/)?.click();
    await vi.waitFor(() => expect(hint.hidden).toBe(false));

    const related = render();
    related.button(/Related A/)?.click();
    await vi.waitFor(() => expect(related.options.onShowRelated).toHaveBeenCalledWith('a'));
    expect((related.box.querySelector('[role="status"]') as HTMLElement).hidden).toBe(true);
  });

  it('dismisses', () => {
    const { button, options } = render();
    button(/×/)?.click();
    expect(options.onDismiss).toHaveBeenCalled();
  });
});
