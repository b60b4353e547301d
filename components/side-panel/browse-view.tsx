import { ArticleList } from '@/components/article-list';
import { useSavedMarkers } from '@/components/hooks/use-saved-markers';
import { TopicBrowser } from '@/components/topic-browser';
import type { Article } from '@/lib/corpus/article';

/** Every article (bundled and learned from the blog) by topic, or those with one tag; saved ones are marked. */
export function BrowseView({
  articles,
  tag,
  onSelect,
  onAll,
}: {
  articles: readonly Article[];
  tag?: string;
  onSelect: (article: Article) => void;
  onAll: () => void;
}) {
  const { markers } = useSavedMarkers();
  if (tag) {
    const tagged = articles.filter((article) => article.tags.includes(tag));
    return (
      <section aria-labelledby="browse-heading">
        <h2 id="browse-heading">Articles tagged “{tag}”</h2>
        <p className="muted">
          {tagged.length} article{tagged.length === 1 ? '' : 's'}.{' '}
          <button type="button" className="link-button" onClick={onAll}>
            All articles by topic
          </button>
        </p>
        <ArticleList articles={tagged} label={`Tagged ${tag}`} onSelect={onSelect} markers={markers} showTopic />
      </section>
    );
  }
  return (
    <section aria-labelledby="browse-heading">
      <h2 id="browse-heading">All articles by topic</h2>
      <p className="muted">{articles.length} articles from webcoderspeed.com.</p>
      <TopicBrowser articles={articles} onSelect={onSelect} markers={markers} />
    </section>
  );
}
