// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockAt, tabsToButton } from '@/lib/annotations/highlight-button-focus';

describe('the reader’s Highlight button from the keyboard', () => {
  it('finds the block where the selection starts, inside the article only', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>One <em>two</em> three</p><ul><li>four</li></ul>';
    const range = document.createRange();
    range.setStart(root.querySelector('em')?.firstChild as Text, 1);
    expect(blockAt(range, root)).toBe(root.querySelector('p'));
    range.setStart(root.querySelector('li')?.firstChild as Text, 0);
    expect(blockAt(range, root)).toBe(root.querySelector('li'));
    range.setStart(document.body, 0);
    expect(blockAt(range, root)).toBeNull();
  });

  it('sends a plain Tab to the shown button, and nothing else', () => {
    const button = document.createElement('button');
    const tab = { key: 'Tab', shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, target: document.body };
    expect(tabsToButton(tab, button)).toBe(true);
    expect(tabsToButton({ ...tab, shiftKey: true }, button)).toBe(false);
    expect(tabsToButton({ ...tab, target: button }, button)).toBe(false);
    expect(tabsToButton({ ...tab, key: 'h' }, button)).toBe(false);
    expect(tabsToButton(tab, null)).toBe(false);
  });
});
