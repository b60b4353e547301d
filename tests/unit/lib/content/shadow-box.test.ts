import { describe, expect, it } from 'vitest';
import { createPageContext } from '@/lib/content/page-context';
import { mountShadowBox } from '@/lib/content/shadow-box';

describe('a box on a web page', () => {
  it('lives in a closed shadow root: the page gets only a bare host element', () => {
    const controller = new AbortController();
    const box = mountShadowBox(document, {
      hostName: 'shelf-test-box',
      css: 'p { color: red }',
      signal: controller.signal,
    });
    box.container.append(document.createElement('p'));
    const host = document.querySelector('shelf-test-box') as HTMLElement;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames()).toEqual([]);
    expect(host.textContent).toBe('');
    expect(box.container.getRootNode()).not.toBe(document);
    controller.abort(); // the script stops: the box goes with it
    expect(document.querySelector('shelf-test-box')).toBeNull();
  });
});

describe('the lifetime of a script in a page', () => {
  it('runs while the extension is there, and stops for good once it is gone', () => {
    const runtime: { id?: string } = { id: 'extension' };
    const context = createPageContext(runtime);
    expect(context.isInvalid).toBe(false);
    expect(context.signal.aborted).toBe(false);
    runtime.id = undefined; // reloaded, updated or removed
    expect(context.isInvalid).toBe(true);
    expect(context.signal.aborted).toBe(true);
    runtime.id = 'extension';
    expect(context.isInvalid).toBe(true);
  });
});

describe('closing a box that has the focus', () => {
  function pageWithBox() {
    document.body.innerHTML = '<a href="#one">one</a> <a href="#two">two</a>';
    const box = mountShadowBox(document, {
      hostName: 'shelf-focus-box',
      css: '',
      signal: new AbortController().signal,
    });
    const first = document.createElement('button');
    const second = document.createElement('button');
    box.container.append(first, second);
    return { box, first, second, links: [...document.querySelectorAll('a')] };
  }

  it('gives the focus back to the page element it came from, not to <body>', () => {
    const { box, first, second, links } = pageWithBox();
    links[1]?.focus();
    first.focus(); // Tab from the page's last link into the box
    second.focus(); // and on within the box
    box.remove();
    expect(document.activeElement).toBe(links[1]);
  });

  it('leaves the focus alone when it was on the page, and when the element it came from is gone', () => {
    const { box, first, links } = pageWithBox();
    links[1]?.focus();
    first.focus();
    links[0]?.focus(); // the user went back to the page; the box is closed some other way
    box.remove();
    expect(document.activeElement).toBe(links[0]);

    const again = pageWithBox();
    again.links[0]?.focus();
    again.first.focus();
    again.links[0]?.remove();
    again.box.remove();
    expect(document.activeElement).toBe(document.body);
  });
});

// Red team: a page that defined Shelf's element name first got the closed root through its own
// constructor's attachInternals(), read the box and focused its "Don't show on this site".
describe('a page that defines the box’s element first', () => {
  it('gets neither the box’s root nor its element: another, unguessable name is used', () => {
    const internals: ElementInternals[] = [];
    customElements.define(
      'shelf-taken-box',
      class extends HTMLElement {
        constructor() {
          super();
          internals.push(this.attachInternals());
        }
      },
    );
    const box = mountShadowBox(document, {
      hostName: 'shelf-taken-box',
      css: '',
      signal: new AbortController().signal,
    });
    box.container.append(Object.assign(document.createElement('button'), { textContent: 'Don’t show on this site' }));
    const host =
      box.container.getRootNode() instanceof ShadowRoot ? (box.container.getRootNode() as ShadowRoot).host : null;
    expect(host?.localName).toMatch(/^shelf-taken-box--[0-9a-f]{8}$/);
    expect(host?.matches(':defined')).toBe(false);
    expect(document.querySelectorAll('shelf-taken-box')).toHaveLength(0);
    expect(internals.every((given) => given.shadowRoot === null)).toBe(true);
    box.remove();
  });

  it('defining it after the box is shown reaches nothing either', () => {
    const box = mountShadowBox(document, {
      hostName: 'shelf-later-box',
      css: '',
      signal: new AbortController().signal,
    });
    let seen: ShadowRoot | null | undefined;
    customElements.define(
      'shelf-later-box',
      class extends HTMLElement {
        constructor() {
          super();
          seen = this.attachInternals().shadowRoot;
        }
      },
    );
    expect(document.querySelector('shelf-later-box')).not.toBeNull();
    expect(seen ?? null).toBeNull();
    box.remove();
  });
});
