import { Fragment } from 'react';
import { splitAtHighlights } from '@/lib/search/highlight';
import type { Snippet } from '@/lib/search/snippet';

/**
 * The passage where a saved page holds what was searched or what it is related to, its words marked
 * as the result list marks them: a found row of the reading list, a saved page "Find related" lists.
 * The page's words go in as text only.
 */
export function MarkedPassage({ snippet, className }: { snippet: Snippet | undefined; className: string }) {
  if (!snippet) return null;
  return (
    // The page's own words, in their own direction (an Arabic page's passage read backwards in an English list).
    <span className={className} dir="auto">
      {splitAtHighlights(snippet.text, snippet.ranges).map((part, at) => (
        <Fragment key={at}>{part.marked ? <mark>{part.text}</mark> : part.text}</Fragment>
      ))}
    </span>
  );
}
