import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '@/lib/import/read-import-file';

const bookmarks = (body: string) => `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
${body}
</DL><p>`;

/** What the import makes of each link, by title (after the checks every import runs). */
const byTitle = (html: string) =>
  Object.fromEntries(
    readImportFile('bookmarks.html', new TextEncoder().encode(html)).entries.map((entry) => [
      entry.title,
      { status: entry.status, tags: entry.tags },
    ]),
  );

describe('a browser bookmarks file', () => {
  // #15: a folder the user named "Reading" or "Archive" turned its bookmarks into a reading status.
  it('turns the user’s own folders into tags, whatever they are called, not into statuses', () => {
    const records = byTitle(
      bookmarks(`
    <DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><H3>Reading</H3>
        <DL><p>
            <DT><A HREF="https://example.com/a" TAGS="distributed">In Reading</A>
            <DT><H3>Archive</H3>
            <DL><p>
                <DT><A HREF="https://example.com/b">In Reading › Archive</A>
            </DL><p>
        </DL><p>
        <DT><A HREF="https://example.com/c">On the bar</A>
    </DL><p>
    <DT><H3 UNFILED_BOOKMARKS_FOLDER="true">Other bookmarks</H3>
    <DL><p>
        <DT><A HREF="https://example.com/d">Elsewhere</A>
    </DL><p>`),
    );
    expect(records).toEqual({
      'In Reading': { status: null, tags: ['distributed', 'reading'] },
      'In Reading › Archive': { status: null, tags: ['reading', 'archive'] },
      'On the bar': { status: null, tags: [] },
      Elsewhere: { status: null, tags: [] },
    });
  });

  // QA pass: Safari's own folders became the tags "favourites" and "reading list" on every bookmark.
  it('leaves out Safari’s own folders, Favorites and Reading List, as it does Chrome’s and Firefox’s (and the one Firefox comes with)', () => {
    const records = byTitle(
      bookmarks(`
    <DT><H3 FOLDED>Favourites</H3>
    <DL><p>
        <DT><A HREF="https://example.com/apple">Apple</A>
    </DL><p>
    <DT><H3 FOLDED id="com.apple.ReadingList">Reading List</H3>
    <DL><p>
        <DT><A HREF="https://example.com/later">Later</A>
        <DT><H3 FOLDED>Recipes</H3>
        <DL><p>
            <DT><A HREF="https://example.com/cake">Cake</A>
            <DT><H3 FOLDED>Favourites</H3>
            <DL><p>
                <DT><A HREF="https://example.com/pie">Pie</A>
            </DL><p>
        </DL><p>
    </DL><p>
    <DT><H3>Reading list</H3>
    <DL><p>
        <DT><A HREF="https://example.com/mine">Mine</A>
    </DL><p>
    <DT><H3>Mozilla Firefox</H3>
    <DL><p>
        <DT><A HREF="https://support.mozilla.org/products/firefox">Get Help</A>
    </DL><p>`),
    );
    expect(records).toEqual({
      Apple: { status: null, tags: [] },
      Later: { status: null, tags: [] },
      Cake: { status: null, tags: ['recipes'] },
      // The user's own folders by those names, in Chrome or Firefox: tags, as any other folder.
      Pie: { status: null, tags: ['recipes', 'favourites'] },
      Mine: { status: null, tags: ['reading list'] },
      // Firefox's own folder of links it comes with (QA pass: "mozilla firefox" became a tag).
      'Get Help': { status: null, tags: [] },
    });
  });

  it('reads statuses from Shelf’s own export: the folders inside its "Shelf" folder, even after a browser re-exported it', () => {
    const records = byTitle(
      bookmarks(`
    <DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><H3>Imported</H3>
        <DL><p>
            <DT><H3>Shelf</H3>
            <DL><p>
                <DT><H3>Done</H3>
                <DL><p>
                    <DT><A HREF="https://example.com/done" TAGS="kept">Finished</A>
                </DL><p>
                <DT><H3>Archived</H3>
                <DL><p>
                    <DT><A HREF="https://example.com/old">Put away</A>
                </DL><p>
            </DL><p>
        </DL><p>
    </DL><p>`),
    );
    expect(records).toEqual({
      Finished: { status: 'done', tags: ['kept'] },
      'Put away': { status: 'archived', tags: [] },
    });
  });

  it('still reads Pocket’s own HTML export by its headings', () => {
    const pocket = `<!DOCTYPE html><title>Pocket Export</title><h1>Unread</h1><ul>
      <li><a href="https://example.com/u" time_added="1690000000" tags="">To read</a></li></ul>
      <h1>Read Archive</h1><ul><li><a href="https://example.com/r" time_added="1690000000" tags="x">Was read</a></li></ul>`;
    expect(byTitle(pocket)).toEqual({
      'To read': { status: 'unread', tags: [] },
      'Was read': { status: 'archived', tags: ['x'] },
    });
  });

  // A Pocket export of 30,000 links froze the page for 18 s: each link's status was found by walking
  // back over every earlier item of its list. Counted, not timed: elements looked at per link.
  it('reads a Pocket export looking at each element a bounded number of times, however long its lists', () => {
    const pocket = (n: number) => {
      const items = Array.from(
        { length: n },
        (_, i) => `<li><a href="https://example.com/${i}" time_added="${1_690_000_000 + i}">Story ${i}</a></li>`,
      );
      return `<!DOCTYPE html><title>Pocket Export</title><h1>Unread</h1><ul>${items.join('')}</ul>
        <h1>Read Archive</h1><ul>${items.join('')}</ul>`;
    };
    const looks = (n: number) => {
      const getters = ['tagName', 'previousElementSibling', 'nextElementSibling'] as const;
      const originals = getters.map(
        (name) => [name, Object.getOwnPropertyDescriptor(Element.prototype, name)] as const,
      );
      let count = 0;
      for (const [name, descriptor] of originals) {
        const get = descriptor?.get as () => unknown;
        Object.defineProperty(Element.prototype, name, {
          ...descriptor,
          get(this: Element) {
            count++;
            return get.call(this);
          },
        });
      }
      try {
        const statuses = readImportFile('ril_export.html', new TextEncoder().encode(pocket(n))).entries.map(
          (entry) => entry.status,
        );
        expect(statuses).toEqual([...Array(n).fill('unread'), ...Array(n).fill('archived')]);
      } finally {
        for (const [name, descriptor] of originals) Object.defineProperty(Element.prototype, name, descriptor ?? {});
      }
      return count;
    };
    const small = looks(500);
    const large = looks(2000);
    // Four times the links, four times the looks (the walk back took sixteen times as many).
    expect(large).toBeLessThan(small * 5);
    expect(large).toBeLessThan(20 * 2 * 2000);
  });

  // Resilience pass: links in folders nested past the depth a browser parses quickly (Chromium's own
  // export nests them as deep as they are) lost their tags with the folders' and were dropped unsaid.
  it('imports links in folders nested hundreds, or 100,000, deep, tagged with the folders outside the bound', () => {
    const folders = (depth: number) =>
      Array.from({ length: depth }, (_, i) => `<DT><H3>f${i + 1}</H3><DL><p>`).join('');
    const deep = (depth: number) =>
      bookmarks(
        `<DT><A HREF="https://example.com/top">Top</A>${folders(depth)}<DT><A HREF="https://example.com/x" ADD_DATE="1700000000">Deep x</A><DD>why` +
          `<DT><A HREF="https://example.com/y">Deep y</A>${'</DL><p>'.repeat(depth)}`,
      );
    for (const depth of [300, 100_000]) {
      const { entries } = readImportFile('bookmarks.html', new TextEncoder().encode(deep(depth)));
      expect(
        entries.map((entry) => entry.url),
        `${depth}`,
      ).toEqual(['https://example.com/top', 'https://example.com/x', 'https://example.com/y']);
      expect(entries[1]).toMatchObject({ title: 'Deep x', note: 'why' });
      expect(entries[2]?.note).toBe('');
      expect(entries[1]?.addedAt).toBe(1_700_000_000_000);
      expect(entries[1]?.tags.slice(0, 3)).toEqual(['f1', 'f2', 'f3']);
    }
  });

  // A bookmarks file cut short (an interrupted download) was imported in part without a word.
  it('imports what a file cut short holds, and says it was cut short', () => {
    const whole = readFileSync('tests/fixtures/imports/chrome-bookmarks.html', 'utf8');
    expect(readImportFile('bookmarks.html', new TextEncoder().encode(whole)).cutShort).toBeUndefined();
    const cut = whole.slice(0, whole.lastIndexOf('<DT><A'));
    const parsed = readImportFile('bookmarks.html', new TextEncoder().encode(cut));
    expect(parsed.entries.length).toBeGreaterThan(0);
    const last = parsed.entries.at(-1)?.title ?? '';
    expect(parsed.cutShort).toBe(
      `The file seems cut short: it ends in the middle of a list, after ${parsed.entries.length} links (the last: "${last}"). Export the file again to import the rest.`,
    );
    // Pocket's export, cut inside its last list.
    const pocket = readFileSync('tests/fixtures/imports/ril_export.html', 'utf8');
    expect(readImportFile('ril_export.html', new TextEncoder().encode(pocket)).cutShort).toBeUndefined();
    const pocketCut = pocket.slice(0, pocket.lastIndexOf('<li>'));
    expect(readImportFile('ril_export.html', new TextEncoder().encode(pocketCut)).cutShort).toMatch(/cut short/);
  });
});
