/**
 * Regenerates `assets/data/search-index.json` from the bundled articles.
 * Usage: npm run index (also run by npm run catalog). The output is committed; a unit test checks
 * that it matches the articles, so it cannot go stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article } from '@/lib/corpus/article';
import { buildSearchIndex, toSearchDocument } from '@/lib/search/build-index';

const articles = JSON.parse(readFileSync(resolve('assets/data/articles.json'), 'utf8')) as Article[];
const target = resolve('assets/data/search-index.json');
const index = buildSearchIndex(articles.map(toSearchDocument));
writeFileSync(target, `${JSON.stringify(index)}\n`);
console.log(`wrote the search index (${index.terms.length} terms, ${index.words.length} words) to ${target}`);
