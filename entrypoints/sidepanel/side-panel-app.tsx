import { useEffect, useMemo, useState } from 'react';
import { ArticleList } from '@/components/article-list';
import { TopicBrowser } from '@/components/topic-browser';
import { ARTICLES, getArticleById } from '@/lib/corpus/catalog';
import { findRelated } from '@/lib/related/find-related';
import { getSidePanelView, type SidePanelView, setSidePanelView, watchSidePanelView } from '@/lib/side-panel/view';
import { ArticleView } from './article-view';
import { ReaderContainer } from './reader-container';
import { ReadingListView } from './reading-list-view';
import { SettingsView } from './settings-view';
import { StorageGate } from './storage-gate';

const RELATED_LIMIT = 10;

const NAV_VIEWS = [
  { kind: 'browse', label: 'All articles' },
  { kind: 'reading-list', label: 'Reading list' },
  { kind: 'settings', label: 'Settings' },
] as const;

const SOURCE_LABEL = { selection: 'the selected text', link: 'the link', page: 'this page' } as const;

export function SidePanelApp() {
  const [view, setView] = useState<SidePanelView | null>(null);

  useEffect(() => {
    let cancelled = false;
    const unwatch = watchSidePanelView((next) => setView(next));
    void getSidePanelView().then((initial) => {
      if (!cancelled) setView((current) => current ?? initial);
    });
    return () => {
      cancelled = true;
      unwatch();
    };
  }, []);

  const show = (next: SidePanelView) => {
    setView(next);
    void setSidePanelView(next);
  };

  const found = useMemo(
    () => (view?.kind === 'related' ? findRelated(view.query, { title: view.title, limit: RELATED_LIMIT }) : null),
    [view],
  );
  const related = found?.articles ?? [];

  if (!view) return <main className="side-panel" aria-busy="true" />;

  const article = view.kind === 'article' ? getArticleById(view.articleId) : undefined;

  return (
    <main className="side-panel">
      <header className="panel-header">
        <h1 className="brand">Shelf</h1>
        <nav aria-label="Side panel views" className="panel-nav">
          {NAV_VIEWS.map(({ kind, label }) => (
            <button
              key={kind}
              type="button"
              className="button secondary"
              aria-current={view.kind === kind ? 'page' : undefined}
              onClick={() => show({ kind })}
            >
              {label}
            </button>
          ))}
        </nav>
      </header>
      {view.kind === 'settings' && (
        <StorageGate>
          <SettingsView />
        </StorageGate>
      )}
      {view.kind === 'message' && (
        <p className="notice" role="alert">
          {view.text}
        </p>
      )}
      {view.kind === 'reader' && (
        <>
          <p>
            <a
              href={`/sidepanel.html?reader=${encodeURIComponent(view.itemId)}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              Open in a tab
            </a>
          </p>
          <StorageGate>
            <ReaderContainer itemId={view.itemId} />
          </StorageGate>
        </>
      )}
      {view.kind === 'reading-list' && (
        <StorageGate>
          <ReadingListView
            onOpenArticle={(articleId) => show({ kind: 'article', articleId })}
            onOpenPage={(itemId) => show({ kind: 'reader', itemId })}
          />
        </StorageGate>
      )}
      {view.kind === 'article' &&
        (article ? (
          <ArticleView article={article} onSelect={(chosen) => show({ kind: 'article', articleId: chosen.id })} />
        ) : (
          <p className="notice" role="alert">
            This article is no longer in Shelf’s library.
          </p>
        ))}
      {view.kind === 'related' && (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">Related articles</h2>
          <p className="muted">
            For {SOURCE_LABEL[view.source]}: “{view.label}”
          </p>
          {found && !found.matched && related.length > 0 && (
            <p className="notice">Nothing in Shelf’s library is closely related; these are the nearest articles.</p>
          )}
          {related.length > 0 ? (
            <ArticleList
              articles={related}
              label="Related articles"
              showTopic
              onSelect={(chosen) => show({ kind: 'article', articleId: chosen.id })}
            />
          ) : (
            <p role="status">No article in Shelf’s library matches this.</p>
          )}
        </section>
      )}
      {view.kind === 'browse' && (
        <section aria-labelledby="browse-heading">
          <h2 id="browse-heading">All articles by topic</h2>
          <p className="muted">{ARTICLES.length} articles from webcoderspeed.com.</p>
          <TopicBrowser articles={ARTICLES} onSelect={(chosen) => show({ kind: 'article', articleId: chosen.id })} />
        </section>
      )}
    </main>
  );
}
