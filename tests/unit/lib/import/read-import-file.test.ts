import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportEntry, ParsedImport } from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';
import { readImportFile } from '@/lib/import/read-import-file';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/imports/${name}`));
const read = (name: string, bytes = fixture(name)) => readImportFile(name, bytes);
const byUrl = (parsed: ParsedImport, url: string): ImportEntry => {
  const entry = parsed.entries.find((e) => e.url === url);
  if (!entry) throw new Error(`no entry for ${url}`);
  return entry;
};

describe('Pocket CSV', () => {
  it('reads the header with `cursor`, a BOM, quoted commas and line breaks, non-ASCII tags and statuses', () => {
    const parsed = read('pocket-part-with-cursor.csv');
    expect(parsed.format).toBe('pocket-csv');
    expect(parsed.entries).toHaveLength(4);
    expect(byUrl(parsed, 'https://github.com/hoarder-app')).toMatchObject({
      title: 'Hoarder App',
      tags: [],
      status: 'unread',
      addedAt: 1728576752000,
    });
    expect(byUrl(parsed, 'https://github.com/hoarder-app/hoarder')).toMatchObject({
      title: 'hoarder-app/hoarder: A self-hostable bookmark-everything app (links, notes and images)',
      tags: ['opensource', 'withäumlaut', 'with space'],
    });
    expect(byUrl(parsed, 'https://somewebsite.com/with,commas,in,the,url').status).toBe('archived');
    expect(byUrl(parsed, 'https://example.org/line-break')).toMatchObject({
      title: 'A title with a line break and "quotes"',
      tags: ['reading-list'],
      status: 'archived',
    });
    expect(parsed.skipped).toEqual([
      { where: 'line 7', reason: 'url: no address' },
      { where: 'line 8', reason: 'url: not a web address (http or https)' },
    ]);
  });

  it('reads the newer header without `cursor`, in any column order', () => {
    const parsed = read('pocket-part-no-cursor.csv');
    expect(parsed.format).toBe('pocket-csv');
    expect(parsed.skipped).toEqual([]);
    expect(byUrl(parsed, 'https://tokio.rs/blog/2020-04-preemption')).toMatchObject({
      title: 'Reducing tail latencies with automatic cooperative task yielding',
      tags: ['rust', 'async'],
      status: 'archived',
      addedAt: 1639794000000,
    });
  });

  it('reads a zip of CSV parts, naming the part in every location', () => {
    const zip = zipSync({
      'part_000000.csv': fixture('pocket-part-with-cursor.csv'),
      'part_000001.csv': fixture('pocket-part-no-cursor.csv'),
    });
    const parsed = read('pocket.zip', zip);
    expect(parsed.format).toBe('pocket-csv');
    expect(parsed.entries).toHaveLength(7);
    expect(parsed.skipped.map((s) => s.where)).toEqual(['part_000000.csv, line 7', 'part_000000.csv, line 8']);
  });

  // QA pass: a notes.csv zipped beside Pocket's part refused the whole zip.
  it('leaves out a CSV of the zip that is no export, and names it; a zip of none such is refused', () => {
    const notes = strToU8('foo,bar\n1,2\n');
    const parsed = read(
      'pocket.zip',
      zipSync({ 'part_000000.csv': fixture('pocket-part-no-cursor.csv'), 'notes.csv': notes }),
    );
    expect(parsed.format).toBe('pocket-csv');
    expect(parsed.entries.length).toBeGreaterThan(0);
    expect(parsed.filesLeftOut).toMatch(/^Left out of the zip: notes\.csv\b.*url/);
    expect(() => read('notes.zip', zipSync({ 'notes.csv': notes }))).toThrow(/notes\.csv.*url/);
  });
});

describe('Pocket HTML', () => {
  it('takes the status from the section, tags from the attribute, and skips non-web links', () => {
    const parsed = read('ril_export.html');
    expect(parsed.format).toBe('pocket-html');
    expect(byUrl(parsed, 'https://www.google.com')).toMatchObject({
      title: 'Google',
      tags: ['search', 'something else', 'lorem ipsum'],
      status: 'unread',
      addedAt: 1698568488000,
    });
    expect(byUrl(parsed, 'https://zh.wikipedia.org/wiki/数据库').title).toBe('数据库 – 维基百科');
    expect(byUrl(parsed, 'https://www.duckduckgo.com').status).toBe('archived');
    expect(parsed.skipped).toEqual([
      { where: 'link 4 ("Bookmarklet")', reason: 'url: not a web address (http or https)' },
    ]);
  });
});

describe('Instapaper CSV', () => {
  it('maps folders to statuses and tags, selections to notes, and reads JSON tag lists', () => {
    const parsed = read('instapaper-export.csv');
    expect(parsed.format).toBe('instapaper');
    expect(byUrl(parsed, 'https://www.instapaper.com/read/1')).toMatchObject({
      title: 'Why, and how, to use queues',
      status: 'unread',
      tags: [],
      addedAt: 1700000000000,
    });
    expect(byUrl(parsed, 'https://blog.example.com/postgres-replication')).toMatchObject({
      status: 'archived',
      tags: ['databases', 'postgres'],
      note: 'Streaming replication ships WAL records, not SQL.',
    });
    expect(byUrl(parsed, 'https://example.net/café')).toMatchObject({ title: 'Café — à la carte', tags: ['starred'] });
    // A folder of the user's own says nothing about reading: no status, so a saved item keeps its own.
    expect(byUrl(parsed, 'https://example.net/go-generics')).toMatchObject({ status: null, tags: ['programming'] });
  });

  it('reads the older export without a Tags column', () => {
    const parsed = read('instapaper-no-tags.csv');
    expect(parsed.format).toBe('instapaper');
    expect(parsed.entries.map((e) => [e.url, e.status, e.tags])).toEqual([
      ['https://example.com/a', 'unread', []],
      ['https://example.com/b', 'archived', []],
    ]);
  });
});

describe('Raindrop CSV', () => {
  it('keeps tags, folder, favourite, notes and highlights, and skips a row without a web address', () => {
    const parsed = read('raindrop-export.csv');
    expect(parsed.format).toBe('raindrop');
    expect(byUrl(parsed, 'https://example.com/kafka')).toMatchObject({
      title: 'Kafka consumer groups, explained',
      tags: ['kafka', 'streaming', 'engineering/streaming', 'favorite'],
      addedAt: Date.parse('2024-03-01T10:20:30.000Z'),
      note: 'My note here\n\nHighlights:\nHighlight:Rebalances pause consumption',
    });
    expect(byUrl(parsed, 'https://example.com/untitled').tags).toEqual([]);
    expect(parsed.skipped).toEqual([{ where: 'line 4', reason: 'url: not a web address (http or https)' }]);
  });
});

describe('bookmarks and address lists', () => {
  it('reads a browser bookmarks file: the user’s folders become tags, descriptions become notes', () => {
    const parsed = read('chrome-bookmarks.html');
    expect(parsed.format).toBe('bookmarks');
    expect(byUrl(parsed, 'https://developer.mozilla.org/')).toMatchObject({ title: 'MDN Web Docs', status: null });
    // A folder the user named "Reading" is a tag: only Shelf's own export folders say a status.
    expect(byUrl(parsed, 'https://martinfowler.com/articles/patterns-of-distributed-systems/')).toMatchObject({
      status: null,
      tags: ['distributed', 'patterns', 'reading'],
      note: "Unmesh Joshi's catalogue",
      addedAt: 1690000300000,
    });
    expect(parsed.skipped).toHaveLength(1);
    expect(parsed.skipped[0]?.reason).toMatch(/not a web address/);
  });

  it('reads one address per line, skipping comments and saying which lines are not addresses', () => {
    const parsed = read('urls.txt');
    expect(parsed.format).toBe('url-list');
    expect(parsed.entries.map((e) => e.url)).toEqual([
      'https://example.com/one',
      'https://example.com/two#section',
      'http://example.org/three',
    ]);
    expect(parsed.skipped).toEqual([{ where: 'line 5', reason: 'url: not a web address (http or https)' }]);
  });
});

describe('Omnivore zip', () => {
  const metadata = [
    {
      id: '1',
      slug: 'read-replicas',
      title: 'Read replicas and lag',
      description: 'How lag shows up',
      url: 'https://example.com/read-replicas',
      state: 'Archived',
      readingProgress: 100,
      labels: ['databases', { name: 'Postgres', color: '#fff' }],
      savedAt: '2024-05-01T09:00:00.000Z',
      updatedAt: '2024-05-03T09:00:00.000Z',
    },
    {
      id: '2',
      slug: 'half-read',
      title: 'Half read',
      url: 'https://example.com/half',
      state: 'SUCCEEDED',
      readingProgress: 40,
      labels: [],
      savedAt: '2024-05-02T09:00:00.000Z',
      updatedAt: '2024-05-02T09:00:00.000Z',
    },
    { id: '3', slug: 'gone', title: 'Gone', url: 'https://example.com/gone', state: 'DELETED', labels: [] },
    { id: '4', title: 'No url' },
  ];
  const content = `<html><head><title>Read replicas</title></head><body><article><h1>Read replicas and lag</h1>
    <p>Replication lag means a read after a write may not see it. ${'Words about replicas. '.repeat(40)}</p>
    <img src="https://tracker.example/p.gif" width="1" height="1"><script>alert(1)</script>
    <p onclick="steal()">Route reads that must see a write to the primary. <a href="javascript:alert(2)">x</a></p></article></body></html>`;
  const zip = zipSync({
    'metadata_0_to_4.json': strToU8(JSON.stringify(metadata)),
    'content/read-replicas.html': strToU8(content),
    'highlights/read-replicas.md': strToU8(
      '> Replication lag means a read after a write may not see it. [⤴️](https://omnivore.app/me/read-replicas#h1)\n\n' +
        'Check what our ORM does here.\n\n' +
        '> A quote the copy does not have. [⤴️](https://omnivore.app/me/read-replicas#h2)\n',
    ),
  });

  it('maps state, progress, labels and dates, and skips deleted items', () => {
    const parsed = read('omnivore.zip', zip);
    expect(parsed.format).toBe('omnivore');
    expect(byUrl(parsed, 'https://example.com/read-replicas')).toMatchObject({
      status: 'archived',
      tags: ['databases', 'postgres'],
      progress: 1,
      addedAt: Date.parse('2024-05-01T09:00:00.000Z'),
      updatedAt: Date.parse('2024-05-03T09:00:00.000Z'),
      note: '',
    });
    expect(byUrl(parsed, 'https://example.com/half')).toMatchObject({
      status: 'reading',
      progress: 0.4,
      content: null,
    });
    expect(parsed.skipped).toEqual([
      { where: 'metadata_0_to_4.json, item 3', reason: 'deleted in Omnivore' },
      { where: 'metadata_0_to_4.json, item 4', reason: 'url: Invalid input: expected string, received undefined' },
    ]);
  });

  it('keeps highlights as highlights: found in the copy with their context, their annotations as notes', () => {
    const entry = byUrl(read('omnivore.zip', zip), 'https://example.com/read-replicas');
    const copyText = (entry.content as { text: string }).text.replace(/\s+/g, ' ');
    const [found, missing] = entry.highlights;
    expect(entry.highlights).toHaveLength(2);
    expect(found).toMatchObject({ note: 'Check what our ORM does here.', color: 'yellow' });
    const quote = found!.selectors.quote;
    expect(quote.exact).toBe('Replication lag means a read after a write may not see it.');
    expect(quote.suffix).toBe(' Words about replicas. Words abo'); // read from the copy, 32 characters
    expect(quote.prefix).toMatch(/Read replicas and lag ?$/);
    expect(copyText).toContain(`${quote.exact}${quote.suffix}`);
    expect(found!.selectors.position?.end).toBe((found!.selectors.position?.start ?? 0) + quote.exact.length);
    // Not in the copy: kept with its quote alone, never dropped or placed elsewhere.
    expect(missing).toEqual({
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'A quote the copy does not have.' } },
      note: '',
      color: 'yellow',
    });
  });

  it('prefers the metadata’s highlights (context, colour); a NOTE there is the item’s note; no copy keeps quotes alone', () => {
    const withHighlights = zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([
          {
            slug: 'no-copy',
            title: 'No copy',
            url: 'https://example.com/no-copy',
            highlights: [
              { type: 'HIGHLIGHT', quote: 'Indexes  speed\nup reads.', annotation: ' but slow writes ', color: 'red' },
              { type: 'NOTE', annotation: 'The whole article, in short.' },
              { type: 'HIGHLIGHT', quote: 42 },
            ],
          },
        ]),
      ),
      'highlights/no-copy.md': strToU8('> Indexes speed up reads.\n\nbut slow writes\n'),
    });
    const entry = byUrl(read('omnivore.zip', withHighlights), 'https://example.com/no-copy');
    expect(entry.note).toBe('The whole article, in short.');
    expect(entry.highlights).toEqual([
      {
        selectors: { quote: { type: 'TextQuoteSelector', exact: 'Indexes speed up reads.' } },
        note: 'but slow writes',
        color: 'pink',
      },
    ]);
  });

  // Red team: a colour named like an object's own member ("constructor") was taken for one of
  // Omnivore's, and the record (item, copy and every highlight) was skipped as invalid.
  it('reads a colour it does not know, "constructor" or "__proto__" too, as yellow', () => {
    const oddColours = zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([
          {
            slug: 'odd',
            title: 'Odd colours',
            url: 'https://example.com/odd-colours',
            highlights: ['constructor', '__proto__', 'toString', 'purple'].map((color) => ({
              type: 'HIGHLIGHT',
              quote: `Quote in ${color}.`,
              color,
            })),
          },
        ]),
      ),
    });
    const entry = byUrl(read('omnivore.zip', oddColours), 'https://example.com/odd-colours');
    expect(entry.highlights.map(({ color }) => color)).toEqual(['yellow', 'yellow', 'yellow', 'yellow']);
  });

  it('captures saved content like a page: readable, with scripts, handlers, script URLs and pixels removed', () => {
    const entry = byUrl(read('omnivore.zip', zip), 'https://example.com/read-replicas');
    const page = entry.content as { html: string; text: string; wordCount: number };
    expect(page.text).toContain('Route reads that must see a write to the primary.');
    expect(page.wordCount).toBeGreaterThan(100);
    expect(page.html).not.toMatch(/<script|onclick|javascript:|tracker\.example/i);
  });
});

describe('files Shelf cannot read', () => {
  it.each([
    [
      'a CSV whose quote never closes',
      'broken.csv',
      'title,url,time_added\n"Unclosed,https://a.example,1\n',
      /line 2: a quoted field is never closed/,
    ],
    [
      'a CSV without an address column',
      'people.csv',
      'name,email\nAda,ada@example.com\n',
      /line 1: the header has no "url" column \(it has: name, email\)/,
    ],
    ['a damaged zip', 'pocket.zip', 'PK\u0003\u0004garbage', /zip file is damaged/],
    ['an empty file', 'empty.csv', '', /is empty/],
    ['an HTML page without links', 'page.html', '<html><body><p>hello</p></body></html>', /no links/],
    ['text that is not a list of addresses', 'notes.txt', 'buy milk\ncall mum\n', /not an export Shelf knows/],
  ])('rejects %s with a message that says what and where', (_, name, text, message) => {
    expect(() => readImportFile(name, new TextEncoder().encode(text))).toThrow(message);
    try {
      readImportFile(name, new TextEncoder().encode(text));
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFileError);
    }
  });

  it('rejects Omnivore metadata that is not JSON, naming the file', () => {
    const zip = zipSync({ 'metadata_0_to_1.json': strToU8('[{"url": ') });
    expect(() => readImportFile('omnivore.zip', zip)).toThrow(/metadata_0_to_1\.json: not valid JSON/);
  });
});

describe('validating in slices', () => {
  it('gives exactly what validating at once gives', async () => {
    const { prepareImportFile } = await import('@/lib/import/read-import-file');
    const { validateImport, validateImportInSlices } = await import('@/lib/import/entry');
    const prepared = prepareImportFile('p.csv', fixture('pocket-part-with-cursor.csv'));
    expect(await validateImportInSlices(prepared, 2)).toEqual(validateImport(prepared));
  });

  // QA pass: a 4,000-item Omnivore zip held the page for 14 s while every saved copy was captured.
  it('gives the page a turn between records that take long to read (an Omnivore copy each), not only every 2,000', async () => {
    const { validateImportInSlices } = await import('@/lib/import/entry');
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const records = Array.from({ length: 10 }, (_, i) => () => {
      busy(5);
      return { where: `item ${i + 1}`, reason: 'read' };
    });
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const parsed = await validateImportInSlices({ format: 'omnivore', records });
    clearInterval(ticking);
    expect(parsed.skipped.map(({ where }) => where)).toEqual(records.map((_, i) => `item ${i + 1}`));
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('reads an Omnivore zip’s items as it validates them, with their copies', () => {
    const zip = zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([{ url: 'https://a.example/story', title: 'A story', slug: 'a-story', state: 'Archived' }]),
      ),
      'content/a-story.html': strToU8(
        `<html><body><article><h1>A story</h1>${'<p>Connection pools bound the queries that run at once.</p>'.repeat(8)}</article></body></html>`,
      ),
    });
    const { entries } = readImportFile('omnivore.zip', zip);
    expect(entries).toHaveLength(1);
    expect((entries[0]?.content as { text: string } | null)?.text).toContain('Connection pools');
  });
});

describe('files as people really save them', () => {
  // QA pass: a Windows-1252 CSV was imported with its titles garbled ("Caf� cr�me"), without a word,
  // and a UTF-16 one (Excel's "Unicode text") was "not a text file".
  it('reads a CSV saved in Windows-1252, and one saved as UTF-16 with a byte-order mark', () => {
    const csv = 'title,url\r\nCafé crème,https://a.example/cafe\r\n';
    const windows1252 = Uint8Array.from([...csv].map((char) => char.charCodeAt(0)));
    expect(readImportFile('links.csv', windows1252).entries).toMatchObject([{ title: 'Café crème' }]);
    const utf16 = new Uint8Array(2 + csv.length * 2);
    utf16.set([0xff, 0xfe]);
    const view = new DataView(utf16.buffer);
    for (const [i, char] of [...csv].entries()) view.setUint16(2 + i * 2, char.charCodeAt(0), true);
    expect(readImportFile('links.csv', utf16).entries).toMatchObject([
      { title: 'Café crème', url: 'https://a.example/cafe' },
    ]);
  });

  // A UTF-8 file cut inside a character (an interrupted download) was read as Windows-1252: every
  // non-ASCII title and tag garbled ("æ±äº¬" for "東京"), and a cut CSV got no alert.
  it('reads a UTF-8 file cut inside its last character as UTF-8, and says it was cut short', () => {
    const cutInside = (text: string, before: string) => {
      const bytes = new TextEncoder().encode(text);
      return bytes.subarray(0, new TextEncoder().encode(text.slice(0, text.indexOf(before))).length + 1);
    };
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1><H1>Bookmarks</H1><DL><p><DT><H3>読書</H3><DL><p>
<DT><A HREF="https://example.jp/1">東京の天気</A>
<DT><A HREF="https://example.jp/2">日本語</A></DL><p></DL><p>`;
    const bookmarks = readImportFile('bookmarks.html', cutInside(html, '日本語'));
    expect(bookmarks.entries).toMatchObject([
      { title: '東京の天気', tags: ['読書'] },
      { url: 'https://example.jp/2', title: '', tags: ['読書'] },
    ]);
    expect(bookmarks.cutShort).toMatch(/cut short/);
    const csv = 'url,title\nhttps://example.jp/1,東京の天気\nhttps://example.jp/2,日本語\n';
    const links = readImportFile('links.csv', cutInside(csv, '本'));
    expect(links.entries).toMatchObject([{ title: '東京の天気' }, { title: '日' }]);
    expect(links.cutShort).toBe(
      'The file seems cut short: it ends in the middle of a character, after 2 records (the last may be incomplete). Export the file again to import the rest.',
    );
    // Windows-1252 is still read where a byte is not UTF-8: a lone "é" (0xE9) before more text.
    const windows1252 = Uint8Array.from(
      [...'url,title\nhttps://a.example/cafe,Café crème\n'].map((char) => char.charCodeAt(0)),
    );
    const cafe = readImportFile('links.csv', windows1252);
    expect(cafe.entries).toMatchObject([{ title: 'Café crème' }]);
    expect(cafe.cutShort).toBeUndefined();
  });

  // Resilience pass: a UTF-8 CSV with one stray byte that is not UTF-8 (a row pasted from a Windows-1252
  // file) was read wholly as Windows-1252: every other title, tag and note garbled ("æ±äº¬"), unsaid.
  it('reads a UTF-8 file with a few stray bytes as UTF-8, those read as “�”, and says where', () => {
    const utf8 = (text: string) => [...new TextEncoder().encode(text)];
    const csv = Uint8Array.from([
      ...utf8('url,title,tags\nhttps://example.jp/1,東京の天気,読書\nhttps://a.example/cafe,Caf'),
      0xe9, // "é" in Windows-1252
      ...utf8(' crème,\nhttps://example.jp/2,日本語 “quoted”,\n'),
    ]);
    const parsed = readImportFile('links.csv', csv);
    expect(parsed.entries).toMatchObject([
      { title: '東京の天気', tags: ['読書'] },
      { title: 'Caf\ufffd crème' },
      { title: '日本語 “quoted”' },
    ]);
    expect(parsed.strayBytes).toBe(
      'The file is UTF-8, but one byte sequence is not (line 3): read as “�”. Check the titles, tags and notes there.',
    );
    // Zipped, it is named; a file whose only bytes beyond ASCII are not UTF-8 is still Windows-1252.
    const zipped = readImportFile('pocket.zip', zipSync({ 'part_000000.csv': csv }));
    expect(zipped.strayBytes).toMatch(/^part_000000\.csv is UTF-8, but one byte sequence is not \(line 3\)/);
    const windows1252 = Uint8Array.from(
      [...'url,title\nhttps://a.example/cafe,Café\n'].map((char) => char.charCodeAt(0)),
    );
    expect(readImportFile('links.csv', windows1252)).toMatchObject({ entries: [{ title: 'Café' }] });
    expect(readImportFile('links.csv', windows1252).strayBytes).toBeUndefined();
  });

  // Review: a line holding "�" itself (written so in the file) was named among the stray bytes' lines.
  it('names only the lines of stray bytes, not those holding “�” as written', () => {
    const utf8 = (text: string) => [...new TextEncoder().encode(text)];
    const csv = Uint8Array.from([
      ...utf8('url,title\nhttps://example.jp/1,東京 \ufffd 天気\nhttps://a.example/cafe,Caf'),
      0xe9, // "é" in Windows-1252
      ...utf8('\n'),
    ]);
    const parsed = readImportFile('links.csv', csv);
    expect(parsed.entries).toMatchObject([{ title: '東京 \ufffd 天気' }, { title: 'Caf\ufffd' }]);
    expect(parsed.strayBytes).toMatch(/^The file is UTF-8, but one byte sequence is not \(line 3\)/);
  });

  // Review: lines were counted by "\n" alone: a file with old Mac line ends ("\r") named line 1 for every
  // stray byte, and one with Windows line ends must count "\r\n" once.
  it.each([
    ['Windows', '\r\n'],
    ['old Mac', '\r'],
    ['mixed', '\r\n', '\r', '\n'],
  ])('names the lines of stray bytes in a file with %s line ends', (_, ...ends) => {
    const utf8 = (text: string) => [...new TextEncoder().encode(text)];
    const end = (line: number) => utf8(ends[line % ends.length] as string);
    const csv = Uint8Array.from([
      ...utf8('url,title'),
      ...end(1),
      ...utf8('https://example.jp/1,東京 \ufffd 天気'), // "�" as written: not named
      ...end(2),
      ...utf8('https://a.example/cafe,Caf'),
      0xe9, // "é" in Windows-1252
      ...end(3),
      ...utf8('https://example.jp/2,日本語'),
      ...end(4),
      ...utf8('https://a.example/creme,Cr'),
      0xe8, // "è" in Windows-1252
      ...end(5),
    ]);
    const parsed = readImportFile('links.csv', csv);
    expect(parsed.entries).toMatchObject([
      { title: '東京 \ufffd 天気' },
      { title: 'Caf\ufffd' },
      { title: '日本語' },
      { title: 'Cr\ufffd' },
    ]);
    expect(parsed.strayBytes).toMatch(/^The file is UTF-8, but 2 byte sequences are not \(lines 3, 5\)/);
  });

  // QA pass: an ASCII file cut inside its last character was read as Windows-1252, saving
  // "https://a8.example/cafÃ" and "Euro â‚" with no alert.
  it('reads an ASCII file cut inside its last character as UTF-8 cut short', () => {
    const cutAfter = (text: string, ...tail: number[]) => Uint8Array.from([...new TextEncoder().encode(text), ...tail]);
    const list = readImportFile('links.txt', cutAfter('https://a8.example/1\nhttps://a8.example/caf', 0xc3));
    expect(list.entries.map((entry) => entry.url)).toEqual(['https://a8.example/1', 'https://a8.example/caf']);
    expect(list.cutShort).toMatch(/cut short: it ends in the middle of a character/);
    const csv = readImportFile('links.csv', cutAfter('url,title\nhttps://a8.example/euro,Euro ', 0xe2, 0x82));
    expect(csv.entries).toMatchObject([{ url: 'https://a8.example/euro', title: 'Euro' }]);
    expect(csv.cutShort).toMatch(/cut short: it ends in the middle of a character/);
    // The same ending, though it could be a Windows-1252 "é", is read so too, and says so.
    const endsInE9 = readImportFile('links.csv', cutAfter('url,title\nhttps://a8.example/cafe,Caf', 0xe9));
    expect(endsInE9.entries).toMatchObject([{ title: 'Caf' }]);
    expect(endsInE9.cutShort).toMatch(/cut short/);
    // Bytes that cannot begin a UTF-8 character ("ü", 0xFC) are Windows-1252 wherever they are.
    const endsInFc = readImportFile('links.csv', cutAfter('url,title\nhttps://a8.example/m,M', 0xfc));
    expect(endsInFc.entries).toMatchObject([{ title: 'Mü' }]);
    expect(endsInFc.cutShort).toBeUndefined();
  });

  // A CSV cut inside its last address imported the cut address ("…/2-how-to-") without a word.
  it('skips the last row of a CSV cut inside it, and says it was cut short; a whole CSV without a final line break reads whole', () => {
    const whole =
      'title,url,time_added,tags,status\r\n' +
      'First,https://example.com/0-first,1600000000,,unread\r\n' +
      'How to size a pool,https://example.com/1-how-to-size-a-pool,1600000002,databases,archive\r\n';
    const cut = readImportFile('part_000000.csv', new TextEncoder().encode(whole.slice(0, whole.indexOf('size-a'))));
    expect(cut.entries.map((entry) => entry.url)).toEqual(['https://example.com/0-first']);
    expect(cut.skipped).toEqual([
      { where: 'line 3', reason: "cut short: 2 of the header's 5 fields, where the file ends" },
    ]);
    expect(cut.cutShort).toBe(
      "The file seems cut short: its last row (line 3) stops after 2 of the header's 5 columns, with no line break after it, so it was skipped. Export the file again to import the rest.",
    );
    const noFinalBreak = readImportFile('links.csv', new TextEncoder().encode(whole.trimEnd()));
    expect(noFinalBreak.entries).toHaveLength(2);
    expect(noFinalBreak.cutShort).toBeUndefined();
    // Rows that all leave out their empty trailing fields are not cut.
    const ragged = readImportFile(
      'links.csv',
      new TextEncoder().encode('url,title,tags\nhttps://a.example/1,A\nhttps://a.example/2,B'),
    );
    expect(ragged.entries).toHaveLength(2);
    expect(ragged.cutShort).toBeUndefined();
    // A lone row of data is judged against no other: one leaving out its empty trailing fields is whole.
    const lone = readImportFile('links.csv', new TextEncoder().encode('url,title,tags\nhttps://a.example/1,A'));
    expect(lone.entries).toHaveLength(1);
    expect(lone.cutShort).toBeUndefined();
  });

  // A column of addresses saved as .csv was refused ("the header has no url column (it has: https://…)")
  // though the same bytes imported as .txt.
  it('reads a CSV without a header, its first row an address, as the list of addresses it is', () => {
    const list = 'https://a.example/1\r\nhttps://a.example/2\r\nhttps://a.example/3\r\n';
    const asText = readImportFile('links.txt', new TextEncoder().encode(list));
    const asCsv = readImportFile('links.csv', new TextEncoder().encode(list));
    expect(asCsv.entries.map((entry) => entry.url)).toEqual(asText.entries.map((entry) => entry.url));
    expect(asCsv.entries.map((entry) => entry.where)).toEqual(['line 1', 'line 2', 'line 3']);
    const titled = readImportFile('links.csv', new TextEncoder().encode('https://a.example/1,"One, first"\n'));
    expect(titled.entries).toMatchObject([{ url: 'https://a.example/1', title: 'One, first' }]);
  });

  it('reads a CSV a spreadsheet saved with semicolons, and a TSV', () => {
    const semicolons = 'Title;URL;Tags\r\n"Caching; a primer";https://a.example/cache;perf|redis\r\n';
    expect(readImportFile('links.csv', new TextEncoder().encode(semicolons)).entries).toMatchObject([
      { url: 'https://a.example/cache', title: 'Caching; a primer', tags: ['perf', 'redis'] },
    ]);
    const tabs = 'url\ttitle\nhttps://b.example/x\tB, with a comma\n';
    expect(readImportFile('links.tsv', new TextEncoder().encode(tabs)).entries).toMatchObject([
      { url: 'https://b.example/x', title: 'B, with a comma' },
    ]);
  });

  it('reads a list of addresses followed by titles', () => {
    const list = 'https://a.example/one  The first one\nhttps://a.example/two\tSecond\nhttps://a.example/three\n';
    expect(readImportFile('reading.txt', new TextEncoder().encode(list)).entries.map((e) => [e.url, e.title])).toEqual([
      ['https://a.example/one', 'The first one'],
      ['https://a.example/two', 'Second'],
      ['https://a.example/three', ''],
    ]);
  });
});

describe('dates', () => {
  it('reads seconds, milliseconds, microseconds and ISO strings as the same moment', async () => {
    const { parseDate } = await import('@/lib/import/entry');
    const moment = Date.UTC(2024, 2, 1, 10, 20, 30);
    expect(
      [moment / 1000, moment, moment * 1000, new Date(moment).toISOString(), String(moment / 1000)].map(parseDate),
    ).toEqual([moment, moment, moment, moment, moment]);
    expect([null, '', 'yesterday', -5, 0].map(parseDate)).toEqual([null, null, null, null, null]);
  });

  // "-1" (an export's "unknown") dated items 1 January 2001, and a timestamp past 2^53 skipped its record.
  it('leaves a negative or absurd date unknown, and keeps the record', async () => {
    const { parseDate } = await import('@/lib/import/entry');
    expect(['-1', '-5', ' -5 ', '-1.5', '99999999999999999999', 2 ** 70].map(parseDate)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const csv = 'url,title,time_added\nhttps://a.example/1,A,-1\nhttps://a.example/2,B,99999999999999999999\n';
    const parsed = read('links.csv', new TextEncoder().encode(csv));
    expect(parsed.skipped).toEqual([]);
    expect(parsed.entries).toMatchObject([
      { title: 'A', addedAt: null },
      { title: 'B', addedAt: null },
    ]);
  });
});

describe('zipped HTML exports', () => {
  it('reads ril_export.html inside a zip', () => {
    const zip = zipSync({ 'pocket/ril_export.html': fixture('ril_export.html') });
    const parsed = read('pocket.zip', zip);
    expect(parsed.format).toBe('pocket-html');
    expect(parsed.entries.map((e) => e.url)).toContain('https://www.duckduckgo.com');
  });

  it('says what a zip without an export holds', () => {
    const zip = zipSync({ 'notes/readme.md': strToU8('# hello') });
    expect(() => read('other.zip', zip)).toThrow('The zip has no CSV or HTML export, nor Omnivore metadata.');
  });
});

describe('an imported title', () => {
  it('is kept as a plain line: no bidi override or control character from the file', async () => {
    const parsed = await read(
      'links.txt',
      strToU8('https://example.org/a Report \u202Efdp.exe\u202C\u0007 \u2066quarterly\u2069\n'),
    );
    expect(byUrl(parsed, 'https://example.org/a').title).toBe('Report fdp.exe quarterly');
  });
});
