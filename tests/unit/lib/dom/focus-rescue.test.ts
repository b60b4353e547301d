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

  // The nearest part's first control was above what the user had just read, with the Undo below (QA pass).
  it('to the next control from where the removed one was: the list’s next entry, not its first', async () => {
    const root = page(
      '<section><h3>Highlights</h3><ul><li><button>One</button></li><li><button id="x">Remove two</button></li><li><button>Three</button></li></ul><div><button>Undo</button></div></section>',
    );
    (root.querySelector('#x') as HTMLElement).focus();
    root.querySelectorAll('li')[1]?.remove();
    await settle();
    expect(document.activeElement?.textContent).toBe('Three');
  });

  it('to the Undo after a list gone with its only entry, not to the controls above it', async () => {
    const root = page(
      '<section><textarea aria-label="Note"></textarea><section id="list"><ul><li><button id="x">Remove</button></li></ul></section><div id="undo"></div><button>Copy as Markdown</button></section>',
    );
    (root.querySelector('#x') as HTMLElement).focus();
    (root.querySelector('#undo') as HTMLElement).innerHTML = 'Removed the highlight. <button>Undo</button>';
    root.querySelector('#list')?.remove();
    await settle();
    expect(document.activeElement?.textContent).toBe('Undo');
  });

  it('to the field after a list replaced by its empty message, or to what replaced the control', async () => {
    const root = page(
      '<section><h3>Related articles</h3><label><input type="radio"> On the blog only</label><h4>Never on these sites</h4><ul><li>example.com <button id="x">Show again</button></li></ul><form><input aria-label="Never show on"></form></section>',
    );
    (root.querySelector('#x') as HTMLElement).focus();
    root.querySelector('ul')?.replaceWith(Object.assign(document.createElement('p'), { textContent: 'No sites.' }));
    await settle();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Never show on');

    const asked = page(
      '<section><h3>Delete</h3><div><p>Sure?</p><button id="cancel">Cancel</button></div><p>Stays.</p></section>',
    );
    (asked.querySelector('#cancel') as HTMLElement).focus();
    asked
      .querySelector('div')
      ?.replaceWith(Object.assign(document.createElement('button'), { textContent: 'Delete everything…' }));
    await settle();
    expect(document.activeElement?.textContent).toBe('Delete everything…');
  });

  it('with nothing after the place, to the last control before it', async () => {
    const root = page(
      '<section><button>Sort</button><ul><li><button>One</button></li><li><button id="x">Two</button></li></ul></section>',
    );
    (root.querySelector('#x') as HTMLElement).focus();
    root.querySelectorAll('li')[1]?.remove();
    await settle();
    expect(document.activeElement?.textContent).toBe('One');
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
