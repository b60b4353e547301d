import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, encodePng, ICON_DIR, ICON_SIZES } from '@/scripts/cli/build-icons';

/** The RGBA pixels of a PNG written by encodePng (one IDAT, filter 0 on every row). */
function decode(png: Buffer): { size: number; pixels: Uint8Array } {
  const size = png.readUInt32BE(16);
  const idatLength = png.readUInt32BE(33);
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    expect(rows[y * (size * 4 + 1)]).toBe(0);
    pixels.set(rows.subarray(y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1)), y * size * 4);
  }
  return { size, pixels };
}

describe('npm run icons', () => {
  it('the committed icons are what the script draws (edit the shapes, then run it)', () => {
    for (const size of ICON_SIZES) {
      const committed = readFileSync(join(ICON_DIR, `${size}.png`));
      expect(committed.equals(encodePng(size, drawIcon(size))), `${size}.png`).toBe(true);
    }
  });

  it('writes a PNG that reads back as the pixels drawn: transparent rounded corners, an opaque middle', () => {
    const { size, pixels } = decode(encodePng(32, drawIcon(32)));
    expect(size).toBe(32);
    const alphaAt = (x: number, y: number) => pixels[(y * size + x) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(31, 31)).toBe(0);
    expect(alphaAt(16, 2)).toBe(255);
    expect(alphaAt(2, 16)).toBe(255);
    // The shelf is cream, not the background's teal.
    const shelf = (25 * size + 16) * 4;
    expect([...pixels.subarray(shelf, shelf + 3)]).toEqual([0xf3, 0xea, 0xd8]);
  });
});
