import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { searchToJson } from '@/scripts/eval/query-json';
import { ALL_RELATED_DOCS_SETS, hasRelatedDocs, loadRelatedDocsSet } from '@/scripts/eval/related-docs';
import { loadRelatedEvalSet } from '@/scripts/eval/related-set';
import { evalReport } from '@/scripts/eval/search-report';
import { REAL_PAGES_DIR } from '@/scripts/eval/shared-data';

// The goldens are what `npm run --silent eval -- --verbose` and `npm run --silent query -- search`
// printed before the search engine was split into stages: a refactoring must not change a ranking.
// A deliberate change of quality regenerates them, and the commit says why.
const GOLDEN_EVAL = 'tests/fixtures/search-golden-eval.txt';
const GOLDEN_QUERIES = 'tests/fixtures/search-golden-queries.jsonl';
const DOCS_HEADING = 'Related articles on real documentation';

describe('search evaluation golden (npm run eval, npm run query -- search)', () => {
  it('prints exactly the golden evaluation', { timeout: 300_000 }, () => {
    let golden = readFileSync(GOLDEN_EVAL, 'utf8').trimEnd().split('\n');
    let printed = evalReport({ verbose: true, realPagesDir: REAL_PAGES_DIR }).join('\n').split('\n');
    // Parts that need what a machine may lack are compared only where it has them: the documentation
    // sets (the calibration one, then the blind ones) up to the first one not installed, which says
    // what to install, as does any after it.
    const docSets = ALL_RELATED_DOCS_SETS.map(({ file }) => loadRelatedDocsSet(file));
    const firstMissing = docSets.findIndex((set) => !hasRelatedDocs(set));
    if (firstMissing >= 0) {
      const docsHeadings = (lines: string[]) =>
        lines.flatMap((line, at) => (line.startsWith(DOCS_HEADING) ? [at] : []));
      const cut = (lines: string[]) => docsHeadings(lines)[firstMissing] as number;
      const skipped = docSets.slice(firstMissing).filter((set) => !hasRelatedDocs(set)).length;
      expect(printed.slice(cut(printed)).filter((line) => /^skipped: .*apt-get install/.test(line))).toHaveLength(
        skipped,
      );
      golden = golden.slice(0, cut(golden));
      printed = printed.slice(0, cut(printed));
    }
    const { unrelatedRealPages } = loadRelatedEvalSet();
    if (unrelatedRealPages.every((name) => existsSync(join(REAL_PAGES_DIR, name, 'source.html')))) {
      expect(printed).toEqual(golden);
    } else {
      // Without ../shared, or with other real pages in it than the ones named, the unrelated real pages
      // are skipped: everything else stays the same.
      const unrelated = (line: string) => line.startsWith('unrelated real pages:');
      expect(printed.filter((line) => !unrelated(line))).toEqual(golden.filter((line) => !unrelated(line)));
      expect(printed.find(unrelated)).toMatch(/skipped/);
    }
  });

  it('answers every golden CLI query with the same results and scores', () => {
    const engine = getBundledSearchEngine();
    const lines = readFileSync(GOLDEN_QUERIES, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(40);
    for (const line of lines) {
      const golden = JSON.parse(line) as { query: string; results: unknown[] };
      const { query, results } = searchToJson(engine, golden.query, { limit: 10 });
      // The golden keeps no summaries (they are the articles' own, ~70 kB more); tookMs varies.
      expect({ query, results: results.map(({ summary: _, ...rest }) => rest) }, golden.query).toEqual(golden);
    }
  });
});
