import { TopicBrowser } from '@/components/topic-browser';
import type { Article } from '@/lib/corpus/article';

/** Every article (bundled and learned from the blog), by topic. */
export function BrowseView({
  articles,
  onSelect,
}: {
  articles: readonly Article[];
  onSelect: (article: Article) => void;
}) {
  return (
    <section aria-labelledby="browse-heading">
      <h2 id="browse-heading">All articles by topic</h2>
      <p className="muted">{articles.length} articles from webcoderspeed.com.</p>
      <TopicBrowser articles={articles} onSelect={onSelect} />
    </section>
  );
}
