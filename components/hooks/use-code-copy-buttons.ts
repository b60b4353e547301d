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
    const blocks = [...root.querySelectorAll('pre')];
    for (const [at, block] of blocks.entries()) {
      const button = root.ownerDocument.createElement('button');
      button.type = 'button';
      button.className = 'code-copy';
      // Ten buttons all named "Copy" told a screen reader user nothing of which block each copies.
      const name = blocks.length > 1 ? `Copy code block ${at + 1} of ${blocks.length}` : 'Copy code block';
      button.setAttribute('aria-label', name);
      button.dataset.label = 'Copy';
      button.addEventListener('click', () => {
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (see above).
        void navigator.clipboard.writeText(block.innerText).then(
          () => {
            button.dataset.label = 'Copied';
            button.setAttribute('aria-label', 'Copied');
            setTimeout(() => {
              button.dataset.label = 'Copy';
              button.setAttribute('aria-label', name);
            }, COPIED_FOR_MS);
          },
          () => {
            // Named as shown: it kept the name "Copy code block …", and a screen reader never heard it
            // failed. Still naming its block (review: "Copy failed" alone, for good, lost which it copies).
            button.dataset.label = 'Copy failed';
            button.setAttribute('aria-label', `${name} (failed)`);
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
