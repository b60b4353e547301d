/**
 * `npm run eval`: Shelf's search against its public query set (tests/fixtures/search-queries.json),
 * with Fuse.js defaults and MiniSearch measured in the same run; then related articles on
 * tests/fixtures/related-pages.json (related pages, and unrelated real pages from ../shared).
 * `--verbose` lists Shelf's misses. The report itself is `scripts/eval/search-report.ts`.
 */

import { evalReport } from '@/scripts/eval/search-report';
import { REAL_PAGES_DIR } from '@/scripts/eval/shared-data';

for (const line of evalReport({ verbose: process.argv.includes('--verbose'), realPagesDir: REAL_PAGES_DIR }))
  console.log(line);
