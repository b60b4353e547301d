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
