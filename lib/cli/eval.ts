/**
 * `npm run eval`: Shelf's search against its public query set (tests/fixtures/search-queries.json),
 * with Fuse.js defaults and MiniSearch measured in the same run. `--verbose` lists Shelf's misses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTICLES } from '@/lib/corpus/catalog';
import { createFuseDefaultRanker, createMiniSearchRanker } from '@/lib/eval/baselines';
import { type EvalFigures, type EvalQuery, evaluate } from '@/lib/eval/metrics';
import { getBundledSearchEngine } from '@/lib/search/bundled';

const file = resolve('tests/fixtures/search-queries.json');
const { queries } = JSON.parse(readFileSync(file, 'utf8')) as { queries: EvalQuery[] };
const engine = getBundledSearchEngine();
const rankers = {
  shelf: (query: string) => engine.search(query, { limit: 10 }).results.map((r) => r.article.id),
  'fuse-default': createFuseDefaultRanker(ARTICLES),
  minisearch: createMiniSearchRanker(ARTICLES),
};

const format = (f: EvalFigures) =>
  `hit@1 ${f.hitAt1.toFixed(3)}  hit@5 ${f.hitAt5.toFixed(3)}  MRR ${f.mrr.toFixed(3)}`;
const kinds = [...new Set(queries.map((q) => q.kind))];

console.log(`Search evaluation: ${queries.length} queries from ${file}\n`);
for (const [name, rank] of Object.entries(rankers)) {
  console.log(`${name.padEnd(13)} all          ${format(evaluate(queries, rank))}`);
  for (const kind of kinds) {
    const subset = queries.filter((q) => q.kind === kind);
    console.log(`${''.padEnd(13)} ${`${kind} (${subset.length})`.padEnd(12)} ${format(evaluate(subset, rank))}`);
  }
}

if (process.argv.includes('--verbose')) {
  console.log('\nShelf misses (expected not first):');
  for (const q of queries) {
    const ids = rankers.shelf(q.query);
    const position = ids.findIndex((id) => q.expected.includes(id));
    if (position !== 0)
      console.log(
        `  [${q.kind}] "${q.query}" → rank ${position < 0 ? '-' : position + 1}; top: ${ids.slice(0, 3).join(', ')}`,
      );
  }
}
