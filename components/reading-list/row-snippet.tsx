import { Fragment } from 'react';
import { splitAtHighlights } from '@/lib/search/highlight';
import type { Snippet } from '@/lib/search/snippet';

/** The passage where a found row's page holds the search's words, marked: the popup's snippet, in the list. */
export function RowSnippet({ snippet }: { snippet: Snippet | undefined }) {
  if (!snippet) return null;
  return (
    // The page's own words, in their own direction (an Arabic page's passage read backwards in an English list).
    <span className="reading-row-snippet" dir="auto">
      {splitAtHighlights(snippet.text, snippet.ranges).map((part, at) => (
        <Fragment key={at}>{part.marked ? <mark>{part.text}</mark> : part.text}</Fragment>
      ))}
    </span>
  );
}
