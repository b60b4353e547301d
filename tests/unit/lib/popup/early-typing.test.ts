import { describe, expect, it } from 'vitest';
import { applyTypedKeys, isTypingKey, recordTyping } from '@/lib/popup/early-typing';

const key = (key: string, modifiers: Partial<KeyboardEventInit> = {}) =>
  new KeyboardEvent('keydown', { key, bubbles: true, ...modifiers });

describe('typing before the popup’s app has mounted', () => {
  it('counts printable characters and Backspace as typing, not shortcuts or navigation', () => {
    for (const typing of ['r', ' ', 'é', '+', 'Backspace']) expect(isTypingKey(key(typing))).toBe(true);
    for (const other of ['Enter', 'ArrowDown', 'Escape', 'Tab', 'Shift']) expect(isTypingKey(key(other))).toBe(false);
    expect(isTypingKey(key('a', { ctrlKey: true }))).toBe(false);
    expect(isTypingKey(key('s', { altKey: true }))).toBe(false);
    expect(isTypingKey(key('v', { metaKey: true }))).toBe(false);
  });

  it('applies the keys at the end of the search box’s text', () => {
    expect(applyTypedKeys('', ['r', 'e', 'd', 'i', 's'])).toBe('redis');
    expect(applyTypedKeys('thundering', [' ', 'h', 'e', 'r', 'x', 'Backspace', 'd'])).toBe('thundering herd');
    expect(applyTypedKeys('ab', ['Backspace', 'Backspace', 'Backspace'])).toBe('');
    expect(applyTypedKeys('cache 🚀', ['Backspace'])).toBe('cache ');
  });

  it('over a selected text (a restored search), the first key replaces it', () => {
    expect(applyTypedKeys('split brain', ['r', 'e', 'd', 'i', 's'], { selected: true })).toBe('redis');
    expect(applyTypedKeys('split brain', ['Backspace', 'k', 'v'], { selected: true })).toBe('kv');
    expect(applyTypedKeys('split brain', [], { selected: true })).toBe('split brain');
  });

  it('records keys pressed on the page until stopped', () => {
    const typing = recordTyping(document);
    for (const pressed of ['c', 'a', 'Enter', 'c']) document.body.dispatchEvent(key(pressed));
    document.body.dispatchEvent(key('a', { ctrlKey: true }));
    typing.stop();
    document.body.dispatchEvent(key('h'));
    expect(typing.keys).toEqual(['c', 'a', 'c']);
  });
});
