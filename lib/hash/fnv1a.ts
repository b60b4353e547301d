/** FNV-1a's offset basis: where a hash of nothing starts. */
export const FNV1A_START = 0x811c9dc5;

/**
 * FNV-1a (32 bits) over a string's UTF-16 units, continuing from `hash`: cheap, stable, spreads keys
 * evenly. Chained over several strings (each followed by a separator) it digests a record without
 * building one string of it.
 */
export function fnv1a(text: string, hash = FNV1A_START): number {
  let next = hash;
  for (let i = 0; i < text.length; i++) {
    next ^= text.charCodeAt(i);
    next = Math.imul(next, 0x01000193);
  }
  return next >>> 0;
}
