import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { getResultOptionId, SearchResults } from '@/components/search-results';
import { openSidePanel } from '@/lib/background/side-panel';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES, getArticleLink } from '@/lib/corpus/catalog';
import { createSimpleSearch } from '@/lib/search/simple-search';
import { setSidePanelView } from '@/lib/side-panel/view';

const search = createSimpleSearch(ARTICLES);
const RESULT_LIMIT = 20;

async function openInNewTab(article: Article) {
  await browser.tabs.create({ url: getArticleLink(article).href });
  window.close();
}

function showInSidePanel(article: Article | null, windowId: number | undefined) {
  // sidePanel.open() needs this click's user gesture: call it before any await.
  const opening = openSidePanel({ windowId });
  void Promise.all([
    setSidePanelView(article ? { kind: 'article', articleId: article.id } : { kind: 'browse' }),
    opening,
  ])
    .then(() => window.close())
    .catch((error: unknown) => console.warn('Shelf: could not open the side panel', error));
}

export function PopupApp() {
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const listId = useId();
  // Looked up ahead of time so that a click can open the side panel without awaiting anything.
  const windowId = useRef<number | undefined>(undefined);
  useEffect(() => {
    void browser.windows.getCurrent().then((win) => {
      windowId.current = win.id;
    });
  }, []);
  const results = useMemo(() => search.search(query, RESULT_LIMIT).map((hit) => hit.article), [query]);
  const active = results[activeIndex] ?? null;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      if (event.shiftKey) showInSidePanel(active, windowId.current);
      else void openInNewTab(active);
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
        placeholder={`Search ${ARTICLES.length} articles`}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to search; typing must work at once.
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActiveIndex(0);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() === '' ? (
        <section className="empty-state">
          <p>
            Search {ARTICLES.length} backend and AI engineering articles by title, topic, tag or summary. Typos are
            fine.
          </p>
          <button type="button" className="button secondary" onClick={() => showInSidePanel(null, windowId.current)}>
            Browse all by topic
          </button>
        </section>
      ) : results.length === 0 ? (
        <p className="empty-state" role="status">
          No articles match “{query}”.
        </p>
      ) : (
        <>
          <p className="result-count" role="status">
            {results.length === RESULT_LIMIT ? `Top ${RESULT_LIMIT}` : results.length} result
            {results.length === 1 ? '' : 's'}
          </p>
          <SearchResults
            id={listId}
            articles={results}
            activeIndex={activeIndex}
            onActivate={setActiveIndex}
            onChoose={(article) => void openInNewTab(article)}
          />
        </>
      )}
      {active && query.trim() !== '' && (
        <section className="popup-actions" aria-label="Actions for the highlighted result">
          <button type="button" className="button" onClick={() => void openInNewTab(active)}>
            {getArticleLink(active).isSearch ? 'Find on webcoderspeed.com' : 'Open article'} <kbd>Enter</kbd>
          </button>
          <button type="button" className="button secondary" onClick={() => showInSidePanel(active, windowId.current)}>
            Open in side panel <kbd>Shift+Enter</kbd>
          </button>
        </section>
      )}
    </main>
  );
}
