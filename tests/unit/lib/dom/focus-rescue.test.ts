import { afterEach, describe, expect, it } from 'vitest';
import { keepFocusInside } from '@/lib/dom/focus-rescue';

let stop = new AbortController();
afterEach(() => {
  stop.abort();
  document.body.innerHTML = '';
});

function page(html: string): HTMLElement {
  document.body.innerHTML = `<main id="root">${html}</main>`;
  const root = document.getElementById('root') as HTMLElement;
  stop = new AbortController();
  keepFocusInside(root, stop.signal);
  return root;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('focus kept inside the page when the focused control goes away', () => {
  it('moves to the nearest part still there: its first control', async () => {
    const root = page(
      '<header><h1>Shelf</h1></header><section><h2>Card</h2><ul><li>wal <button id="x">Remove tag wal</button></li></ul><input aria-label="Add tag"></section>',
    );
    (root.querySelector('#x') as HTMLElement).focus();
    root.querySelector('li')?.remove(); // the tag is gone
    await settle();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Add tag');
  });

  it('to the new view’s heading when the whole view was replaced, not the header’s', async () => {
    const root = page(
      '<header><h1>Shelf</h1><button>Back</button></header><section id="view"><button id="r">A result</button></section>',
    );
    (root.querySelector('#r') as HTMLElement).focus();
    root
      .querySelector('#view')
      ?.replaceWith(Object.assign(document.createElement('section'), { innerHTML: '<h2>Cold Start Latency</h2>' }));
    await settle();
    expect(document.activeElement?.textContent).toBe('Cold Start Latency');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('to the new view’s heading when Back itself went with the view it left, not the header’s first button', async () => {
    const root = page(
      '<header><h1>Shelf</h1><nav><button>All articles</button></nav><button id="back">Back</button></header><section id="view"><h2>Card</h2></section>',
    );
    (root.querySelector('#back') as HTMLElement).focus();
    root.querySelector('#back')?.remove();
    root
      .querySelector('#view')
      ?.replaceWith(Object.assign(document.createElement('section'), { innerHTML: '<h2>Search Shelf</h2>' }));
    await settle();
    expect(document.activeElement?.textContent).toBe('Search Shelf');
  });

  it('leaves alone focus moved on purpose, and a control removed after the focus left it', async () => {
    const root = page('<button id="a">A</button><button id="b">B</button><section><button id="c">C</button></section>');
    (root.querySelector('#a') as HTMLElement).focus();
    (root.querySelector('#b') as HTMLElement).focus();
    root.querySelector('#a')?.remove();
    await settle();
    expect(document.activeElement?.id).toBe('b');
    (root.querySelector('#c') as HTMLElement).focus();
    (root.querySelector('#c') as HTMLElement).blur(); // a click on the page's background
    await settle();
    root.querySelector('#c')?.remove();
    await settle();
    expect(document.activeElement).toBe(document.body);
  });
});
