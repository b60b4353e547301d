import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsToMarkdown, itemToMarkdown, type MarkdownItem } from '@/lib/annotations/markdown-export';

const item: MarkdownItem = {
  title: 'SQLite WAL mode, explained',
  url: 'https://example.org/wal?x=1',
  tags: ['db-later', 'sqlite'],
  note: 'check the WAL part',
  highlights: [
    { quote: 'Readers never block writers.', note: 'Why we moved to WAL.' },
    { quote: 'A checkpoint copies pages back.' },
  ],
};

/**
 * The lines outside fenced code blocks, as CommonMark reads them (a fence indented up to three
 * spaces; closed by a run of its mark at least as long), joined: where raw HTML would be read.
 */
function outsideFences(lines: readonly string[]): string {
  const prose: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = null;
    } else {
      fence = /^ {0,3}(`{3,})[^`]*$|^ {0,3}(~{3,})/.exec(line)?.slice(1).find(Boolean) ?? null;
      if (!fence) prose.push(line);
    }
  }
  return prose.join('\n');
}
describe('one item as Markdown', () => {
  it('has the title, address, tags, note and each highlight as a quote with its note', () => {
    expect(itemToMarkdown(item)).toBe(
      [
        '# SQLite WAL mode, explained',
        '',
        '<https://example.org/wal?x=1>',
        '',
        'Tags: db-later, sqlite',
        '',
        'check the WAL part',
        '',
        '## Highlights',
        '',
        '> Readers never block writers.',
        '',
        'Why we moved to WAL.',
        '',
        '> A checkpoint copies pages back.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what the item does not have', () => {
    expect(itemToMarkdown({ title: 'Bare', url: null, tags: [], note: ' ', highlights: [] })).toBe('# Bare\n');
  });

  it('quotes a quote of several lines line by line, blank lines included', () => {
    const markdown = itemToMarkdown({ ...item, highlights: [{ quote: 'first line\r\n\r\nsecond line' }] });
    expect(markdown).toContain('> first line\n>\n> second line');
  });

  it('keeps the user’s notes as the Markdown they wrote', () => {
    const markdown = itemToMarkdown({ ...item, note: '**bold** and [a link](https://example.org)' });
    expect(markdown).toContain('\n**bold** and [a link](https://example.org)\n');
  });
});

describe('text from web pages cannot inject Markdown or HTML', () => {
  const hostile = '[Click me](javascript:alert(1)) <img src=x onerror=alert(1)> *bold* `code` &amp; ##';

  it('escapes a hostile title', () => {
    const heading = itemToMarkdown({ ...item, title: `${hostile}\n# injected heading` }).split('\n')[0];
    expect(heading).toBe(
      '# \\[Click me\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*bold\\* \\`code\\` \\&amp; \\#\\# \\# injected heading',
    );
  });

  it('escapes a hostile quote, including what would start a list, heading or quote inside it', () => {
    const markdown = itemToMarkdown({
      ...item,
      highlights: [{ quote: `${hostile}\n- item\n1. step\n# head\n> nested` }],
    });
    expect(markdown).toContain(
      [
        '> \\[Click me\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*bold\\* \\`code\\` \\&amp; \\#\\#',
        '> \\- item',
        '> 1\\. step',
        '> \\# head',
        '> \\> nested',
      ].join('\n'),
    );
  });

  it('links only http(s) addresses, percent-encoded so they cannot end the link early', () => {
    expect(itemToMarkdown({ ...item, url: 'https://example.org/a b>c' })).toContain('<https://example.org/a%20b%3Ec>');
    expect(itemToMarkdown({ ...item, url: 'javascript:alert(1)' })).toContain('\njavascript:alert(1)\n');
    expect(itemToMarkdown({ ...item, url: 'javascript:alert(1)' })).not.toContain('<javascript');
  });

  // Red team: a note is the user's Markdown, but an import fills notes from other apps' files too
  // (a bookmark's description, an Instapaper selection, Raindrop.io's highlights: page text), and a
  // Markdown app that shows raw HTML ran it, or followed a `javascript:` link.
  it('keeps a note’s Markdown but neutralizes raw HTML and links that run script', () => {
    const note = (text: string) =>
      itemToMarkdown({ ...item, note: text, highlights: [] })
        .split('\n\n')[3]
        ?.trimEnd();
    const hostileNotes = [
      ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
      ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
      ['<!-- hide --> <?php ?>', '\\<!-- hide --> \\<?php ?>'],
      ['[Click](javascript:alert(1))', '[Click]\\(javascript:alert(1))'],
      ['![pic](data:image/svg+xml,x)', '![pic]\\(data:image/svg+xml,x)'],
      ['[a](<JavaScript:alert(1)>)', '[a]\\(\\<JavaScript:alert(1)>)'],
      ['[a]( &#106;avascript:alert(1))', '[a]\\( &#106;avascript:alert(1))'],
      ['[a](javascript&colon;alert(1))', '[a]\\(javascript&colon;alert(1))'],
      ['[a](\njavascript:alert(1))', '[a]\\(\njavascript:alert(1))'],
      ['[a]: javascript:alert(1)\n\nSee [a].', '[a\\]: javascript:alert(1)'],
      ['<javascript:alert(1)>', '\\<javascript:alert(1)>'],
      // A backslash the note has before "<" keeps it literal: none is taken away from it.
      ['\\\\<img src=x onerror=alert(1)>', '\\\\\\<img src=x onerror=alert(1)>'],
    ];
    for (const [text, written] of hostileNotes) expect(note(text as string), text).toBe(written);
    // What a user writes stays: emphasis, lists, web, mail and relative links, autolinks, code blocks.
    const mine = [
      '**bold**, _it_ and [a link](https://example.org/a_(b)) or [mail](mailto:a@b.example) or [up](../x:y)',
      '- <https://example.org> and 3 < 4',
      '```html',
      '<div onclick="go()">kept as code</div>',
      '```',
      'a \\<b> written escaped',
    ].join('\n');
    expect(itemToMarkdown({ ...item, note: mine, highlights: [] })).toContain(`\n${mine}\n`);
  });

  // Review: a fence is read over the whole file, not one note. A note leaving its fence open had the next
  // note's opening fence close it, and what that note kept as code ran as HTML.
  it('closes a fence a note leaves open, so that a later note’s code block stays code', () => {
    const markdown = itemToMarkdown({
      ...item,
      note: 'see:\n```',
      highlights: [{ quote: 'q', note: '```\n<img src=x onerror=alert(1)>\n```' }],
    });
    // The file's fences as a Markdown app reads them: the raw `<img` must be inside one.
    expect(outsideFences(markdown.split('\n'))).not.toMatch(/(^|[^\\])<img/);
    expect(markdown).toContain('see:\n```\n```\n');
  });

  it('escapes a fence indented one to three spaces: no fence anywhere, so no raw HTML after it', () => {
    const markdown = itemToMarkdown({
      ...item,
      note: 'x\n ```\n<b>a</b>\n```\n<img src=x onerror=alert(1)>\n```',
      highlights: [],
    });
    expect(markdown).toContain('x\n \\```\n\\<b>a\\</b>\n```\n<img src=x onerror=alert(1)>\n```');
    // What follows the column-0 fence is its code (closed by the last line): never read as HTML.
    expect(markdown.split('\n').filter((line) => /^ {0,3}(`{3,}|~{3,})/.test(line))).toEqual(['```', '```']);
  });

  it('leaves no note, however built, a `<` that opens HTML or a link to another kind of address', () => {
    const piece = fc.constantFrom(
      ...['<', '>', '[', ']', '(', ')', ':', '\\', '`', '\n', ' ', '\t', '&', '#', 'a', 'img ', 'javascript'],
      ...['https', 'mailto', '&#106;', '&colon;', '```', '~~~', '/', '!', '?', '<https://a.example/>', '](', ']: '],
    );
    const oddBackslashesBefore = (text: string, at: number) => {
      let count = 0;
      while (text[at - 1 - count] === '\\') count++;
      return count % 2 === 1;
    };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const note = pieces.join('');
        if (!note.trim()) return;
        const markdown = itemToMarkdown({ ...item, note, highlights: [] });
        // The note's lines, less those of fenced code blocks (kept as written), read as CommonMark does:
        // a fence may be indented up to three spaces (review: the check copied the code's own rule).
        const text = outsideFences(markdown.split('\n').slice(6));
        for (const match of text.matchAll(/<[A-Za-z/!?]/g)) {
          const at = match.index;
          const autolink = /^<(?:https?|mailto):[^\s<>]*>/i.test(text.slice(at));
          expect(autolink || oddBackslashesBefore(text, at), text).toBe(true);
        }
        for (const match of text.matchAll(/\][(:]/g)) {
          if (oddBackslashesBefore(text, match.index)) continue;
          // The address a Markdown app would link: escapes and character references decoded, tabs dropped.
          const rest = text.slice(match.index + 2).replace(/^[ \t]*(?:\n[ \t]*)?/, '');
          const written = rest.startsWith('<') ? /^<([^<>\n]*)/.exec(rest)?.[1] : /^\S*/.exec(rest)?.[0];
          const address = (written ?? '')
            .replace(/\\([!-/:-@[-`{-~])/g, '$1')
            .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
            .replace(/&colon;/g, ':')
            .replace(/[\t\n]/g, '');
          const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(address)?.[0].toLowerCase();
          expect([undefined, 'http:', 'https:', 'mailto:'], text).toContain(scheme);
        }
      }),
      { numRuns: 400 },
    );
  });

  // Red-team pass: each `](` read its would-be destination to the next space, so a note of `](` repeated
  // (20,000 characters, what a hostile import may bring) took 0.3 s, and a library of them froze the
  // export for minutes. The destination is read only as far as decides whether it is safe. Before the
  // fix these 200 took about a minute, past the test's time; after, well under a second.
  it('reads notes of ten thousand would-be links in linear time, neutralized as before', () => {
    const note = ']('.repeat(10_000);
    const items = Array.from({ length: 200 }, () => ({ ...item, note, highlights: [{ quote: 'q', note }] }));
    // Links to no scheme at all: kept as written, each of the 400 notes.
    expect(itemsToMarkdown(items, new Date(0)).split(note).length - 1).toBe(400);
    const hostile = `${'](x'.repeat(5_000)}[a](javascript:alert(1))`;
    expect(itemToMarkdown({ ...item, note: hostile })).toContain('[a]\\(javascript:alert(1))');
  }, 20_000);

  it('escapes tags', () => {
    expect(itemToMarkdown({ ...item, tags: ['*star*'] })).toContain('Tags: \\*star\\*');
  });
});

describe('many items in one file', () => {
  it('puts each item under its own heading, below one that says when and how many', () => {
    const markdown = itemsToMarkdown([item, { ...item, title: 'Second' }], new Date('2026-05-01T10:00:00Z'));
    expect(markdown.startsWith('# Shelf highlights\n\nExported 2026-05-01, 2 items.\n\n## SQLite WAL mode')).toBe(true);
    expect(markdown).toContain('\n## Second\n');
    expect(markdown).toContain('\n### Highlights\n');
    expect(markdown.match(/^## /gm)).toHaveLength(2);
  });
});
