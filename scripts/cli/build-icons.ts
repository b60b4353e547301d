/**
 * Draws Shelf's icon (books on a shelf, one leaning, on a rounded teal square) into the PNGs the manifests
 * list: `npm run icons` writes assets/public/icon/{16,32,48,128}.png. Drawn from shapes here rather
 * than kept as a vector file, because Chrome takes no SVG icons and this needs no image library:
 * every pixel is the average of 8 × 8 samples, so small sizes stay crisp.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { isMainModule } from './is-main';

type Rgb = readonly [number, number, number];
/** A rounded rectangle in a 128 × 128 design space. */
interface Shape {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  radius: number;
  color: Rgb;
  /** Turned by this many radians about its bottom-right corner (negative: its top leans left). */
  lean?: number;
}

const TEAL: Rgb = [0x23, 0x51, 0x4d];
const CREAM: Rgb = [0xf3, 0xea, 0xd8];
const AMBER: Rgb = [0xe9, 0xa9, 0x3b];
const MINT: Rgb = [0x8f, 0xcf, 0xc2];

/** Painted in order: later shapes cover earlier ones. */
export const ICON_SHAPES: readonly Shape[] = [
  { x0: 0, y0: 0, x1: 128, y1: 128, radius: 28, color: TEAL },
  // A book leaning on the third, drawn first so that the third stands in front of it.
  { x0: 92, y0: 42, x1: 106, y1: 94, radius: 3, color: AMBER, lean: -0.3 },
  { x0: 24, y0: 30, x1: 42, y1: 94, radius: 3, color: CREAM },
  { x0: 24, y0: 40, x1: 42, y1: 45, radius: 0, color: AMBER },
  { x0: 24, y0: 80, x1: 42, y1: 85, radius: 0, color: AMBER },
  { x0: 46, y0: 42, x1: 62, y1: 94, radius: 3, color: MINT },
  { x0: 46, y0: 52, x1: 62, y1: 56, radius: 0, color: TEAL },
  { x0: 66, y0: 22, x1: 84, y1: 94, radius: 3, color: CREAM },
  { x0: 66, y0: 32, x1: 84, y1: 37, radius: 0, color: MINT },
  { x0: 66, y0: 80, x1: 84, y1: 85, radius: 0, color: MINT },
  { x0: 16, y0: 94, x1: 112, y1: 104, radius: 3, color: CREAM },
];

export const ICON_SIZES = [16, 32, 48, 128] as const;
const SAMPLES = 8;

function covers({ x0, y0, x1, y1, radius, lean = 0 }: Shape, px: number, py: number): boolean {
  // A leaning shape: the point turned back about the shape's bottom-right corner.
  const [cos, sin] = [Math.cos(lean), Math.sin(lean)];
  const x = x1 + (px - x1) * cos + (py - y1) * sin;
  const y = y1 - (px - x1) * sin + (py - y1) * cos;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  // Inside the rectangle: outside only in a corner, beyond its quarter circle.
  const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
  const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** The icon at `size` px as RGBA rows. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const scale = 128 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          const shape = ICON_SHAPES.findLast((candidate) => covers(candidate, x, y));
          if (!shape) continue;
          r += shape.color[0];
          g += shape.color[1];
          b += shape.color[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      // Colour averaged over the covered samples (straight alpha), opacity by coverage.
      pixels.set(
        [
          Math.round(r / covered),
          Math.round(g / covered),
          Math.round(b / covered),
          Math.round((255 * covered) / SAMPLES ** 2),
        ],
        at,
      );
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour-with-alpha PNG of `size` × `size` RGBA pixels. */
export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

export const ICON_DIR = resolve(import.meta.dirname, '../../assets/public/icon');

if (isMainModule(import.meta.filename)) {
  for (const size of ICON_SIZES) {
    const file = join(ICON_DIR, `${size}.png`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
