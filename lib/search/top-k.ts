export interface Ranked {
  doc: number;
  score: number;
}

/** Higher score first; equal scores in document (catalog) order, so ties break deterministically. */
export function isBetter(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && a.doc < b.doc);
}

/**
 * Stage 4: the k best of the documents offered, without sorting them all (a query may touch most of
 * a large corpus; it keeps a page of results).
 */
export function createTopK(k: number) {
  const kept: Ranked[] = [];
  return {
    offer(doc: number, score: number): void {
      if (k <= 0) return;
      const item = { doc, score };
      if (kept.length === k && !isBetter(item, kept[k - 1] as Ranked)) return;
      let at = kept.length;
      while (at > 0 && isBetter(item, kept[at - 1] as Ranked)) at--;
      kept.splice(at, 0, item);
      if (kept.length > k) kept.pop();
    },
    /** Best first. */
    items: (): readonly Ranked[] => kept,
  };
}
