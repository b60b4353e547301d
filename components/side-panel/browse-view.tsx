import { useLayoutEffect, useRef } from 'react';
import { ArticleList } from '@/components/article-list';
import type { BrowsePlace } from '@/components/hooks/use-browse-place';
import { useSavedMarkers } from '@/components/hooks/use-saved-markers';
import { TopicBrowser } from '@/components/topic-browser';
import type { Article } from '@/lib/corpus/article';

/** Every article (bundled and learned from the blog) by topic, or those with one tag; saved ones are marked. */
export function BrowseView({
  articles,
  tag,
  onSelect,
  onAll,
  place,
}: {
  articles: readonly Article[];
  tag?: string;
  onSelect: (article: Article) => void;
  onAll: () => void;
  place: BrowsePlace;
}) {
  const { markers } = useSavedMarkers();
  const sectionRef = useRef<HTMLElement>(null);
  // Shown again (Back from a card opened here): the focus goes back to that article's button, not to
  // the view's heading. A layout effect: before the page's focus rescue, which would take it there.
  useLayoutEffect(() => {
    const opened = place.opened.current;
    place.opened.current = null;
    if (!opened) return;
    const buttons = sectionRef.current?.querySelectorAll<HTMLElement>('[data-article-id]') ?? [];
    Array.from(buttons)
      .find((button) => button.dataset.articleId === opened)
      ?.focus();
  }, [place]);
  const select = (article: Article) => {
    place.opened.current = article.id;
    onSelect(article);
  };
  if (tag) {
    const tagged = articles.filter((article) => article.tags.includes(tag));
    return (
      <section ref={sectionRef} aria-labelledby="browse-heading">
        <h2 id="browse-heading">Articles tagged “{tag}”</h2>
        <p className="muted">
          {tagged.length} article{tagged.length === 1 ? '' : 's'}.{' '}
          <button type="button" className="link-button" onClick={onAll}>
            All articles by topic
          </button>
        </p>
        <ArticleList articles={tagged} label={`Tagged ${tag}`} onSelect={select} markers={markers} showTopic />
      </section>
    );
  }
  return (
    <section ref={sectionRef} aria-labelledby="browse-heading">
      <h2 id="browse-heading">All articles by topic</h2>
      <p className="muted">{articles.length} articles from webcoderspeed.com.</p>
      <TopicBrowser
        articles={articles}
        onSelect={select}
        markers={markers}
        openTopics={place.openTopics}
        onToggleTopic={place.setTopicOpen}
      />
    </section>
  );
}
