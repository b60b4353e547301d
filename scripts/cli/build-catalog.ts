/**
 * Regenerates `assets/data/articles.json` from the upstream catalog and Shelf's curation.
 * Usage: npm run catalog [-- path/to/articles.jsonl]   (default: ../shared/corpus/articles.jsonl),
 * which then rebuilds the search index (npm run index).
 * The output is committed, so building Shelf never needs ../shared.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CURATION } from '@/lib/corpus/curation';
import { buildCatalog, parseCatalogJsonl } from '@/lib/corpus/normalize';
import { isMainModule } from '@/scripts/cli/is-main';
import { UPSTREAM_CATALOG } from '@/scripts/eval/shared-data';

export interface BuildCatalogIo {
  stdout(line: string): void;
  stderr(text: string): void;
  write(path: string, text: string): void;
}

/** Runs `npm run catalog [-- path]`; returns the exit status (2: the catalog file is missing). */
export function runBuildCatalog(args: readonly string[], io: BuildCatalogIo): number {
  const source = resolve(args[0] ?? UPSTREAM_CATALOG);
  if (!existsSync(source)) {
    io.stderr(
      `The upstream catalog is missing: ${source}\n` +
        'Pass its path: npm run catalog -- path/to/articles.jsonl\n' +
        '(or set SHELF_SHARED_DIR to the folder that holds corpus/articles.jsonl). Nothing was written.\n',
    );
    return 2;
  }
  const target = resolve('assets/data/articles.json');
  let articles: ReturnType<typeof buildCatalog>;
  try {
    articles = buildCatalog(parseCatalogJsonl(readFileSync(source, 'utf8')), CURATION);
  } catch (error) {
    // Shelf's curation (lib/corpus/curation.ts) is matched to the catalog line by line.
    io.stderr(
      `${source} cannot be read as the blog's catalog: ${(error as Error).message}.\n` +
        'Its lines must match lib/corpus/curation.ts, one entry per line. Nothing was written.\n',
    );
    return 2;
  }
  io.write(target, `${JSON.stringify(articles, null, 1)}\n`);
  const written = articles.filter((a) => a.titleSource === 'written').length;
  io.stdout(`wrote ${articles.length} articles (${written} with written titles) to ${target}`);
  return 0;
}

if (isMainModule(import.meta.filename)) {
  process.exitCode = runBuildCatalog(process.argv.slice(2), {
    stdout: (line) => console.log(line),
    stderr: (text) => process.stderr.write(text),
    write: (path, text) => writeFileSync(path, text),
  });
}
