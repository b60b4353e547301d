/**
 * What words every manual uses are worth when ranking and matching related articles ("return", "argument",
 * "default", "instance"): a documentation page says them on every entry, and 198 two-sentence
 * summaries are too few to know they say nothing of a topic. Measured on the documentation Debian
 * ships (the packages below), written to `assets/data/documentation-discounts.json` by `npm run
 * documentation-words` (~45 s for 2,878 pages; apart from `npm run index`, since it reads no article);
 * without the packages it writes nothing and says what to install.
 *
 * A word's share of pages is the mean over packages (each counts the same, so that PostgreSQL's
 * 1,100 pages do not make "table" a word of every manual); a word on more than
 * `EVERY_MANUAL_SHARE` of pages counts log(1 / share) / log(1 / EVERY_MANUAL_SHARE): "name" 0.22,
 * "return" 0.44, "table" 0.61, "thread" and "lock" fully. A package's own name, on all of its pages,
 * counts a little less ("docker" 0.85); the median over packages, or the mean without the package
 * that says a word most, ranked no better on the documentation sets of `npm run eval`.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PageText } from '@/lib/related/page-text';
import { analyzeField } from '@/lib/search/text';
import type { SerializedDiscounts } from '@/lib/search/word-worth';
import { buildEverydayThings, type ManualWordCounts } from '@/scripts/cli/everyday-things';
import { spokenWords } from '@/scripts/cli/everyday-words';
import { isMainModule } from '@/scripts/cli/is-main';
import { buildManualWords } from '@/scripts/cli/manual-words';
import { type MarkdownReading, readDocPage } from '@/scripts/eval/related-docs';

/**
 * A word on a smaller share of a package's pages than this is a topic word: it counts fully. Chosen
 * among 0.05–0.3 on both documentation sets of `npm run eval` (every value helped the blind one; see
 * README), so neither is blind to this choice.
 */
export const EVERY_MANUAL_SHARE = 0.15;

/** The manuals read, one folder per Debian package (`apt-get install -y` the names). */
export const DOCUMENTATION_PACKAGES = [
  { name: 'python3.11-doc', dir: '/usr/share/doc/python3.11/html' },
  { name: 'postgresql-doc-15', dir: '/usr/share/doc/postgresql-doc-15/html' },
  { name: 'sqlite3-doc', dir: '/usr/share/doc/sqlite3' },
  { name: 'git-doc', dir: '/usr/share/doc/git-doc' },
  { name: 'docker-doc', dir: '/usr/share/doc/docker-doc' },
] as const;

const PAGE_FILE = /\.(html?|md)(\.gz)?$/;

/**
 * Every documentation page under `dir` (sorted: a stable output), read as the content script would read
 * it but, by default, with Markdown's code blocks (see MarkdownReading).
 */
function* pagesUnder(dir: string, reading: MarkdownReading = { keepCode: true }): Generator<PageText> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* pagesUnder(path, reading);
    else if (PAGE_FILE.test(name)) {
      const page = readDocPage(path, reading);
      if (page) yield page;
    }
  }
}

/** What a manual says: on how many of its pages each word is, and how often (stems, as the engine reads them). */
export interface ManualWords extends ManualWordCounts {
  pages: number;
  pagesWith: ReadonlyMap<string, number>;
}

/** Reads a manual's pages once, for both lists this script writes. */
export function countManualWords(pages: Iterable<PageText>): ManualWords {
  const pagesWith = new Map<string, number>();
  const counts = new Map<string, number>();
  let count = 0;
  let total = 0;
  for (const page of pages) {
    count++;
    const terms = analyzeField(`${page.title}\n${page.text}`);
    total += terms.length;
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const term of new Set(terms)) pagesWith.set(term, (pagesWith.get(term) ?? 0) + 1);
  }
  return { pages: count, pagesWith, counts, total };
}

/**
 * The discounts of words on more than `EVERY_MANUAL_SHARE` of pages, from manuals (one per
 * package), as [share, "stem stem …"] pairs (the format of everyday-discounts.json).
 */
export function buildDocumentationDiscounts(manuals: readonly ManualWords[]): SerializedDiscounts {
  const shares = new Map<string, number>();
  const perPackage = manuals.map(({ pagesWith, pages }) => ({ pagesWith, count: pages }));
  const used = perPackage.filter(({ count }) => count > 0);
  for (const { pagesWith, count } of used)
    for (const [term, pages] of pagesWith) shares.set(term, (shares.get(term) ?? 0) + pages / count / used.length);
  const stemsByDiscount = new Map<number, string[]>();
  for (const [term, share] of shares) {
    // Stems of a–z and digits only: the engine's other terms (c++, node.js, words of other scripts) are
    // never on a fifth of any manual's pages. A word on every page of every manual counts 0: it says
    // nothing of any page (the lowest measured is "not", 0.17).
    if (share <= EVERY_MANUAL_SHARE || !/^[a-z0-9]+$/.test(term)) continue;
    const discount = Math.round((Math.log(1 / share) / Math.log(1 / EVERY_MANUAL_SHARE)) * 100) / 100;
    if (discount >= 1) continue;
    stemsByDiscount.set(discount, [...(stemsByDiscount.get(discount) ?? []), term]);
  }
  return [...stemsByDiscount].sort(([a], [b]) => a - b).map(([discount, stems]) => [discount, stems.sort().join(' ')]);
}

/** Whether a folder holds at least one documentation page (a changed layout could leave none). */
function hasPages(dir: string): boolean {
  try {
    return !pagesUnder(dir).next().done;
  } catch {
    return false;
  }
}

/** The installed packages' pages (read so), or the names of those missing or empty (then nothing is built). */
export function installedDocumentation(
  reading?: MarkdownReading,
): { packages: Array<Iterable<PageText>> } | { missing: string[] } {
  const missing = DOCUMENTATION_PACKAGES.filter(({ dir }) => !hasPages(dir)).map(({ name }) => name);
  if (missing.length > 0) return { missing };
  return { packages: DOCUMENTATION_PACKAGES.map(({ dir }) => pagesUnder(dir, reading)) };
}

/**
 * For a command building from the manuals: their packages' pages (read so), or null after saying what
 * to install (the command then writes nothing and fails).
 */
export function manualsOrSayMissing(reading?: MarkdownReading): Array<Iterable<PageText>> | null {
  const documentation = installedDocumentation(reading);
  if ('packages' in documentation) return documentation.packages;
  console.error(`wrote nothing: install the manuals first (apt-get install -y ${documentation.missing.join(' ')})`);
  process.exitCode = 1;
  return null;
}

if (isMainModule(import.meta.filename)) {
  // Code blocks kept: the committed discounts were built so (see MarkdownReading).
  const packages = manualsOrSayMissing({ keepCode: true });
  if (packages) {
    const manuals = packages.map(countManualWords);
    const discountsFile = resolve('assets/data/documentation-discounts.json');
    const discounts = buildDocumentationDiscounts(manuals);
    writeFileSync(discountsFile, `${JSON.stringify(discounts)}\n`);
    const stems = discounts.reduce((sum, [, list]) => sum + list.split(' ').length, 0);
    console.log(
      `wrote what ${stems} words of every manual are worth when ranking and matching related articles to ${discountsFile}`,
    );
    const thingsFile = resolve('assets/data/everyday-things.json');
    const things = buildEverydayThings(manuals, spokenWords());
    // One string of words, not an array: the popup's bundle parses it in a moment (7,381 words, 57 kB).
    writeFileSync(thingsFile, `${JSON.stringify(things.join(' '))}\n`);
    console.log(`wrote ${things.length} words naming things of everyday life to ${thingsFile}`);
    const manualWordsFile = resolve('assets/data/manual-words.json');
    const manualWords = buildManualWords(manuals, spokenWords());
    writeFileSync(manualWordsFile, `${JSON.stringify(manualWords.join(' '))}\n`);
    console.log(`wrote ${manualWords.length} words of technical writing that speech knows too to ${manualWordsFile}`);
  }
}
