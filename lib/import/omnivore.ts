import { capturePage } from '@/lib/capture/capture-page';
import type { CapturedPage } from '@/lib/capture/schema';
import type { ItemStatus } from '@/lib/db/schema';
import { parseInertHtml } from '@/lib/dom/markup-depth';
import { type ImportEntryInput, type PreparedImport, type PreparedRecord, parseDate } from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';
import {
  anchorImportedQuotes,
  omnivoreHighlightSchema,
  quotesFromMarkdown,
  quotesFromMetadata,
} from '@/lib/import/omnivore-highlights';
import { decodeText } from '@/lib/import/zip';
import { isWebUrl } from '@/lib/net/web-url';
import { z } from '@/lib/zod/classic';

/** One saved item in Omnivore's `metadata_*.json` batches (only the fields Shelf uses). */
const omnivoreItemSchema = z.looseObject({
  url: z.string(),
  title: z.string().nullish(),
  slug: z.string().nullish(),
  description: z.string().nullish(),
  state: z.string().nullish(),
  readingProgress: z.number().nullish(),
  labels: z.array(z.union([z.string(), z.looseObject({ name: z.string() })])).nullish(),
  savedAt: z.union([z.string(), z.number()]).nullish(),
  updatedAt: z.union([z.string(), z.number()]).nullish(),
  // Each checked on its own (omnivore-highlights.ts): one odd highlight does not cost the item.
  highlights: z.array(z.unknown()).nullish(),
});

function statusOf(state: string | null | undefined, progress: number): ItemStatus {
  if (state && /archived/i.test(state)) return 'archived';
  if (progress >= 0.98) return 'done';
  if (progress > 0) return 'reading';
  return 'unread';
}

/** `omnivore-export/content/a.html` → `content/a.html`; `x/metadata_0.json` → `metadata_0.json`. */
function exportPath(path: string): string {
  const inFolder = /(?:^|\/)((?:content|highlights)\/[^/]+)$/.exec(path);
  return inFolder?.[1] ?? path.split('/').pop() ?? path;
}

/**
 * Omnivore's export zip: `metadata_*.json` batches, the saved content in `content/{slug}.html`
 * (captured exactly as Shelf captures a page: Readability, then sanitized) and highlights in the
 * metadata and in `highlights/{slug}.md`, kept as highlights (their annotations as their notes),
 * found in the copy where there is one; other text there becomes the item's note. Deleted items
 * are skipped.
 */
export function prepareOmnivoreZip(
  files: Map<string, Uint8Array>,
  win: Window & typeof globalThis = window,
): PreparedImport {
  const byName = new Map([...files].map(([path, bytes]) => [exportPath(path), bytes]));
  const metadataFiles = [...byName.keys()].filter((name) => /^metadata_.*\.json$/i.test(name)).sort();
  if (metadataFiles.length === 0) throw new ImportFileError('The zip has no Omnivore metadata_*.json files.');
  const results: PreparedRecord[] = [];
  for (const file of metadataFiles) {
    let data: unknown;
    try {
      data = JSON.parse(decodeText(byName.get(file) as Uint8Array));
    } catch (error) {
      throw new ImportFileError(`${file}: not valid JSON (${(error as Error).message}).`);
    }
    if (!Array.isArray(data)) throw new ImportFileError(`${file}: expected a list of saved items.`);
    data.forEach((raw, i) => {
      const where = `${file}, item ${i + 1}`;
      const parsed = omnivoreItemSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        results.push({ where, reason: `${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'invalid'}` });
        return;
      }
      const item = parsed.data;
      if (item.state && /deleted/i.test(item.state)) {
        results.push({ where, reason: 'deleted in Omnivore' });
        return;
      }
      // Read when the records are validated, a slice at a time: capturing every copy here held the
      // page for 14 s on a 4,000-item export (QA pass).
      results.push(() => omnivoreRecord(item, where, byName, win));
    });
  }
  return { format: 'omnivore', records: results };
}

/** An Omnivore item as an import record: its saved copy captured, its highlights found in it. */
function omnivoreRecord(
  item: z.infer<typeof omnivoreItemSchema>,
  where: string,
  byName: ReadonlyMap<string, Uint8Array>,
  win: Window & typeof globalThis,
): ImportEntryInput {
  const progress = Math.min(1, Math.max(0, (item.readingProgress ?? 0) / 100));
  const slug = item.slug ?? '';
  const html = slug ? byName.get(`content/${slug}.html`) : undefined;
  const highlights = slug ? byName.get(`highlights/${slug}.md`) : undefined;
  const title = item.title ?? '';
  const url = item.url.trim();
  // The saved copy is captured (Readability, DOMPurify: the costly part) only for a web address;
  // everything else about the record is validated with the other formats' records.
  let content: CapturedPage | null = null;
  if (html && isWebUrl(url)) {
    const doc = parseInertHtml(decodeText(html), win);
    if (title && !doc.title) doc.title = title;
    content = capturePage(doc, url, win);
  }
  const markdown = highlights ? quotesFromMarkdown(decodeText(highlights)) : { quotes: [], rest: '' };
  const metadataHighlights = (item.highlights ?? []).flatMap((raw) => {
    const parsedHighlight = omnivoreHighlightSchema.safeParse(raw);
    return parsedHighlight.success ? [parsedHighlight.data] : [];
  });
  const fromMetadata = quotesFromMetadata(metadataHighlights);
  // The metadata's highlights carry context and colours; the Markdown file repeats them.
  const quotes = fromMetadata.quotes.length > 0 ? fromMetadata.quotes : markdown.quotes;
  const copyRoot =
    content && quotes.length > 0 ? new win.DOMParser().parseFromString(content.html, 'text/html').body : null;
  const notes = [...new Set([markdown.rest, ...fromMetadata.notes].filter(Boolean))];
  return {
    where,
    url: item.url,
    title,
    tags: (item.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)),
    status: statusOf(item.state, progress),
    addedAt: parseDate(item.savedAt),
    updatedAt: parseDate(item.updatedAt),
    note: notes.join('\n\n'),
    progress: progress > 0 ? progress : null,
    content,
    highlights: anchorImportedQuotes(quotes, copyRoot),
  };
}
