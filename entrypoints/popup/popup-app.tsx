import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { SearchFilters } from '@/components/search-filters';
import { getResultOptionId, SearchResults } from '@/components/search-results';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES, getArticleById, getArticleLink } from '@/lib/corpus/catalog';
import { TOPICS } from '@/lib/corpus/topics';
import {
  describeFirstPaint,
  describeResultCount,
  describeSearchPlaceholder,
  isPopupFiltering,
  listedResults,
  searchPopup,
} from '@/lib/popup/popup-results';
import { loadRecentlyOpened, type PopupState, rememberOpened, savePopupState } from '@/lib/popup/popup-state';
import { matchSavedPages } from '@/lib/reading-list/match-saved-pages';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { showInSidePanel } from '@/lib/side-panel/show';
import { saveCurrentPage, toggleSaved, useSavedMarkers } from './use-saved-markers';

async function openInNewTab(article: Article) {
  await Promise.all([browser.tabs.create({ url: getArticleLink(article).href }), rememberOpened(article.id)]);
  window.close();
}

/** Shows the article's card (or all articles) in the side panel, then closes the popup. */
function showArticleInSidePanel(article: Article | null, windowId: number | undefined) {
  // sidePanel.open() needs this click's user gesture: showInSidePanel asks for it before any await.
  void showInSidePanel({ windowId }, article ? { kind: 'article', articleId: article.id } : { kind: 'browse' })
    .then((opened) => opened && window.close())
    .catch((error: unknown) => console.warn('Shelf: could not open the side panel', error));
}

export function PopupApp({ initialState }: { initialState: PopupState | null }) {
  const [query, setQuery] = useState(initialState?.query ?? '');
  const [topic, setTopic] = useState<string | null>(initialState?.topic ?? null);
  const [tag, setTag] = useState<string | null>(initialState?.tag ?? null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [recent, setRecent] = useState<Article[]>([]);
  const listId = useId();
  const { markers, savedPages } = useSavedMarkers();
  const pageHits = useMemo(() => matchSavedPages(savedPages, query), [savedPages, query]);
  const [saveMessage, setSaveMessage] = useState<{ ok: boolean; message: string } | null>(null);
  // Looked up ahead of time so that a click can open the side panel without awaiting anything.
  const windowId = useRef<number | undefined>(undefined);

  useEffect(() => {
    void browser.windows.getCurrent().then((win) => {
      windowId.current = win.id;
    });
    void loadRecentlyOpened().then((ids) =>
      setRecent(ids.map(getArticleById).filter((a): a is Article => a !== undefined)),
    );
  }, []);

  const engine = getBundledSearchEngine();
  const isFiltering = isPopupFiltering({ query, topic, tag });
  const response = useMemo(() => searchPopup(engine, { query, topic, tag }), [engine, query, topic, tag]);
  const listed = listedResults(response);

  useEffect(() => {
    const state = { query, topic, tag };
    const shown = isFiltering && listed.results.length > 0;
    // Losing it only costs the next opening its first paint (and the restored query): say so, go on.
    savePopupState(state, shown ? describeFirstPaint(state, response) : null).catch((error: unknown) =>
      console.warn('Shelf: could not keep the popup’s search for next time', error),
    );
  }, [query, topic, tag, isFiltering, response, listed.results.length]);
  const results = isFiltering ? listed.results.map((r) => r.article) : [];
  const active = results[activeIndex] ?? null;
  // "Did you mean" only when nothing matches at all, not even a saved page.
  const suggestion = isFiltering && pageHits.length === 0 ? response.suggestion : null;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      if (event.shiftKey) showArticleInSidePanel(active, windowId.current);
      else void openInNewTab(active);
    } else if (event.altKey && event.code === 'KeyS' && active) {
      event.preventDefault();
      void toggleSaved(active, markers.get(active.id));
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
      setActiveIndex(0);
    }
  }

  return (
    <main className="popup">
      <input
        className="search-input"
        type="text"
        role="combobox"
        aria-label="Search articles"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? getResultOptionId(listId, activeIndex) : undefined}
        placeholder={describeSearchPlaceholder()}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to search; typing must work at once.
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActiveIndex(0);
        }}
        onKeyDown={onKeyDown}
      />
      <SearchFilters
        topic={topic}
        tag={tag}
        onTopicChange={(next) => {
          setTopic(next);
          setActiveIndex(0);
        }}
        onTagChange={(next) => {
          setTag(next);
          setActiveIndex(0);
        }}
      />
      {!isFiltering ? (
        <section className="empty-state" aria-label="Start here">
          <p>Search {ARTICLES.length} backend and AI engineering articles by title, topic, tag or summary.</p>
          <h2 className="section-heading">Browse a topic</h2>
          <div className="chip-row">
            {TOPICS.map((t) => (
              <button key={t.id} type="button" className="chip" onClick={() => setTopic(t.id)}>
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
                    <button type="button" className="link-button" onClick={() => void openInNewTab(article)}>
                      {article.title}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            className="button secondary"
            onClick={() => showArticleInSidePanel(null, windowId.current)}
          >
            Browse all in the side panel
          </button>
        </section>
      ) : results.length === 0 ? (
        <div className="empty-state" role="status">
          <p>No articles match “{query.trim() || 'these filters'}”.</p>
          {suggestion && (
            <button type="button" className="button secondary" onClick={() => setQuery(suggestion)}>
              Did you mean “{suggestion}”?
            </button>
          )}
          {(topic || tag) && <p className="muted small">Filters are on: clear them to search every article.</p>}
        </div>
      ) : (
        <>
          <p className="result-count" role="status">
            {describeResultCount(results.length, listed.loose)}
          </p>
          <SearchResults
            id={listId}
            articles={results}
            activeIndex={activeIndex}
            matchedTerms={response.matchedTerms}
            markers={markers}
            prefix={response.prefix}
            onActivate={setActiveIndex}
            onChoose={(article) => void openInNewTab(article)}
          />
        </>
      )}
      {active && (
        <section className="popup-actions" aria-label="Actions for the highlighted result">
          <button type="button" className="button" onClick={() => void openInNewTab(active)}>
            {getArticleLink(active).isSearch ? 'Find on webcoderspeed.com' : 'Open article'} <kbd>Enter</kbd>
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => showArticleInSidePanel(active, windowId.current)}
          >
            Open in side panel <kbd>Shift+Enter</kbd>
          </button>
          <button
            type="button"
            className="button secondary"
            aria-pressed={markers.has(active.id)}
            onClick={() => void toggleSaved(active, markers.get(active.id))}
          >
            {markers.has(active.id) ? 'Saved' : 'Save'} <kbd>Alt+S</kbd>
          </button>
        </section>
      )}
      {pageHits.length > 0 && (
        <section aria-labelledby="saved-pages-heading">
          <h2 id="saved-pages-heading" className="section-heading">
            Your saved pages
          </h2>
          <ul className="plain-list">
            {pageHits.map((hit) => (
              <li key={hit.itemId}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void showInSidePanel({ windowId: windowId.current }, { kind: 'reader', itemId: hit.itemId }).then(
                      (opened) => opened && window.close(),
                    )
                  }
                >
                  {hit.title}
                </button>{' '}
                <span className="muted small">{hit.site}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="page-actions" aria-label="This page">
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setSaveMessage({ ok: true, message: 'Saving…' });
            void saveCurrentPage().then(setSaveMessage);
          }}
        >
          Save this page <kbd>Alt+Shift+S</kbd>
        </button>
        {saveMessage && (
          <p role={saveMessage.ok ? 'status' : 'alert'} className={saveMessage.ok ? 'small' : 'notice small'}>
            {saveMessage.message}
          </p>
        )}
      </section>
    </main>
  );
}
