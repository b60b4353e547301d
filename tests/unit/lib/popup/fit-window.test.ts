import { describe, expect, it } from 'vitest';
import { fitPopup } from '@/lib/popup/fit-window';

describe('fitPopup', () => {
  it('keeps the normal layout in a window of its size or larger', () => {
    expect(fitPopup({ innerWidth: 460, innerHeight: 600, scrollHeight: 600 })).toEqual({
      width: null,
      maxHeight: null,
    });
    expect(fitPopup({ innerWidth: 800, innerHeight: 900, scrollHeight: 600 })).toEqual({
      width: null,
      maxHeight: null,
    });
  });

  it('keeps the normal layout when the window is short because the content is', () => {
    expect(fitPopup({ innerWidth: 460, innerHeight: 240, scrollHeight: 240 })).toEqual({
      width: null,
      maxHeight: null,
    });
  });

  it('takes the window of a popup zoomed to 200 % (400 × 300 px)', () => {
    expect(fitPopup({ innerWidth: 400, innerHeight: 300, scrollHeight: 600 })).toEqual({ width: 400, maxHeight: 300 });
  });

  it('never shrinks to a window measured before the browser sized it', () => {
    expect(fitPopup({ innerWidth: 0, innerHeight: 25, scrollHeight: 600 })).toEqual({ width: 160, maxHeight: 120 });
  });
});
