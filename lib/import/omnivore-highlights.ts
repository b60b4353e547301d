import { selectorsForQuote } from '@/lib/annotations/anchor';
import { MAX_QUOTE_LENGTH, type SelectorSet } from '@/lib/annotations/selectors';
import { collapseWhitespace, createTextModel } from '@/lib/annotations/text-model';
import type { HighlightColor } from '@/lib/db/schema';
import type { ImportedHighlight } from '@/lib/import/entry';
import { z } from '@/lib/zod/classic';

/** A highlight as Omnivore's API and its export's metadata give it (only the fields Shelf uses). */
export const omnivoreHighlightSchema = z.looseObject({
  /** `HIGHLIGHT`; a `NOTE` is the article's own note (an annotation without a quote). */
  type: z.string().nullish(),
  quote: z.string().nullish(),
  annotation: z.string().nullish(),
  prefix: z.string().nullish(),
  suffix: z.string().nullish(),
  color: z.string().nullish(),
});
export type OmnivoreHighlight = z.infer<typeof omnivoreHighlightSchema>;

/** A quote and its note, before it is found in the imported copy. */
export interface FoundQuote {
  quote: string;
  note: string;
  prefix?: string;
  suffix?: string;
  color?: string;
}

/** A Map, not an object: a file's colour "constructor" would find Object.prototype's member (and fail the record). */
const OMNIVORE_COLORS = new Map<string, HighlightColor>([
  ['yellow', 'yellow'],
  ['green', 'green'],
  ['blue', 'blue'],
  ['red', 'pink'],
]);

/** Omnivore's metadata highlights: quotes to keep as highlights, and `NOTE`s (the item's note). */
export function quotesFromMetadata(highlights: readonly OmnivoreHighlight[]): {
  quotes: FoundQuote[];
  notes: string[];
} {
  const quotes: FoundQuote[] = [];
  const notes: string[] = [];
  for (const highlight of highlights) {
    const quote = highlight.quote?.trim() ?? '';
    const annotation = highlight.annotation?.trim() ?? '';
    if (quote && !/^note$/i.test(highlight.type ?? '')) {
      quotes.push({
        quote,
        note: annotation,
        prefix: highlight.prefix ?? undefined,
        suffix: highlight.suffix ?? undefined,
        color: highlight.color ?? undefined,
      });
    } else if (annotation) {
      notes.push(annotation);
    }
  }
  return { quotes, notes };
}

/**
 * Where the link Omnivore puts after each quote in `highlights/{slug}.md` begins (`[⤴️](…)`, or a link of
 * any label to `https://omnivore.app/…`, ending the text, with the whitespace before it), or -1. What the
 * regex `\s*\[(?:⤴️|⤴)\]\([^)]*\)\s*$|\s*\[[^\]]*\]\(https:\/\/omnivore\.app\/[^)]*\)\s*$` matched, found in
 * linear time: that regex tried every position of the line, each to its end, and a quote line of
 * 40,000 spaces or brackets took seconds (a crafted export froze the importing page).
 */
function omnivoreLinkStart(text: string): number {
  const end = text.trimEnd().length;
  if (text[end - 1] !== ')') return -1;
  // The address holds no `)`: its `(` comes after the `)` before the last.
  const after = text.lastIndexOf(')', end - 2) + 1;
  const starts: number[] = [];
  for (const label of ['[⤴️](', '[⤴](']) {
    const at = text.indexOf(label, Math.max(0, after - label.length + 1));
    if (at !== -1 && at < end) starts.push(at);
  }
  for (let at = text.indexOf(OMNIVORE_TARGET, Math.max(0, after - 1)); at !== -1; ) {
    const open = labelStart(text, at);
    if (open !== -1) {
      starts.push(open);
      break;
    }
    at = text.indexOf(OMNIVORE_TARGET, at + 1);
  }
  if (starts.length === 0) return -1;
  let start = Math.min(...starts);
  while (start > 0 && /\s/.test(text[start - 1] as string)) start -= 1;
  return start;
}

const OMNIVORE_TARGET = '](https://omnivore.app/';

/**
 * Where the label ending at `close` (a `]`) begins: the first `[` after the `]` before it (a label
 * holds no `]`), or -1. Read back to that `]` only, so reading each `]` of a line in turn reads it once.
 */
function labelStart(text: string, close: number): number {
  let open = -1;
  for (let i = close - 1; i >= 0 && text[i] !== ']'; i -= 1) if (text[i] === '[') open = i;
  return open;
}

/** The text without Omnivore's link at its end. */
function withoutOmnivoreLink(text: string): string {
  const start = omnivoreLinkStart(text);
  return start === -1 ? text : text.slice(0, start);
}

/**
 * Omnivore's `highlights/{slug}.md`: each highlight a `> quote` block ending with a link back to
 * Omnivore, followed by its annotation as plain paragraphs. Text before the first quote is not a
 * highlight's and is kept as the item's note (`rest`).
 */
export function quotesFromMarkdown(markdown: string): { quotes: FoundQuote[]; rest: string } {
  const quotes: FoundQuote[] = [];
  const rest: string[] = [];
  let quoteLines: string[] = [];
  let noteLines: string[] = [];
  const finish = () => {
    const quote = withoutOmnivoreLink(quoteLines.join('\n')).trim();
    if (quote) quotes.push({ quote, note: noteLines.join('\n').trim() });
    else rest.push(...noteLines);
    quoteLines = [];
    noteLines = [];
  };
  let inQuote = false;
  /** The quote so far ended with Omnivore's link: a quoted line after it starts the next one. */
  let linked = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const quoted = /^\s*>\s?(.*)$/.exec(line);
    if (quoted) {
      if ((!inQuote || linked) && (quoteLines.length > 0 || noteLines.length > 0)) finish();
      inQuote = true;
      const text = quoted[1] ?? '';
      const link = omnivoreLinkStart(text);
      linked = link !== -1;
      quoteLines.push(link === -1 ? text : text.slice(0, link));
    } else {
      inQuote = false;
      if (quoteLines.length > 0) noteLines.push(line);
      else rest.push(line);
    }
  }
  finish();
  return { quotes, rest: rest.join('\n').trim() };
}

/**
 * The highlights an import keeps: each quote found in the imported copy's text (the reader's root,
 * the copy's body) gets a full selector set; one that is not there, or where there is no copy,
 * keeps its quote alone (the reader then lists it as not found). Nothing is dropped.
 */
export function anchorImportedQuotes(quotes: readonly FoundQuote[], copyRoot: Element | null): ImportedHighlight[] {
  // The copy's text read once for all its quotes, not once per quote: nothing changes it meanwhile.
  const model = copyRoot && createTextModel(copyRoot);
  return quotes.map(({ quote, note, prefix, suffix, color }) => {
    const exact = collapseWhitespace(quote).trim().slice(0, MAX_QUOTE_LENGTH);
    const found = copyRoot && model && selectorsForQuote(copyRoot, { exact, prefix, suffix }, model);
    const selectors: SelectorSet = found ?? { quote: { type: 'TextQuoteSelector', exact } };
    return { selectors, note, color: OMNIVORE_COLORS.get(color?.toLowerCase() ?? '') ?? 'yellow' };
  });
}
