import { describe, expect, it, vi } from 'vitest';
import { markReadingNowBoxSaved, renderReadingNowBox } from '@/lib/content/reading-now-box';

/** The text a box element shows (drawn from data-text by the box's CSS; see box-dom.ts). */
const shown = (element: Element | null | undefined) => element?.getAttribute('data-text') ?? null;

function render(overrides: Partial<Parameters<typeof renderReadingNowBox>[1]> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const options = {
    title: 'Cold Start Latency <img src=x onerror=alert(1)>',
    resumePercent: 60,
    saved: true,
    related: [{ id: 'a', title: 'Related A' }],
    onSave: vi.fn().mockResolvedValue(true),
    onShowCard: vi.fn().mockResolvedValue(true),
    onShowRelated: vi.fn().mockResolvedValue(true),
    onResume: vi.fn(),
    onDismiss: vi.fn(),
    // jsdom cannot make trusted events: in these tests every click stands for the user's own.
    fromUser: () => true,
    ...overrides,
  };
  const box = renderReadingNowBox(container, options);
  const button = (name: RegExp) =>
    [...box.querySelectorAll('button')].find((b) => name.test(b.getAttribute('aria-label') ?? '')) as
      | HTMLButtonElement
      | undefined;
  return { box, options, button };
}

describe('the box on the blog', () => {
  it('names the article as text, never as HTML, and holds no text node a page could find', () => {
    const { box } = render();
    expect(box.getAttribute('aria-label')).toBe('Shelf');
    expect(shown(box.querySelector('.shelf-box-title'))).toBe('Cold Start Latency <img src=x onerror=alert(1)>');
    expect(box.querySelector('img')).toBeNull();
    expect(box.textContent).toBe(''); // window.find() searches text nodes, even in closed shadow roots
    expect(shown(box.querySelector('button.shelf-box-action'))).toBe('Resume where you left off (60%)');
  });

  it('resumes once, then keeps the focus in the box', () => {
    const { button, options } = render();
    const resume = button(/Resume where you left off \(60%\)/);
    resume?.focus();
    resume?.click();
    expect(options.onResume).toHaveBeenCalledTimes(1);
    expect(button(/Resume/)).toBeUndefined();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Related (1)');
  });

  it('starts as a pill: the rest opens and closes with "Related (n)"', () => {
    const { box, button } = render();
    const more = box.querySelector('.shelf-box-more') as HTMLElement;
    const toggle = button(/^Related \(1\)$/) as HTMLButtonElement;
    expect(box.classList.contains('shelf-pill')).toBe(true);
    expect(more.hidden).toBe(true);
    expect(more.contains(button(/Show card in Shelf/) ?? null)).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    expect(more.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(box.classList.contains('shelf-pill')).toBe(false);
    toggle.click();
    expect(more.hidden).toBe(true);
    expect(render({ related: [] }).button(/^More$/)).toBeDefined();
  });

  it('offers "Save to Shelf" for an article not saved yet, and says when it is saved', async () => {
    expect(render().button(/Save to Shelf/)).toBeUndefined();
    const { button, options } = render({ saved: false });
    const save = button(/Save to Shelf/) as HTMLButtonElement;
    save.click();
    expect(options.onSave).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(save.getAttribute('data-text')).toBe('Saved to Shelf'));
    // Unavailable, yet focusable: a disabled button dropped the keyboard user's focus to <body>.
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(save.disabled).toBe(false);
    save.click();
    expect(options.onSave).toHaveBeenCalledTimes(1);

    const failing = render({ saved: false, onSave: vi.fn().mockRejectedValue(new Error('no')) });
    const retry = failing.button(/Save to Shelf/) as HTMLButtonElement;
    retry.click();
    await vi.waitFor(() => expect(retry.getAttribute('data-text')).toMatch(/Could not save/));
    expect(retry.getAttribute('aria-disabled')).toBe('false');
  });

  it('says "Saved to Shelf" once the article was saved another way (a highlight), and nothing for a saved one', () => {
    const { box, button } = render({ saved: false });
    markReadingNowBoxSaved(box);
    expect(button(/^Saved to Shelf$/)?.getAttribute('aria-disabled')).toBe('true');
    expect(button(/^Save to Shelf$/)).toBeUndefined();
    const saved = render({ saved: true });
    markReadingNowBoxSaved(saved.box);
    expect(saved.button(/Saved to Shelf/)).toBeUndefined();
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
    button(/Dismiss Shelf box/)?.click();
    expect(options.onDismiss).toHaveBeenCalled();
  });

  // QA pass: Escape did nothing. It folds the open box back to its pill, and never closes the box
  // (closed, it stays closed on that article); an Escape the box did not act on is the page's.
  it('folds back to the pill on Escape, focus on the toggle, and leaves a folded box to the page', () => {
    const { box, button, options } = render();
    const toggle = button(/^Related \(1\)$/) as HTMLButtonElement;
    toggle.click();
    const related = button(/Related A/) as HTMLButtonElement;
    related.focus();
    const escapeKey = () => new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    const first = escapeKey();
    related.dispatchEvent(first);
    expect((box.querySelector('.shelf-box-more') as HTMLElement).hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(first.defaultPrevented).toBe(true);

    const second = escapeKey();
    toggle.dispatchEvent(second);
    expect(second.defaultPrevented).toBe(false);
    expect(options.onDismiss).not.toHaveBeenCalled();
  });

  it('acts on the user’s own clicks only: a page script’s clicks do nothing', async () => {
    const { box, button, options } = render({ fromUser: undefined, saved: false }); // the browser's trust flag
    for (const name of [/Resume/, /Save to Shelf/, /^Related \(1\)$/, /Show card/, /Related A/, /Dismiss/])
      button(name)?.click();
    button(/Show card/)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(options.onResume).not.toHaveBeenCalled();
    expect(options.onShowCard).not.toHaveBeenCalled();
    expect(options.onShowRelated).not.toHaveBeenCalled();
    expect(options.onDismiss).not.toHaveBeenCalled();
    expect(options.onSave).not.toHaveBeenCalled();
    expect((box.querySelector('.shelf-box-more') as HTMLElement).hidden).toBe(true);
  });
});
