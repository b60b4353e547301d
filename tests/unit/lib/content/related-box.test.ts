import { describe, expect, it, vi } from 'vitest';
import { sidePanelHintText } from '@/lib/content/box-dom';
import { renderRelatedBox } from '@/lib/content/related-box';

// Issue #6 names the box's way out as "Don't show on this site": a test looking it up by that name
// (a straight apostrophe, as typed) must find it. A typographic ’ would not match.
describe('the related-articles box on other sites', () => {
  it('offers "Don\'t show on this site" and a dismiss button by those names', () => {
    const container = document.createElement('div');
    const onHideOnSite = vi.fn();
    renderRelatedBox(container, [{ id: 'cache-stampede', title: 'Cache Stampede' }], {
      onOpen: vi.fn(),
      onDismiss: vi.fn(),
      onHideOnSite,
      fromUser: () => true,
    });
    const hide = container.querySelector<HTMLButtonElement>('button[aria-label="Don\'t show on this site"]');
    expect(hide).not.toBeNull();
    hide?.click();
    expect(onHideOnSite).toHaveBeenCalledOnce();
    expect(container.querySelector('button[aria-label="Dismiss related articles"]')).not.toBeNull();
    expect(container.querySelector('aside')?.getAttribute('aria-label')).toBe('Shelf: related articles');
  });
});

// QA pass: Escape did not close the box; a keyboard user had to Tab to its × first.
describe('closing the box with Escape', () => {
  it('dismisses the box on the user’s Escape from any of its controls, and not on a page script’s', () => {
    const render = (fromUser: (event: Event) => boolean) => {
      const container = document.createElement('div');
      const onDismiss = vi.fn();
      renderRelatedBox(container, [{ id: 'cache-stampede', title: 'Cache Stampede' }], {
        onOpen: vi.fn(),
        onDismiss,
        onHideOnSite: vi.fn(),
        fromUser,
      });
      const article = container.querySelector('.shelf-box-link') as HTMLElement;
      const escapeKey = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      article.dispatchEvent(escapeKey);
      return { onDismiss, escapeKey };
    };
    const byUser = render(() => true);
    expect(byUser.onDismiss).toHaveBeenCalledOnce();
    expect(byUser.escapeKey.defaultPrevented).toBe(true);
    const byPage = render((event) => event.isTrusted);
    expect(byPage.onDismiss).not.toHaveBeenCalled();
  });
});

// QA pass: on other sites a click on an article opened nothing (no side panel there) and said nothing.
describe('opening an article from the box', () => {
  it('says how to see the card when the browser would not open the side panel, and not when it did', async () => {
    const container = document.createElement('div');
    const opened = [false, true];
    const onOpen = vi.fn(async () => opened.shift() ?? true);
    renderRelatedBox(container, [{ id: 'cache-stampede', title: 'Cache Stampede' }], {
      onOpen,
      onDismiss: vi.fn(),
      onHideOnSite: vi.fn(),
      fromUser: () => true,
    });
    const hint = container.querySelector<HTMLElement>('[role="status"]');
    expect(hint?.hidden).toBe(true);
    const article = container.querySelector<HTMLButtonElement>('.shelf-box-link');
    article?.click();
    expect(onOpen).toHaveBeenCalledWith('cache-stampede');
    await vi.waitFor(() => expect(hint?.hidden).toBe(false));
    expect(hint?.getAttribute('data-text') ?? hint?.textContent).toBe(
      'Open Shelf’s side panel from the toolbar to see the card.',
    );
    article?.click();
    await vi.waitFor(() => expect(hint?.hidden).toBe(true));
  });
});

describe('the hint when the panel did not open', () => {
  it('in Firefox names its sidebar and how to open it (its toolbar button opens the popup)', () => {
    expect(sidePanelHintText(true)).toBe(
      'Open Shelf’s sidebar to see the card: Alt+Shift+L, or View → Sidebar → Shelf.',
    );
    expect(sidePanelHintText(false)).toBe('Open Shelf’s side panel from the toolbar to see the card.');
  });
});
