export interface EvalQuery {
  kind: string;
  query: string;
  /** Ids of the articles the user means; a hit is any of them. */
  expected: string[];
}

export interface EvalFigures {
  queries: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
}

/** hit@1, hit@5 and mean reciprocal rank (of the first expected article, within the top 10). */
export function evaluate(queries: readonly EvalQuery[], rank: (query: string) => string[]): EvalFigures {
  let hit1 = 0;
  let hit5 = 0;
  let reciprocal = 0;
  for (const { query, expected } of queries) {
    const ids = rank(query).slice(0, 10);
    const position = ids.findIndex((id) => expected.includes(id));
    if (position === 0) hit1++;
    if (position >= 0 && position < 5) hit5++;
    if (position >= 0) reciprocal += 1 / (position + 1);
  }
  const n = Math.max(queries.length, 1);
  return { queries: queries.length, hitAt1: hit1 / n, hitAt5: hit5 / n, mrr: reciprocal / n };
}
