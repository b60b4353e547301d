import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLES } from '@/lib/corpus/catalog';
import { parseCsv, toCsv } from '@/lib/import/csv';
import { parseCsvExport } from '@/lib/import/csv-formats';
import { ImportFileError } from '@/lib/import/import-error';
import { readImportFile } from '@/lib/import/read-import-file';
import { extractPageText } from '@/lib/related/page-text';
import { getBundledSearchEngine } from '@/lib/search/bundled';

// Hundreds of generated inputs per property: up to 1.4 s a test alone, several times that on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

/**
 * Property-based tests of the three places where arbitrary outside input enters Shelf: what the
 * user types, files they import, and pages they visit. fast-check shrinks any failure to a minimal case.
 */
const ARTICLE_IDS = new Set(ARTICLES.map((article) => article.id));

describe('search input', () => {
  const engine = getBundledSearchEngine();
  it('any text: no throw, at most `limit` distinct catalog articles, sorted by score, same answer twice', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.lorem({ maxCount: 12 }),
        ),
        fc.integer({ min: 1, max: 30 }),
        (query, limit) => {
          const { results } = engine.search(query, { limit });
          expect(results.length).toBeLessThanOrEqual(limit);
          const ids = results.map((result) => result.article.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(ARTICLE_IDS.has(id)).toBe(true);
          for (let i = 1; i < results.length; i++)
            expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
          expect(engine.search(query, { limit }).results.map((r) => r.article.id)).toEqual(ids);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('import parser', () => {
  const field = fc.string({ unit: 'grapheme', maxLength: 40 });
  it('CSV: any fields (commas, quotes, line breaks, emoji) survive write → read', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }),
        (rows) => {
          expect(parseCsv(toCsv(rows), ',').map((record) => record.fields)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Pocket CSV: every row is imported or set aside with a reason, never lost', () => {
    const row = fc.record({
      title: field,
      url: fc.oneof(fc.webUrl(), field),
      tags: fc.array(fc.stringMatching(/^[a-z0-9 ]{1,10}$/), { maxLength: 3 }),
      status: fc.constantFrom('unread', 'archive'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const csv = toCsv([
          ['title', 'url', 'time_added', 'tags', 'status'],
          ...rows.map((r, i) => [r.title, r.url, String(1_600_000_000 + i), r.tags.join('|'), r.status]),
        ]);
        const parsed = parseCsvExport(csv);
        expect(parsed.entries.length + parsed.skipped.length).toBe(rows.length);
        for (const skip of parsed.skipped) expect(skip.reason.length).toBeGreaterThan(0);
        for (const entry of parsed.entries) expect(entry.url).toMatch(/^https?:\/\//i);
      }),
      { numRuns: 200 },
    );
  });

  it('any bytes: a parsed import or an ImportFileError, never another exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.string({ maxLength: 2000 }).map((text) => new TextEncoder().encode(text)),
          fc.string({ maxLength: 500 }).map((text) => new TextEncoder().encode(`title,url,time_added\n${text}`)),
          fc.string({ maxLength: 500 }).map((text) => new TextEncoder().encode(`<a href="${text}">${text}</a>`)),
          fc.uint8Array({ maxLength: 500 }).map((bytes) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes])),
        ),
        fc.constantFrom('export.csv', 'export.html', 'export.zip', 'export.txt'),
        (bytes, name) => {
          try {
            const parsed = readImportFile(name, bytes);
            for (const entry of parsed.entries) expect(entry.url).toMatch(/^https?:\/\//i);
          } catch (error) {
            expect(error).toBeInstanceOf(ImportFileError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('page-text extractor', () => {
  const SECRET = 'SHELF_SHOULD_NOT_SEE_THIS';
  const fragment = fc.oneof(
    fc.lorem({ maxCount: 30 }).map((text) => `<p>${text}</p>`),
    // Free text without markup, so the generator cannot open a comment that swallows the tags below.
    fc.string({ maxLength: 60 }).map((text) => text.replace(/[<>&]/g, ' ')),
    fc.constant(`<script>var x = "${SECRET}";</script>`),
    fc.constant(`<style>.x{content:"${SECRET}"}</style>`),
    fc.constant(`<div hidden>${SECRET}</div>`),
    fc.constant(`<nav>${SECRET}</nav>`),
    fc.constant('<article><h1>Title</h1>'),
    fc.constant('</article></div></p>'),
    fc.constant('<div><div><div><span>'),
  );
  it('any HTML: no throw, never longer than the cap, no script, style, hidden or navigation text', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.integer({ min: 50, max: 5000 }), (fragments, cap) => {
        const doc = new DOMParser().parseFromString(`<body>${fragments.join('')}</body>`, 'text/html');
        const page = extractPageText(doc, cap);
        expect(page.text.length).toBeLessThanOrEqual(cap);
        expect(page.text).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
  });
});
