import { describe, expect, it } from 'vitest';
import { placeHighlightButton } from '@/lib/annotations/highlight-button-place';

const BUTTON = { width: 110, height: 32 };
const PANEL = { width: 320, height: 700 };
const line = (left: number, top: number) => ({ left, top, bottom: top + 20 });

describe('placeHighlightButton', () => {
  it('goes below the selection, from its left edge', () => {
    expect(placeHighlightButton(line(40, 100), BUTTON, PANEL)).toEqual({ top: 126, left: 40 });
  });

  it('stays inside a narrow panel’s right edge, and its left', () => {
    expect(placeHighlightButton(line(290, 100), BUTTON, PANEL).left).toBe(320 - 110 - 4);
    expect(placeHighlightButton(line(-30, 100), BUTTON, PANEL).left).toBe(4);
  });

  it('goes above the selection when below would leave the viewport', () => {
    expect(placeHighlightButton(line(40, 660), BUTTON, PANEL)).toEqual({ top: 660 - 6 - 32, left: 40 });
    // Just fits below: stays there.
    expect(placeHighlightButton(line(40, 700 - 4 - 32 - 6 - 20), BUTTON, PANEL).top).toBe(700 - 4 - 32);
  });
});
