/** The position of the first of `sorted` (ascending, by code unit) that is ≥ `value`: where the ones beginning with `value` start. */
export function lowerBound(sorted: readonly string[], value: string): number {
  return lowerBoundBy(sorted.length, (at) => sorted[at] as string, value);
}

/** `lowerBound` over `count` texts read through `textAt` (ids kept in the order of their texts). */
export function lowerBoundBy(count: number, textAt: (at: number) => string, value: string): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (textAt(mid) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Ascending by code unit, as `lowerBound` reads (not `localeCompare`, which orders by language). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
