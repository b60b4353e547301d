import { toMarkdownItem } from '@/lib/annotations/item-markdown';
import { itemsToMarkdown } from '@/lib/annotations/markdown-export';
import { getAnnotatedItems } from '@/lib/db/annotations';
import type { ShelfDatabase } from '@/lib/db/database';
import { downloadText } from '@/lib/export/export-file';

/** The Markdown of every item with tags, a note or highlights (what `Export highlights (Markdown)` saves). */
export async function highlightsMarkdown(db?: ShelfDatabase, now = Date.now()): Promise<string> {
  return (await annotatedMarkdown(db, now)).markdown;
}

async function annotatedMarkdown(db: ShelfDatabase | undefined, now: number) {
  const annotated = await getAnnotatedItems(db);
  const markdown = itemsToMarkdown(
    annotated.map(({ item, highlights }) => toMarkdownItem(item, highlights)),
    new Date(now),
  );
  return { markdown, items: annotated.length };
}

/**
 * Downloads the highlights, notes and tags as one Markdown file; returns what it wrote, said as the
 * other exports say theirs (QA pass: it said nothing, and the last export's line stayed).
 */
export async function exportHighlightsFile(db?: ShelfDatabase, now = Date.now()): Promise<string> {
  const { markdown, items } = await annotatedMarkdown(db, now);
  const fileName = `shelf-highlights-${new Date(now).toISOString().slice(0, 10)}.md`;
  downloadText(markdown, 'text/markdown', fileName);
  return `Exported the tags, notes and highlights of ${items.toLocaleString('en')} item${items === 1 ? '' : 's'} to ${fileName}.`;
}
