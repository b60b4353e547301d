import type { MarkdownItem } from '@/lib/annotations/markdown-export';
import type { Highlight, SavedItem } from '@/lib/db/schema';

/** A saved item with its highlights, as the Markdown export writes it. */
export function toMarkdownItem(item: SavedItem, highlights: readonly Highlight[]): MarkdownItem {
  return {
    title: item.title,
    url: item.url,
    tags: item.tags,
    note: item.note,
    highlights: highlights.map(({ selectors, quoteBlocks, note }) => ({
      quote: selectors.quote.exact,
      blocks: quoteBlocks,
      note,
    })),
  };
}
