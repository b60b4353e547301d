import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';

/** Files a user brings to Shelf, built for the tests: an Omnivore export, a Shelf backup. */

const PARAGRAPH =
  'Connection pools bound how many queries run at once. When every request opens its own connection, the ' +
  'database spends its time on handshakes instead of queries, and a burst of traffic turns into a queue of ' +
  'clients waiting for a socket. A pool keeps a few connections open and lends them out; sizing it is a trade ' +
  'between waiting in the application and waiting in the database, and the right number is smaller than most ' +
  'people expect.';

export const POOLS = { title: 'Sizing connection pools', url: 'https://example.com/pools' } as const;

/**
 * The long article of `omnivoreZip`: sections with headings, paragraphs of ordinary English prose;
 * with `footnote`, a footnote as Hugo and Jekyll write them, its marker in the first paragraph and its
 * note (with a "back" link) after the last section; with `foldedNote`, a second footnote whose note is
 * folded under a closed `<details>` after the first.
 */
export function poolsArticleHtml(title: string = POOLS.title, { footnote = false, foldedNote = false } = {}): string {
  const sections = ['Why pools exist', 'How big a pool should be', 'Timeouts and queues', 'Measuring it'];
  const body = sections.map((heading) => `<h2>${heading}</h2>${`<p>${PARAGRAPH}</p>`.repeat(4)}`).join('');
  const marker =
    (footnote ? '<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>' : '') +
    (foldedNote ? '<sup id="fnref:2"><a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup>' : '');
  const folded = foldedNote
    ? '<details><summary>More notes</summary><ol start="2"><li id="fn:2"><p>Serverless functions share one pool through a proxy. <a href="#fnref:2" class="footnote-backref" role="doc-backlink">↩︎</a></p></li></ol></details>'
    : '';
  const notes = footnote
    ? `<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1"><p>Most drivers start with ten connections. <a href="#fnref:1" class="footnote-backref" role="doc-backlink">↩︎</a></p></li></ol>${folded}</div>`
    : '';
  return `<article><h1>${title}</h1><p>${PARAGRAPH}${marker}</p>${body}${notes}</article>`;
}

/**
 * An Omnivore export with one saved page and its content: the quickest real way to get a readable
 * copy. By default a page on another site; `page` may name a blog article instead.
 */
export function omnivoreZip(
  page: { title: string; url: string } = POOLS,
  { footnote = false, foldedNote = false } = {},
): Buffer {
  return Buffer.from(
    zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([
          {
            slug: 'pools',
            title: page.title,
            url: page.url,
            state: 'SUCCEEDED',
            readingProgress: 0,
            labels: ['databases'],
            savedAt: '2024-05-01T09:00:00.000Z',
          },
        ]),
      ),
      'content/pools.html': strToU8(poolsArticleHtml(page.title, { footnote, foldedNote })),
    }),
  );
}

const articles = JSON.parse(readFileSync('assets/data/articles.json', 'utf8')) as Array<{
  id: string;
  title: string;
  url: string | null;
}>;

/** Bundled articles the catalog has no address for. */
export const ARTICLES_WITHOUT_URL = articles.filter((article) => article.url === null);
export const ARTICLES_WITH_URL = articles.filter((article) => article.url !== null);

interface BackupItem {
  id: string;
  kind: 'article' | 'page';
  articleId: string | null;
  url: string | null;
  title: string;
  status: 'unread' | 'reading' | 'done' | 'archived';
  tags?: string[];
}

export const articleItem = (
  article: { id: string; title: string; url: string | null },
  status: BackupItem['status'] = 'unread',
): BackupItem => ({
  id: `article:${article.id}`,
  kind: 'article',
  articleId: article.id,
  url: article.url,
  title: article.title,
  status,
});

/** A Shelf backup (the first version of the format, which Shelf still reads) as a file to import. */
export function shelfBackup(items: BackupItem[], progress: { itemId: string; fraction: number }[] = []) {
  const backup = {
    format: 'shelf-backup',
    version: 1,
    exportedAt: '2026-11-26T00:00:00.000Z',
    items: items.map((item) => ({ ...item, tags: item.tags ?? [], note: '', addedAt: 1, updatedAt: 1 })),
    progress: progress.map(({ itemId, fraction }) => ({
      itemId,
      fraction,
      anchor: { scrollFraction: fraction, scrollY: 1000 * fraction },
      updatedAt: 1,
    })),
    settings: [],
  };
  return { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) };
}
