import { MarkedPassage } from '@/components/marked-passage';
import { shownLine } from '@/lib/search/shown-line';
import type { Snippet } from '@/lib/search/snippet';
import type { SearchHit, UnifiedResponse } from '@/lib/search/unified';

/**
 * The user's own saved pages that match, each marked as theirs; choosing one opens it in the reader.
 * They are found once the library is read, after the blog's articles are shown, and listed above them:
 * a status region, there from the start (one added with its text is often not announced), says so.
 */
export function SavedRelatedList({
  response,
  snippets,
  onOpen,
}: {
  response: UnifiedResponse;
  snippets: ReadonlyMap<string, Snippet>;
  onOpen: (hit: SearchHit & { kind: 'page' }) => void;
}) {
  const pages = response.hits.filter((hit): hit is SearchHit & { kind: 'page' } => hit.kind === 'page');
  const count = pages.length;
  const said = count === 0 ? '' : `${count} of your saved pages ${count === 1 ? 'is' : 'are'} related: listed first.`;
  return (
    <>
      <p role="status" className="visually-hidden">
        {said}
      </p>
      {count > 0 && <SavedPages pages={pages} snippets={snippets} onOpen={onOpen} />}
    </>
  );
}

function SavedPages({
  pages,
  snippets,
  onOpen,
}: {
  pages: readonly (SearchHit & { kind: 'page' })[];
  snippets: ReadonlyMap<string, Snippet>;
  onOpen: (hit: SearchHit & { kind: 'page' }) => void;
}) {
  return (
    <section aria-labelledby="saved-related-heading">
      <h3 id="saved-related-heading">From your saved pages</h3>
      <ul className="article-list" aria-label="From your saved pages">
        {pages.map((hit) => (
          <li key={hit.key}>
            <button
              type="button"
              className="article-list-item"
              data-item-id={hit.page.itemId}
              // A blog article saved since its card was opened from here is listed here: Back finds it by either.
              data-article-id={hit.page.articleId ?? undefined}
              onClick={() => onOpen(hit)}
            >
              <span className="article-list-title">{shownLine(hit.page.title)}</span>
              <span className="result-topic">
                <span className="saved-badge">Saved</span>
                {hit.page.site && ` · ${shownLine(hit.page.site)}`}
              </span>
              <MarkedPassage snippet={snippets.get(hit.page.itemId)} className="result-summary result-snippet" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
