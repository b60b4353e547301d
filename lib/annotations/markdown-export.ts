import type { QuoteBlock } from '@/lib/annotations/quote-blocks';

/**
 * Highlights, notes and tags as Markdown: one file for many items, or one item (copied from its
 * card). Text that comes from web pages (titles, quotes) is escaped, so a hostile title cannot
 * turn into a link, an image or HTML in the reader's Markdown app; the user's own notes are
 * Markdown already and are kept as written, but for raw HTML and links that could run script
 * (`neutralizeNote`): an import fills notes from other apps' files too, with page text.
 */

export interface MarkdownHighlight {
  /** The quoted text; line breaks are kept, each line quoted. */
  quote: string;
  /** The quote's paragraphs and code lines, where known: written instead of `quote`. */
  blocks?: readonly QuoteBlock[] | undefined;
  note?: string;
}

/** What the export needs of an item, whatever the database stores. */
export interface MarkdownItem {
  title: string;
  url: string | null;
  tags: readonly string[];
  note: string;
  highlights: readonly MarkdownHighlight[];
}

/**
 * Backslash-escapes what could start Markdown or HTML inside a line (CommonMark lets any ASCII
 * punctuation be escaped): emphasis, code, links and images (`[`, `]`), HTML and autolinks (`<`),
 * entities (`&`), strike-through and table pipes (GFM), and `#` (which would close a heading).
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&~|#]/g, '\\$&');
}

/** Escapes a line start that would make a heading, quote, list, rule or setext underline. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_all, space: string, marker: string) =>
    /^\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
  );
}

const escapeLine = (line: string) => escapeLineStart(escapeInline(line));
const lines = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/** An http(s) address as an autolink (percent-encoded by the URL parser, so it cannot close early); anything else as plain text. */
function formatUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return `<${parsed.href}>`;
  } catch {
    // Not an address: shown as text below.
  }
  return escapeLine(url.replace(/\s+/g, ' '));
}

/** Quoted line by line; a blank line stays in the quote (`>`), so paragraphs stay one quote. */
const quoteLines = (text: readonly string[]) => text.map((line) => (line.trim() ? `> ${line}` : '>')).join('\n');

const formatParagraph = (text: string) => lines(text.trim()).map((line) => line.trim() && escapeLine(line.trim()));

/**
 * A `<pre>`'s text as a fenced code block, indentation kept and nothing escaped (a fence longer than
 * any run of backticks in it, so no line of it can close the block early).
 */
function formatCode(text: string): string[] {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [fence, ...lines(text).map((line) => line.trimEnd()), fence];
}

function formatQuote({ quote, blocks }: MarkdownHighlight): string {
  if (!blocks?.length) return quoteLines(formatParagraph(quote));
  const written = blocks.map((block) => (block.code ? formatCode(block.text) : formatParagraph(block.text)));
  return quoteLines(written.flatMap((block, i) => (i === 0 ? block : ['', ...block])));
}

/**
 * A link's destination that runs nothing: a web or mail address, or one without a scheme (no `:`
 * before its first `/`, `?` or `#`, and no `&` or `\\` there, which could spell one: `&#106;`, `\\:`).
 */
const SAFE_DESTINATION = /^(?:(?:https?|mailto):|[^:&\\]*(?:[/?#]|$))/i;
const SAFE_AUTOLINK = /^<(?:https?|mailto):[^\s<>]*>/i;
/** What may follow a `]` to make a link (`](`) or a link reference definition (`]:`) up to its destination. */
const LINK_OPENING = /\][(:][ \t]*(?:\r?\n[ \t]*)?/y;
/** A destination in angle brackets. */
const BRACKETED_DESTINATION = /<([^<>\n]*)>?/y;
/** Where SAFE_DESTINATION decides on a bare destination (one ends at a space): at the first of these. */
const DECIDING = /[\s:&\\/?#]/g;
/** The scheme a bare destination may name before its first `:` (SAFE_DESTINATION). */
const SAFE_SCHEME = /^(?:https?|mailto)$/i;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * A stretch of a note outside fenced code: every `<` that could open HTML (a tag, comment or
 * processing instruction, or an autolink other than http, https or mail) and every link or
 * reference definition to another kind of address is escaped, so that it shows as written.
 * Nothing is taken for code here (a code span's bounds depend on the blocks around it, which a
 * scan of the text cannot know): a `<` in a code span may show a backslash, never run.
 */
function neutralizeText(text: string): string {
  let out = '';
  const isSafe = bareDestinationJudge(text);
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const rest = text.slice(i);
    const destination = char === ']' ? destinationAfter(text, i) : undefined;
    if (char === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) {
      out += rest.slice(0, 2); // already escaped: kept literal as written
      i++;
    } else if (char === '<') {
      const autolink = SAFE_AUTOLINK.exec(rest)?.[0];
      if (autolink) {
        out += autolink;
        i += autolink.length - 1;
      } else out += /^<[A-Za-z/!?]/.test(rest) ? '\\<' : '<';
    } else if (destination !== undefined) {
      BRACKETED_DESTINATION.lastIndex = destination;
      const bracketed = text[destination] === '<' ? BRACKETED_DESTINATION.exec(text)?.[1] : undefined;
      const safe = bracketed === undefined ? isSafe(destination) : SAFE_DESTINATION.test(bracketed);
      // `](` escaped is no link; `\\]:` ends no reference label.
      out += safe ? char : rest[1] === '(' ? ']\\(' : '\\]';
      if (!safe && rest[1] === '(') i++;
    } else out += char;
  }
  return out;
}

/** Where the destination begins of a link or a reference definition opening at `at` (LINK_OPENING); undefined for none. */
function destinationAfter(text: string, at: number): number | undefined {
  LINK_OPENING.lastIndex = at;
  return LINK_OPENING.test(text) ? LINK_OPENING.lastIndex : undefined;
}

/**
 * Whether the bare destination (to the next space) starting at a position is SAFE_DESTINATION, for
 * positions asked in increasing order: it is decided at the first of DECIDING from there, which every
 * position before it shares, so the text is scanned once. Read to its end at each `](`, a note of `](`
 * repeated (20,000 characters, as a hostile import may bring) took 0.3 s, and a library of them froze the
 * export for minutes (red-team pass).
 */
function bareDestinationJudge(text: string): (start: number) => boolean {
  let askedFrom = Number.POSITIVE_INFINITY;
  let decidedAt = -1;
  return (start) => {
    if (start < askedFrom || start > decidedAt) {
      askedFrom = start;
      DECIDING.lastIndex = start;
      decidedAt = DECIDING.exec(text)?.index ?? text.length;
    }
    const decider = text[decidedAt] ?? '';
    if (decider === '' || /[\s/?#]/.test(decider)) return true; // no scheme before a path, query or fragment
    return decider === ':' && SAFE_SCHEME.test(text.slice(start, decidedAt));
  };
}

/** The first mark of a fence indented one to three spaces (`neutralizeNote` escapes it). */
const INDENTED_FENCE = /^( {1,3})([`~])(?=\2\2)/;

/**
 * A note's Markdown with raw HTML and script links neutralized (`neutralizeText`), except in fenced
 * code blocks that start at the line's start: outside HTML (all escaped) such a fence is always one,
 * in or after a list or quote too, and its lines stay as written.
 */
function neutralizeNote(noteLines: readonly string[]): string {
  const out: string[] = [];
  let text: string[] = [];
  let fence: { char: string; length: number } | null = null;
  const flush = () => {
    if (text.length) out.push(neutralizeText(text.join('\n')));
    text = [];
  };
  for (const line of noteLines) {
    if (fence) {
      out.push(line);
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (close?.[0] === fence.char && close.length >= fence.length) fence = null;
      continue;
    }
    const open = /^(`{3,})[^`]*$|^(~{3,})/.exec(line);
    const marker = open?.[1] ?? open?.[2];
    if (!marker) {
      // A fence indented one to three spaces opens a block at the top level but not in a list item,
      // which this scan cannot tell apart (review: "x\n ```\n…\n```\n<img onerror>" left the last
      // line raw): escaped, it is no fence anywhere, and its backticks show as written.
      text.push(line.replace(INDENTED_FENCE, '$1\\$2'));
      continue;
    }
    flush();
    out.push(line);
    fence = { char: marker[0] as string, length: marker.length };
  }
  flush();
  // Closed here: left open, it runs on through the file, and a later note's opening fence closes it,
  // so what that note keeps as code (unneutralized) would be read as Markdown and HTML.
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join('\n');
}

/** The user's Markdown, without trailing spaces or blank lines at its ends, neutralized. */
const formatNote = (note: string) => neutralizeNote(lines(note.trim()));

/** One item; `headingLevel` 1 when it stands alone, 2 inside a file of many. */
export function itemToMarkdown(item: MarkdownItem, { headingLevel = 1 }: { headingLevel?: 1 | 2 } = {}): string {
  const title = escapeInline(item.title.replace(/\s+/g, ' ').trim()) || 'Untitled';
  const blocks = [`${'#'.repeat(headingLevel)} ${title}`];
  if (item.url) blocks.push(formatUrl(item.url));
  if (item.tags.length) blocks.push(`Tags: ${item.tags.map((tag) => escapeInline(tag)).join(', ')}`);
  if (item.note.trim()) blocks.push(formatNote(item.note));
  if (item.highlights.length) {
    blocks.push(`${'#'.repeat(headingLevel + 1)} Highlights`);
    for (const highlight of item.highlights) {
      blocks.push(formatQuote(highlight));
      if (highlight.note?.trim()) blocks.push(formatNote(highlight.note));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Many items in one file, under a heading that says when they were exported. */
export function itemsToMarkdown(items: readonly MarkdownItem[], exportedAt: Date): string {
  const heading = `# Shelf highlights\n\nExported ${exportedAt.toISOString().slice(0, 10)}, ${items.length} ${items.length === 1 ? 'item' : 'items'}.\n`;
  return [heading, ...items.map((item) => itemToMarkdown(item, { headingLevel: 2 }))].join('\n');
}
