/**
 * `npm run eval`: Shelf's search against its public query set (tests/fixtures/search-queries.json),
 * with Fuse.js defaults and MiniSearch measured in the same run; then related articles on
 * tests/fixtures/related-pages.json (related pages, and unrelated real pages from ../shared); then
 * search among saved pages (the shared real pages saved: scripts/eval/library-report.ts).
 * `--verbose` lists Shelf's misses. The report itself is `scripts/eval/search-report.ts`.
 */

import { libraryEvalReport } from '@/scripts/eval/library-report';
import { evalReport } from '@/scripts/eval/search-report';
import { REAL_PAGES_DIR } from '@/scripts/eval/shared-data';

const verbose = process.argv.includes('--verbose');
for (const line of evalReport({ verbose, realPagesDir: REAL_PAGES_DIR })) console.log(line);
// Saved pages' figures last, apart from the golden evaluation (eval-golden.test.ts): their own floors
// are in library-quality.test.ts.
for (const line of libraryEvalReport({ verbose })) console.log(line);
