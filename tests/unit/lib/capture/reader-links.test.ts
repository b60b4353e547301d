import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPY_ID_PREFIX } from '@/lib/capture/copy-ids';
import {
  goToPlaceInAddress,
  goToPlaceInCopy,
  keepLinksOutOfReader,
  nameReaderTabInPlaceLinks,
  PLACE_IN_COPY_EVENT,
} from '@/lib/capture/reader-links';

describe('links in a shown copy', () => {
  it('open web and mail addresses in a new tab, never in the reader, and nothing else at all', () => {
    const body = document.createElement('div');
    body.innerHTML =
      '<p><a href="https://example.org/x">web</a> <a href="mailto:a@example.org">mail</a>' +
      ' <a href="javascript:alert(1)">js</a> <area href="https://evil.example/area"> <a href="#top">frag</a>' +
      ' <a href="https://example.org/y"><img alt="inside a link"></a></p>';
    document.body.append(body);
    const open = vi.fn();
    const stop = keepLinksOutOfReader(body, open);
    const clicks = [...body.querySelectorAll('[href], img')].map((target) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(clicks).toEqual([true, true, true, true, true, true, true]); // the reader itself never follows one
    expect(open.mock.calls.map(([url]) => url)).toEqual([
      'https://example.org/x',
      'mailto:a@example.org',
      'https://evil.example/area', // any element with an address: a new tab at most
      'https://example.org/y', // the link
      'https://example.org/y', // the image inside it
    ]);
    stop();
    const after = new MouseEvent('click', { bubbles: true, cancelable: true });
    body.querySelector('a')?.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});

describe('a link to a place in a shown copy (a footnote, its "back" link)', () => {
  function reader() {
    document.body.innerHTML = `<h1 id="reader-title" tabindex="-1">Reader</h1><div class="reader-body"><p>Pools<sup id="${COPY_ID_PREFIX}ref-1"><a href="#${COPY_ID_PREFIX}note-1">1</a></sup>
      <a href="#reader-title">to the title</a></p><ol><li id="${COPY_ID_PREFIX}note-1">Ten. <a href="#${COPY_ID_PREFIX}ref-1">↩</a></li></ol></div>`;
    const body = document.querySelector<HTMLElement>('.reader-body') as HTMLElement;
    const scrolled: Element[] = [];
    // jsdom has no layout, nor scrollIntoView: it records what would be scrolled into view.
    HTMLElement.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    return { body, scrolled };
  }
  afterEach(() => {
    delete (HTMLElement.prototype as Partial<HTMLElement>).scrollIntoView;
  });

  it('moves the reader to that place, focused, and back, without leaving a Tab stop behind', () => {
    const { body, scrolled } = reader();
    const note = body.querySelector('li') as HTMLElement;
    const marker = body.querySelector('sup') as HTMLElement;
    expect(goToPlaceInCopy(body, `#${COPY_ID_PREFIX}note-1`)).toBe(true);
    expect(scrolled).toEqual([note]);
    expect(document.activeElement).toBe(note);
    expect(goToPlaceInCopy(body, `#${COPY_ID_PREFIX}ref-1`)).toBe(true);
    expect(scrolled).toEqual([note, marker]);
    expect(document.activeElement).toBe(marker);
    expect(note.hasAttribute('tabindex')).toBe(false);
  });

  it('says it is a visit, to the window, before it moves (the reading position is not moved by it)', () => {
    const { body, scrolled } = reader();
    const visits: number[] = [];
    const onVisit = () => visits.push(scrolled.length);
    window.addEventListener(PLACE_IN_COPY_EVENT, onVisit);
    goToPlaceInCopy(body, `#${COPY_ID_PREFIX}note-1`);
    goToPlaceInCopy(body, `#${COPY_ID_PREFIX}missing`);
    window.removeEventListener(PLACE_IN_COPY_EVENT, onVisit);
    expect(visits).toEqual([0]); // once, before the scroll; not for a place the copy lacks
  });

  // Notes a page folds away (<details><summary>Notes</summary>…): the reader moved to a place that was not shown,
  // which nothing could focus. Browsers open it when following a link to it; the reader does the same.
  it('opens the folded sections the place is in, and only those', () => {
    const { body, scrolled } = reader();
    body.insertAdjacentHTML(
      'beforeend',
      `<details data-fold="outer"><summary>Notes</summary><details data-fold="inner"><summary>More</summary><p id="${COPY_ID_PREFIX}folded">Folded.</p></details></details><details data-fold="other"><summary>Other</summary>x</details>`,
    );
    const folded = body.querySelector('details p') as HTMLElement;
    expect(goToPlaceInCopy(body, `#${COPY_ID_PREFIX}folded`)).toBe(true);
    const open = [...body.querySelectorAll('details')].map((details) => [details.dataset.fold, details.open]);
    expect(open).toEqual([
      ['outer', true],
      ['inner', true],
      ['other', false],
    ]);
    expect(scrolled).toEqual([folded]);
    expect(document.activeElement).toBe(folded);
  });

  // "Open link in new tab" from the browser's menu on a footnote marker opened the reader's address with
  // #shelf-copy-… in a new tab, which showed the copy from the top.
  it("goes to the place an address's fragment names, as a visit, and ignores any other fragment", () => {
    const { body, scrolled } = reader();
    body.insertAdjacentHTML('beforeend', `<p id="${COPY_ID_PREFIX}fn-é">é</p>`);
    const visits: string[] = [];
    const onVisit = (event: Event) => visits.push((event.target as Element).id);
    window.addEventListener(PLACE_IN_COPY_EVENT, onVisit);
    for (const ignored of ['', '#', '#reader-title', '#root', `#${COPY_ID_PREFIX}missing`, '#%', `#${COPY_ID_PREFIX}%`])
      expect(goToPlaceInAddress(body, ignored), ignored).toBe(false);
    expect(scrolled).toEqual([]);
    expect(document.activeElement).toBe(document.body);
    expect(goToPlaceInAddress(body, `#${COPY_ID_PREFIX}note-1`)).toBe(true);
    expect(document.activeElement?.id).toBe(`${COPY_ID_PREFIX}note-1`);
    // The address bar's form of a non-ASCII id.
    expect(goToPlaceInAddress(body, `#${COPY_ID_PREFIX}fn-%C3%A9`)).toBe(true);
    expect(document.activeElement?.id).toBe(`${COPY_ID_PREFIX}fn-é`);
    window.removeEventListener(PLACE_IN_COPY_EVENT, onVisit);
    expect(visits).toEqual([`${COPY_ID_PREFIX}note-1`, `${COPY_ID_PREFIX}fn-é`]);
    expect(scrolled.map((element) => element.id)).toEqual(visits);
  });

  // In the side panel (sidepanel.html, no item named), "Open link in new tab" on a marker showed what the panel shows.
  it("in the side panel, name the reader tab's address with their place, and a click still goes there", () => {
    const { body, scrolled } = reader();
    body.insertAdjacentHTML(
      'beforeend',
      `<p><a href="https://example.org/x" target="_blank">web</a> <a href="/sidepanel.html?reader=other#${COPY_ID_PREFIX}note-1">other</a></p>`,
    );
    const tabAddress = '/sidepanel.html?reader=page%3Aabc';
    nameReaderTabInPlaceLinks(body, tabAddress);
    expect([...body.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      `${tabAddress}#${COPY_ID_PREFIX}note-1`,
      '#reader-title',
      `${tabAddress}#${COPY_ID_PREFIX}ref-1`,
      'https://example.org/x',
      `/sidepanel.html?reader=other#${COPY_ID_PREFIX}note-1`,
    ]);
    const open = vi.fn();
    const stop = keepLinksOutOfReader(body, open, tabAddress);
    const click = dispatchByUser(
      body.querySelector('sup a') as HTMLElement,
      new MouseEvent('click', { bubbles: true, cancelable: true }),
    );
    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe(`${COPY_ID_PREFIX}note-1`);
    // Another item's address is no place in this copy: it goes nowhere.
    const other = dispatchByUser(
      body.querySelector('a[href*="other"]') as HTMLElement,
      new MouseEvent('click', { bubbles: true, cancelable: true }),
    );
    expect(other.defaultPrevented).toBe(true);
    expect(scrolled.map((element) => element.id)).toEqual([`${COPY_ID_PREFIX}note-1`]);
    expect(open).not.toHaveBeenCalled();
    stop();
  });

  /**
   * Dispatches `event` as a user's: jsdom's dispatchEvent marks every event untrusted (as browsers do a
   * script's), so it goes through jsdom's own dispatch, as the events jsdom makes itself do, marked trusted.
   */
  function dispatchByUser<E extends Event>(target: EventTarget, event: E): E {
    const implOf = <T>(wrapper: object) => {
      const symbol = Object.getOwnPropertySymbols(wrapper).find((own) => own.description === 'impl');
      return (symbol && (wrapper as Record<symbol, T>)[symbol]) as T;
    };
    implOf<{ isTrusted: boolean }>(event).isTrusted = true;
    implOf<{ _dispatch(event: unknown): boolean }>(target)._dispatch(implOf(event));
    expect(event.isTrusted).toBe(true);
    return event;
  }

  // A middle click opened its own new tab: the reader's address with #shelf-copy-…, a broken reader.
  it('goes to the place on a middle click or a Ctrl/⌘-click, as on a click, and opens no tab of the reader', () => {
    const { body, scrolled } = reader();
    const open = vi.fn();
    const stop = keepLinksOutOfReader(body, open);
    const marker = body.querySelector('sup a') as HTMLElement;
    const middle = dispatchByUser(marker, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
    expect(middle.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe(`${COPY_ID_PREFIX}note-1`);
    const back = body.querySelector('li a') as HTMLElement;
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }]) {
      const click = dispatchByUser(back, new MouseEvent('click', { bubbles: true, cancelable: true, ...modifier }));
      expect(click.defaultPrevented).toBe(true);
      expect(document.activeElement?.id).toBe(`${COPY_ID_PREFIX}ref-1`);
    }
    expect(scrolled.map((element) => element.id)).toEqual([
      `${COPY_ID_PREFIX}note-1`,
      `${COPY_ID_PREFIX}ref-1`,
      `${COPY_ID_PREFIX}ref-1`,
    ]);
    // A script's middle click goes nowhere, as its click does; the right button's menu is the browser's.
    const scripted = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
    marker.dispatchEvent(scripted);
    expect(scripted.defaultPrevented).toBe(true);
    expect(scrolled).toHaveLength(3);
    const right = dispatchByUser(marker, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 2 }));
    expect(right.defaultPrevented).toBe(false);
    expect(open).not.toHaveBeenCalled();
    stop();
  });

  it('leaves a middle click on a web link to the browser, which opens it in a new tab', () => {
    const { body } = reader();
    body.insertAdjacentHTML('beforeend', '<p><a href="https://example.org/x" target="_blank">web</a></p>');
    const open = vi.fn();
    const stop = keepLinksOutOfReader(body, open);
    const web = body.querySelector('a[href^="https:"]') as HTMLElement;
    const middle = dispatchByUser(web, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
    expect(middle.defaultPrevented).toBe(false);
    expect(open).not.toHaveBeenCalled();
    stop();
  });

  it("goes nowhere outside the copy or without Shelf's prefix, nor on a click no user made", () => {
    const { body, scrolled } = reader();
    const onVisit = vi.fn();
    window.addEventListener(PLACE_IN_COPY_EVENT, onVisit);
    expect(goToPlaceInCopy(body, '#reader-title')).toBe(false);
    expect(goToPlaceInCopy(body, `#${COPY_ID_PREFIX}missing`)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', `<p id="${COPY_ID_PREFIX}outside">outside</p>`);
    expect(goToPlaceInCopy(body, `#${COPY_ID_PREFIX}outside`)).toBe(false);
    const stop = keepLinksOutOfReader(body, vi.fn());
    const event = new MouseEvent('click', { bubbles: true, cancelable: true }); // untrusted: a script's
    body.querySelector('sup a')?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true); // the reader's address never changes
    expect(scrolled).toEqual([]);
    expect(document.activeElement).toBe(document.body);
    expect(onVisit).not.toHaveBeenCalled();
    window.removeEventListener(PLACE_IN_COPY_EVENT, onVisit);
    stop();
  });
});
