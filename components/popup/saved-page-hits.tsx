import type { SavedPageHit } from '@/lib/reading-list/match-saved-pages';

/** Saved pages (not bundled articles) that match the search; choosing one reads it in the side panel. */
export function SavedPageHits({ hits, onRead }: { hits: readonly SavedPageHit[]; onRead: (itemId: string) => void }) {
  if (hits.length === 0) return null;
  return (
    <section aria-labelledby="saved-pages-heading">
      <h2 id="saved-pages-heading" className="section-heading">
        Your saved pages
      </h2>
      <ul className="plain-list">
        {hits.map((hit) => (
          <li key={hit.itemId}>
            <button type="button" className="link-button" onClick={() => onRead(hit.itemId)}>
              {hit.title}
            </button>{' '}
            <span className="muted small">{hit.site}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
