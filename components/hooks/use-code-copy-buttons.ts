import { type RefObject, useEffect } from 'react';
import '@/components/reader/copy-extras.css';

const COPIED_FOR_MS = 1500;

/**
 * A `Copy` button on every code block of a copy, copying the block's text exactly as shown:
 * `innerText`, not `textContent`, so text a copy keeps but the reader does not show (a closed
 * `<details>`, a `hidden` element) is never pasted into a terminal unseen. The label is
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
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (see above).
        void navigator.clipboard.writeText(block.innerText).then(
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
