import { HighlightedText } from '@/components/highlighted-text';
import { SavedBadge } from '@/components/saved-badge';
import type { SavedMarker } from '@/lib/db/queries';
import { describeResultTopic } from '@/lib/popup/popup-results';
import { getHighlightRanges } from '@/lib/search/highlight';
import { HIT_KIND_LABELS } from '@/lib/search/hit-kinds';
import type { Snippet } from '@/lib/search/snippet';
import { describeMatchReasons, type SearchHit } from '@/lib/search/unified';

interface SearchHitListProps {
  id: string;
  hits: readonly SearchHit[];
  activeIndex: number;
  matchedTerms: ReadonlySet<string>;
  prefix: string | null;
  markers: ReadonlyMap<string, SavedMarker>;
  snippets: ReadonlyMap<string, Snippet>;
  onActivate: (index: number) => void;
  onChoose: (hit: SearchHit) => void;
}

export function getHitOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * The one result list of the popup and the side panel: blog articles and saved pages ranked
 * together, each saying what it is and why it matched. A listbox driven by its search combobox.
 */
export function SearchHitList({
  id,
  hits,
  activeIndex,
  matchedTerms,
  prefix,
  markers,
  snippets,
  onActivate,
  onChoose,
}: SearchHitListProps) {
  const marked = (text: string) => (
    <HighlightedText text={text} ranges={getHighlightRanges(text, matchedTerms, prefix)} />
  );
  return (
    <div id={id} role="listbox" aria-label="Search results" className="search-results">
      {hits.map((hit, index) => {
        const reasons = describeMatchReasons(hit);
        const snippet = hit.kind === 'page' ? snippets.get(hit.page.itemId) : undefined;
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox owns the keyboard (aria-activedescendant).
          // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant.
          <div
            key={hit.key}
            id={getHitOptionId(id, index)}
            role="option"
            aria-selected={index === activeIndex}
            className={`search-result search-result-${hit.kind}`}
            onMouseMove={() => index !== activeIndex && onActivate(index)}
            onClick={() => onChoose(hit)}
          >
            <span className="result-title">{marked(hit.kind === 'article' ? hit.article.title : hit.page.title)}</span>
            <span className="result-topic">
              <span className="result-kind">{HIT_KIND_LABELS[hit.kind]}</span>
              {` · ${hit.kind === 'article' ? describeResultTopic(hit.article) : hit.page.site}`}
              {hit.kind === 'article' && <SavedBadge marker={markers.get(hit.article.id)} />}
              {reasons && <span className="result-reasons">{` · ${reasons}`}</span>}
            </span>
            {hit.kind === 'article' ? (
              <span className="result-summary">{marked(hit.article.summary)}</span>
            ) : (
              snippet && (
                <span className="result-summary result-snippet">
                  <HighlightedText text={snippet.text} ranges={snippet.ranges} />
                </span>
              )
            )}
          </div>
        );
      })}
    </div>
  );
}
