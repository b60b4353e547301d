/**
 * `npm run eval`: Shelf's search against its public query set (tests/fixtures/search-queries.json),
 * with Fuse.js defaults and MiniSearch measured in the same run; then related articles on
 * tests/fixtures/related-pages.json (related pages, and unrelated real pages from ../shared).
 * `--verbose` lists Shelf's misses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTICLES } from '@/lib/corpus/catalog';
import { getBundledRelatedEngine } from '@/lib/related/bundled';
import { MATCH_THRESHOLD } from '@/lib/related/engine';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { STOP_WORDS } from '@/lib/search/stop-words';
import { createFuseDefaultRanker, createMiniSearchRanker } from '@/scripts/eval/baselines';
import { type EvalFigures, type EvalQuery, evaluate } from '@/scripts/eval/metrics';
import { loadRealPageText, loadRelatedEvalSet } from '@/scripts/eval/related-set';
import { REAL_PAGES_DIR } from '@/scripts/eval/shared-data';

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

// ---- related articles ----
const relatedSet = loadRelatedEvalSet();
const relatedEngine = getBundledRelatedEngine();
const baseline = createMiniSearchRanker(ARTICLES);
/** The issue's baseline: MiniSearch over a page's 40 most frequent terms. */
const topTerms = (text: string) => {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[a-z][a-z0-9+.-]{2,}/g) ?? []) {
    if (!STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([w]) => w)
    .join(' ');
};
let shelfHits = 0;
let baselineHits = 0;
let reciprocal = 0;
let matchedRelated = 0;
for (const page of relatedSet.pages) {
  const response = relatedEngine.related(page);
  const position = response.results.findIndex((r) => page.expected.includes(r.article.id));
  if (position >= 0) shelfHits++;
  if (position >= 0) reciprocal += 1 / (position + 1);
  if (response.matched) matchedRelated++;
  if (
    baseline(topTerms(`${page.title} ${page.text}`))
      .slice(0, 5)
      .some((id) => page.expected.includes(id))
  )
    baselineHits++;
  if (process.argv.includes('--verbose') && position !== 0) {
    console.log(`  related miss: ${page.name} → rank ${position < 0 ? '-' : position + 1}`);
  }
}
const n = relatedSet.pages.length;
console.log(`\nRelated articles: ${n} related pages from tests/fixtures/related-pages.json`);
console.log(
  `shelf         hit@5 ${(shelfHits / n).toFixed(3)}  MRR ${(reciprocal / n).toFixed(3)}  matched ${matchedRelated}/${n}`,
);
console.log(`minisearch    hit@5 ${(baselineHits / n).toFixed(3)}  (40 most frequent terms of the page)`);
const realPages = relatedSet.unrelatedRealPages.map((name) => ({ name, page: loadRealPageText(REAL_PAGES_DIR, name) }));
if (realPages.every(({ page }) => page === null)) {
  console.log(`unrelated real pages: skipped, ${REAL_PAGES_DIR} is absent`);
} else {
  const wrongly = realPages.filter(({ page }) => page && relatedEngine.related(page).matched).map(({ name }) => name);
  const scores = realPages.map(({ page }) => (page ? (relatedEngine.related(page).results[0]?.score ?? 0) : 0));
  console.log(
    `unrelated real pages: matched ${wrongly.length}/${realPages.length}${wrongly.length ? ` (${wrongly.join(', ')})` : ''}; highest score ${Math.max(...scores).toFixed(3)} (threshold ${MATCH_THRESHOLD})`,
  );
}
