import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { getAnnotatedItems, getItemAnnotations, getTagCounts, getTaggedItems } from '@/lib/db/annotations';
import { ShelfDatabase } from '@/lib/db/database';
import { addHighlight } from '@/lib/db/highlights';
import { saveArticle, setNote, setTags } from '@/lib/db/items';
import { highlightsMarkdown } from '@/lib/export/highlights-file';

let name: string;
let db: ShelfDatabase;
beforeEach(async () => {
  name = `shelf-annotations-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
  for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) {
    await saveArticle({ id, title: `Title ${id}`, url: `https://example.org/${id}` }, { db, now: i + 1 });
  }
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const quote = (exact: string): SelectorSet => ({ quote: { type: 'TextQuoteSelector', exact } });

describe('what the user added to items', () => {
  it('lists items with tags, a note or highlights, oldest first, and leaves the others out', async () => {
    await setTags('article:c', ['db-later'], { db });
    await setNote('article:a', 'check the WAL part', { db });
    await addHighlight('article:d', quote('second'), {}, { db, now: 20 });
    await addHighlight('article:d', quote('first'), { note: 'why' }, { db, now: 10 });
    const annotated = await getAnnotatedItems(db);
    expect(annotated.map(({ item }) => item.id)).toEqual(['article:a', 'article:c', 'article:d']);
    expect(annotated[2]?.highlights.map((h) => h.selectors.quote.exact)).toEqual(['first', 'second']);
  });

  it('lists and exports an item’s highlights in reading order, not in the order they were made', async () => {
    const at = (exact: string, start: number): SelectorSet => ({
      ...quote(exact),
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    });
    // Made third paragraph first, then the first, then the second; an import's quote alone last.
    await addHighlight('article:a', at('third', 900), {}, { db, now: 10 });
    await addHighlight('article:a', quote('no position'), {}, { db, now: 5 });
    await addHighlight('article:a', at('first', 12), {}, { db, now: 20 });
    await addHighlight('article:a', at('second', 400), {}, { db, now: 30 });
    const inOrder = ['first', 'second', 'third', 'no position'];
    const listed = await getItemAnnotations('article:a', db);
    expect(listed?.highlights.map((h) => h.selectors.quote.exact)).toEqual(inOrder);
    const [exported] = await getAnnotatedItems(db);
    expect(exported?.highlights.map((h) => h.selectors.quote.exact)).toEqual(inOrder);
    const markdown = await highlightsMarkdown(db, Date.UTC(2026, 10, 30));
    expect(inOrder.map((exact) => markdown.indexOf(exact))).toEqual(
      inOrder.map((exact) => markdown.indexOf(exact)).sort((a, b) => a - b),
    );
  });

  it('counts the items each tag is on', async () => {
    await setTags('article:a', ['db', 'later'], { db });
    await setTags('article:b', ['db'], { db });
    expect(await getTagCounts(db)).toEqual([
      { tag: 'db', count: 2 },
      { tag: 'later', count: 1 },
    ]);
    // Each tagged item once (the tags index lists an item per tag), untagged ones not at all.
    const tagged = await getTaggedItems(db);
    expect(tagged.map((item) => item.tags).sort()).toEqual([['db'], ['db', 'later']]);
  });

  it('exports them as one Markdown file: title, address, tags, note, quotes with their notes', async () => {
    await setTags('article:a', ['db-later'], { db });
    await setNote('article:a', 'check the WAL part', { db });
    await addHighlight('article:a', quote('Readers never block writers.'), { note: 'snapshots' }, { db });
    const markdown = await highlightsMarkdown(db, Date.UTC(2026, 10, 30));
    expect(markdown).toBe(
      [
        '# Shelf highlights',
        '',
        'Exported 2026-11-30, 1 item.',
        '',
        '## Title a',
        '',
        '<https://example.org/a>',
        '',
        'Tags: db-later',
        '',
        'check the WAL part',
        '',
        '### Highlights',
        '',
        '> Readers never block writers.',
        '',
        'snapshots',
        '',
      ].join('\n'),
    );
  });
});
