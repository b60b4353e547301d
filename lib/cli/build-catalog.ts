/**
 * Regenerates `assets/data/articles.json` and its prebuilt search index from the upstream catalog and Shelf's curation.
 * Usage: npm run catalog [-- path/to/articles.jsonl]   (default: ../shared/corpus/articles.jsonl)
 * The output is committed, so building Shelf never needs ../shared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CURATION } from '@/lib/corpus/curation';
import { buildCatalog, parseCatalogJsonl } from '@/lib/corpus/normalize';
import { buildSearchIndex, toSearchDocument } from '@/lib/search/build-index';

const source = resolve(process.argv[2] ?? '../shared/corpus/articles.jsonl');
const target = resolve('assets/data/articles.json');
const articles = buildCatalog(parseCatalogJsonl(readFileSync(source, 'utf8')), CURATION);
writeFileSync(target, `${JSON.stringify(articles, null, 1)}\n`);
const written = articles.filter((a) => a.titleSource === 'written').length;
console.log(`wrote ${articles.length} articles (${written} with written titles) to ${target}`);

const indexTarget = resolve('assets/data/search-index.json');
const index = buildSearchIndex(articles.map(toSearchDocument));
writeFileSync(indexTarget, `${JSON.stringify(index)}\n`);
console.log(`wrote the search index (${index.terms.length} terms, ${index.words.length} words) to ${indexTarget}`);
