import { useEffect, useMemo, useState } from 'react';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { afterNextPaint } from '@/lib/dom/after-paint';
import type { SearchResponse } from '@/lib/search/engine';
import type { LibraryIndex, LibraryResponse } from '@/lib/search/library-index';
import { makeSnippetsBetweenTasks, withNoteSnippets } from '@/lib/search/snippet';
import {
  type MadeSnippets,
  mergeSearch,
  NO_LIBRARY_RESPONSE,
  pageTermsOf,
  readQuotedHolders,
  snippetSourceOf,
  type UnifiedResponse,
  withCopiesRead,
  withExactTitleFirst,
  withQueryPhrase,
} from '@/lib/search/unified';

// The database code is loaded once the page has painted (the popup's first paint must not wait for it).
const loadLive = () => import('@/lib/search/library-live');

interface LibraryIndexState {
  /** Null until it has been read once. */
  index: LibraryIndex | null;
  version: number;
  /** Reading it failed before it was ever read: searches answer without it (not "searching" forever). */
  failed: boolean;
}

/** The user's library index for this page, live. */
export function useLibraryIndex(): LibraryIndexState {
  const [state, setState] = useState<LibraryIndexState>({ index: null, version: 0, failed: false });
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    const fail = (error: unknown) => {
      console.warn('Shelf: could not search your library', error);
      // Once read, a later failed update leaves the index as it was: still searched.
      if (!stopped) setState((current) => (current.index ? current : { ...current, failed: true }));
    };
    const cancel = afterNextPaint(() => {
      void loadLive().then(({ watchLibraryIndex }) => {
        if (stopped) return;
        stop = watchLibraryIndex((index) => {
          // For `npm run bench`: when the library could first be searched.
          if (performance.getEntriesByName('shelf:library-ready').length === 0) performance.mark('shelf:library-ready');
          setState((current) => ({ ...current, index, version: current.version + 1 }));
        }, fail);
      }, fail);
    });
    return () => {
      stopped = true;
      cancel();
      stop?.();
    };
  }, []);
  return state;
}

const QUERY_MEASURE = 'shelf:library-query';

/** Searches the library, leaving the time it took as a performance measure (read by `npm run bench`; cleared every 200). */
function timedLibrarySearch(index: LibraryIndex, query: string, tag: string | undefined): LibraryResponse {
  const start = performance.now();
  const response = index.search(query, { limit: 20, suggest: true, tag });
  if (performance.getEntriesByName(QUERY_MEASURE).length >= 200) performance.clearMeasures(QUERY_MEASURE);
  performance.measure(QUERY_MEASURE, { start });
  return response;
}

/** Snippets of the saved pages listed, from their captured text (read for the few shown only), looking for its phrase. */
export function useSnippets(response: UnifiedResponse): MadeSnippets {
  const [made, setMade] = useState<MadeSnippets>({ snippets: new Map(), madeFor: null });
  useEffect(() => {
    // No word to look for (a tag chosen alone): no copy is read for snippets it cannot hold.
    const nothingToFind = pageTermsOf(response).size === 0 && !response.prefix && !response.phrase;
    const ids = nothingToFind ? [] : response.hits.flatMap((hit) => snippetSourceOf(hit) ?? []);
    if (ids.length === 0) return setMade({ snippets: new Map(), madeFor: response });
    const stale = new AbortController();
    const phrase = response.phrase ?? null;
    void loadLive()
      .then(({ getSnippetSources }) => getSnippetSources(ids))
      .then(async (sources) => {
        const { texts, notes } = sources;
        const terms = pageTermsOf(response);
        const weights = response.pageTermWeights;
        const options = { signal: stale.signal, phrase, weights, written: response.written };
        const fromCopies = await makeSnippetsBetweenTasks(texts, terms, response.prefix, options);
        if (!fromCopies || stale.signal.aborted) return null;
        const snippets = withNoteSnippets(fromCopies, notes, terms, response.prefix, options);
        const quoted = response.quoted ?? [];
        if (quoted.length === 0) return { snippets };
        // Looked through with pauses between items, given up once the search changed (red-team pass: twenty
        // copies of megabytes each were looked through in one go, seconds on the popup's main thread).
        const quotedHolders = await readQuotedHolders(ids, quoted, async () => sources, { signal: stale.signal });
        return quotedHolders && { snippets, quotedHolders };
      })
      .then((read) => {
        if (read && !stale.signal.aborted) setMade({ ...read, madeFor: response });
      })
      .catch((error: unknown) => {
        console.warn('Shelf: could not read saved copies', error);
        // None for this search (review: the last search's stayed, and a page opened at its passage).
        if (!stale.signal.aborted) setMade({ snippets: new Map(), madeFor: response });
      });
    return () => stale.abort();
  }, [response]);
  return made;
}

/**
 * One search over everything the user keeps: the bundled articles' response (searched by the
 * caller, with its filters) and the library's, as one ranked list, with snippets of saved pages.
 */
export function useLibrarySearch(
  query: string,
  bundled: SearchResponse,
  catalog: EffectiveCatalog,
  includeLibrary = true,
  /** Only saved items with this tag of the user's (the popup's tag filter): with no query, all of them. */
  tag?: string,
) {
  const { index, version, failed } = useLibraryIndex();
  const asked = query.trim() !== '' || tag !== undefined;
  // `version` changes when the index changed in place.
  const library = useMemo(
    () => (index && includeLibrary && asked ? timedLibrarySearch(index, query, tag) : NO_LIBRARY_RESPONSE),
    [index, version, query, includeLibrary, asked, tag],
  );
  const merged = useMemo(
    () => withQueryPhrase(mergeSearch(bundled, library, catalog.byId), query),
    [bundled, library, catalog, query],
  );
  const made = useSnippets(merged);
  const { response, openingSnippets } = useMemo(() => {
    const read = withCopiesRead(merged, made);
    // A title that is the query names what is wanted, above a phrase some copy holds.
    return { ...read, response: withExactTitleFirst(read.response, query) };
  }, [merged, made, query]);
  // Shown until this query's are made (the list does not blank at each keystroke).
  const snippets = made.snippets;
  const searched = includeLibrary && asked;
  // A quoted phrase waits for the listed pages' copies: until read, "nothing matches" is not known yet.
  const readingQuoted =
    (merged.quoted?.length ?? 0) > 0 && made.madeFor !== merged && merged.hits.some((hit) => hit.kind === 'page');
  return {
    response,
    snippets,
    openingSnippets,
    /**
     * The library (or, for a quoted phrase, the listed pages' copies) is still being read: no list yet is
     * not "nothing matches" (unreadable, the articles alone answer).
     */
    librarySearching: (searched && index === null && !failed) || readingQuoted,
    /** The user's saved pages were searched for this query: read, holding some, and not left out. */
    librarySearched: searched && (index?.size ?? 0) > 0,
    /**
     * The list is final for this query: the library has answered (or is left out or unreadable) and
     * the listed pages' copies were read, which may put a page holding the query's phrase first.
     */
    settled: !(searched && index === null && !failed) && made.madeFor === merged,
  };
}
