import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { getArticleById } from '@/lib/corpus/catalog';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { CONFIDENCE, type ConfidenceTuning, LIBRARY_CONFIDENCE } from '@/lib/search/confidence';
import { createLibraryIndex, type LibraryDocument } from '@/lib/search/library-index';
import { makeSnippet, type Snippet } from '@/lib/search/snippet';
import {
  mergeSearch,
  NO_LIBRARY_RESPONSE,
  pageTermsOf,
  type UnifiedResponse,
  withCopiesRead,
  withQueryPhrase,
} from '@/lib/search/unified';
import { captureHtml, folderPageUrl, savedPageDocument } from '@/scripts/eval/library-folder';
import { CONFIDENCE_HALVES, loadConfidenceSet } from '@/scripts/eval/search-report';
import { MISSING_SHARED_REASON, REAL_PAGES_DIR, realPageNames } from '@/scripts/eval/shared-data';
import { createRandom } from '@/scripts/eval/synthetic-corpus';

/** Queries users write to find a shared real page again once saved (see the file's description). */
export const LIBRARY_QUERIES_FILE = 'tests/fixtures/library-queries.json';

const libraryQueriesSchema = z.object({
  description: z.string(),
  queries: z.array(z.object({ query: z.string().min(1), page: z.string().min(1) })).min(1),
});

export function loadLibraryQueries(file = LIBRARY_QUERIES_FILE) {
  return libraryQueriesSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).queries;
}

/** The shared real pages as saved pages, by page name (captured as saving captures them: seconds). */
export function savedSharedPages(): Map<string, LibraryDocument> {
  return new Map(
    realPageNames().map((name) => {
      const url = folderPageUrl(`${name}.html`);
      const html = readFileSync(resolve(REAL_PAGES_DIR, name, 'source.html'), 'utf8');
      return [name, savedPageDocument(captureHtml(html, url), url)];
    }),
  );
}

/** How the search of a library of these pages (in this order) reads with a tuning. */
export interface LibraryFigures {
  /** Off-topic everyday queries (all of search-confidence.json's) that got results. */
  offTopicAnswered: number;
  offTopic: number;
  /** Library queries whose page is listed as a result, and first. */
  listed: number;
  first: number;
  queries: number;
  misses: string[];
}

/**
 * Off-topic queries against the first `size` pages of `pages` (the order is the caller's), and the
 * library queries whose page is among them, each a finished query (CLI mode).
 */
export function libraryFigures(
  pages: ReadonlyMap<string, LibraryDocument>,
  size: number,
  options: { tuning?: ConfidenceTuning; meantAsWritten?: (term: string) => boolean; wordsNear?: boolean } = {},
): LibraryFigures {
  const saved = [...pages].slice(0, size);
  const index = createLibraryIndex(options.tuning ?? LIBRARY_CONFIDENCE, {
    meantAsWritten: options.meantAsWritten,
    wordsNear: options.wordsNear,
  });
  for (const [, document] of saved) index.put(document);
  const set = loadConfidenceSet();
  const offTopic = CONFIDENCE_HALVES.flatMap((half) => set.offTopic[half]);
  const offTopicAnswered = offTopic.filter((query) => index.search(query, { typing: false }).results.length > 0);
  const idOf = new Map(saved.map(([name, document]) => [name, document.id]));
  const queries = loadLibraryQueries().filter(({ page }) => idOf.has(page));
  let listed = 0;
  let first = 0;
  const misses: string[] = [];
  for (const { query, page } of queries) {
    const at = index.search(query, { typing: false }).results.findIndex((hit) => hit.itemId === idOf.get(page));
    if (at >= 0) listed++;
    if (at === 0) first++;
    else misses.push(`${query} (${page}: ${at < 0 ? 'not a result' : `#${at + 1}`})`);
  }
  return {
    offTopicAnswered: offTopicAnswered.length,
    offTopic: offTopic.length,
    listed,
    first,
    queries: queries.length,
    misses: [...misses, ...offTopicAnswered.map((query) => `off-topic answered: ${query}`)],
  };
}

/** Where the blog's wanted article stands among the answers to its questions, as the popup lists them. */
export interface QuestionFigures {
  questions: number;
  /** Without saved pages: the wanted article first, and in the top five. */
  first: number;
  topFive: number;
  /** With `pages` saved: the same, saved pages listed among the articles. */
  firstWithPages: number;
  topFiveWithPages: number;
}

/**
 * The blog's intent questions (search-confidence.json, every set) answered as the popup answers
 * them (`mergeSearch`: articles and saved pages in one list, then moved as the listed pages' copies
 * are read: `withCopiesRead`), without saved pages and with `pages`:
 * saved pages must not push the blog's answer down by holding the question's words here and there.
 */
export function questionFigures(pages: Iterable<LibraryDocument>): QuestionFigures {
  const engine = getBundledSearchEngine();
  const library = createLibraryIndex();
  const texts = new Map<string, string>();
  for (const document of pages) {
    library.put(document);
    texts.set(document.id, document.text);
  }
  const figures = { questions: 0, first: 0, topFive: 0, firstWithPages: 0, topFiveWithPages: 0 };
  const set = loadConfidenceSet();
  for (const { query, expected } of CONFIDENCE_HALVES.flatMap((half) => set.intent[half])) {
    const bundled = engine.search(query, { typing: false });
    const at = (response: UnifiedResponse) =>
      response.loose
        ? -1
        : response.hits.findIndex((hit) => hit.kind === 'article' && expected.includes(hit.article.id));
    const alone = at(mergeSearch(bundled, NO_LIBRARY_RESPONSE, getArticleById));
    // As the popup lists them once the listed pages' copies are read (their snippets may move them up).
    const merged = withQueryPhrase(
      mergeSearch(bundled, library.search(query, { typing: false }), getArticleById),
      query,
    );
    const snippets = new Map<string, Snippet>();
    for (const hit of merged.hits) {
      const text = hit.kind === 'page' ? texts.get(hit.page.itemId) : undefined;
      const snippet =
        text &&
        makeSnippet(text, pageTermsOf(merged), merged.prefix, {
          phrase: merged.phrase,
          weights: merged.pageTermWeights,
          written: merged.written,
        });
      if (hit.kind === 'page' && snippet) snippets.set(hit.page.itemId, snippet);
    }
    const withPages = at(withCopiesRead(merged, { snippets, madeFor: merged }).response);
    figures.questions++;
    if (alone === 0) figures.first++;
    if (alone >= 0 && alone < 5) figures.topFive++;
    if (withPages === 0) figures.firstWithPages++;
    if (withPages >= 0 && withPages < 5) figures.topFiveWithPages++;
  }
  return figures;
}

/** A seeded shuffle (mulberry32, `createRandom`), so that every run saves the same pages in the same libraries. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Library sizes `npm run eval` reports: three pages (as the e2e test saves), eight, and every shared page. */
export const LIBRARY_SIZES = [3, 8, Number.POSITIVE_INFINITY] as const;

/**
 * Knowing when nothing matches among saved pages: the off-topic queries of search-confidence.json
 * against libraries of the shared real pages, and the library queries of LIBRARY_QUERIES_FILE, with
 * the library's tuning and, for comparison, the blog's (every word a possible slip, its shares).
 */
export function libraryEvalReport({ verbose }: { verbose: boolean }): string[] {
  const lines = [`\nSaved pages: knowing when nothing matches (shared real pages saved; ${LIBRARY_QUERIES_FILE})`];
  if (realPageNames().length === 0) return [...lines, MISSING_SHARED_REASON];
  const pages = new Map(shuffled([...savedSharedPages()], 17));
  for (const size of LIBRARY_SIZES) {
    const shown = Math.min(size, pages.size);
    const library = libraryFigures(pages, shown);
    // Words a page's text says far apart counting as if near (as until 2026-12-07).
    const wordsApart = libraryFigures(pages, shown, { wordsNear: false });
    // As saved pages were searched until 2026-12-05: the blog's shares, every word a possible slip.
    const blogRules = libraryFigures(pages, shown, {
      tuning: CONFIDENCE,
      meantAsWritten: () => false,
      wordsNear: false,
    });
    lines.push(
      `${String(shown).padStart(2)} pages   off-topic with no results: shelf ${library.offTopic - library.offTopicAnswered}/${library.offTopic} (words apart near ${wordsApart.offTopic - wordsApart.offTopicAnswered}; blog's rules ${blogRules.offTopic - blogRules.offTopicAnswered})   library queries: page a result ${library.listed}/${library.queries}, first ${library.first}/${library.queries} (${wordsApart.listed}, ${wordsApart.first}; ${blogRules.listed}, ${blogRules.first})`,
    );
    if (verbose) lines.push(...library.misses.map((miss) => `  ${miss}`));
  }
  const questions = questionFigures(pages.values());
  lines.push(
    `questions with all ${pages.size} pages saved: the blog's answer first ${questions.firstWithPages}/${questions.questions} (no pages saved ${questions.first}), in the top five ${questions.topFiveWithPages}/${questions.questions} (${questions.topFive})`,
  );
  return lines;
}
