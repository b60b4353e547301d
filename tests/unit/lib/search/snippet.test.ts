import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeResultRows } from '@/lib/popup/popup-results';
import { queryPhrase, writtenWords } from '@/lib/search/phrase';
import {
  distinctWords,
  makeSnippet,
  makeSnippetBetweenTasks,
  makeSnippetsBetweenTasks,
  SNIPPET_SLICE,
  type Snippet,
  withNoteSnippets,
} from '@/lib/search/snippet';
import { normalizeText, termsOfWord, tokenize } from '@/lib/search/text';

const termsOf = (query: string) => new Set(tokenize(normalizeText(query)).flatMap((t) => termsOfWord(t.surface)));

const sentence = 'The committee met on Tuesday to discuss the budget and raised questions about the schedule. ';
const longPage = `${sentence.repeat(600)}Relief convoys finally reached the camps of North Darfur. ${sentence.repeat(600)}`;

// Texts where a slice must end: spaces, Chinese without any, accents, emoji, a hostile expansion.
const texts = {
  english: longPage,
  chinese: `${'今天东京都的天气很好我们去公园散步然后在车站附近吃了拉面'.repeat(1500)}台风来了${'我们去公园'.repeat(900)}`,
  accented: `${'Café naïve déjà vu, Ørsted og Straße. '.repeat(1400)}Relief convoys reached Darfur.`,
  emoji: `${'🙂🎉👩‍👩‍👧 '.repeat(5000)}relief convoys`,
  expanding: `${'\ufdfa'.repeat(30_000)} relief convoys`,
  unspaced: `${'x'.repeat(70_000)} convoys`,
  // Matched words across the 20,000th character, in runs with no space to cut at.
  latinInChinese: `${'今'.repeat(SNIPPET_SLICE - 3)}kubernetes${'今天'.repeat(500)}`,
  addressPath: `${'path/to/'.repeat(SNIPPET_SLICE / 8 - 1)}xx/convoys/${'path/'.repeat(100)}`,
  compound: `${'今'.repeat(SNIPPET_SLICE - 3)}node.js${'今天'.repeat(500)}`,
};

describe('snippets of long texts, read a slice at a time', () => {
  it.each(Object.entries(texts))('give the same snippet whatever the slice (%s)', (_, text) => {
    expect(text.length).toBeGreaterThan(SNIPPET_SLICE);
    const terms = termsOf('relief convoys darfur 台风 naive ørsted kubernetes node.js');
    const whole = makeSnippet(text, terms, null, { slice: Number.MAX_SAFE_INTEGER });
    expect(whole).not.toBeNull();
    for (const slice of [SNIPPET_SLICE, 20_000, 4_096, 997])
      expect(makeSnippet(text, terms, null, { slice })).toEqual(whole);
  });

  it('finds a word that stands across where a slice would end', () => {
    const words = 'alpha beta gamma '.repeat(3000);
    // "needle" starts a few characters before the 20,000th.
    const text = `${words.slice(0, SNIPPET_SLICE - 3)} needle ${words}`;
    expect(makeSnippet(text, termsOf('needle'), null)?.passage).toContain('needle');
  });

  it('finds a phrase that stands across where a slice ends', () => {
    const words = 'alpha beta gamma '.repeat(3000);
    const text = `${words.slice(0, SNIPPET_SLICE - 10)} by an update to the runner ${words}`;
    const phrase = queryPhrase('by an update to the runner', false);
    expect(makeSnippet(text, termsOf('update runner'), null, { phrase })?.holdsPhrase).toBe(true);
  });

  it('ends even with slices of one character (no word fits in them, so nothing matches)', () => {
    expect(makeSnippet('😀😀😀 e\u0301\u0301 convoys', termsOf('convoys'), null, { slice: 1 })).toBeNull();
    expect(makeSnippet('😀😀😀 e\u0301\u0301 convoys', termsOf('convoys'), null, { slice: 16 })?.passage).toContain(
      'convoys',
    );
  });

  it('pauses between slices so that the page can take input, and stops once the search is stale', async () => {
    // sliceMs 0: a pause after every slice (in use, once 8 ms of reading have passed).
    let pauses = 0;
    const snippet = await makeSnippetBetweenTasks(longPage, termsOf('convoys darfur'), null, {
      sliceMs: 0,
      pause: async () => {
        pauses++;
      },
    });
    expect(snippet?.passage).toContain('Relief convoys finally reached the camps of North Darfur');
    // Slices end between words, so a few are shorter than SNIPPET_SLICE.
    expect(pauses).toBeGreaterThanOrEqual(Math.ceil(longPage.length / SNIPPET_SLICE) - 1);
    expect(pauses).toBeLessThan(Math.ceil(longPage.length / (SNIPPET_SLICE / 2)));

    const stale = new AbortController();
    let pausesAfterAbort = 0;
    const stopped = await makeSnippetBetweenTasks(longPage, termsOf('convoys darfur'), null, {
      signal: stale.signal,
      sliceMs: 0,
      pause: async () => {
        pausesAfterAbort++;
        stale.abort();
      },
    });
    expect(stopped).toBeNull();
    expect(pausesAfterAbort).toBe(1);
  });

  it('does not pause for a text shorter than a slice, and reads with the page’s own pause by default', async () => {
    let pauses = 0;
    const text = `${sentence.repeat(40)}Relief convoys reached Darfur.`;
    expect(text.length).toBeLessThan(SNIPPET_SLICE);
    const snippet = await makeSnippetBetweenTasks(text, termsOf('convoys'), null, {
      sliceMs: 0,
      pause: async () => void pauses++,
    });
    expect(snippet?.passage).toContain('Relief convoys');
    expect(pauses).toBe(0);
    const read = await makeSnippetBetweenTasks(longPage, termsOf('convoys darfur'), null, { sliceMs: 0 });
    expect(read?.passage).toContain('Relief convoys finally reached');
  });

  it('reads several copies on one clock, pausing between them too, and stops them all once stale', async () => {
    const copies = new Map([
      ['a', 'Relief convoys reached Darfur.'],
      ['b', 'Nothing here matches.'],
      ['c', `${sentence.repeat(5)}More convoys came.`],
    ]);
    let pauses = 0;
    const made = await makeSnippetsBetweenTasks(copies, termsOf('convoys'), null, {
      sliceMs: 0,
      pause: async () => void pauses++,
    });
    expect([...(made?.keys() ?? [])]).toEqual(['a', 'c']);
    expect(pauses).toBe(2);
    const stale = new AbortController();
    const stopped = await makeSnippetsBetweenTasks(copies, termsOf('convoys'), null, {
      signal: stale.signal,
      sliceMs: 0,
      pause: async () => stale.abort(),
    });
    expect(stopped).toBeNull();
  });

  it('reads the Russian and Chinese fixture pages the same in slices', () => {
    for (const [file, query] of [
      ['tests/fixtures/pages/scripts/ru.html', 'гуманитарные конвои'],
      ['tests/fixtures/pages/scripts/zh.html', '公园'],
    ] as const) {
      const text = readFileSync(file, 'utf8').replace(/<[^>]+>/g, ' ');
      const whole = makeSnippet(text, termsOf(query), null, { slice: Number.MAX_SAFE_INTEGER });
      expect(whole).not.toBeNull();
      expect(makeSnippet(text, termsOf(query), null, { slice: 300 })).toEqual(whole);
    }
  });
});

// QA pass: "wifi" found the page saying "Wi-Fi password" (the index holds it joined too), with no passage.
describe('a hyphenated word the query wrote joined', () => {
  it('is the passage, marked whole', () => {
    const filler = 'The committee met on Tuesday to discuss the budget for the coming year. '.repeat(20);
    const text = `${filler}To connect, enter the Wi-Fi password printed on the router. ${filler}`;
    const snippet = makeSnippet(text, new Set(termsOfWord('wifi')), null);
    expect(snippet?.passage).toContain('Wi-Fi password');
    expect(snippet?.ranges.map((range) => snippet.text.slice(range.start, range.end))).toEqual(['Wi-Fi']);
  });
});

describe('where a snippet is cut', () => {
  // Chinese and Japanese have no spaces to cut at: the cut must still not split a character.
  it.each([
    ['kana with a combining voiced mark', 'か\u3099'],
    ['Chinese characters outside the first plane', '𠀋'],
  ])('keeps %s whole at both ends', (_, unit) => {
    const text = `${unit.repeat(400)}台风${unit.repeat(400)}`;
    const passage = makeSnippet(text, termsOf('台风'), null)?.passage as string;
    expect(passage).toContain('台风');
    expect(passage.startsWith(unit)).toBe(true);
    expect(passage.endsWith(unit)).toBe(true);
    expect(passage.replace('台风', '').length % unit.length).toBe(0);
  });

  it('moves only a few characters to keep a character whole on a hostile stack of marks', () => {
    const text = `convoys e${'\u0301'.repeat(50_000)}`;
    const snippet = makeSnippet(text, termsOf('convoys'), null);
    expect(snippet?.passage.length).toBeLessThan(300);
  });
});

describe('what a snippet line shows', () => {
  it('drops the bidi overrides, isolates and control characters of a hostile copy, and still marks the word', () => {
    const text = `${sentence.repeat(20)}Relief \u202Esyovnoc\u202C reached \u2067Darfur\u2069 at\u0007 last \u0000today. ${sentence.repeat(20)}`;
    const snippet = makeSnippet(text, termsOf('darfur'), null);
    expect(snippet?.text).toMatch(/Relief syovnoc reached Darfur at last today\./);
    // Where one stood between two words, they stay two words, and the matched one is marked.
    const joined = makeSnippet(`${sentence.repeat(20)}Relief reached\u0007Darfur at last.`, termsOf('darfur'), null);
    expect(joined?.text).toContain('Relief reached Darfur at last.');
    expect(joined?.ranges).toHaveLength(1);
    expect(snippet?.text).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
    const [range] = snippet?.ranges ?? [];
    expect(snippet?.text.slice(range?.start, range?.end)).toBe('Darfur');
    // The reader looks for the passage in the copy as written.
    expect(snippet?.passage).toContain('\u2067Darfur\u2069');
  });

  it('keeps the marks right-to-left text needs', () => {
    const text = `${sentence.repeat(20)}שלום\u200F Darfur \u200Eעולם ${sentence.repeat(20)}`;
    expect(makeSnippet(text, termsOf('darfur'), null)?.text).toContain('שלום\u200F Darfur \u200Eעולם');
  });
});

describe("a saved page's row", () => {
  it('shows its title and site as plain lines too: a page cannot run its words over the row', () => {
    const [row] = describeResultRows(
      [
        {
          kind: 'page',
          key: 'page:1',
          confidence: 1,
          page: {
            itemId: 'page:1',
            articleId: null,
            title: 'Relief \u202Esyovnoc\u202C reached\u0007Darfur',
            site: 'news\u2067.example\u2069',
            url: null,
            score: 1,
            confidence: 1,
            reasons: ['text'],
          },
        },
      ],
      { matchedTerms: termsOf('darfur'), prefix: null },
      new Map(),
      new Map(),
    );
    expect(row?.title.map((part) => part.text).join('')).toBe('Relief syovnoc reached Darfur');
    expect(row?.title.find((part) => part.marked)?.text).toBe('Darfur');
    expect(row?.topic).toBe('news .example');
  });
});

// QA pass: a hit on a highlight's note opened the reader at the last reading position, not at the highlight.
describe("a page matched by a highlight's note", () => {
  const copy = `${sentence.repeat(40)}Readers never block writers, because each reader remembers where the log ended. ${sentence.repeat(40)}`;
  const quote = 'Readers never block writers';
  const notes = new Map([['page:wal', [{ quote, note: 'Ask Priya how snapshot isolation copes with this' }]]]);
  const snippetsOf = (query: string) => {
    const terms = termsOf(query);
    const fromCopy = new Map(
      Object.entries({ 'page:wal': makeSnippet(copy, terms, null) }).flatMap(([id, s]) => (s ? [[id, s]] : [])),
    );
    return withNoteSnippets(fromCopy, notes, terms, null, { phrase: queryPhrase(query, false) });
  };

  it('shows the note, words marked, and opens the reader at the highlighted words', () => {
    const snippet = snippetsOf('priya snapshot').get('page:wal');
    expect(snippet?.text).toContain('Ask Priya how snapshot isolation');
    expect(snippet?.ranges.map(({ start, end }) => snippet.text.slice(start, end))).toEqual(['Priya', 'snapshot']);
    expect(snippet?.passage).toBe(quote);
    expect(copy).toContain(snippet?.passage);
  });

  // QA pass: "embargo history" marked as one range counted one word, and the copy's "embargo" stood.
  it('counts the words a note shows, not its marked runs of words', () => {
    const snippet = snippetsOf('snapshot isolation committee').get('page:wal');
    expect(snippet?.text).toContain('snapshot isolation');
    expect(snippet?.passage).toBe(quote);
  });

  it("the page's own note is its snippet when it holds more of the query, at no passage of the copy", () => {
    const own = new Map([['page:wal', [{ note: 'Compare with the Cuba thaw' }]]]);
    const made = withNoteSnippets(new Map(), own, termsOf('cuba thaw'), null);
    expect(made.get('page:wal')).toMatchObject({ text: 'Compare with the Cuba thaw', passage: '' });
  });

  it("keeps the copy's snippet when the copy shows as much of the query", () => {
    // "committee" is in the copy alone; "priya" in the note alone: one word each, the copy's stands.
    expect(snippetsOf('committee priya').get('page:wal')?.passage).toContain('committee');
    expect(snippetsOf('budget').get('page:wal')?.passage).toContain('budget');
  });

  // QA pass: "surveilance" found a page by its note, and the row said "Matched your note" above a passage
  // of the copy, which says "surveillance" too.
  it("shows the note when it marks every word the copy's passage does", () => {
    const terms = termsOf('surveillance');
    const fromCopy = makeSnippet('The law widened state surveillance of phone records.', terms, null) as Snippet;
    const own = new Map([['page:lm', [{ note: 'Compare with the surveillance debate in 2015' }]]]);
    const made = withNoteSnippets(new Map([['page:lm', fromCopy]]), own, terms, null);
    expect(made.get('page:lm')).toMatchObject({ text: 'Compare with the surveillance debate in 2015', passage: '' });
  });

  // Review: a tag's line ("Tags: surveillance") took the place of the copy's passage saying the word.
  it("keeps the copy's passage beside a tag saying no more", () => {
    const terms = termsOf('surveillance');
    const fromCopy = makeSnippet('The law widened state surveillance of phone records.', terms, null) as Snippet;
    const tags = new Map([['page:lm', [{ note: 'Tags: surveillance', tags: true as const }]]]);
    const made = withNoteSnippets(new Map([['page:lm', fromCopy]]), tags, terms, null);
    expect(made.get('page:lm')?.text).toContain('phone records');
  });

  // QA pass: found by the tag "wasm-stuff", a page's row showed a passage of its copy ("…add.wasm.
  // Instead, let's ask emcc to only emit Wasm") rather than the tag: "add.wasm" and "Wasm" were
  // counted as two different words of the query, as many as the tag showed.
  it('counts a word once however its copy writes it ("add.wasm", "Wasm"), so the tag that holds more shows', () => {
    const wasm =
      "We'd build it with emcc -O3 add.c -o add.js, which emits add.js and add.wasm. Instead, let's ask emcc to only emit Wasm.";
    const terms = termsOf('wasm-stuff');
    const fromCopy = makeSnippet(wasm, terms, null);
    expect(fromCopy && distinctWords(fromCopy, terms)).toBe(1);
    const made = withNoteSnippets(
      new Map([['page:v8', fromCopy as Snippet]]),
      new Map([['page:v8', [{ note: 'Tags: wasm-stuff' }]]]),
      terms,
      null,
    );
    expect(made.get('page:v8')).toMatchObject({ text: 'Tags: wasm-stuff', passage: '' });
  });

  // Review: the copy's snippet preferred the words as typed, a long note's did not.
  it("a long note's snippet is the passage writing the query's words as typed", () => {
    const note = `Regions and regional councils, regions again. ${'filler words here '.repeat(40)}On regionalism: later.`;
    const terms = termsOf('regionalism');
    const made = withNoteSnippets(new Map(), new Map([['page:nz', [{ note }]]]), terms, null, {
      written: writtenWords('regionalism'),
    });
    expect(made.get('page:nz')?.text).toContain('On regionalism');
  });

  it('a long highlight opens at its first words, within what a reader view carries', () => {
    const long = `${'word '.repeat(200)}end`;
    const made = withNoteSnippets(
      new Map(),
      new Map([['page:x', [{ quote: long, note: 'priya' }]]]),
      termsOf('priya'),
      null,
    );
    const passage = made.get('page:x')?.passage ?? '';
    expect(passage.length).toBeLessThanOrEqual(300);
    expect(long.startsWith(passage)).toBe(true);
    // Review: a quote without spaces was cut inside an emoji, leaving half of it.
    const emoji = `x${'🙂'.repeat(200)}`;
    const unspaced = withNoteSnippets(
      new Map(),
      new Map([['page:e', [{ quote: emoji, note: 'priya' }]]]),
      termsOf('priya'),
      null,
    );
    const cut = unspaced.get('page:e')?.passage ?? '';
    expect(cut.length).toBeGreaterThan(250);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(emoji.startsWith(cut)).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('snippet with the weights of the query words’ readings', () => {
  const [reev, revers, reversal, sudan] = ['reeves', 'reverse', 'reversal', 'sudan'].map(
    (word) => termsOfWord(word)[0] as string,
  ) as [string, string, string, string];
  const terms = new Set([reev, revers, reversal, sudan]);
  // "revees sudan": word 0 read surely as "Reeves", less surely as "reverse" or "reversal".
  const weights = new Map([
    [reev, { word: 0, weight: 0.6 }],
    [revers, { word: 0, weight: 0.3 }],
    [reversal, { word: 0, weight: 0.3 }],
    [sudan, { word: 1, weight: 1 }],
  ]);
  const gap = sentence.repeat(4);

  it('shows the surest reading of a word, not two weaker readings of the same word', () => {
    const text = `${gap}A reverse, then a reversal. ${gap}Eric Reeves was alarmed. ${gap}`;
    expect(makeSnippet(text, terms, null, { weights })?.passage).toContain('Eric Reeves');
    // Without the weights, each different term counts one: the two weaker readings win.
    expect(makeSnippet(text, terms, null)?.passage).toContain('A reverse, then a reversal');
  });

  it('still prefers a passage holding more of the query’s words', () => {
    const text = `${gap}Eric Reeves was alarmed. ${gap}Sudan will reverse course. ${gap}`;
    expect(makeSnippet(text, terms, null, { weights })?.passage).toContain('Sudan will reverse course');
  });
});
