import { toMarkdownItem } from '@/lib/annotations/item-markdown';
import { itemsToMarkdown } from '@/lib/annotations/markdown-export';
import { getAnnotatedItems } from '@/lib/db/annotations';
import type { ShelfDatabase } from '@/lib/db/database';
import { downloadText } from '@/lib/export/export-file';

/** The Markdown of every item with tags, a note or highlights (what `Export highlights (Markdown)` saves). */
export async function highlightsMarkdown(db?: ShelfDatabase, now = Date.now()): Promise<string> {
  const annotated = await getAnnotatedItems(db);
  return itemsToMarkdown(
    annotated.map(({ item, highlights }) => toMarkdownItem(item, highlights)),
    new Date(now),
  );
}

/** Downloads the highlights, notes and tags as one Markdown file. */
export async function exportHighlightsFile(db?: ShelfDatabase, now = Date.now()): Promise<void> {
  const markdown = await highlightsMarkdown(db, now);
  downloadText(markdown, 'text/markdown', `shelf-highlights-${new Date(now).toISOString().slice(0, 10)}.md`);
}
