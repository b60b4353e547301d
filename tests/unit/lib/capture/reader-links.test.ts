import { describe, expect, it, vi } from 'vitest';
import { keepLinksOutOfReader } from '@/lib/capture/reader-links';

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
