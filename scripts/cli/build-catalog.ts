/**
 * Regenerates `assets/data/articles.json` from the upstream catalog and Shelf's curation.
 * Usage: npm run catalog [-- path/to/articles.jsonl]   (default: ../shared/corpus/articles.jsonl),
 * which then rebuilds the search index (npm run index).
 * The output is committed, so building Shelf never needs ../shared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CURATION } from '@/lib/corpus/curation';
import { buildCatalog, parseCatalogJsonl } from '@/lib/corpus/normalize';

const source = resolve(process.argv[2] ?? '../shared/corpus/articles.jsonl');
const target = resolve('assets/data/articles.json');
const articles = buildCatalog(parseCatalogJsonl(readFileSync(source, 'utf8')), CURATION);
writeFileSync(target, `${JSON.stringify(articles, null, 1)}\n`);
const written = articles.filter((a) => a.titleSource === 'written').length;
console.log(`wrote ${articles.length} articles (${written} with written titles) to ${target}`);
