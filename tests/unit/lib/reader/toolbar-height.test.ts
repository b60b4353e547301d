// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepMeasuringToolbar } from '@/lib/reader/toolbar-height';
import { fakeResizeObserver } from '../../helpers/fake-resize-observer';

describe('keepMeasuringToolbar', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the root’s --reader-toolbar-height at the toolbar’s height, and removes it when stopped', () => {
    const { resize: resized } = fakeResizeObserver();
    const toolbar = document.createElement('div');
    let height = 40;
    toolbar.getBoundingClientRect = () => ({ height }) as DOMRect;
    const root = document.documentElement;
    const stop = keepMeasuringToolbar(toolbar);
    expect(root.style.getPropertyValue('--reader-toolbar-height')).toBe('40px');
    height = 72.3; // a panel opened
    resized();
    expect(root.style.getPropertyValue('--reader-toolbar-height')).toBe('73px');
    stop();
    expect(root.style.getPropertyValue('--reader-toolbar-height')).toBe('');
  });
});
