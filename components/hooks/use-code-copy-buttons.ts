import { type RefObject, useEffect } from 'react';
import '@/components/reader/copy-extras.css';

const COPIED_FOR_MS = 1500;

/**
 * A `Copy` button on every code block of a copy, copying the block's text exactly. The label is
 * drawn by CSS (`data-label`), not a text node, so the reader's text (highlights, progress) is the
 * copy's text alone.
 */
export function useCodeCopyButtons(body: RefObject<HTMLElement | null>, html: string): void {
  useEffect(() => {
    const root = body.current;
    if (!root) return;
    const buttons: HTMLButtonElement[] = [];
    for (const block of root.querySelectorAll('pre')) {
      const button = root.ownerDocument.createElement('button');
      button.type = 'button';
      button.className = 'code-copy';
      button.setAttribute('aria-label', 'Copy');
      button.dataset.label = 'Copy';
      button.addEventListener('click', () => {
        void navigator.clipboard.writeText(block.textContent ?? '').then(
          () => {
            button.dataset.label = 'Copied';
            button.setAttribute('aria-label', 'Copied');
            setTimeout(() => {
              button.dataset.label = 'Copy';
              button.setAttribute('aria-label', 'Copy');
            }, COPIED_FOR_MS);
          },
          () => {
            button.dataset.label = 'Copy failed';
          },
        );
      });
      block.before(button);
      buttons.push(button);
    }
    return () => {
      for (const button of buttons) button.remove();
    };
  }, [body, html]);
}
