import { describe, expect, it } from 'vitest';
import { getArticleById } from '@/lib/corpus/catalog';
import type { SavedItem } from '@/lib/db/schema';
import {
  buildRows,
  countByStatus,
  countFoundInAll,
  DEFAULT_LIST_QUERY,
  foundHoldingQuoted,
  goneTag,
  LIST_SNIPPET_ROWS,
  nextInList,
  queryRows,
  readerPlaceOf,
  searchLibrary,
  snippetRequestOf,
  snippetRowIds,
  withoutGoneTag,
} from '@/lib/reading-list/list-query';
import { createLibraryIndex } from '@/lib/search/library-index';
import { quotedPhrases } from '@/lib/search/quoted';
import { makeSnippet } from '@/lib/search/snippet';
import { pageTermsOf } from '@/lib/search/unified';
import { savedPageDocument } from '@/tests/unit/helpers/one-page-library';
import { quotedHoldersIn } from '@/tests/unit/helpers/quoted-holders';
import { savedItem } from '@/tests/unit/helpers/saved-item';

const item = (id: string, patch: Partial<SavedItem> = {}): SavedItem =>
  savedItem({ id: `article:${id}`, kind: 'article', articleId: id, title: getArticleById(id)?.title ?? id, ...patch });

const items = [
  item('cold-start-latency', { addedAt: 3, updatedAt: 1, status: 'reading', tags: ['lambda'] }),
  item('thundering-herd-service-restart', { addedAt: 1, updatedAt: 3, status: 'done' }),
  item('redis-eviction-causing-chaos-when-your-cache-turns-on-you', {
    addedAt: 2,
    updatedAt: 2,
    note: 'check maxmemory',
  }),
];
const progress = [
  { itemId: 'article:cold-start-latency', fraction: 0.2, anchor: { scrollFraction: 0.2, scrollY: 1 }, updatedAt: 1 },
  {
    itemId: 'article:thundering-herd-service-restart',
    fraction: 0.9,
    anchor: { scrollFraction: 0.9, scrollY: 1 },
    updatedAt: 1,
  },
];
const rows = buildRows(items, progress, getArticleById);
const ids = (query: Partial<typeof DEFAULT_LIST_QUERY>) =>
  queryRows(rows, { ...DEFAULT_LIST_QUERY, status: 'all', ...query }).map((r) => r.item.articleId);

describe('reading list query', () => {
  it('sorts by added, updated or progress, newest / furthest first', () => {
    expect(ids({ sort: 'added' })).toEqual([
      'cold-start-latency',
      'redis-eviction-causing-chaos-when-your-cache-turns-on-you',
      'thundering-herd-service-restart',
    ]);
    expect(ids({ sort: 'updated' })[0]).toBe('thundering-herd-service-restart');
    expect(ids({ sort: 'progress' })).toEqual([
      'thundering-herd-service-restart',
      'cold-start-latency',
      'redis-eviction-causing-chaos-when-your-cache-turns-on-you',
    ]);
  });

  // QA pass: a new user's list is mostly unread at 0%; sorted by progress it came in the order of the
  // items' ids (hashes of their addresses), which looked shuffled.
  it('sorts items at the same progress newest first', () => {
    const page = (name: string, addedAt: number) =>
      savedItem({ id: `page:${name}`, kind: 'page', articleId: null, title: name, addedAt, updatedAt: 1 });
    const unread = [page('b', 1), page('a', 2), page('d', 4), page('c', 3)];
    const sorted = queryRows(buildRows(unread, [], getArticleById), { ...DEFAULT_LIST_QUERY, sort: 'progress' });
    expect(sorted.map((row) => row.item.title)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('filters by status, topic, user or article tag, and text in title, note and tags', () => {
    expect(ids({ status: 'done' })).toEqual(['thundering-herd-service-restart']);
    expect(ids({ topic: 'caching' })).toEqual(['redis-eviction-causing-chaos-when-your-cache-turns-on-you']);
    expect(ids({ tag: 'lambda' })).toEqual(['cold-start-latency']);
    expect(ids({ tag: 'thundering-herd' })).toEqual(['thundering-herd-service-restart']);
    expect(ids({ text: 'MAXMEMORY' })).toEqual(['redis-eviction-causing-chaos-when-your-cache-turns-on-you']);
    expect(ids({ text: 'cold latency' })).toEqual(['cold-start-latency']);
  });

  it('counts what All shows for a text search another view finds nothing for', () => {
    // "thundering" is done: the Queue has no row for it, All has one.
    const search = { ...DEFAULT_LIST_QUERY, text: 'thundering' };
    expect(queryRows(rows, search)).toEqual([]);
    expect(countFoundInAll(rows, search)).toBe(1);
    expect(countFoundInAll(rows, { ...search, status: 'all' })).toBe(0);
    expect(countFoundInAll(rows, { ...search, text: ' ' })).toBe(0);
  });

  it('counts by status, and the queue (unread and reading)', () => {
    expect(countByStatus(rows)).toEqual({ all: 3, queue: 2, unread: 1, reading: 1, done: 1, archived: 0 });
  });

  it('shows the queue by default: what is still to read, not what is done or archived', () => {
    expect(queryRows(rows, DEFAULT_LIST_QUERY).map((r) => r.item.articleId)).toEqual([
      'cold-start-latency',
      'redis-eviction-causing-chaos-when-your-cache-turns-on-you',
    ]);
    expect(ids({ status: 'archived' })).toEqual([]);
  });

  it('finds the next item to read: the one after in the queue, or its first', () => {
    const next = (id: string) => nextInList(rows, `article:${id}`)?.item.articleId;
    expect(next('cold-start-latency')).toBe('redis-eviction-causing-chaos-when-your-cache-turns-on-you');
    expect(next('redis-eviction-causing-chaos-when-your-cache-turns-on-you')).toBe('cold-start-latency');
    expect(next('thundering-herd-service-restart')).toBe('cold-start-latency'); // done: not in the queue
    expect(nextInList(rows.slice(0, 1), 'article:cold-start-latency')).toBeNull();
  });

  // QA pass: an item just marked done (or archived) sent "Next" to the queue's first item, so reading
  // from the middle of the queue went back to the top after each item.
  it('after an item just finished, goes on to the queue item after it, not back to the first', () => {
    const queueOf = (done: string | null) =>
      buildRows(
        ['a', 'b', 'c', 'd', 'e'].map((id, at) =>
          savedItem({ id, title: id, addedAt: 100 - at, status: id === done ? 'done' : 'unread' }),
        ),
        [],
        getArticleById,
      );
    expect(nextInList(queueOf(null), 'c')?.item.id).toBe('d');
    expect(nextInList(queueOf('c'), 'c')?.item.id).toBe('d');
    expect(nextInList(queueOf('e'), 'e')?.item.id).toBe('a');
    expect(nextInList(queueOf('c'), 'gone')?.item.id).toBe('a');
  });

  // "Next in reading list" in a reader opened from the reading list followed the queue's default order
  // (newest first), not the list the user had sorted, filtered or searched and opened the item from.
  it('follows the list it was opened from: its view, filters, search and sort', () => {
    const pages = buildRows(
      [
        savedItem({ id: 'a', addedAt: 5, tags: ['go'] }),
        savedItem({ id: 'b', addedAt: 4, status: 'reading' }),
        savedItem({ id: 'c', addedAt: 3, tags: ['go'], status: 'done' }),
        savedItem({ id: 'd', addedAt: 2, tags: ['go'] }),
        savedItem({ id: 'e', addedAt: 1, status: 'archived' }),
      ],
      ['a', 'b', 'c', 'd', 'e'].map((id, at) => ({
        itemId: id,
        fraction: [0.1, 0.5, 0.9, 0.7, 0.3][at] as number,
        anchor: { scrollFraction: 0, scrollY: 0 },
        updatedAt: 1,
      })),
      getArticleById,
    );
    const next = (id: string, query: Partial<typeof DEFAULT_LIST_QUERY>, found?: string[]) =>
      nextInList(pages, id, {
        query: { ...DEFAULT_LIST_QUERY, ...query },
        found: found && new Map(found.map((found) => [found, ['text']])),
      })?.item.id ?? null;
    // The default list is the queue, newest first, as from anywhere else.
    expect(next('a', {})).toBe(nextInList(pages, 'a')?.item.id);
    expect(next('a', {})).toBe('b');
    // Sorted by progress (furthest first): d (0.7), b (0.5), a (0.1) in the queue.
    expect(next('d', { sort: 'progress' })).toBe('b');
    expect(next('a', { sort: 'progress' })).toBe('d');
    // All, by progress: c (0.9), d, b, e (0.3), a.
    expect(next('b', { status: 'all', sort: 'progress' })).toBe('e');
    // Tagged "go" in the queue: a, d (c is done).
    expect(next('a', { tag: 'go' })).toBe('d');
    expect(next('d', { tag: 'go' })).toBe('a');
    // Done: c alone, nothing else to read there.
    expect(next('c', { status: 'done' })).toBeNull();
    // Searched: the search's order, best match first (d, then a), the rest not in the list.
    expect(next('d', { text: 'retries' }, ['d', 'a'])).toBe('a');
    expect(next('a', { text: 'retries' }, ['d', 'a'])).toBe('d');
  });

  it('searches with the library engine: typos, and words deep in a saved copy', () => {
    const page = item('page', {
      id: 'page:retries',
      kind: 'page',
      articleId: null,
      url: 'https://blog.example.org/retries',
      title: 'Making retries idempotent',
      addedAt: 4,
    });
    const withPage = buildRows([...items, page], [], getArticleById);
    const index = createLibraryIndex();
    for (const { item: saved } of withPage)
      index.put({
        id: saved.id,
        articleId: saved.articleId,
        title: saved.title,
        url: saved.url,
        siteName: null,
        byline: null,
        tags: saved.tags,
        note: saved.note,
        highlights: [],
        text: saved.id === page.id ? 'The payment service keys each request so that a replay charges once.' : '',
        fingerprint: '1',
      });
    const search = (text: string) =>
      queryRows(withPage, { ...DEFAULT_LIST_QUERY, status: 'all', text }, searchLibrary(index, text)?.reasons).map(
        (row) => row.item.id,
      );
    // Words in title, note and tags alone found neither.
    expect(queryRows(withPage, { ...DEFAULT_LIST_QUERY, status: 'all', text: 'idempotnt' })).toEqual([]);
    expect(search('idempotnt')).toEqual(['page:retries']);
    expect(search('replay charges')).toEqual(['page:retries']);
    expect(search('maxmemory')).toEqual(['article:redis-eviction-causing-chaos-when-your-cache-turns-on-you']);
    // Each found item says why it matched, as the popup's results do.
    expect(searchLibrary(index, 'replay charges')?.reasons.get('page:retries')).toEqual(['text']);
    expect(searchLibrary(index, '  ')).toBeNull();
    expect(searchLibrary(null, 'idempotnt')).toBeNull();
  });

  // QA pass: the popup offered "edgestore" for "edgstor"; the reading list's search said only that nothing matched.
  it("suggests a spelling from the saved items' words only when nothing at all is found", () => {
    const index = createLibraryIndex();
    index.put(
      savedPageDocument({
        id: 'page:dropbox',
        title: 'How we migrated Dropbox from Nginx to Envoy',
        text: 'Edgestore keeps the metadata; Edgestore shards are replicated across regions.',
      }),
    );
    const nothing = searchLibrary(index, 'edgstor ');
    expect(nothing?.reasons.size).toBe(0);
    expect(nothing?.suggestion).toBe('edgestore');
    expect(searchLibrary(index, 'edgestore ')?.suggestion).toBeUndefined();
    expect(searchLibrary(index, 'edgestore ')?.reasons.has('page:dropbox')).toBe(true);
    expect(searchLibrary(index, 'lemon cake recipe ')?.suggestion).toBeUndefined();
  });

  // QA pass: opened from the list's search, a page opened at its last place, not at the passage found.
  it("opens an item its search found where the search's words are, or at the note only the note matched", () => {
    const index = createLibraryIndex();
    index.put(savedPageDocument({ id: 'page:sre', text: 'Each mode of failure is drilled before launch.' }));
    index.put(savedPageDocument({ id: 'page:noted', note: 'ask about the failure drills' }));
    index.put(savedPageDocument({ id: 'page:titled', title: 'Failure drills', text: 'Nothing of it here.' }));
    const found = searchLibrary(index, 'failure drilled ');
    // Found by its title alone: where the user left off (review: the list is where one reads on).
    expect(found?.reasons.get('page:titled')).toEqual(['title']);
    expect(readerPlaceOf('page:titled', found)).toBeUndefined();
    expect(readerPlaceOf('page:sre', found)).toMatchObject({ terms: expect.arrayContaining(['failur', 'drill']) });
    expect(readerPlaceOf('page:sre', found)?.passage).toBeUndefined();
    const byNote = searchLibrary(index, 'ask about ');
    expect(readerPlaceOf('page:noted', byNote)).toEqual({ at: 'note' });
    // Not found, or no search: where the user left off.
    expect(readerPlaceOf('page:other', found)).toBeUndefined();
    expect(readerPlaceOf('page:sre', null)).toBeUndefined();
  });

  // The popup shows a saved page's matching passage; the list showed only why a row matched.
  it('gives the first rows found by their text, a highlight or their note a snippet, and opens there', () => {
    const index = createLibraryIndex();
    const text = 'Launch checklists vary. Each mode of failure is drilled before launch, twice a year.';
    index.put(savedPageDocument({ id: 'page:sre', text }));
    index.put(savedPageDocument({ id: 'page:noted', note: 'ask about the failure drills' }));
    index.put(savedPageDocument({ id: 'page:titled', title: 'Failure drills', text: 'Nothing of it here.' }));
    const found = searchLibrary(index, 'failure drilled') as NonNullable<ReturnType<typeof searchLibrary>>;
    const page = (id: string) => ({
      item: savedItem({ id, kind: 'page', title: id }),
      article: undefined,
      progress: 0,
    });
    const rows = ['page:titled', 'page:other', 'page:noted', 'page:sre'].map(page);
    // In the list's order; not the row found by its title alone (the row shows its title), nor one not found.
    expect(snippetRowIds(found, rows)).toEqual(['page:noted', 'page:sre']);
    const many = Array.from({ length: LIST_SNIPPET_ROWS + 5 }, () => rows[3] as (typeof rows)[number]);
    expect(snippetRowIds(found, many)).toHaveLength(LIST_SNIPPET_ROWS);
    const request = snippetRequestOf(found, ['page:sre']);
    expect(request.hits.map((hit) => hit.key)).toEqual(['page:sre']);
    // The passage is made as the popup makes it: with the search's matched terms, and opened there.
    const snippet = makeSnippet(text, pageTermsOf(request), request.prefix, { phrase: request.phrase ?? null });
    expect(snippet?.text).toContain('failure is drilled');
    const snippets = new Map([['page:sre', snippet as NonNullable<typeof snippet>]]);
    expect(readerPlaceOf('page:sre', found, snippets)).toEqual({ passage: snippet?.passage });
    // The row found by its title alone still opens where the user left off.
    expect(readerPlaceOf('page:titled', found, snippets)).toBeUndefined();
  });

  // QA pass: the list's snippet (and where the reader opened) stood on the stem's words ("regions") far
  // from the one "regionalism"; and a passage pasted with its quote marks opened at its quoted word.
  it('asks the row snippets for the words as written, and a pasted passage whole before its quoted part', () => {
    const index = createLibraryIndex();
    const text = `Regions 11 regions 5 regional councils. ${'Nothing else. '.repeat(30)}A style of regionalism, “literally” the first. ${'More. '.repeat(30)}Do not misuse the word “literally” just to annoy.`;
    index.put(savedPageDocument({ id: 'page:nz', text }));
    const snippetFor = (query: string) => {
      const found = searchLibrary(index, query) as NonNullable<ReturnType<typeof searchLibrary>>;
      const request = snippetRequestOf(found, ['page:nz']);
      const { phrase = null, written } = request;
      return makeSnippet(text, pageTermsOf(request), request.prefix, { phrase, written })?.passage;
    };
    expect(snippetFor('regionalism ')).toContain('style of regionalism');
    expect(snippetFor('misuse the word “literally” just to annoy')).toContain('misuse the word “literally” just');
  });

  // QA pass: `"standalone mode"` in quotes listed the SRE book's page for its "failure modes" too.
  it('finds only the items holding a quoted phrase, once their copies and notes are read', async () => {
    const index = createLibraryIndex();
    const texts = new Map([
      ['page:sre', 'Standalone services have failure modes of their own; each mode is drilled.'],
      ['page:wasm', 'The runtime starts in standalone mode when no host is given.'],
      ['page:noted', ''],
    ]);
    for (const [id, text] of texts)
      index.put(savedPageDocument({ id, text, note: id === 'page:noted' ? 'Standalone-mode flags' : '' }));
    const notes = new Map([['page:noted', [{ note: 'Standalone-mode flags' }]]]);
    const ids = (found: ReturnType<typeof searchLibrary>) => [...(found?.reasons.keys() ?? [])].sort();
    for (const text of ['"standalone mode"', '“standalone mode”', '"standalone mode']) {
      const found = searchLibrary(index, text);
      expect(ids(found), text).toContain('page:sre');
      const holders = (await quotedHoldersIn(ids(found), texts, notes, quotedPhrases(text))) ?? null;
      expect(ids(foundHoldingQuoted(found, quotedPhrases(text), holders)), text).toEqual(['page:noted', 'page:wasm']);
      // Until the copies are read, none is known to hold it.
      expect(ids(foundHoldingQuoted(found, quotedPhrases(text), null)), text).toEqual([]);
    }
    const unquoted = searchLibrary(index, 'standalone mode');
    expect(foundHoldingQuoted(unquoted, quotedPhrases('standalone mode'), null)).toBe(unquoted);
  });

  it('lists the loosely related items when none is about the text, and says so; only results when one is', () => {
    const index = createLibraryIndex();
    const saved = (id: string, text: string) =>
      index.put(savedPageDocument({ id, url: `https://example.org/${id}`, text }));
    saved('page:1', 'Never poke at a production database by hand, however sure you are of the query.');
    saved('page:2', 'The pizza oven reached its heat in twenty minutes, and the crust blistered.');
    const found = (text: string) => {
      const answer = searchLibrary(index, text);
      return answer && { reasons: answer.reasons, loosely: answer.loosely };
    };
    expect(found('pizza oven')).toEqual({ reasons: new Map([['page:2', ['text']]]), loosely: false });
    // Nothing saved is about "poker" (a word, not a slip of "poke"): the page that says "poke" is
    // listed, as only loosely related, where the list was empty before.
    expect(found('poker')).toEqual({ reasons: new Map([['page:1', ['text']]]), loosely: true });
    // And nothing at all: an empty list.
    expect(found('chess opening')).toEqual({ reasons: new Map(), loosely: false });
  });

  it('while searching, lists the best match first (the library search’s order), then by the sort', () => {
    const saved = (id: string, addedAt: number) =>
      item(id, { id, kind: 'page', articleId: null, url: `https://example.org/${id}`, title: id, addedAt });
    const rows = buildRows([saved('page:a', 3), saved('page:b', 2), saved('page:c', 1)], [], getArticleById);
    // The library search found c best, then a; b only by its title, the index still loading.
    const found = new Map([
      ['page:c', ['text']],
      ['page:a', ['text']],
    ]);
    const ids = (text: string) =>
      queryRows(rows, { ...DEFAULT_LIST_QUERY, status: 'all', text }, found).map((row) => row.item.id);
    expect(ids('page')).toEqual(['page:c', 'page:a', 'page:b']);
    // No text: the sort alone.
    expect(ids('')).toEqual(['page:a', 'page:b', 'page:c']);
  });

  // QA: a bulk "Remove tag" of the filtered tag left the select on "All tags" and the list empty.
  it('drops a tag filter no item holds any more, once all tags are known', () => {
    const query = { ...DEFAULT_LIST_QUERY, tag: 'later' };
    expect(goneTag(query, ['lambda', 'later'], true)).toBeNull();
    expect(goneTag(query, ['lambda'], false)).toBeNull(); // only the first page read: it may be further down
    expect(goneTag(query, ['lambda'], true)).toBe('later');
    expect(goneTag(DEFAULT_LIST_QUERY, [], true)).toBeNull();
    expect(withoutGoneTag(query, 'later')).toEqual(DEFAULT_LIST_QUERY);
    expect(withoutGoneTag(query, null)).toBe(query);
    const rows = buildRows(items, [], getArticleById);
    expect(queryRows(rows, withoutGoneTag({ ...query, status: 'all' }, goneTag(query, [], true)))).toHaveLength(
      rows.length,
    );
  });
});
