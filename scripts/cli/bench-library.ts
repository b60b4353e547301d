import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import {
  analyzeLibraryDocument,
  createLibraryIndex,
  type LibraryDocument,
  type LibraryIndexSnapshot,
} from '@/lib/search/library-index';
import { captureHtml, folderPageUrl } from '@/scripts/eval/library-folder';
import { REAL_PAGES_DIR, realPageNames } from '@/scripts/eval/shared-data';
import { formatTiming, summarize, timeEach } from '@/scripts/eval/stats';
import { createRandom } from '@/scripts/eval/synthetic-corpus';

const line = (label: string, text: string) => console.log(`  ${label.padEnd(34)} ${text}`);
const RUN = 20;

/** Invented words, so that the vocabulary keeps growing with the library as real pages' would. */
function inventedWord(random: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let word = '';
  const length = 5 + Math.floor(random() * 6);
  for (let i = 0; i < length; i++) word += letters[Math.floor(random() * letters.length)];
  return word;
}

/**
 * A synthetic saved page of about `words` words: runs of 20 consecutive words of the real pages'
 * captured text (so phrases stay real), each followed by an invented word.
 */
export function syntheticPage(
  corpus: readonly string[],
  id: number,
  words: number,
  random: () => number,
): LibraryDocument {
  const parts: string[] = [];
  for (let count = 0; count < words; count += RUN + 1) {
    const at = Math.floor(random() * (corpus.length - RUN));
    parts.push(corpus.slice(at, at + RUN).join(' '), inventedWord(random));
  }
  const title = Array.from({ length: 6 }, () => corpus[Math.floor(random() * corpus.length)]).join(' ');
  const url = `https://site${id % 300}.example.com/posts/${id}`;
  const text = parts.join(' ');
  return {
    id: `page:${id}`,
    articleId: null,
    title,
    url,
    siteName: null,
    byline: null,
    tags: [],
    note: '',
    highlights: [],
    text,
    fingerprint: '1',
  };
}

/** The words of the real fixture pages' captured text, in order (the stuff synthetic saved pages are made of). */
export function libraryCorpusWords(): string[] {
  return realPageNames()
    .flatMap((name) => {
      const url = folderPageUrl(`${name}/source.html`);
      return captureHtml(readFileSync(join(REAL_PAGES_DIR, name, 'source.html'), 'utf8'), url).text.split(/\s+/);
    })
    .filter(Boolean);
}

/** Library search over synthetic saved pages made of the real fixture pages' text. */
export function benchLibrary(queries: readonly string[], sizes: readonly number[]): void {
  console.log(
    '\n== library: saved pages of ~2,000 words (synthetic, from ../shared/fixtures/real-pages text), Node ==',
  );
  if (!existsSync(REAL_PAGES_DIR)) {
    console.log(`  skipped: ${REAL_PAGES_DIR} is absent`);
    return;
  }
  const corpus = libraryCorpusWords();
  const bundled = getBundledSearchEngine();
  const floor = summarize(timeEach(queries, 3, (query) => bundled.search(query, { typing: false })));
  for (const size of sizes) {
    const random = createRandom(size);
    const index = createLibraryIndex();
    const pages = Array.from({ length: size }, (_, id) => syntheticPage(corpus, id, 2_000, random));
    const heapBefore = process.memoryUsage().heapUsed;
    const perPage = timeEach(pages, 1, (page) => index.put(page));
    const firstStarted = performance.now();
    index.search('warm up thundring', { typing: false });
    const first = performance.now() - firstStarted;
    const stats = index.stats();
    console.log(`-- ${size.toLocaleString('en')} saved pages --`);
    line('index a page (put)', formatTiming(summarize(perPage)));
    line(
      'index size',
      `${stats.terms.toLocaleString('en')} terms, ${stats.postings.toLocaleString('en')} postings, ${stats.words.toLocaleString('en')} typo words, heap +${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB (rough)`,
    );
    line('first query after indexing', `${first.toFixed(1)} ms (merges the new terms into the sorted vocabulary)`);
    if (size <= 2_000) {
      // What a page opening does since the background stores each item's analysis (lib/db/library-postings).
      const analyzed = pages.map(analyzeLibraryDocument);
      const loadStarted = performance.now();
      const loaded = createLibraryIndex();
      for (const item of analyzed) loaded.putAnalyzed(item);
      loaded.search('warm up thundring', { typing: false });
      line('load stored analyses + first query', `${(performance.now() - loadStarted).toFixed(1)} ms (no analysis)`);
    }
    // What a page opening does since the background stores the index whole (lib/db/library-snapshot).
    const snapshotTimes: number[] = [];
    const restoreTimes: number[] = [];
    let snapshotBytes = 0;
    for (let run = 0; run < 5; run++) {
      const taken = performance.now();
      const snapshot = structuredClone(index.snapshot());
      snapshotTimes.push(performance.now() - taken);
      snapshotBytes = snapshotSize(snapshot);
      const restoreStarted = performance.now();
      const restored = createLibraryIndex();
      restored.restore(snapshot);
      restored.search('warm up thundring', { typing: false });
      restoreTimes.push(performance.now() - restoreStarted);
    }
    line(
      'store the index whole (snapshot + clone)',
      `${formatTiming(summarize(snapshotTimes))}, ${(snapshotBytes / 1e6).toFixed(1)} MB`,
    );
    line('restore it + first query (typo)', formatTiming(summarize(restoreTimes)));
    // Phrases from deep in pages, as a user remembers them, and the public query set (finished and as typed).
    const phrases = pages.slice(0, 50).map((page) => page.text.split(' ').slice(600, 604).join(' '));
    line(
      'query: 4-word phrases from pages',
      formatTiming(summarize(timeEach(phrases, 3, (q) => index.search(q, { typing: false })))),
    );
    line(
      'query: public set, finished',
      formatTiming(summarize(timeEach(queries, 3, (q) => index.search(q, { typing: false })))),
    );
    line(
      'query: public set, typing',
      formatTiming(summarize(timeEach(queries, 3, (q) => index.search(q, { typing: true })))),
    );
    line('floor: bundled articles only', formatTiming(floor));
    const changed = timeEach([0, 1, 2, 3, 4], 1, (at) => {
      index.put({ ...(pages[at] as LibraryDocument), note: `changed ${at}`, fingerprint: '2' });
      index.search('retry storm', { typing: false });
    });
    line('change one page + next query', formatTiming(summarize(changed)));
  }
  const long = Array.from({ length: 7 }, (_, at) => syntheticPage(corpus, 100_000 + at, 5_000, createRandom(at)));
  const index = createLibraryIndex();
  for (const page of Array.from({ length: 2_000 }, (_, id) => syntheticPage(corpus, id, 2_000, createRandom(id))))
    index.put(page);
  line(
    'index a 5,000-word page (2,000 saved)',
    formatTiming(summarize(timeEach(long, 1, (page) => index.put(page)).slice(1))),
  );
}

/** Bytes of a snapshot's arrays and strings (UTF-16 counted as 2 bytes a character), roughly what IndexedDB stores. */
function snapshotSize(snapshot: LibraryIndexSnapshot): number {
  const arrays = [
    snapshot.postingStarts,
    snapshot.postingDocs,
    snapshot.postingWeights,
    snapshot.postingSegments,
    snapshot.docTermStarts,
    snapshot.docTerms,
    snapshot.wordCounts,
    snapshot.docWordStarts,
    snapshot.docWords,
    snapshot.grams.lengths,
    snapshot.grams.starts,
    snapshot.grams.ids,
  ];
  return (
    arrays.reduce((sum, array) => sum + array.byteLength, 0) +
    2 * (snapshot.terms.length + snapshot.words.length + snapshot.grams.pairs.length) +
    JSON.stringify(snapshot.documents).length
  );
}
