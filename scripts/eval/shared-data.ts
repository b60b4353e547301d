import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `../shared` holds the upstream catalog and real third-party pages. They are test inputs only,
 * never copied into the repo; tests that need them skip, saying why, when the folder is absent.
 */
export const SHARED_DIR = resolve(process.env.SHELF_SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared'));
export const UPSTREAM_CATALOG = resolve(SHARED_DIR, 'corpus/articles.jsonl');
export const REAL_PAGES_DIR = resolve(SHARED_DIR, 'fixtures/real-pages');

export const hasUpstreamCatalog = existsSync(UPSTREAM_CATALOG);

/** The real pages of the shared folder (each a folder holding `source.html`), sorted; none when it is absent. */
export function realPageNames(): string[] {
  if (!existsSync(REAL_PAGES_DIR)) return [];
  return readdirSync(REAL_PAGES_DIR)
    .filter((name) => existsSync(resolve(REAL_PAGES_DIR, name, 'source.html')))
    .sort();
}
export const MISSING_SHARED_REASON = `skipped: ${SHARED_DIR} is absent (set SHELF_SHARED_DIR to the shared folder to run it)`;
