import { DidYouMean } from '@/components/did-you-mean';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES } from '@/lib/corpus/catalog';
import { TOPICS } from '@/lib/corpus/topics';
import { echoedQuery } from '@/lib/search/shown-line';

interface PopupStartProps {
  recent: readonly Article[];
  onTopic: (topicId: string) => void;
  onOpen: (article: Article) => void;
  onBrowseAll: () => void;
}

/** What the popup shows before a search: the topics, the articles opened recently, and "browse all". */
export function PopupStart({ recent, onTopic, onOpen, onBrowseAll }: PopupStartProps) {
  return (
    <section className="empty-state" aria-label="Start here">
      <p>
        Search {ARTICLES.length} backend and AI engineering articles, and everything you saved: its text, tags, notes
        and highlights.
      </p>
      <h2 className="section-heading">Browse a topic</h2>
      <div className="chip-row">
        {TOPICS.map((t) => (
          <button key={t.id} type="button" className="chip" onClick={() => onTopic(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {recent.length > 0 && (
        <>
          <h2 className="section-heading">Recently opened</h2>
          <ul className="plain-list">
            {recent.map((article) => (
              <li key={article.id}>
                <button type="button" className="link-button" onClick={() => onOpen(article)}>
                  {article.title}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button secondary" onClick={onBrowseAll}>
        Browse all in the side panel
      </button>
    </section>
  );
}

/** "No articles match", with a suggested spelling when there is one: shown in the search's status line. */
export function NoResults({
  query,
  suggestion,
  filtered,
  librarySearched,
  onSuggestion,
}: {
  query: string;
  suggestion: string | null;
  filtered: boolean;
  /** The user's saved pages were searched too (a topic or tag leaves them out; they may be unreadable). */
  librarySearched: boolean;
  onSuggestion: (query: string) => void;
}) {
  return (
    <div className="empty-state">
      <p>No articles match “{echoedQuery(query) || 'these filters'}”.</p>
      {librarySearched && <p className="muted small">Your saved pages were searched too.</p>}
      {suggestion && <DidYouMean suggestion={suggestion} onChoose={onSuggestion} className="button secondary" />}
      {filtered && <p className="muted small">Filters are on: clear them to search every article.</p>}
    </div>
  );
}
